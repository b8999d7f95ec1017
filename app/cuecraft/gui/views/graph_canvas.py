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

    def __init__(self, view: GraphView) -> None:
        super().__init__(view)
        self.view = view

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, NodeItem):
                QToolTip.showText(event.screenPos(), self.view.node_tooltip(item.node_id))
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


Layer = tuple[QPainterPath, QPen, QBrush]
MOTIF_LAYER = EDGE_ORDER.index("motif")


class EdgePart(QGraphicsItem):
    """Some of the graph's edges: paths painted in order, each with its pen and brush, and
    with `motif_pen` a path per motif."""

    def __init__(
        self,
        layers: list[Layer],
        motifs: dict[str, QPainterPath] | None = None,
        motif_pen: QPen | None = None,
        parent: QGraphicsItem | None = None,
    ) -> None:
        super().__init__(parent)
        self.parts = layers
        self.by_motif = motifs if motifs is not None else {}
        self._motif_pen = motif_pen if motif_pen is not None else QPen()
        self._bounds = self._bounds_now()

    def _bounds_now(self) -> QRectF:
        bounds = QRectF()
        motifs = [(path, self._motif_pen) for path in self.by_motif.values()]
        for path, pen in [*((path, pen) for path, pen, _brush in self.parts), *motifs]:
            if not path.isEmpty():
                margin = pen.widthF() / 2 + 1
                bounds |= path.boundingRect().adjusted(-margin, -margin, margin, margin)
        return bounds

    def set_motif_edges(self, motif: str, path: QPainterPath | None) -> None:
        """Draw one motif's edges as `path` from now on (None: it has none, it is gone)."""
        if path is None:
            self.by_motif.pop(motif, None)
        else:
            self.by_motif[motif] = path
        bounds = self._bounds_now()
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        # All of its picture made again: only around the lines that changed took seconds
        # at 10,000 cues (a line's bounds reach far outside the view; Qt then clips every
        # motif line to them), all of it a hundredth of a second.
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        for path, pen, brush in self.parts:
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawPath(path)
        if self.by_motif:
            painter.setPen(self._motif_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for motif in sorted(self.by_motif):  # in one order, however they were made again
                painter.drawPath(self.by_motif[motif])


class EdgeLayer(EdgePart):
    """Every edge of the graph, kind by kind (back to front as `EDGE_ORDER`), then their
    arrow heads, so that the view can keep them painted (`keep_painted`): the kinds under
    the motifs' in this item, the motif edges (a path per motif) and the kinds over them
    in an item each within it. A motif typed makes only the motif edges' picture again
    (at 10,000 cues a hundredth of a second), not the dotted and dashed kinds' too (a
    seventh of a second more)."""

    def __init__(self, layers: list[Layer], motifs: dict[str, QPainterPath]) -> None:
        super().__init__(layers[:MOTIF_LAYER])
        self.layers = layers
        motif_pen = layers[MOTIF_LAYER][1]
        self.motif_part = EdgePart([], motifs, motif_pen, self)
        self.upper_part = EdgePart(layers[MOTIF_LAYER + 1 :], parent=self)
        self.setZValue(1)  # under the nodes (20) and the selected node's links (15)

    @property
    def motifs(self) -> dict[str, QPainterPath]:
        """Each motif's edges."""
        return self.motif_part.by_motif

    def set_motif_edges(self, motif: str, path: QPainterPath | None) -> None:
        """Draw one motif's edges as `path` from now on (None: it has none, it is gone):
        only the motif edges' picture is made again."""
        self.motif_part.set_motif_edges(motif, path)

    def keep_painted(self) -> None:
        """Paint from a picture of the edges as shown, made again only when the view zooms
        or they change: a node ringed anew as someone types repaints its corner of the
        view, and each repaint stroked every edge passing there (at 10,000 cues ~10 ms)."""
        for part in (self, self.motif_part, self.upper_part):
            part.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # Each picture is as big as the view (four times that on a high-density screen);
        # Qt keeps such pictures within 10 MB unless told otherwise, and one that does not
        # fit would be painted afresh, and thrown away, on every repaint.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), picture_room_kb()))


def picture_room_kb() -> int:
    """Room for the edges' three pictures (`EdgeLayer`) of the largest screen, full, and
    half as much again."""
    largest = max(
        (
            s.size().width() * s.size().height() * s.devicePixelRatio() ** 2 * 4
            for s in QGuiApplication.screens()
        ),
        default=0.0,
    )
    return int(largest * 3 * 1.5 / 1024)


def draw_edges(
    scene: QGraphicsScene, nodes: Mapping[str, NodeItem], edges: list[Edge], pal: QPalette
) -> tuple[EdgeLayer, QGraphicsPathItem]:
    """The edges as one path per kind (per motif for the motif edges) and their arrow
    heads, in one item, and the (empty) path that highlights the selected node's links;
    both added to the scene."""
    paths = {kind: QPainterPath() for kind in EDGE_ORDER}
    motifs: dict[str, QPainterPath] = {}
    # A return visit's heads are drawn as the journey's.
    heads = {kind: QPainterPath() for kind in ARROWED if kind != "return"}
    for u, v, kind in edges:
        a, b = nodes[u].pos(), nodes[v].pos()
        path = (
            motifs.setdefault(v, QPainterPath())
            if kind == "motif"
            else paths.setdefault(kind, QPainterPath())
        )
        bend = add_edge(path, a, b, kind)
        if kind in ARROWED:
            head = heads["next" if kind == "return" else kind]
            head.addPolygon(arrow_head(bend, b, nodes[v]))
    none = QBrush(Qt.BrushStyle.NoBrush)
    layers = [(paths[kind], edge_pen(kind, pal), none) for kind in EDGE_ORDER]
    for kind, head_path in heads.items():
        head_pen = edge_pen(kind, pal)
        head_pen.setStyle(Qt.PenStyle.SolidLine)
        layers.append((head_path, head_pen, QBrush(head_pen.color())))
    layer = EdgeLayer(layers, motifs)
    scene.addItem(layer)
    focus = edge_pen("next", pal)
    focus.setColor(pal.highlight().color())
    focus.setWidthF(2.4)
    focus.setStyle(Qt.PenStyle.SolidLine)
    focus_edges = scene.addPath(QPainterPath(), focus)
    focus_edges.setZValue(15)
    return layer, focus_edges
