"""The whole design as one networkx graph (SPEC §3), for the graph view and the brief.

Nodes for the theme's motifs, zones, touchpoints, cues, layers, souvenirs and the
blueprint's actions, each with its `kind` and `label` (its name, as every view calls it);
typed edges for `sees`, a touchpoint's `zone`, `next` (return edges marked), `conflicts`,
`at`, motif tags, `evokes`, and an action's `serves`, `zone` and `needs`. Built from
`DesignGraph`'s resolved references on first use (`DesignGraph.network`): the rules read
the graph's indexes, not this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from cuecraft.core.model import Cue, Item, Layer, Souvenir
from cuecraft.core.names import full_name

if TYPE_CHECKING:
    from cuecraft.core.graph import DesignGraph


def build_network(graph: DesignGraph) -> nx.MultiDiGraph:
    """Every node and typed edge of SPEC §3 for one design's graph."""
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    theme_motifs = set(graph.design.theme.motifs)
    for motif in graph.design.theme.motifs:
        g.add_node(f"motif:{motif}", kind="motif", label=motif)
    for kind, table in (
        ("zone", graph.zones),
        ("touchpoint", graph.touchpoints),
        ("cue", graph.cues),
        ("layer", graph.layers),
        ("souvenir", graph.souvenirs),
        ("action", graph.actions),
    ):
        for item_id, item in table.items():
            g.add_node(item_id, kind=kind, label=_label(item))
    for zone_id, others in graph.sees.items():
        for other in others:
            if zone_id < other:
                g.add_edge(zone_id, other, kind="sees")
    for tp_id, zone_id in graph.zone_of.items():
        g.add_edge(tp_id, zone_id, kind="zone")
    for src, dst in graph.journey.edges:
        g.add_edge(src, dst, kind="next")
    for src, dst in graph.return_edges:
        g.add_edge(src, dst, kind="next", returns=True)
    for cue_id, others in graph.conflicts.items():
        for other in others:
            if cue_id < other:
                g.add_edge(cue_id, other, kind="conflicts")
    placed: list[Cue | Layer | Souvenir] = [
        *graph.design.cues,
        *graph.design.layers,
        *graph.design.souvenirs,
    ]
    for item in placed:
        for place in item.at:
            if place in graph.zones or place in graph.touchpoints:
                g.add_edge(item.id, place, kind="at")
        for motif in item.motifs:
            if motif in theme_motifs:
                g.add_edge(item.id, f"motif:{motif}", kind="motif")
    for souvenir_id, cue_ids in graph.evoked.items():
        for cue_id in cue_ids:
            g.add_edge(souvenir_id, cue_id, kind="evokes")
    for action_id, served in graph.action_at.items():
        for tp_id in dict.fromkeys(served):
            g.add_edge(action_id, tp_id, kind="serves")
        where = graph.actions[action_id].zone
        if where is not None and where in graph.zones:
            g.add_edge(action_id, where, kind="zone")
    for action_id, needed in graph.needs.items():
        for other in needed:
            g.add_edge(action_id, other, kind="needs")
    return g


# What a networkx graph holds; the rest of its attributes are views it caches of itself
# (`nodes`, `edges`, `adj`, `degree`, ...), each holding the graph.
_DATA = frozenset({"graph", "_node", "_adj", "_pred", "_succ", "__networkx_cache__"})


def let_go(network: nx.MultiDiGraph) -> None:
    """Forget the views networkx caches on a network no longer used: each refers back to
    the network, a cycle only the garbage collector breaks, and the workbench keeps its
    views and designs out of the collector's sight (`gc.freeze`), where a network left in
    a cycle would stay forever (36 MB at 10,000 cues). Still readable: networkx makes its
    views again when asked."""
    for name in [name for name in vars(network) if name not in _DATA]:
        del vars(network)[name]


def _label(item: Item) -> str:
    """A node's label: the item's name as every view calls it (`cuecraft.core.names`);
    each drawing shortens it to the room it has."""
    return full_name(item)
