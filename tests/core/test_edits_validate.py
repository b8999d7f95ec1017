"""Edits are valid by construction: each rule refuses with a message and changes nothing.

The rules are the loader's (core/validate.py is their one home), so an edit can never
make a file that refuses to open (issue 12, item 6).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from cuecraft.core import schema
from cuecraft.core.edits import (
    SECTIONS,
    AddItem,
    Batch,
    EditError,
    RemoveItem,
    RenameId,
    SetField,
    new_id,
)
from cuecraft.core.fileformat import DesignLoadError, load_design, parse_design
from cuecraft.core.model import Cue, Touchpoint, Zone
from cuecraft.core.validate import FIELDS, SLUG_MAX
from cuecraft.core.writer import dump_design

EXAMPLE = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"


@pytest.fixture
def design():
    return load_design(EXAMPLE)


def refused(design, edit, *words: str) -> str:
    """Apply `edit`, expect it refused with a message holding `words`, design unchanged."""
    before = copy.deepcopy(design)
    with pytest.raises(EditError) as caught:
        edit.apply(design)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert design == before, "a refused edit changes nothing"
    return message


def loads_again(design) -> None:
    assert parse_design(dump_design(design)) == design


# -- ids --------------------------------------------------------------------------------


def test_an_id_with_a_space_is_refused_and_says_what_an_id_is(design):
    zone = design.zones[0].id
    message = refused(design, RenameId(zone, "Main Hall"), "“Main Hall”", "not a valid id")
    assert "lowercase letters" in message and "64" in message


def test_an_empty_id_is_refused(design):
    refused(design, RenameId(design.zones[0].id, ""), "must not be empty")


def test_an_id_too_long_or_with_capitals_is_refused(design):
    refused(design, RenameId(design.zones[0].id, "a" * (SLUG_MAX + 1)), "at most 64")
    refused(design, RenameId(design.zones[0].id, "Lobby"), "“Lobby”")
    refused(design, RenameId(design.zones[0].id, "-lobby"), "starting with a letter")


def test_renaming_to_an_id_in_use_is_refused_in_any_section(design):
    zone, cue = design.zones[0].id, design.cues[0].id
    refused(design, RenameId(zone, cue), f"“{cue}” is already used")
    refused(design, RenameId(zone, zone), "already")


def test_renaming_an_unknown_item_is_refused(design):
    refused(design, RenameId("no-such-item", "fine-id"), "no item with id “no-such-item”")


def test_adding_an_item_with_a_duplicate_or_bad_id_is_refused(design):
    taken = design.touchpoints[0].id
    refused(design, AddItem("zones", Zone(taken, "Lobby")), f"“{taken}” is already used")
    refused(design, AddItem("zones", Zone("Main Hall", "Lobby")), "not a valid id")
    refused(design, AddItem("zones", Zone("", "Lobby")), "must not be empty")


def test_an_item_goes_only_into_its_own_section(design):
    refused(design, AddItem("cues", Zone("lobby")), "a zone cannot go into “cues”")
    refused(design, AddItem("actors", Zone("lobby")), "no section “actors”")


def test_every_field_of_an_added_item_is_checked(design):
    refused(design, AddItem("touchpoints", Touchpoint("t-new", phase="sometimes")), "sometimes")
    refused(design, AddItem("cues", Cue("c-new", senses=["smel"])), "did you mean “smell”")
    refused(design, AddItem("cues", Cue("c-new", "Mist\x00")), "U+0000")
    refused(design, AddItem("cues", Cue("c-new", extra={"owner": "me"})), "start with “x-”")


def test_ids_may_not_be_set_as_a_plain_field(design):
    refused(design, SetField(design.zones[0].id, "id", "lobby"), "RenameId")


def test_a_fresh_id_is_always_a_valid_id(design):
    stem = "z" * SLUG_MAX
    fresh = new_id(design, stem)
    assert len(fresh) <= SLUG_MAX
    AddItem("zones", Zone(fresh)).apply(design)
    assert new_id(design, stem) != fresh


# -- language tags ------------------------------------------------------------------------


def test_a_language_name_is_not_a_language_tag_and_the_message_says_what_is(design):
    message = refused(design, SetField("design", "language", "Polish"), "“Polish”")
    assert "not a language tag" in message
    assert all(tag in message for tag in ("en", "pl", "zh-CN", "zh-Hans"))


@pytest.mark.parametrize("tag", ["en", "pl", "zh", "zh-CN", "zh-Hans", "sr-Latn-RS", None])
def test_language_tags_the_loader_reads_are_accepted(design, tag):
    SetField("design", "language", tag).apply(design)
    assert design.language == tag
    loads_again(design)


@pytest.mark.parametrize("tag", ["", "e", "en_US", "english language", "pl\n"])
def test_other_language_values_are_refused(design, tag):
    refused(design, SetField("design", "language", tag), "language tag")


# -- text -----------------------------------------------------------------------------------


def test_a_lone_surrogate_is_refused_naming_the_field_and_the_character(design):
    cue = design.cues[0].id
    message = refused(design, SetField(cue, "text", "Mist \ud800 here"), "U+D800", "“text”")
    assert "cannot be saved" in message and "character 6" in message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x9f"])
def test_control_characters_are_refused(design, char):
    code = f"U+{ord(char):04X}"
    refused(design, SetField("design", "title", f"Cafe{char}"), code, "“title”", "control")
    refused(design, SetField("theme", "motifs", ["ok", f"bad{char}"]), code, "“motifs”")


def test_non_characters_are_refused(design):
    refused(design, SetField("design", "client", "\ufffe"), "U+FFFE", "not a character")


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\t", "\n", "\ufeff", "🐸"])
def test_characters_yaml_carries_quoted_or_as_is_are_accepted(design, char):
    cue = design.cues[0].id
    SetField(cue, "text", f"Mist{char}drifts").apply(design)
    assert design.cues[0].text == f"Mist{char}drifts"
    SetField("design", "venue", f"a{char}b").apply(design)
    assert design.venue == f"a{char}b"


def test_a_character_already_in_a_field_from_the_file_does_not_lock_the_field():
    # Older workbenches wrote control characters escaped: such files still open, and
    # typing around the character must work, while a new one is still refused.
    design = parse_design('cuecraft: 1\ntitle: "Caf\\ve"\ntheme: {name: N}\n')
    SetField("design", "title", "Caf\x0be and more").apply(design)
    assert design.title == "Caf\x0be and more"
    refused(design, SetField("design", "title", "Caf\x0be\x07"), "U+0007")


def test_required_texts_stay_texts(design):
    refused(design, SetField("design", "title", ""), "“title” is required")
    refused(design, SetField("theme", "name", None), "“name” is required")
    refused(design, SetField(design.cues[0].id, "text", None), "“text” must be text")
    refused(design, SetField(design.zones[0].id, "name", 3), "“name” must be text")
    refused(design, SetField("theme", "motifs", "rainforest"), "must be a list")
    refused(design, SetField("theme", "motifs", ["a", 1]), "must be text")


# -- enums and numbers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("phase", "sometimes", ("not one of before, during, after",)),
        ("phase", None, ("must be one of",)),
        ("emotion", 4, ("“emotion” is 4; it must be from -3 to 3",)),
        ("emotion", True, ("whole number",)),
        ("emotion", "2", ("whole number",)),
        ("emotion", 2.5, ("whole number",)),
    ],
)
def test_touchpoint_enums_and_numbers(design, field, value, words):
    refused(design, SetField(design.touchpoints[0].id, field, value), *words)


def test_cue_enums_flags_and_senses(design):
    cue = design.cues[0].id
    refused(design, SetField(cue, "polarity", "postive"), "did you mean “positive”")
    refused(design, SetField(cue, "severity", "critical"), "low, medium, high")
    refused(design, SetField(cue, "status", "closed"), "open, mitigating, eliminated")
    refused(design, SetField(cue, "unique", "yes"), "true or false")
    refused(design, SetField(cue, "senses", ["sight", "smel"]), "“smel” is not a sense")
    refused(design, SetField(cue, "senses", ["sight", "sight"]), "twice")
    for name, value in (("severity", None), ("status", "mitigating"), ("unique", True)):
        SetField(cue, name, value).apply(design)
    loads_again(design)


def test_layer_and_realm_ranges(design):
    layer = design.layers[0].id
    refused(design, SetField(layer, "intensity", 0), "from 1 to 3")
    refused(design, SetField(layer, "intensity", None), "whole number")
    refused(design, SetField(layer, "sense", "hearing"), "not one of")
    refused(design, SetField("realms", "escapist", 4), "from 0 to 3")
    refused(design, SetField("realms", "escapist", -1), "from 0 to 3")


def test_only_fields_of_the_format_can_be_set(design):
    for owner, name in (("design", "extra"), ("design", "where"), ("theme", "colour")):
        refused(design, SetField(owner, name, {}), "no field")
    refused(design, SetField(design.cues[0].id, "preamble", "# hi"), "no field")


def test_references_may_dangle_as_in_a_file(design):
    # A reference to a missing item loads (it is a REF001 finding), so an edit may make one.
    tp = design.touchpoints[0].id
    SetField(tp, "zone", "nowhere").apply(design)
    SetField(tp, "next", ["somewhere-else"]).apply(design)
    loads_again(design)


# -- compound edits --------------------------------------------------------------------------


def test_a_batch_with_one_bad_value_changes_nothing(design):
    cue = design.cues[0].id
    batch = Batch([SetField("design", "title", "New"), SetField(cue, "text", "\ud800")])
    refused(design, batch, "U+D800")


def test_removing_and_renaming_keep_references_with_kept_characters_working():
    design = parse_design(
        "cuecraft: 1\ntitle: T\ntheme: {name: N}\nzones:\n  - id: hall\n"
        'cues:\n  - id: c\n    at: [hall, "odd\\x01ref"]\n'
    )
    RenameId("hall", "main-hall").apply(design)
    assert design.cues[0].at == ["main-hall", "odd\x01ref"]
    RemoveItem("main-hall").apply(design)
    assert design.cues[0].at == ["odd\x01ref"]


# -- one source of rules ------------------------------------------------------------------------


def load_message(text: str) -> str:
    with pytest.raises(DesignLoadError) as caught:
        parse_design("cuecraft: 1\ntitle: T\ntheme: {name: N}\n" + text)
    return caught.value.problems[0].message


@pytest.mark.parametrize(
    ("yaml_text", "edit"),
    [
        ("language: Polish\n", SetField("design", "language", "Polish")),
        ("zones:\n  - id: Main Hall\n", RenameId("z", "Main Hall")),
        ("touchpoints:\n  - id: t\n    emotion: 5\n", SetField("t", "emotion", 5)),
        ("touchpoints:\n  - id: t\n    phase: durring\n", SetField("t", "phase", "durring")),
        ("layers:\n  - id: l\n    sense: sound\n    intensity: 9\n", SetField("l", "intensity", 9)),
        ("cues:\n  - id: c\n    senses: [smel]\n", SetField("c", "senses", ["smel"])),
        ("cues:\n  - id: c\n    impact: 4\n", SetField("c", "impact", 4)),
        ("cues:\n  - id: c\n    effort: 0\n", SetField("c", "effort", 0)),
        ("value:\n  goods: -2\n", SetField("value", "goods", -2)),
        ("souvenirs:\n  - id: s\n    price: -1\n", SetField("s", "price", -1)),
    ],
)
def test_the_loader_and_the_edit_say_the_same_thing(yaml_text, edit):
    design = parse_design(
        "cuecraft: 1\ntitle: T\ntheme: {name: N}\nzones: [{id: z}]\n"
        "touchpoints: [{id: t}]\ncues: [{id: c}]\nlayers: [{id: l, sense: sound}]\n"
        "souvenirs: [{id: s}]\n"
    )
    with pytest.raises(EditError) as caught:
        edit.apply(design)
    assert str(caught.value) == load_message(yaml_text)


def test_the_edit_rules_cover_exactly_the_keys_the_loader_reads():
    keys = {
        "design": set(schema.TOP_KEYS) - {"cuecraft", "theme", "value", *SECTIONS},
        "theme": set(schema.THEME_KEYS) - {"realms"},
        "value": set(schema.VALUE_KEYS),
        "zone": set(schema.ZONE_KEYS),
        "touchpoint": set(schema.TOUCHPOINT_KEYS),
        "cue": set(schema.CUE_KEYS),
        "layer": set(schema.LAYER_KEYS),
        "souvenir": set(schema.SOUVENIR_KEYS),
    }
    for kind, names in keys.items():
        assert set(FIELDS[kind]) == names, kind
