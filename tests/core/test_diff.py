"""The semantic diff (core/diff.py): items by id, fields, renames, findings, scores."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from cuecraft.core.diff import diff_designs
from cuecraft.core.edits import RenameId
from cuecraft.core.fileformat import parse_design
from cuecraft.core.model import Cue, Persona
from tests.core.conftest import BASELINE_YAML


def _design(text: str = BASELINE_YAML):
    return parse_design(text)


def _edited(old: str, new: str, text: str = BASELINE_YAML):
    assert old in text, old
    return parse_design(text.replace(old, new, 1))


def test_identical_designs_are_the_same():
    changes = diff_designs(_design(), _design())
    assert changes.same
    assert not (changes.new_findings or changes.resolved_findings)
    assert changes.before == changes.after


def test_comments_layout_and_item_order_do_not_make_a_difference():
    old = _design()
    text = BASELINE_YAML.replace(
        "    sees: [pavilion]        # written on one side only: holds both ways",
        "    sees: [pavilion]",
    )
    new = parse_design("# a new comment at the top\n" + text)
    new.cues.reverse()
    new.theme.motifs.reverse()
    assert diff_designs(old, new).same


def test_a_changed_field_is_reported_old_to_new():
    changes = diff_designs(
        _design(),
        _edited("    next: [farewell]\n    emotion: 3", "    next: [farewell]\n    emotion: 1"),
    )
    assert not changes.same
    assert [(c.kind, c.id) for c in changes.changed] == [("touchpoint", "tasting")]
    (field,) = changes.changed[0].fields
    assert (field.field, field.old, field.new) == ("emotion", 3, 1)
    assert not field.is_set


def test_a_set_like_list_reports_members_added_and_removed():
    changes = diff_designs(_design(), _edited("    at: [garden, shop]", "    at: [shop, pavilion]"))
    (change,) = changes.changed
    assert change.id == "lanterns"
    (field,) = change.fields
    assert field.is_set
    assert field.added == ["pavilion"]
    assert field.removed == ["garden"]


def test_added_and_removed_items():
    old = _design()
    new = _design()
    new.cues.append(Cue("kettle", "A kettle sings", senses=["sound"], motifs=["tea"]))
    new.zones = [z for z in new.zones if z.id != "shop"]
    changes = diff_designs(old, new)
    assert [i.id for i in changes.added] == ["kettle"]
    assert [i.id for i in changes.removed] == ["shop"]
    # Items that name the removed zone kept their fields: they are not changed (REF001 is new).
    assert [c.id for c in changes.changed] == []
    assert "REF001" in [f.code for f in changes.new_findings]


def test_design_level_fields_by_path():
    new = _edited("title: Forest tea house", "title: Forest tea house — winter")
    new.theme.realms.escapist = 3
    new.extra["x-review"] = "Ada"
    changes = diff_designs(_design(), new)
    fields = {c.field: (c.old, c.new) for c in changes.design}
    assert fields["title"] == ("Forest tea house", "Forest tea house — winter")
    assert fields["theme.realms.escapist"] == (0, 3)
    assert fields["x-review"] == (None, "Ada")


def test_a_rename_is_one_rename_and_the_items_naming_it_are_not_changed():
    old = _design()
    new = copy.deepcopy(old)
    RenameId("garden", "moss-garden").apply(new)  # renames references too, as the workbench does
    changes = diff_designs(old, new)
    assert [(r.kind, r.old_id, r.new_id) for r in changes.renamed] == [
        ("zone", "garden", "moss-garden")
    ]
    assert not changes.added and not changes.removed
    assert changes.changed == ()
    assert not changes.new_findings and not changes.resolved_findings


def test_a_rename_with_other_changes_is_a_removal_and_an_addition():
    old = _design()
    new = copy.deepcopy(old)
    RenameId("letter", "note").apply(new)
    new.cues[0].text = "A printed note"
    changes = diff_designs(old, new)
    assert not changes.renamed
    assert [i.id for i in changes.added] == ["note"]
    assert [i.id for i in changes.removed] == ["letter"]


def test_an_id_that_changes_kind_is_a_removal_and_an_addition():
    old = _design()
    new = _design()
    new.zones = [z for z in new.zones if z.id != "shop"]
    new.cues.append(Cue("shop", "A shop bell", senses=["sound"], motifs=["tea"]))
    changes = diff_designs(old, new)
    assert [(i.id, type(i).__name__) for i in changes.added] == [("shop", "Cue")]
    assert [(i.id, type(i).__name__) for i in changes.removed] == [("shop", "Zone")]


def test_findings_new_and_resolved_and_the_scorecard_before_and_after():
    old = _design()
    # The street noise moves into the garden, where the birdsong it conflicts with is.
    worse = _edited(
        "    at: [shop]\n    severity: medium", "    at: [garden]\n    severity: medium"
    )
    changes = diff_designs(old, worse)
    assert [f.code for f in changes.new_findings] == ["HAR001"]
    assert changes.after.scores["harmonize"] < changes.before.scores["harmonize"]
    back = diff_designs(worse, old)
    assert [f.code for f in back.resolved_findings] == ["HAR001"]
    assert not back.new_findings


def test_persona_emotions_compare_as_a_mapping():
    old = _design()
    old.personas.append(Persona("kid", "Child", emotion={"arrive": 2, "tasting": 1}))
    new = copy.deepcopy(old)
    new.personas[0].emotion = {"tasting": 1, "arrive": 2}
    assert diff_designs(old, new).same
    new.personas[0].emotion["arrive"] = -1
    (change,) = diff_designs(old, new).changed
    assert change.fields[0].field == "emotion"


@settings(max_examples=30, deadline=None)
@given(st.permutations(range(4)), st.integers(-3, 3))
def test_diff_is_the_same_both_ways_round(order, emotion):
    old = _design()
    new = copy.deepcopy(old)
    new.touchpoints = [new.touchpoints[i] for i in order]
    new.touchpoints[0].emotion = emotion
    forth, back = diff_designs(old, new), diff_designs(new, old)
    assert forth.same == back.same
    assert [(c.id, [(f.field, f.old, f.new) for f in c.fields]) for c in forth.changed] == [
        (c.id, [(f.field, f.new, f.old) for f in c.fields]) for c in back.changed
    ]
