"""The journey's drawing surface and the routes its arrows take.

The canvas scrolls along the journey while the lane names and the emotion
scale stay pinned at its left edge; the arrows (`EdgeItem`) run through the
empty space between cards (each column holds one card), never under one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cuecraft.core.i18n import _
from cuecraft.core.model import PHASES

from ._style import accent, mix, muted_text, scaled_font, with_alpha
from .journey_chart import paint_backdrop
from .journey_items import (
    EMOTION_MAX,
    EMOTION_MIN,
    PHASE_HUES,
    CardItem,
    Geometry,
    chart_title,
    emotion_text,
    lane_count,
    phase_title,
)
from .journey_nps import SCALE_LABELS, Legend, nps_y, paint_legend, paint_nps_scale
from .journey_personas_chart import PersonaLegend, paint_persona_legend


class JourneyCanvas(QGraphicsView):
    """The scrollable drawing; lane names and the emotion scale stay pinned at the left."""

    clicked = Signal(str)
    step = Signal(int)  # -1 / +1: keyboard moves the selection along the journey
    resized = Signal()  # the legends under the chart may need other lines

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.geo: Geometry | None = None
        self.lane_counts: dict[str, int] = {}
        self.legend: Legend | None = None  # with guest feedback: the chart's legend
        self.persona_legend: PersonaLegend | None = None  # with personas: theirs, over it
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.retranslate()

    def retranslate(self) -> None:
        """Names in the current language (the pinned texts are drawn in it on every paint)."""
        # TRANSLATORS: accessible name of the journey's drawing
        self.setAccessibleName(_("Journey"))
        self.viewport().update()

    def pinned_texts(self) -> list[str]:
        """What the pinned left edge says, top to bottom: each lane's title and count, then
        the chart's title (as drawn)."""
        out = []
        for phase in PHASES:
            out += [phase_title(phase), lane_count(self.lane_counts.get(phase, 0))]
        return [*out, chart_title()]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            for item in self.items(event.position().toPoint()):
                if isinstance(item, CardItem):
                    self.clicked.emit(item.tp_id)
                    event.accept()
                    return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step.emit(1)
        elif key == Qt.Key.Key_Home:
            self.step.emit(-(10**9))
        elif key == Qt.Key.Key_End:
            self.step.emit(10**9)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 1.15 ** (delta.y() / 120)
            scale = self.transform().m11() * factor
            if 0.3 <= scale <= 3.0:
                self.scale(factor, factor)
            event.accept()
            return
        # A journey is wide, not tall: a plain wheel scrolls along it.
        if self.verticalScrollBar().maximum() == 0 and delta.x() == 0:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - delta.y())
            event.accept()
            return
        super().wheelEvent(event)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self.geo is None:
            painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Window))
            return
        paint_backdrop(painter, QRectF(rect), self.geo, self.palette())

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        geo = self.geo
        if geo is None:
            return
        pal = self.palette()
        painter.save()
        painter.setWorldMatrixEnabled(False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left = self.mapFromScene(QPointF(0, 0)).x()
        right = max(left, 0) + round(geo.gutter * self.transform().m11())

        def vy(y: float) -> float:
            return float(self.mapFromScene(QPointF(0, y)).y())

        top, bottom = vy(geo.top), vy(geo.chart_top + geo.chart_h)
        gutter = QRectF(0, top, right, bottom - top)
        painter.fillRect(gutter, pal.color(QPalette.ColorRole.Window))
        painter.setPen(
            QPen(
                mix(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Text), 0.18),
                1,
            )
        )
        painter.drawLine(QPointF(right - 0.5, top), QPointF(right - 0.5, bottom))

        title_font = scaled_font(self.font(), 1.0, bold=True)
        small = scaled_font(self.font(), 0.86)
        tfm, sfm = QFontMetricsF(title_font), QFontMetricsF(small)
        inner = right - 24
        for phase in PHASES:
            lane_top = vy(geo.lane_top(phase))
            lane_bottom = vy(geo.lane_top(phase) + geo.lane_h)
            mid = (lane_top + lane_bottom) / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent(pal, PHASE_HUES[phase]))
            painter.drawRoundedRect(
                QRectF(12, mid - tfm.height() + 2, 4, tfm.height() * 2 - 4), 2, 2
            )
            painter.setFont(title_font)
            painter.setPen(pal.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(22, mid - tfm.height(), inner, tfm.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                tfm.elidedText(phase_title(phase), Qt.TextElideMode.ElideRight, inner),
            )
            painter.setFont(small)
            painter.setPen(muted_text(pal))
            label = lane_count(self.lane_counts.get(phase, 0))
            painter.drawText(
                QRectF(22, mid + 1, inner, sfm.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                sfm.elidedText(label, Qt.TextElideMode.ElideRight, inner),
            )

        painter.setFont(title_font)
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        chart_title_y = vy(geo.chart_top) + tfm.ascent() + 6
        painter.drawText(
            QPointF(22, chart_title_y),
            tfm.elidedText(chart_title(), Qt.TextElideMode.ElideRight, right - 26),
        )
        painter.setFont(small)
        painter.setPen(muted_text(pal))
        for value in range(EMOTION_MIN, EMOTION_MAX + 1):
            text = emotion_text(value)
            y = vy(geo.emotion_y(value))
            painter.drawText(
                QRectF(0, y - sfm.height() / 2, right - 10, sfm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        if self.persona_legend is not None and geo.persona_rows:
            self._draw_personas(painter, geo, self.persona_legend, right, vy)
        if self.legend is not None:
            self._draw_feedback(painter, geo, self.legend, right, vy, chart_title_y)
        painter.restore()

    def legend_width(self, geo: Geometry, scene_width: float | None = None) -> float:
        """How wide the legend rows under the chart are, in the viewport as it is now
        (`scene_width`: that of a scene about to be made, not of the one shown)."""
        zoom = self.transform().m11()
        scene_right = self.mapFromScene(QPointF(scene_width or self.sceneRect().right(), 0)).x()
        right = min(float(self.viewport().width()), float(scene_right))
        left = max(self.mapFromScene(QPointF(0, 0)).x(), 0) + geo.gutter * zoom
        return right - geo.right_gutter * zoom - left - 24

    def _draw_personas(
        self,
        painter: QPainter,
        geo: Geometry,
        legend: PersonaLegend,
        left: float,
        vy: Callable[[float], float],
    ) -> None:
        """The personas' legend on its rows right under the chart's scale."""
        top = vy(geo.chart_top + geo.plot_h)
        bottom = vy(geo.chart_top + geo.plot_h + geo.persona_rows * geo.legend_row)
        area = QRectF(left + 14, top, self.legend_width(geo), bottom - top)
        font = scaled_font(self.font(), 0.86)
        paint_persona_legend(painter, legend, area, geo.persona_rows, self.palette(), font)

    def _draw_feedback(
        self,
        painter: QPainter,
        geo: Geometry,
        legend: Legend,
        left: float,
        vy: Callable[[float], float],
        title_y: float,
    ) -> None:
        """The NPS scale pinned at the right of the chart, the legend in the row under it."""
        zoom = self.transform().m11()
        scene_right = self.mapFromScene(QPointF(self.sceneRect().right(), 0)).x()
        right = min(float(self.viewport().width()), float(scene_right))
        top, bottom = vy(geo.chart_top), vy(geo.chart_top + geo.chart_h)
        strip = QRectF(right - geo.right_gutter * zoom, top, geo.right_gutter * zoom, bottom - top)
        ys = {v: vy(nps_y(geo, v)) for v in SCALE_LABELS}
        paint_nps_scale(painter, strip, ys, title_y, self.palette(), self.font())
        row_top = vy(geo.chart_top + geo.plot_h + geo.persona_rows * geo.legend_row)
        area = QRectF(left + 14, row_top, strip.left() - left - 24, bottom - row_top)
        paint_legend(painter, legend, area, self.palette(), scaled_font(self.font(), 0.86))


def next_path(a: QRectF, b: QRectF, ca: int, cb: int, geo: Geometry) -> QPainterPath:
    """An arrow from card `a` to card `b`, routed only through empty space.

    Each column holds one card, so the gaps between columns are free in every
    lane, and so are the margins above and below the cards of a lane: arrows
    run along those, with rounded corners, and never under a card.
    """
    gap = geo.col_w - geo.card_w
    lane_pad = (geo.lane_h - geo.card_h) / 2
    start = QPointF(a.right() + 2, a.center().y())
    end = QPointF(b.left() - 3, b.center().y())
    after_a = a.right() + gap / 2
    before_b = b.left() - gap / 2
    if cb == ca + 1:
        points = [start, QPointF(after_a, start.y()), QPointF(after_a, end.y()), end]
    else:
        if cb < ca:  # a loop back inside the journey runs under its own lane
            channel = a.bottom() + lane_pad / 2
        elif b.top() < a.top():
            channel = b.bottom() + lane_pad / 2
        else:
            channel = b.top() - lane_pad / 2
        points = [
            start,
            QPointF(after_a, start.y()),
            QPointF(after_a, channel),
            QPointF(before_b, channel),
            QPointF(before_b, end.y()),
            end,
        ]
    return _rounded(points, 8.0)


def _rounded(points: list[QPointF], radius: float) -> QPainterPath:
    """A polyline through `points` with its corners rounded."""
    clean = [points[0]]
    for p in points[1:]:
        if abs(p.x() - clean[-1].x()) > 0.01 or abs(p.y() - clean[-1].y()) > 0.01:
            clean.append(p)
    path = QPainterPath(clean[0])
    for prev, corner, nxt in zip(clean, clean[1:], clean[2:], strict=False):
        d_in = _length(prev, corner)
        d_out = _length(corner, nxt)
        r = min(radius, d_in / 2, d_out / 2)
        p_in = corner + (prev - corner) * (r / d_in)
        p_out = corner + (nxt - corner) * (r / d_out)
        path.lineTo(p_in)
        path.quadTo(corner, p_out)
    path.lineTo(clean[-1])
    return path


def _length(a: QPointF, b: QPointF) -> float:
    return max(1e-6, math.hypot(a.x() - b.x(), a.y() - b.y()))


def return_path(a: QRectF, b: QRectF, geo: Geometry, k: int) -> tuple[QPainterPath, QPointF]:
    """A dashed loop from the top of `a`, over the lanes, down into the top of `b`.

    The way up runs through the source's own column, empty in the other lanes.
    """
    line = geo.unit / 1.35
    y = geo.top - line * 0.9 * (k + 1) + line * 0.2
    sx, tx = a.center().x() + geo.pad * (k + 1), b.center().x() + geo.pad * (k + 1)
    path = _rounded(
        [QPointF(sx, a.top() - 3), QPointF(sx, y), QPointF(tx, y), QPointF(tx, b.top() - 4)], 10.0
    )
    return path, QPointF(min(sx, tx) + 14, y - 5)


class EdgeItem(QGraphicsItem):
    """A journey arrow (or a dashed return loop) drawn under the cards."""

    def __init__(
        self,
        path: QPainterPath,
        pen: QPen,
        label: str = "",
        label_at: QPointF | None = None,
        font: QFont | None = None,
        ends: tuple[str, str] = ("", ""),
    ) -> None:
        super().__init__()
        self.ends = ends  # the touchpoints it joins
        self.path = path
        self.pen = pen
        self.label = label
        self.label_at = label_at or QPointF()
        self.font = font or QFont()
        self.setZValue(5)
        end = path.pointAtPercent(1.0)
        angle = path.angleAtPercent(1.0)
        head = QPolygonF([QPointF(0, 0), QPointF(-9, -4.5), QPointF(-9, 4.5)])
        self.head = QPolygonF([_rotate(head.at(i), -angle) + end for i in range(head.size())])
        bounds = path.boundingRect().united(self.head.boundingRect())
        if label:
            fm = QFontMetricsF(self.font)
            bounds = bounds.united(
                QRectF(
                    self.label_at.x(),
                    self.label_at.y() - fm.ascent(),
                    fm.horizontalAdvance(label) + 4,
                    fm.lineSpacing(),
                )
            )
        self._bounds = bounds.adjusted(-4, -4, 4, 4)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.pen.color())
        painter.drawPolygon(self.head)
        if self.label:
            painter.setFont(self.font)
            painter.setPen(self.pen.color())
            painter.drawText(self.label_at, self.label)


def _rotate(p: QPointF, degrees: float) -> QPointF:
    a = math.radians(degrees)
    return QPointF(
        p.x() * math.cos(a) - p.y() * math.sin(a), p.x() * math.sin(a) + p.y() * math.cos(a)
    )


def add_unreachable_divider(
    scene: QGraphicsScene, geo: Geometry, first: QRectF, pal: QPalette, font: QFont
) -> None:
    """A dashed line before the first card no entry reaches, with what it means over it."""
    x = first.left() - geo.pad * 1.3
    pen = QPen(with_alpha(muted_text(pal), 0.7), 1, Qt.PenStyle.DashLine)
    scene.addLine(x, geo.top - geo.pad, x, geo.chart_top + geo.chart_h, pen)
    # TRANSLATORS: over the journey's touchpoints that no entry reaches
    words = _("Not reachable from an entry")
    text = scene.addSimpleText(words, scaled_font(font, 0.86))
    text.setBrush(muted_text(pal))
    text.setPos(x + 6, geo.top - geo.pad - QFontMetricsF(text.font()).height())
