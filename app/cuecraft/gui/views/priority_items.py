"""What the priority matrix is drawn with: its style, the cue chips, the cells and the tray.

Each item paints itself with `QPainter.drawText`, so a matrix saved through
`QSvgGenerator` keeps its words as SVG text. Items take their colours and fonts
when made (`MatrixStyle`), never from a widget, so a saved picture looks as the
tab does.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ._style import (
    ERROR,
    INFO,
    WARNING,
    PaletteInks,
    accent,
    mix,
    scaled_font,
    severity_color,
)

QUICK_WIN_HUE = "#2a9b78"
PAD = 7.0  # inside a chip
RADIUS = 7.0
STRIPE = 4.0  # the severity stripe down a chip's left edge
TEXT_LINES = 2  # every chip shows two lines of the cue's words, so chips line up

# A negative cue's severity drawn in the hue of the finding severity it weighs like.
_SEVERITY_HUE = {"high": ERROR, "medium": WARNING, "low": INFO}


@dataclass(frozen=True)
class MatrixStyle(PaletteInks):
    """The palette and fonts one matrix is drawn with."""

    palette: QPalette
    text: QFont
    bold: QFont
    small: QFont
    italic: QFont
    heading: QFont

    @classmethod
    def make(cls, palette: QPalette, font: QFont) -> MatrixStyle:
        italic = scaled_font(font, 0.82)
        italic.setItalic(True)
        return cls(
            palette,
            scaled_font(font, 0.95),
            scaled_font(font, 0.9, bold=True),
            scaled_font(font, 0.82),
            italic,
            scaled_font(font, 1.0, bold=True),
        )

    @staticmethod
    def line(font: QFont) -> float:
        return QFontMetricsF(font).lineSpacing()

    @property
    def quick_win(self) -> QColor:
        return accent(self.palette, QUICK_WIN_HUE)

    @property
    def warning(self) -> QColor:
        return severity_color(self.palette, WARNING)

    def severity(self, severity: str) -> QColor:
        """A negative cue's severity (high, medium, low) as a hue."""
        return severity_color(self.palette, _SEVERITY_HUE.get(severity, INFO))

    def chip_height(self) -> float:
        badge = QFontMetricsF(self.bold).height() + 5  # the first line is centred on it
        first = max(badge, self.line(self.text))
        return 2 * PAD + first + (TEXT_LINES - 1) * self.line(self.text) + self.line(self.small)


def badge_rect(number: str, font: QFont, left: float, top: float) -> QRectF:
    """The pill a plan number sits in: a circle for one or two digits, longer for more."""
    metrics = QFontMetricsF(font)
    size = metrics.height() + 5
    return QRectF(left, top, max(size, metrics.horizontalAdvance(number) + 10), size)


def draw_badge(painter: QPainter, rect: QRectF, number: str, fill: QColor, font: QFont) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(ink_on(fill))
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, number)


def ink_on(fill: QColor) -> QColor:
    """White on a dark fill, near-black on a light one (amber, or any hue a dark theme
    lifts): the number stays readable on every severity's colour."""
    light = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue()
    return QColor("#1d1d1f") if light > 150 else QColor("white")


def person_path(x: float, y: float, size: float) -> QPainterPath:
    """A small head-and-shoulders outline: the owner's mark, read the same in any language."""
    path = QPainterPath()
    head = size * 0.36
    path.addEllipse(QRectF(x + (size - head) / 2, y, head, head))
    body = QRectF(x + size * 0.12, y + head + size * 0.06, size * 0.76, size * 0.9)
    path.moveTo(body.left(), y + size)
    path.arcTo(body, 180, -180)
    path.closeSubpath()
    return path


def wrap_around(text: str, font: QFont, first: float, width: float, max_lines: int) -> list[str]:
    """`text` in at most `max_lines` lines, the first `first` wide (beside the number), the
    others `width` wide, the last one elided. Qt breaks the lines, so words, Chinese text
    and very long words all break where a reader expects."""
    text = " ".join(text.split())
    if not text or max_lines < 1:
        return []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        room = first if not lines else width
        line.setLineWidth(room)
        start = line.textStart()
        if len(lines) == max_lines - 1:
            rest = text[start:]
            elided = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, room)
            lines.append(elided)
            break
        lines.append(text[start : start + line.textLength()].rstrip())
    layout.endLayout()
    return lines


class ChipItem(QGraphicsItem):
    """One open negative cue: its place in the plan in a badge, its words, its owner.

    The words start beside the badge and wrap under it (two lines at most, the last
    elided), so a narrow chip still says what the cue is. `meta` names the owner, or says
    there is none (`owned` False), drawn in the warning hue when a finding (ELI004) says
    the cue needs one (`warned`).
    """

    def __init__(
        self,
        cue_id: str,
        number: str,
        text: str,
        meta: str,
        owned: bool,
        warned: bool,
        severity: str,
        width: float,
        style: MatrixStyle,
    ) -> None:
        super().__init__()
        self.cue_id = cue_id
        self.number = number
        self.meta = meta  # the owner (or the words for none), and the status when mitigating
        self.owned = owned
        self.warned = warned
        self.severity = severity
        self.style = style
        self.selected = False
        self._rect = QRectF(0, 0, width, style.chip_height())
        self._badge = badge_rect(number, style.bold, STRIPE + PAD, PAD - 1)
        self.lines = self._wrap(text)
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def _wrap(self, text: str) -> list[str]:
        width = self._rect.width()
        first = width - self._badge.right() - 6 - PAD
        return wrap_around(text, self.style.text, first, width - self.text_left() - PAD, TEXT_LINES)

    def reword(self, text: str, meta: str, owned: bool, warned: bool) -> None:
        """New words on the chip (its cue's text, owner, the finding that wants one); its
        size and place stay: the chip has room for them however long they are."""
        self.lines = self._wrap(text)
        self.meta, self.owned, self.warned = meta, owned, warned
        self.update()

    @property
    def rect(self) -> QRectF:
        return self._rect

    def text_left(self) -> float:
        return STRIPE + PAD

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
        hue = style.severity(self.severity)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.selected:
            pen = QPen(style.palette.color(QPalette.ColorRole.Highlight), 2.5)
        else:
            pen = QPen(mix(style.base, hue, 0.45), 1.0)
        painter.setPen(pen)
        painter.setBrush(mix(style.base, hue, 0.08))
        painter.drawRoundedRect(self._rect, RADIUS, RADIUS)
        # The severity stripe, clipped to the card's rounded left edge.
        clip = QPainterPath()
        clip.addRoundedRect(self._rect, RADIUS, RADIUS)
        painter.save()
        painter.setClipPath(clip)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(hue)
        painter.drawRect(QRectF(0, 0, STRIPE, self._rect.height()))
        painter.restore()

        badge = self._badge
        draw_badge(painter, badge, self.number, hue, style.bold)
        painter.setPen(style.ink)
        painter.setFont(style.text)
        metrics = QFontMetricsF(style.text)
        # The first line's middle on the badge's middle; the next lines under it.
        y = badge.center().y() - metrics.height() / 2
        for index, text in enumerate(self.lines):
            left = badge.right() + 6 if index == 0 else self.text_left()
            painter.drawText(QPointF(left, y + metrics.ascent()), text)
            y += metrics.lineSpacing()

        # The owner's line, at the chip's foot.
        left = self.text_left()
        font = style.small if self.owned else style.italic
        small = QFontMetricsF(font)
        y = self._rect.height() - PAD - small.height()
        color = style.warning if self.warned else style.muted
        icon = small.ascent() * 0.95
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPath(person_path(left, y + small.ascent() - icon, icon))
        painter.setPen(color)
        painter.setFont(font)
        room = self._rect.width() - left - icon - 4 - PAD
        meta = small.elidedText(self.meta, Qt.TextElideMode.ElideRight, room)
        painter.drawText(QPointF(left + icon + 4, y + small.ascent()), meta)


class TileItem(QGraphicsItem):
    """A cell of the matrix, or the tray of cues not rated yet: a rounded tile, maybe titled.

    `hot` marks it as where a dragged chip would land.
    """

    def __init__(
        self,
        rect: QRectF,
        fill: QColor,
        border: QColor,
        style: MatrixStyle,
        title: str = "",
        title_color: QColor | None = None,
        dashed: bool = False,
        note: str = "",
    ) -> None:
        super().__init__()
        self._rect = rect
        self.fill = fill
        self.border = border
        self.style = style
        self.title = title
        self.title_color = title_color or style.ink
        self.dashed = dashed
        self.note = note  # muted words in the middle of an empty tile
        self.hot = False
        self.setZValue(0)

    @property
    def rect(self) -> QRectF:
        return self._rect

    def set_hot(self, on: bool) -> None:
        if on != self.hot:
            self.hot = on
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        style = self.style
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.hot:
            pen = QPen(style.palette.color(QPalette.ColorRole.Highlight), 2.0)
            fill = mix(self.fill, style.palette.color(QPalette.ColorRole.Highlight), 0.12)
        else:
            pen = QPen(self.border, 1.0)
            fill = self.fill
        if self.dashed and not self.hot:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(self._rect, 9, 9)
        if self.title:
            painter.setPen(self.title_color)
            painter.setFont(style.bold)
            metrics = QFontMetricsF(style.bold)
            painter.drawText(
                QPointF(self._rect.left() + 10, self._rect.top() + 7 + metrics.ascent()),
                metrics.elidedText(
                    self.title, Qt.TextElideMode.ElideRight, self._rect.width() - 20
                ),
            )
        if self.note:
            painter.setPen(style.muted)
            painter.setFont(style.italic)
            top = self.title_height() if self.title else 0.0
            area = self._rect.adjusted(10, top, -10, 0)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.note
            )

    def title_height(self) -> float:
        return title_height(self.style) if self.title else 0.0


def title_height(style: MatrixStyle) -> float:
    """The room a tile's title takes above its chips."""
    return 7 + QFontMetricsF(style.bold).lineSpacing() + 4
