"""Undo and Redo in the Edit menu and on the toolbar, following the design's undo stack."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from cuecraft.core.i18n import _


def install_undo_actions(
    menu: QMenu,
    toolbar: QToolBar,
    stack: QUndoStack,
    parent: QWidget,
    old: Sequence[QAction] = (),
) -> list[QAction]:
    """Put Undo and Redo for `stack` first in `menu` and on `toolbar`, in place of `old`
    (those of the design or the language before); returns them."""
    for action in old:
        menu.removeAction(action)
        toolbar.removeAction(action)
        action.deleteLater()
    # The menu says what would be undone ("Undo Add zone “zone-3”"); the toolbar keeps
    # short, constant labels so its buttons never move under the mouse, and says it in
    # the tooltip.
    # TRANSLATORS: the Edit menu's Undo, with nothing to undo; then with {what}, the step,
    # e.g. "Add zone “zone-3”"
    undo = UndoRedo(_("&Undo"), _("&Undo {what}"), stack, parent)
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    # TRANSLATORS: the Edit menu's Redo, with nothing to redo; then with {what}, the step
    redo = UndoRedo(_("&Redo"), _("&Redo {what}"), stack, parent, redo=True)
    redo.setShortcuts(QKeySequence.StandardKey.Redo)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertActions(first, [undo, redo])  # type: ignore[arg-type]
    # TRANSLATORS: toolbar buttons; their tooltips are "Undo {what}" and "Redo {what}"
    tool_undo = UndoRedo(_("Undo"), _("Undo {what}"), stack, parent, stable=True)
    tool_redo = UndoRedo(_("Redo"), _("Redo {what}"), stack, parent, redo=True, stable=True)
    toolbar.addActions([tool_undo, tool_redo])
    return [undo, redo, tool_undo, tool_redo]


class UndoRedo(QAction):
    """Undo or redo, following the stack: enabled when there is a step to take.

    In the menu its text names the step (`described`, or `plain` when there is none); on
    the toolbar (`stable`) its text stays `plain`, so the button never changes width and
    moves the one beside it, and the tooltip names the step."""

    def __init__(
        self,
        plain: str,
        described: str,
        stack: QUndoStack,
        parent: QWidget,
        redo: bool = False,
        stable: bool = False,
    ) -> None:
        super().__init__(plain, parent)
        self._plain = plain
        self._described = described
        self._stable = stable
        if redo:
            self.setEnabled(stack.canRedo())
            self.triggered.connect(stack.redo)
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self.describe)
            self.describe(stack.redoText())
        else:
            self.setEnabled(stack.canUndo())
            self.triggered.connect(stack.undo)
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self.describe)
            self.describe(stack.undoText())

    def describe(self, what: str) -> None:
        text = self._described.format(what=what) if what else self._plain
        if self._stable:
            self.setToolTip(text)
        else:
            self.setText(text)
