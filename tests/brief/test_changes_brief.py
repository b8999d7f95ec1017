"""“What changes”: a brief given a baseline (the as-is) says what the design (to be) changes.

Real designs (the examples, and an as-is made from each by real edits: a queue
the redesign removed, a feeling it raised, a negative cue it eliminated, a cue
renamed and one reworded, a souvenir it added), real PDFs read back with pypdf.
The chart's two curves are read from the page's drawing operators: the as-is is
drawn in a dash pattern of its own.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase import pdfmetrics
from tests.brief.conftest import DESIGNS, Brief, read, squash
from tests.brief.test_brief_languages import english_words

from cuecraft.brief import (
    SECTION_TITLES,
    BriefOptionError,
    BriefOptions,
    build,
    export_brief,
    fonts,
    sections_changes,
)
from cuecraft.brief.changes_journey import NAME_ON_AXIS
from cuecraft.brief.curve_changes import AS_IS_DASH, ChangesCurve
from cuecraft.core.check import check
from cuecraft.core.edits import AddItem, RemoveItem, RenameId, find
from cuecraft.core.fileformat import load_design
from cuecraft.core.findings import principle_title
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, language
from cuecraft.core.model import Cue, Design, Touchpoint
from cuecraft.core.names import short, short_name

# The user's own words in the as-is and the to-be, in each example's language (so a
# Polish or Chinese brief has no English of ours to hide behind).
TEXTS = {
    "en": {
        "queue": "Queue outside in a draughty corridor",
        "noise": "Drilling noise from the building site next door",
        "old wording": "An older wording of this cue",
        "new cue": "A neon sign over the door",
        "old zone": "The old entrance",
    },
    "pl": {
        "queue": "Kolejka w przeciągu na korytarzu",
        "noise": "Hałas wiertarek z budowy obok",
        "old wording": "Dawne brzmienie tej wskazówki",
        "new cue": "Neon nad wejściem",
        "old zone": "Dawne wejście",
    },
    "zh": {
        "queue": "在漏风的走廊外排队",
        "noise": "隔壁工地的电钻噪音",
        "old wording": "这条线索的旧说法",
        "new cue": "门口的霓虹灯",
        "old zone": "旧入口",
    },
}
EXAMPLES = [("rainforest-cafe", "en"), ("boutique-hotel", "pl"), ("haidilao-hotpot", "zh")]
OLD_FEELING = -1  # the second step's feeling as is


def first_steps(design: Design) -> tuple[str, str]:
    order = DesignGraph(design).journey_order
    return order[0], order[1]


def to_be(design: Design, lang: str) -> Design:
    """The example with its high-severity negative cues eliminated, and a cue added that
    carries none of the theme's motifs (a new THM001)."""
    new = copy.deepcopy(design)
    for cue in new.cues:
        if cue.is_negative and cue.severity == "high":
            cue.status = "eliminated"
    zone = new.zones[0].id
    neon = Cue("neon-sign", TEXTS[lang]["new cue"], "positive", ["sight"], ["neon"], [zone])
    AddItem("cues", neon).apply(new)
    return new


def as_is(design: Design, lang: str) -> Design:
    """The design before the redesign, made by edits: a queue between the first two steps
    (removed since), the second step felt worse, a loud negative cue there (eliminated
    since: its ELI002 is resolved), the first cue under another id, the second worded
    otherwise, the first zone named otherwise, and no first souvenir (added since)."""
    words = TEXTS[lang]
    old = copy.deepcopy(design)
    first, second = first_steps(old)
    step = find(old, second)
    assert isinstance(step, Touchpoint)
    queue = Touchpoint("old-queue", words["queue"], step.phase, step.zone, [second], -2)
    AddItem("touchpoints", queue).apply(old)
    start = find(old, first)
    assert isinstance(start, Touchpoint)
    start.next = ["old-queue" if n == second else n for n in start.next]
    step.emotion = OLD_FEELING
    noise = Cue(
        "old-noise", words["noise"], "negative", ["sound"], [], [second],
        severity="high", status="open",
    )  # fmt: skip
    AddItem("cues", noise).apply(old)
    RenameId(old.cues[0].id, f"{old.cues[0].id}-before").apply(old)
    old.cues[1].text = words["old wording"]
    old.zones[0].name = words["old zone"]
    RemoveItem(old.souvenirs[0].id).apply(old)
    return old


@pytest.fixture(scope="module")
def briefs(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Brief]:
    """Export an example's to-be with (or without) its as-is once per module, read back."""
    cache: dict[tuple[Any, ...], Brief] = {}
    folder = tmp_path_factory.mktemp("changes")

    def run(name: str, lang: str, baseline: bool = True, **options: Any) -> Brief:
        key = (name, baseline, tuple(sorted(options.items())))
        if key not in cache:
            design = load_design(DESIGNS / f"{name}.yaml")
            path = folder / f"{name}-{len(cache)}.pdf"
            old = as_is(design, lang) if baseline else None
            pages = export_brief(to_be(design, lang), path, BriefOptions(**options), baseline=old)
            cache[key] = read(path, pages)
        return cache[key]

    return run


def title(lang: str, section: str = "changes") -> str:
    with language(lang):
        return _(SECTION_TITLES[section])


def outline(brief: Brief) -> list[str]:
    return [item.title for item in brief.reader.outline if not isinstance(item, list)]


def section_pages(brief: Brief, lang: str, section: str = "changes") -> range:
    items = [item for item in brief.reader.outline if not isinstance(item, list)]
    at = [item.title for item in items].index(title(lang, section))
    first = brief.reader.get_destination_page_number(items[at])
    last = brief.reader.get_destination_page_number(items[at + 1])
    return range(first, last + 1)


def section_text(brief: Brief, lang: str) -> str:
    """The squashed text of “What changes”: from its title to the next section's."""
    pages = section_pages(brief, lang)
    whole = squash("".join(brief.reader.pages[n].extract_text() for n in pages))
    start = whole.index(squash(title(lang)), 0)
    end = whole.index(squash(title(lang, "theme")), start)
    return whole[start:end]


def between(value: str, start: str, end: str | None = None) -> str:
    at = value.index(squash(start))
    return value[at : value.index(squash(end), at) if end else None]


# --- where it goes ----------------------------------------------------------------------


def test_the_section_follows_the_summary_only_with_a_baseline(
    briefs: Callable[..., Brief],
) -> None:
    with_it, without = briefs("rainforest-cafe", "en"), briefs("rainforest-cafe", "en", False)
    titles = outline(with_it)
    assert titles[titles.index("Executive summary") + 1] == "What changes"
    assert outline(without) == [t for t in titles if t != "What changes"]
    # The contents list it with its page; a brief without a baseline has no trace of it.
    contents = with_it.reader.pages[1].extract_text()
    page = section_pages(with_it, "en")[0] + 1
    assert re.search(rf"What changes\s*{page}\b", contents)
    assert "What changes" not in without.text and "As is" not in without.text


def test_without_a_baseline_the_brief_is_the_one_without_the_section(
    briefs: Callable[..., Brief], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Page for page, word for word, the brief a design without a baseline gets is the
    brief built with no such section at all."""
    without = briefs("rainforest-cafe", "en", False)
    monkeypatch.delitem(build.BUILDERS, "changes")
    design = to_be(load_design(DESIGNS / "rainforest-cafe.yaml"), "en")
    pages = export_brief(design, tmp_path / "before.pdf", BriefOptions())
    before = read(tmp_path / "before.pdf", pages)
    assert pages == without.pages
    old = [page.extract_text() for page in before.reader.pages]
    assert old == [page.extract_text() for page in without.reader.pages]


def test_the_section_alone_needs_a_baseline(tmp_path: Path) -> None:
    design = load_design(DESIGNS / "rainforest-cafe.yaml")
    with pytest.raises(BriefOptionError, match="baseline"):
        export_brief(design, tmp_path / "x.pdf", BriefOptions(sections=("changes",)))
    assert not (tmp_path / "x.pdf").exists()
    old = as_is(design, "en")
    only = BriefOptions(sections=("changes",))
    pages = export_brief(design, tmp_path / "x.pdf", only, baseline=old)
    brief = read(tmp_path / "x.pdf", pages)
    assert outline(brief) == ["What changes"]  # one section: no cover, no contents
    # Chosen without it, a baseline prints nothing of it.
    summary = BriefOptions(sections=("summary",))
    pages = export_brief(design, tmp_path / "y.pdf", summary, baseline=old)
    assert outline(read(tmp_path / "y.pdf", pages)) == ["Executive summary"]


def test_the_same_design_as_baseline_says_nothing_changes(tmp_path: Path) -> None:
    design = load_design(DESIGNS / "rainforest-cafe.yaml")
    options = BriefOptions(sections=("summary", "changes"))
    pages = export_brief(design, tmp_path / "x.pdf", options, baseline=copy.deepcopy(design))
    text = squash(read(tmp_path / "x.pdf", pages).text)
    assert squash("is the same as the as-is design") in text
    assert squash("How the scores move") not in text


# --- what it says --------------------------------------------------------------------------


def signed(delta: int) -> str:
    return f"+{delta}" if delta > 0 else f"−{-delta}" if delta else "0"


def test_scores_before_and_after(briefs: Callable[..., Brief]) -> None:
    text = section_text(briefs("rainforest-cafe", "en"), "en")
    scores = between(text, "How the scores move", "The guest’s feeling")
    assert squash("Score As is To be Change") in scores
    design = load_design(DESIGNS / "rainforest-cafe.yaml")
    before = check(as_is(design, "en")).scorecard
    after = check(to_be(design, "en")).scorecard
    # Eliminating the high-severity negative cues lifts eliminate, and the overall, off 0.
    assert before.scores["eliminate"] == before.overall == 0 < after.overall
    for principle in after.principles:
        old, new = before.scores[principle], after.scores[principle]
        row = f"{principle_title(principle)}{old}{new}{signed(new - old)}"
        assert row in scores, row
    assert f"Overall{before.overall}{after.overall}{signed(after.overall)}" in scores
    # The key figures: the overall score's change, and from what to what.
    head = between(text, "What changes", "How the scores move")
    figure = f"{signed(after.overall)}overallscore,from{before.overall}to{after.overall}"
    assert figure in head


def test_items_added_removed_renamed_and_changed_by_name(briefs: Callable[..., Brief]) -> None:
    design = load_design(DESIGNS / "rainforest-cafe.yaml")
    text = section_text(briefs("rainforest-cafe", "en"), "en")
    items = between(text, "What is added, removed and changed")
    words = TEXTS["en"]
    added = between(items, "items added", "removed")
    assert squash(design.souvenirs[0].name) in added and squash(words["new cue"]) in added
    assert squash("Souvenir") in added and squash("Cue") in added
    removed = between(items, "items removed", "renamed")
    assert squash(f"Touchpoint{words['queue']}") in removed
    assert squash(f"Cue{words['noise']}") in removed
    renamed = between(items, "item renamed", "changed")
    first = design.cues[0]
    assert squash(f"its id in the design file: {first.id}-before → {first.id}") in renamed
    changed = between(items, "items changed")
    _first, second = first_steps(design)
    step = find(design, second)
    assert isinstance(step, Touchpoint) and step.emotion is not None
    # By name, the field in plain words, before → after; never the file's keys or ids.
    assert squash(f"{step.name}emotion: −1 → +{step.emotion}") in changed
    # A short text before → after; a long one, rewritten, is said to be reworded.
    zone = design.zones[0].name
    assert squash(f"Zone{zone}name: “{words['old zone']}” → “{zone}”") in changed
    assert squash("text: reworded") in changed
    assert squash(f"leads to: added “{step.name}”; removed “{words['queue']}”") in changed
    assert "old-queue" not in items and "next:" not in items


def test_findings_resolved_and_new_in_the_clients_words(briefs: Callable[..., Brief]) -> None:
    text = section_text(briefs("rainforest-cafe", "en"), "en")
    findings = between(text, "Findings resolved and new", "What is added")
    resolved = between(findings, "findings resolved", "new finding")
    # The eliminated noise: its ELI002, by name, not by id or code.
    assert squash("6 − 1 = 0: the high-severity negative cue") in resolved
    assert squash(TEXTS["en"]["noise"]) in resolved and "old-noise" not in resolved
    new = between(findings, "new finding")
    assert squash(f"“{TEXTS['en']['new cue']}”") in new and "neon-sign" not in new
    assert "THM001" not in findings and "ELI002" not in findings


# --- the chart -----------------------------------------------------------------------------


class Drawn:
    def __init__(self) -> None:
        self.charts: list[ChangesCurve] = []


@pytest.fixture
def record(monkeypatch: pytest.MonkeyPatch) -> Drawn:
    """Keep the as-is/to-be charts a brief draws."""
    drawn = Drawn()

    class Recording(ChangesCurve):  # type: ignore[misc]
        def draw(self) -> None:
            super().draw()
            drawn.charts.append(self)

    monkeypatch.setattr(sections_changes, "ChangesCurve", Recording)
    return drawn


def dashed_lines(reader: PdfReader, page: int, pattern: tuple[float, ...]) -> int:
    """How many straight lines a page draws in a dash pattern."""
    count, dash = 0, ()
    ops = ContentStream(reader.pages[page].get_contents(), reader).operations
    for operands, operator in ops:
        if operator == b"d":
            dash = tuple(round(float(x), 2) for x in operands[0])
        elif operator == b"l" and dash == pattern:
            count += 1
    return count


def test_both_curves_on_one_step_axis(record: Drawn, tmp_path: Path) -> None:
    design = load_design(DESIGNS / "rainforest-cafe.yaml")
    old = as_is(design, "en")
    options = BriefOptions(sections=("summary", "changes"))
    pages = export_brief(design, tmp_path / "x.pdf", options, baseline=old)
    (chart,) = record.charts
    names = [p.name for p in chart.points]  # as the axis writes them: short
    first, second = first_steps(design)
    at = {tp: names.index(short_name(find(design, tp), NAME_ON_AXIS)) for tp in (first, second)}
    queue = names.index(short(TEXTS["en"]["queue"], NAME_ON_AXIS))
    # The queue only the as-is has stands where it stood, between the first two steps,
    # marked “−”; the design's steps keep their journey numbers.
    assert at[first] < queue < at[second]
    assert chart.points[queue].label == "−" and chart.points[queue].emotion is None
    assert [p.label for p in chart.points if p.label != "−"] == [
        str(n) for n in range(1, len(design.touchpoints) + 1)
    ]
    # The as-is (dashed) goes through the queue; the to-be (solid) straight on.
    assert (at[first], queue) in chart.drawn_as_is and (queue, at[second]) in chart.drawn_as_is
    assert (at[first], at[second]) in chart.edges
    assert chart.as_is[at[second]] == OLD_FEELING
    # On the page: the dashed curve's lines (and the legend's one), in its own pattern.
    brief = read(tmp_path / "x.pdf", pages)
    drawn = sum(dashed_lines(brief.reader, n, AS_IS_DASH) for n in range(brief.pages))
    assert drawn == len(chart.drawn_as_is) + 1
    text = squash(brief.text)
    assert squash("As is (the baseline)") in text and squash("To be (this design)") in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_section_prints_on_both_papers(briefs: Callable[..., Brief], paper: str) -> None:
    brief = briefs("rainforest-cafe", "en", paper=paper)
    assert "What changes" in outline(brief)
    text = section_text(brief, "en")
    assert squash("The guest’s feeling, as is and to be") in text
    assert squash(TEXTS["en"]["queue"]) in text


# --- languages -----------------------------------------------------------------------------


def drawn_glyphs(reader: PdfReader, pages: range) -> Iterator[tuple[str, str]]:
    """(character, face) of every character the pages draw (the face without its subset
    prefix: “ABCDEF+DejaVuSans” is DejaVuSans)."""
    found: list[tuple[str, str]] = []

    def visit(value: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if font is not None:
            face = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
            found.extend((ch, face) for ch in value if not ch.isspace())

    for n in pages:
        reader.pages[n].extract_text(visitor_text=visit)
    return iter(found)


def missing_glyphs(brief: Brief, pages: range) -> set[tuple[str, str]]:
    """Characters drawn in a face that has no glyph for them (an empty box on paper)."""
    cmaps = {}
    for name in (fonts.TEXT, fonts.BOLD, fonts.CJK, fonts.CJK_BOLD, fonts.SYMBOLS):
        if fonts.is_registered(name):
            face = pdfmetrics.getFont(name).face
            ps = face.name.decode() if isinstance(face.name, bytes) else str(face.name)
            cmaps[ps] = set(face.charToGlyph)
    assert cmaps
    return {
        (ch, face)
        for ch, face in drawn_glyphs(brief.reader, pages)
        if ord(ch) not in cmaps.get(face, {ord(ch)})
    }


@pytest.mark.parametrize(("name", "lang"), EXAMPLES[1:])
def test_a_polish_and_a_chinese_section_speak_their_language(
    briefs: Callable[..., Brief], name: str, lang: str
) -> None:
    brief = briefs(name, lang)
    assert title(lang) != "What changes", "the section's title is not translated"
    assert title(lang) in outline(brief)
    text = section_text(brief, lang)
    assert english_words(text, lang) == []
    for english in ("As is", "To be", "What changed", "Findings resolved", "reworded"):
        assert squash(english) not in text, english
    # Their words and names, as typed (a long cue text rewritten is said to be reworded).
    for key in ("queue", "noise", "new cue", "old zone"):
        assert squash(TEXTS[lang][key]) in text, key
    assert missing_glyphs(brief, section_pages(brief, lang)) == set()
