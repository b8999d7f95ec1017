"""File actions of the main window: new, open, save, save as, recent files, examples, lock."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMenu

from cuecraft.core.disk import disk_state
from cuecraft.core.i18n import _, current_language, ngettext
from cuecraft.gui import dialogs
from cuecraft.gui.file_guard import ask_replace_existing
from cuecraft.gui.recovery import lock_holder, release_lock, take_lock
from cuecraft.resources import example_designs

if TYPE_CHECKING:
    from cuecraft.gui.main_window import MainWindow

MAX_RECENT = 10


def design_filter() -> str:
    """The file dialogs' filter of designs, in the current language."""
    # TRANSLATORS: a file type in the Open and Save dialogs; keep the patterns
    return _("Cuecraft designs (*.yaml *.yml)") + ";;" + _("All files (*)")


class FileActions:
    """Mixed into MainWindow; everything here goes through dialogs.* for questions."""

    def _window(self) -> MainWindow:
        return self  # type: ignore[return-value]

    # -- opening ---------------------------------------------------------------------------

    def open_dialog(self) -> None:
        window = self._window()
        if not self.confirm_discard():
            return
        start = str(window.document.path.parent) if window.document.path else str(Path.cwd())
        name, _filter = QFileDialog.getOpenFileName(
            window, _("Open design"), start, design_filter()
        )
        if name:
            self.open_path(Path(name), confirmed=True)

    def compare_dialog(self) -> None:
        """File ▸ Compare with…: choose the other design (compare_window.py shows it)."""
        window = self._window()
        start = str(window.document.path.parent) if window.document.path else str(Path.cwd())
        # TRANSLATORS: the title of the file dialog of File ▸ Compare with…
        title = _("Compare with design")
        name, _filter = QFileDialog.getOpenFileName(window, title, start, design_filter())
        if name:
            window.compare_with_path(Path(name))

    def open_path(self, path: Path, confirmed: bool = False, reload: bool = False) -> bool:
        """Open a design file in this window; on failure the current document stays as it was.

        `reload`: the open file again, as changed on disk; the window keeps its standing
        (read-only or not, the lock held or lost) and asks nothing about the lock."""
        from cuecraft.core.fileformat import DesignLoadError, load_design
        from cuecraft.gui.document import Document

        window = self._window()
        if not confirmed and not self.confirm_discard():
            return False
        before = disk_state(path)
        try:
            design = load_design(path)
        except DesignLoadError as error:
            dialogs.show_load_error(window, error)
            return False
        # The version read, if nothing changed it while it was being read.
        read = before if disk_state(path) == before else None
        read_only = False
        holder = None if reload else lock_holder(path)
        if reload:
            read_only = window.document.read_only
        elif holder is not None:
            choice = dialogs.ask_lock_choice(window, path.name, holder)
            if choice == "cancel":
                return False
            read_only = choice == "read-only"
        if not reload:
            self.release_file()
        # The checks of the design a start opens run while it is painted (install_document);
        # a design opened in a window already showing one is checked at once.
        document = Document(design, path.resolve(), check_now=window.shows_a_design)
        document.read_only = read_only
        if not read_only and not reload:
            take_lock(document.path)  # type: ignore[arg-type]
        window.install_document(document)
        window.file_guard.remember(document.path, read)
        self.remember_recent(path.resolve())
        window.statusBar().showMessage(_("Opened {file}").format(file=path), 5000)
        return True

    def new_design(self) -> None:
        from cuecraft.core import templates
        from cuecraft.gui.document import Document

        window = self._window()
        if not self.confirm_discard():
            return
        lang = current_language()
        names = [name for name, _description in templates.available(lang)]
        name = dialogs.choose_template(window, names)
        if name is None:
            return
        self.release_file()
        # The template in the workbench's language (its own `language:` says so).
        window.install_document(Document(templates.load(name, lang)))
        window.file_guard.remember(None, None)

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> bool:
        window = self._window()
        document = window.document
        if document.path is None or document.read_only:
            return self.save_as()
        if not window.file_guard.may_save_over(document.path):
            return False
        return self._save_to(document.path)

    def save_as(self) -> bool:
        window = self._window()
        document = window.document
        start = str(document.path) if document.path else str(Path.cwd() / "design.yaml")
        # The dialog would only ask about the name as typed; the name written may differ
        # (an added .yaml), so save_as_path asks about that one.
        name, _filter = QFileDialog.getSaveFileName(
            window,
            _("Save design as"),
            start,
            design_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return False
        return self.save_as_path(Path(name))

    def save_as_path(self, path: Path) -> bool:
        """Save under a new name: the document then belongs to that file."""
        window = self._window()
        document = window.document
        if path.suffix.lower() not in (".yaml", ".yml"):
            # 'Cafe v1.2' is 'Cafe v1.2.yaml', not 'Cafe v1.yaml': add, never replace.
            path = path.with_name(path.name + ".yaml")
        same_file = document.path is not None and path.resolve() == document.path
        if same_file and not window.file_guard.may_save_over(document.path):  # type: ignore[arg-type]
            return False
        if not same_file and path.exists() and not ask_replace_existing(window, path):
            return False
        holder = lock_holder(path)
        if holder is not None and path != document.path:
            dialogs.show_error(
                window,
                _("Cannot save"),
                _("{name} is open in {holder}; choose another name.").format(
                    name=path.name, holder=holder
                ),
            )
            return False
        if self._save_to(path):
            if document.path != path.resolve():
                self.release_file()
                document.read_only = False
                document.set_path(path.resolve())
                take_lock(path.resolve())
            self.remember_recent(path.resolve())
            window._update_title()
            return True
        return False

    def _save_to(self, path: Path) -> bool:
        from cuecraft.core.fileformat import DesignSaveError, save_design

        window = self._window()
        document = window.document
        same_file = path.resolve() == document.path
        if same_file and not self._may_save_over_lock(path):
            return False
        try:
            save_design(document.design, path)
        except DesignSaveError as error:
            dialogs.show_error(
                window,
                _("Save failed"),
                _("{reason}\n\nThe previous file is intact.").format(reason=error),
            )
            return False
        document.undo_stack.setClean()
        if same_file and not document.read_only:
            take_lock(path.resolve())  # re-taken at every save
        window.file_guard.remember(path.resolve(), disk_state(path))
        window.autosave.clear()
        window.statusBar().showMessage(_("Saved {file}").format(file=path), 5000)
        return True

    def _may_save_over_lock(self, path: Path) -> bool:
        """Another Cuecraft holds this file (it took it over): ask before writing over it."""
        holder = lock_holder(path)
        if holder is None:
            return True
        choice = dialogs.ask_lock_taken(self._window(), path.name, holder)
        if choice == "save-as":
            self.save_as()
        return choice == "overwrite"

    def confirm_discard(self) -> bool:
        """Ask before losing unsaved changes; True when it is fine to go on."""
        window = self._window()
        document = getattr(window, "document", None)
        if document is None or not document.is_modified:
            return True
        answer = dialogs.ask_save_changes(window, document.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def release_file(self) -> None:
        document = getattr(self._window(), "document", None)
        if document is not None and document.path is not None and not document.read_only:
            release_lock(document.path)

    # -- feedback ------------------------------------------------------------------------------

    def import_feedback(self) -> None:
        """Import a survey CSV into the design's feedback side file and recheck."""
        window = self._window()
        document = window.document
        if document.path is None:
            dialogs.show_error(
                window,
                _("Import feedback"),
                _("Save the design first: feedback is kept next to its file."),
            )
            return
        name, _filter = QFileDialog.getOpenFileName(
            window,
            _("Import guest feedback"),
            str(document.path.parent),
            # TRANSLATORS: a file type in the Open dialog; keep the patterns
            _("Survey answers (*.csv *.txt)"),
        )
        if name:
            self.import_feedback_from(Path(name))

    def import_feedback_from(self, csv_path: Path) -> bool:
        from cuecraft.core.feedback import (
            CsvError,
            FeedbackSaveError,
            MappingError,
            describe,
            import_csv,
            save_feedback,
            side_file_path,
        )

        window = self._window()
        document = window.document
        assert document.path is not None
        try:
            result = import_csv(csv_path, document.design)
            save_feedback(result.feedback, side_file_path(document.path))
        except (CsvError, MappingError, FeedbackSaveError, OSError) as error:
            dialogs.show_error(window, _("Import feedback"), str(error))
            return False
        document.reload_feedback()
        skipped = len(result.skipped)
        overall = describe(result.feedback.overall)
        if skipped:
            message = ngettext(
                "Imported {file}: overall {score}; {n} row skipped (see cuecraft feedback import)",
                "Imported {file}: overall {score}; {n} rows skipped (see cuecraft feedback import)",
                skipped,
            ).format(file=csv_path.name, score=overall, n=skipped)
        else:
            message = _("Imported {file}: overall {score}").format(
                file=csv_path.name, score=overall
            )
        window.statusBar().showMessage(message, 15000)
        return True

    # -- export --------------------------------------------------------------------------------

    def export_brief(self) -> None:
        """Export the brief; the status bar then says where it went (gui/export_run.py)."""
        from cuecraft.gui.export_run import run_export

        window = self._window()
        window.document.flush()
        run_export(window, window.document)

    # -- recent files and examples -----------------------------------------------------------

    def recent_files(self) -> list[Path]:
        from cuecraft.gui.main_window import settings

        value = settings().value("recent/files", [])
        names = value if isinstance(value, list) else [value] if value else []
        return [Path(name) for name in names if isinstance(name, str)]

    def remember_recent(self, path: Path) -> None:
        from cuecraft.gui.main_window import settings

        names = [str(path)] + [str(p) for p in self.recent_files() if p != path]
        settings().setValue("recent/files", names[:MAX_RECENT])
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        menu: QMenu = self._window().recent_menu
        menu.clear()
        recent = [p for p in self.recent_files() if p.exists()]
        for path in recent:
            action = menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        menu.setEnabled(bool(recent))

    def _fill_examples_menu(self, menu: QMenu) -> None:
        for path in example_designs():
            action = menu.addAction(path.stem.replace("-", " ").capitalize())
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
