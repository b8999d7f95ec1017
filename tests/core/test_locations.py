"""Locations after a save: every object gets the line it has in the saved text."""

from __future__ import annotations

from pathlib import Path

from cuecraft.core.fileformat import load_design
from cuecraft.core.locations import relocate
from cuecraft.core.model import Cue, Zone
from cuecraft.core.writer import dump_design

RAINFOREST = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"


def id_lines(text: str) -> dict[str, int]:
    out = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().removeprefix("- ")
        if stripped.startswith("id: "):
            out[stripped.removeprefix("id: ")] = number
    return out


def test_relocate_gives_new_and_moved_items_their_lines_in_the_saved_text():
    design = load_design(RAINFOREST)
    design.zones.insert(0, Zone("annex", "Annex"))
    design.cues.append(Cue("late", "A late cue"))
    assert "" not in design.cues[-1].where
    old_line = design.cues[0].where[""].line
    assert relocate(design)
    lines = id_lines(dump_design(design))
    for item in design.items():
        assert item.where[""].line == lines[item.id], item.id
    assert design.cues[0].where[""].line > old_line
    assert design.theme.where[""].line < lines["annex"]


def test_a_design_that_would_not_read_back_loses_its_locations():
    design = load_design(RAINFOREST)
    design.zones.append(Zone(design.zones[0].id, "twin"))  # a duplicate id
    assert not relocate(design)
    assert all(item.where == {} for item in design.items())
