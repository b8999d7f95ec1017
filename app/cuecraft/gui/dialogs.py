"""Every modal question the workbench asks, in one place (tests replace these functions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from cuecraft.core.fileformat import DesignLoadError


def show_load_error(parent: QWidget | None, error: DesignLoadError) -> None:
    problems = error.problems
    lines = [p.format(error.filename) for p in problems[:20]]
    if len(problems) > 20:
        lines.append(f"… and {len(problems) - 20} more")
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Cannot open the design",
        f"{error.filename} could not be opened:",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText("\n".join(lines))
    box.exec()


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to {name} before closing?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(answer, "cancel")


def ask_lock_choice(parent: QWidget | None, name: str, holder: str) -> str:
    """The file is open elsewhere: 'read-only', 'take-over' or 'cancel'."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Design already open",
        f"{name} is already open in {holder}.",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setInformativeText(
        "Open it read-only, or take it over (the other window can then no "
        "longer save over your changes)?"
    )
    read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    take = box.addButton("Take over", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return "read-only" if clicked is read_only else "take-over" if clicked is take else "cancel"


def ask_recover(parent: QWidget | None, description: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Recover unsaved work?",
        f"Cuecraft closed unexpectedly with unsaved work:\n{description}\n\nRecover it?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_delete(parent: QWidget | None, what: str, references: int) -> bool:
    extra = f"\n\n{references} reference(s) to it will be removed too." if references else ""
    answer = QMessageBox.question(
        parent,
        "Delete",
        f"Delete {what}?{extra}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose_template(parent: QWidget | None, names: list[str]) -> str | None:
    name, ok = QInputDialog.getItem(
        parent, "New design", "Start from the template:", names, 0, False
    )
    return name if ok else None
