"""The emotion curve under the lanes, and the backdrop the lanes and the curve sit on."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cuecraft.core.i18n import _, pgettext
from cuecraft.core.model import PHASES

from ._style import accent, mix, muted_text, scaled_font, with_alpha
from .journey_items import EMOTION_MAX, EMOTION_MIN, PHASE_HUES, Geometry, emotion_color
from .journey_nps import CURVE_HUE, HotspotMark, MeasuredPoint, paint_measured


def paint_backdrop(painter: QPainter, rect: QRectF, geo: Geometry, palette: QPalette) -> None:
    """Lane bands and the chart's grid across the whole width the view shows."""
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    painter.fillRect(rect, window)
    left, width = rect.left(), rect.width()
    for phase in PHASES:
        band = QRectF(left, geo.lane_top(phase) + 1, width, geo.lane_h - 2)
        painter.fillRect(
            band, mix(mix(window, base, 0.5), accent(palette, PHASE_HUES[phase]), 0.05)
        )
    painter.fillRect(QRectF(left, geo.chart_top, width, geo.chart_h), mix(window, base, 0.6))
    for value in range(EMOTION_MIN, EMOTION_MAX + 1):
        y = geo.emotion_y(value)
        strength = 0.55 if value == 0 else 0.16
        painter.setPen(QPen(mix(base, text, strength), 1.0 if value == 0 else 0.8))
        painter.drawLine(QPointF(left, y), QPointF(rect.right(), y))


@dataclass
class CurvePoint:
    tp_id: str
    x: float
    emotion: int | None
    marker: str  # "", "peak", "end" or "peak · end" (codes: `marker_label` shows them)
    unreachable: bool = False


def marker_label(marker: str, emotion: int | None = 0) -> str:
    """What the curve writes at a marked point, in the current language (peak–end rule)."""
    if marker == "peak":
        # TRANSLATORS: the highest point of the emotion curve (the peak–end rule)
        label = pgettext("emotion curve", "peak")
    elif marker == "end":
        # TRANSLATORS: where the journey ends, on the emotion curve (the peak–end rule)
        label = pgettext("emotion curve", "end")
    elif marker == "peak · end":
        # TRANSLATORS: one point of the emotion curve that is both the peak and the end
        label = pgettext("emotion curve", "peak · end")
    else:
        label = marker
    if label and emotion is None:
        # TRANSLATORS: a peak or end marker whose touchpoint has no emotion set
        return _("{marker} (no emotion)").format(marker=label)
    return label


class EmotionChart(QGraphicsItem):
    """The emotion curve across the journey's columns, with the peak and the end marked.

    The curve joins the touchpoints the journey reaches; unreachable ones stand
    apart as hollow points. With guest feedback, the measured NPS of each
    touchpoint stands beside its designed emotion (journey_nps). While one
    persona's journey is shown (`reference`), the design's curve is only a faint
    line behind theirs (journey_personas_chart), without its own marks; the
    measured points are then theirs and every guest's hotspots are `marks`.
    """

    def __init__(
        self,
        geo: Geometry,
        width: float,
        points: list[CurvePoint],
        palette: QPalette,
        font: QFont,
        measured: list[MeasuredPoint] | None = None,
        reference: bool = False,
        marks: Sequence[HotspotMark] = (),
    ) -> None:
        super().__init__()
        self.geo = geo
        self.reference = reference
        self.points = points
        self.measured = measured or []
        self.marks = marks
        self.selected_x: float | None = None
        self._palette = palette
        self._font = scaled_font(font, 0.92, bold=True)
        self._rect = QRectF(geo.gutter, geo.chart_top, width - geo.gutter, geo.chart_h)
        self.setZValue(2)
        # The part to repaint comes in `option.exposedRect`: a card renamed, or a scroll,
        # repaints the columns in sight, not the 2,000 of a 10,000-cue design.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_selected_x(self, x: float | None) -> None:
        if x != self.selected_x:
            self.selected_x = x
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        pal, geo, rect = self._palette, self.geo, self._rect
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.selected_x is not None:
            band = QRectF(
                self.selected_x - geo.col_w / 2 + 6,
                rect.top() + 4,
                geo.col_w - 12,
                geo.plot_h - 8,
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(with_alpha(pal.color(QPalette.ColorRole.Highlight), 0.12))
            painter.drawRoundedRect(band, 8, 8)
        exposed = option.exposedRect if not option.exposedRect.isEmpty() else rect
        left, right = exposed.left() - geo.col_w, exposed.right() + geo.col_w
        known = [p for p in self.points if p.emotion is not None]
        on_journey = in_sight([p for p in known if not p.unreachable], left, right)
        known = [p for p in known if left <= p.x <= right]
        if self.reference:
            paint_reference(painter, geo, on_journey, pal)
        elif len(on_journey) > 1:
            self._paint_curve(painter, on_journey, accent(pal, CURVE_HUE))
        if self.measured or self.marks:
            paint_measured(painter, geo, self.measured, pal, self._font, self.marks)
        for p in [] if self.reference else known:
            assert p.emotion is not None
            centre = QPointF(p.x, geo.emotion_y(p.emotion))
            radius = 7.0 if p.marker else 4.5
            color = emotion_color(pal, p.emotion)
            if p.unreachable:
                painter.setPen(QPen(color, 1.6))
                painter.setBrush(base)
            else:
                painter.setPen(QPen(base, 2.0))
                painter.setBrush(color)
            painter.drawEllipse(centre, radius, radius)
            if p.marker:
                painter.setPen(QPen(text, 1.4))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, 10.5, 10.5)
        self._paint_markers(painter, pal, text)

    def marker_labels(self) -> dict[str, str]:
        """The words written at the marked points, by touchpoint id (as drawn)."""
        return {p.tp_id: marker_label(p.marker, p.emotion) for p in self.points if p.marker}

    def _paint_markers(self, painter: QPainter, pal: QPalette, text: QColor) -> None:
        paint_marker_labels(painter, self._font, self.geo, self._rect, self.points, pal, text)

    def _paint_curve(self, painter: QPainter, known: list[CurvePoint], color: QColor) -> None:
        pts = [QPointF(p.x, self.geo.emotion_y(p.emotion or 0)) for p in known]
        paint_curve(painter, pts, self.geo.emotion_y(0), QPen(color, 2.2), 0.10)


def in_sight(points: list[CurvePoint], left: float, right: float) -> list[CurvePoint]:
    """The points of a curve (left to right) between `left` and `right`, with the one
    just outside on each side: each stretch of the curve depends on its two ends only, so
    these draw what the whole curve draws there."""
    inside = [i for i, p in enumerate(points) if left <= p.x <= right]
    if not inside:
        before = [i for i, p in enumerate(points) if p.x < left]
        after = [i for i, p in enumerate(points) if p.x > right]
        if before and after:  # a stretch crosses the part in sight
            return [points[before[-1]], points[after[0]]]
        return []
    return points[max(0, inside[0] - 1) : inside[-1] + 2]


def paint_marker_labels(
    painter: QPainter,
    font: QFont,
    geo: Geometry,
    rect: QRectF,
    points: Iterable[CurvePoint],
    pal: QPalette,
    text: QColor,
) -> None:
    """'peak', 'end' at the marked points: over a point at or above 0, under one below;
    at the top of the chart, muted, for a touchpoint without an emotion."""
    fm = QFontMetricsF(font)
    painter.setFont(font)
    for p in points:
        if not p.marker:
            continue
        label = marker_label(p.marker, p.emotion)
        if p.emotion is None:
            y = rect.top() + fm.ascent() + 6
            painter.setPen(muted_text(pal))
        else:
            cy = geo.emotion_y(p.emotion)
            y = cy + 14 + fm.ascent() if p.emotion < 0 else cy - 14 - fm.descent()
            painter.setPen(text)
        painter.drawText(QPointF(p.x - fm.horizontalAdvance(label) / 2, y), label)


def smooth_path(pts: list[QPointF]) -> QPainterPath:
    """A smooth line through `pts` (left to right), level at each point: no overshoot
    above +3 or below −3 between two columns."""
    curve = QPainterPath(pts[0])
    for a, b in pairwise(pts):
        dx = (b.x() - a.x()) / 2
        curve.cubicTo(QPointF(a.x() + dx, a.y()), QPointF(b.x() - dx, b.y()), b)
    return curve


def paint_curve(painter: QPainter, pts: list[QPointF], zero: float, pen: QPen, fill: float) -> None:
    """An emotion curve through `pts` drawn with `pen`, the area down to `zero` tinted."""
    if len(pts) < 2:
        return
    curve = smooth_path(pts)
    if fill > 0:
        area = QPainterPath(curve)
        area.lineTo(pts[-1].x(), zero)
        area.lineTo(pts[0].x(), zero)
        area.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(with_alpha(pen.color(), fill)))
        painter.drawPath(area)
    pen.setCapStyle(
        Qt.PenCapStyle.RoundCap if pen.style() == Qt.PenStyle.SolidLine else Qt.PenCapStyle.FlatCap
    )
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(curve)


def paint_reference(
    painter: QPainter, geo: Geometry, points: list[CurvePoint], palette: QPalette
) -> None:
    """The design's curve behind one persona's: a faint line with small beads."""
    color = with_alpha(muted_text(palette), 0.75)
    pts = [QPointF(p.x, geo.emotion_y(p.emotion or 0)) for p in points]
    paint_curve(painter, pts, geo.emotion_y(0), QPen(color, 1.4), 0.0)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    for centre in pts:
        painter.drawEllipse(centre, 2.6, 2.6)
