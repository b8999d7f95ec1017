"""What a client reads: every section, every cue, every script, and user text exactly as typed."""

from __future__ import annotations

import pytest
from tests.brief.conftest import (
    DESIGNS,
    EMOJI,
    HOSTILE_MARKUP,
    LONG_WORD,
    TALL_REMEDY,
    hostile_design,
    squash,
)

from cuecraft.brief import SECTION_TITLES, SECTIONS, sections_blueprint
from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import _, language, normalize_language

EXAMPLES = ["rainforest-cafe", "boutique-hotel", "haidilao-hotpot"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_section_heading_and_every_cue_is_in_the_text(export, name):
    brief = export(name)
    design = load_design(DESIGNS / f"{name}.yaml")
    with language(normalize_language(design.language)):  # the brief speaks the design's
        titles = {section: _(title) for section, title in SECTION_TITLES.items()}
        contents = _("Contents")
    staged = sections_blueprint.staged(design)  # the blueprint: with actions or waits
    for section in SECTIONS:
        if section not in ("cover", "guests") and (section != "blueprint" or staged):
            assert titles[section] in brief.text, section
    assert contents in brief.text
    for cue in design.cues:
        assert squash(cue.text) in brief.squashed, cue.id
    for item in [*design.zones, *design.touchpoints, *design.layers, *design.souvenirs]:
        assert squash(item.name) in brief.squashed, item.id
    for motif in design.theme.motifs:
        assert squash(motif) in brief.squashed
    assert squash(design.title) in brief.squashed
    assert squash(design.theme.name) in brief.squashed


@pytest.mark.parametrize("name", EXAMPLES)
def test_page_count_is_plausible_and_every_page_is_numbered(export, name):
    brief = export(name)
    design = load_design(DESIGNS / f"{name}.yaml")
    assert 10 <= brief.pages <= 30
    assert len(brief.reader.pages) == brief.pages
    with language(normalize_language(design.language)):
        folio = _("page {page} of {total}")
    for number in range(2, brief.pages + 1):
        expected = squash(folio.format(page=number, total=brief.pages))
        assert expected in squash(brief.reader.pages[number - 1].extract_text())


def test_polish_text_is_printed_with_its_diacritics(export):
    brief = export("boutique-hotel")
    for phrase in (
        "Gościna w starej kamienicy",
        "Wróć do domu, którego nigdy nie miałeś",
        "Kamienica Pod Lipą sp. z o.o.",
    ):
        assert squash(phrase) in brief.squashed, phrase


def test_chinese_text_is_printed_and_not_as_boxes(export):
    brief = export("haidilao-hotpot")
    assert squash("海底捞火锅 — 服务体验设计") in brief.squashed
    assert squash("把顾客当家人") in brief.squashed
    assert squash("一顿火锅，一份被宠着的感觉") in brief.squashed


def test_hostile_text_is_printed_literally_never_as_markup(export):
    brief = export("hostile", hostile_design())
    for value in HOSTILE_MARKUP:
        assert squash(value) in brief.squashed, value
    assert squash('Tom & Jerry\'s <b>Café</b> &amp; <img src="/etc/passwd"/>') in brief.squashed
    assert squash("<font size=40>Theme</font>") in brief.squashed
    assert squash("Zażółć gęślą jaźń 東京 & <i>co</i>") in brief.squashed
    assert "<motif>" in brief.text and "a&b" in brief.text


def test_emoji_are_printed(export):
    brief = export("hostile", hostile_design())
    assert squash(EMOJI) in brief.squashed


def test_newlines_in_user_text_are_kept(export):
    brief = export("hostile", hostile_design())
    assert "First line\nSecond line" in brief.text


def test_a_5000_character_word_wraps_instead_of_failing(export):
    brief = export("hostile", hostile_design())
    assert len(LONG_WORD) == 5000
    # Where the word's row splits over a page, the other cells of the row and
    # the running header and footer come between its halves: all of it must be
    # there, in order, in a few runs.
    assert runs_of(LONG_WORD, brief.squashed) <= 4


def runs_of(word: str, haystack: str) -> int:
    """In how many contiguous runs `word` appears, in order, in `haystack` (a big number if not)."""
    runs, i, at = 0, 0, 0
    while i < len(word):
        at = haystack.find(word[i : i + 8], at)
        if at < 0:
            return 10**9
        runs += 1
        while i < len(word) and at < len(haystack) and haystack[at] == word[i]:
            i, at = i + 1, at + 1
    return runs


def test_a_table_cell_taller_than_a_page_splits_across_pages(export):
    brief = export("hostile", hostile_design())
    for line in TALL_REMEDY.splitlines():
        assert squash(line) in brief.squashed, line
    pages_with_steps = [
        i for i, page in enumerate(brief.reader.pages) if "Remedy step" in page.extract_text()
    ]
    assert len(pages_with_steps) >= 2
    # In order, broken only where a page breaks it.
    assert runs_of(squash(TALL_REMEDY), brief.squashed) <= len(pages_with_steps) + 1


def test_a_design_with_only_the_required_fields_exports(export):
    from cuecraft.core.model import Design, Theme

    brief = export("minimal", Design(title="Just a title", theme=Theme("Just a theme")))
    assert "Just a title" in brief.text and "Just a theme" in brief.text
    for section in SECTIONS:
        # guests: only with feedback; blueprint: only with actions or wait points
        if section not in ("cover", "guests", "blueprint"):
            assert SECTION_TITLES[section] in brief.text
    assert brief.pages <= 12


def test_only_the_chosen_sections_are_printed(export):
    brief = export("rainforest-cafe", sections=("summary", "graph"))
    assert "Executive summary" in brief.text and "Design graph" in brief.text
    assert "Elimination plan" not in brief.text and "Contents" in brief.text
    assert "EXPERIENCE DESIGN BRIEF" not in brief.text  # no cover
    assert brief.pages <= 4


def test_metadata_names_title_client_and_theme(export):
    brief = export("haidilao-hotpot")
    meta = brief.reader.metadata
    assert meta is not None
    assert meta.title == "海底捞火锅 — 服务体验设计"
    assert meta.author == "海底捞餐饮（案例研究）"
    assert meta.subject == "把顾客当家人"


def sections_in_outline(brief):
    """The outline's first level: one bookmark per section (subsections nest under them)."""
    return [item for item in brief.reader.outline if not isinstance(item, list)]


def test_outline_has_a_bookmark_for_every_section(export):
    brief = export("rainforest-cafe")
    titles = [item.title for item in sections_in_outline(brief)]
    # Exported without its feedback, so without "What guests say"; the blueprint only
    # when the example has one.
    staged = sections_blueprint.staged(load_design(DESIGNS / "rainforest-cafe.yaml"))
    printed = [
        SECTION_TITLES[s] for s in SECTIONS[1:] if s != "guests" and (s != "blueprint" or staged)
    ]
    assert titles == ["Cover", "Contents", *printed]
    for item in sections_in_outline(brief)[1:]:
        page = brief.reader.get_destination_page_number(item)
        assert item.title in brief.reader.pages[page].extract_text()


def test_contents_lists_the_page_each_section_starts_on(export):
    brief = export("rainforest-cafe")
    lines = brief.reader.pages[1].extract_text().splitlines()
    for number, item in enumerate(sections_in_outline(brief)[2:], start=1):
        page = brief.reader.get_destination_page_number(item) + 1
        at = lines.index(item.title)
        assert lines[at - 1 : at + 2] == [f"{number:02d}", item.title, str(page)]
