"""The network the graph view and the brief draw stays true through typing: a name or
text typed relabels its node in place (building a 10,000-cue network again took a second
per keystroke); a motif typed builds it again (motifs are its edges)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from cuecraft.core.check import check
from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design
from cuecraft.core.network import build_network
from cuecraft.core.recheck import recheck

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


def test_typed_motifs_build_the_network_again() -> None:
    design = load_design(RAINFOREST)
    result: Any = check(design)
    network = result.graph.network
    cue = next(c for c in design.cues if c.motifs)
    edit = SetField(cue.id, "motifs", [])
    edit.apply(design)
    result = recheck(result, design, [edit])
    assert result.graph.network is not network
    assert same_network(result.graph.network, build_network(result.graph))


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

    design = load_design(RAINFOREST)
    result: Any = check(design)
    network = result.graph.network
    list(network.edges(data=True)), network.nodes, network.degree  # the views it caches
    old = weakref.ref(network)
    del network
    cue = next(c for c in design.cues if c.motifs)
    edit = SetField(cue.id, "motifs", [])
    edit.apply(design)
    gc.disable()
    try:
        result = recheck(result, design, [edit])
        assert old() is None
    finally:
        gc.enable()
