"""The incremental re-check gives what a full check gives, after any edits and undos.

Random sequences of edits — every field of the format (`validate.FIELDS`) set to
values it accepts, items added, removed and renamed, batches, undo and redo —
on every example design (the rainforest café with its guest feedback, switched
off and on) and the rule tests' tea house, and after each step `recheck` must
equal `check`: the same findings in the same order, the same scorecard. A field
left out of a rule's `READS` makes that rule's findings stale once an edit of it
moves them, and these tests fail when their edits get there;
`test_recheck_reads.py` sets every field on every item, so there it fails always.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cuecraft.core.check import CheckResult, check
from cuecraft.core.edits import Edit, EditError, SetField
from cuecraft.core.feedback import Feedback
from cuecraft.core.graph import DesignGraph
from cuecraft.core.itemfields import CONFLICTS_KEY
from cuecraft.core.model import Design, Item
from cuecraft.core.reads import GRAPH_READS, UNREAD
from cuecraft.core.recheck import recheck
from cuecraft.core.rules import RULE_READS
from cuecraft.core.rules.feedback import READS as FEEDBACK_READS
from cuecraft.core.score import READS as SCORE_READS
from tests.core.edit_strategies import EVERY_FIELD, an_edit, set_field
from tests.core.recheck_designs import (
    EXAMPLES,
    STARTS,
    STARTS_WITH_FEEDBACK,
    WITH_FEEDBACK,
    start,
)


def assert_as_full(result: CheckResult, design: Design, feedback: Feedback | None) -> None:
    full = check(design, feedback=feedback)
    assert result.findings == full.findings
    assert result.scorecard == full.scorecard


def test_there_are_examples_with_and_without_feedback() -> None:
    assert len(EXAMPLES) >= 5
    assert WITH_FEEDBACK and len(WITH_FEEDBACK) < len(EXAMPLES)


def named(result: CheckResult) -> list[str]:
    """The ids the findings name: the items a designer turns to next."""
    return [i for f in result.findings for i in f.ids]


def _apply(edit: Edit, design: Design) -> bool:
    try:
        edit.apply(design)
    except EditError:
        return False
    return True


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_a_recheck_after_any_edits_and_undos_equals_a_full_check(data: Any) -> None:
    name = data.draw(st.sampled_from([*STARTS, *STARTS_WITH_FEEDBACK]), label="design")
    design, its_feedback = start(name)
    feedback = its_feedback
    names = [key for key in its_feedback.touchpoints] if its_feedback else []
    result = check(design, feedback=feedback)
    done: list[Edit] = []  # the undo stack
    undone: list[Edit] = []  # the redo stack
    for _step in range(data.draw(st.integers(1, 16), label="steps")):
        since: list[Edit] = []
        action = data.draw(st.sampled_from(["edit"] * 6 + ["undo", "undo", "redo", "feedback"]))
        if action == "undo" and done:
            for _ in range(data.draw(st.integers(1, min(3, len(done))))):
                edit = done.pop()
                edit.revert(design)
                undone.append(edit)
                since.append(edit)
        elif action == "redo" and undone:
            edit = undone.pop()
            if _apply(edit, design):
                done.append(edit)
                since.append(edit)
        elif action == "feedback" and its_feedback is not None:
            feedback = None if feedback is not None else its_feedback
        else:
            for _ in range(data.draw(st.integers(1, 3))):
                edit = data.draw(an_edit(design, names, named(result)))
                if edit is not None and _apply(edit, design):
                    done.append(edit)
                    since.append(edit)
                    undone.clear()
        result = recheck(result, design, since, feedback)
        assert_as_full(result, design, feedback)


TYPING = tuple(f for f in EVERY_FIELD if f not in GRAPH_READS)
"""The fields typing re-checks without a full check: those the graph does not read."""
READ_WHILE_TYPING = tuple(f for f in TYPING if f not in UNREAD)
"""Of those, the ones some rule or the score reads (typing the others changes nothing)."""


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_a_recheck_after_typing_equals_a_full_check(data: Any) -> None:
    """Typing alone, field after field, often on the same few items: no step is a full
    check, so a field a rule reads but does not declare in its `READS` shows at once."""
    name = data.draw(st.sampled_from([*STARTS, *STARTS_WITH_FEEDBACK]), label="design")
    design, feedback = start(name)
    names = [key for key in feedback.touchpoints] if feedback else []
    # A different start each time: a few edits of any field before the first check.
    for _ in range(data.draw(st.integers(0, 8), label="before")):
        edit = data.draw(set_field(design, names))
        if edit is not None:
            _apply(edit, design)
    if feedback is not None and data.draw(st.booleans(), label="without feedback"):
        feedback = None
    result = check(design, feedback=feedback)
    lately: list[str] = []
    for _step in range(data.draw(st.integers(1, 30), label="keystrokes")):
        focus = [*lately, *named(result)]
        edit = data.draw(set_field(design, names, among=READ_WHILE_TYPING, focus=focus))
        if not isinstance(edit, SetField) or not _apply(edit, design):
            continue
        lately = [edit.owner, *lately[:2]]
        result = recheck(result, design, [edit], feedback)
        assert_as_full(result, design, feedback)


def graph_facts(graph: DesignGraph) -> dict[str, Any]:
    """Everything the rules read of a graph, as plain values."""

    def ids(table: Mapping[str, Sequence[Item]]) -> dict[str, list[str]]:
        return {place: [item.id for item in items] for place, items in table.items() if items}

    return {
        "zone_of": graph.zone_of,
        "touchpoints_in": {k: v for k, v in graph.touchpoints_in.items() if v},
        "sees": {k: v for k, v in graph.sees.items() if v},
        "conflicts": {k: v for k, v in graph.conflicts.items() if v},
        "cue_places": graph.cue_places,
        "cues_at": ids(graph.cues_at),
        "layers_at": ids(graph.layers_at),
        "actions_at": ids(graph.actions_at),
        "souvenir_places": graph.souvenir_places,
        "evoked": graph.evoked,
        "action_at": graph.action_at,
        "needs": graph.needs,
        "broken": [
            (b.item.id, b.field, b.index, b.target, b.expected, b.found) for b in graph.broken
        ],
        "journey": list(graph.journey.edges),
        "return_edges": graph.return_edges,
        "entries": graph.entries,
        "ends": graph.ends,
        "reachable": graph.reachable,
        "on_path": graph.on_entry_to_end_path,
        "order": graph.journey_order,
        "depth": graph.journey_depth,
        "guest_sight": graph.guest_sight,
        "sense_intensity": graph.sense_intensity,
        "peak": (graph.peak_emotion, graph.peak),
        "personas": graph.persona_journeys,
        "paths": {t: graph.path_through(t, around=2) for t in graph.touchpoints},
    }


OUTSIDE_GRAPH = tuple(f for f in EVERY_FIELD if f not in GRAPH_READS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_the_graph_reads_no_field_outside_graph_reads(data: Any) -> None:
    """What lets the re-check keep the graph: edits of other fields leave it as it was."""
    design, _feedback = start(data.draw(st.sampled_from(STARTS)))
    before = graph_facts(DesignGraph(design))
    for _ in range(data.draw(st.integers(1, 8))):
        edit = data.draw(set_field(design, [], among=OUTSIDE_GRAPH))
        if edit is not None:
            _apply(edit, design)
    assert graph_facts(DesignGraph(design)) == before


def test_every_field_is_read_by_the_graph_a_rule_the_score_or_nobody() -> None:
    every = set(EVERY_FIELD)
    read = set(GRAPH_READS | FEEDBACK_READS | SCORE_READS).union(*RULE_READS)
    assert every <= read | UNREAD, "a field of the format no one says they read"
    assert not UNREAD & read, "a field both read and unread"
    # Every field named is a field of the format (a misspelt one would never match).
    assert read | UNREAD <= every | {("design", CONFLICTS_KEY)}
    # A touchpoint's name is read only by the feedback rules.
    assert ("touchpoints", "name") in FEEDBACK_READS
    assert all(("touchpoints", "name") not in reads for reads in RULE_READS)
