"""Undo and Redo in the Edit menu and on the toolbar, following the design's undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import SignalInstance
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
    undo = UndoRedo(
        # TRANSLATORS: the Edit menu's Undo, with nothing to undo
        _("&Undo"),
        # TRANSLATORS: the Edit menu's Undo; {what} is the step, e.g. "Add zone “zone-3”"
        _("&Undo {what}"),
        stack.undo,
        stack.canUndo(),
        stack.undoText(),
        stack.canUndoChanged,
        stack.undoTextChanged,
        parent,
    )
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = UndoRedo(
        # TRANSLATORS: the Edit menu's Redo, with nothing to redo
        _("&Redo"),
        # TRANSLATORS: the Edit menu's Redo; {what} is the step, e.g. "Add zone “zone-3”"
        _("&Redo {what}"),
        stack.redo,
        stack.canRedo(),
        stack.redoText(),
        stack.canRedoChanged,
        stack.redoTextChanged,
        parent,
    )
    redo.setShortcuts(QKeySequence.StandardKey.Redo)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertActions(first, [undo, redo])  # type: ignore[arg-type]
    tool_undo = UndoRedo(
        # TRANSLATORS: a toolbar button; its tooltip is "Undo {what}"
        _("Undo"),
        _("Undo {what}"),
        stack.undo,
        stack.canUndo(),
        stack.undoText(),
        stack.canUndoChanged,
        stack.undoTextChanged,
        parent,
        stable=True,
    )
    tool_redo = UndoRedo(
        # TRANSLATORS: a toolbar button; its tooltip is "Redo {what}"
        _("Redo"),
        _("Redo {what}"),
        stack.redo,
        stack.canRedo(),
        stack.redoText(),
        stack.canRedoChanged,
        stack.redoTextChanged,
        parent,
        stable=True,
    )
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
        take: Callable[[], None],
        enabled: bool,
        what: str,
        enabled_changed: SignalInstance,
        text_changed: SignalInstance,
        parent: QWidget,
        stable: bool = False,
    ) -> None:
        super().__init__(plain, parent)
        self._plain = plain
        self._described = described
        self._stable = stable
        self.setEnabled(enabled)
        self.triggered.connect(take)
        enabled_changed.connect(self.setEnabled)
        text_changed.connect(self.describe)
        self.describe(what)

    def describe(self, what: str) -> None:
        text = self._described.format(what=what) if what else self._plain
        if self._stable:
            self.setToolTip(text)
        else:
            self.setText(text)
