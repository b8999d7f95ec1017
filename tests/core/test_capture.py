"""A typed workshop line carries only what was typed: its words and the #motifs named."""

from __future__ import annotations

import pytest

from cuecraft.core.capture import (
    LANE_PREFIXES,
    PHASE_PREFIXES,
    SENSE_PREFIXES,
    TypedAction,
    TypedPersona,
    capture,
    capture_action,
    capture_persona,
    items_called,
    latin_slug,
    split_place,
    split_tags,
    zones_called,
)
from cuecraft.core.model import Touchpoint, Zone

THEME = ["rainforest", "thunderstorm", "rain forest canopy", "dzika przyroda"]


def test_no_tag_means_no_motif():
    assert capture("Thunder every 20 minutes", THEME).motifs == ()


def test_tags_name_theme_motifs_in_the_theme_spelling():
    typed = capture("Thunder every 20 minutes #Thunderstorm #rain-forest_canopy", THEME)
    assert typed.text == "Thunder every 20 minutes"
    assert typed.motifs == ("thunderstorm", "rain forest canopy")


def test_unknown_tags_are_kept_as_typed_and_not_repeated():
    assert split_tags("Mgła #mgła #dzika-przyroda #mgła", THEME) == (
        "Mgła",
        ("mgła", "dzika przyroda"),
    )


def test_a_hash_that_is_not_a_tag_stays_text():
    assert split_tags("Table #5 by the C#-minor piano", THEME) == (
        "Table #5 by the C#-minor piano",
        (),
    )


def test_chinese_tags_and_text():
    assert split_tags("雨声背景音 #雨林", ["雨林"]) == ("雨声背景音", ("雨林",))


def test_prefixes_for_senses_and_phases():
    typed = capture("smell: fresh bread #bakery", THEME, SENSE_PREFIXES)
    assert (typed.prefix, typed.text, typed.motifs) == ("smell", "fresh bread", ("bakery",))
    assert capture("after: postcard", THEME, PHASE_PREFIXES).prefix == "after"
    assert capture("note: postcard", THEME, PHASE_PREFIXES) == capture("note: postcard", THEME)
    assert capture("smell:", THEME, SENSE_PREFIXES).text == "smell:"


def test_only_tags_leaves_no_text():
    assert capture("#rainforest", THEME).text == ""


# -- the blueprint step: a typed action, its lane and where it happens -----------------------


def test_an_action_without_a_lane_word_is_frontstage_and_keeps_its_colon():
    assert capture_action("greet in character") == TypedAction("greet in character")
    assert capture_action("note: greet them") == TypedAction("note: greet them", "frontstage")


def test_lane_words_in_english_pick_the_lane():
    assert capture_action("front: greet in character").lane == "frontstage"
    assert capture_action("Frontstage : greet").lane == "frontstage"
    assert capture_action("back: restock napkins") == TypedAction("restock napkins", "backstage")
    assert capture_action("BACKSTAGE: restock").lane == "backstage"
    typed = capture_action("support: queue app sends the table-ready text")
    assert typed == TypedAction("queue app sends the table-ready text", "support")


def test_a_lane_word_alone_leaves_no_text():
    assert capture_action("back:") == TypedAction("", "backstage")


def test_lane_words_of_a_language_and_both_colons():
    polish = {"przód": "frontstage", "sala": "frontstage", "zaplecze": "backstage"}
    assert capture_action("zaplecze: uzupełnić serwetki", polish).lane == "backstage"
    assert capture_action("Przód: powitanie", polish) == TypedAction("powitanie", "frontstage")
    chinese = {"前台": "frontstage", "后台": "backstage", "支持": "support"}
    assert capture_action("后台：补充餐巾", chinese) == TypedAction("补充餐巾", "backstage")
    assert capture_action("支持:排队系统发短信", chinese).lane == "support"
    assert capture_action("back: restock", chinese).lane == "backstage"  # English always counts
    assert capture_action("提示：雨声", chinese) == TypedAction("提示：雨声")
    # a translation may only name a lane
    assert capture_action("sala: x", {"sala": "kitchen"}) == TypedAction("sala: x")


def test_the_place_after_an_at_sign():
    typed = capture_action("back: restock napkins @ dining hall")
    assert typed == TypedAction("restock napkins", "backstage", "dining hall")
    assert capture_action("greet @podium").place == "podium"
    assert split_place("mail a@b.pl the menu") == ("mail a@b.pl the menu", None)
    assert split_place("meet @ bar   @  upper  deck ") == ("meet @ bar", "upper deck")
    assert split_place("restock @") == ("restock", "")
    assert split_place("@ kitchen") == ("", "kitchen")
    # Chinese is typed without spaces, and its input gives the full-width ＠ too.
    assert split_place("补充餐巾@厨房") == ("补充餐巾", "厨房")
    assert split_place("补充餐巾 ＠ 后厨") == ("补充餐巾", "后厨")
    assert split_place("发邮件给a@b.cn") == ("发邮件给a@b.cn", None)
    assert LANE_PREFIXES["back"] == "backstage"


ZONES = [
    Zone("dining-hall", "Canopy dining hall"),
    Zone("podium", "Safari check-in podium"),
    Zone("bar", "Volcano bar"),
    Zone("bar-2", "Volcano bar"),
    Zone("kitchen"),
]


def test_a_zone_by_its_id_or_its_name_ignoring_case():
    assert zones_called(ZONES, "dining-hall") == ["dining-hall"]
    assert zones_called(ZONES, "Dining Hall") == ["dining-hall"]
    assert zones_called(ZONES, "safari CHECK-IN   podium") == ["podium"]
    assert zones_called(ZONES, "KITCHEN") == ["kitchen"]
    assert zones_called(ZONES, "volcano bar") == ["bar", "bar-2"]  # the room must choose
    assert zones_called(ZONES, "bar") == ["bar"]  # an id first
    assert zones_called(ZONES, "cellar") == []
    assert zones_called(ZONES, "") == []


# -- the personas step: who, what share of guests, what they skip ---------------------------


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "Family with toddlers skips bar-wait, shop",
            TypedPersona("Family with toddlers", None, ("bar-wait", "shop")),
        ),
        ("Family: skips bar-wait", TypedPersona("Family", None, ("bar-wait",))),
        ("Family skips: bar-wait; outpost.", TypedPersona("Family", None, ("bar-wait", "outpost"))),
        ("Couples skip the shop", TypedPersona("Couples", None, ("the shop",))),
        ("FAMILY SKIPS Bar Wait", TypedPersona("FAMILY", None, ("Bar Wait",))),
        # a skip word inside a word is part of the name
        ("Skip-the-line VIPs skip bar", TypedPersona("Skip-the-line VIPs", None, ("bar",))),
        ("Skippers", TypedPersona("Skippers")),
        ("Rodzina z dziećmi pomija bar", TypedPersona("Rodzina z dziećmi", None, ("bar",))),
        ("Rodzice POMIJAJĄ sklep, bar", TypedPersona("Rodzice", None, ("sklep", "bar"))),
        ("Para omija: sklep", TypedPersona("Para", None, ("sklep",))),
        ("带孩子的家庭 跳过 酒吧、商店", TypedPersona("带孩子的家庭", None, ("酒吧", "商店"))),
        # Chinese is typed without spaces, with full-width commas and a full stop
        ("带孩子的家庭跳过酒吧，商店。", TypedPersona("带孩子的家庭", None, ("酒吧", "商店"))),
    ],
)
def test_a_persona_and_what_they_skip_in_three_languages(typed, read):
    assert capture_persona(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("Family 40% skips bar", TypedPersona("Family", 40, ("bar",))),
        ("Family (40%) skips bar", TypedPersona("Family", 40, ("bar",))),
        ("Family, 40 %, skips bar", TypedPersona("Family", 40, ("bar",))),
        ("Family skips bar 40%", TypedPersona("Family", 40, ("bar",))),
        ("Rodzina z dziećmi (55 %) pomija bar", TypedPersona("Rodzina z dziećmi", 55, ("bar",))),
        (
            "一个人吃火锅的上班族（15％）跳过 儿童乐园",
            TypedPersona("一个人吃火锅的上班族", 15, ("儿童乐园",)),
        ),
        ("独自用餐 ４０％", TypedPersona("独自用餐", 40)),
        ("Everyone 100%", TypedPersona("Everyone", 100)),
        ("Too many 140%", TypedPersona("Too many", 140)),  # the edit refuses it, saying why
    ],
)
def test_a_share_of_guests_anywhere_in_the_line(typed, read):
    assert capture_persona(typed) == read


def test_a_line_with_only_a_name_or_without_one():
    assert capture_persona("  Business   travellers ") == TypedPersona("Business travellers")
    assert capture_persona("生日聚会的一桌朋友") == TypedPersona("生日聚会的一桌朋友")
    assert capture_persona("Family skips") == TypedPersona("Family")
    assert capture_persona("skips bar-wait").name == ""
    assert capture_persona("跳过酒吧").name == ""
    assert capture_persona("40%") == TypedPersona("", 40)


def test_more_skip_words_can_be_given():
    assert capture_persona("Familie überspringt Bar", ["überspringt"]).skips == ("Bar",)
    assert capture_persona("Familie überspringt Bar", ["skips"]).skips == ()


TOUCHPOINTS = [
    Touchpoint("bar-wait", "Wait at the volcano bar"),
    Touchpoint("explore-shop", "Explore the retail village"),
    Touchpoint("kids-play", "孩子去儿童乐园"),
    Touchpoint("photo", "Photo at the arch"),
    Touchpoint("photo-2", "Photo at the arch"),
]


def test_a_skipped_touchpoint_by_its_id_or_name_as_zones_are_found():
    assert items_called(TOUCHPOINTS, "bar-wait") == ["bar-wait"]
    assert items_called(TOUCHPOINTS, "Bar Wait") == ["bar-wait"]
    assert items_called(TOUCHPOINTS, "bar_WAIT") == ["bar-wait"]
    assert items_called(TOUCHPOINTS, "wait at the  VOLCANO bar") == ["bar-wait"]
    assert items_called(TOUCHPOINTS, "孩子去儿童乐园") == ["kids-play"]
    assert items_called(TOUCHPOINTS, "photo at the arch") == ["photo", "photo-2"]
    assert items_called(TOUCHPOINTS, "shop") == []  # no guessing: a word is an id or a name
    assert zones_called is items_called


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Family with toddlers", "family-with-toddlers"),
        ("Rodzina z dziećmi", "rodzina-z-dziecmi"),
        ("Łódzcy studenci", "lodzcy-studenci"),
        ("Business travellers who come late at night", "business-travellers-who-come"),
        ("Couple (date night!)", "couple-date-night"),
        ("带孩子的家庭", ""),  # no Latin slug stands for it
        ("VIP 家庭", ""),
        ("!!!", ""),
    ],
)
def test_an_id_from_a_latin_name(name, slug):
    assert latin_slug(name) == slug
