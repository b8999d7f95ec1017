"""Money and priorities in the brief (SPEC §6, issue 18): the value staircase in the theme
section, the elimination plan in `elimination_plan` order with owners and ratings, and the
priority matrix (impact × effort). Real PDFs read back with pypdf.

The designs are the examples with the new fields set in code, so each test says what it
gives the design. Polish and Chinese words are checked once the catalogs translate them
(until then those tests skip, saying so); English is checked always.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.brief.conftest import DESIGNS, Brief, squash
from tests.brief.test_layout import layout_of

from cuecraft.brief import SECTION_TITLES
from cuecraft.brief.styles import MARGIN_X, PAGE_SIZES
from cuecraft.brief.tables import BriefTable
from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import _, format_money, language, pgettext
from cuecraft.core.model import Cue, Design, Value
from cuecraft.core.plan import elimination_plan
from cuecraft.core.words import level_word, value_step_word

HOTPOT = load_design(DESIGNS / "haidilao-hotpot.yaml")
CAFE = load_design(DESIGNS / "rainforest-cafe.yaml")
STEP_WORDS = ["Commodity", "Goods", "Service", "Experience"]


def with_value(design: Design, value: Value) -> Design:
    out = copy.deepcopy(design)
    out.value = value
    return out


def section_text(brief: Brief, section: str, lang: str = "en") -> str:
    """The squashed text of one section: from its bookmark's page to the next one's title."""
    with language(lang):
        title = _(SECTION_TITLES[section])
    items = [item for item in brief.reader.outline if not isinstance(item, list)]
    names = [item.title for item in items]
    at = names.index(title)
    first = brief.reader.get_destination_page_number(items[at])
    last = len(brief.reader.pages) - 1
    if at + 1 < len(items):
        last = brief.reader.get_destination_page_number(items[at + 1])
    pages = squash("".join(brief.reader.pages[n].extract_text() for n in range(first, last + 1)))
    start = pages.find(squash(title))
    end = pages.find(squash(names[at + 1]), start + 1) if at + 1 < len(items) else -1
    return pages[start:end] if end > 0 else pages[start:]


# --- the value staircase ---------------------------------------------------------------


def test_the_staircase_shows_each_step_its_price_and_the_premium(export: Callable[..., Brief]):
    """Haidilao's ladder: ¥10 of raw materials, ¥50 to cook at home, ¥80 served, ¥100 at
    Haidilao: guests pay ¥20 more for the experience than for the service."""
    value = Value("CNY", commodity=10, goods=50, service=80, experience=100)
    brief = export("value-hotpot", with_value(HOTPOT, value), language="en")
    theme = section_text(brief, "theme")
    assert squash("The progression of economic value") in theme
    for word in STEP_WORDS:
        assert word in theme
    for price in (10, 50, 80, 100):
        assert squash(format_money(price, "CNY", "en")) in theme  # CN¥10 … CN¥100
    assert squash("Guests pay CN¥20 more for the experience than for the service.") in theme
    assert "+CN¥20" in theme  # the premium marked on the chart
    assert "notpriced" not in theme  # every step has its price
    # The staircase is the theme's: the summary and the journey do not show it.
    assert squash("progression of economic value") not in section_text(brief, "summary")


def test_an_unpriced_step_is_said_so_and_the_premium_compares_the_highest_below(
    export: Callable[..., Brief],
) -> None:
    """No commodity price: that step says "not priced"; the goods (US$30) cost more than the
    service (US$20), so the premium is the experience's over the goods."""
    value = Value("USD", goods=30, service=20, experience=45)
    brief = export("value-unpriced", with_value(CAFE, value), language="en")
    theme = section_text(brief, "theme")
    assert "notpriced" in theme
    assert squash("A dashed step has no price in the design") in theme
    assert squash("Guests pay US$15 more for the experience than for the goods.") in theme


def test_no_premium_says_guests_are_not_paying_for_the_experience(
    export: Callable[..., Brief],
) -> None:
    value = Value("CNY", goods=50, service=100, experience=100)
    brief = export("value-flat", with_value(HOTPOT, value), language="en")
    theme = section_text(brief, "theme")
    assert squash("Guests pay no more for the experience than for the service") in theme
    assert squash("not paying for the experience yet") in theme
    assert "nopremium" in theme  # marked on the chart too


def test_an_unpriced_experience_names_no_premium(export: Callable[..., Brief]) -> None:
    value = Value("CNY", goods=50, service=80)
    brief = export("value-no-experience", with_value(HOTPOT, value), language="en")
    theme = section_text(brief, "theme")
    assert squash("The experience has no price yet") in theme
    assert "more for the experience" not in theme


def test_without_value_the_brief_has_no_staircase(export: Callable[..., Brief]) -> None:
    plain = export("value-none", with_value(CAFE, Value()))
    priced = export("value-cafe", with_value(CAFE, Value("USD", goods=12, experience=31)))
    for brief, shown in ((plain, False), (priced, True)):
        theme = section_text(brief, "theme")
        for words in ("The progression of economic value", "WHAT GUESTS PAY", "Guests pay"):
            assert (squash(words) in theme) is shown, words
        assert ("Commodity" in theme) is shown
    # Nothing else of the theme section changes: the same text up to the staircase.
    before = section_text(plain, "theme")
    after = section_text(priced, "theme")
    assert after.startswith(before.split("Experiencedesignbrief")[0])


# --- the elimination plan ----------------------------------------------------------------


def negative(cue_id: str, words: str, severity: str, **fields: object) -> Cue:
    cue = Cue(cue_id, words, "negative", ["sound"], [], [], severity=severity, status="open")
    for name, value in fields.items():
        setattr(cue, name, value)
    return cue


def plan_design() -> Design:
    """Negative cues whose order only the plan's tie-breaks decide, in a shuffled file order."""
    design = copy.deepcopy(CAFE)
    design.cues = [c for c in design.cues if not c.is_negative] + [
        negative("done", "Zulu cue already gone", "high", status="eliminated", impact=3, effort=1),
        negative("unrated-high", "Yankee cue unrated", "high"),
        negative(
            "costly", "Xray cue costly", "high", impact=3, effort=3, owner="R&D <kitchen> lead"
        ),
        negative("quick", "Whiskey cue quick", "high", impact=3, effort=1, owner="store manager"),
        negative("mild", "Victor cue mild", "high", impact=2, effort=1),
        negative("low-first", "Uniform cue low", "low", impact=3, effort=1),
        negative("medium-tie-a", "Tango cue tie", "medium", impact=2, effort=2),
        negative("medium-tie-b", "Sierra cue tie", "medium", impact=2, effort=2),
        negative("medium-effort", "Romeo cue effort only", "medium", effort=1),
    ]
    return design


# The plan by hand: high before medium before low; at one severity impact 3 first, then
# the lowest effort; unrated after rated; ties in file order; eliminated last.
EXPECTED = [
    "Whiskey cue quick",
    "Xray cue costly",
    "Victor cue mild",
    "Yankee cue unrated",
    "Tango cue tie",
    "Sierra cue tie",
    "Romeo cue effort only",
    "Uniform cue low",
    "Zulu cue already gone",
]


def plan_table(text: str) -> str:
    """The section's text from the plan table's head on."""
    return text[text.index(squash("In the order to remove them")) :]


def test_the_plan_table_follows_elimination_plan_on_ties(export: Callable[..., Brief]) -> None:
    design = plan_design()
    assert [c.text for c in elimination_plan(design)] == EXPECTED
    table = plan_table(section_text(export("plan", design), "elimination"))
    places = [table.find(squash(f"{n}{words}")) for n, words in enumerate(EXPECTED, start=1)]
    assert -1 not in places, table
    assert places == sorted(places)


def test_owners_and_ratings_are_printed_with_their_cue(export: Callable[..., Brief]) -> None:
    table = plan_table(section_text(export("plan", plan_design()), "elimination"))
    quick = table[table.index("Whiskeycuequick") : table.index("Xraycuecostly")]
    assert squash("Owner: store manager") in quick
    assert squash("Impact high · effort low") in quick
    assert squash("Owner: R&D <kitchen> lead") in table  # as typed, never as markup
    # A high-severity open cue nobody answers for (ELI004) says so in red; a medium one
    # without an owner is not flagged.
    unowned = table[table.index("Yankeecue") : table.index("Tangocue")]
    assert squash("No owner yet") in unowned
    assert squash("No owner yet") not in table[table.index("Tangocue") :]
    effort_only = table[table.index("Romeocue") : table.index("Uniformcue")]
    assert squash("Effort low") in effort_only and "Impact" not in effort_only


def test_the_priority_matrix_places_numbers_names_and_the_quick_wins(
    export: Callable[..., Brief],
) -> None:
    text = section_text(export("plan", plan_design()), "elimination")
    matrix = text[: text.index(squash("In the order to remove them"))]
    assert "Prioritymatrix" in matrix
    for label in ("QUICKWINS", "IMPACT", "EFFORT", "Low", "Medium", "High"):
        assert label in matrix
    # The quick wins are the open cues of high impact and low effort, by their plan number;
    # the eliminated one is not among them.
    assert squash("2 quick wins, high impact for low effort: 1 · Whiskey cue quick,") in matrix
    assert squash("8 · Uniform cue low") in matrix
    assert "Zulucue" not in matrix
    # Each rated open cue stands in a cell, its number before its name.
    for n, words in ((1, "Whiskey cue quick"), (2, "Xray cue costly"), (5, "Tango cue tie")):
        assert squash(f"{n}{words}") in matrix
    assert squash("2 open negative cues not rated yet (impact or effort missing):") in matrix
    assert squash("4 · Yankee cue unrated, 7 · Romeo cue effort only") in matrix


def test_without_ratings_the_plan_has_no_matrix_but_its_order_and_owners(
    export: Callable[..., Brief],
) -> None:
    design = plan_design()
    for cue in design.cues:
        cue.impact = cue.effort = None
    text = section_text(export("plan-unrated", design), "elimination")
    assert "Prioritymatrix" not in text and "QUICKWINS" not in text
    assert squash("Owner: store manager") in text
    assert squash("In the order to remove them") in text
    # Without ratings the order is severity, then the file's order; eliminated last.
    order = ["Yankee", "Xray", "Whiskey", "Victor", "Tango", "Sierra", "Romeo", "Uniform", "Zulu"]
    places = [text.find(f"{n}{name}cue") for n, name in enumerate(order, start=1)]
    assert -1 not in places and places == sorted(places)


def head_words(table: BriefTable, column: int) -> str:
    """The squashed words of a table's head cell (reportlab may hand a cell in a tuple)."""
    row = table._cellvalues[0]
    if len(row) <= column:  # a callout: one cell
        return ""
    cell = row[column]
    cell = cell[0] if isinstance(cell, list | tuple) else cell
    return squash(cell if isinstance(cell, str) else cell.getPlainText())


@pytest.mark.parametrize("lang", ["en", "pl", "zh"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_plan_table_fits_the_page_in_every_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paper: str, lang: str
) -> None:
    """The plan's columns (a number, the cue with its owner and rating, two badges, the
    remedy) add up to no more than the text's width, on A4 and Letter, in each language."""
    layout = layout_of(tmp_path, monkeypatch, plan_design(), paper=paper, language=lang)
    with language(lang):
        head = pgettext("table head", "Negative cue")
    frame = PAGE_SIZES[paper][0] - 2 * MARGIN_X
    plans = [
        item.flowable
        for item in layout.placed
        if isinstance(item.flowable, BriefTable) and squash(head) == head_words(item.flowable, 1)
    ]
    assert plans, "no plan table was laid out"
    for table in plans:
        assert sum(table._colWidths) <= frame + 0.01


# --- the brief's language ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_the_new_words_are_in_the_brief_language(export: Callable[..., Brief], lang: str) -> None:
    with language(lang):
        words = [value_step_word(step) for step in ("commodity", "goods", "service")]
        words += [level_word(3), pgettext("priority matrix", "Quick wins").upper()]
        heading = _("The progression of economic value")
    if heading == "The progression of economic value" or words[0] == "Commodity":
        pytest.skip(f"the {lang} catalog does not translate the brief's value words yet")
    value = Value("CNY", commodity=10, goods=50, service=80, experience=100)
    design = with_value(plan_design(), value)
    brief = export(f"plan-{lang}", design, language=lang)
    assert squash(heading) in section_text(brief, "theme", lang)
    text = brief.squashed
    for word in words:
        assert squash(word) in text, word
    for english in ("Commodity", "Guests pay", "QUICK WINS", "Owner:", "not priced"):
        assert squash(english) not in text, english


def test_souvenir_prices_stand_under_their_names(export: Callable[..., Brief]) -> None:
    """MEM004's two prices, where the client reads the memorabilia: the price, and the plain
    object's beside it; an unpriced souvenir has no price line."""
    brief = export("souvenir-prices", CAFE, language="en")
    memorabilia = section_text(brief, "memorabilia")
    frog = next(s for s in CAFE.souvenirs if s.id == "plush-frog")
    assert frog.price is not None and frog.plain_price is not None
    price = format_money(frog.price, CAFE.value.currency, "en")
    plain = format_money(frog.plain_price, CAFE.value.currency, "en")
    assert squash(f"Price: {price} (the plain object: {plain})") in memorabilia
    unpriced = [s for s in CAFE.souvenirs if s.price is None]
    assert unpriced  # the passport is a gift: no price line for it
    assert memorabilia.count(squash("Price:")) == len(CAFE.souvenirs) - len(unpriced)
