"""Where the graph view puts things: what each node shows, positions, edge routes.

Positions come from `cuecraft.core.layout.layout` (the layout the brief
draws too) or, where that is missing, from a plain column fallback. The unit
square is then stretched so the closest nodes of a column stay apart.
"""

from __future__ import annotations

import importlib
import math
from collections import Counter
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from cuecraft.core.graph import DesignGraph

from ._style import findings_by_id
from .graph_items import KINDS, NodeInfo, NodeItem

if TYPE_CHECKING:
    from cuecraft.core.check import CheckResult
    from cuecraft.core.findings import Finding  # a type only: the checks load after the first frame

ROW_GAP = 30.0  # pixels between the closest nodes of a column
Edge = tuple[str, str, str]  # source, target, style kind ("return" for return edges)
# What a drawing is laid out from: its nodes and their kinds, in the network's order, and
# its edges as a multiset (graph_view, graph_motifs_typed).
Structure = tuple[tuple[tuple[str, str], ...], Counter[Edge]]


def node_infos(result: CheckResult) -> dict[str, NodeInfo]:
    """What each network node looks like now: kind, label, polarity, findings."""
    concerns = findings_by_id(result.findings)
    return {node: node_info(result, node, concerns) for node in result.graph.network}


def node_info(result: CheckResult, node: str, concerns: dict[str, list[Finding]]) -> NodeInfo:
    """What one network node looks like now (`concerns`: the findings by id)."""
    graph = result.graph
    data = graph.network.nodes[node]
    kind = data.get("kind", "")
    cue = graph.cues.get(node) if kind == "cue" else None
    action = graph.actions.get(node) if kind == "action" else None
    found = () if kind == "motif" else concerns.get(node, ())
    return NodeInfo(
        node,
        kind,
        str(data.get("label", node)),
        cue is not None and cue.is_negative,
        cue is not None and not cue.is_active,
        found[0].severity if found else None,
        action.lane if action is not None else "",
    )


def edge_list(result: CheckResult) -> list[Edge]:
    """Every edge as (source, target, style): the graph's kind, except a return visit
    ("return") and the zone an action happens in ("happens", not a touchpoint's zone)."""
    out = []
    actions = result.graph.actions
    for u, v, data in result.graph.network.edges(data=True):
        kind = str(data.get("kind", "at"))
        if data.get("returns"):
            kind = "return"
        elif kind == "zone" and u in actions:
            kind = "happens"
        out.append((u, v, kind))
    return out


def positions(graph: DesignGraph) -> dict[str, tuple[float, float]]:
    """Node positions in the unit square: `cuecraft.core.layout` if present, else columns."""
    try:
        module = importlib.import_module("cuecraft.core.layout")
    except ImportError:
        return column_layout(graph)
    found: dict[str, tuple[float, float]] = module.layout(graph)
    if any(n not in found for n in graph.network.nodes):
        fallback = column_layout(graph)
        found = {n: found.get(n, fallback[n]) for n in graph.network.nodes}
    return found


def column_layout(graph: DesignGraph) -> dict[str, tuple[float, float]]:
    """A plain fallback: one band of columns per kind, left to right, in file order."""
    net = graph.network
    by_kind: dict[str, list[str]] = {k: [] for k in KINDS}
    for node, data in net.nodes(data=True):
        by_kind.setdefault(str(data.get("kind", "cue")), []).append(node)
    total = max(1, net.number_of_nodes())
    rows = max(4, math.ceil(math.sqrt(total * 0.6)))
    columns: list[list[str]] = []
    for kind in by_kind:
        nodes = by_kind[kind]
        if not nodes:
            continue
        if columns:
            columns.append([])  # a gap between kinds
        for start in range(0, len(nodes), rows):
            columns.append(nodes[start : start + rows])
    out: dict[str, tuple[float, float]] = {}
    span = max(1, len(columns) - 1)
    for c, nodes in enumerate(columns):
        for r, node in enumerate(nodes):
            offset = (rows - len(nodes)) / 2
            out[node] = (c / span, (r + offset + 0.5) / rows)
    return out


def add_edge(path: QPainterPath, a: QPointF, b: QPointF, kind: str) -> QPointF:
    """Add the edge a→b to `path`; return the point the end of it comes from.

    Edges between nodes of one column (the journey, zones that see each other,
    conflicting cues) would run on top of each other along the column: they
    bow out to the side instead, further the longer they are.
    """
    path.moveTo(a)
    if abs(a.x() - b.x()) > 1.0:
        path.lineTo(b)
        return a
    length = abs(b.y() - a.y())
    # Actions (the last column) bow towards the touchpoints, clear of their own labels.
    side = -1.0 if kind in ("sees", "conflicts", "needs") else 1.0
    control = QPointF(a.x() + side * min(length * 0.35, 260.0), (a.y() + b.y()) / 2)
    path.quadTo(control, b)
    return control


def scene_size(
    where: dict[str, tuple[float, float]],
) -> tuple[float, float, dict[float, float]]:
    """Scene width and height for unit-square positions, and the smallest gap of each column.

    Room for a label beside each node across, and a readable gap between the
    closest nodes of a column.
    """
    columns: dict[float, list[float]] = {}
    for x, y in where.values():
        columns.setdefault(round(x, 4), []).append(y)
    return stretched({x: column_gap(ys) for x, ys in columns.items()}, len(where))


def column_gap(ys: list[float]) -> float:
    """The smallest gap between the nodes of a column (1 for a column of one)."""
    ys = sorted(ys)
    return min([1.0, *(b - a for a, b in pairwise(ys) if b - a > 1e-6)])


def stretched(gaps: dict[float, float], count: int) -> tuple[float, float, dict[float, float]]:
    """`scene_size` of `count` nodes whose columns (by x) have these smallest gaps."""
    gap = min(gaps.values(), default=1.0)
    width = max(640.0, (len(gaps) - 1) * 330.0)
    height = min(max(560.0, ROW_GAP / gap), ROW_GAP * (count + 1))
    return width, height, gaps


def arrow_head(a: QPointF, b: QPointF, target: NodeItem) -> QPolygonF:
    """A small arrow head just outside the target node, pointing along a→b."""
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    back = target.radius + 4.0
    tip = QPointF(b.x() - ux * back, b.y() - uy * back)
    size, half = 8.0, 4.0
    base = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    return QPolygonF(
        [
            tip,
            QPointF(base.x() - uy * half, base.y() + ux * half),
            QPointF(base.x() + uy * half, base.y() - ux * half),
            tip,
        ]
    )


def fits(items: list[NodeItem], bounds: QRectF, width: float, height: float, scale: float) -> bool:
    """Whether, at this zoom and centred on `bounds`, everything the nodes paint (labels
    included) and `bounds` itself lie within a viewport `width` × `height`."""
    return _fits(_extents(items, bounds), bounds, width, height, scale)


# Per node, relative to the centre of the bounds: x, y, and its `NodeItem.fit_extent`.
_Extent = tuple[float, float, float, float, float, float, float, float, float, float]


def _extents(items: list[NodeItem], bounds: QRectF) -> list[_Extent]:
    cx, cy = bounds.center().x(), bounds.center().y()
    return [(item.at[0] - cx, item.at[1] - cy, *item.fit_extent()) for item in items]


def _binding(extents: list[_Extent]) -> list[_Extent]:
    """Those of the extents that can decide whether a drawing fits, at any zoom (the same
    answer from `_fits` as all of them, for two dozen tries of a fit in a fraction of
    the time). The nodes of one column with the same reach and label zooms differ only in
    their y and their label's box: of them, only the label reaching furthest left and
    furthest right, and of each label height the highest and the lowest node can reach
    furthest out of the view."""
    groups: dict[tuple[float, float, float, float, float], dict[object, _Extent]] = {}
    for e in extents:
        key = (e[0], e[2], e[3], e[4], e[5])
        kept = groups.get(key)
        if kept is None:
            groups[key] = {"left": e, "right": e, ("top", e[8]): e, ("bottom", e[9]): e}
            continue
        if e[6] < kept["left"][6]:
            kept["left"] = e
        if e[7] > kept["right"][7]:
            kept["right"] = e
        high = kept.get(("top", e[8]))
        if high is None or e[1] < high[1]:
            kept[("top", e[8])] = e
        low = kept.get(("bottom", e[9]))
        if low is None or e[1] > low[1]:
            kept[("bottom", e[9])] = e
    return list({id(e): e for kept in groups.values() for e in kept.values()}.values())


def _fits(extents: list[_Extent], bounds: QRectF, width: float, height: float, s: float) -> bool:
    """`fits` on `_extents`: the same arithmetic as NodeItem.painted_rect, without the
    objects (a search calls this two dozen times for every node)."""
    if bounds.width() * s > width or bounds.height() * s > height:
        return False  # the scroll bars would come back and take room
    half_w, half_h = width / 2, height / 2
    for x, y, reach, shows_from, label_from, shift, left, right, top, bottom in extents:
        if abs(x) + reach > half_w / s or abs(y) + reach > half_h / s:
            return False
        if s >= shows_from:
            # Zoomed out a label keeps its screen size (NodeItem._label_at).
            k = 1 / max(s, label_from) if s < 1 else 1.0
            if (
                x + shift + left * k < -half_w / s
                or x + shift + right * k > half_w / s
                or y + top * k < -half_h / s
                or y + bottom * k > half_h / s
            ):
                return False
    return True


def fit_scale(
    items: list[NodeItem], bounds: QRectF, width: float, height: float, low: float, high: float
) -> float:
    """The largest zoom between `low` and `high` at which the whole drawing fits the
    viewport (see `fits`). Labels appear as the zoom grows, so this is searched for."""
    return _fit_scale(_binding(_extents(items, bounds)), bounds, width, height, low, high)


def _fit_scale(
    extents: list[_Extent], bounds: QRectF, width: float, height: float, low: float, high: float
) -> float:
    if _fits(extents, bounds, width, height, high):
        return high
    if not _fits(extents, bounds, width, height, low):
        return low
    for _ in range(24):
        middle = (low + high) / 2
        if _fits(extents, bounds, width, height, middle):
            low = middle
        else:
            high = middle
    return low
