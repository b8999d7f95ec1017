"""Run something right after a window has painted for the first time (start-up defers
to it whatever the first frame does not need: the checks, the other tabs' views)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs `then` once, right after `widget` has painted for the first time; at once
    (on the next turn of the event loop) if it has painted already."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        if painted(widget):
            self._run_soon()
        else:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            watched.setProperty(_PAINTED, True)
            self._run_soon()
        return False

    def _run_soon(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            # After the paint event returns: the frame reaches the screen first.
            QTimer.singleShot(0, self, then)


_PAINTED = "cuecraft-painted"


def painted(widget: QWidget) -> bool:
    """Whether the widget is known to have painted (watched by an `AfterFirstPaint`)."""
    return bool(widget.property(_PAINTED))
