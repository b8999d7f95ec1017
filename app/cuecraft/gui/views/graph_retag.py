"""The Graph tab after motifs are typed: only the motif column and its edges drawn again.

Typing into a motifs field (an item's tags, the theme's list) changes the network in
place (`core.network.retag_motifs`); of the drawing, only the motif nodes can move
(`core.layout.relayout_motifs`) and only the motif edges change. At 10,000 cues laying
the whole graph out again took most of a second on every key; this takes a few
milliseconds, and nothing at all when the word typed is not (or not yet) a motif.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPalette
from PySide6.QtWidgets import QGraphicsScene

from cuecraft.core.layout import relayout_motifs
from cuecraft.core.network import motifs_changed, motifs_changed_since, tagged_with

from .graph_items import NodeFonts, NodeItem
from .graph_layout import Edge, add_edge, column_gap, node_info, stretched
from .graph_scene import LaidOut, extent, frame, place_node

if TYPE_CHECKING:  # types only: the checks load after the first frame
    import networkx as nx

    from cuecraft.core.check import CheckResult


class Retagged(NamedTuple):
    """What `retag_drawn` changed: the drawing's positions and edges now, the motifs drawn
    again (their node placed or their edges: `redrawn`), whether the scene's rectangle
    changed (`framed`), and the edges taken out and put in. `edges` is the list given when
    no edge changed."""

    laid: LaidOut
    edges: list[Edge]
    redrawn: set[str]
    framed: bool
    dropped: list[Edge]
    added: list[Edge]
    reordered: bool  # the motif nodes came, went or changed order: the nodes are others


class Plan(NamedTuple):
    """Motifs typed, worked out and not drawn yet (`plan_retag`), for a drawing `laid`
    out and the network as it was then."""

    laid: LaidOut
    network: nx.MultiDiGraph
    changed: int  # `motifs_changed` of the network when worked out
    where: dict[str, tuple[float, float]]
    size: tuple[float, float, dict[float, float]]
    motifs: list[str]  # the motif nodes now, and before
    before: list[str]
    retagged: set[str]  # the motifs tagged otherwise, moved, and both with those came
    moved: set[str]
    redrawn: set[str]
    tags: dict[str, list[str]]  # the items tagged with each motif redrawn, and its lines
    lines: dict[str, QPainterPath]

    def holds(self, laid: LaidOut | None, network: nx.MultiDiGraph) -> bool:
        """Whether this is still what to draw: neither the drawing nor the network changed."""
        return (
            laid is self.laid
            and network is self.network
            and motifs_changed(network) == self.changed
        )


def plan_retag(result: CheckResult, laid: LaidOut) -> Plan | None:
    """What bringing the drawing `laid` out up to `result`'s network takes, after motifs
    alone were typed (nothing drawn yet); None when more than the motif column would
    move (the caller lays the graph out again)."""
    where = relayout_motifs(result.graph, laid.where)
    if where is None:
        return None
    network = result.graph.network
    motifs = list(itertools.takewhile(lambda n: n.startswith("motif:"), where))
    before = list(itertools.takewhile(lambda n: n.startswith("motif:"), laid.where))
    # `scene_size(where)`: only the motif column's gap can differ.
    gaps = dict(laid.size[2])
    if motifs:
        gaps[round(where[motifs[0]][0], 4)] = column_gap([where[node][1] for node in motifs])
    size = stretched(gaps, len(where))
    if size[:2] != laid.size[:2]:  # the scene stretched otherwise: every node moves
        return None
    retagged = motifs_changed_since(network, laid.motifs_changed)
    # Those that came, moved (their number changed: all) or were tagged otherwise.
    moved = {motif for motif in motifs if laid.where.get(motif) != where[motif]}
    redrawn = retagged | moved
    tags = {motif: tagged_with(network, motif) for motif in redrawn}
    width, height = size[0], size[1]
    lines = {motif: _lines(tags[motif], where, motif, width, height) for motif in redrawn}
    changed = motifs_changed(network)
    return Plan(
        laid, network, changed, where, size, motifs, before, retagged, moved, redrawn, tags, lines
    )


def retag_drawn(
    plan: Plan,
    scene: QGraphicsScene,
    result: CheckResult,
    nodes: dict[str, NodeItem],
    edges: list[Edge],
    fonts: NodeFonts,
    pal: QPalette,
) -> Retagged:
    """Draw what `plan` worked out: the drawing (its `nodes` and `edges`) brought up to
    `result`'s network, whose motifs alone were typed since it was drawn."""
    laid, motifs, before, retagged = plan.laid, plan.motifs, plan.before, plan.retagged
    came_or_went = set(motifs) != set(before)
    layer = laid.edge_layer
    for node in set(before) - set(motifs):
        scene.removeItem(nodes.pop(node))
        layer.set_motif_edges(node, None)
    for node in motifs:
        x, y = plan.where[node]
        item = nodes.get(node)
        if item is None:
            # A motif is named by no finding (`node_info`).
            item = nodes[node] = NodeItem(node_info(result, node, {}), pal, fonts, x < 0.2)
            scene.addItem(item)
        if node in plan.redrawn:
            place_node(item, x, y, plan.size, fonts)  # the column's gap goes with its count
    for node in plan.redrawn:
        layer.set_motif_edges(node, plan.lines[node])
    framed = False
    if plan.moved or came_or_went:  # the motifs may reach further, or less far
        rect = scene.sceneRect()
        reach = extent((nodes[motif] for motif in motifs), laid.rest)
        if reach is not None:
            frame(scene, reach)
        framed = scene.sceneRect() != rect
    # The edges of the motifs retagged or gone, made again (at the end: the view holds
    # its list of edges as a multiset).
    again = retagged | (set(before) - set(motifs))
    dropped: list[Edge] = []
    added: list[Edge] = []
    if again:
        kept: list[Edge] = []
        for edge in edges:
            (dropped if edge[2] == "motif" and edge[1] in again else kept).append(edge)
        added = [(item, m, "motif") for m in motifs if m in again for item in plan.tags[m]]
        edges = kept + added
    now = laid._replace(where=plan.where, size=plan.size, motifs_changed=plan.changed)
    return Retagged(now, edges, plan.redrawn, framed, dropped, added, motifs != before)


def _lines(
    tagged: list[str],
    where: dict[str, tuple[float, float]],
    motif: str,
    width: float,
    height: float,
) -> QPainterPath:
    """A motif's edges: a line from each item tagged with it (as `add_edge` draws them
    between columns), placed as `place_node` places the nodes."""
    path = QPainterPath()
    mx, my = where[motif]
    end = QPointF(mx * width, my * height)
    for item in tagged:
        x, y = where[item]
        if abs(x - mx) * width > 1.0:
            path.moveTo(x * width, y * height)
            path.lineTo(end)
        else:
            add_edge(path, QPointF(x * width, y * height), end, "motif")
    return path
