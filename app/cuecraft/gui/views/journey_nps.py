"""Guest feedback on the journey: measured NPS beside the designed emotion curve.

When the design has imported feedback (docs/feedback.md), each touchpoint's
Net Promoter Score is drawn in the emotion chart — −100..100 over the same
height as the emotion scale −3..3, its scale pinned at the right — as a
diamond with its 95% interval as a whisker. A score from fewer answers than
the rules trust (`MIN_RESPONSES`) is hollow and faded; a detractor hotspot
(NPS below 0 with enough answers, FBK001) is drawn in the error colour. Both
tests are the core's (cuecraft.core.feedback.evidence), as in the rules and the
brief. Each card gets a chip with the score and the number of answers
(journey_nps_chip). While one persona is followed the points are theirs and the
hotspots, every guest's, are rings of their own (journey_answers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)

from cuecraft.core.feedback import Nps, enough_answers, signed
from cuecraft.core.i18n import _

from ._style import (
    ERROR,
    accent,
    mix,
    muted_text,
    scaled_font,
    severity_color,
    with_alpha,
)
from .journey_items import EMOTION_MAX, Geometry

NPS_HUE = "#b0408c"  # raspberry: apart from the blue curve, the green/red emotions, the phases
CURVE_HUE = "#3f7fc6"  # the designed emotion curve (journey_chart)
NPS_MAX = 100.0
SCALE_LABELS = (100, 0, -100)


def nps_color(palette: QPalette) -> QColor:
    return accent(palette, NPS_HUE)


def nps_y(geo: Geometry, value: float) -> float:
    """Where an NPS sits on the emotion chart: ±100 at the height of ±3."""
    clamped = max(-NPS_MAX, min(NPS_MAX, value))
    return geo.emotion_y(clamped * EMOTION_MAX / NPS_MAX)


def minus(text: str) -> str:
    """Typographic minus signs, as the emotion scale writes them."""
    return text.replace("-", "−")


@dataclass(frozen=True)
class MeasuredPoint:
    """One touchpoint's NPS in the chart."""

    tp_id: str
    column: int
    x: float
    score: float
    low: float
    high: float
    responses: int
    few: bool  # too few answers to count (the core's test)
    hotspot: bool  # a detractor hotspot, FBK001 (the core's test)
    unreachable: bool = False


@dataclass(frozen=True)
class HotspotMark:
    """A detractor hotspot of every guest's (FBK001) while one persona's points are drawn."""

    tp_id: str
    x: float
    score: float  # every guest's NPS there


def measured_point(
    tp_id: str, column: int, x: float, result: Nps, unreachable: bool, hotspot: bool
) -> MeasuredPoint | None:
    if result.score is None or result.low is None or result.high is None:
        return None
    return MeasuredPoint(
        tp_id,
        column,
        x,
        result.score,
        result.low,
        result.high,
        result.responses,
        not enough_answers(result),
        hotspot,
        unreachable,
    )


# -- the series in the chart -----------------------------------------------------------


def paint_diamond(
    painter: QPainter, centre: QPointF, r: float, kind: str, palette: QPalette
) -> None:
    """A measured point: 'normal', 'few' (hollow, faded) or 'hotspot' (error colour)."""
    base = palette.color(QPalette.ColorRole.Base)
    shape = QPolygonF(
        [
            QPointF(centre.x(), centre.y() - r),
            QPointF(centre.x() + r, centre.y()),
            QPointF(centre.x(), centre.y() + r),
            QPointF(centre.x() - r, centre.y()),
        ]
    )
    if kind == "few":
        painter.setPen(QPen(with_alpha(nps_color(palette), 0.6), 1.6))
        painter.setBrush(base)
    else:
        color = severity_color(palette, ERROR) if kind == "hotspot" else nps_color(palette)
        painter.setPen(QPen(base, 1.6))
        painter.setBrush(color)
    painter.drawPolygon(shape)


def paint_whisker(
    painter: QPainter, x: float, top: float, bottom: float, color: QColor, dashed: bool
) -> None:
    pen = QPen(color, 1.5, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(x, top), QPointF(x, bottom))
    painter.setPen(QPen(color, 1.5))
    for y in (top, bottom):
        painter.drawLine(QPointF(x - 4, y), QPointF(x + 4, y))


def paint_measured(
    painter: QPainter,
    geo: Geometry,
    points: list[MeasuredPoint],
    palette: QPalette,
    font: QFont,
    marks: Sequence[HotspotMark] = (),
) -> None:
    """Whiskers, the dashed line joining neighbouring columns, the diamonds, hotspot labels;
    then `marks`, every guest's hotspots while the points are one persona's."""
    color = nps_color(palette)
    error = severity_color(palette, ERROR)
    for p in points:
        tint = error if p.hotspot else color
        whisker = with_alpha(tint, 0.45 if p.few else 0.75)
        paint_whisker(painter, p.x, nps_y(geo, p.high), nps_y(geo, p.low), whisker, p.few)
    on_journey = [p for p in points if not p.unreachable]
    for a, b in pairwise(on_journey):
        if b.column != a.column + 1:
            continue  # a touchpoint between them has no answers: no line across it
        alpha = 0.35 if (a.few or b.few) else 0.7
        pen = QPen(with_alpha(color, alpha), 1.4, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(a.x, nps_y(geo, a.score)), QPointF(b.x, nps_y(geo, b.score)))
    for p in points:
        centre = QPointF(p.x, nps_y(geo, p.score))
        kind = "few" if p.few else ("hotspot" if p.hotspot else "normal")
        paint_diamond(painter, centre, 6.5, kind, palette)
        if p.hotspot:
            painter.setPen(QPen(error, 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, 10.5, 10.5)
            _paint_hotspot_label(painter, centre, f"NPS {minus(signed(p.score))}", palette, font)
    for mark in marks:
        # A ring of its own at every guest's score: the persona's diamond (if any) stays
        # theirs, and the label says whose number the ring stands for.
        centre = QPointF(mark.x, nps_y(geo, mark.score))
        painter.setPen(QPen(error, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, 10.5, 10.5)
        _paint_hotspot_label(painter, centre, all_guests_nps(mark.score), palette, font)


def all_guests_nps(score: float) -> str:
    """'all guests: NPS −30', beside every guest's hotspot while a persona is followed."""
    # TRANSLATORS: beside a red ring in the journey chart while one persona is followed:
    # the NPS all guests give this touchpoint (a detractor hotspot, rule FBK001)
    return _("all guests: NPS {score}").format(score=minus(signed(score)))


def _paint_hotspot_label(
    painter: QPainter, centre: QPointF, label: str, palette: QPalette, font: QFont
) -> None:
    """'NPS −30' right of a hotspot, on a veil of the base colour so the curves stay behind."""
    fm = QFontMetricsF(font)
    box = QRectF(
        centre.x() + 14,
        centre.y() - fm.height() / 2 - 1,
        fm.horizontalAdvance(label) + 8,
        fm.height() + 2,
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(with_alpha(palette.color(QPalette.ColorRole.Base), 0.85))
    painter.drawRoundedRect(box, 4, 4)
    painter.setFont(font)
    painter.setPen(severity_color(palette, ERROR))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


# -- the pinned scale and the legend (drawn by the canvas, in viewport coordinates) -----


@dataclass(frozen=True)
class Legend:
    """What the legend row under the chart says; the canvas draws it."""

    # (glyph, text); glyph: 'curve', 'nps', 'few', 'hotspot', 'ring' (every guest's
    # hotspot while a persona is followed) or '' (words only)
    entries: tuple[tuple[str, str], ...]

    @property
    def texts(self) -> list[str]:
        return [text for _glyph, text in self.entries]


def paint_legend(
    painter: QPainter, legend: Legend, area: QRectF, palette: QPalette, font: QFont
) -> None:
    """The legend in one row of `area`; an entry that does not fit is shortened (…), and
    those after it left out."""
    fm = QFontMetricsF(font)
    painter.setFont(font)
    x, mid = area.left(), area.center().y()
    for glyph, text in legend.entries:
        glyph_w = 26.0 if glyph else 0.0
        need = glyph_w + fm.horizontalAdvance(text)
        if x + need > area.right():
            room = area.right() - x - glyph_w
            if room < fm.horizontalAdvance("…") * 6:
                break
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
            need = glyph_w + room
        if glyph == "curve":
            painter.setPen(QPen(accent(palette, CURVE_HUE), 2.2))
            painter.drawLine(QPointF(x, mid), QPointF(x + 18, mid))
        elif glyph == "ring":
            painter.setPen(QPen(severity_color(palette, ERROR), 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x + 9, mid), 7.0, 7.0)
        elif glyph:
            if glyph == "nps":
                paint_whisker(
                    painter, x + 9, mid - 8, mid + 8, with_alpha(nps_color(palette), 0.75), False
                )
            paint_diamond(
                painter, QPointF(x + 9, mid), 5.5, glyph if glyph != "nps" else "normal", palette
            )
        painter.setPen(muted_text(palette) if not glyph else palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(x + glyph_w, area.top(), need, area.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        x += need + 22


def paint_nps_scale(
    painter: QPainter,
    strip: QRectF,
    ys: dict[int, float],
    title_y: float,
    palette: QPalette,
    font: QFont,
) -> None:
    """The NPS scale pinned at the right of the chart: `ys` maps −100, 0, +100 to heights."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    painter.fillRect(strip, window)
    painter.setPen(QPen(mix(window, text, 0.18), 1))
    painter.drawLine(
        QPointF(strip.left() + 0.5, strip.top()), QPointF(strip.left() + 0.5, strip.bottom())
    )
    color = nps_color(palette)
    title = scaled_font(font, 1.0, bold=True)
    painter.setFont(title)
    painter.setPen(color)
    painter.drawText(QPointF(strip.left() + 10, title_y), "NPS")
    small = scaled_font(font, 0.86)
    fm = QFontMetricsF(small)
    painter.setFont(small)
    painter.setPen(mix(color, muted_text(palette), 0.35))
    for value, y in ys.items():
        label = minus(signed(value)) if value else "0"
        painter.drawText(
            QRectF(strip.left() + 10, y - fm.height() / 2, strip.width() - 12, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
