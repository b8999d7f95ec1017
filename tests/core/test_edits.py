"""Reversible edits: apply then revert restores the exact design."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from cuecraft.core.edits import (
    AddItem,
    Batch,
    EditError,
    RemoveItem,
    RenameId,
    SetField,
    new_id,
)
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Cue

EXAMPLE = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"


@pytest.fixture
def design():
    return load_design(EXAMPLE)


def round_trip(design, edit):
    before = copy.deepcopy(design)
    change = edit.apply(design)
    assert design != before
    edit.revert(design)
    assert design == before
    edit.apply(design)  # redo works after undo
    return change


def test_set_field_on_item_theme_design_and_realms(design):
    cue = design.cues[0]
    change = round_trip(design, SetField(cue.id, "text", "Thunder rolls"))
    assert design.cues[0].text == "Thunder rolls"
    assert change.sections == {"cues"} and change.ids == {cue.id}
    round_trip(design, SetField("theme", "motifs", ["jungle"]))
    round_trip(design, SetField("design", "title", "New title"))
    round_trip(design, SetField("realms", "escapist", 0))


def test_add_and_remove(design):
    cue = Cue(new_id(design, "cue"), "A new cue", at=[design.zones[0].id])
    round_trip(design, AddItem("cues", cue))
    assert design.cues[-1].id == cue.id
    with pytest.raises(EditError, match="already used"):
        AddItem("cues", cue).apply(design)


def test_removing_a_zone_unlinks_references_and_undo_restores_them(design):
    zone = design.zones[0].id
    users = [c.id for c in design.cues if zone in c.at]
    assert users
    edit = RemoveItem(zone)
    round_trip(design, edit)
    assert all(zone not in c.at for c in design.cues)
    assert zone not in design.index()


def test_rename_updates_every_reference(design):
    zone = design.zones[0].id
    round_trip(design, RenameId(zone, "grand-entrance"))
    assert "grand-entrance" in design.index()
    assert not any(zone in c.at for c in design.cues)
    with pytest.raises(EditError, match="already used"):
        RenameId("grand-entrance", design.zones[1].id).apply(design)


def test_batch_is_one_step_and_rolls_back_on_failure(design):
    before = copy.deepcopy(design)
    good = SetField("design", "title", "T2")
    bad = SetField("no-such-item", "text", "x")
    with pytest.raises(EditError):
        Batch([good, bad]).apply(design)
    assert design == before
    round_trip(design, Batch([SetField("design", "title", "T3"), SetField("theme", "name", "N3")]))
