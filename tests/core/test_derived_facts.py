"""The derived facts every view reads from the core: journey order, peak, hotspots, sense totals.

Each is computed once (DesignGraph, cuecraft.core.feedback.evidence); these
tests pin the rules themselves on small designs. tests/gui/test_one_journey_order.py
checks that the workbench and the brief show what the core says.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from bench.generate import generate

from cuecraft.core.check import check
from cuecraft.core.feedback import (
    MIN_RESPONSES,
    Columns,
    Feedback,
    Source,
    TouchpointFeedback,
    enough_answers,
    hotspots,
    is_hotspot,
    nps,
)
from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.graph import DesignGraph
from cuecraft.core.rules.feedback import check_feedback
from cuecraft.resources import example_designs

HEAD = "cuecraft: 1\ntitle: T\ntheme: {name: N}\n"


def graph_of(touchpoints: str, rest: str = "") -> DesignGraph:
    """A design of one-line touchpoints (flow mappings), plus any other sections."""
    lines = [f"  - {{{line.strip()}}}" for line in touchpoints.strip().splitlines()]
    return DesignGraph(parse_design(HEAD + "touchpoints:\n" + "\n".join(lines) + "\n" + rest))


# -- the journey order ---------------------------------------------------------------

# a → b, a → c, b → d, c → d, d → e, and 'u' that nothing reaches. In the file c comes
# before b, and c is a 'during' step although it sits level with the 'before' step b.
BRANCHING = """
id: a, phase: before, next: [b, c]
id: c, phase: during, next: [d]
id: b, phase: before, next: [d]
id: d, phase: during, next: [e]
id: e, phase: after
id: u, phase: during
"""


def test_a_branching_journey_reads_forward_then_by_phase_and_puts_the_unreachable_last():
    graph = graph_of(BRANCHING)
    # Phase first would give a, b, c, d, u, e (u among the 'during' steps); steps from
    # the entry alone a, c, b, d, e, u (c before b by file order).
    assert graph.journey_order == ["a", "b", "c", "d", "e", "u"]


def test_every_arrow_points_forward_even_past_a_shortcut():
    # Breadth-first steps would put d (1 step, by the shortcut) before c (2 steps).
    graph = graph_of("""
        id: a, next: [b, d]
        id: b, next: [c]
        id: c, next: [d]
        id: d
    """)
    assert graph.journey_order == ["a", "b", "c", "d"]


def test_among_free_touchpoints_the_earlier_phase_comes_first():
    graph = graph_of("""
        id: a, phase: before, next: [b, c]
        id: b, phase: during
        id: c, phase: before, next: [c2]
        id: c2, phase: before, next: [b]
    """)
    # b waits for c2, which leads to it; c and c2 are 'before', so they come first.
    assert graph.journey_order == ["a", "c", "c2", "b"]
    graph = graph_of("""
        id: a, phase: before, next: [b, c]
        id: b, phase: during
        id: c, phase: before, next: [c2]
        id: c2, phase: before
    """)
    assert graph.journey_order == ["a", "c", "c2", "b"]


def test_within_a_phase_fewer_steps_first_then_file_order():
    graph = graph_of("""
        id: a, next: [y, b]
        id: x
        id: b, next: [x]
        id: y
    """)
    # x and y have no 'before' phase to tell them apart ('during' by default); entries
    # are then the touchpoints nothing leads to: only a. b before y by file order (both
    # 1 step), y before x by steps (1 against 2), although x comes first in the file.
    assert graph.entries == ["a"]
    assert graph.journey_order == ["a", "b", "y", "x"]


def test_a_loop_is_entered_where_the_guest_first_arrives():
    graph = graph_of("""
        id: z, phase: after
        id: y, phase: during, next: [x, z]
        id: x, phase: during, next: [y]
        id: e, phase: before, next: [x]
    """)
    assert graph.journey_order == ["e", "x", "y", "z"]


def test_a_touchpoint_leading_to_itself_is_listed_once():
    graph = graph_of("""
        id: a, phase: before, next: [a, b]
        id: b, phase: during, next: [b]
    """)
    assert graph.journey_order == ["a", "b"]


def test_a_return_visit_does_not_make_the_start_wait_for_the_end():
    graph = graph_of("""
        id: late, phase: after
        id: invite, phase: before, next: [tasting]
        id: farewell, phase: after, next: [invite]
        id: tasting, phase: during, next: [farewell]
        id: early, phase: before, next: [late]
    """)
    # farewell → invite is a return edge: invite is still an entry, like early.
    assert graph.return_edges == [("farewell", "invite")]
    assert graph.journey_order == ["invite", "early", "tasting", "late", "farewell"]


def test_unreachable_touchpoints_come_last_by_phase_then_file_order():
    graph = graph_of("""
        id: gone, phase: after
        id: start, phase: before, next: [main]
        id: main, phase: during
        id: lost, phase: during
        id: stray, phase: before
    """)
    # 'stray' is a 'before' step nothing leads to: an entry, reached.
    assert graph.journey_order == ["start", "stray", "main", "lost", "gone"]
    assert graph.reachable == {"start", "stray", "main"}


def test_no_touchpoints_no_order():
    assert graph_of("").journey_order == []


def _forward_where_acyclic(graph: DesignGraph) -> None:
    order = graph.journey_order
    assert sorted(order) == sorted(graph.touchpoints)  # each once
    position = {t: i for i, t in enumerate(order)}
    reached = graph.reachable
    links_among_reached = [(a, b) for a, b in graph.journey.edges if a in reached and b in reached]
    acyclic = nx.is_directed_acyclic_graph(nx.DiGraph(links_among_reached))
    for src, dst in graph.journey.edges:
        if src in reached and acyclic:
            assert position[src] < position[dst], (src, dst)
    # the reached touchpoints first
    assert all(t in reached for t in order[: len(reached)])


@pytest.mark.parametrize("path", example_designs(), ids=lambda p: p.stem)
def test_worked_examples_list_every_touchpoint_once_with_arrows_forward(path):
    graph = DesignGraph(load_design(path))
    _forward_where_acyclic(graph)
    phases = [graph.touchpoints[t].phase for t in graph.journey_order]
    assert phases == sorted(phases, key=["before", "during", "after"].index)


def test_haidilao_shows_the_noodle_dance_before_the_table_care_it_leads_to():
    path = next(p for p in example_designs() if p.stem == "haidilao-hotpot")
    order = DesignGraph(load_design(path)).journey_order
    assert order.index("noodle-dance") < order.index("table-care")


@pytest.mark.parametrize("cues, touchpoints, zones", [(50, 12, 4), (300, 60, 15), (1000, 200, 50)])
def test_generated_designs_list_every_touchpoint_once(cues, touchpoints, zones):
    _forward_where_acyclic(DesignGraph(generate(cues, touchpoints, zones)))


# -- the peak ------------------------------------------------------------------------


def test_the_peak_is_the_highest_emotion():
    graph = graph_of("""
        id: a, phase: before, next: [b], emotion: 1
        id: b, phase: during, next: [c], emotion: 3
        id: c, phase: after, emotion: 2
    """)
    assert graph.peak == "b"


def test_equal_peaks_go_to_the_first_in_journey_order_not_in_the_file():
    graph = graph_of("""
        id: late, phase: after, emotion: 3
        id: a, phase: before, next: [mid], emotion: 0
        id: mid, phase: during, next: [late], emotion: 3
    """)
    assert graph.journey_order == ["a", "mid", "late"]
    assert graph.peak == "mid"


def test_the_live_check_reads_the_peak_emotion_without_sorting_the_journey():
    result = check(generate(300, 60, 15))
    graph = result.graph
    assert "journey_order" not in graph.__dict__  # not computed by any rule
    assert graph.peak is not None
    assert graph.peak_emotion == graph.touchpoints[graph.peak].emotion


def test_the_peak_of_a_sad_journey_is_its_least_sad_moment_and_none_without_emotions():
    assert graph_of("id: a, next: [b], emotion: -2\nid: b, emotion: -1").peak == "b"
    assert graph_of("id: a, next: [b]\nid: b").peak is None
    assert graph_of("").peak is None


# -- the detractor hotspot (FBK001) --------------------------------------------------


def answers(promoters: int = 0, passives: int = 0, detractors: int = 0) -> TouchpointFeedback:
    scores = [0] * 11
    scores[10], scores[8], scores[3] = promoters, passives, detractors
    return TouchpointFeedback(scores)


def test_a_hotspot_needs_more_critics_than_fans_from_enough_answers():
    assert MIN_RESPONSES == 30
    assert is_hotspot(nps(answers(promoters=10, detractors=20).scores))
    assert not is_hotspot(nps(answers(promoters=10, detractors=19).scores))  # 29 answers
    assert not is_hotspot(nps(answers(promoters=15, detractors=15).scores))  # NPS 0
    assert not is_hotspot(nps(answers(promoters=20, detractors=10).scores))
    assert not is_hotspot(nps([0] * 11))  # nobody answered


def test_enough_answers_is_the_threshold_of_evidence():
    assert enough_answers(nps(answers(passives=30).scores))
    assert not enough_answers(nps(answers(passives=29).scores))


def test_hotspots_keep_the_order_they_are_asked_in_and_agree_with_fbk001():
    graph = graph_of(BRANCHING)
    feedback = Feedback(
        Source("s.csv", "0" * 64, "2024-05-02", 0, 0, 0),
        Columns("score"),
        {
            "d": answers(promoters=5, detractors=40),
            "b": answers(promoters=10, detractors=30),
            "c": answers(promoters=1, detractors=20),  # 21 answers: not yet evidence
            "e": answers(promoters=40, detractors=10),
        },
    )
    assert hotspots(feedback, graph.journey_order) == ["b", "d"]
    fbk001 = [f.ids[0] for f in check_feedback(graph, feedback) if f.code == "FBK001"]
    assert sorted(fbk001) == ["b", "d"]


# -- the sensory totals ----------------------------------------------------------------

SENSORY = """\
zones:
  - {id: hall}
  - {id: yard}
  - {id: cellar}
layers:
  - {id: rain, sense: sound, at: [hall], intensity: 2}
  - {id: drums, sense: sound, at: [hall, yard], intensity: 2}
  - {id: mist, sense: smell, at: [hall]}
  - {id: ghost, sense: sight, at: [nowhere], intensity: 3}
"""


def test_sense_totals_add_up_the_layers_of_each_sense_in_each_zone():
    graph = graph_of("id: a, phase: before, zone: hall", SENSORY)
    assert graph.sense_intensity == {"hall": {"sound": 4, "smell": 1}, "yard": {"sound": 2}}
    assert graph.intensity_in("hall", "sound") == 4
    assert graph.intensity_in("yard", "sound") == 2
    assert graph.intensity_in("cellar", "sound") == 0
    assert graph.intensity_in("hall", "sight") == 0  # the ghost layer's zone does not exist


def test_sen003_fires_exactly_where_the_totals_pass_3():
    design = parse_design(HEAD + "touchpoints:\n  - {id: a, phase: before, zone: hall}\n" + SENSORY)
    result = check(design)
    flagged = {f.ids for f in result.findings if f.code == "SEN003"}
    graph = result.graph
    over = {
        (zone, sense)
        for zone, sense in itertools.product(graph.zones, ("sight", "sound", "smell"))
        if graph.intensity_in(zone, sense) > 3
    }
    assert flagged == over == {("hall", "sound")}
