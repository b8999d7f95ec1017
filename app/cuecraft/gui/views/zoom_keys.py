"""The zoom keys the Blueprint and Graph tabs share: Ctrl+= (and the platform's Zoom In),
Ctrl+- (and Zoom Out), Ctrl+0 to fit, active while focus is in the tab."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def add_zoom_keys(
    widget: QWidget,
    zoom_in: Callable[[], None],
    zoom_out: Callable[[], None],
    fit: Callable[[], None],
) -> None:
    zoom_keys: list[tuple[list[str | QKeySequence.StandardKey], Callable[[], None]]] = [
        (["Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn], zoom_in),
        (["Ctrl+-", QKeySequence.StandardKey.ZoomOut], zoom_out),
        (["Ctrl+0"], fit),
    ]
    for keys, slot in zoom_keys:
        # The platform's zoom keys often repeat ours: one shortcut per sequence, or
        # Qt calls the pair ambiguous and neither fires.
        sequences: dict[str, QKeySequence] = {}
        for key in keys:
            for sequence in (
                QKeySequence.keyBindings(key)
                if isinstance(key, QKeySequence.StandardKey)
                else [QKeySequence(key)]
            ):
                sequences.setdefault(sequence.toString(), sequence)
        for sequence in sequences.values():
            shortcut = QShortcut(sequence, widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
