"""The incremental re-check, one edit at a time: what runs again and what comes back.

Typing a cue's text hands back the previous result itself; clearing a negative
cue's owner runs the eliminate rule alone (the other findings are the very same
objects); an edit of a field the graph reads, or an edit that is not a SetField,
checks everything again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import cuecraft.core.recheck as recheck_module
import cuecraft.core.rules as rules_module
from cuecraft.core.check import CheckResult, check
from cuecraft.core.edits import AddItem, Batch, EditError, RenameId, SetField
from cuecraft.core.findings import Finding
from cuecraft.core.i18n import language
from cuecraft.core.model import Cue, Design
from cuecraft.core.reads import GRAPH_READS, UNREAD
from cuecraft.core.recheck import recheck
from cuecraft.core.rules import eliminate
from cuecraft.core.rules.feedback import check_feedback
from cuecraft.core.validate import FIELDS
from tests.core.edit_strategies import KIND_OF_SECTION
from tests.core.recheck_designs import EXAMPLES, RAINFOREST, WITH_FEEDBACK, start
from tests.core.test_recheck import assert_as_full

OWN = ("design", "theme", "realms", "value")


def _same_objects(new: list[Finding], old: list[Finding]) -> bool:
    return {id(f) for f in new} <= {id(f) for f in old}


def owner_of(design: Design, section: str) -> str:
    """An owner (for SetField) that has fields of this section."""
    if section in OWN:
        return section
    return str(getattr(design, section)[0].id)


def other_value(design: Design, owner: str, section: str, name: str) -> Any:
    """A value the format accepts for the field, different from the one it has."""
    kind = section if section in OWN else KIND_OF_SECTION[section]
    rule = FIELDS[kind][name]
    target: Any = {"design": design, "theme": design.theme, "value": design.value}.get(owner)
    if owner == "realms":
        target = design.theme.realms
    elif target is None:
        target = design.index()[owner]
    now = getattr(target, name)
    ids = [item.id for item in design.items()]
    candidates: list[Any] = [
        *([rule.low, rule.high] if rule.kind.endswith("number") else []),
        *([*rule.choices, None] if rule.choices else []),
        "pl" if rule.kind == "language" else "changed words",
        [ids[-1]] if rule.kind == "refs" else None,
        ["sight", "taste"],
        {design.touchpoints[0].id: rule.high} if rule.kind == "numbers_by_id" else None,
        [],
        True,
        None,
        7,
    ]
    for value in candidates:
        if value == now:
            continue
        try:
            SetField(owner, name, value).check(design)
        except EditError:
            continue
        return value
    raise AssertionError(f"no other value for {section}.{name}")


def test_typing_a_cues_text_hands_back_the_previous_result() -> None:
    design, _feedback = start(RAINFOREST)
    result = check(design)
    cue = design.cues[0]
    for typed in ("A", "Ab", "Abc"):
        edit = SetField(cue.id, "text", typed, merge=True)
        edit.apply(design)
        assert recheck(result, design, [edit]) is result
    assert_as_full(result, design, None)


@pytest.mark.parametrize("field", sorted(UNREAD))
def test_an_edit_no_rule_reads_hands_back_the_previous_result(field: tuple[str, str]) -> None:
    section, name = field
    chosen = next(p.name for p in EXAMPLES if section in OWN or getattr(start(p.name)[0], section))
    design, feedback = start(chosen)
    result = check(design, feedback=feedback)
    owner = owner_of(design, section)
    edit = SetField(owner, name, other_value(design, owner, section, name))
    edit.apply(design)
    assert recheck(result, design, [edit], feedback) is result
    assert_as_full(result, design, feedback)


def _spied(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the name of each rule that runs (the modules' `check` functions)."""
    ran: list[str] = []

    def spy(rule: Callable[..., list[Finding]], name: str) -> Callable[..., list[Finding]]:
        def run(*args: Any) -> list[Finding]:
            ran.append(name)
            return rule(*args)

        return run

    spied = tuple(spy(rule, rule.__module__.rsplit(".", 1)[-1]) for rule in rules_module.RULES)
    monkeypatch.setattr(rules_module, "RULES", spied)
    monkeypatch.setattr(recheck_module, "check_feedback", spy(check_feedback, "feedback"))
    return ran


def test_a_negative_cues_owner_runs_only_the_eliminate_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    design, feedback = start(RAINFOREST)
    assert feedback is not None
    result = check(design, feedback=feedback)
    cue = design.index()["saturday-queue"]
    assert isinstance(cue, Cue) and cue.is_negative and cue.effective_severity == "high"
    ran = _spied(monkeypatch)
    edit = SetField(cue.id, "owner", "", merge=True)
    edit.apply(design)
    new = recheck(result, design, [edit], feedback)
    assert ran == ["eliminate"]
    assert new.graph is result.graph
    ours = [f for f in new.findings if f.code.startswith("ELI")]
    others = [f for f in new.findings if not f.code.startswith("ELI")]
    assert others and _same_objects(others, result.findings)
    assert ours and not {id(f) for f in ours} & {id(f) for f in result.findings}
    assert ("ELI004", ("saturday-queue",)) in [(f.code, f.ids) for f in ours]
    assert ("cues", "owner") in eliminate.READS
    monkeypatch.undo()
    assert_as_full(new, design, feedback)


def test_the_same_findings_again_hand_back_the_previous_result() -> None:
    """Typing on in an owner that is written already changes no finding."""
    design, _feedback = start(RAINFOREST)
    result = check(design)
    edit = SetField("saturday-queue", "owner", "general managers", merge=True)
    edit.apply(design)
    assert recheck(result, design, [edit]) is result


@pytest.mark.parametrize("field", sorted(GRAPH_READS))
def test_an_edit_of_a_field_the_graph_reads_checks_everything(field: tuple[str, str]) -> None:
    section, name = field
    chosen = next(p.name for p in EXAMPLES if getattr(start(p.name)[0], section))
    design, feedback = start(chosen)
    result = check(design, feedback=feedback)
    owner = owner_of(design, section)
    edit = SetField(owner, name, other_value(design, owner, section, name))
    edit.apply(design)
    new = recheck(result, design, [edit], feedback)
    assert new.graph is not result.graph
    assert_as_full(new, design, feedback)


def test_an_edit_that_is_not_a_set_field_checks_everything() -> None:
    design, _feedback = start(RAINFOREST)
    result = check(design)
    typed = SetField(design.cues[0].id, "text", "typed")
    added = AddItem("cues", Cue("new-cue", "A new cue"))
    both = Batch([typed, added])
    both.apply(design)
    new = recheck(result, design, [both])
    assert new.graph is not result.graph
    assert_as_full(new, design, None)
    renamed = RenameId("new-cue", "newer-cue")
    renamed.apply(design)
    newer = recheck(new, design, [renamed])
    assert newer.graph is not new.graph
    assert_as_full(newer, design, None)
    # A batch of fields no rule reads is typing all the same.
    names = Batch([SetField("design", "title", "T"), SetField(design.cues[1].id, "text", "t")])
    names.apply(design)
    assert recheck(newer, design, [names]) is newer


def test_a_result_made_elsewhere_or_of_another_design_checks_everything() -> None:
    design, _feedback = start(RAINFOREST)
    bare = CheckResult(check(design).graph, [], check(design).scorecard)
    assert recheck(bare, design, []).findings == check(design).findings
    other, _ = start(RAINFOREST)
    result = check(other)
    assert recheck(result, design, []).graph.design is design


def test_a_language_switch_checks_everything() -> None:
    design, _feedback = start(RAINFOREST)
    result = check(design)
    with language("pl"):
        new = recheck(result, design, [])
        assert new.graph is not result.graph
        assert new.findings == check(design).findings
        assert new.findings != result.findings  # the messages are in Polish now


def test_feedback_switched_on_and_off_runs_the_feedback_rules() -> None:
    design, feedback = start(WITH_FEEDBACK[0])
    result = check(design)
    on = recheck(result, design, [], feedback)
    assert on.graph is result.graph
    assert any(f.code.startswith("FBK") for f in on.findings)
    assert_as_full(on, design, feedback)
    off = recheck(on, design, [], None)
    assert not any(f.code.startswith("FBK") for f in off.findings)
    assert_as_full(off, design, None)


def test_a_touchpoints_name_is_read_with_feedback_only() -> None:
    design, feedback = start(RAINFOREST)
    renamed = RenameId("storm", "thunder")  # the feedback still says "storm" (FBK004)
    renamed.apply(design)
    without, with_feedback = check(design), check(design, feedback=feedback)
    edits = [SetField("thunder", "name", "Storm", merge=True)]
    edits[0].apply(design)
    assert recheck(without, design, edits) is without
    new = recheck(with_feedback, design, edits, feedback)
    assert new is not with_feedback  # FBK004: “storm” is the name of “thunder”
    assert any("thunder" in f.hint for f in new.findings if f.code == "FBK004")
    assert_as_full(new, design, feedback)


def test_selected_codes_stay_selected() -> None:
    design, _feedback = start(RAINFOREST)
    result = check(design, select=["ELI"], ignore=["ELI001"])
    edit = SetField("saturday-queue", "owner", "")
    edit.apply(design)
    new = recheck(result, design, [edit])
    full = check(design, select=["ELI"], ignore=["ELI001"])
    assert new.findings == full.findings and new.scorecard == full.scorecard
    assert {f.code for f in new.findings} == {"ELI002", "ELI004"}


def test_the_network_shows_a_text_typed_after_it_was_drawn() -> None:
    design, _feedback = start(RAINFOREST)
    result = check(design)
    cue = design.cues[0]
    assert result.graph.network.nodes[cue.id]["label"] != "Typed just now"
    edit = SetField(cue.id, "text", "Typed just now")
    edit.apply(design)
    new = recheck(result, design, [edit])
    assert new.graph.network.nodes[cue.id]["label"] == "Typed just now"
