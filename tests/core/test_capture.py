"""A typed workshop line carries only what was typed: its words and the #motifs named."""

from __future__ import annotations

from cuecraft.core.capture import (
    LANE_PREFIXES,
    PHASE_PREFIXES,
    SENSE_PREFIXES,
    TypedAction,
    capture,
    capture_action,
    split_place,
    split_tags,
    zones_called,
)
from cuecraft.core.model import Zone

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
