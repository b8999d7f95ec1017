"""Personas (SPEC §2.2): the format, a persona's contracted journey, and PER001–PER003."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cuecraft.core.edits import RemoveItem, RenameId
from cuecraft.core.fileformat import parse_design
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Design, Persona, Theme, Touchpoint
from cuecraft.core.personas import journey_of
from cuecraft.core.writer import dump_design

ROOT = Path(__file__).resolve().parents[2]


def _design(links: dict[str, list[str]], phases: dict[str, str] | None = None, **emotions: int):
    """Touchpoints in file order with their `next` links (and phases, emotions)."""
    phases = phases or {}
    return Design(
        title="t",
        theme=Theme(name="x"),
        touchpoints=[
            Touchpoint(t, phase=phases.get(t, "during"), next=n, emotion=emotions.get(t))
            for t, n in links.items()
        ],
    )


def _journey(design: Design, skips: list[str], emotion: dict[str, int] | None = None):
    design.personas = [Persona("p", skips=skips, emotion=emotion or {})]
    return DesignGraph(design).persona_journeys["p"]


def _links(journey) -> set[tuple[str, str]]:
    return set(journey.edges)


# -- contraction ---------------------------------------------------------------------


def test_a_chain_bridges_a_skipped_step():
    j = _journey(_design({"a": ["b"], "b": ["c"], "c": ["d"], "d": []}), ["b"])
    assert _links(j) == {("a", "c"), ("c", "d")}
    assert j.order == ("a", "c", "d")
    assert (j.entries, j.ends, j.skipped) == (("a",), ("d",), frozenset({"b"}))


def test_a_run_of_skipped_steps_is_bridged_whole():
    j = _journey(_design({"a": ["b"], "b": ["c"], "c": ["d"], "d": []}), ["b", "c"])
    assert _links(j) == {("a", "d")}


def test_skipping_the_entry_makes_its_successor_the_entry():
    phases = {"a": "before", "b": "before", "c": "during"}
    j = _journey(_design({"a": ["b"], "b": ["c"], "c": []}, phases), ["a"])
    assert (j.entries, j.ends) == (("b",), ("c",))
    assert j.has_path
    # With no `before` touchpoint left, every touchpoint with no link in is an entry.
    j = _journey(_design({"a": ["b"], "b": ["c"], "c": []}, {"a": "before"}), ["a"])
    assert j.entries == ("b",)


def test_skipping_an_end_makes_its_predecessor_an_end():
    j = _journey(_design({"a": ["b"], "b": ["c"], "c": []}), ["c"])
    assert (j.ends, _links(j)) == (("b",), {("a", "b")})


def test_skipping_a_branch_node_links_its_predecessor_to_every_branch():
    design = _design({"a": ["b"], "b": ["c", "d"], "c": ["e"], "d": ["e"], "e": []})
    j = _journey(design, ["b"])
    assert _links(j) == {("a", "c"), ("a", "d"), ("c", "e"), ("d", "e")}
    # Skipping one branch leaves the other: the merge point is still reached.
    j = _journey(_design({"a": ["b"], "b": ["c", "d"], "c": ["e"], "d": ["e"], "e": []}), ["c"])
    assert _links(j) == {("a", "b"), ("b", "d"), ("b", "e"), ("d", "e")}
    assert j.reachable == {"a", "b", "d", "e"}


def test_a_loop_through_a_skipped_step_does_not_link_a_step_to_itself():
    # bar <-> table loop: skipping the bar, the table's way back leads nowhere new.
    design = _design({"a": ["bar"], "bar": ["table"], "table": ["bar", "z"], "z": []})
    j = _journey(design, ["bar"])
    assert _links(j) == {("a", "table"), ("table", "z")}


def test_a_loop_of_skipped_steps_is_crossed_once():
    design = _design({"a": ["b"], "b": ["c"], "c": ["b", "d"], "d": []})
    j = _journey(design, ["b", "c"])
    assert _links(j) == {("a", "d")}
    assert j.has_path


def test_return_edges_stay_out_of_a_persona_journey():
    phases = {"invite": "before", "dine": "during", "bye": "after"}
    design = _design({"invite": ["dine"], "dine": ["bye"], "bye": ["invite"]}, phases)
    j = _journey(design, ["dine"])
    assert _links(j) == {("invite", "bye")}
    assert (j.entries, j.ends) == (("invite",), ("bye",))


def test_a_persona_with_no_skips_or_overrides_is_the_default_guest():
    design = parse_design((ROOT / "designs" / "rainforest-cafe.yaml").read_bytes())
    design.personas = [Persona("anyone")]
    graph = DesignGraph(design)
    theirs, guest = graph.persona_journeys["anyone"], journey_of(graph)
    assert theirs.order == guest.order == tuple(graph.journey_order)
    assert theirs.successors == guest.successors
    assert set(theirs.entries) == set(guest.entries) == set(graph.entries)
    assert set(theirs.ends) == set(guest.ends) == set(graph.ends)
    assert theirs.reachable == guest.reachable == graph.reachable
    assert theirs.emotion == {t: tp.emotion for t, tp in graph.touchpoints.items()}
    assert theirs.peak == graph.peak
    assert set(guest.edges) == set(graph.journey.edges)


def test_a_touchpoint_linked_to_itself_is_read_as_the_design_reads_it():
    # `next: [itself]` is a link in: the design then has no entry, and neither has the persona.
    design = _design({"arrive": ["arrive", "bar"], "bar": []}, {"arrive": "before"})
    graph = DesignGraph(design)
    design.personas = [Persona("p")]
    theirs = DesignGraph(design).persona_journeys["p"]
    assert theirs.entries == tuple(graph.entries) == ()
    assert not theirs.has_path
    assert ("arrive", "arrive") in theirs.edges


def test_low_ends_are_the_ends_below_one_or_three_below_their_peak():
    design = _design({"a": ["b", "c", "d"], "b": [], "c": [], "d": []}, a=3, b=0, c=1, d=2)
    j = _journey(design, [])
    assert j.low_ends == ("b",)  # 0 is below 1; 1 is only 2 below the peak of 3


def test_overrides_replace_the_touchpoint_emotion_for_that_persona_only():
    design = _design({"a": ["b"], "b": []}, a=1, b=3)
    j = _journey(design, [], {"b": -2})
    assert dict(j.emotion) == {"a": 1, "b": -2}
    assert (j.peak, j.peak_emotion) == ("a", 1)
    assert design.touchpoints[1].emotion == 3


def test_skips_and_overrides_naming_no_touchpoint_are_left_out():
    j = _journey(_design({"a": ["b"], "b": []}, a=1), ["ghost"], {"ghost": 3})
    assert j.order == ("a", "b") and j.skipped == frozenset()
    assert j.peak_emotion == 1


# -- PER001–PER003 -------------------------------------------------------------------


def test_per001_a_persona_that_skips_everything_cannot_get_through(draft, summarize, where):
    draft.add("personas", id="ghost", skips=["invite", "arrive", "tasting", "farewell"])
    found = draft.findings()
    assert summarize(found) == [
        ("PER001", "warning", ("ghost", "invite", "arrive", "tasting", "farewell"))
    ]
    assert (found[0].line, found[0].column) == where(draft.text, "id: ghost")
    assert found[0].fields == ("skips",)


def test_per001_quiet_when_the_skips_leave_a_way_through(draft):
    draft.add("personas", id="local", skips=["invite"])  # they enter at the garden
    draft.add("personas", id="rushed", skips=["tasting"])  # arrive -> farewell, bridged
    assert draft.findings() == []


def test_per001_fires_when_a_skip_leaves_only_a_loop(draft, summarize):
    # tasting -> tea-room -> tasting is a loop; skipping the farewell leaves no end at all.
    draft["tasting"]["next"] = ["farewell", "tea-room"]
    draft.add(
        "touchpoints", id="tea-room", phase="during", zone="pavilion", next=["tasting"], emotion=3
    )
    draft["farewell"]["next"] = []
    draft["tasting"]["next"] = ["tea-room"]
    draft["tea-room"]["next"] = ["tasting", "farewell"]
    assert not [f for f in draft.findings() if f.code.startswith("PER")]
    draft.add("personas", id="stuck", skips=["farewell"])
    codes = [f.code for f in draft.findings() if f.code.startswith("PER")]
    assert codes == ["PER001"]


def test_per002_a_persona_whose_end_is_low(draft, summarize, where):
    draft.add("personas", id="business", emotion={"farewell": 0})
    found = draft.findings()
    assert summarize(found) == [("PER002", "warning", ("business", "farewell"))]
    assert "emotion 0" in found[0].message and "their peak is 3" in found[0].message
    # Located at the override that makes the end low.
    assert (found[0].line, found[0].column) == where(draft.text, "farewell: 0")


def test_per002_measures_against_the_persona_own_peak(draft, summarize):
    # Without the tasting (3), their peak is 2: an end at 2 is fine, and at -1 it is not.
    draft.add("personas", id="quick", skips=["tasting"])
    assert draft.findings() == []
    draft["farewell"]["emotion"] = 0  # now the design's end is low too: JRN004 says it
    found = summarize(draft.findings())
    assert ("JRN004", "warning", ("farewell",)) in found
    assert [f for f in found if f[0] == "PER002"] == []  # an end JRN004 reports is not repeated


def test_per002_a_skipped_end_hands_the_end_to_an_earlier_touchpoint(draft, summarize):
    draft["farewell"]["next"] = []  # no return edge: JRN003
    draft.add("personas", id="no-goodbye", skips=["farewell"], emotion={"tasting": 0})
    found = [f for f in summarize(draft.findings()) if f[0].startswith("PER")]
    # Their journey ends at the tasting, felt at 0 while their peak is the garden's 2.
    assert found == [("PER002", "warning", ("no-goodbye", "tasting"))]


def test_per002_quiet_when_the_persona_end_is_good(draft):
    draft.add("personas", id="couple", emotion={"farewell": 3, "tasting": 3})
    assert draft.findings() == []


def test_per003_shares_over_one_hundred(draft, summarize, where):
    draft.add("personas", id="family", share=60)
    draft.add("personas", id="solo")  # no share: not counted
    draft.add("personas", id="couple", share=45)
    found = draft.findings()
    assert summarize(found) == [("PER003", "warning", ("family", "couple"))]
    assert "105" in found[0].message
    assert (found[0].line, found[0].column) == where(draft.text, "60")


def test_per003_quiet_at_exactly_one_hundred(draft):
    draft.add("personas", id="family", share=60)
    draft.add("personas", id="couple", share=40)
    assert draft.findings() == []


def test_persona_findings_score_exactly(draft):
    draft.add("personas", id="business", emotion={"farewell": 0})  # PER002: × 0.9
    assert draft.check().scorecard.scores["journey"] == 90
    draft.add("personas", id="ghost", skips=["invite", "arrive", "tasting", "farewell"])
    assert draft.check().scorecard.scores["journey"] == round(100 * 0.9 * 0.8)  # and PER001
    draft.add("personas", id="many", share=100)
    draft.add("personas", id="more", share=1)  # PER003 is reported, not scored
    result = draft.check()
    assert "PER003" in [f.code for f in result.findings]
    assert result.scorecard.scores["journey"] == 72


# -- the format ----------------------------------------------------------------------

PERSONAS_YAML = """\
cuecraft: 1
title: T
theme:
  name: X
zones: []
touchpoints:
  - id: a
    phase: before
    next: [b]
  - id: b
    phase: after
cues: []
layers: []
souvenirs: []
personas:
  # the two kinds of guests
  - id: family
    name: Family with toddlers
    share: 55
    skips: [b]          # they leave early
    emotion: {a: -1, b: 3}
  - id: solo
"""


def test_personas_round_trip_with_comments_and_save_the_same_bytes():
    design = parse_design(PERSONAS_YAML)
    assert design.personas == [
        Persona("family", "Family with toddlers", 55, ["b"], {"a": -1, "b": 3}),
        Persona("solo"),
    ]
    text = dump_design(design)
    assert text == PERSONAS_YAML
    assert parse_design(text) == design


def test_a_block_mapping_of_emotions_reads_the_same_and_saves_as_one_line():
    text = PERSONAS_YAML.replace(
        "    emotion: {a: -1, b: 3}\n", "    emotion:\n      a: -1\n      b: 3\n"
    )
    design = parse_design(text)
    assert design.personas[0].emotion == {"a": -1, "b": 3}
    assert "    emotion: {a: -1, b: 3}\n" in dump_design(design)


def test_a_file_without_personas_saves_without_the_key():
    design = parse_design(PERSONAS_YAML.split("personas:")[0])
    assert "personas" not in dump_design(design)


@pytest.mark.parametrize(
    ("old", "new", "path", "said"),
    [
        ("    share: 55", "    share: 120", "personas[0].share", "120"),
        ("    share: 55", "    share: many", "personas[0].share", "whole number"),
        ("    skips: [b]", "    skips: b", "personas[0].skips", "list"),
        ("    emotion: {a: -1, b: 3}", "    emotion: {a: 5}", "personas[0].emotion.a", "5"),
        ("    emotion: {a: -1, b: 3}", "    emotion: {a: high}", "personas[0].emotion.a", "number"),
        ("    emotion: {a: -1, b: 3}", "    emotion: [a]", "personas[0].emotion", "mapping"),
        ("    share: 55", "    mood: 3", "personas[0]", "mood"),
    ],
)
def test_bad_persona_values_are_refused_with_their_location(old, new, path, said):
    from cuecraft.core.fileformat import DesignLoadError

    assert old in PERSONAS_YAML
    text = PERSONAS_YAML.replace(old, new)
    with pytest.raises(DesignLoadError) as caught:
        parse_design(text)
    problems = caught.value.problems
    assert any(p.path.startswith(path) and said in p.message for p in problems), problems
    wrong = next(p for p in problems if p.path.startswith(path))
    lines = [line for line in PERSONAS_YAML.splitlines() if line.startswith(old)]
    assert wrong.line == PERSONAS_YAML.splitlines().index(lines[0]) + 1


def test_ref001_for_skips_and_emotion_keys_that_name_no_touchpoint(draft, summarize, where):
    draft.add("personas", id="p", skips=["tastin"], emotion={"arrive": 2, "gone": 1})
    draft["arrive"]["zone"] = "garden"
    found = [f for f in draft.findings() if f.code == "REF001"]
    assert summarize(found) == [
        ("REF001", "error", ("p", "tastin")),
        ("REF001", "error", ("p", "gone")),
    ]
    assert "tasting" in found[0].hint  # did you mean
    assert (found[1].line, found[1].column) == where(draft.text, "gone")


def test_ref001_when_a_persona_skips_a_zone(draft, summarize):
    draft.add("personas", id="p", skips=["garden"])
    found = [f for f in draft.findings() if f.code == "REF001"]
    assert summarize(found) == [("REF001", "error", ("p", "garden"))]
    assert "zone" in found[0].message


def test_renaming_a_touchpoint_renames_it_in_skips_and_emotion_keys_in_place():
    design = parse_design(PERSONAS_YAML)
    edit = RenameId("a", "arrive")
    edit.apply(design)
    assert design.personas[0].emotion == {"arrive": -1, "b": 3}
    assert list(design.personas[0].emotion) == ["arrive", "b"]  # the order is kept
    second = RenameId("b", "bye")
    second.apply(design)
    assert design.personas[0].skips == ["bye"]
    assert design.personas[0].emotion == {"arrive": -1, "bye": 3}
    second.revert(design)
    edit.revert(design)
    assert design == parse_design(PERSONAS_YAML)


def test_deleting_a_touchpoint_drops_it_from_personas_and_undo_restores_it():
    design = parse_design(PERSONAS_YAML)
    before = parse_design(PERSONAS_YAML)
    edit = RemoveItem("b")
    edit.apply(design)
    assert (design.personas[0].skips, design.personas[0].emotion) == ([], {"a": -1})
    edit.revert(design)
    assert design == before


# -- the examples of docs/rules.md say what they do -----------------------------------


def _doc_example(code: str) -> str:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = text.split(f"## {code} ")[1].split("\n## ")[0]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("PER001", [("PER001", ("skipper", "arrive", "queue", "table"))]),
        ("PER002", [("PER002", ("business", "bill"))]),
        ("PER003", [("PER003", ("family", "couple"))]),
    ],
)
def test_the_documented_examples_fire_as_documented(code, expected):
    from cuecraft.core.check import check

    body = "cuecraft: 1\ntitle: T\ntheme:\n  name: X\n" + _doc_example(code)
    found = [(f.code, f.ids) for f in check(parse_design(body)).findings if f.code[:3] == "PER"]
    assert found == expected


def test_the_documented_persona_journey_is_what_core_computes():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    term = text.split("**Persona's journey.**")[1]
    body = re.search(r"```yaml\n(.*?)```", term, re.S).group(1)
    graph = DesignGraph(parse_design("cuecraft: 1\ntitle: T\ntheme:\n  name: X\n" + body))
    family, rushed = graph.persona_journeys["family"], graph.persona_journeys["rushed"]
    assert family.order == ("arrive", "shop", "table", "farewell")
    assert family.emotion["farewell"] == 3
    assert set(rushed.edges) == {("arrive", "table"), ("table", "farewell")}
