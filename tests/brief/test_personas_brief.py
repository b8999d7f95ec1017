"""Personas in the brief: a curve each in the guest journey, a table, NPS per persona, PER findings.

Real PDFs read back with pypdf. The persona's lines are read from the page's
drawing operators: each persona is drawn in a dash pattern of its own, so a
line of theirs can be counted in the PDF itself, as a reader without colour
tells them apart.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from tests.brief.conftest import DESIGNS, Brief, read, squash

from cuecraft.brief import SECTION_TITLES, BriefOptions, export_brief, sections_personas
from cuecraft.brief.curve_personas import DASHES, PersonaCurves
from cuecraft.brief.sections_guests import interval_text, with_answers
from cuecraft.core.feedback import feedback_for_design, import_csv
from cuecraft.core.fileformat import load_design
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, language
from cuecraft.core.model import Design

CAFE = DESIGNS / "rainforest-cafe.yaml"

# (design, its language, each persona's legend: name · share, and what each skips by name)
EXAMPLES = [
    (
        "rainforest-cafe",
        "en",
        ["Family with toddlers · 55%", "Couple on a date night · 30%"],
        ["Wait at the volcano bar", "Explore the retail village", "Browse the expedition outpost"],
    ),
    (
        "boutique-hotel",
        "pl",
        ["Podróżujący służbowo · 35%", "Para na rocznicowy weekend · 45%"],
        ["Wieczorna herbata w bibliotece", "Wieczór w piwnicznej łaźni"],
    ),
    (
        "haidilao-hotpot",
        "zh",
        ["生日聚会的一桌朋友 · 20%", "一个人吃火锅的上班族 · 15%"],
        ["免费美甲与擦鞋", "孩子去儿童乐园"],
    ),
]

# A survey whose NPS per persona is worked out by hand. The family: 6 promoters (10),
# 2 passives (8), 2 detractors (3) of 10: 60% − 20% = +40. The couple: 1 promoter, 3
# detractors of 4: 25% − 75% = −50. Guests naming no persona give the same steps other
# scores, so no step's NPS is a persona's.
SURVEY = (
    ["Guest type,Touchpoint,Score"]
    + ["Family with toddlers,Discover the storm online,10"] * 6
    + ["family,Discover the storm online,8"] * 2
    + ["Family with toddlers,Discover the storm online,3"] * 2
    + ["couple,The thunderstorm breaks,9"]
    + ["Couple on a date night,The thunderstorm breaks,2"] * 3
    + [",Discover the storm online,0"] * 5
    + [",The thunderstorm breaks,10"] * 2
)
FAMILY_NPS, COUPLE_NPS = "+40 (10)", "−50 (4)"


def journey_title(lang: str) -> str:
    with language(lang):
        return _(SECTION_TITLES["journey"])


def section_text(brief: Brief, title: str) -> str:
    """The text of one section: from its bookmark's page up to where the next one starts."""
    items = [item for item in brief.reader.outline if not isinstance(item, list)]
    titles = [item.title for item in items]
    at = titles.index(title)
    first = brief.reader.get_destination_page_number(items[at])
    if at + 1 < len(items):
        last = brief.reader.get_destination_page_number(items[at + 1])
        nxt = titles[at + 1]
    else:
        last, nxt = len(brief.reader.pages) - 1, ""
    pages = [brief.reader.pages[n].extract_text() for n in range(first, last + 1)]
    if nxt and last > first and squash(nxt) in squash(pages[-1]):
        tail = pages[-1]
        pages[-1] = tail[: tail.find(nxt)] if nxt in tail else tail
    return "\n".join(pages)


def without_furniture(value: str, design: Design) -> str:
    """Squashed text without the running header and footer (a page more moves them)."""
    out = squash(value).replace(squash(f"{design.title}{design.client}"), "")
    return re.sub(r"Experiencedesignbrief·\d+[A-Za-z]+\d{4}page\d+of\d+", "", out)


def persona_lines(reader: PdfReader, page: int) -> Counter[tuple[float, ...]]:
    """How many straight lines each persona's dash pattern draws on a page."""
    drawn: Counter[tuple[float, ...]] = Counter()
    dash: tuple[float, ...] = ()
    ops = ContentStream(reader.pages[page].get_contents(), reader).operations
    for operands, operator in ops:
        if operator == b"d":
            dash = tuple(round(float(x), 2) for x in operands[0])
        elif operator == b"l" and dash in DASHES:
            drawn[dash] += 1
    return drawn


def journey_pages(brief: Brief, lang: str = "en") -> range:
    items = [item for item in brief.reader.outline if not isinstance(item, list)]
    titles = [item.title for item in items]
    at = titles.index(journey_title(lang))
    first = brief.reader.get_destination_page_number(items[at])
    last = (
        brief.reader.get_destination_page_number(items[at + 1])
        if at + 1 < len(items)
        else len(brief.reader.pages) - 1
    )
    return range(first, last + 1)


@pytest.mark.parametrize(("name", "lang", "legends", "skipped"), EXAMPLES)
def test_the_guest_journey_shows_each_persona_with_their_share(
    export: Callable[..., Brief], name: str, lang: str, legends: list[str], skipped: list[str]
) -> None:
    brief = export(name)
    journey = squash(section_text(brief, journey_title(lang)))
    for legend in legends:  # over each persona's curve
        assert squash(legend) in journey, legend
    for touchpoint in skipped:  # the table says what they skip, by name
        assert squash(touchpoint) in journey, touchpoint
    design = load_design(DESIGNS / f"{name}.yaml")
    for persona in design.personas:  # and their share, in its own column
        assert squash(f"{persona.name}{persona.share}%") in journey
        assert persona.id not in journey or persona.id in squash(persona.name)


@pytest.mark.parametrize(("name", "lang"), [(e[0], e[1]) for e in EXAMPLES])
def test_each_persona_is_a_line_of_its_own(
    export: Callable[..., Brief], name: str, lang: str
) -> None:
    brief = export(name)
    graph = DesignGraph(load_design(DESIGNS / f"{name}.yaml"))
    drawn: Counter[tuple[float, ...]] = Counter()
    for page in journey_pages(brief, lang):
        drawn += persona_lines(brief.reader, page)
    # One dash pattern per persona, none left over: a line through every step they take
    # (the legend's stretch of it too).
    assert len(drawn) == len(graph.design.personas)
    for style, persona in enumerate(graph.design.personas):
        steps = len(graph.persona_journeys[persona.id].order)
        assert drawn[DASHES[style]] >= steps, persona.id


class Drawn:
    def __init__(self) -> None:
        self.charts: list[PersonaCurves] = []


@pytest.fixture
def record(monkeypatch: pytest.MonkeyPatch) -> Drawn:
    """Keep the persona charts a brief draws."""
    drawn = Drawn()

    class Recording(PersonaCurves):  # type: ignore[misc]
        def draw(self) -> None:
            super().draw()
            drawn.charts.append(self)

    monkeypatch.setattr(sections_personas, "PersonaCurves", Recording)
    return drawn


def test_a_skipped_step_is_bridged_not_visited(record: Drawn, tmp_path: Path) -> None:
    design = load_design(CAFE)
    export_brief(design, tmp_path / "cafe.pdf", BriefOptions(sections=("journey",)))
    (chart,) = record.charts
    at = {tp: i for i, tp in enumerate(DesignGraph(design).journey_order)}
    family, couple = chart.drawn
    # The family skips the bar: from the shop straight to the table, never at the bar.
    assert (at["explore-shop"], at["walk-in"]) in family
    assert not any(at["bar-wait"] in link for link in family)
    # The couple skips the shop and the outpost: from paying straight to the farewell.
    assert (at["pay"], at["farewell"]) in couple
    assert not any(at["outpost"] in link or at["explore-shop"] in link for link in couple)
    # Both on the steps of the design's chart: the same x for the same touchpoint.
    assert chart.axis is not None and len(chart.axis.xs) == len(design.touchpoints)


def survey_feedback(tmp_path: Path, design: Design, rows: list[str]) -> Any:
    csv = tmp_path / "survey.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    imported = import_csv(csv, design)
    assert not imported.skipped and not imported.unmatched_personas
    return imported.feedback


def test_nps_per_persona_once_the_survey_says_who_answered(tmp_path: Path) -> None:
    design = load_design(CAFE)
    feedback = survey_feedback(tmp_path, design, SURVEY)
    out = tmp_path / "cafe.pdf"
    brief = read(out, export_brief(design, out, BriefOptions(), feedback=feedback))
    journey = squash(section_text(brief, "Guest journey"))
    assert squash(FAMILY_NPS) in journey and squash(COUPLE_NPS) in journey
    for persona in ("family", "couple"):  # with its interval, as the steps have theirs
        assert squash(interval_text(feedback.persona_nps(persona))) in journey
    # Without the persona column the same answers say nothing about personas.
    anonymous = [",".join(row.split(",")[1:]) for row in SURVEY]
    plain = survey_feedback(tmp_path, design, anonymous)
    out = tmp_path / "anonymous.pdf"
    brief = read(out, export_brief(design, out, BriefOptions(), feedback=plain))
    journey = squash(section_text(brief, "Guest journey"))
    assert squash(FAMILY_NPS) not in journey and squash(COUPLE_NPS) not in journey
    assert squash("Family with toddlers · 55%") in journey  # their curves all the same


def test_the_rainforest_survey_gives_each_persona_its_nps(tmp_path: Path) -> None:
    feedback = feedback_for_design(CAFE)
    assert feedback is not None and feedback.personas
    out = tmp_path / "cafe.pdf"
    brief = read(out, export_brief(load_design(CAFE), out, BriefOptions(), feedback=feedback))
    journey = squash(section_text(brief, "Guest journey"))
    for persona in ("family", "couple"):
        result = feedback.persona_nps(persona)
        assert result.responses > 0
        assert squash(f"{with_answers(result)}{interval_text(result)}") in journey


def with_persona_findings(tmp_path: Path) -> Path:
    """The Rainforest with a persona who skips everything (PER001), one whose end is low
    (PER002), and shares adding up to 105% (PER003)."""
    text = CAFE.read_text(encoding="utf-8")
    order = DesignGraph(load_design(CAFE)).journey_order
    added = (
        "personas:\n"
        "  - id: ghost\n"
        "    name: Window shoppers who never come in\n"
        "    share: 20\n"
        f"    skips: [{', '.join(order)}]\n"
        "  - id: tired\n"
        "    name: Tired parents on a weekday\n"
        f"    emotion: {{{order[-1]}: 0}}\n"
    )
    path = tmp_path / "per.yaml"
    path.write_text(text.replace("personas:\n", added, 1), encoding="utf-8")
    return path


def test_persona_findings_are_in_the_report_and_by_name_in_the_summary(tmp_path: Path) -> None:
    design = load_design(with_persona_findings(tmp_path))
    out = tmp_path / "per.pdf"
    brief = read(out, export_brief(design, out, BriefOptions()))
    report = squash(section_text(brief, "Consistency report"))
    for code in ("PER001", "PER002", "PER003"):
        assert code in report
    # How the journey is scored says what the persona findings cost.
    assert squash("×0.8 for each persona who cannot get through (PER001)") in report
    assert squash("PER002 for a persona’s") in report
    # For the client: the personas by name, no ids nor codes.
    summary = squash(section_text(brief, "Executive summary"))
    assert squash("the persona “Window shoppers who never come in” has no path") in summary
    assert squash("“Tired parents on a weekday”") in summary
    assert "“ghost”" not in summary and "PER001" not in summary
    # The one who skips everything still has a panel, and the low end its red ring's words.
    journey = squash(section_text(brief, "Guest journey"))
    assert squash("Window shoppers who never come in · 20%") in journey
    assert squash("Tired parents on a weekday") in journey


def test_a_design_without_personas_gives_the_brief_it_gave_before(
    export: Callable[..., Brief], tmp_path: Path
) -> None:
    design = load_design(CAFE)
    out = tmp_path / "none.pdf"
    bare = dataclasses.replace(design, personas=[])
    before = read(out, export_brief(bare, out, BriefOptions()))
    after = export("rainforest-cafe")
    plain, with_personas = (
        without_furniture(section_text(b, "Guest journey"), design) for b in (before, after)
    )
    # The section is what it was, word for word, and the personas come after it all.
    heading = squash("The journey as each persona lives it")
    assert heading not in plain and heading in with_personas
    assert with_personas[: with_personas.index(heading)] == plain
    for word in ("persona", "Family with toddlers", "55%"):
        assert squash(word) not in plain
    for page in journey_pages(before):
        assert not persona_lines(before.reader, page)
    # The journey's scoring formula names no persona rule.
    report = squash(section_text(before, "Consistency report"))
    assert "PER00" not in report
    assert squash("×0.9 for each low end (JRN004).") in report
