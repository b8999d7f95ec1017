"""Start the workbench: `cuecraft [FILE]`."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from cuecraft import __version__
from cuecraft.core.i18n import _, current_language
from cuecraft.gui.first_paint import AfterFirstPaint
from cuecraft.gui.main_window import MainWindow
from cuecraft.gui.recovery import (
    Recovered,
    lock_holder,
    lock_watch,
    orphaned_recoveries,
    take_lock,
)

if TYPE_CHECKING:
    from cuecraft.gui.document import Document


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Cuecraft")
    app.setOrganizationName("Cuecraft")
    app.setApplicationVersion(__version__)
    return app


def start_language(lang: str | None = None) -> str:
    """Speak `lang` (`cuecraft --lang`, for this run only) or else the language chosen in
    Preferences (by default the system's) from now on."""
    from cuecraft.gui.language import apply_language, chosen_language
    from cuecraft.gui.main_window import settings

    application()
    return apply_language(lang or chosen_language(settings()))


def create_window(path: str | None) -> MainWindow:
    """The main window with `path` open, or recovered work, or a blank design, in the
    language now set (a start sets it first: `start_language`)."""
    window = MainWindow(None)
    open_start_document(window, path)
    window.document.check_first()
    return window


def open_start_document(window: MainWindow, path: str | None) -> None:
    """What a start opens: recovered work if the user wants it, else `path`, else blank."""
    from cuecraft.core import templates
    from cuecraft.core.fileformat import parse_design
    from cuecraft.gui.document import Document
    from cuecraft.gui.fonts import register_bundled_fonts

    register_bundled_fonts()
    _LockNotice(window)
    from cuecraft.gui import dialogs  # asked only when there is work to recover

    for recovered in orphaned_recoveries():
        if not dialogs.ask_recover(window, recovered.describe()):
            recovered.discard()
            continue
        try:
            design = parse_design(recovered.data.read_bytes(), str(recovered.data))
        except Exception as error:  # whatever it is, the start goes on and says why
            # Kept, not retried: a recovery that fails once fails at every start.
            kept = recovered.set_aside()
            dialogs.show_error(window, _("Recovery failed"), _recovery_failed(error, kept))
            continue
        if install_recovered(window, recovered, Document(design, recovered.original)):
            return
    if path and window.open_path(Path(path), confirmed=True):
        return
    # The blank design in the workbench's language.
    window.install_document(
        Document(templates.load("blank", current_language()), check_now=window.shows_a_design)
    )


def install_recovered(window: MainWindow, recovered: Recovered, document: Document) -> bool:
    """Show recovered work as unsaved changes to its file, holding the file's lock; False
    (the recovery kept for later) if the file is open elsewhere and the user cancels."""
    from cuecraft.gui import dialogs

    original = recovered.original
    if original is not None:
        holder = lock_holder(original)
        if holder is not None:
            choice = dialogs.ask_lock_choice(window, original.name, holder)
            if choice == "cancel":
                return False
            document.read_only = choice == "read-only"
        if not document.read_only:
            take_lock(original)
    window.install_document(document)
    # The version the work started from: if the file is no longer that one (saved since,
    # changed by another program), Save asks before replacing it.
    window.file_guard.remember(original, recovered.base)
    # The recovered text differs from the file on disk: mark it unsaved.
    document.undo_stack.resetClean()
    window._update_title()
    recovered.discard()
    window.autosave_now()
    if original is not None and recovered.file_is_newer:
        window.statusBar().showMessage(
            _(
                "Recovered work is shown unsaved; {name} on disk is newer than it "
                "and was left as it is (Save asks before replacing it)."
            ).format(name=original.name),
            0,
        )
    return True


def _recovery_failed(error: Exception, kept: Path | None) -> str:
    if kept is not None:
        return _(
            "The autosaved work could not be opened:\n\n{reason}\n\n"
            "It was kept as {file}: open it in a text editor to copy what you need."
        ).format(reason=error, file=kept)
    return _(
        "The autosaved work could not be opened:\n\n{reason}\n\n"
        "It could not be moved aside and stays in the recovery folder."
    ).format(reason=error)


class _LockNotice(QObject):
    """Tells the window as soon as another Cuecraft takes its file over (the lock file
    changes), and again whenever the window comes back to the front while it is so.
    Save itself asks before writing over the file (gui/file_actions.py)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        lock_watch().taken_over.connect(self._taken_over)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            document = getattr(self._window, "document", None)
            if document is not None and document.path is not None:
                holder = lock_holder(document.path)
                if holder is not None:
                    self._taken_over(document.path, holder)
        return False

    def _taken_over(self, design: Path, holder: str) -> None:
        document = getattr(self._window, "document", None)
        if document is None or document.path != design or document.read_only:
            return
        self._window.statusBar().showMessage(
            _(
                "{name} was taken over by {holder}. Save asks before writing over their changes."
            ).format(name=design.name, holder=holder),
            0,
        )


def start_window(path: str | None, lang: str | None = None) -> MainWindow:
    """The window as a start shows it: the design in its first painted frame.

    The window is put on screen first, and the design is read and laid out while the
    window system maps it: the first frame it paints holds the title, the outline and
    the journey. The first check runs off the window's thread meanwhile, and its
    findings follow that frame (`MainWindow.install_document`).
    Autosaved work to recover is asked about over a window already painted instead.

    Python's cycle collector is paused until the window has painted: a start makes some
    hundred thousand objects that all stay (the modules imported, their Qt wrappers, the
    design), and each collection walked them again for nothing (~13 ms of a 200-cue start
    under X). By then they are frozen out of its sight (`MainWindow._freeze`)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        window = _start_window(path, lang)
    except BaseException:
        if collecting:
            gc.enable()
        raise
    if collecting:
        AfterFirstPaint(window, gc.enable)
        window.destroyed.connect(gc.enable)  # closed before it ever painted
    return window


def _start_window(path: str | None, lang: str | None) -> MainWindow:
    from cuecraft.gui.main_window import settings
    from cuecraft.gui.preferences import apply_appearance

    start_language(lang)
    apply_appearance(application(), settings())
    window = MainWindow(None)
    if orphaned_recoveries():
        AfterFirstPaint(window, lambda: open_start_document(window, path))
        return window
    window.show()
    open_start_document(window, path)
    return window


def run_workbench(path: str | None, lang: str | None = None) -> int:
    """Run the workbench on `path` (or recovered work, or a blank design); `lang` overrides
    the language of Preferences for this run."""
    app = application()
    window = start_window(path, lang)
    window.show()
    return app.exec()


def self_test(path: str) -> int:
    """Start the workbench on `path`, show every view once, quit: a smoke test for bundles."""
    app = application()
    start_language()
    window = create_window(path)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
    design = window.document.design
    ok = window.document.path is not None and window.tabs.count() >= 3
    print(f"workbench {'ok' if ok else 'FAILED'}: {design.title} ({len(design.cues)} cues)")
    window.document.undo_stack.setClean()
    window.close()
    return 0 if ok else 1
