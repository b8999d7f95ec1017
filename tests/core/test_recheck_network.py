"""The network the graph view and the brief draw stays true through typing: a name or
text typed relabels its node in place (building a 10,000-cue network again took a second
per keystroke); a motif typed into an item or the theme changes its motif nodes and edges
in place, into the network a fresh build gives, laid out alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cuecraft.core.check import check
from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design
from cuecraft.core.layout import layout, relayout_motifs
from cuecraft.core.network import build_network
from cuecraft.core.recheck import recheck
from tests.core.recheck_designs import STARTS, start

RAINFOREST = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"


def same_network(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    nodes = lambda g: sorted((n, sorted(d.items())) for n, d in g.nodes(data=True))  # noqa: E731
    edges = lambda g: sorted((u, v, sorted(d.items())) for u, v, d in g.edges(data=True))  # noqa: E731
    return nodes(a) == nodes(b) and edges(a) == edges(b)


def test_typed_names_and_texts_relabel_the_network_in_place() -> None:
    design = load_design(RAINFOREST)
    result = check(design)
    network = result.graph.network
    cue, zone = design.cues[0], design.zones[0]
    for edit in (
        SetField(cue.id, "text", "Thunder rolls every twenty minutes", merge=True),
        SetField(zone.id, "name", "The mall front, renamed", merge=True),
    ):
        edit.apply(design)
        result = recheck(result, design, [edit])
        assert result.graph.network is network  # not built again
        assert same_network(network, build_network(result.graph))


def test_typed_motifs_change_the_network_in_place() -> None:
    design = load_design(RAINFOREST)
    result: Any = check(design)
    network = result.graph.network
    cue = next(c for c in design.cues if set(c.motifs) & set(design.theme.motifs))
    tags = sum(1 for motif in cue.motifs if motif in design.theme.motifs)
    edges = network.number_of_edges()
    edit = SetField(cue.id, "motifs", [])
    edit.apply(design)
    result = recheck(result, design, [edit])
    assert result.graph.network is network
    assert network.number_of_edges() == edges - tags
    assert same_network(network, build_network(result.graph))


def same_order(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    # The layout breaks ties by the order of the nodes.
    return list(a.nodes(data=True)) == list(b.nodes(data=True))


@st.composite
def motif_typing(draw: st.DrawFn) -> tuple[str, list[tuple[str, list[str]]]]:
    """A design and motifs typed into it: (owner, the motifs it shows) after each key,
    owners among its cues, layers, souvenirs and the theme; the words the theme's own,
    new ones, a word typed letter by letter, repeats and none."""
    name = draw(st.sampled_from(STARTS))
    design, _ = start(name)
    tagged = [item.id for item in (*design.cues, *design.layers, *design.souvenirs)]
    words = [*design.theme.motifs, "rain", "jungle", "j", "ju"]
    typed = []
    for _ in range(draw(st.integers(1, 8))):
        owner = draw(st.sampled_from(["theme", *tagged[:30]]))
        motifs = draw(st.lists(st.sampled_from(words), max_size=5))
        word = draw(st.sampled_from(words))
        # A word typed key by key into the end of the field: each prefix in turn.
        for end in range(1, len(word) + 1) if draw(st.booleans()) else [len(word)]:
            typed.append((owner, [*motifs, word[:end]]))
    return name, typed


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=motif_typing())
def test_motifs_typed_leave_the_network_a_fresh_build_would_make(
    case: tuple[str, list[tuple[str, list[str]]]],
) -> None:
    name, typed = case
    design, feedback = start(name)
    result = check(design, feedback=feedback)
    network = result.graph.network
    before = layout(result.graph)
    for owner, motifs in typed:
        edit = SetField(owner, "motifs", motifs, merge=True)
        edit.apply(design)
        result = recheck(result, design, [edit], feedback)
        assert result.graph.network is network
        fresh = build_network(result.graph)
        assert same_network(network, fresh)
        assert same_order(network, fresh)
        now = layout(result.graph)
        assert now == layout(result.graph, fresh)
        # Only the motif column moves: laid out from the positions before (its own output
        # too), unless the motif column came, went or outgrew every other one.
        moved = relayout_motifs(result.graph, before)
        graph = result.graph
        others = (len(graph.cues) + len(graph.layers) + len(graph.souvenirs), len(graph.zones))
        largest = max(*others, len(graph.touchpoints), len(graph.actions))
        counts = [
            sum(1 for node in positions if node.startswith("motif:")) for positions in (before, now)
        ]
        if min(counts) > 0 and max(counts) <= largest:
            assert moved == now
        else:
            assert moved is None or moved == now
        before = moved or now


def test_runs_in_full_says_what_recheck_will_do() -> None:
    # The workbench moves full checks of large designs off its thread on this answer.
    from cuecraft.core.edits import RemoveItem
    from cuecraft.core.recheck import runs_in_full

    design = load_design(RAINFOREST)
    result = check(design)
    cue, touchpoint = design.cues[0], design.touchpoints[1]
    assert not runs_in_full(result, design, [SetField(cue.id, "text", "typed")])
    assert runs_in_full(result, design, [SetField(touchpoint.id, "emotion", 2)])
    assert runs_in_full(result, design, [RemoveItem(cue.id)])
    assert runs_in_full(result, load_design(RAINFOREST), [])  # another design's result


@pytest.mark.parametrize(
    ("pick", "name", "value"),
    [
        (lambda d: next(c for c in d.cues if c.is_negative), "owner", "Night manager"),
        (lambda d: next(c for c in d.cues if c.is_negative), "remedy", "Fix the queue"),
        (lambda d: next(c for c in d.cues if c.is_negative), "severity", "low"),
        (lambda d: next(c for c in d.cues if c.is_negative), "impact", 3),
        (lambda d: d.actions[0], "tolerance", 10),
        (lambda d: d.touchpoints[0], "wait", 7),
    ],
)
def test_fields_the_network_does_not_hold_keep_it(pick: Any, name: str, value: Any) -> None:
    # An owner typed into a 10,000-cue design built the network again on every key.
    design = load_design(RAINFOREST)
    result = check(design)
    network = result.graph.network
    item = pick(design)
    edit = SetField(item.id, name, value, merge=True)
    edit.apply(design)
    result = recheck(result, design, [edit])
    assert result.graph.network is network
    assert same_network(network, build_network(result.graph))


def test_a_network_let_go_is_freed_without_the_garbage_collector() -> None:
    # The workbench keeps views and designs out of the collector's sight (gc.freeze): a
    # network dropped in a cycle of its own cached views would never be freed there.
    import gc
    import weakref

    from cuecraft.core.network import let_go

    design = load_design(RAINFOREST)
    result: Any = check(design)
    network = result.graph.network
    list(network.edges(data=True)), network.nodes, network.degree  # the views it caches
    old = weakref.ref(network)
    gc.disable()
    try:
        let_go(network)
        result.graph._network = None  # the graph itself let go of
        del network
        assert old() is None
    finally:
        gc.enable()
