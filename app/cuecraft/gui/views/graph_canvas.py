"""The consistency graph's scene and canvas, and its edges drawn as one item."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmapCache,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QToolTip,
    QWidget,
)

from .graph_items import ARROWED, EDGE_ORDER, NodeItem, edge_pen
from .graph_layout import Edge, add_edge, arrow_head

if TYPE_CHECKING:
    from .graph_view import GraphView


class GraphScene(QGraphicsScene):
    """Tooltips are built when asked for, not for every node on every edit."""

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, NodeItem):
                QToolTip.showText(event.screenPos(), item.info.tooltip())
                event.accept()
                return
        QToolTip.hideText()
        event.ignore()


class GraphCanvas(QGraphicsView):
    """The graph's drawing: wheel zoom, drag pan, a click on a node selects it."""

    def __init__(self, view: GraphView) -> None:
        super().__init__(view)
        self.view = view
        self.placing = False  # the view itself is scrolling (fit, resize), not the designer
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        # Only what changed is painted again: a node relabelled while someone types, not
        # the whole graph (0.35 s a key at 10,000 cues, where the edges are long paths).
        # Every item's bounds hold all it paints (a node's allow for its farthest label).
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            for item in self.items(event.position().toPoint()):
                if isinstance(item, NodeItem):
                    self.setFocus(Qt.FocusReason.MouseFocusReason)
                    self.view._clicked(item.node_id)
                    event.accept()
                    return
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.view.zoom_by(1.0015 ** event.angleDelta().y())
        event.accept()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if not self.placing:  # dragged, scrolled or centred on a selection
            self.view._auto_view = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.placing = True
        try:
            super().resizeEvent(event)
        finally:
            self.placing = False
        self.view._reapply_view()


class EdgeLayer(QGraphicsItem):
    """Every edge of the graph, kind by kind (back to front as `EDGE_ORDER`), then their
    arrow heads: one item, so that the view can keep it painted (`keep_painted`)."""

    def __init__(self, layers: list[tuple[QPainterPath, QPen, QBrush]]) -> None:
        super().__init__()
        self.layers = layers
        bounds = QRectF()
        for path, pen, _brush in layers:
            if not path.isEmpty():
                margin = pen.widthF() / 2 + 1
                bounds |= path.boundingRect().adjusted(-margin, -margin, margin, margin)
        self._bounds = bounds
        self.setZValue(1)  # under the nodes (20) and the selected node's links (15)

    def keep_painted(self) -> None:
        """Paint from a picture of the edges as shown, made again only when the view zooms
        or they change: a node ringed anew as someone types repaints its corner of the
        view, and each repaint stroked every edge passing there (at 10,000 cues ~10 ms)."""
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # The picture is as big as the view (four times that on a high-density screen);
        # Qt keeps such pictures within 10 MB unless told otherwise, and one that does not
        # fit would be painted afresh, and thrown away, on every repaint.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), picture_room_kb()))

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        for path, pen, brush in self.layers:
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawPath(path)


def picture_room_kb() -> int:
    """Room for one picture of the largest screen, full, and half as much again."""
    largest = max(
        (
            s.size().width() * s.size().height() * s.devicePixelRatio() ** 2 * 4
            for s in QGuiApplication.screens()
        ),
        default=0.0,
    )
    return int(largest * 1.5 / 1024)


def draw_edges(
    scene: QGraphicsScene, nodes: Mapping[str, NodeItem], edges: list[Edge], pal: QPalette
) -> tuple[EdgeLayer, QGraphicsPathItem]:
    """The edges as one path per kind and their arrow heads, in one item, and the (empty)
    path that highlights the selected node's links; both added to the scene."""
    paths = {kind: QPainterPath() for kind in EDGE_ORDER}
    # A return visit's heads are drawn as the journey's.
    heads = {kind: QPainterPath() for kind in ARROWED if kind != "return"}
    for u, v, kind in edges:
        a, b = nodes[u].pos(), nodes[v].pos()
        bend = add_edge(paths.setdefault(kind, QPainterPath()), a, b, kind)
        if kind in ARROWED:
            head = heads["next" if kind == "return" else kind]
            head.addPolygon(arrow_head(bend, b, nodes[v]))
    none = QBrush(Qt.BrushStyle.NoBrush)
    layers = [(paths[kind], edge_pen(kind, pal), none) for kind in EDGE_ORDER]
    for kind, head_path in heads.items():
        head_pen = edge_pen(kind, pal)
        head_pen.setStyle(Qt.PenStyle.SolidLine)
        layers.append((head_path, head_pen, QBrush(head_pen.color())))
    layer = EdgeLayer(layers)
    scene.addItem(layer)
    focus = edge_pen("next", pal)
    focus.setColor(pal.highlight().color())
    focus.setWidthF(2.4)
    focus.setStyle(Qt.PenStyle.SolidLine)
    focus_edges = scene.addPath(QPainterPath(), focus)
    focus_edges.setZValue(15)
    return layer, focus_edges
