"""The journey's drawing surface.

The canvas scrolls along the journey while the lane names and the emotion
scale stay pinned at its left edge, the NPS scale at its right and the legends
under the chart. The arrows between the cards are journey_arrows'.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from cuecraft.core.i18n import _
from cuecraft.core.model import PHASES

from ._style import accent, mix, muted_text, scaled_font
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
