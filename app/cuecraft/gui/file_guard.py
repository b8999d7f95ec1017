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
from cuecraft.core.i18n import _

if TYPE_CHECKING:
    from cuecraft.gui.main_window import MainWindow

SaveChoice = Literal["overwrite", "reload", "save-as", "cancel"]
OutsideChoice = Literal["reload", "keep"]

# -- questions (module-level so tests can replace them, as in gui/dialogs.py) ---------------


def ask_before_overwrite(parent: QWidget | None, path: Path, deleted: bool) -> SaveChoice:
    """The file changed (or went) on disk since it was read: what should Save do?"""
    if deleted:
        what = _(
            "{name} was deleted or moved since you opened or last saved it.\n\n"
            "Saving now would write it again with your version."
        )
    else:
        what = _(
            "{name} was changed by another program since you opened or last saved it.\n\n"
            "Saving now would replace that version with yours."
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("The file changed on disk"),
        what.format(name=path.name),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    save_as = box.addButton(_("Save as…"), QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(_("Save mine over it"), QMessageBox.ButtonRole.DestructiveRole)
    reload = None
    if not deleted:
        reload = box.addButton(_("Reload theirs (drop mine)"), QMessageBox.ButtonRole.ResetRole)
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
        _("The file changed on disk"),
        _(
            "{name} was changed by another program, and you have unsaved changes.\n\n"
            "Reload it (your unsaved changes are dropped), or keep working on yours "
            "(Save will ask before replacing the other version)?"
        ).format(name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return "reload" if answer == QMessageBox.StandardButton.Yes else "keep"


def ask_replace_existing(parent: QWidget | None, path: Path) -> bool:
    """Save As would replace another file that exists: go on?"""
    answer = QMessageBox.question(
        parent,
        _("Replace the existing file?"),
        _("{name} already exists in {folder}.\n\nReplace it with this design?").format(
            name=path.name, folder=path.parent
        ),
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
                _("{name} was deleted or moved on disk; Save writes it again.").format(
                    name=path.name
                ),
                15_000,
            )
            return
        if not document.is_modified:
            if window.open_path(path, confirmed=True, reload=True):
                window.statusBar().showMessage(
                    _("Reloaded {name}: it was changed by another program.").format(name=path.name),
                    15_000,
                )
            return
        self._asking = True
        try:
            if ask_after_outside_change(window, path) == "reload":
                window.open_path(path, confirmed=True, reload=True)
        finally:
            self._asking = False
