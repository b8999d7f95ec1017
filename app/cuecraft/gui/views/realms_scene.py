"""The four realms of an experience as a 2×2 (Pine & Gilmore), as the brief's RealmsChart.

Across: passive participation (left) to active (right); down: absorption (top) to
immersion (bottom). Entertainment is passive absorption, educational active
absorption, esthetic passive immersion, escapist active immersion. Each quadrant
is as strong as the design stages that realm (0..3): its shade and its three dots
both say so, and a legend under the square says what the shades mean.

The scene depends on no widget: the Value tab shows it and `cuecraft render
--view realms` paints it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette, QPen
from PySide6.QtWidgets import QGraphicsScene

from cuecraft.core.i18n import _, format_number
from cuecraft.core.model import Design
from cuecraft.core.words import realm_word

from ._style import mix
from .value_parts import BLUE, PictureStyle, add_words, fitting

# realm, column (0 passive, 1 active), row (0 absorption, 1 immersion)
QUADRANTS = (
    ("entertainment", 0, 0),
    ("educational", 1, 0),
    ("esthetic", 0, 1),
    ("escapist", 1, 1),
)
PART = 0  # item data of a quadrant: (realm, level); of a dot: (realm, "dot" | "empty dot")
HALF = 150.0  # a quadrant's side
MARGIN = 24.0
DOT = 6.0  # a dot's radius


def realms_title() -> str:
    return _("The four realms of the experience")


def level_text(level: int) -> str:
    # TRANSLATORS: how strongly a design stages one of the four realms, from 0 to 3
    return _("{level} of 3").format(level=format_number(level))


def legend_text() -> str:
    return _("Shade and dots: how strongly the design stages each realm, from 0 to 3.")


def no_realms_hint() -> str:
    return _("No realm set yet: set the four realms in the Theme inspector.")


def capital(word: str) -> str:
    """A realm's word as a name: its first letter in upper case (Chinese unchanged)."""
    return word[:1].upper() + word[1:]


def realms_scene(
    design: Design, palette: QPalette | None = None, font: QFont | None = None
) -> QGraphicsScene:
    """The four realms of `design`'s theme; without a palette, dark ink on white."""
    style = PictureStyle.make(palette, font)
    scene = QGraphicsScene()
    scene.setBackgroundBrush(style.base)
    levels = design.theme.realms.as_dict()
    blue = style.hue(BLUE)
    small = QFontMetricsF(style.small).lineSpacing()
    title = add_words(scene, realms_title(), style.title, style.ink, MARGIN, MARGIN)
    side = small + 10  # room for the rotated axis words left and right
    left = MARGIN + side
    top = title.sceneBoundingRect().bottom() + 14 + small + 6
    size = 2 * HALF
    for realm, column, row in QUADRANTS:
        level = max(0, min(3, levels.get(realm, 0)))
        rect = QRectF(left + column * HALF, top + row * HALF, HALF, HALF)
        fill = shade(style.base, blue, level)
        scene.addRect(rect, QPen(Qt.PenStyle.NoPen), fill).setData(PART, (realm, level))
        ink = QColor("white") if fill.lightnessF() < 0.45 else style.ink
        name = capital(realm_word(realm))
        middle = rect.center().y()
        words_h = QFontMetricsF(style.big).lineSpacing()
        # A long realm name ("Entertainment", "Rozrywka") steps down a size before it is
        # shortened: the four names are the picture's point.
        add_words(
            scene,
            name,
            fitting(name, (style.big, style.bold, style.text), HALF - 16),
            ink,
            rect.center().x(),
            middle - words_h - 4,
            width=HALF - 16,
            centred=True,
        )
        for k in range(3):
            cx = rect.center().x() + (k - 1) * 3 * DOT
            dot = QRectF(cx - DOT, middle + 6, 2 * DOT, 2 * DOT)
            filled = k < level
            scene.addEllipse(dot, QPen(ink, 1.4), ink if filled else fill).setData(
                PART, (realm, "dot" if filled else "empty dot")
            )
        add_words(
            scene, level_text(level), style.text, ink, rect.center().x(), middle + 24, centred=True
        )
    # The axes through the middle, named at their ends.
    axis = QPen(style.base, 3.0)
    scene.addLine(left, top + HALF, left + size, top + HALF, axis)
    scene.addLine(left + HALF, top, left + HALF, top + size, axis)
    scene.addRect(QRectF(left, top, size, size), QPen(mix(style.base, style.ink, 0.3), 1.0))
    centre_x, centre_y = left + HALF, top + HALF
    add_words(
        scene,
        _("Absorption").upper(),
        style.small,
        style.muted,
        centre_x,
        top - small - 4,
        centred=True,
    )
    add_words(
        scene,
        _("Immersion").upper(),
        style.small,
        style.muted,
        centre_x,
        top + size + 4,
        centred=True,
    )
    passive = add_words(
        scene,
        _("Passive participation").upper(),
        style.small,
        style.muted,
        0,
        0,
        width=size,
        centred=True,
    )
    passive.setRotation(-90)
    passive.setPos(left - small - 4, centre_y + passive.boundingRect().width() / 2)
    active = add_words(
        scene,
        _("Active participation").upper(),
        style.small,
        style.muted,
        0,
        0,
        width=size,
        centred=True,
    )
    active.setRotation(90)
    active.setPos(left + size + small + 4, centre_y - active.boundingRect().width() / 2)
    bottom = _legend(scene, style, left, top + size + small + 14, size, any(levels.values()))
    right = max(left + size + side + MARGIN, scene.itemsBoundingRect().right() + MARGIN)
    scene.setSceneRect(QRectF(0, 0, right, bottom + MARGIN))
    return scene


def shade(base: QColor, hue: QColor, level: int) -> QColor:
    """A quadrant's fill: from the page's own colour (0) to the full hue (3)."""
    return mix(base, hue, 0.08 + 0.3 * level)


def _legend(
    scene: QGraphicsScene, style: PictureStyle, left: float, top: float, width: float, any_set: bool
) -> float:
    """The four shades, 0 to 3, and what they mean; the bottom of the legend."""
    box = 16.0
    blue = style.hue(BLUE)
    for level in range(4):
        x = left + level * (box + 8)
        scene.addRect(
            QRectF(x, top, box, box),
            QPen(mix(style.base, style.ink, 0.3), 0.8),
            shade(style.base, blue, level),
        )
        add_words(
            scene,
            format_number(level),
            style.small,
            style.muted,
            x + box / 2,
            top + box + 2,
            centred=True,
        )
    words_x = left + 4 * (box + 8) + 4
    text = legend_text() if any_set else no_realms_hint()
    words = add_words(
        scene,
        text,
        style.small,
        style.muted,
        words_x,
        top,
        width=left + width - words_x + 40,
        lines=3,
    )
    numbers = top + box + 2 + QFontMetricsF(style.small).lineSpacing()
    return max(numbers, words.sceneBoundingRect().bottom())
