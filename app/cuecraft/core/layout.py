"""A readable, deterministic layout of the design graph, in pure Python.

The brief draws the graph on a page and the workbench shows it in its graph
view; both want the same picture, fast, and without numpy (which networkx's
force-directed layouts need and which we do not ship). So the layout is a
layered one, in the designer's reading order, left to right:

    motifs | cues, layers, souvenirs | zones | touchpoints (journey order) | actions

Items sit between the theme they carry (motifs) and the places they are
placed at (zones, touchpoints), so most edges join neighbouring columns; the
blueprint's actions stand right of the touchpoints they serve. The
touchpoints are the spine: listed in the graph's journey order
(`DesignGraph.journey_order`, the one every view shows), evenly spaced. Every
other column is ordered by the barycentre of its already placed neighbours
(zones by their touchpoints, items by their places, motifs by their items),
which removes most crossings. Zones and items sit as close to their barycentre
as a minimum gap allows, so a zone stands beside its touchpoints; motifs, which
tie many items together, are spread evenly.

`layout` runs in a few milliseconds for 1,000 cues (no iteration to converge).

Positions are in the unit square with y growing downwards (reading order, as
in a Qt scene); a drawing on a PDF page flips y.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable

import networkx as nx

from cuecraft.core.graph import DesignGraph

Position = tuple[float, float]

COLUMN_OF_KIND = {
    "motif": 0,
    "cue": 1,
    "layer": 1,
    "souvenir": 1,
    "zone": 2,
    "touchpoint": 3,
    "action": 4,
}
OTHER_COLUMN = 5  # kinds this module does not know yet go last
KIND_RANK = {"cue": 0, "layer": 1, "souvenir": 2}  # order of ties within the item column
MAX_SPREAD = 24  # a short column spaces its nodes at least 1/24 of the height apart


def layout(graph: DesignGraph, network: nx.MultiDiGraph | None = None) -> dict[str, Position]:
    """Every node of `graph.network` (or of `network`, a part of it) mapped to an (x, y)
    position in [0, 1]².

    Deterministic: the same design always gets the same picture.
    """
    if network is None:
        network = graph.network
    kinds: dict[str, str] = {node: data.get("kind", "") for node, data in network.nodes(data=True)}
    file_order = {node: i for i, node in enumerate(network.nodes)}
    columns: dict[int, list[str]] = {}
    for node, kind in kinds.items():
        columns.setdefault(COLUMN_OF_KIND.get(kind, OTHER_COLUMN), []).append(node)
    if not columns:
        return {}
    largest = max(len(nodes) for nodes in columns.values())

    neighbours: dict[str, set[str]] = {node: set() for node in kinds}
    for src, dst in network.edges():
        if src != dst:
            neighbours[src].add(dst)
            neighbours[dst].add(src)

    ys: dict[str, float] = {}

    def place(
        column: int, desired: dict[str, float], tie: dict[str, tuple[int, int]], even: bool = False
    ) -> None:
        nodes = sorted(columns.get(column, ()), key=lambda n: (desired[n], *tie[n]))
        ys.update(_pack(nodes, [desired[n] for n in nodes], len(nodes) if even else largest))

    touchpoints = graph.journey_order
    n_tp = len(touchpoints)
    for i, node in enumerate(touchpoints):
        ys[node] = (i + 0.5) / n_tp

    def tie_of(node: str) -> tuple[int, int]:
        return KIND_RANK.get(kinds[node], 9), file_order[node]

    ties = {node: tie_of(node) for node in kinds}

    # Zones by their touchpoints; zones without one by the zones they see.
    zones = columns.get(COLUMN_OF_KIND["zone"], [])
    by_touchpoints = {z: _barycentre(neighbours[z], ys.get) for z in zones}
    desired = dict(by_touchpoints)
    for z in zones:
        if by_touchpoints[z] is None:
            seen = [y for o in neighbours[z] if (y := by_touchpoints.get(o)) is not None]
            desired[z] = sum(seen) / len(seen) if seen else None
    place(COLUMN_OF_KIND["zone"], _fill(zones, desired, file_order), ties)

    # Items by the places they are placed at, then motifs by the items that carry them.
    items = columns.get(COLUMN_OF_KIND["cue"], [])
    desired = {node: _barycentre(neighbours[node], ys.get) for node in items}
    place(COLUMN_OF_KIND["cue"], _fill(items, desired, file_order), ties)
    # The blueprint's actions beside the touchpoints they serve.
    actions = columns.get(COLUMN_OF_KIND["action"], [])
    desired = {node: _barycentre(neighbours[node], ys.get) for node in actions}
    place(COLUMN_OF_KIND["action"], _fill(actions, desired, file_order), ties)
    # Motifs tie many items together, so their barycentres bunch up in the middle:
    # they keep the barycentric order but are spread over the whole height.
    for column in (COLUMN_OF_KIND["motif"], OTHER_COLUMN):
        members = columns.get(column, [])
        ys.update(_spread(members, lambda node: neighbours[node], ys.get, file_order, ties))

    xs = _column_xs(columns)
    return {
        node: (xs[COLUMN_OF_KIND.get(kind, OTHER_COLUMN)], ys[node]) for node, kind in kinds.items()
    }


def relayout_motifs(graph: DesignGraph, before: dict[str, Position]) -> dict[str, Position] | None:
    """`layout(graph)` after edits of motifs alone (an item's tags, the theme's list), from
    the positions `before` them: only the motif column is placed again, since every other
    column is placed by the journey, the zones and the places, which motifs do not move.
    None when more would move: a node other than a motif came or went, the motif column
    came or went, or it is (or was) larger than every other column (the largest column's
    size sets every gap).

    A few milliseconds at 10,000 cues where `layout` takes a tenth of a second: the
    network holds the motifs first (`network.build_network`), and the other columns'
    sizes are those of the graph's tables."""
    network = graph.network
    sizes = {
        COLUMN_OF_KIND["cue"]: len(graph.cues) + len(graph.layers) + len(graph.souvenirs),
        COLUMN_OF_KIND["zone"]: len(graph.zones),
        COLUMN_OF_KIND["touchpoint"]: len(graph.touchpoints),
        COLUMN_OF_KIND["action"]: len(graph.actions),
    }
    others = sum(sizes.values())
    motifs = list(itertools.islice(network, network.number_of_nodes() - others))
    # `before` as `layout` (or this) gave it: in the network's order, the motifs first.
    old_motifs = sum(1 for _ in itertools.takewhile(lambda n: n.startswith("motif:"), before))
    if (
        any(network.nodes[node].get("kind") != "motif" for node in motifs)
        or len(before) - old_motifs != others
        or bool(motifs) != bool(old_motifs)
        or max(len(motifs), old_motifs) > max(sizes.values())
    ):
        return None
    out: dict[str, Position] = {}
    if motifs:
        file_order = {node: i for i, node in enumerate(motifs)}
        ties = {node: (KIND_RANK.get("motif", 9), file_order[node]) for node in motifs}

        around = {
            node: (set(network.pred[node]) | set(network.succ[node])) - {node} for node in motifs
        }
        # Where the motifs' neighbours are (items: motifs have no other neighbours).
        ys = {other: before[other][1] for near in around.values() for other in near}
        present = [COLUMN_OF_KIND["motif"], *(column for column, size in sizes.items() if size)]
        x = _column_xs(present)[COLUMN_OF_KIND["motif"]]
        spread = _spread(motifs, around.__getitem__, ys.get, file_order, ties)
        out.update((node, (x, spread[node])) for node in motifs)
    out.update(itertools.islice(before.items(), old_motifs, None))
    return out


def _spread(
    members: list[str],
    around: Callable[[str], Iterable[str]],
    y_of: Callable[[str], float | None],
    file_order: dict[str, int],
    ties: dict[str, tuple[int, int]],
) -> dict[str, float]:
    """A column spread evenly over the height in the order of its members' barycentres."""
    desired = _fill(
        members, {node: _barycentre(around(node), y_of) for node in members}, file_order
    )
    nodes = sorted(members, key=lambda n: (desired[n], *ties[n]))
    return _pack(nodes, [desired[n] for n in nodes], len(nodes))


def _column_xs(columns: Iterable[int]) -> dict[int, float]:
    """Each column's x, the columns present spread evenly from left to right."""
    present = sorted(columns)
    return {
        column: (i / (len(present) - 1) if len(present) > 1 else 0.5)
        for i, column in enumerate(present)
    }


def journey_order(graph: DesignGraph) -> list[str]:
    """Touchpoint ids in journey order: `DesignGraph.journey_order`, the only one."""
    return list(graph.journey_order)


def _barycentre(nodes: Iterable[str], y_of: Callable[[str], float | None]) -> float | None:
    # Summed exactly (fsum): the same whatever order the neighbours come in, so a network
    # changed in place (`network.retag_motifs`) lays out as one built afresh.
    found = [y for node in nodes if (y := y_of(node)) is not None]
    return math.fsum(found) / len(found) if found else None


def _fill(
    nodes: list[str], desired: dict[str, float | None], file_order: dict[str, int]
) -> dict[str, float]:
    """Nodes without a barycentre go below the rest, in file order."""
    out: dict[str, float] = {}
    for node in nodes:
        value = desired.get(node)
        out[node] = value if value is not None else 2.0 + file_order[node] * 1e-9
    return out


def _pack(nodes: list[str], desired: list[float], largest: int) -> dict[str, float]:
    """Positions as near the desired ones as a minimum gap allows, within [0, 1].

    The gap is at least that of the largest column; a short column keeps its
    nodes further apart (up to evenly spread when `largest` is its own size).
    """
    n = len(nodes)
    if n == 0:
        return {}
    gap = max(1.0 / largest, min(1.0 / n, 1.0 / MAX_SPREAD))
    if gap * n >= 1.0 - 1e-12:
        return {node: (i + 0.5) / n for i, node in enumerate(nodes)}
    low, high = gap / 2, 1.0 - gap / 2
    ys = [0.0] * n
    for i, want in enumerate(desired):
        floor = low if i == 0 else ys[i - 1] + gap
        ys[i] = max(min(want, high), floor)
    if ys[-1] > high:
        ys[-1] = high
        for i in range(n - 2, -1, -1):
            ys[i] = min(ys[i], ys[i + 1] - gap)
    return dict(zip(nodes, ys, strict=True))
