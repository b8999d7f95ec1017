"""Theme the experience (THM001–THM003) and harmonize impressions (HAR001–HAR003)."""

from __future__ import annotations

import pytest

# -- THM001: a positive cue or layer carries none of the theme's motifs -------------


def test_thm001_positive_cue_without_theme_motif(draft, summarize):
    draft["lanterns"]["motifs"] = ["paper"]
    found = draft.findings()
    assert summarize(found) == [("THM001", "warning", ("lanterns",))]
    assert "positive cue “lanterns”" in found[0].message


def test_thm001_layer_without_motifs(draft, summarize):
    draft["stream"]["motifs"] = []
    found = draft.findings()
    assert summarize(found) == [("THM001", "warning", ("stream",))]
    assert "layer “stream”" in found[0].message


def test_thm001_quiet_with_one_theme_motif_among_others(draft):
    draft["lanterns"]["motifs"] = ["paper", "forest"]
    assert draft.findings() == []


def test_thm001_negative_cue_needs_no_motif(draft):
    draft["traffic"]["motifs"] = ["street"]
    assert draft.findings() == []


def test_thm001_location_is_the_item(draft, where):
    draft["lanterns"]["motifs"] = []
    (f,) = draft.findings("THM001")
    assert (f.line, f.column) == where(draft.text, "id: lanterns")


# -- THM002: an item carries a motif the theme avoids ------------------------------


@pytest.mark.parametrize(("item", "kind"), [
    ("lanterns", "positive cue"),
    ("stream", "layer"),
    ("tea-tin", "souvenir"),
])  # fmt: skip
def test_thm002_item_carrying_an_avoided_motif(draft, summarize, item, kind):
    draft[item]["motifs"] = [*draft[item]["motifs"], "plastic"]
    found = draft.findings()
    assert summarize(found) == [("THM002", "error", (item,))]
    assert f"{kind} “{item}”" in found[0].message
    assert "“plastic”" in found[0].message


def test_thm002_quiet_without_the_avoided_motif(draft):
    draft["tea-tin"]["motifs"] = ["tea", "bamboo"]
    assert draft.findings() == []


def test_thm002_negative_cue_may_carry_an_avoided_motif(draft):
    draft["traffic"]["motifs"] = ["plastic"]
    assert draft.findings() == []


def test_thm002_and_thm001_together_when_only_avoided_motifs(draft, summarize):
    draft["steam"]["motifs"] = ["plastic"]
    assert summarize(draft.findings()) == [
        ("THM001", "warning", ("steam",)),
        ("THM002", "error", ("steam",)),
    ]


# -- THM003: the theme has no motifs ------------------------------------------------


def test_thm003_theme_without_motifs(draft, summarize, where):
    draft.theme["motifs"] = []
    found = draft.findings("THM003")
    assert summarize(found) == [("THM003", "warning", ())]
    assert (found[0].line, found[0].column) == where(draft.text, "name: Tea in the forest")


def test_thm003_quiet_with_one_motif(draft):
    draft.theme["motifs"] = ["tea"]
    draft["lanterns"]["motifs"] = ["tea"]
    draft["birdsong"]["motifs"] = ["tea"]
    draft["stream"]["motifs"] = ["tea"]
    assert draft.findings() == []


def test_thm001_is_replaced_by_one_thm003_when_the_theme_has_no_motifs(draft):
    # Documented in docs/rules.md: one THM003 instead of a THM001 for every cue and layer.
    draft.theme["motifs"] = []
    assert draft.findings("THM001") == []
    assert [f.code for f in draft.findings("THM003")] == ["THM003"]


# -- HAR001: two active cues in conflict share a place ------------------------------


def test_har001_conflicting_cues_share_a_zone(draft, summarize):
    draft["traffic"]["at"] = ["garden"]
    found = draft.findings()
    assert summarize(found) == [("HAR001", "error", ("birdsong", "traffic"))]
    assert "“birdsong”" in found[0].message and "“traffic”" in found[0].message
    assert "“garden”" in found[0].message


def test_har001_quiet_when_they_are_apart(draft):
    draft["traffic"]["at"] = ["pavilion"]
    assert draft.findings("HAR001") == []


def test_har001_conflict_written_on_the_other_side_only(draft, summarize):
    del draft["birdsong"]["conflicts"]
    draft["traffic"]["conflicts"] = ["birdsong"]
    draft["traffic"]["at"] = ["garden"]
    assert summarize(draft.findings()) == [("HAR001", "error", ("birdsong", "traffic"))]


def test_har001_conflict_written_on_both_sides_is_one_finding(draft, summarize):
    draft["traffic"]["conflicts"] = ["birdsong"]
    draft["traffic"]["at"] = ["garden"]
    assert summarize(draft.findings()) == [("HAR001", "error", ("birdsong", "traffic"))]


def test_har001_quiet_without_a_conflict(draft):
    del draft["birdsong"]["conflicts"]
    draft["traffic"]["at"] = ["garden"]
    assert draft.findings() == []


def test_har001_quiet_when_one_cue_is_eliminated(draft):
    draft["traffic"]["at"] = ["garden"]
    draft["traffic"]["status"] = "eliminated"
    assert draft.findings() == []


def test_har001_fires_when_one_cue_is_only_mitigating(draft, summarize):
    draft["traffic"]["at"] = ["garden"]
    draft["traffic"]["status"] = "mitigating"
    assert summarize(draft.findings()) == [("HAR001", "error", ("birdsong", "traffic"))]


def test_har001_between_two_positive_cues_at_one_touchpoint(draft, summarize):
    draft["letter"]["conflicts"] = ["steam"]
    draft["steam"]["at"] = ["pavilion", "invite"]
    found = draft.findings()
    assert summarize(found) == [("HAR001", "error", ("letter", "steam"))]
    assert "“invite”" in found[0].message


def test_har001_one_finding_per_pair(draft, summarize):
    draft["traffic"]["at"] = ["garden", "pavilion"]
    draft["traffic"]["conflicts"] = ["steam"]
    assert summarize(draft.findings("HAR001")) == [
        ("HAR001", "error", ("birdsong", "traffic")),
        ("HAR001", "error", ("steam", "traffic")),
    ]


def test_har001_location_is_that_of_its_first_id(draft, where):
    # 'lanterns' comes before 'host' in the file; 'host' comes first alphabetically.
    draft["lanterns"]["conflicts"] = ["host"]
    draft["host"]["at"] = ["shop"]
    (f,) = draft.findings("HAR001")
    assert (f.line, f.column) == where(draft.text, f"id: {f.ids[0]}")


# -- HAR002: a unique cue (a character) in two zones that see each other -------------


def test_har002_character_in_two_zones_that_see_each_other(draft, summarize):
    draft["host"]["at"] = ["pavilion", "garden"]
    found = draft.findings()
    assert summarize(found) == [("HAR002", "error", ("host", "garden", "pavilion"))]


def test_har002_message_names_both_zones(draft):
    draft["host"]["at"] = ["pavilion", "garden"]
    (f,) = draft.findings("HAR002")
    assert "“host”" in f.message
    assert "“garden”" in f.message and "“pavilion”" in f.message


def test_har002_quiet_when_the_zones_do_not_see_each_other(draft):
    draft["host"]["at"] = ["pavilion", "shop"]
    assert draft.findings() == []


def test_har002_quiet_when_the_cue_is_not_unique(draft):
    draft["host"]["at"] = ["pavilion", "garden"]
    draft["host"]["unique"] = False
    assert draft.findings() == []


def test_har002_sight_line_written_on_the_other_side_only(draft, summarize):
    del draft["garden"]["sees"]
    draft["pavilion"]["sees"] = ["garden"]
    draft["host"]["at"] = ["pavilion", "garden"]
    assert summarize(draft.findings()) == [("HAR002", "error", ("host", "garden", "pavilion"))]


def test_har002_quiet_without_any_sight_line(draft):
    del draft["garden"]["sees"]
    draft["host"]["at"] = ["pavilion", "garden"]
    assert draft.findings() == []


def test_har002_one_finding_per_zone_pair(draft, summarize):
    draft["shop"]["sees"] = ["garden", "pavilion"]
    draft["host"]["at"] = ["garden", "pavilion", "shop"]
    assert summarize(draft.findings("HAR002")) == [
        ("HAR002", "error", ("host", "garden", "pavilion")),
        ("HAR002", "error", ("host", "garden", "shop")),
        ("HAR002", "error", ("host", "pavilion", "shop")),
    ]


def test_har002_quiet_for_an_eliminated_negative_character(draft):
    draft["birdsong"]["conflicts"] = []
    draft["traffic"]["unique"] = True
    draft["traffic"]["at"] = ["garden", "pavilion"]
    draft["traffic"]["status"] = "eliminated"
    assert draft.findings() == []
    draft["traffic"]["status"] = "open"
    assert [f.code for f in draft.findings()] == ["HAR002"]


# -- HAR003: a touchpoint with no positive cue present ------------------------------


def test_har003_touchpoint_without_positive_cue(draft, summarize, where):
    draft["letter"]["at"] = ["shop"]  # the letter still engages touch, elsewhere
    found = draft.findings()
    assert summarize(found) == [
        ("HAR003", "warning", ("invite",)),
        ("SEN002", "warning", ("invite",)),
    ]
    assert (found[0].line, found[0].column) == where(draft.text, "id: invite")


def test_har003_negative_cue_does_not_count(draft, summarize):
    draft["letter"]["at"] = ["shop"]
    draft["traffic"]["at"] = ["shop", "invite"]
    assert summarize(draft.findings("HAR003")) == [("HAR003", "warning", ("invite",))]


def test_har003_quiet_with_a_positive_cue_at_the_touchpoint(draft):
    draft["lanterns"]["at"] = ["garden", "shop", "invite"]
    draft["letter"]["at"] = ["shop"]
    assert draft.findings() == []
