"""The journey's drawing surface.

The canvas scrolls along the journey while the lane names and the emotion
scale stay pinned at its left edge, the NPS scale at its right and the legends
under the chart (journey_pinned paints them, for pictures too). The arrows
between the cards are journey_arrows'.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from cuecraft.core.i18n import _
from cuecraft.core.model import PHASES

from .journey_chart import paint_backdrop
from .journey_items import CardItem, Geometry, chart_title, lane_count, phase_title
from .journey_nps import Legend
from .journey_personas_chart import PersonaLegend
from .journey_pinned import Frame, Pinned, paint_pinned


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

    def frame(self) -> Frame:
        """Where the scene is in the viewport now (scrolled, zoomed)."""

        def vy(y: float) -> float:
            return float(self.mapFromScene(QPointF(0, y)).y())

        return Frame(
            left=float(self.mapFromScene(QPointF(0, 0)).x()),
            scene_right=float(self.mapFromScene(QPointF(self.sceneRect().right(), 0)).x()),
            width=float(self.viewport().width()),
            zoom=self.transform().m11(),
            vy=vy,
        )

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        geo = self.geo
        if geo is None:
            return
        pinned = Pinned(self.lane_counts, self.legend, self.persona_legend)
        painter.save()
        painter.setWorldMatrixEnabled(False)
        paint_pinned(painter, self.frame(), geo, pinned, self.palette(), self.font())
        painter.restore()

    def legend_width(self, geo: Geometry, scene_width: float | None = None) -> float:
        """How wide the legend rows under the chart are, in the viewport as it is now
        (`scene_width`: that of a scene about to be made, not of the one shown)."""
        return self.frame().legend_width(geo, scene_width)
