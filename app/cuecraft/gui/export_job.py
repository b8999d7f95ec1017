"""The brief export as a background thread that can always be stopped before it is destroyed.

Qt aborts the process when a `QThread` object is destroyed while its thread still
runs. So a running export is never owned by a widget that may go away first (its
dialog, the main window): every job is kept in `_JOBS` until it has finished, and
`stop_all` cancels and waits for every job when the application quits.
"""

from __future__ import annotations

import atexit
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThread, Signal

from cuecraft.core.i18n import _
from cuecraft.core.model import Design

if TYPE_CHECKING:
    from cuecraft.brief import BriefOptions
    from cuecraft.core.feedback import Feedback

CANCELLED = "cancelled"

_JOBS: set[ExportJob] = set()
_hooked_quit = False


class ExportJob(QThread):
    """Writes one brief in its own thread; `outcome` says how it ended.

    `outcome` is None while running, "" when the PDF was written, `CANCELLED`, or the
    reason it failed. `progressed(done, total)` is emitted as the layout advances;
    QThread's own `finished` says the thread has ended (and `outcome` is final).
    """

    progressed = Signal(int, int)

    def __init__(
        self,
        design: Design,
        target: Path,
        options: BriefOptions,
        feedback: Feedback | None = None,
    ) -> None:
        super().__init__()
        self.design = design
        self.target = target
        self.options = options
        self.feedback = feedback
        self.cancelled = threading.Event()
        self.outcome: str | None = None

    def run(self) -> None:
        from cuecraft.brief import BriefCancelled, BriefError, export_brief

        try:
            export_brief(
                self.design,
                self.target,
                self.options,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancel=self.cancelled.is_set,
                feedback=self.feedback,
            )
        except BriefCancelled:
            self.outcome = CANCELLED
        except BriefError as error:
            self.outcome = str(error)
        except OSError as error:
            self.outcome = _("could not write {file}: {reason}").format(
                file=self.target, reason=error.strerror or error
            )
        except Exception as error:  # never leave the dialog waiting for a thread that died
            self.outcome = _("unexpected error: {reason}").format(reason=error)
        else:
            self.outcome = ""

    def begin(self) -> None:
        """Start the export; the job stays referenced until it has finished."""
        _hook_quit()
        _JOBS.difference_update([job for job in _JOBS if job.isFinished()])
        _JOBS.add(self)
        self.start()

    def cancel(self) -> None:
        """Ask the export to stop at its next check (between sections and flowables)."""
        self.cancelled.set()

    def stop(self) -> None:
        """Cancel and block until the thread has ended (closing, quitting)."""
        self.cancel()
        if self.isRunning():
            self.wait()


def stop_all() -> None:
    """Cancel every running export and wait for it: the application is going away."""
    for job in list(_JOBS):
        job.stop()
    _JOBS.clear()


def _hook_quit() -> None:
    global _hooked_quit
    app = QCoreApplication.instance()
    if not _hooked_quit:
        if app is not None:
            app.aboutToQuit.connect(stop_all)
        atexit.register(stop_all)  # a script that never ran app.exec()
        _hooked_quit = True
