"""Every modal question the workbench asks, in one place (tests replace these functions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

# The dialogs' classes are reached through the module (`QtWidgets.QMessageBox`) when a
# question is asked: naming them at import would build their enums (10 ms) before the
# workbench's first frame, which asks nothing.
from PySide6 import QtWidgets
from PySide6.QtWidgets import QWidget

from cuecraft.core.i18n import _, ngettext

if TYPE_CHECKING:
    from cuecraft.core.fileformat import DesignLoadError
    from cuecraft.core.templates import TemplateInfo


def show_load_error(parent: QWidget | None, error: DesignLoadError) -> None:
    problems = error.problems
    lines = [p.format(error.filename) for p in problems[:20]]
    if len(problems) > 20:
        more = len(problems) - 20
        lines.append(
            ngettext("… and {n} more problem", "… and {n} more problems", more).format(n=more)
        )
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Warning,
        _("Cannot open the design"),
        _("{file} could not be opened:").format(file=error.filename),
        QtWidgets.QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText("\n".join(lines))
    box.exec()


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QtWidgets.QMessageBox.warning(parent, title, message)


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    answer = QtWidgets.QMessageBox.question(
        parent,
        _("Unsaved changes"),
        _("Save the changes to {name} before closing?").format(name=name),
        QtWidgets.QMessageBox.StandardButton.Save
        | QtWidgets.QMessageBox.StandardButton.Discard
        | QtWidgets.QMessageBox.StandardButton.Cancel,
        QtWidgets.QMessageBox.StandardButton.Save,
    )
    return {
        QtWidgets.QMessageBox.StandardButton.Save: "save",
        QtWidgets.QMessageBox.StandardButton.Discard: "discard",
    }.get(answer, "cancel")


def ask_lock_choice(parent: QWidget | None, name: str, holder: str) -> str:
    """The file is open elsewhere: 'read-only', 'take-over' or 'cancel'."""
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Question,
        _("Design already open"),
        # TRANSLATORS: {holder} is e.g. "another Cuecraft (process 123 on laptop)"
        _("{name} is already open in {holder}.").format(name=name, holder=holder),
        QtWidgets.QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        _(
            "Open it read-only, or take it over (the other window can then no longer "
            "save over your changes without asking)?"
        )
    )
    read_only = box.addButton(_("Open read-only"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    take = box.addButton(_("Take over"), QtWidgets.QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return "read-only" if clicked is read_only else "take-over" if clicked is take else "cancel"


def ask_recover(parent: QWidget | None, description: str) -> bool:
    """Offer work a crash left unsaved; `description` says whose and when, and whether
    the file on disk is newer (gui/recovery.py Recovered.describe)."""
    answer = QtWidgets.QMessageBox.question(
        parent,
        _("Recover unsaved work?"),
        _(
            "Cuecraft closed unexpectedly with unsaved work:\n{description}\n\n"
            "Recover it? It opens as unsaved changes; nothing is written until you save."
        ).format(description=description),
        QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
        QtWidgets.QMessageBox.StandardButton.Yes,
    )
    return answer == QtWidgets.QMessageBox.StandardButton.Yes


def ask_lock_taken(parent: QWidget | None, name: str, holder: str) -> str:
    """Another Cuecraft took this file over since it was opened here: what should Save
    do? 'save-as', 'overwrite' or 'cancel'."""
    box = QtWidgets.QMessageBox(
        QtWidgets.QMessageBox.Icon.Warning,
        _("The design was taken over"),
        _("{name} was taken over by {holder}, which may have saved changes to it.").format(
            name=name, holder=holder
        ),
        QtWidgets.QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        _("Save your version under another name, or write it over theirs anyway?")
    )
    # TRANSLATORS: a button
    save_as = box.addButton(_("Save as…"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(
        _("Overwrite anyway"), QtWidgets.QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    return "save-as" if clicked is save_as else "overwrite" if clicked is overwrite else "cancel"


def ask_delete(parent: QWidget | None, item_id: str, references: int) -> bool:
    """Delete the item `item_id` (and the `references` other items make to it)?"""
    question = _("Delete “{item}”?").format(item=item_id)
    if references:
        question += "\n\n" + ngettext(
            "{n} reference to it will be removed too.",
            "{n} references to it will be removed too.",
            references,
        ).format(n=references)
    answer = QtWidgets.QMessageBox.question(
        parent,
        # TRANSLATORS: the title of the question before deleting an item
        _("Delete"),
        question,
        QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
        QtWidgets.QMessageBox.StandardButton.No,
    )
    return answer == QtWidgets.QMessageBox.StandardButton.Yes


def choose_template(parent: QWidget | None, names: list[str]) -> str | None:
    """The name of the template to start from, or None if cancelled."""
    from cuecraft.core.i18n import current_language
    from cuecraft.core.templates import catalogue

    # The templates in the workbench's language (English where one has no translation).
    infos = {info.name: info for info in catalogue(current_language())}
    picker = TemplatePicker([infos[n] for n in names if n in infos], parent)
    return picker.chosen() if picker.exec() == QtWidgets.QDialog.DialogCode.Accepted else None


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class TemplatePicker(QtWidgets.QDialog):
    """Templates by their description; the theme and tagline of the highlighted one."""

    def __init__(self, infos: list[TemplateInfo], parent: QWidget | None = None) -> None:
        # Qt's namespace costs 25 ms to import: not at start-up, only when a picker opens.
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self._infos = list(infos)
        self.setWindowTitle(_("New design"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(_("Start from the template:")))
        self.list = QtWidgets.QListWidget(self)
        # TRANSLATORS: accessible name of the list of templates
        self.list.setAccessibleName(_("templates"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        for info in infos:
            # The description names the kind of place already ("Retail store, from …").
            item = QtWidgets.QListWidgetItem(_sentence(info.description or info.title))
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(self._details(info))
            self.list.addItem(item)
        self.details = QtWidgets.QLabel(self)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        # TRANSLATORS: accessible name of the theme and tagline of the chosen template
        self.details.setAccessibleName(_("template details"))
        self.details.setMinimumHeight(self.details.fontMetrics().lineSpacing() * 3)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(self._show_details)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0)
        self.resize(480, 340)

    @staticmethod
    def _details(info: TemplateInfo) -> str:
        if info.tagline:
            return _("Theme: {theme} — “{tagline}”").format(theme=info.theme, tagline=info.tagline)
        return _("Theme: {theme}").format(theme=info.theme)

    def _info(self, item: QtWidgets.QListWidgetItem | None) -> TemplateInfo | None:
        row = self.list.row(item) if item is not None else -1
        return self._infos[row] if 0 <= row < len(self._infos) else None

    def _show_details(self, item: QtWidgets.QListWidgetItem | None) -> None:
        info = self._info(item)
        self.details.setText(self._details(info) if info is not None else "")

    def chosen(self) -> str | None:
        info = self._info(self.list.currentItem())
        return info.name if info is not None else None
