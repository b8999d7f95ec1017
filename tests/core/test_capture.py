"""A typed workshop line carries only what was typed: its words and the #motifs named."""

from __future__ import annotations

from cuecraft.core.capture import PHASE_PREFIXES, SENSE_PREFIXES, capture, split_tags

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
