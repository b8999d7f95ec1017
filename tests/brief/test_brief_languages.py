"""The brief speaks its language (SPEC §6, §8): a Polish or Chinese client gets it unchanged.

Real PDFs read back with pypdf. The brief's language is the design's `language:`
(`pl` → Polish, `zh…` → Simplified Chinese, anything else English) unless
`BriefOptions.language` says otherwise; every word the brief writes itself, the
date and the numbers follow it, and the PDF declares it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from itertools import pairwise

import pytest
from tests.brief.conftest import DESIGNS, Brief, squash

from cuecraft.brief import SECTION_TITLES, SECTIONS, sections_blueprint
from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import _, current_language, language
from cuecraft.core.model import Cue, Design, Theme, Touchpoint, Zone

DAY = dt.date(2026, 11, 28)

# Words the brief itself writes in English: headings, labels, table heads, value words,
# chart labels, the running header and footer. None may be left in a Polish or Chinese brief.
ENGLISH_CHROME = [
    # headings and labels
    "Cover",
    "Contents",
    "About this brief",
    "Executive summary",
    "Theme and the four realms",
    "Guest journey",
    "What guests say",
    "Positive cues",
    "Elimination plan",
    "Sensory map",
    "Memorabilia",
    "Consistency report",
    "Design graph",
    "Scorecard",
    "What to fix first",
    "The four realms",
    "Theme motifs",
    "To avoid",
    "Sensory layers",
    "How the scores are computed",
    "Experience design brief",
    "Prepared with",
    "overall score",
    "senses engaged",
    "touchpoints",
    "positive cues",
    "negative cues",
    # table heads
    "Severity",
    "Finding and how to fix it",
    "Where",
    "Touchpoint",
    "Phase",
    "Zone",
    "Feeling",
    "Next",
    "Cue",
    "Senses",
    "Motifs",
    "Negative cue",
    "Status",
    "Remedy",
    "Layer",
    "Sense",
    "Zones",
    "Intensity",
    "Souvenir",
    "Available at",
    "Evokes",
    "Score",
    "How it is computed",
    # value words
    "before",
    "during",
    "after",
    "sight",
    "sound",
    "smell",
    "touch",
    "taste",
    "low",
    "medium",
    "high",
    "open",
    "mitigating",
    "eliminated",
    "error",
    "warning",
    "Entertainment",
    "Educational",
    "Esthetic",
    "Escapist",
    "Harmonize",
    "Eliminate",
    "Overall",
    "Journey",
    "Absorption",
    "Immersion",
    "Passive",
    "Active",
    "participation",
    "Peak",
    "End",
    # sentences' small words, the footer, steps and lines
    "page",
    "of",
    "for",
    "the",
    "and",
    "Step",
    "line",
    # dates
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


# The same word in the language (Polish writes a negative cue's “Status” too).
SHARED = {"pl": {"Status"}, "zh": set()}


def english_words(text: str, lang: str) -> list[str]:
    """The English chrome words in `text`, as whole words (an id such as `noodle-taste`,
    drawn in the design graph, is the design's own and does not count)."""
    found = []
    for word in ENGLISH_CHROME:
        if word in SHARED[lang]:
            continue
        pattern = r"(?<![\w-])" + re.escape(word) + r"(?![\w-])"
        hits = re.finditer(pattern, text, flags=re.IGNORECASE)
        # A file-format key named so the designer can find the field (a hint's "(motifs,
        # evokes)") is the file's word, the same in every language.
        if any(hit.group() not in FILE_KEYS for hit in hits):
            found.append(word)
    return found


FILE_KEYS = frozenset(
    ("motifs", "evokes", "senses", "at", "sees", "conflicts", "next", "remedy", "status",
     "severity", "phase", "emotion", "realms", "avoid", "unique", "polarity", "text", "name")
)  # fmt: skip


@pytest.fixture(scope="module")
def polish(export: Callable[..., Brief]) -> Brief:
    return export("boutique-hotel", date=DAY)


@pytest.fixture(scope="module")
def chinese(export: Callable[..., Brief]) -> Brief:
    return export("haidilao-hotpot", date=DAY)


def catalog_lang(brief: Brief) -> str:
    return str(brief.reader.trailer["/Root"]["/Lang"])


def test_a_polish_brief_has_no_english_chrome(polish: Brief) -> None:
    assert english_words(polish.text, "pl") == []


def test_a_chinese_brief_has_no_english_chrome(chinese: Brief) -> None:
    # Findings' messages and hints come from the core's catalog.
    assert english_words(chinese.text, "zh") == []


def test_dates_are_cldr_long_dates(polish: Brief, chinese: Brief) -> None:
    assert "28listopada2026" in polish.squashed
    assert "2026年11月28日" in chinese.squashed


def test_running_footers_count_pages_in_the_language(polish: Brief, chinese: Brief) -> None:
    for number in range(2, polish.pages + 1):
        page = polish.reader.pages[number - 1].extract_text()
        assert f"strona {number} z {polish.pages}" in page
    for number in range(2, chinese.pages + 1):
        page = squash(chinese.reader.pages[number - 1].extract_text())
        assert f"第{number}页，共{chinese.pages}页" in page
    assert re.search(r"第 3 页，共 \d+ 页", chinese.text.replace("\n", ""))


def test_headings_and_bookmarks_are_in_the_language(polish: Brief, chinese: Brief) -> None:
    staged = {  # the blueprint is printed only for a design with one
        lang: sections_blueprint.staged(load_design(DESIGNS / f"{name}.yaml"))
        for lang, name in (("pl", "boutique-hotel"), ("zh", "haidilao-hotpot"))
    }
    for brief, lang in ((polish, "pl"), (chinese, "zh")):
        with language(lang):
            titles = [
                _(SECTION_TITLES[s])
                for s in SECTIONS
                if s != "guests" and (s != "blueprint" or staged[lang])
            ]
            contents = _("Contents")
        outline = [item.title for item in brief.reader.outline if not isinstance(item, list)]
        assert outline == [titles[0], contents, *titles[1:]]
        for title in titles[1:]:
            assert squash(title) in brief.squashed
    assert "Podsumowanie dla zarządu" in polish.text and "Spis treści" in polish.text
    assert "执行摘要" in chinese.text and "目录" in chinese.text


def test_the_pdf_declares_its_language(
    polish: Brief, chinese: Brief, export: Callable[..., Brief]
) -> None:
    assert catalog_lang(polish) == "pl"
    assert catalog_lang(chinese) == "zh-Hans"
    assert catalog_lang(export("museum-exhibition", date=DAY)) == "en"


def test_a_polish_number_has_a_decimal_comma(polish: Brief) -> None:
    # The scoring formulas: each error finding halves a principle's score.
    assert "×0,5" in polish.squashed and "×0.5" not in polish.squashed
    assert "×0,8" in polish.squashed


def test_the_language_option_overrides_the_designs(export: Callable[..., Brief]) -> None:
    english = export("boutique-hotel", date=DAY, language="en")
    assert "Executive summary" in english.text and "Contents" in english.text
    assert "28 November 2026" in english.text
    assert f"page 2 of {english.pages}" in english.reader.pages[1].extract_text()
    assert "strona" not in english.text and "listopada" not in english.text
    assert "Gościna w starej kamienicy" in english.text  # the design's own words stay
    assert catalog_lang(english) == "en"
    chinese = export("boutique-hotel", date=DAY, language="zh-CN")
    assert "执行摘要" in chinese.text and catalog_lang(chinese) == "zh-Hans"


def test_the_export_leaves_the_callers_language_alone(polish: Brief) -> None:
    assert current_language() == "en"


def counted_design(lang: str) -> Design:
    """Three zones with one, two and five touchpoints, a cue at each touchpoint."""
    zones = [Zone("one", "Sień"), Zone("two", "Ogród"), Zone("five", "Sala")]
    places = [("one", 1), ("two", 2), ("five", 5)]
    touchpoints: list[Touchpoint] = []
    for zone, count in places:
        for i in range(count):
            touchpoints.append(Touchpoint(f"{zone}-{i}", f"Krok {zone} {i}", "during", zone))
    for this, after in pairwise(touchpoints):
        this.next = [after.id]
    cues = [Cue(f"cue-{t.id}", f"Wskazówka {t.id}", at=[t.id]) for t in touchpoints]
    return Design(
        title="Liczby",
        theme=Theme("Temat"),
        language=lang,
        zones=zones,
        touchpoints=touchpoints,
        cues=cues,
    )


def test_counts_take_the_languages_plural_forms(export: Callable[..., Brief]) -> None:
    polish = export("counted-pl", counted_design("pl"), date=DAY, sections=("cues",))
    for phrase in ("1 punkt styku", "2 punkty styku", "5 punktów styku"):
        assert squash(phrase) in polish.squashed, phrase
    chinese = export("counted-zh", counted_design("zh-Hans"), date=DAY, sections=("cues",))
    for count in (1, 2, 5):
        assert f"{count}个触点" in chinese.squashed
