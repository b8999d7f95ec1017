"""The brief's Service blueprint section, read back from real PDFs of real design files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from tests.brief.conftest import Brief, read, squash

from cuecraft.brief import SECTION_TITLES, BriefOptionError, BriefOptions, export_brief
from cuecraft.brief import blueprintdraw as draw
from cuecraft.brief.styles import make_styles
from cuecraft.core.check import check
from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import _, language, pgettext

# The touchpoints are written out of journey order: the journey (arrive, then one of
# two alternatives, then dinner and home) is the order the blueprint must follow.
BRANCHING = """\
cuecraft: 1
title: Lantern Inn
theme:
  name: A night at the lantern inn
  motifs: [lantern]
zones:
  - id: yard
    name: Lantern yard
  - id: kitchen
    name: Kitchen
touchpoints:
  - id: dinner
    name: Dinner by lantern light
    zone: yard
    next: [home]
  - id: arrive
    name: Arrive at the gate
    phase: before
    zone: yard
    next: [porch, garden]
  - id: home
    name: Walk home with a lantern
    phase: after
  - id: garden
    name: Stroll through the garden
    zone: yard
    next: [dinner]
  - id: porch
    name: Wait on the porch
    zone: yard
    wait: 20
    next: [dinner]
cues:
  - id: glow
    text: Paper lanterns glow along the path
    senses: [sight]
    motifs: [lantern]
    at: [yard]
actions:
  - id: greet
    text: Innkeeper greets guests by name
    lane: frontstage
    at: [arrive]
    owner: innkeeper
    minutes: 2
    tolerance: 1
    fail: The guest list is missing
    needs: [book-sync]
  - id: stew
    text: Cook ladles the lantern stew
    lane: backstage
    at: [dinner]
    zone: kitchen
    owner: kitchen
    minutes: 8
    fail: The stew runs out
    recovery: Serve the lantern pie on the house
  - id: book-sync
    text: Booking system prints the guest list
    lane: support
    at: [arrive]
"""

PLAIN = """\
cuecraft: 1
title: Plain Inn
theme:
  name: Just an inn
touchpoints:
  - id: arrive
    name: Arrive at the plain gate
    next: [leave]
  - id: leave
    name: Leave the plain inn
"""


def write(tmp_path: Path, name: str, source: str) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(source, encoding="utf-8")
    return path


def export(tmp_path: Path, source: str, name: str = "design", **options: Any) -> Brief:
    design = load_design(write(tmp_path, name, source))
    out = tmp_path / f"{name}.pdf"
    pages = export_brief(design, out, BriefOptions(**options))
    return read(out, pages)


def cli_export(tmp_path: Path, source: str, lang: str) -> Brief:
    path = write(tmp_path, f"design-{lang}", source)
    out = tmp_path / f"brief-{lang}.pdf"
    command = [sys.executable, "-m", "cuecraft.cli", "export", str(path), "-o", str(out)]
    result = subprocess.run(
        [*command, "--lang", lang],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return read(out, len(PdfReader(out).pages))


def outline(brief: Brief) -> list[str]:
    return [item.title for item in brief.reader.outline if not isinstance(item, list)]


def blueprint_pages(brief: Brief, mark: str = "Line of visibility") -> list[int]:
    return [i for i, page in enumerate(brief.reader.pages) if mark in page.extract_text()]


def blueprint_text(brief: Brief, mark: str = "Line of visibility") -> str:
    pages = blueprint_pages(brief, mark)
    return "\n".join(brief.reader.pages[i].extract_text() for i in pages)


def drawing_text(brief: Brief) -> str:
    """The text of the drawing alone: from its first row to the key under it."""
    text = blueprint_text(brief)
    start = text.index("Physical")
    return text[start : text.index("Arrows follow the guest", start)]


@pytest.fixture
def branching(tmp_path: Path) -> Brief:
    return export(tmp_path, BRANCHING)


def test_the_section_prints_every_touchpoint_and_action_in_the_journey_order(
    tmp_path: Path, branching: Brief
) -> None:
    titles = outline(branching)
    assert "Service blueprint" in titles
    assert titles.index("Service blueprint") == titles.index("Guest journey") + 1
    design = load_design(tmp_path / "design.yaml")
    order = check(design).graph.journey_order
    assert order[0] == "arrive" and order[-1] == "home"  # not the file's order
    name_of = {tp.id: tp.name for tp in design.touchpoints}
    names = [name_of[tp] for tp in order]
    drawn = squash(drawing_text(branching))
    at = [drawn.find(squash(name)) for name in names]
    assert -1 not in at, names
    assert at == sorted(at)
    for step, name in enumerate(names, start=1):  # each under its step number
        assert f"{step}{squash(name)}" in drawn
    for action in design.actions:
        assert squash(action.text) in drawn


def test_the_three_lines_are_drawn_and_named(branching: Brief) -> None:
    drawn = blueprint_text(branching)
    for label in ("Line of interaction", "Line of visibility", "Line of internal interaction"):
        assert label in drawn
    for row in ("Physical evidence", "Customer actions", "Frontstage", "Backstage", "Support"):
        assert squash(row) in squash(drawn)


def test_fail_and_wait_points_are_marked_and_the_fail_points_listed(branching: Brief) -> None:
    drawn = drawing_text(branching)
    assert "W 20 min" in drawn
    # One "F" per fail point, each in its action's corner.
    assert drawn.split().count("F") == 2
    listed = squash(blueprint_text(branching, "Fail points and recovery"))
    table = listed[listed.index(squash("Fail points and recovery")) :]
    assert squash("The guest list is missing") in table
    assert squash("no recovery yet") in table
    assert squash("The stew runs out") in table
    assert squash("Serve the lantern pie on the house") in table
    # Step 1 (the greeting) before step 4 (the stew): in the order of the grid.
    assert table.index(squash("The guest list")) < table.index(squash("The stew"))


def test_the_staging_score_is_told_with_what_lowers_it(branching: Brief) -> None:
    text = squash(branching.text)
    start = text.index(squash("What it takes to stage"))
    section = text[start : start + 600]
    assert "Staging" in section
    assert squash("Innkeeper greets guests by name") in section  # BLU002: no recovery
    assert squash("Staging") in squash(branching.reader.pages[2].extract_text())


def many_touchpoints(count: int) -> str:
    lines = [
        "cuecraft: 1",
        "title: Long walk",
        "theme:",
        "  name: A long walk",
        "touchpoints:",
    ]
    for i in range(1, count + 1):
        lines += [f"  - id: t{i}", f"    name: Station {i} welcome"]
        if i < count:
            lines.append(f"    next: [t{i + 1}]")
    lines.append("actions:")
    for i in range(1, count + 1, 3):
        lines += [
            f"  - id: a{i}",
            f"    text: Guide {i} lights the lamps",
            "    lane: frontstage",
            f"    at: [t{i}]",
            "    owner: guides",
            "    minutes: 3",
        ]
    return "\n".join(lines) + "\n"


def test_a_long_journey_splits_over_pages_at_a_readable_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[draw.BlueprintPart] = []
    original = draw.BlueprintPart.draw

    def recording(self: draw.BlueprintPart) -> None:
        drawn.append(self)
        original(self)

    monkeypatch.setattr(draw.BlueprintPart, "draw", recording)
    brief = export(tmp_path, many_touchpoints(30), sections=("blueprint",))
    pages = blueprint_pages(brief)
    assert len(pages) >= 3
    text = squash(blueprint_text(brief))
    for i in range(1, 31):
        assert squash(f"Station {i} welcome") in text
    for i in range(1, 31, 3):
        assert squash(f"Guide {i} lights the lamps") in text
    # Each page says which steps it shows.
    assert squash("Steps 1–") in text and squash("of 30") in text
    # Nothing smaller than the brief's smallest text style, on any page of the drawing.
    styles = make_styles("#0F6E6A")
    smallest = min(
        getattr(styles, name).fontSize
        for name in ("body", "lead", "small", "caption", "label", "cell", "cell_small")
    )
    sizes = set().union(*(part.sizes for part in drawn))
    assert sizes and min(sizes) >= smallest
    for index in pages:
        seen = printed_sizes(brief, index)
        assert seen and min(seen) >= smallest - 0.01


def printed_sizes(brief: Brief, index: int) -> list[float]:
    """The size of every piece of text on a page, as printed (pypdf reads the PDF)."""
    seen: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            seen.append(size * abs(tm[3]) * abs(cm[3]))

    brief.reader.pages[index].extract_text(visitor_text=visit)
    return seen


def test_a_crowded_step_leaves_no_action_out_of_the_brief(tmp_path: Path) -> None:
    """40 actions at one step: the drawing cuts its lanes ("+N more"), and the cut ones are
    listed under it, so every action is somewhere in the brief."""
    lines = [
        "cuecraft: 1",
        "title: Busy",
        "theme: {name: Busy}",
        "touchpoints:",
        "  - {id: t0, name: Arrive, next: [t1]}",
        "  - {id: t1, name: Dine}",
        "actions:",
    ]
    lanes = ["frontstage", "backstage", "support"]
    for i in range(40):
        lines.append(
            f"  - {{id: a{i}, text: Crew task number {i} done with care, "
            f"lane: {lanes[i % 3]}, at: [t1], owner: crew, minutes: 2}}"
        )
    brief = export(tmp_path, "\n".join(lines) + "\n", sections=["blueprint"])
    said = squash(brief.text)
    assert squash("more actions, for lack of room in the drawing") in said
    for i in range(40):
        assert squash(f"Crew task number {i} done with care") in said, i


def test_a_design_without_actions_has_no_blueprint_and_no_staging_score(tmp_path: Path) -> None:
    brief = export(tmp_path, PLAIN)
    assert "Service blueprint" not in outline(brief)
    assert "Service blueprint" not in brief.text
    assert "Staging" not in brief.text and "Line of visibility" not in brief.text
    assert "staging" not in check(load_design(tmp_path / "design.yaml")).scorecard.scores
    # Asked for alone, it is a clear error, not an empty PDF.
    with pytest.raises(BriefOptionError, match="blueprint"):
        export(tmp_path, PLAIN, name="alone", sections=("blueprint",))


def test_a_wait_alone_is_a_blueprint_without_a_staging_score(tmp_path: Path) -> None:
    waiting = PLAIN.replace("    next: [leave]\n", "    next: [leave]\n    wait: 15\n")
    brief = export(tmp_path, waiting)
    assert "Service blueprint" in outline(brief)
    assert "W 15 min" in blueprint_text(brief)
    assert "Staging" not in brief.text


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_polish_and_chinese_briefs_carry_the_blueprint_in_their_language(
    tmp_path: Path, lang: str
) -> None:
    source = BRANCHING
    if lang == "zh":
        source = source.replace("Innkeeper greets guests by name", "掌柜按名字迎接客人")
    brief = cli_export(tmp_path, source, lang)
    with language(lang):
        title = _(SECTION_TITLES["blueprint"])
        visibility = pgettext("blueprint line", "Line of visibility")
        summary = _(SECTION_TITLES["summary"])
    assert summary != SECTION_TITLES["summary"]  # the brief is in the language
    titles = outline(brief)
    assert title in titles and summary in titles
    text = squash(blueprint_text(brief, visibility))
    assert squash(title) in squash(brief.text)
    assert squash(visibility) in text
    if lang == "zh":
        assert "掌柜按名字迎接客人" in text
    else:
        assert squash("Innkeeper greets guests by name") in text
    if title != SECTION_TITLES["blueprint"]:  # once the catalog has it: no English left
        assert "Service blueprint" not in brief.text


def test_the_blueprint_fits_letter_paper(tmp_path: Path) -> None:
    brief = export(tmp_path, BRANCHING, paper="letter")
    assert blueprint_pages(brief)
    assert squash("Walk home with a lantern") in squash(blueprint_text(brief))
