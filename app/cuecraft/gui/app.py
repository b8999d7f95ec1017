"""Start the workbench: `cuecraft [FILE]`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from cuecraft import __version__
from cuecraft.gui import dialogs
from cuecraft.gui.main_window import MainWindow
from cuecraft.gui.recovery import orphaned_recoveries


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Cuecraft")
    app.setOrganizationName("Cuecraft")
    app.setApplicationVersion(__version__)
    return app


def create_window(path: str | None) -> MainWindow:
    """The main window with `path` open, or recovered work, or a blank design."""
    window = MainWindow(None)
    open_start_document(window, path)
    return window


def open_start_document(window: MainWindow, path: str | None) -> None:
    """What a start opens: recovered work if the user wants it, else `path`, else blank."""
    from cuecraft.core import templates
    from cuecraft.core.fileformat import DesignLoadError, parse_design
    from cuecraft.gui.document import Document
    from cuecraft.gui.fonts import register_bundled_fonts

    register_bundled_fonts()

    for recovered in orphaned_recoveries():
        if not dialogs.ask_recover(window, recovered.describe()):
            recovered.discard()
            continue
        try:
            design = parse_design(recovered.data.read_bytes(), str(recovered.data))
        except (OSError, DesignLoadError) as error:
            dialogs.show_error(window, "Recovery failed", str(error))
            continue
        document = Document(design, recovered.original)
        window.install_document(document)
        # The recovered text differs from the file on disk: mark it unsaved.
        document.undo_stack.resetClean()
        window._update_title()
        recovered.discard()
        window.autosave_now()
        return
    if path and window.open_path(Path(path), confirmed=True):
        return
    window.install_document(Document(templates.load("blank")))


class _AfterFirstPaint(QObject):
    """Runs `then` once, right after the watched window has painted for the first time."""

    def __init__(self, window: MainWindow, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)
        return False


def start_window(path: str | None) -> MainWindow:
    """The window as a start shows it: painted at once, the design opened right after."""
    from cuecraft.gui.main_window import settings
    from cuecraft.gui.preferences import apply_appearance

    apply_appearance(application(), settings())
    window = MainWindow(None)
    _AfterFirstPaint(window, lambda: open_start_document(window, path))
    return window


def run_workbench(path: str | None) -> int:
    app = application()
    window = start_window(path)
    window.show()
    return app.exec()


def self_test(path: str) -> int:
    """Start the workbench on `path`, show every view once, quit: a smoke test for bundles."""
    app = application()
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
