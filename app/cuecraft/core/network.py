"""The whole design as one networkx graph (SPEC §3), for the graph view and the brief.

Nodes for the theme's motifs, zones, touchpoints, cues, layers, souvenirs and the
blueprint's actions, each with its `kind` and `label` (its name, as every view calls it);
typed edges for `sees`, a touchpoint's `zone`, `next` (return edges marked), `conflicts`,
`at`, motif tags, `evokes`, and an action's `serves`, `zone` and `needs`. Built from
`DesignGraph`'s resolved references on first use (`DesignGraph.network`): the rules read
the graph's indexes, not this.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

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


# In the network's own data: how many times `retag_motifs` changed it, and when each motif
# node last came or had its edges changed (`motifs_changed`).
MOTIFS_CHANGED = "motifs changed"
MOTIF_STAMPS = "motif stamps"


def retag_motifs(
    network: nx.MultiDiGraph, graph: DesignGraph, owners: Iterable[str], theme: bool
) -> None:
    """`network` (of `graph`, whose design changed since only in motifs: the tags of the
    items `owners`, and the theme's list if `theme`) changed in place into what
    `build_network(graph)` gives now: the same nodes in the same order, the same edges
    (the motif edges made again listed after the others of their ends).
    At 10,000 cues building it again took a sixth of a second on every key typed into a
    motifs field; this touches the typed item's edges, and the motif nodes."""
    design = graph.design
    placed: list[Cue | Layer | Souvenir] = [*design.cues, *design.layers, *design.souvenirs]
    retagged = set(owners)
    touched: set[str] = set()  # the motif nodes that came or whose edges changed
    changed = False
    if theme:
        wanted = [f"motif:{motif}" for motif in dict.fromkeys(design.theme.motifs)]
        # The motif nodes come first (`_put_first`): read no further than them.
        motifs_first = itertools.takewhile(
            lambda pair: pair[1] == "motif", network.nodes(data="kind")
        )
        present = [node for node, _kind in motifs_first]
        if wanted != present:
            came, gone = set(wanted) - set(present), set(present) - set(wanted)
            network.remove_nodes_from(gone)  # with their edges
            for node in gone:
                network.graph.get(MOTIF_STAMPS, {}).pop(node, None)
            for node in came:
                network.add_node(node, kind="motif", label=node.removeprefix("motif:"))
            _put_first(network, wanted)
            touched |= came
            changed = True
            # Every item tagged with a motif the theme has just named gets its edge.
            named = {node.removeprefix("motif:") for node in came}
            retagged |= {item.id for item in placed if not named.isdisjoint(item.motifs)}
    theme_motifs = set(design.theme.motifs)
    # Items by id (ids repeat only in a design with that error, drawn all the same).
    by_id: dict[str, list[Cue | Layer | Souvenir]] = {}
    if len(retagged) > 8:
        for item in placed:
            by_id.setdefault(item.id, []).append(item)
    # In the order of the design's items, as the network is built (however many keys,
    # or views not reading it meanwhile, the change was made of).
    if len(retagged) > 1:
        retagged_in_order = list(dict.fromkeys(i.id for i in placed if i.id in retagged))
    else:
        retagged_in_order = list(retagged)
    for owner in retagged_in_order:
        if owner not in network:
            continue
        items = by_id.get(owner, []) if by_id else [i for i in placed if i.id == owner]
        tags = [
            f"motif:{motif}" for item in items for motif in item.motifs if motif in theme_motifs
        ]
        drawn = _motif_edges(network, owner)
        if Counter(tags) != Counter(target for target, _key in drawn):
            network.remove_edges_from([(owner, target, key) for target, key in drawn])
            for target in tags:
                network.add_edge(owner, target, kind="motif")
            touched |= {target for target, _key in drawn} | set(tags)
    if touched or changed:
        count = motifs_changed(network) + 1
        network.graph[MOTIFS_CHANGED] = count
        stamps = network.graph.setdefault(MOTIF_STAMPS, {})
        stamps.update(dict.fromkeys(touched, count))


def motifs_changed(network: nx.MultiDiGraph) -> int:
    """How many times `retag_motifs` has changed `network` (0 for one just built)."""
    return int(network.graph.get(MOTIFS_CHANGED, 0))


def motifs_changed_since(network: nx.MultiDiGraph, count: int) -> set[str]:
    """The motif nodes that came or had their edges changed since `network` was changed
    `count` times (`motifs_changed`)."""
    stamps: dict[str, int] = network.graph.get(MOTIF_STAMPS, {})
    return {node for node, stamp in stamps.items() if stamp > count and node in network}


def tagged_with(network: nx.MultiDiGraph, motif: str) -> list[str]:
    """The items tagged with the motif node `motif`, once per tag (twice if tagged twice).
    Read from networkx's own table of predecessors: its views of it (`network.pred`)
    take four times as long, at 10,000 cues a few milliseconds a motif."""
    return [item for item, keyed in network._pred[motif].items() for _key in keyed]


def _motif_edges(network: nx.MultiDiGraph, owner: str) -> list[tuple[str, Any]]:
    """The (target, key) of each motif edge from `owner`."""
    return [
        (target, key)
        for target, keyed in network.succ[owner].items()
        for key, data in keyed.items()
        if data.get("kind") == "motif"
    ]


def _put_first(network: nx.MultiDiGraph, first: list[str]) -> None:
    """Put the nodes `first` ahead of every other, in that order, as `build_network` adds
    the theme's motifs: the layout breaks ties by the order of the nodes. networkx keeps
    that order in its node and adjacency tables (`_node`, `_succ` — also `_adj` — and
    `_pred`), reordered here in place."""
    if list(itertools.islice(network, len(first))) == first:
        return
    for table in (network._node, network._succ, network._pred):
        rest = table.copy()  # copied, cleared and filled by dict itself: at 10,000 cues a
        ahead = {node: rest.pop(node) for node in first}  # third of a loop's time
        table.clear()
        table.update(ahead)
        table.update(rest)


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
