"""Never overwrite what you did not read: the open file is watched and checked at save.

The window remembers the file's state when it reads or writes it (core/disk.py). When
the file changes on disk (a text editor, a `git checkout`, another program), the
workbench notices: with no unsaved changes it reloads and says so; with unsaved changes
it asks. Before every save it compares again and asks rather than overwrite.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QFileSystemWatcher, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from cuecraft.core.disk import DiskState, changed_since

if TYPE_CHECKING:
    from cuecraft.gui.main_window import MainWindow

SaveChoice = Literal["overwrite", "reload", "save-as", "cancel"]
OutsideChoice = Literal["reload", "keep"]

# -- questions (module-level so tests can replace them, as in gui/dialogs.py) ---------------


def ask_before_overwrite(parent: QWidget | None, path: Path, deleted: bool) -> SaveChoice:
    """The file changed (or went) on disk since it was read: what should Save do?"""
    what = "was deleted or moved" if deleted else "was changed by another program"
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "The file changed on disk",
        f"{path.name} {what} since you opened or last saved it.\n\n"
        "Saving now would replace that version with yours.",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    save_as = box.addButton("Save as…", QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton("Save mine over it", QMessageBox.ButtonRole.DestructiveRole)
    reload = None
    if not deleted:
        reload = box.addButton("Reload theirs (drop mine)", QMessageBox.ButtonRole.ResetRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save_as:
        return "save-as"
    if clicked is overwrite:
        return "overwrite"
    if reload is not None and clicked is reload:
        return "reload"
    return "cancel"


def ask_after_outside_change(parent: QWidget | None, path: Path) -> OutsideChoice:
    """The open file changed on disk while there are unsaved changes here."""
    answer = QMessageBox.question(
        parent,
        "The file changed on disk",
        f"{path.name} was changed by another program, and you have unsaved changes.\n\n"
        "Reload it (your unsaved changes are dropped), or keep working on yours "
        "(Save will ask before replacing the other version)?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return "reload" if answer == QMessageBox.StandardButton.Yes else "keep"


def ask_replace_existing(parent: QWidget | None, path: Path) -> bool:
    """Save As would replace another file that exists: go on?"""
    answer = QMessageBox.question(
        parent,
        "Replace the existing file?",
        f"{path.name} already exists in {path.parent}.\n\nReplace it with this design?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class FileGuard(QObject):
    """Watches the window's open file and answers 'may I save over it?'."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed_on_disk)
        self._asking = False

    def remember(self, path: Path | None, state: DiskState | None) -> None:
        """After reading or writing `path`: `state` is the version the window holds."""
        self._window.document.disk = state
        self.watch(path)

    def watch(self, path: Path | None) -> None:
        watched = self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        if path is not None and path.exists():
            self._watcher.addPath(str(path))

    def may_save_over(self, path: Path) -> bool:
        """True when saving to the open file loses nothing; else asks, and acts on the
        answer (reload, save as) itself."""
        window = self._window
        if not changed_since(path, window.document.disk):
            return True
        choice = ask_before_overwrite(window, path, deleted=not path.exists())
        if choice == "overwrite":
            return True
        if choice == "reload":
            window.open_path(path, confirmed=True, reload=True)
        elif choice == "save-as":
            window.save_as()
        return False

    def _changed_on_disk(self, name: str) -> None:
        window = self._window
        document = window.document
        path = document.path
        if path is None or Path(name) != path:
            return
        # Editors save by replacing the file: the watcher then lost it; watch it again.
        self.watch(path)
        if self._asking or not changed_since(path, document.disk):
            return  # our own save, or the same bytes again
        if not path.exists():
            window.statusBar().showMessage(
                f"{path.name} was deleted or moved on disk; Save writes it again.", 15_000
            )
            return
        if not document.is_modified:
            if window.open_path(path, confirmed=True, reload=True):
                window.statusBar().showMessage(
                    f"Reloaded {path.name}: it was changed by another program.", 15_000
                )
            return
        self._asking = True
        try:
            if ask_after_outside_change(window, path) == "reload":
                window.open_path(path, confirmed=True, reload=True)
        finally:
            self._asking = False
