"""The personas' curves in the journey's emotion chart, and their legend (journey_personas).

Each persona is told apart three ways, so a projector's washed-out colours or
a grey print still tell them apart: a hue, a dash pattern and a marker shape,
all by their place among the design's personas. None of them is the design's
(solid blue line, round beads) nor the measured NPS's (raspberry diamonds).

A persona feels as the design does at most steps, so with every persona
overlaid their curves would lie on the design's and on each other. Each one is
nudged a few pixels up or down (less than a fifth of a step, never enough to
read as another level), so every line stays visible beside the others.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cuecraft.core.i18n import _

from ._style import accent, mix, muted_text, scaled_font, with_alpha
from .journey_chart import marker_label, paint_curve, paint_marker_labels
from .journey_items import Geometry
from .journey_nps import CURVE_HUE
from .journey_personas import Guest, PersonaCurve

# Orange, violet, teal, olive, brown: apart from each other, the design's blue, the NPS
# raspberry and the selection's yellow on the light and the high-contrast palette alike
# (`accent` lifts them on dark ones; tests/gui/test_journey_personas.py measures it).
PERSONA_HUES = ("#c2410c", "#6741d9", "#0b7285", "#7a8a00", "#5c3d2e")
# In pen widths. As the brief's: a long dash, dots, dash-dot, short dashes, long dashes.
DASHES: tuple[tuple[float, ...], ...] = (
    (4.0, 1.6),
    (0.8, 1.6),
    (4.0, 1.4, 0.8, 1.4),
    (2.0, 1.2),
    (7.0, 2.0),
    (4.0, 1.4, 0.8, 1.4, 0.8, 1.4),
)
MARKERS = ("square", "triangle", "down", "bar", "cross")
AS_IS_DASH = (3.0, 2.0)  # the other design's curve while comparing: none of the above


def persona_color(palette: QPalette, style: int) -> QColor:
    return accent(palette, PERSONA_HUES[style % len(PERSONA_HUES)])


def persona_pen(palette: QPalette, style: int, width: float = 2.0) -> QPen:
    pen = QPen(persona_color(palette, style), width)
    pen.setDashPattern(list(DASHES[style % len(DASHES)]))
    return pen


def paint_marker(
    painter: QPainter, style: int, centre: QPointF, r: float, palette: QPalette, hollow: bool
) -> None:
    """The persona's marker shape at `centre`; hollow where their journey does not reach."""
    shape = MARKERS[style % len(MARKERS)]
    color = persona_color(palette, style)
    base = palette.color(QPalette.ColorRole.Base)
    x, y = centre.x(), centre.y()
    if shape == "cross":
        painter.setPen(QPen(color, 2.2 if not hollow else 1.4))
        painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
        painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))
        return
    painter.setPen(QPen(color, 1.6) if hollow else QPen(base, 1.4))
    painter.setBrush(base if hollow else color)
    if shape == "square":
        painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "bar":
        painter.drawRect(QRectF(x - r * 1.2, y - r * 0.55, r * 2.4, r * 1.1))
    else:
        tip = -1 if shape == "triangle" else 1
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, y + tip * r * 1.15),
                    QPointF(x + r * 1.05, y - tip * r * 0.75),
                    QPointF(x - r * 1.05, y - tip * r * 0.75),
                ]
            )
        )


def as_is_color(palette: QPalette) -> QColor:
    """The other design's curve while comparing: a neutral grey, darker than the faint
    reference line of the design behind one persona's."""
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.35)


def as_is_pen(palette: QPalette, width: float = 2.0) -> QPen:
    """The other design's curve (File ▸ Compare with…): grey and dashed, as the brief's
    as-is curve is dashed."""
    pen = QPen(as_is_color(palette), width)
    pen.setDashPattern(list(AS_IS_DASH))
    return pen


def paint_as_is_marker(
    painter: QPainter, centre: QPointF, r: float, palette: QPalette, hollow: bool
) -> None:
    """A small grey bead on the other design's curve; hollow where its journey does not reach."""
    color = as_is_color(palette)
    base = palette.color(QPalette.ColorRole.Base)
    painter.setPen(QPen(color, 1.6) if hollow else QPen(base, 1.2))
    painter.setBrush(base if hollow else color)
    painter.drawEllipse(centre, r * 0.8, r * 0.8)


def paint_skip(painter: QPainter, centre: QPointF, palette: QPalette) -> None:
    """A touchpoint the persona shown skips: a cross on the design's faint curve."""
    painter.setPen(QPen(muted_text(palette), 1.8))
    r = 4.5
    x, y = centre.x(), centre.y()
    painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r))
    painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r))


def nudges(count: int, geo: Geometry) -> list[float]:
    """How far each of `count` overlaid curves is moved: 0 for none, then −1, +1, −2, +2 …
    steps of a few pixels, all within a fifth of an emotion step."""
    if count <= 0:
        return []
    pairs = math.ceil(count / 2)
    step = min(3.0, geo.unit * 0.2 / pairs)
    return [(-1 if k % 2 == 0 else 1) * (k // 2 + 1) * step for k in range(count)]


class PersonaCurves(QGraphicsItem):
    """Every persona's curve over the design's (`one` False), or one persona's over the
    design's faint line with their skips crossed and their peak and end marked."""

    def __init__(
        self,
        geo: Geometry,
        width: float,
        curves: Sequence[PersonaCurve],
        one: bool,
        palette: QPalette,
        font: QFont,
    ) -> None:
        super().__init__()
        self.geo = geo
        self.curves = list(curves)
        self.one = one
        self._palette = palette
        self._font = scaled_font(font, 0.92, bold=True)
        self._rect = QRectF(geo.gutter, geo.chart_top, width - geo.gutter, geo.chart_h)
        self.setZValue(3)  # over the design's curve and the measured NPS

    def boundingRect(self) -> QRectF:
        return self._rect

    def drawn(self) -> dict[str, dict[str, int | None]]:
        """Each persona's feeling at the touchpoints their curve goes through."""
        return {c.guest.persona: {p.tp_id: p.emotion for p in c.points} for c in self.curves}

    def marker_labels(self) -> dict[str, str]:
        """The words at the one persona's marked points (none when every guest is shown)."""
        if not self.one:
            return {}
        return {
            p.tp_id: marker_label(p.marker, p.emotion)
            for c in self.curves
            for p in c.points
            if p.marker
        }

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        pal, geo = self._palette, self.geo
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for curve, dy in zip(self.curves, self._shifts(), strict=False):
            style = curve.guest.style
            if self.one:
                for p in curve.skipped:
                    paint_skip(painter, QPointF(p.x, geo.emotion_y(p.emotion or 0)), pal)
            known = [p for p in curve.points if p.emotion is not None]
            line = [QPointF(p.x, geo.emotion_y(p.emotion or 0) + dy) for p in known]
            reached = [pt for pt, p in zip(line, known, strict=True) if not p.unreachable]
            pen = self._pen(style)
            paint_curve(painter, reached, geo.emotion_y(0), pen, 0.10 if self.one else 0.0)
            for pt, p in zip(line, known, strict=True):
                marked = self.one and bool(p.marker)
                self._marker(painter, style, pt, 6.0 if marked else 4.2, p.unreachable)
                if marked:
                    painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1.4))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(pt, 10.5, 10.5)
        if self.one:
            self._paint_marks(painter)

    # The look of the lines: a persona's own (an overlaid design's curve has another).

    def _shifts(self) -> list[float]:
        return [0.0] if self.one else nudges(len(self.curves), self.geo)

    def _pen(self, style: int) -> QPen:
        return persona_pen(self._palette, style, 2.6 if self.one else 2.0)

    def _marker(
        self, painter: QPainter, style: int, centre: QPointF, r: float, hollow: bool
    ) -> None:
        paint_marker(painter, style, centre, r, self._palette, hollow)

    def _paint_marks(self, painter: QPainter) -> None:
        """'peak' and 'end' at the persona's marked points, as the design's curve writes them."""
        text = self._palette.color(QPalette.ColorRole.Text)
        for curve in self.curves:
            paint_marker_labels(
                painter, self._font, self.geo, self._rect, curve.points, self._palette, text
            )


# -- the legend (drawn by the canvas, pinned under the chart) ----------------------------


@dataclass(frozen=True)
class PersonaLegend:
    """What the personas' legend says: (kind, style, text) per entry; kinds 'design' (the
    design's blue curve), 'reference' (its faint line), 'persona', 'skipped', 'as-is'
    (the other design's curve while comparing)."""

    entries: tuple[tuple[str, int, str], ...]
    one: bool

    @property
    def texts(self) -> list[str]:
        return [text for _kind, _style, text in self.entries]


def legend_of(
    guests: Sequence[Guest], shown: Guest | None, feedback: bool, as_is: str = ""
) -> PersonaLegend:
    """The legend's entries in the current language: the design's curve, then every
    persona's (`shown` None) or the one shown and, if they skip any, the skip's cross;
    last, while comparing, the other design's curve named `as_is`.

    With feedback, the design's curve as it always is (every guest shown) is named by
    the feedback's legend, under this one: it is not named twice."""
    entries = []
    if shown is not None or not feedback:
        # TRANSLATORS: legend of the journey chart: the emotion curve the design sets
        entries.append(("reference" if shown else "design", 0, _("designed emotion")))
    entries += [("persona", g.style, g.title) for g in ([shown] if shown else guests)]
    if shown is not None and shown.journey.skipped:
        # TRANSLATORS: legend of the journey chart when one persona is shown: the cross
        entries.append(("skipped", 0, _("touchpoint they skip")))
    if as_is:
        entries.append(("as-is", 0, as_is))
    return PersonaLegend(tuple(entries), shown is not None)


GLYPH_W = 30.0
GAP = 22.0


def legend_lines(legend: PersonaLegend, font: QFont, width: float) -> list[list[int]]:
    """The legend's entries (by index) on as many lines as `width` needs."""
    fm = QFontMetricsF(font)
    lines: list[list[int]] = [[]]
    x = 0.0
    for k, (_kind, _style, text) in enumerate(legend.entries):
        need = GLYPH_W + fm.horizontalAdvance(text)
        if lines[-1] and x + need > width:
            lines.append([])
            x = 0.0
        lines[-1].append(k)
        x += need + GAP
    return lines


def paint_persona_legend(
    painter: QPainter,
    legend: PersonaLegend,
    area: QRectF,
    rows: int,
    palette: QPalette,
    font: QFont,
) -> None:
    """The legend on `rows` lines of `area`; an entry that still does not fit is shortened."""
    fm = QFontMetricsF(font)
    painter.setFont(font)
    lines = legend_lines(legend, font, area.width())
    if len(lines) > rows:  # the view is narrower than when it was laid out: squeeze
        lines = [*lines[: rows - 1], [k for line in lines[rows - 1 :] for k in line]]
    row_h = area.height() / max(1, rows)
    for row, line in enumerate(lines):
        x, mid = area.left(), area.top() + row_h * (row + 0.5)
        for k in line:
            kind, style, text = legend.entries[k]
            room = area.right() - x - GLYPH_W
            if room < fm.horizontalAdvance("…") * 4:
                break
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
            _paint_glyph(painter, kind, style, QPointF(x, mid), legend.one, palette)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.setFont(font)
            box = QRectF(x + GLYPH_W, mid - row_h / 2, fm.horizontalAdvance(text) + 2, row_h)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x = box.right() + GAP


def _paint_glyph(
    painter: QPainter, kind: str, style: int, at: QPointF, one: bool, palette: QPalette
) -> None:
    """The line (and marker) an entry stands for, 24 px long, from `at`."""
    start, end = QPointF(at.x(), at.y()), QPointF(at.x() + 24, at.y())
    if kind == "design":
        painter.setPen(QPen(accent(palette, CURVE_HUE), 2.2))
        painter.drawLine(start, end)
    elif kind == "reference":
        color = with_alpha(muted_text(palette), 0.75)
        painter.setPen(QPen(color, 1.4))
        painter.drawLine(start, end)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(at.x() + 12, at.y()), 2.6, 2.6)
    elif kind == "persona":
        pen = persona_pen(palette, style, 2.6 if one else 2.0)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(start, end)
        paint_marker(painter, style, QPointF(at.x() + 12, at.y()), 4.2, palette, False)
    elif kind == "skipped":
        paint_skip(painter, QPointF(at.x() + 12, at.y()), palette)
    elif kind == "as-is":
        pen = as_is_pen(palette)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(start, end)
        paint_as_is_marker(painter, QPointF(at.x() + 12, at.y()), 4.2, palette, False)
