"""Value and priorities (SPEC §2.3): the format's prices, owners, effort and impact, the rules
VAL001, MEM004 and ELI004, the scorecard's reading of them, and the elimination plan's order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cuecraft.core.check import check
from cuecraft.core.conflicts import recorded_conflicts, resolve
from cuecraft.core.diff import diff_designs
from cuecraft.core.edits import EditError, SetField
from cuecraft.core.fileformat import DesignLoadError, load_design, parse_design
from cuecraft.core.i18n import format_money
from cuecraft.core.merge import merge_designs
from cuecraft.core.model import Cue, Design, Theme
from cuecraft.core.plan import elimination_plan, has_owner, is_quick_win, open_plan, rated
from cuecraft.core.writer import dump_design, saved_text

DESIGNS = Path(__file__).resolve().parents[2] / "designs"

# -- the format ------------------------------------------------------------------------

PRICED = """\
cuecraft: 1
title: Hotpot
theme: {name: Hotpot}
value:   # per guest
  currency: CNY
  goods: 50        # to cook at home
  experience: 100
cues:
  - id: queue
    text: Two-hour queue
    polarity: negative
    severity: high
    owner: store manager
    effort: 2
    impact: 3
souvenirs:
  - id: card
    name: Recipe card
    price: 9.5
    plain_price: 0
"""


def test_prices_owners_effort_and_impact_load_and_save_byte_for_byte():
    design = parse_design(PRICED)
    assert design.value.currency == "CNY"
    assert (design.value.goods, design.value.experience) == (50, 100)
    assert design.value.service is None and design.value.commodity is None
    assert design.value.prices() == {"goods": 50, "experience": 100}
    (cue,) = design.cues
    assert (cue.owner, cue.effort, cue.impact) == ("store manager", 2, 3)
    (card,) = design.souvenirs
    assert (card.price, card.plain_price) == (9.5, 0)
    saved = dump_design(design)
    assert "value:   # per guest\n" in saved and "  goods: 50        # to cook at home\n" in saved
    assert parse_design(saved) == design
    assert dump_design(parse_design(saved)) == saved


def test_a_design_without_value_saves_without_the_key():
    design = parse_design("cuecraft: 1\ntitle: T\ntheme: {name: N}\n")
    assert not design.value
    assert "value" not in dump_design(design)


@pytest.mark.parametrize(
    ("fragment", "line", "column", "words"),
    [
        ("value: {goods: -5}\n", 4, 16, "below 0"),
        ("value: {goods: 1e3}\n", 4, 16, "number of 0 or more"),
        ("value: {goods: cheap}\n", 4, 16, "number of 0 or more"),
        ("value: {goods: [1]}\n", 4, 16, "number of 0 or more"),
        ("value: {godos: 5}\n", 4, 9, "“goods”"),
        ("value: [5]\n", 4, 8, "mapping"),
        ("cues: [{id: c, polarity: negative, effort: 4}]\n", 4, 44, "from 1 to 3"),
        ("cues: [{id: c, polarity: negative, impact: 0}]\n", 4, 44, "from 1 to 3"),
        ("souvenirs: [{id: s, price: -1}]\n", 4, 28, "below 0"),
        ("souvenirs: [{id: s, plain_price: free}]\n", 4, 34, "number of 0 or more"),
    ],
)
def test_a_wrong_value_is_refused_with_its_location(fragment, line, column, words):
    with pytest.raises(DesignLoadError) as caught:
        parse_design("cuecraft: 1\ntitle: T\ntheme: {name: N}\n" + fragment)
    problem = caught.value.problems[0]
    assert (problem.line, problem.column) == (line, column)
    assert words in problem.message


def test_edits_refuse_what_the_loader_refuses_and_saved_prices_load_again():
    design = parse_design(PRICED)
    for edit in (
        SetField("value", "goods", -1),
        SetField("value", "goods", float("nan")),
        SetField("value", "goods", True),
        SetField("queue", "impact", 4),
        SetField("card", "price", "9"),
    ):
        with pytest.raises(EditError):
            edit.apply(design)
    for price in (0.00001, 12.25, 10**12, 7.0):
        SetField("card", "price", price).apply(design)
        assert parse_design(dump_design(design)).souvenirs[0].price == price
    SetField("value", "service", 80).apply(design)
    assert "  service: 80\n" in dump_design(design)


# -- VAL001: no premium for the experience ---------------------------------------------


def _value(**prices: float) -> list[str]:
    lines = ["cuecraft: 1", "title: T", "theme: {name: N}", "value:", "  currency: CNY"]
    lines += [f"  {step}: {price}" for step, price in prices.items()]
    return [f.code for f in check(parse_design("\n".join(lines) + "\n")).findings]


def test_val001_fires_when_the_experience_is_not_above_the_steps_below():
    assert "VAL001" in _value(goods=50, service=100, experience=100)
    assert "VAL001" in _value(commodity=120, experience=100)


def test_val001_says_what_is_wrong_where_and_is_not_scored():
    text = "cuecraft: 1\ntitle: T\ntheme: {name: N}\nvalue:\n  service: 80\n  experience: 70\n"
    result = check(parse_design(text))
    (found,) = [f for f in result.findings if f.code == "VAL001"]
    assert (found.severity, found.line, found.column) == ("warning", 6, 15)  # at the price
    assert "70" in found.message and "80" in found.message
    quiet = check(parse_design(text.replace("70", "90")))
    assert "VAL001" not in [f.code for f in quiet.findings]
    assert quiet.scorecard == result.scorecard


def test_val001_quiet_with_a_premium_or_nothing_to_compare():
    assert "VAL001" not in _value(goods=50, service=80, experience=100)
    assert "VAL001" not in _value(experience=100)  # nothing below it priced
    assert "VAL001" not in _value(goods=50, service=80)  # the experience is not priced


# -- MEM004: guests not paying for the memory --------------------------------------------


def test_mem004_fires_when_the_price_is_not_above_the_plain_price(draft, summarize):
    draft["tea-tin"]["price"] = 12
    draft["tea-tin"]["plain_price"] = 12
    assert summarize(draft.findings("MEM004")) == [("MEM004", "warning", ("tea-tin",))]
    draft["tea-tin"]["price"] = 8
    assert len(draft.findings("MEM004")) == 1


def test_mem004_quiet_with_a_premium_or_a_price_missing(draft):
    draft["tea-tin"]["price"] = 24
    draft["tea-tin"]["plain_price"] = 9
    assert draft.findings() == []
    del draft["tea-tin"]["plain_price"]
    draft["tea-tin"]["price"] = 0
    assert draft.findings() == []


def test_mem004_lowers_the_memorabilia_score_like_mem002(draft):
    before = draft.check().scorecard.scores["memorabilia"]
    draft["tea-tin"]["price"] = draft["tea-tin"]["plain_price"] = 5
    assert draft.check().scorecard.scores["memorabilia"] < before


# -- ELI004: a serious negative cue without owner ----------------------------------------


def test_eli004_fires_for_a_high_severity_cue_without_owner(draft, summarize):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = []  # off the journey: no ELI002, only what ELI004 says
    del draft["traffic"]["owner"]
    found = [f for f in draft.findings() if f.code == "ELI004"]
    assert summarize(found) == [("ELI004", "warning", ("traffic",))]
    draft["traffic"]["owner"] = "  "
    assert len(draft.findings("ELI004")) == 1


def test_eli004_quiet_with_an_owner_below_high_or_once_eliminated(draft):
    draft["traffic"]["severity"] = "high"
    assert draft.findings("ELI004") == []
    del draft["traffic"]["owner"]
    draft["traffic"]["severity"] = "medium"
    assert draft.findings("ELI004") == []
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["status"] = "eliminated"
    assert draft.findings("ELI004") == []


def test_eli004_costs_the_eliminate_score(draft):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = []
    owned = draft.check().scorecard.scores["eliminate"]
    del draft["traffic"]["owner"]
    assert draft.check().scorecard.scores["eliminate"] == owned - 5


# -- the elimination plan ----------------------------------------------------------------


def _cue(cue_id: str, severity: str, impact: int | None, effort: int | None, **more) -> Cue:
    return Cue(
        cue_id,
        polarity="negative",
        severity=severity,
        impact=impact,
        effort=effort,
        **more,
    )


def test_the_plan_orders_by_severity_then_impact_then_lowest_effort_ties_in_file_order():
    design = Design(
        title="T",
        theme=Theme(name="N"),
        cues=[
            _cue("low-cheap", "low", 3, 1),
            _cue("high-unrated", "high", None, None),
            _cue("high-3-hard", "high", 3, 3),
            _cue("high-3-easy", "high", 3, 1),
            _cue("high-3-easy-too", "high", 3, 1),
            _cue("high-1-easy", "high", 1, 1),
            _cue("high-3-unknown-effort", "high", 3, None),
            _cue("done", "high", 3, 1, status="eliminated"),
            Cue("nice", text="A positive cue"),
            _cue("medium-default", "medium", 2, 2),
            Cue("unset", polarity="negative"),  # severity medium by default, unrated
        ],
    )
    assert [c.id for c in elimination_plan(design)] == [
        "high-3-easy",
        "high-3-easy-too",
        "high-3-hard",
        "high-3-unknown-effort",
        "high-1-easy",
        "high-unrated",
        "medium-default",
        "unset",
        "low-cheap",
        "done",
    ]
    assert "done" not in [c.id for c in open_plan(design)]
    assert [rated(c) for c in design.cues[:2]] == [True, False]


def test_the_examples_carry_values_owners_and_ratings():
    haidilao = load_design(DESIGNS / "haidilao-hotpot.yaml")
    assert (haidilao.value.goods, haidilao.value.experience) == (50, 100)
    rainforest = load_design(DESIGNS / "rainforest-cafe.yaml")
    priced = [s for s in rainforest.souvenirs if s.price is not None]
    assert priced and all(s.plain_price is not None for s in priced)
    for path in sorted(DESIGNS.glob("*.yaml")):
        if path.name.endswith(".feedback.yaml"):
            continue
        design = load_design(path)
        for cue in design.cues:
            if cue.is_negative:
                assert cue.owner and rated(cue), (path.name, cue.id)
        codes = {f.code for f in check(design).findings}
        assert not codes & {"VAL001", "MEM004", "ELI004"}, path.name


def test_quick_wins_are_open_cues_of_high_impact_for_low_effort():
    assert is_quick_win(_cue("a", "low", 3, 1))
    assert not is_quick_win(_cue("b", "high", 3, 2))
    assert not is_quick_win(_cue("c", "high", 2, 1))
    assert not is_quick_win(_cue("d", "high", 3, 1, status="eliminated"))


def test_has_owner_means_a_non_blank_owner():
    assert has_owner(_cue("a", "high", 1, 1, owner="kitchen"))
    assert not has_owner(_cue("b", "high", 1, 1, owner="   "))
    assert not has_owner(_cue("c", "high", 1, 1))


# -- prices through merge, diff, empty values and on screen ------------------------------


def test_both_sides_changing_a_price_record_it_and_take_theirs_puts_it_back_exactly():
    base = parse_design(PRICED)
    for theirs_price in (0.0000001, 12.25, 999999999999.5):
        ours, theirs = parse_design(PRICED), parse_design(PRICED)
        ours.value.goods, theirs.value.goods = 9.5, theirs_price
        merged = parse_design(saved_text(merge_designs(base, ours, theirs).design))
        (entry,) = recorded_conflicts(merged)
        assert (entry.id, entry.field) == ("", "value.goods")
        assert merged.value.goods == 9.5
        assert not re.search(r"\de-\d", saved_text(merged))  # never an exponent (1e-07)
        resolve(merged, entry, take_theirs=True).apply(merged)
        assert merged.value.goods == theirs_price
        assert parse_design(saved_text(merged)).value.goods == theirs_price


def test_a_price_change_is_a_diff_and_comments_in_value_are_not():
    old = parse_design(PRICED)
    new = parse_design(PRICED.replace("goods: 50        # to cook at home", "goods: 50"))
    assert diff_designs(old, new).same
    new.value.goods = 9.5
    (change,) = diff_designs(old, new).design
    assert (change.field, change.old, change.new) == ("value.goods", 50, 9.5)


def test_an_emptied_value_keeps_its_comments_and_saves_to_itself():
    design = parse_design(PRICED)
    for name in ("currency", "goods", "experience"):
        SetField("value", name, None).apply(design)
    saved = dump_design(design)
    assert "# to cook at home" in saved and "# per guest" in saved
    assert dump_design(parse_design(saved)) == saved


def test_prices_show_every_decimal_they_hold_and_zero_is_never_negative():
    for lang in ("en", "pl", "zh"):
        assert "001" in format_money(10.001, "CNY", lang)  # never rounded to 10.00
        assert "0000001" in format_money(0.0000001, "PLN", lang)
        assert "-" not in format_money(-0.0, "CNY", lang)
        whole = format_money(50, "CNY", lang)
        assert "50" in whole and not any(mark in whole for mark in ".,")
    assert (
        parse_design("cuecraft: 1\ntitle: T\ntheme: {name: N}\nvalue: {goods: -0.0}\n").value.goods
        == 0
    )
