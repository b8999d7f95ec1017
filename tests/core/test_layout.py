"""The graph layout: every node placed, deterministic, in reading order, without numpy or Qt."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from bench.generate import generate

from cuecraft.core.fileformat import load_design
from cuecraft.core.graph import DesignGraph
from cuecraft.core.layout import journey_order, layout
from cuecraft.core.model import Design, Theme
from cuecraft.resources import example_designs

DESIGNS = example_designs()


@pytest.mark.parametrize("path", DESIGNS, ids=[p.stem for p in DESIGNS])
def test_every_node_has_a_place_in_the_unit_square(path: Path) -> None:
    graph = DesignGraph(load_design(path))
    positions = layout(graph)
    assert set(positions) == set(graph.network.nodes)
    for x, y in positions.values():
        assert 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0


def test_columns_read_motifs_items_zones_touchpoints() -> None:
    graph = DesignGraph(load_design(DESIGNS[0]))
    positions = layout(graph)
    kinds = {n: d["kind"] for n, d in graph.network.nodes(data=True)}

    def column(kind: str) -> set[float]:
        return {positions[n][0] for n, k in kinds.items() if k == kind}

    (motif,), (zone,), (touchpoint,) = column("motif"), column("zone"), column("touchpoint")
    assert column("cue") == column("layer") == column("souvenir")
    (item,) = column("cue")
    assert motif < item < zone < touchpoint


def test_touchpoints_are_in_journey_order_top_to_bottom() -> None:
    graph = DesignGraph(load_design(Path(DESIGNS[0]).with_name("rainforest-cafe.yaml")))
    positions = layout(graph)
    order = journey_order(graph)
    assert order[:4] == ["discover", "book", "arrive", "check-in"]
    assert order[-1] == "adopt-follow-up"
    ys = [positions[t][1] for t in order]
    assert ys == sorted(ys)
    phases = [graph.touchpoints[t].phase for t in order]
    assert phases == sorted(phases, key=["before", "during", "after"].index)


def test_nodes_of_a_column_never_share_a_position() -> None:
    graph = DesignGraph(generate(300, 60, 15))
    positions = layout(graph)
    columns: dict[float, list[float]] = {}
    for x, y in positions.values():
        columns.setdefault(x, []).append(y)
    for ys in columns.values():
        ys.sort()
        assert all(b - a > 1e-6 for a, b in itertools.pairwise(ys))


def test_a_zone_sits_beside_its_touchpoints() -> None:
    graph = DesignGraph(load_design(Path(DESIGNS[0]).with_name("rainforest-cafe.yaml")))
    positions = layout(graph)
    touchpoints = [t for t, z in graph.zone_of.items() if z == "dining-hall"]
    mean = sum(positions[t][1] for t in touchpoints) / len(touchpoints)
    assert abs(positions["dining-hall"][1] - mean) < 0.1


def test_layout_is_deterministic_and_handles_1000_cues() -> None:
    first = layout(DesignGraph(generate(1000, 200, 50)))
    second = layout(DesignGraph(generate(1000, 200, 50)))
    assert first == second
    assert len(first) > 1000


def test_an_empty_design_has_an_empty_layout_and_a_lone_node_sits_in_the_middle() -> None:
    assert layout(DesignGraph(Design("T", Theme("N")))) == {}
    lone = layout(DesignGraph(Design("T", Theme("N", motifs=["m"]))))
    assert lone == {"motif:m": (0.5, 0.5)}
