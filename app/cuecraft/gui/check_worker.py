"""A full check of a large design off the window's thread, so typing never waits for it.

The worker reads the document's own design while the window goes on: no copy (a
10,000-cue design takes longer to copy than to check). That is safe because a result
is taken only if no edit was made while it ran (`Document` numbers every state of the
design: its generation); a check that raced an edit — whatever it read, even if it
failed half-way — is thrown away and the newest state is checked again.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from cuecraft.core.check import CheckResult
    from cuecraft.core.feedback import Feedback
    from cuecraft.core.model import Design


def full_check(design: Design, feedback: Feedback | None) -> CheckResult:
    """Every rule on the design (a separate name so tests can hold a check running)."""
    from cuecraft.core.check import check

    return check(design, feedback=feedback)


class BackgroundCheck(QObject):
    """Runs one full check at a time in a thread; `done(generation, result)` comes back on
    the window's thread (result None if the check failed on a design changing under it)."""

    done = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.running: int | None = None  # the generation being checked

    def start(self, generation: int, design: Design, feedback: Feedback | None) -> None:
        self.running = generation
        thread = threading.Thread(
            target=self._run, args=(generation, design, feedback), daemon=True
        )
        thread.start()

    def _run(self, generation: int, design: Design, feedback: Feedback | None) -> None:
        try:
            result: CheckResult | None = full_check(design, feedback)
        except Exception:  # read mid-edit: the generation has moved on and it runs again
            result = None
        # Emitted from the worker: Qt queues it to the thread the receiver lives in.
        with contextlib.suppress(RuntimeError):  # the document closed meanwhile
            self.done.emit(generation, result)
