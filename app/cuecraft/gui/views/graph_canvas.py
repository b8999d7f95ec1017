"""The consistency graph's scene and canvas, and its edges drawn as one path per kind."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPainterPath, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsView,
    QToolTip,
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


def draw_edges(
    scene: QGraphicsScene, nodes: Mapping[str, NodeItem], edges: list[Edge], pal: QPalette
) -> tuple[list[QGraphicsPathItem], QGraphicsPathItem]:
    """The edges as one path per kind, their arrow heads, and the (empty) path that
    highlights the selected node's links; all added to the scene."""
    items: list[QGraphicsPathItem] = []
    paths = {kind: QPainterPath() for kind in EDGE_ORDER}
    # A return visit's heads are drawn as the journey's.
    heads = {kind: QPainterPath() for kind in ARROWED if kind != "return"}
    for u, v, kind in edges:
        a, b = nodes[u].pos(), nodes[v].pos()
        bend = add_edge(paths.setdefault(kind, QPainterPath()), a, b, kind)
        if kind in ARROWED:
            head = heads["next" if kind == "return" else kind]
            head.addPolygon(arrow_head(bend, b, nodes[v]))
    for z, kind in enumerate(EDGE_ORDER):
        path_item = scene.addPath(paths[kind], edge_pen(kind, pal))
        path_item.setZValue(1 + z)
        items.append(path_item)
    for kind, head_path in heads.items():
        head_pen = edge_pen(kind, pal)
        head_pen.setStyle(Qt.PenStyle.SolidLine)
        head_item = scene.addPath(head_path, head_pen, head_pen.color())
        head_item.setZValue(1 + len(EDGE_ORDER))
        items.append(head_item)
    focus = edge_pen("next", pal)
    focus.setColor(pal.highlight().color())
    focus.setWidthF(2.4)
    focus.setStyle(Qt.PenStyle.SolidLine)
    focus_edges = scene.addPath(QPainterPath(), focus)
    focus_edges.setZValue(15)
    return items, focus_edges
