"""The consistency graph laid out in a scene: the one drawing the Graph tab shows and
pictures write.

`lay_out` places every node (an item per node, kept when the node stays, so its
cached label survives an edit), draws the edges (graph_canvas.draw_edges) and
sets the scene's rectangle; the Graph tab (graph_view.py) calls it on its own
scene, `graph_picture` on a new one for a file, with the legend strip the tab
shows under its canvas drawn under the graph (graph_legend.LegendItem).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from .graph_canvas import EdgeLayer, draw_edges
from .graph_items import LABEL_LINES, LABEL_WIDTH, NodeFonts, NodeInfo, NodeItem
from .graph_layout import Edge, edge_list, node_infos, positions, scene_size
from .graph_legend import NARROWEST_USUAL, LegendItem, legend_height

if TYPE_CHECKING:  # types only: the checks load after the first frame
    import networkx as nx

    from cuecraft.core.check import CheckResult

TWO_LINES_FROM = 0.6  # the zoom from which a column's labels may take two lines


class LaidOut(NamedTuple):
    """What `lay_out` made: the edges' items, and the positions and size it drew to."""

    edge_layer: EdgeLayer
    focus_edges: QGraphicsPathItem
    where: dict[str, tuple[float, float]]  # unit-square positions (`core.layout`)
    size: tuple[float, float, dict[float, float]]  # `scene_size(where)`
    network: nx.MultiDiGraph  # the network drawn (`DesignGraph.network`)
    motifs_changed: int  # its `core.network.motifs_changed` when drawn as it is now
    rest: Extent | None  # where the nodes but the motifs reach in the scene

    def of(self, network: nx.MultiDiGraph) -> LaidOut:
        """This drawing as one of `network`, which has the same nodes and edges."""
        from cuecraft.core.network import motifs_changed

        return self._replace(network=network, motifs_changed=motifs_changed(network))


def lay_out(
    scene: QGraphicsScene,
    result: CheckResult,
    infos: dict[str, NodeInfo],
    edges: list[Edge],
    nodes: dict[str, NodeItem],
    fonts: NodeFonts,
    pal: QPalette,
) -> LaidOut:
    """Place the nodes of `infos` (reusing the items of `nodes` and adding new ones to it
    and to the scene), draw `edges`, and size the scene around them; returns the edge
    items, the (empty) path that highlights the selected node's links, and the positions.
    `infos` must not be empty; `nodes` must hold no node that is not in `infos`."""
    where = positions(result.graph)
    size = scene_size(where)
    for node, info in infos.items():
        x, y = where.get(node, (0.5, 0.5))
        item = nodes.get(node)
        if item is None:
            item = NodeItem(info, pal, fonts, x < 0.2)
            scene.addItem(item)
            nodes[node] = item
        else:
            item.set_info(info)
        place_node(item, x, y, size, fonts)
    edge_layer, focus_edges = draw_edges(scene, nodes, edges, pal)
    # Motifs typed move only the motifs: the rest's reach is kept to frame them anew.
    rest = extent(item for item in nodes.values() if item.kind != "motif")
    reach = extent((item for item in nodes.values() if item.kind == "motif"), rest)
    assert reach is not None  # `infos` is not empty
    frame(scene, reach)
    from cuecraft.core.network import motifs_changed  # loaded: the network was drawn

    network = result.graph.network
    return LaidOut(edge_layer, focus_edges, where, size, network, motifs_changed(network), rest)


def place_node(
    item: NodeItem,
    x: float,
    y: float,
    size: tuple[float, float, dict[float, float]],
    fonts: NodeFonts,
) -> None:
    """Put a node at its unit-square position in a scene of `size` (`scene_size`)."""
    width, height, gaps = size
    # Labels show from the zoom at which they stop overlapping their neighbours
    # (a two-line label needs twice the room): in a column where two lines would
    # show only zoomed in past TWO_LINES_FROM, names take one line, so they
    # show at about the zoom that fits the whole graph.
    room = max(1.0, gaps.get(round(x, 4), 1.0) * height)
    two = (fonts.line * LABEL_LINES + 3) / room <= TWO_LINES_FROM
    item.set_lines(LABEL_LINES if two else 1)
    line = fonts.line * item.label_line_count + 3
    label_from = max(0.3, line / room)
    item.place(x < 0.2, label_from)
    item.put(x * width, y * height)


Extent = tuple[float, float, float, float]  # the least and greatest x and y of some nodes


def extent(items: Iterable[NodeItem], around: Extent | None = None) -> Extent | None:
    """Where the nodes lie (with `around`, where they and those lie); None for none."""
    places = [item.at for item in items]
    xs = [x for x, _y in places]
    ys = [y for _x, y in places]
    if around is not None:
        xs += around[0::2]
        ys += around[1::2]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def frame(scene: QGraphicsScene, reach: Extent) -> None:
    """The scene's rectangle around nodes that reach so far, with room for their labels."""
    left, top, right, bottom = reach
    margin = LABEL_WIDTH + 48
    scene.setSceneRect(
        QRectF(left - margin, top - 48, right - left + 2 * margin, bottom - top + 96)
    )


def graph_picture(result: CheckResult, palette: QPalette, font: QFont) -> QGraphicsScene:
    """A new scene of the whole graph at its own size, findings ringed, on the palette's
    base, with the legend strip under it as wide as the drawing."""
    scene = QGraphicsScene()
    scene.setBackgroundBrush(palette.base())
    infos = node_infos(result)
    if infos:
        lay_out(scene, result, infos, edge_list(result), {}, NodeFonts.from_font(font), palette)
        drawing = scene.sceneRect()
    else:  # nothing to draw: the legend alone
        drawing = QRectF(0, 0, NARROWEST_USUAL, 0)
    strip = QRectF(drawing.left(), drawing.bottom(), drawing.width(), 0)
    strip.setHeight(legend_height(font, strip.width()))
    scene.addItem(LegendItem(strip, palette, font))
    scene.setSceneRect(drawing.united(strip))
    return scene
