"""Eliminate negative cues (ELI001–ELI003) and mix in memorabilia (MEM001–MEM003)."""

from __future__ import annotations

import threading

import pytest

# -- ELI001: an active negative cue without remedy ---------------------------------


def test_eli001_negative_cue_without_remedy(draft, summarize, where):
    del draft["traffic"]["remedy"]
    found = draft.findings()
    assert summarize(found) == [("ELI001", "warning", ("traffic",))]
    assert (found[0].line, found[0].column) == where(draft.text, "id: traffic")


def test_eli001_blank_remedy_counts_as_none(draft, summarize):
    draft["traffic"]["remedy"] = "   "
    assert summarize(draft.findings()) == [("ELI001", "warning", ("traffic",))]


def test_eli001_quiet_with_a_remedy(draft):
    draft["traffic"]["remedy"] = "Move the entrance"
    assert draft.findings() == []


def test_eli001_quiet_once_eliminated(draft):
    del draft["traffic"]["remedy"]
    draft["traffic"]["status"] = "eliminated"
    assert draft.findings() == []


# -- ELI002: "6 − 1 = 0" ------------------------------------------------------------


def test_eli002_high_severity_negative_cue_on_the_journey(draft, summarize):
    draft["traffic"]["severity"] = "high"
    found = draft.findings()
    assert summarize(found) == [("ELI002", "error", ("traffic",))]


def test_eli002_message_names_the_touchpoints_and_a_path(draft):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["garden", "shop"]
    draft["birdsong"]["conflicts"] = []
    (f,) = draft.findings("ELI002")
    assert "6 − 1 = 0" in f.message
    assert "“traffic”" in f.message
    assert "“arrive” and “farewell”" in f.message
    assert "invite → arrive → tasting → farewell" in f.message


def test_eli002_location_is_the_cue(draft, where):
    draft["traffic"]["severity"] = "high"
    (f,) = draft.findings("ELI002")
    assert (f.line, f.column) == where(draft.text, "id: traffic")


@pytest.mark.parametrize("severity", ["low", "medium"])
def test_eli002_quiet_below_high_severity(draft, severity):
    draft["traffic"]["severity"] = severity
    assert draft.findings() == []


def test_eli002_quiet_with_default_severity(draft):
    del draft["traffic"]["severity"]  # medium by default
    assert draft.findings() == []


def test_eli002_fires_with_default_status(draft, summarize):
    draft["traffic"]["severity"] = "high"
    del draft["traffic"]["status"]  # open by default
    assert summarize(draft.findings()) == [("ELI002", "error", ("traffic",))]


def test_eli002_fires_while_mitigating(draft, summarize):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["status"] = "mitigating"
    assert summarize(draft.findings()) == [("ELI002", "error", ("traffic",))]


def test_eliminated_high_severity_cue_never_fires_eli(draft):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["status"] = "eliminated"
    assert draft.findings() == []
    del draft["traffic"]["remedy"]  # would be ELI001
    assert draft.findings() == []
    draft["traffic"]["at"] = []  # would be ELI003
    assert draft.findings() == []


def test_eli002_quiet_at_a_zone_without_touchpoints(draft):
    draft.add("zones", id="street", name="The street outside")
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["street"]
    assert draft.findings() == []


def test_eli002_quiet_off_the_journey(draft, summarize):
    # 'backdoor' cannot be reached from the entry: no journey path passes it.
    draft.add("touchpoints", id="backdoor", phase="during", zone="pavilion", next=["farewell"])
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["backdoor"]
    assert summarize(draft.findings()) == [("JRN002", "warning", ("backdoor",))]


def test_eli002_quiet_where_no_end_can_be_reached(draft):
    # A loop after the tasting that never leads to an end is not on an entry-to-end path.
    draft["tasting"]["next"] = ["farewell", "loop-a"]
    draft.add("touchpoints", id="loop-a", phase="during", zone="pavilion", next=["loop-b"])
    draft.add("touchpoints", id="loop-b", phase="during", zone="pavilion", next=["loop-a"])
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["loop-b"]
    assert "ELI002" not in draft.codes()


def _run_with_time_limit(function, seconds=10.0):
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("value", function()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the check did not finish: a cycle makes it hang"
    return box["value"]


def test_eli002_on_a_cycle_does_not_hang_and_names_a_path(draft, summarize):
    # tasting ⇄ stroll is a cycle inside the 'during' phase (not a return edge).
    draft["tasting"]["next"] = ["stroll", "farewell"]
    draft.add("touchpoints", id="stroll", phase="during", zone="garden", next=["tasting"])
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["stroll"]
    draft["birdsong"]["conflicts"] = []
    found = _run_with_time_limit(draft.findings)
    assert summarize(found) == [("ELI002", "error", ("traffic",))]
    assert "“stroll”" in found[0].message
    assert "invite → arrive → tasting → stroll → tasting → farewell" in found[0].message


def test_cycle_unreachable_from_entries_gives_jrn002_without_hanging(draft, summarize):
    draft.add("touchpoints", id="loop-a", phase="during", zone="pavilion", next=["loop-b"])
    draft.add("touchpoints", id="loop-b", phase="during", zone="pavilion", next=["loop-a"])
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["loop-a"]
    found = _run_with_time_limit(draft.findings)
    assert summarize(found) == [
        ("JRN002", "warning", ("loop-a",)),
        ("JRN002", "warning", ("loop-b",)),
    ]


def test_eli002_names_a_simple_path_when_there_is_one(draft):
    # invite → arrive → stroll is the shortest way in, stroll → arrive → … the shortest way
    # out; invite → gate → gate2 → stroll → arrive → tasting → farewell repeats nothing.
    draft["invite"]["next"] = ["arrive", "gate"]
    draft.add("touchpoints", id="gate", phase="before", zone="garden", next=["gate2"])
    draft.add("touchpoints", id="gate2", phase="before", zone="garden", next=["stroll"])
    draft.add("touchpoints", id="stroll", phase="during", zone="garden", next=["arrive"])
    draft["arrive"]["next"] = ["tasting", "stroll"]
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["stroll"]
    draft["birdsong"]["conflicts"] = []
    (f,) = draft.findings("ELI002")
    path = f.message.split("(")[1].split(")")[0].split(" → ")
    assert "stroll" in path
    assert len(path) == len(set(path)), f"the path repeats a touchpoint: {path}"


def test_eli002_one_finding_per_cue(draft, summarize):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["invite", "pavilion", "shop"]
    draft.add(
        "cues",
        id="queue",
        text="A long queue",
        polarity="negative",
        senses=["sight"],
        at=["tasting"],
        severity="high",
        remedy="Book time slots",
    )
    assert summarize(draft.findings("ELI002")) == [
        ("ELI002", "error", ("traffic",)),
        ("ELI002", "error", ("queue",)),
    ]


# -- ELI003: an active negative cue placed nowhere ----------------------------------


def test_eli003_negative_cue_placed_nowhere(draft, summarize):
    draft["traffic"]["at"] = []
    assert summarize(draft.findings()) == [("ELI003", "warning", ("traffic",))]


def test_eli003_without_at_key(draft, summarize):
    del draft["traffic"]["at"]
    draft["traffic"]["severity"] = "high"  # nowhere, so not on the journey either
    assert summarize(draft.findings()) == [("ELI003", "warning", ("traffic",))]


def test_eli003_quiet_when_placed(draft):
    draft["traffic"]["at"] = ["pavilion"]
    assert draft.findings() == []


def test_eli003_placed_only_at_a_broken_reference(draft, summarize):
    draft["traffic"]["at"] = ["shpo"]
    assert summarize(draft.findings()) == [
        ("REF001", "error", ("traffic", "shpo")),
        ("ELI003", "warning", ("traffic",)),
    ]


def test_eli_positive_cue_is_never_checked_as_negative(draft):
    draft["steam"]["severity"] = "high"
    assert "ELI002" not in draft.codes()


# -- MEM001: no souvenir ------------------------------------------------------------


def test_mem001_no_souvenir(draft, summarize):
    draft.data["souvenirs"] = []
    assert summarize(draft.findings()) == [("MEM001", "warning", ())]


def test_mem001_no_souvenirs_key(draft, summarize):
    del draft.data["souvenirs"]
    assert summarize(draft.findings()) == [("MEM001", "warning", ())]


def test_mem001_quiet_with_one_souvenir(draft):
    assert draft.findings("MEM001") == []


# -- MEM002: a souvenir without theme motif, or evoking no cue -----------------------


def test_mem002_souvenir_without_theme_motif(draft, summarize):
    draft["tea-tin"]["motifs"] = ["metal"]
    found = draft.findings()
    assert summarize(found) == [("MEM002", "warning", ("tea-tin",))]
    assert "none of the theme’s motifs" in found[0].message


def test_mem002_souvenir_evoking_no_cue(draft, summarize):
    draft["tea-tin"]["evokes"] = []
    found = draft.findings()
    assert summarize(found) == [("MEM002", "warning", ("tea-tin",))]
    assert "evokes no cue" in found[0].message


def test_mem002_both_reasons_in_one_finding(draft, summarize):
    draft["tea-tin"]["motifs"] = []
    draft["tea-tin"]["evokes"] = []
    found = draft.findings()
    assert summarize(found) == [("MEM002", "warning", ("tea-tin",))]
    assert "none of the theme’s motifs" in found[0].message
    assert "evokes no cue" in found[0].message


def test_mem002_evoking_only_a_missing_cue(draft, summarize):
    draft["tea-tin"]["evokes"] = ["stem"]
    assert summarize(draft.findings()) == [
        ("REF001", "error", ("tea-tin", "stem")),
        ("MEM002", "warning", ("tea-tin",)),
    ]


def test_mem002_quiet_with_motif_and_evoked_cue(draft):
    draft["tea-tin"]["motifs"] = ["metal", "forest"]
    draft["tea-tin"]["evokes"] = ["birdsong"]
    assert draft.findings() == []


def test_mem002_leaves_missing_motifs_to_thm003_when_the_theme_has_none(draft):
    # Documented in docs/rules.md: with no theme motifs, THM003 says it once instead of
    # every souvenir repeating it; a souvenir that evokes nothing still fires.
    draft.theme["motifs"] = []
    assert draft.findings("MEM002") == []
    assert [f.code for f in draft.findings("THM003")] == ["THM003"]
    draft["tea-tin"]["evokes"] = []
    assert [f.ids for f in draft.findings("MEM002")] == [("tea-tin",)]


# -- MEM003: no souvenir available at an 'after' touchpoint -------------------------


def test_mem003_souvenir_only_during_the_visit(draft, summarize):
    draft["tea-tin"]["at"] = ["pavilion"]
    found = draft.findings()
    assert summarize(found) == [("MEM003", "info", ())]


def test_mem003_souvenir_placed_nowhere(draft, summarize):
    draft["tea-tin"]["at"] = []
    assert summarize(draft.findings()) == [("MEM003", "info", ())]


def test_mem003_quiet_with_souvenir_in_the_zone_of_an_after_touchpoint(draft):
    draft["tea-tin"]["at"] = ["shop"]  # farewell is in the shop
    assert draft.findings() == []


def test_mem003_quiet_with_one_souvenir_of_several_after(draft):
    draft.add(
        "souvenirs", id="cup", name="A clay cup", motifs=["tea"], evokes=["steam"], at=["pavilion"]
    )
    assert draft.findings() == []


def test_mem003_not_reported_without_souvenirs(draft):
    draft.data["souvenirs"] = []
    assert "MEM003" not in draft.codes()
