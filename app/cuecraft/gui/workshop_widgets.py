"""The workshop's building blocks: its colours, a list that shows what fits, a stopwatch.

Nothing here knows the design: `workshop.py` puts them on the projector.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from cuecraft.core.i18n import _, format_number, ngettext

# High contrast for a projector: white and yellow on black, red and amber for problems.
BACKGROUND, TEXT, ACCENT, ERROR, WARNING = "#000000", "#FFFFFF", "#FFD400", "#FF6B6B", "#FFB000"
QUIET = "#BBBBBB"  # the key help, and what is said in passing


def escape(text: str) -> str:
    """`text` safe inside the workshop's rich text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class FittedLines(QLabel):
    """A list of rich-text lines showing the newest ones, as many as fit its height (and at
    most `max_lines`), under a note of how many earlier ones are left out: in a workshop
    what the room just added matters most, and nothing is cut in half at the bottom.

    Given a `smallest_px`, the type first shrinks towards it (from `base_px`) so that every
    line fits: a list read as a whole (the blueprint's lanes) loses no line to a long one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.max_lines = 9
        self.base_px = 0  # the type's size in pixels as the workshop sets it (0: the font's)
        self._lines: list[str] = []
        self._empty = ""
        self._smallest_px = 0
        self._separator = "<br/>"

    def set_lines(
        self, lines: list[str], empty: str, smallest_px: int = 0, separator: str = "<br/>"
    ) -> None:
        self._lines, self._empty, self._smallest_px = list(lines), empty, smallest_px
        self._separator = separator
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        lines = self._lines
        self._size_type(lines)
        if not lines:
            self.setText(self._empty)
            return
        # The note of the earlier ones takes the place of one line.
        keep = len(lines) if len(lines) <= self.max_lines else self.max_lines - 1
        while True:
            shown = lines if keep >= len(lines) else [_earlier(len(lines) - keep), *lines[-keep:]]
            html = self._separator.join(shown)
            if keep <= 1 or not self.isVisible() or self._fits(html, self.font()):
                break
            keep -= 1
        self.setText(html)

    def _size_type(self, lines: list[str]) -> None:
        """The base size, or a smaller one down to `smallest_px` at which every line fits."""
        if not self.base_px:
            return
        font = QFont(self.font())
        size = self.base_px
        if self._smallest_px and lines and self.isVisible() and len(lines) <= self.max_lines:
            html = self._separator.join(lines)
            while size > self._smallest_px:
                font.setPixelSize(size)
                if self._fits(html, font):
                    break
                size -= 1
        font.setPixelSize(size)
        if font != self.font():
            self.setFont(font)

    def _fits(self, html: str, font: QFont) -> bool:
        room = self.contentsRect()
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setTextWidth(room.width())
        document.setHtml(html)
        return document.size().height() <= room.height()


def _earlier(hidden: int) -> str:
    # TRANSLATORS: over the newest entries of a long list, e.g. "… 12 earlier"
    earlier = ngettext("… {n} earlier", "… {n} earlier", hidden).format(n=format_number(hidden))
    return f"<i>{escape(earlier)}</i>"


class SessionTimer(QObject):
    """A start/pause/reset stopwatch for the facilitator."""

    ticked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._elapsed = 0.0
        self._started: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(lambda: self.ticked.emit(self.text()))

    @property
    def running(self) -> bool:
        return self._started is not None

    def seconds(self) -> float:
        extra = time.monotonic() - self._started if self._started is not None else 0.0
        return self._elapsed + extra

    def text(self) -> str:
        total = int(self.seconds())
        clock = f"{total // 60:02d}:{total % 60:02d}"
        # TRANSLATORS: the workshop's stopwatch while it is paused, e.g. "12:05  (paused)"
        return clock if self.running else _("{time}  (paused)").format(time=clock)

    def toggle(self) -> None:
        if self._started is None:
            self._started = time.monotonic()
            self._timer.start()
        else:
            self._elapsed = self.seconds()
            self._started = None
            self._timer.stop()
        self.ticked.emit(self.text())

    def reset(self) -> None:
        self._elapsed = 0.0
        if self._started is not None:
            self._started = time.monotonic()
        self.ticked.emit(self.text())
