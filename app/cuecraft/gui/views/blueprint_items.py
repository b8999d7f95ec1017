"""What the blueprint drawing is made of: cards, their F and W marks, the pinned row headings.

Each item paints itself with `QPainter.drawText`, so a drawing saved through
`QSvgGenerator` keeps its words as SVG text. Items take their colours and fonts
when made (`BlueprintStyle`), never from a widget: the same items draw in the
workbench and in `cuecraft render`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ._style import PaletteInks, accent, mix, scaled_font, severity_color

ROW_HUES = {
    "evidence": "#2a9b78",
    "customer": "#3f7fc6",
    "frontstage": "#c7741a",
    "backstage": "#7a5fc8",
    "support": "#5b7490",
}
FAIL_HUE = "#d33a2c"
WAIT_HUE = "#b07800"
PAD = 7.0
RADIUS = 6.0
_LINES: dict[str, float] = {}


@dataclass(frozen=True)
class BlueprintStyle(PaletteInks):
    """The palette and fonts one drawing is made with."""

    palette: QPalette
    text: QFont
    bold: QFont
    small: QFont
    heading: QFont

    @classmethod
    def make(cls, palette: QPalette, font: QFont) -> BlueprintStyle:
        return cls(
            palette,
            scaled_font(font, 0.92),
            scaled_font(font, 0.92, bold=True),
            scaled_font(font, 0.8),
            scaled_font(font, 1.0, bold=True),
        )

    def line(self, font: QFont) -> float:
        """The line spacing of one of the style's fonts (measured once per font)."""
        key = font.key()
        found = _LINES.get(key)
        if found is None:
            found = _LINES[key] = QFontMetricsF(font).lineSpacing()
        return found

    def hue(self, row: str) -> QColor:
        return accent(self.palette, ROW_HUES.get(row, ROW_HUES["support"]))


class MarkItem(QGraphicsItem):
    """A fail point (F) or wait point (W 20 min) pinned to its card's top-right corner."""

    def __init__(
        self, kind: str, text: str, tooltip: str, style: BlueprintStyle, parent: CardItem
    ) -> None:
        super().__init__(parent)
        self.kind = kind  # "fail" or "wait"
        self.bottom = False  # on the card's bottom edge, else its top
        self.style = style
        self._rect = QRectF()
        self.set_text(text, tooltip)
        self.setZValue(1)

    def set_text(self, text: str, tooltip: str) -> None:
        self.prepareGeometryChange()
        self.text = text
        self.setToolTip(tooltip)
        metrics = QFontMetricsF(self.style.bold)
        height = metrics.height() + 2
        self._rect = QRectF(0, 0, max(height, metrics.horizontalAdvance(text) + 10), height)
        self.update()

    @property
    def width(self) -> float:
        return self._rect.width()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        hue = accent(self.style.palette, FAIL_HUE if self.kind == "fail" else WAIT_HUE)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(hue)
        r = self._rect.height() / 2
        painter.drawRoundedRect(self._rect, r, r)
        painter.setPen(QColor("white"))
        painter.setFont(self.style.bold)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


class CardItem(QGraphicsItem):
    """One cue, touchpoint or action of the grid: a rounded card with its words.

    `lines` are drawn in the card's font (bold for touchpoints), `meta` (owner, standard
    time) below them in a small muted font. A `ghost` card stands for an action in a
    column it also serves, away from its run: dashed, one line.
    """

    def __init__(
        self,
        item_id: str,
        row: str,
        width: float,
        lines: list[str],
        meta: str,
        style: BlueprintStyle,
        ghost: bool = False,
    ) -> None:
        super().__init__()
        self.item_id = item_id
        self.row = row
        self.lines = lines
        self.meta = meta
        self.style = style
        self.ghost = ghost
        self.selected = False
        self.severity = ""  # the worst finding naming the item, for a ring
        self.marks: list[MarkItem] = []
        self._put_by: list[MarkItem] = []  # marks dropped, hidden (`drop_mark`)
        self._font = style.bold if row == "customer" else style.text
        self._rect = QRectF(0, 0, width, self._height_for(lines, meta))
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def _height_for(self, lines: list[str], meta: str) -> float:
        height = 2 * PAD + len(lines) * self.style.line(self._font)
        if meta:
            height += self.style.line(self.style.small)
        return height

    @property
    def rect(self) -> QRectF:
        return self._rect

    def set_height(self, height: float) -> None:
        if height != self._rect.height():
            self.prepareGeometryChange()
            self._rect.setHeight(height)

    def set_words(self, lines: list[str], meta: str) -> None:
        """New words, the card as tall as they need (an action's card)."""
        self.lines, self.meta = lines, meta
        self.set_height(self._height_for(lines, meta))
        self.update()

    def add_mark(self, kind: str, text: str, tooltip: str, bottom: bool = False) -> MarkItem:
        """An F or W mark on the top-right corner, or the bottom-right one (marks of one card
        side by side), clear of the card's words."""
        mark = MarkItem(kind, text, tooltip, self.style, self)
        mark.bottom = bottom
        self.marks.append(mark)
        self._place_marks()
        return mark

    def mark(self, kind: str) -> MarkItem | None:
        return next((m for m in self.marks if m.kind == kind), None)

    def set_mark(self, kind: str, text: str, tooltip: str, bottom: bool = False) -> None:
        """A mark of this kind saying `text`: the one the card has, reworded, or one that
        comes (a wait or fail point typed)."""
        if self.mark(kind) is not None:
            self.reword_mark(kind, text, tooltip)
            return
        put_by = next((m for m in self._put_by if m.kind == kind), None)
        if put_by is None:
            self.add_mark(kind, text, tooltip, bottom)
            return
        self._put_by.remove(put_by)
        put_by.bottom = bottom
        put_by.show()
        self.marks.append(put_by)
        put_by.set_text(text, tooltip)
        self._place_marks()

    def drop_mark(self, kind: str) -> None:
        """No mark of this kind any more (a wait or fail point cleared). The item is
        hidden and kept for the mark's return, never deleted under the scene."""
        mark = self.mark(kind)
        if mark is not None:
            self.marks.remove(mark)
            mark.hide()
            self._put_by.append(mark)
            self._place_marks()

    def reword_mark(self, kind: str, text: str, tooltip: str) -> None:
        """New words on a mark the card has (a wait point's minutes, a fail point's tip)."""
        mark = self.mark(kind)
        if mark is not None:
            mark.set_text(text, tooltip)
            self._place_marks()

    def _place_marks(self) -> None:
        right = self._rect.right() - 4
        for mark in self.marks:
            height = mark.boundingRect().height()
            mark.setPos(right - mark.width, self._rect.bottom() - 6 if mark.bottom else 6 - height)
            right -= mark.width + 3

    def set_selected(self, on: bool) -> None:
        if on != self.selected:
            self.selected = on
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self.style
        hue = style.hue(self.row)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.selected:
            pen = QPen(style.palette.color(QPalette.ColorRole.Highlight), 3.0)
        elif self.severity:
            pen = QPen(severity_color(style.palette, self.severity), 2.0)
        else:
            pen = QPen(mix(style.base, hue, 0.55), 1.0)
        if self.ghost:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(mix(style.base, hue, 0.05 if self.ghost else 0.13))
        painter.drawRoundedRect(self._rect, RADIUS, RADIUS)
        painter.setPen(style.ink)
        painter.setFont(self._font)
        line = style.line(self._font)
        ascent = QFontMetricsF(self._font).ascent()
        y = PAD
        for text in self.lines:
            painter.drawText(QPointF(PAD, y + ascent), text)
            y += line
        if self.meta:
            painter.setPen(style.muted)
            painter.setFont(style.small)
            painter.drawText(QPointF(PAD, y + QFontMetricsF(style.small).ascent()), self.meta)


class HeadingBand(QGraphicsItem):
    """The row headings at the left, and the names of the three lines.

    The workbench moves the band along as the drawing scrolls sideways, so the rows
    stay named; a saved drawing has it at its left edge.
    """

    def __init__(
        self,
        width: float,
        height: float,
        rows: list[tuple[str, float, float, list[str]]],
        lines: list[tuple[str, float, str]],
        style: BlueprintStyle,
    ) -> None:
        super().__init__()
        self.style = style
        self.rows = rows  # (row, top, bottom, heading lines)
        self.lines = lines  # (name, y, label)
        self._width = width
        self._height = height
        metrics = QFontMetricsF(style.small)
        widest = max((metrics.horizontalAdvance(label) for _n, _y, label in lines), default=0.0)
        self._label_width = widest + 16
        self.setZValue(10)

    def reshape(
        self,
        height: float,
        rows: list[tuple[str, float, float, list[str]]],
        lines: list[tuple[str, float, str]],
    ) -> None:
        """New places for the rows and lines (a lane grew or shrank), the same words."""
        self.prepareGeometryChange()
        self.rows, self.lines, self._height = rows, lines, height
        self.update()

    def label_rect(self, name: str) -> QRectF:
        """Where a line's label is drawn, in the band's coordinates."""
        metrics = QFontMetricsF(self.style.small)
        for each, y, label in self.lines:
            if each == name:
                width = metrics.horizontalAdvance(label) + 12
                return QRectF(
                    self._width + 6, y - metrics.height() / 2 - 1, width, metrics.height() + 2
                )
        return QRectF()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self._width + 6 + self._label_width, self._height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        window = style.palette.color(QPalette.ColorRole.Window)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(style.base, window, 0.85))
        painter.drawRect(QRectF(0, 0, self._width, self._height))
        painter.setFont(style.heading)
        line = style.line(style.heading)
        ascent = QFontMetricsF(style.heading).ascent()
        for row, top, bottom, texts in self.rows:
            hue = style.hue(row)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hue)
            painter.drawRect(QRectF(0, top, 4, bottom - top))
            painter.setPen(style.ink)
            y = (top + bottom) / 2 - len(texts) * line / 2
            for text in texts:
                painter.drawText(QPointF(12, y + ascent), text)
                y += line
        painter.setFont(style.small)
        for name, y, label in self.lines:
            rect = self.label_rect(name)
            painter.setPen(QPen(style.muted, 1.0))
            painter.setBrush(style.base)
            painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
            painter.setPen(style.ink)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
            painter.setPen(QPen(style.muted, 1.2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(0, y), QPointF(self._width + 6, y))


NAME_LINES = 2
"""A step's name takes at most two lines, in its column's heading and on its card; both
always have room for two, so the blueprint does not move as someone types a name."""


class ColumnHead(QGraphicsItem):
    """A column's heading: the step's number in a badge, its name, its phase."""

    def __init__(
        self, number: str, lines: list[str], sub: str, width: float, style: BlueprintStyle
    ) -> None:
        super().__init__()
        self.number = number
        self.lines = lines
        self.sub = sub
        self.style = style
        height = NAME_LINES * style.line(style.bold) + style.line(style.small) + 4
        self._rect = QRectF(0, 0, width, height)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(style.bold)
        x = 0.0
        if self.number:
            size = metrics.height() + 4
            badge = QRectF(0, 0, max(size, metrics.horizontalAdvance(self.number) + 10), size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.hue("customer"))
            painter.drawRoundedRect(badge, size / 2, size / 2)
            painter.setPen(QColor("white"))
            painter.setFont(style.bold)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.number)
            x = badge.width() + 6
        painter.setPen(style.ink)
        painter.setFont(style.bold)
        y = 2.0
        for text in self.lines:
            painter.drawText(QPointF(x, y + metrics.ascent()), text)
            y += style.line(style.bold)
        if self.sub:
            painter.setPen(style.muted)
            painter.setFont(style.small)
            painter.drawText(QPointF(x, y + QFontMetricsF(style.small).ascent()), self.sub)


class TextItem(QGraphicsItem):
    """A few lines of plain text in one font and colour ("+3 more", the empty grid's hint)."""

    def __init__(self, lines: list[str], font: QFont, color: QColor, tooltip: str = "") -> None:
        super().__init__()
        self.lines = lines
        self._font = font
        self._color = color
        metrics = QFontMetricsF(font)
        width = max((metrics.horizontalAdvance(t) for t in lines), default=0.0)
        self._rect = QRectF(0, 0, width, len(lines) * metrics.lineSpacing())
        if tooltip:
            self.setToolTip(tooltip)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        metrics = QFontMetricsF(self._font)
        painter.setPen(self._color)
        painter.setFont(self._font)
        y = metrics.ascent()
        for text in self.lines:
            painter.drawText(QPointF(0, y), text)
            y += metrics.lineSpacing()
