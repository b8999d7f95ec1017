"""Window shortcuts that work whatever widget has the focus.

A text field claims some keys for itself before any shortcut sees them (Qt's
ShortcutOverride): on Linux a one-line field takes Ctrl+E for "end of line", so Export
did nothing while the inspector had the focus. The window's own actions (save, export,
workshop, add an item, …) win over that; a field keeps its editing keys (undo, redo,
copy, paste, delete) because those act on the text being typed.

Only the widget that has the focus is watched, so other events never pass through Python.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class WindowShortcutsFirst(QObject):
    """Keeps a window's `actions` reachable from every focused widget of that window."""

    def __init__(self, window: QWidget, actions: Callable[[], list[QAction]]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None:
            with contextlib.suppress(RuntimeError):  # the widget is already gone
                self._watched.removeEventFilter(self)
            self._watched = None
        if new is not None and self._belongs_to_window(new):
            new.installEventFilter(self)
            self._watched = new

    def _belongs_to_window(self, widget: QWidget) -> bool:
        # A floating dock is its own top-level window but still part of this one.
        top: QWidget | None = widget.window()
        while top is not None and top is not self._window:
            parent = top.parentWidget()
            top = parent.window() if parent is not None else None
        return top is self._window

    def claims(self, event: QKeyEvent) -> bool:
        """True when the key is one of the window actions' shortcuts."""
        pressed = QKeySequence(event.keyCombination())
        return any(
            action.isEnabled() and pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch
            for action in self._actions()
            for key in action.shortcuts()
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Swallowing the override (left unaccepted) lets the shortcut fire.
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self.claims(event)
        )
