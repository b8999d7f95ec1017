"""The journey's own small digraph (`JourneyLinks`) answers as networkx's DiGraph did.

The pictures and the brief draw links in the order `edges` gives them, so that
order must stay networkx's: by touchpoint in the order added, then by link in the
order added. networkx is a dependency of the project (the whole-design network),
so these tests compare against it directly.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.graph import DesignGraph
from cuecraft.core.journey_links import JourneyLinks

ROOT = Path(__file__).resolve().parents[2]

names = st.sampled_from(["door", "bar", "table", "show", "shop", "exit", "web"])
links = st.lists(st.tuples(names, names), max_size=30)


def _both(touchpoints: list[str], pairs: list[tuple[str, str]]) -> tuple[JourneyLinks, nx.DiGraph]:
    ours = JourneyLinks(touchpoints)
    theirs: nx.DiGraph = nx.DiGraph()
    theirs.add_nodes_from(touchpoints)
    for a, b in pairs:
        ours.add_link(a, b)
        theirs.add_edge(a, b)
    return ours, theirs


@settings(max_examples=300, deadline=None)
@given(touchpoints=st.lists(names, max_size=7), pairs=links)
def test_answers_as_a_networkx_digraph_of_the_same_links(touchpoints, pairs):
    ours, theirs = _both(touchpoints, pairs)
    assert list(ours) == list(theirs)
    assert len(ours) == len(theirs)
    assert ours.edges == list(theirs.edges)  # the same order, not just the same set
    for t in theirs:
        assert t in ours
        assert list(ours.successors(t)) == list(theirs.successors(t))
        assert list(ours.predecessors(t)) == list(theirs.predecessors(t))
        assert ours.in_degree(t) == theirs.in_degree(t)
        assert ours.out_degree(t) == theirs.out_degree(t)
        for other in theirs:
            assert ours.has_edge(t, other) == theirs.has_edge(t, other)


def test_a_link_given_twice_is_one_link():
    journey = JourneyLinks(["door", "bar"])
    journey.add_link("door", "bar")
    journey.add_link("door", "bar")
    assert journey.edges == [("door", "bar")]
    assert list(journey.successors("door")) == ["bar"]
    assert list(journey.predecessors("bar")) == ["door"]
    assert journey.out_degree("door") == journey.in_degree("bar") == 1


def test_links_come_by_touchpoint_in_file_order_not_by_when_they_were_linked():
    journey = JourneyLinks(["door", "bar", "table"])
    journey.add_link("bar", "table")
    journey.add_link("door", "table")
    journey.add_link("door", "bar")
    assert journey.edges == [("door", "table"), ("door", "bar"), ("bar", "table")]
    assert list(journey.predecessors("table")) == ["bar", "door"]


def test_a_touchpoint_linked_to_itself_links_in_and_out():
    journey = JourneyLinks(["loop"])
    journey.add_link("loop", "loop")
    assert journey.in_degree("loop") == journey.out_degree("loop") == 1
    assert journey.has_edge("loop", "loop")


def test_unknown_touchpoints():
    journey = JourneyLinks(["door"])
    assert "bar" not in journey
    assert [] not in journey  # not even hashable: simply not a touchpoint
    assert not journey.has_edge("door", "bar")
    assert not journey.has_edge("bar", "door")


def _networkx_journey(graph: DesignGraph) -> nx.DiGraph:
    """The journey as graph.py built it with networkx before it had its own class."""
    journey: nx.DiGraph = nx.DiGraph()
    journey.add_nodes_from(graph.touchpoints)
    for tp in graph.design.touchpoints:
        for nxt in tp.next:
            if nxt in graph.touchpoints and (tp.id, nxt) not in graph.return_edges:
                journey.add_edge(tp.id, nxt)
    return journey


def test_each_example_designs_journey_has_networkxs_links_in_networkxs_order():
    paths = [p for p in sorted((ROOT / "designs").glob("*.yaml")) if ".feedback" not in p.name]
    assert paths
    for path in paths:
        graph = DesignGraph(load_design(path))
        before = _networkx_journey(graph)
        assert graph.journey.edges == list(before.edges), path.name
        assert list(graph.journey) == list(before), path.name
        for t in before:
            assert list(graph.journey.predecessors(t)) == list(before.predecessors(t))


def test_a_designs_repeated_next_is_one_link_and_return_edges_stay_out():
    graph = DesignGraph(
        parse_design(
            b"cuecraft: 1\ntitle: t\ntheme: {name: t}\ntouchpoints:\n"
            b"  - {id: web, phase: before, next: [door, door]}\n"
            b"  - {id: door, phase: during, next: [bye]}\n"
            b"  - {id: bye, phase: after, next: [web]}\n"
        )
    )
    assert graph.journey.edges == [("web", "door"), ("door", "bye")]
    assert graph.return_edges == [("bye", "web")]
    assert graph.entries == ["web"]
    assert graph.ends == ["bye"]
