"""The three-way merge (core/merge.py) and its conflicts in the file (core/conflicts.py, MRG001)."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cuecraft.core.check import check
from cuecraft.core.conflicts import recorded_conflicts, resolve
from cuecraft.core.diff import diff_designs
from cuecraft.core.edits import AddItem, EditError, RenameId
from cuecraft.core.fileformat import parse_design
from cuecraft.core.itemfields import design_fields, item_fields, same_value
from cuecraft.core.merge import merge_designs
from cuecraft.core.model import SECTIONS, Cue, Persona, Zone
from cuecraft.core.writer import saved_text
from tests.core.conftest import BASELINE_YAML
from tests.core.edit_strategies import an_edit, new_item


def _three():
    base = parse_design(BASELINE_YAML)
    return base, copy.deepcopy(base), copy.deepcopy(base)


def _item(design, item_id):
    return design.index()[item_id]


def _reloaded(design):
    """The design as a save writes it and the next load reads it."""
    return parse_design(saved_text(design))


def test_non_overlapping_edits_merge_cleanly():
    base, ours, theirs = _three()
    _item(ours, "tasting").emotion = 1
    _item(theirs, "letter").text = "A letter sealed with wax"
    _item(theirs, "tasting").name = "The tea ceremony at dusk"  # another field of one item
    theirs.title = "Forest tea house — winter"
    result = merge_designs(base, ours, theirs)
    assert result.clean
    merged = _reloaded(result.design)
    assert _item(merged, "tasting").emotion == 1
    assert _item(merged, "tasting").name == "The tea ceremony at dusk"
    assert _item(merged, "letter").text == "A letter sealed with wax"
    assert merged.title == "Forest tea house — winter"
    assert "x-merge-conflicts" not in merged.extra
    assert not [f for f in check(merged).findings if f.code == "MRG001"]


def test_both_sides_making_the_same_change_is_no_conflict():
    base, ours, theirs = _three()
    _item(ours, "tasting").emotion = 1
    _item(theirs, "tasting").emotion = 1
    result = merge_designs(base, ours, theirs)
    assert result.clean
    assert _item(result.design, "tasting").emotion == 1


def test_a_field_changed_differently_keeps_ours_and_records_theirs():
    base, ours, theirs = _three()
    _item(ours, "tasting").emotion = 1
    _item(theirs, "tasting").emotion = -2
    result = merge_designs(base, ours, theirs)
    assert not result.clean
    merged = _reloaded(result.design)
    assert _item(merged, "tasting").emotion == 1
    (entry,) = merged.extra["x-merge-conflicts"]
    assert (entry["id"], entry["field"], entry["ours"], entry["theirs"]) == (
        "tasting",
        "emotion",
        "1",
        "-2",
    )
    mrg = [f for f in check(merged).findings if f.code == "MRG001"]
    assert len(mrg) == 1
    assert mrg[0].severity == "error"
    assert mrg[0].ids == ("tasting",)
    # Located at its own entry under x-merge-conflicts.
    lines = saved_text(merged).splitlines()
    assert lines[mrg[0].line - 1].strip() == "- id: tasting"
    assert "x-merge-conflicts" in lines[mrg[0].line - 2]


def test_set_like_lists_merge_member_by_member():
    base, ours, theirs = _three()
    _item(ours, "lanterns").at = ["garden", "shop", "pavilion"]  # ours adds one place
    _item(theirs, "lanterns").at = ["shop"]  # theirs removes another
    _item(theirs, "lanterns").senses = ["sight", "touch"]
    result = merge_designs(base, ours, theirs)
    assert result.clean
    lanterns = _item(result.design, "lanterns")
    assert lanterns.at == ["shop", "pavilion"]
    assert lanterns.senses == ["sight", "touch"]


def test_deleted_on_one_side_and_left_alone_on_the_other_is_deleted():
    base, ours, theirs = _three()
    theirs.cues = [c for c in theirs.cues if c.id != "host"]
    _item(ours, "tasting").emotion = 2
    result = merge_designs(base, ours, theirs)
    assert result.clean
    assert "host" not in result.design.index()


@pytest.mark.parametrize("deleted_by", ["ours", "theirs"])
def test_deleted_on_one_side_and_changed_on_the_other_is_a_conflict(deleted_by):
    base, ours, theirs = _three()
    deleter, changer = (ours, theirs) if deleted_by == "ours" else (theirs, ours)
    deleter.cues = [c for c in deleter.cues if c.id != "host"]
    _item(changer, "host").text = "The tea master, in winter robes"
    result = merge_designs(base, ours, theirs)
    merged = _reloaded(result.design)
    (entry,) = recorded_conflicts(merged)
    assert (entry.id, entry.field) == ("host", None)
    assert ("host" in merged.index()) == (deleted_by == "theirs")  # ours is kept
    (finding,) = [f for f in check(merged).findings if f.code == "MRG001"]
    assert "host" in finding.message
    # Taking theirs settles it either way, as one step that undoes.
    edit = resolve(merged, entry, take_theirs=True)
    before = copy.deepcopy(merged)
    edit.apply(merged)
    if deleted_by == "ours":
        assert _item(merged, "host").text == "The tea master, in winter robes"
        assert _item(merged, "host").unique is True
    else:
        assert "host" not in merged.index()
    assert "x-merge-conflicts" not in merged.extra
    edit.revert(merged)
    assert merged == before


def test_both_sides_adding_different_items_keeps_both_in_place():
    base, ours, theirs = _three()
    ours.cues.insert(1, Cue("kettle", "A kettle sings", senses=["sound"], motifs=["tea"]))
    theirs.cues.insert(3, Cue("moss", "Soft moss underfoot", senses=["touch"], motifs=["forest"]))
    theirs.zones.append(Zone("bridge", "Stone bridge"))
    result = merge_designs(base, ours, theirs)
    assert result.clean
    ids = [c.id for c in result.design.cues]
    assert ids.index("kettle") == 1
    assert ids.index("moss") == ids.index("birdsong") + 1  # after the item it follows in theirs
    assert [z.id for z in result.design.zones][-1] == "bridge"


def test_an_item_theirs_added_after_one_ours_deleted_goes_last_and_their_first_goes_first():
    base, ours, theirs = _three()
    follows = [c.id for c in base.cues][1]
    ours.cues = [c for c in ours.cues if c.id != follows]
    at = [c.id for c in theirs.cues].index(follows) + 1
    theirs.cues[at:at] = [Cue("moss", "Soft moss", senses=["touch"]), Cue("fern", "Ferns")]
    theirs.cues.insert(0, Cue("gong", "A gong at the gate", senses=["sound"]))
    result = merge_designs(base, ours, theirs)
    assert result.clean  # ours deleted an item theirs left alone: it goes
    assert follows not in result.design.index()
    ids = [c.id for c in result.design.cues]
    assert ids[0] == "gong"
    assert ids[-2:] == ["moss", "fern"]  # what they followed is gone: last, in their order


def test_both_sides_adding_one_id_with_different_content():
    base, ours, theirs = _three()
    ours.cues.append(Cue("kettle", "A kettle sings", senses=["sound"], motifs=["tea"]))
    theirs.cues.append(
        Cue("kettle", "A copper kettle", senses=["sound"], motifs=["tea"], at=["pavilion"])
    )
    result = merge_designs(base, ours, theirs)
    merged = _reloaded(result.design)
    kettle = _item(merged, "kettle")
    assert kettle.text == "A kettle sings"  # ours kept where both set it differently
    assert kettle.at == ["pavilion"]  # what only theirs set comes in
    assert [(c.id, c.field) for c in recorded_conflicts(merged)] == [("kettle", "text")]


def test_both_sides_adding_one_id_as_different_kinds():
    base, ours, theirs = _three()
    ours.zones.append(Zone("kettle", "Kettle corner"))
    theirs.cues.append(Cue("kettle", "A kettle sings", senses=["sound"], motifs=["tea"]))
    merged = _reloaded(merge_designs(base, ours, theirs).design)
    assert type(_item(merged, "kettle")).__name__ == "Zone"
    (entry,) = recorded_conflicts(merged)
    assert (entry.id, entry.field, entry.theirs["kind"]) == ("kettle", None, "cue")


def test_design_level_and_theme_fields_conflict_by_path():
    base, ours, theirs = _three()
    ours.theme.name = "Tea under the pines"
    theirs.theme.name = "Tea in the mist"
    ours.theme.realms.escapist = 2  # different realms: no conflict
    theirs.theme.realms.esthetic = 3
    result = merge_designs(base, ours, theirs)
    merged = _reloaded(result.design)
    assert merged.theme.realms.escapist == 2 and merged.theme.realms.esthetic == 3
    (entry,) = recorded_conflicts(merged)
    assert (entry.id, entry.field) == ("", "theme.name")
    resolve(merged, entry, take_theirs=True).apply(merged)
    assert merged.theme.name == "Tea in the mist"


def test_persona_emotions_merge_per_touchpoint():
    base, ours, theirs = _three()
    for design in (base, ours, theirs):
        design.personas.append(Persona("kid", "Child", emotion={"arrive": 1}))
    _item(ours, "kid").emotion = {"arrive": 1, "tasting": 3}
    _item(theirs, "kid").emotion = {"arrive": -1}
    result = merge_designs(base, ours, theirs)
    assert result.clean
    assert _item(result.design, "kid").emotion == {"arrive": -1, "tasting": 3}
    _item(theirs, "kid").emotion = {"arrive": -1, "tasting": 0}
    result = merge_designs(base, ours, theirs)
    merged = _reloaded(result.design)
    (entry,) = recorded_conflicts(merged)
    assert entry.field == "emotion.tasting"
    resolve(merged, entry, take_theirs=True).apply(merged)
    assert _item(merged, "kid").emotion == {"arrive": -1, "tasting": 0}


def test_a_merged_file_keeps_ours_comments_and_counts_every_conflict():
    base = parse_design(BASELINE_YAML)
    ours = parse_design(BASELINE_YAML.replace("emotion: 3", "emotion: 1"))
    theirs = parse_design(
        BASELINE_YAML.replace("emotion: 3", "emotion: -1").replace(
            "text: Birdsong in the trees", "text: Birdsong at dawn"
        )
    )
    theirs.title = "Forest tea house"
    ours.cues[0].text = "A letter on rice paper"
    theirs.cues[0].text = "A letter on bark, sealed"
    text = saved_text(merge_designs(base, ours, theirs).design)
    assert "# written on one side only: holds both ways" in text  # ours' comments kept
    merged = parse_design(text)
    assert _item(merged, "birdsong").text == "Birdsong at dawn"
    assert len(recorded_conflicts(merged)) == 2
    assert [f.code for f in check(merged).findings].count("MRG001") == 2
    assert check(merged).has_errors


def test_keep_ours_removes_only_the_entry_and_undoes():
    base, ours, theirs = _three()
    _item(ours, "tasting").emotion = 1
    _item(theirs, "tasting").emotion = -2
    _item(ours, "farewell").emotion = 3
    _item(theirs, "farewell").emotion = 0
    merged = _reloaded(merge_designs(base, ours, theirs).design)
    first, second = recorded_conflicts(merged)
    edit = resolve(merged, second, take_theirs=False)
    edit.apply(merged)
    assert _item(merged, "farewell").emotion == 3
    assert [c.id for c in recorded_conflicts(merged)] == ["tasting"]
    edit.revert(merged)
    assert [c.id for c in recorded_conflicts(merged)] == ["tasting", "farewell"]
    assert first.index == 0


def test_an_existing_conflict_list_is_kept_and_extended():
    base, ours, theirs = _three()
    _item(ours, "tasting").emotion = 1
    _item(theirs, "tasting").emotion = -2
    once = _reloaded(merge_designs(base, ours, theirs).design)
    _item(theirs, "letter").text = "Theirs"
    _item(once, "letter").text = "Ours"
    twice = _reloaded(merge_designs(base, once, theirs).design)
    assert [(c.id, c.field) for c in recorded_conflicts(twice)] == [
        ("tasting", "emotion"),
        ("letter", "text"),
    ]


_EDITS = st.lists(
    st.tuples(st.sampled_from(["invite", "arrive", "tasting", "farewell"]), st.integers(-3, 3)),
    max_size=4,
)


@settings(max_examples=40, deadline=None)
@given(_EDITS, _EDITS)
def test_merge_laws(ours_edits, theirs_edits):
    base, ours, theirs = _three()
    for item_id, emotion in ours_edits:
        _item(ours, item_id).emotion = emotion
    for item_id, emotion in theirs_edits:
        _item(theirs, item_id).emotion = emotion
    # Merging with an unchanged side gives the other side.
    assert diff_designs(merge_designs(base, ours, base).design, ours).same
    assert diff_designs(merge_designs(base, base, theirs).design, theirs).same
    # Merging a side with itself changes nothing.
    assert diff_designs(merge_designs(base, ours, ours).design, ours).same
    # Whatever conflicts, the result loads again, and each conflict is one MRG001.
    result = merge_designs(base, ours, theirs)
    merged = _reloaded(result.design)
    assert [f.code for f in check(merged).findings].count("MRG001") == len(result.conflicts)
    # Taking theirs everywhere gives theirs' values where both sides changed.
    for entry in reversed(recorded_conflicts(merged)):
        resolve(merged, entry, take_theirs=True).apply(merged)
    for touchpoint in merged.touchpoints:
        mine, other = _item(ours, touchpoint.id), _item(theirs, touchpoint.id)
        was = _item(base, touchpoint.id)
        expected = other.emotion if other.emotion != was.emotion else mine.emotion
        assert touchpoint.emotion == expected


# -- found in review: nothing either side wrote is lost ----------------------------------


def test_a_key_of_ones_own_deleted_by_theirs_is_deleted():
    base = parse_design(BASELINE_YAML.replace("  - id: host\n", "  - id: host\n    x-owner: ann\n"))
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours.title = "Forest tea house — winter"
    del _item(theirs, "host").extra["x-owner"]
    result = merge_designs(base, ours, theirs)
    assert result.clean
    text = saved_text(result.design)
    assert "x-owner" not in text
    assert "MISSING" not in text


def test_both_sides_adding_one_id_share_no_defaults():
    base, ours, theirs = _three()
    ours.cues.append(Cue("drums", "Drums at dusk", senses=["sound"], motifs=["forest"]))
    theirs.cues.append(
        Cue("drums", "Drums at dusk", polarity="negative", severity="high", at=["pavilion"])
    )
    result = merge_designs(base, ours, theirs)
    drums = _item(result.design, "drums")
    assert drums.polarity == "positive"  # ours: a positive cue does not turn negative silently
    fields = {c.field for c in result.conflicts if c.id == "drums"}
    assert {"polarity", "severity"} <= fields
    assert drums.at == ["pavilion"]  # lists without order are joined


def test_theirs_comments_come_in_on_a_clean_merge():
    base = parse_design(BASELINE_YAML)
    ours = parse_design(BASELINE_YAML.replace("title: Forest tea house", "title: Tea house"))
    theirs_text = BASELINE_YAML.replace(
        "    text: Birdsong in the trees\n",
        "    # agreed with the landlord in May\n    text: Birdsong in the trees  # recorded live\n",
    ).replace("  - id: shop\n", "  # the shop opens in spring\n  - id: shop\n")
    theirs = parse_design(theirs_text)
    result = merge_designs(base, ours, theirs)
    assert result.clean
    text = saved_text(result.design)
    assert "# agreed with the landlord in May" in text
    assert "# recorded live" in text
    assert "# the shop opens in spring" in text
    assert "title: Tea house" in text
    assert "# written on one side only: holds both ways" in text


def test_comments_written_on_both_sides_are_both_kept():
    base = parse_design(BASELINE_YAML)
    ours = parse_design(
        BASELINE_YAML.replace("  - id: shop\n", "  # ours: a kiosk\n  - id: shop\n")
    )
    theirs = parse_design(
        BASELINE_YAML.replace("  - id: shop\n", "  # theirs: a tea shop\n  - id: shop\n")
    )
    text = saved_text(merge_designs(base, ours, theirs).design)
    assert "# ours: a kiosk" in text
    assert "# theirs: a tea shop" in text


def test_a_theme_key_of_ones_own_conflicts_as_one_value():
    base = parse_design(
        BASELINE_YAML.replace(
            "  avoid: [plastic]\n", "  avoid: [plastic]\n  x-palette:\n    leaf: green\n"
        )
    )
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours.theme.extra["x-palette"] = {"leaf": "olive"}
    theirs.theme.extra["x-palette"] = {"leaf": "lime"}
    merged = _reloaded(merge_designs(base, ours, theirs).design)
    (entry,) = recorded_conflicts(merged)
    assert (entry.id, entry.field) == ("", "theme.x-palette")
    resolve(merged, entry, take_theirs=True).apply(merged)
    assert set(merged.theme.extra) == {"x-palette"}
    assert merged.theme.extra["x-palette"] == {"leaf": "lime"}


def test_an_item_key_of_ones_own_with_a_dot_is_taken_whole():
    base, ours, theirs = _three()
    _item(ours, "host").extra["x-v1.2"] = "bob"
    _item(theirs, "host").extra["x-v1.2"] = "cy"
    merged = _reloaded(merge_designs(base, ours, theirs).design)
    (entry,) = recorded_conflicts(merged)
    resolve(merged, entry, take_theirs=True).apply(merged)
    assert _item(merged, "host").extra == {"x-v1.2": "cy"}


def test_a_rename_on_one_side_and_an_edit_on_the_other_meet():
    base, ours, theirs = _three()
    RenameId("lanterns", "paper-lanterns").apply(theirs)
    _item(ours, "lanterns").text = "Paper lanterns, lit at dusk"
    result = merge_designs(base, ours, theirs)
    assert result.clean
    ids = [c.id for c in result.design.cues]
    assert "lanterns" not in ids
    assert _item(result.design, "paper-lanterns").text == "Paper lanterns, lit at dusk"
    # And the other way round, with a reference to the renamed item.
    base, ours, theirs = _three()
    RenameId("garden", "moss-garden").apply(ours)
    _item(theirs, "birdsong").at = ["garden", "pavilion"]
    result = merge_designs(base, ours, theirs)
    assert result.clean
    assert _item(result.design, "birdsong").at == ["moss-garden", "pavilion"]
    assert "garden" not in result.design.index()


def test_both_sides_renaming_one_id_differently_is_a_conflict():
    base, ours, theirs = _three()
    RenameId("lanterns", "paper-lanterns").apply(ours)
    RenameId("lanterns", "lamps").apply(theirs)
    merged = _reloaded(merge_designs(base, ours, theirs).design)
    assert "paper-lanterns" in merged.index() and "lamps" not in merged.index()
    (entry,) = recorded_conflicts(merged)
    assert (entry.id, entry.field) == ("paper-lanterns", "id")
    resolve(merged, entry, take_theirs=True).apply(merged)
    assert "lamps" in merged.index() and "paper-lanterns" not in merged.index()


def test_an_item_replaced_by_another_kind_on_one_side_only():
    base, ours, theirs = _three()
    theirs.zones = [z for z in theirs.zones if z.id != "shop"]
    theirs.cues.append(Cue("shop", "A shop bell", senses=["sound"], motifs=["tea"]))
    ours.title = "Tea house"
    result = merge_designs(base, ours, theirs)
    assert result.clean
    assert type(_item(result.design, "shop")).__name__ == "Cue"


def test_the_diff_sees_a_resolved_conflict():
    base, ours, theirs = _three()
    _item(ours, "tasting").emotion = 1
    _item(theirs, "tasting").emotion = -2
    merged = _reloaded(merge_designs(base, ours, theirs).design)
    settled = copy.deepcopy(merged)
    (entry,) = recorded_conflicts(settled)
    resolve(settled, entry, take_theirs=False).apply(settled)
    changes = diff_designs(merged, settled)
    assert not changes.same
    assert [c.field for c in changes.design] == ["x-merge-conflicts"]
    assert [f.code for f in changes.resolved_findings] == ["MRG001"]


def _as_written(design):
    """What a merge must keep of a design: each section's ids in order, then the design's
    own fields and every item's, as set (blank ones left out)."""

    def fields(values):
        return {name: value for name, value in values.items() if value not in (None, [], {}, "")}

    order = {section: [i.id for i in getattr(design, section)] for section in SECTIONS}
    return order, [fields(design_fields(design, False))] + [
        fields(item_fields(item)) for item in design.items()
    ]


def _assert_same(design, expected):
    """`design` is `expected` as written (lists without order compared as sets, as the
    merge compares them)."""
    order, fields = _as_written(design)
    expected_order, expected_fields = _as_written(expected)
    assert order == expected_order
    for mine, other in zip(fields, expected_fields, strict=True):
        assert mine.keys() == other.keys()
        assert all(same_value(name, mine[name], other[name]) for name in mine)


@st.composite
def _a_branch(draw):
    """The baseline and a branch of it: a few edits of any kind, items added anywhere in
    their section (runs of them too), removed and renamed."""
    base = parse_design(BASELINE_YAML)
    branch = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 8))):
        edit = draw(an_edit(branch, []))
        if isinstance(edit, AddItem) or draw(st.booleans()):
            added = draw(new_item(branch, []))
            section = getattr(branch, added.section)
            edit = AddItem(added.section, added.item, draw(st.integers(0, len(section))))
        if edit is None:
            continue
        try:
            edit.apply(branch)
        except EditError:
            continue
    return base, branch


@settings(max_examples=60, deadline=None)
@given(_a_branch())
def test_a_side_that_changed_nothing_takes_the_other_sides_design(branched):
    """Items theirs added anywhere land where theirs has them; whatever one side did
    alone, the merge is that side's design."""
    base, branch = branched
    for ours, theirs in ((copy.deepcopy(base), branch), (branch, copy.deepcopy(base))):
        result = merge_designs(base, ours, theirs)
        assert result.clean
        _assert_same(result.design, branch)
