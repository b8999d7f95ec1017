"""What the small pictures of the Value view are made of: a style and lines of text.

The staircase of economic value (`value_scene`) and the four realms (`realms_scene`)
are scenes built from a design alone, with no widget: the workbench shows them and
`cuecraft render` paints them into SVG or PNG. Their words are `Words` items that
paint with `QPainter.drawText`, so a saved SVG keeps them as searchable text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from ._style import PaletteInks, accent, scaled_font, wrap_elide
from .blueprint_scene import light_palette

BLUE = "#3f7fc6"  # the steps and the realms (the blueprint's customer hue)
GREEN = "#2a9b78"  # the experience premium: value the staging adds


@dataclass(frozen=True)
class PictureStyle(PaletteInks):
    """The palette and fonts one picture is drawn with."""

    palette: QPalette
    text: QFont
    bold: QFont
    small: QFont
    big: QFont  # prices, realm names
    title: QFont

    @classmethod
    def make(cls, palette: QPalette | None = None, font: QFont | None = None) -> PictureStyle:
        """The style of a picture; without a palette, dark ink on white (a file's picture)."""
        palette = palette if palette is not None else light_palette()
        font = font if font is not None else QGuiApplication.font()
        return cls(
            palette,
            scaled_font(font, 1.0),
            scaled_font(font, 1.1, bold=True),
            scaled_font(font, 0.92),
            scaled_font(font, 1.35, bold=True),
            scaled_font(font, 1.5, bold=True),
        )

    def hue(self, light_hex: str) -> QColor:
        return accent(self.palette, light_hex)


class Words(QGraphicsItem):
    """A text shown in a few lines of one font and colour, each centred or left-aligned;
    `text` is the whole text, `lines` how it is broken (and shortened) to fit."""

    def __init__(
        self, text: str, lines: list[str], font: QFont, color: QColor, centred: bool = False
    ) -> None:
        super().__init__()
        self.text = text
        self.lines = lines
        self._font = font
        self._color = color
        self._centred = centred
        metrics = QFontMetricsF(font)
        self._widths = [metrics.horizontalAdvance(t) for t in lines]
        self._width = max(self._widths, default=0.0)
        self._rect = QRectF(0, 0, self._width, len(lines) * metrics.lineSpacing())

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
        for text, width in zip(self.lines, self._widths, strict=True):
            x = (self._width - width) / 2 if self._centred else 0.0
            painter.drawText(QPointF(x, y), text)
            y += metrics.lineSpacing()


def add_words(
    scene: QGraphicsScene,
    text: str,
    font: QFont,
    color: QColor,
    x: float,
    y: float,
    *,
    width: float = 0.0,
    lines: int = 1,
    centred: bool = False,
) -> Words:
    """`text` at (x, y), its top-left corner (its top centre when `centred`); given a
    `width`, wrapped to at most `lines` lines of it, the last one shortened."""
    shown = wrap_elide(text, font, width, lines) if width > 0 else [text]
    item = Words(text, shown, font, color, centred)
    scene.addItem(item)
    left = x - item.boundingRect().width() / 2 if centred else x
    item.setPos(left, y)
    return item


def fitting(text: str, fonts: tuple[QFont, ...], width: float) -> QFont:
    """The first of `fonts` (largest first) in which `text` fits `width`, else the last."""
    for font in fonts:
        if QFontMetricsF(font).horizontalAdvance(text) <= width:
            return font
    return fonts[-1]


def words_in(scene: QGraphicsScene) -> list[str]:
    """Every text the picture shows, top to bottom (tests, accessibility)."""
    found = [i for i in scene.items() if isinstance(i, Words)]
    found.sort(key=lambda i: (i.sceneBoundingRect().top(), i.sceneBoundingRect().left()))
    return [i.text for i in found]
