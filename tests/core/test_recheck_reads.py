"""Every rule declares every field that can change its findings (its `READS`).

The incremental re-check runs again only the rules that say they read an edited
field; a rule that reads a field it does not declare would keep stale findings.
Here every field the graph does not read is set, on every item of every example
design (and of the rule tests' tea house, where one change makes a rule speak),
to the values that move findings — blank and written, the ends of each range,
each choice — and each rule whose findings change must name the field in its
`READS`, and a scorecard that changes must be read by the score or follow a
finding that changed.
"""

from __future__ import annotations

from typing import Any

import pytest

from cuecraft.core.edits import EditError, SetField
from cuecraft.core.feedback import Feedback
from cuecraft.core.findings import Finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import SENSES, Design
from cuecraft.core.reads import Field
from cuecraft.core.rules import RULE_READS, RULES, check_rules
from cuecraft.core.rules.feedback import READS as FEEDBACK_READS
from cuecraft.core.rules.feedback import check_feedback
from cuecraft.core.score import READS as SCORE_READS
from cuecraft.core.score import Scorecard, scorecard
from cuecraft.core.validate import FIELDS, Rule
from tests.core.edit_strategies import KIND_OF_SECTION, OWN
from tests.core.recheck_designs import STARTS, start
from tests.core.test_recheck import TYPING

NAMES = [rule.__module__.rsplit(".", 1)[-1] for rule in RULES]


def flips(rule: Rule, design: Design, names: list[str]) -> list[Any]:
    """Values of a field that move findings: blank and written, each end of a range, each
    choice, none and every sense, the theme's motifs and an avoided one, the names the
    feedback gives touchpoints."""
    words = [[], design.theme.motifs[:1], design.theme.avoid[:1], ["off-theme"]]
    by_kind: dict[str, list[Any]] = {
        "text": ["", " ", "x", *names],
        "required": ["x", "y"],
        "optional": [None, "", " ", "x"],
        "language": [None, "pl"],
        "words": words,
        "senses": [[], list(SENSES), ["taste"]],
        "choice": list(rule.choices),
        "optional_choice": [None, *rule.choices],
        "number": [rule.low, rule.high],
        "optional_number": [None, rule.low, rule.high, min(10, rule.high)],
        "flag": [True, False],
        "amount": [None, 0, 10, 250],
    }
    return by_kind[rule.kind]


def _findings(graph: DesignGraph, feedback: Feedback | None) -> list[tuple[Finding, ...]]:
    return [tuple(found) for found in (*check_rules(graph), check_feedback(graph, feedback))]


def _card(graph: DesignGraph, by_rule: list[tuple[Finding, ...]]) -> Scorecard:
    return scorecard(graph, [f for found in by_rule for f in found])


def undeclared(design: Design, feedback: Feedback | None) -> list[str]:
    """Each (rule, field) where editing the field changed the rule's findings though its
    READS leave the field out, and each field that moved the score unannounced."""
    graph = DesignGraph(design)  # kept: none of these fields is one the graph reads
    before = _findings(graph, feedback)
    card = _card(graph, before)
    reads = [*RULE_READS, FEEDBACK_READS]
    names = [*NAMES, "feedback"]
    missing: set[str] = set()
    said = feedback.touchpoints if feedback is not None else {}
    unknown = [key for key in said if key not in graph.touchpoints]  # FBK004
    for section, name in TYPING:
        kind = section if section in OWN else KIND_OF_SECTION[section]
        owners = [section] if section in OWN else [i.id for i in getattr(design, section)]
        field: Field = (section, name)
        for owner in owners:
            for value in flips(FIELDS[kind][name], design, unknown):
                edit = SetField(owner, name, value)
                try:
                    edit.apply(design)
                except EditError:
                    continue
                after = _findings(graph, feedback)
                moved = [i for i, found in enumerate(after) if found != before[i]]
                missing.update(f"{names[i]} {field}" for i in moved if field not in reads[i])
                if not moved and field not in SCORE_READS and _card(graph, after) != card:
                    missing.add(f"score {field}")
                edit.revert(design)
    return sorted(missing)


@pytest.mark.parametrize("name", STARTS)
def test_every_rule_declares_the_fields_that_change_its_findings(name: str) -> None:
    design, feedback = start(name)
    assert undeclared(design, feedback) == []
    if feedback is not None:
        assert undeclared(design, None) == []
