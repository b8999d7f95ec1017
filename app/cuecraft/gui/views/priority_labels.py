"""The words around the priority matrix's grid: the axis titles, the level words and the
legend. Each paints itself with `QPainter.drawText`, so a saved SVG keeps them as text.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .priority_items import MatrixStyle, badge_rect, draw_badge


class LabelItem(QGraphicsItem):
    """One line of text in a box, aligned in it (axis titles, level words); it may be turned
    a quarter to the left to run up the side of the grid."""

    def __init__(
        self,
        text: str,
        rect: QRectF,
        font: QFont,
        color: QColor,
        align: Qt.AlignmentFlag,
        upright: bool = True,
    ) -> None:
        super().__init__()
        self.text = text
        self.font = font
        self.color = color
        self.align = align
        if upright:
            self._box = QRectF(0, 0, rect.width(), rect.height())
            self.setPos(rect.topLeft())
        else:  # turned about its origin, which sits at the rect's bottom-left corner
            self._box = QRectF(0, 0, rect.height(), rect.width())
            self.setRotation(-90)
            self.setPos(rect.left(), rect.bottom())

    def boundingRect(self) -> QRectF:
        return self._box

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setPen(self.color)
        painter.setFont(self.font)
        text = QFontMetricsF(self.font).elidedText(
            self.text, Qt.TextElideMode.ElideRight, self._box.width()
        )
        painter.drawText(self._box, self.align | Qt.AlignmentFlag.AlignVCenter, text)


class LegendItem(QGraphicsItem):
    """The key under the matrix: the severity hues, and what a chip's number means."""

    def __init__(
        self,
        title: str,
        severities: list[tuple[str, str]],
        numbers: str,
        style: MatrixStyle,
    ) -> None:
        super().__init__()
        self.title = title
        self.severities = severities  # (severity code, its word)
        self.numbers = numbers
        self.style = style
        self._rect = QRectF(0, 0, self._width(), style.line(style.small) + 8)

    def _words(self) -> list[str]:
        return [word for _code, word in self.severities]

    def _width(self) -> float:
        metrics = QFontMetricsF(self.style.small)
        swatch = metrics.height() * 0.8
        width = metrics.horizontalAdvance(self.title) + 10
        for word in self._words():
            width += swatch + 5 + metrics.horizontalAdvance(word) + 14
        badge = badge_rect("1", self.style.bold, 0, 0)
        return width + 14 + badge.width() + 6 + metrics.horizontalAdvance(self.numbers)

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
        metrics = QFontMetricsF(style.small)
        middle = self._rect.height() / 2
        baseline = middle + metrics.ascent() - metrics.height() / 2
        painter.setFont(style.small)
        painter.setPen(style.muted)
        painter.drawText(QPointF(0, baseline), self.title)
        x = metrics.horizontalAdvance(self.title) + 10
        swatch = metrics.height() * 0.8
        for code, word in self.severities:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.severity(code))
            painter.drawRoundedRect(QRectF(x, middle - swatch / 2, swatch, swatch), 3, 3)
            x += swatch + 5
            painter.setPen(style.ink)
            painter.drawText(QPointF(x, baseline), word)
            x += metrics.horizontalAdvance(word) + 14
        x += 14
        badge = badge_rect("1", style.bold, x, 0)
        badge.moveTop(middle - badge.height() / 2)
        draw_badge(painter, badge, "1", style.muted, style.bold)
        painter.setFont(style.small)
        painter.setPen(style.ink)
        painter.drawText(QPointF(badge.right() + 6, baseline), self.numbers)
