"""Run something right after a window has painted for the first time (a start with work
to recover asks about it over a window already on screen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Runs `then` once, right after `widget` has painted for the first time."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            self._run_soon()
        return False

    def _run_soon(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            # After the paint event returns: the frame reaches the screen first.
            QTimer.singleShot(0, self, then)
