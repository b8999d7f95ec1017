"""Engage the five senses (SEN001–SEN003) and design the journey (JRN001–JRN004)."""

from __future__ import annotations

from cuecraft.core.check import check

# -- SEN001: fewer than five senses engaged -----------------------------------------


def test_sen001_warning_below_three_senses(draft, summarize):
    for cue in ("letter", "steam"):
        draft[cue]["senses"] = ["sight"]  # left: sight (cues), sound (birdsong, stream)
    found = draft.findings()
    assert summarize(found) == [("SEN001", "warning", ())]
    assert "engages 2 of the five senses" in found[0].message
    assert "“smell”, “touch” and “taste” are missing" in found[0].message


def test_sen001_warning_with_no_sense_at_all(draft):
    for cue in ("letter", "lanterns", "birdsong", "steam", "host"):
        draft[cue]["senses"] = []
    draft.data["layers"] = []
    (f,) = draft.findings("SEN001")
    assert f.severity == "warning"
    assert "engages 0 of the five senses" in f.message


def test_sen001_info_at_three_senses(draft, summarize):
    draft["letter"]["senses"] = ["sight"]
    draft["steam"]["senses"] = ["smell"]  # left: sight, sound, smell
    found = draft.findings()
    assert summarize(found) == [("SEN001", "info", ())]
    assert "engages 3 of the five senses" in found[0].message


def test_sen001_info_at_four_senses(draft, summarize):
    draft["steam"]["senses"] = ["smell"]
    found = draft.findings()
    assert summarize(found) == [("SEN001", "info", ())]
    assert "“taste” is missing" in found[0].message


def test_sen001_quiet_at_five_senses_with_a_layer(draft):
    draft["steam"]["senses"] = ["smell"]
    draft.add("layers", id="sweets", sense="taste", at=["pavilion"], motifs=["tea"])
    assert draft.findings() == []


def test_sen001_negative_cue_senses_do_not_count(draft, summarize):
    draft["steam"]["senses"] = ["smell"]
    draft["traffic"]["senses"] = ["sound", "taste"]
    assert summarize(draft.findings()) == [("SEN001", "info", ())]


# -- SEN002: no sense engaged at a touchpoint ---------------------------------------


def test_sen002_touchpoint_without_any_sense(draft, summarize, where):
    draft["letter"]["senses"] = []
    draft["lanterns"]["senses"] = ["sight", "touch"]  # touch is still engaged elsewhere
    found = draft.findings()
    assert summarize(found) == [("SEN002", "warning", ("invite",))]
    assert (found[0].line, found[0].column) == where(draft.text, "id: invite")


def test_sen002_quiet_when_the_cue_engages_a_sense(draft):
    draft["lanterns"]["senses"] = ["sight", "touch"]
    draft["letter"]["senses"] = ["sight"]
    assert draft.findings() == []


def test_sen002_layer_in_the_zone_engages_its_touchpoints(draft, summarize):
    draft["steam"]["senses"] = []
    draft["host"]["senses"] = []
    draft.add("layers", id="incense", sense="smell", at=["pavilion"], motifs=["tea"])
    draft.add("layers", id="sweets", sense="taste", at=["garden"], motifs=["tea"])
    assert draft.findings() == []
    draft.remove("incense")
    assert summarize(draft.findings()) == [
        ("SEN001", "info", ()),
        ("SEN002", "warning", ("tasting",)),
    ]


def test_sen002_negative_cue_senses_do_not_count(draft, summarize):
    draft["letter"]["senses"] = []
    draft["lanterns"]["senses"] = ["sight", "touch"]
    draft["traffic"]["at"] = ["shop", "invite"]
    assert summarize(draft.findings()) == [("SEN002", "warning", ("invite",))]


# -- SEN003: layers of one sense in one zone above intensity 3 ----------------------


def test_sen003_sensory_overload(draft, summarize, where):
    draft.add("layers", id="fountain", sense="sound", at=["garden"], intensity=2, motifs=["forest"])
    found = draft.findings()
    assert summarize(found) == [("SEN003", "warning", ("garden", "sound"))]
    assert "intensity 4" in found[0].message
    assert (found[0].line, found[0].column) == where(draft.text, "id: garden")


def test_sen003_quiet_at_exactly_three(draft):
    draft.add("layers", id="fountain", sense="sound", at=["garden"], intensity=1, motifs=["forest"])
    assert draft.findings() == []


def test_sen003_default_intensity_is_one(draft, summarize):
    for name in ("fountain", "chimes"):
        draft.add("layers", id=name, sense="sound", at=["garden"], motifs=["forest"])
    assert summarize(draft.findings()) == [("SEN003", "warning", ("garden", "sound"))]


def test_sen003_different_senses_do_not_add_up(draft):
    draft.add("layers", id="glow", sense="sight", at=["garden"], intensity=3, motifs=["forest"])
    assert draft.findings() == []


def test_sen003_one_finding_per_zone_and_sense(draft, summarize):
    draft["stream"]["at"] = ["garden", "pavilion"]
    draft.add(
        "layers",
        id="drums",
        sense="sound",
        at=["garden", "pavilion"],
        intensity=2,
        motifs=["forest"],
    )
    draft.add("layers", id="glow", sense="sight", at=["pavilion"], intensity=2, motifs=["forest"])
    draft.add("layers", id="lamps", sense="sight", at=["pavilion"], intensity=2, motifs=["forest"])
    assert summarize(draft.findings()) == [
        ("SEN003", "warning", ("garden", "sound")),
        ("SEN003", "warning", ("pavilion", "sight")),
        ("SEN003", "warning", ("pavilion", "sound")),
    ]


# -- JRN001: a phase without touchpoint ---------------------------------------------


def test_jrn001_phase_without_touchpoint(draft, summarize):
    draft["farewell"]["phase"] = "during"
    found = draft.findings("JRN001")
    assert summarize(found) == [("JRN001", "warning", ("after",))]
    assert "“after”" in found[0].message


def test_jrn001_one_finding_per_phase(draft, summarize):
    for tp in ("invite", "arrive", "farewell"):
        draft[tp]["phase"] = "during"
    assert summarize(draft.findings("JRN001")) == [
        ("JRN001", "warning", ("before",)),
        ("JRN001", "warning", ("after",)),
    ]


def test_jrn001_every_phase_without_touchpoints(draft, summarize):
    draft.data["touchpoints"] = []
    assert summarize(draft.findings("JRN001")) == [
        ("JRN001", "warning", ("before",)),
        ("JRN001", "warning", ("during",)),
        ("JRN001", "warning", ("after",)),
    ]


def test_jrn001_quiet_with_all_three_phases(draft):
    assert draft.findings("JRN001") == []


# -- JRN002: a touchpoint unreachable from an entry ---------------------------------


def test_jrn002_unreachable_touchpoint(draft, summarize):
    draft.add("touchpoints", id="lost", phase="during", zone="pavilion", next=["farewell"])
    assert summarize(draft.findings()) == [("JRN002", "warning", ("lost",))]


def test_jrn002_quiet_once_linked(draft):
    draft.add("touchpoints", id="lost", phase="during", zone="pavilion", next=["farewell"])
    draft["tasting"]["next"] = ["farewell", "lost"]
    assert draft.findings() == []


def test_jrn002_every_before_touchpoint_with_no_incoming_edge_is_an_entry(draft):
    draft.add("touchpoints", id="word-of-mouth", phase="before", zone="garden", next=["arrive"])
    graph = draft.check().graph
    assert graph.entries == ["invite", "word-of-mouth"]
    assert "JRN002" not in draft.codes()


def test_jrn002_entries_without_before_phase(draft):
    # No 'before' touchpoint: every touchpoint with no incoming journey edge is an entry.
    for tp in ("invite", "arrive"):
        draft[tp]["phase"] = "during"
    draft["farewell"]["next"] = []
    graph = draft.check().graph
    assert graph.entries == ["invite"]
    assert "JRN002" not in draft.codes()


def test_jrn002_closed_cycle_without_before_has_no_entry(draft, summarize):
    # farewell → invite is no return edge once nothing is 'before': the journey is one
    # cycle, nothing lacks an incoming edge, so nothing can be reached.
    for tp in ("invite", "arrive"):
        draft[tp]["phase"] = "during"
    assert summarize(draft.findings("JRN002")) == [
        ("JRN002", "warning", (tp,)) for tp in ("invite", "arrive", "tasting", "farewell")
    ]


# -- JRN003: the loop is open --------------------------------------------------------


def test_jrn003_no_return_edge(draft, summarize):
    draft["farewell"]["next"] = []
    assert summarize(draft.findings()) == [("JRN003", "warning", ())]


def test_jrn003_quiet_with_a_return_edge(draft):
    assert draft.findings("JRN003") == []


def test_jrn003_after_to_during_is_not_a_return_edge(draft, summarize):
    draft["farewell"]["next"] = ["tasting"]
    result = draft.check()
    assert result.graph.return_edges == []
    assert "JRN003" in [f.code for f in result.findings]


def test_return_edge_is_not_part_of_the_journey(draft):
    graph = draft.check().graph
    assert not graph.journey.has_edge("farewell", "invite")
    assert graph.journey.has_edge("tasting", "farewell")
    assert graph.entries == ["invite"]  # its only incoming edge is the return edge
    assert graph.ends == ["farewell"]  # its only outgoing edge is the return edge


def test_return_edge_is_not_followed_by_eli002_paths(draft):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["at"] = ["invite"]
    (f,) = draft.findings("ELI002")
    assert "(invite → arrive → tasting → farewell)" in f.message


def test_jrn003_leaves_an_empty_journey_to_jrn001(draft):
    # Documented in docs/rules.md: with no touchpoints, the three JRN001 findings say it.
    draft.data["touchpoints"] = []
    assert draft.findings("JRN003") == []
    assert [f.ids for f in draft.findings("JRN001")] == [("before",), ("during",), ("after",)]


# -- JRN004: peak–end ----------------------------------------------------------------


def test_jrn004_end_below_one(draft, summarize):
    draft["farewell"]["emotion"] = 0
    found = draft.findings()
    assert summarize(found) == [("JRN004", "warning", ("farewell",))]
    assert "emotion 0" in found[0].message
    assert "the peak is 3" in found[0].message


def test_jrn004_quiet_at_one(draft):
    draft["farewell"]["emotion"] = 1
    assert draft.findings() == []


def test_jrn004_end_without_emotion_is_skipped(draft):
    del draft["farewell"]["emotion"]
    assert draft.findings() == []


def test_jrn004_one_finding_per_end(draft, summarize):
    draft["tasting"]["next"] = ["farewell", "walk-out"]
    draft.add("touchpoints", id="walk-out", phase="after", zone="shop", emotion=-2)
    draft["farewell"]["emotion"] = 0
    assert summarize(draft.findings("JRN004")) == [
        ("JRN004", "warning", ("farewell",)),
        ("JRN004", "warning", ("walk-out",)),
    ]


def test_jrn004_only_ends_are_judged(draft):
    draft["arrive"]["emotion"] = -3  # a low in the middle of the journey is no end
    assert draft.findings() == []


def test_jrn004_end_three_below_the_peak(draft, summarize):
    # The format keeps emotions in -3..3, so "3 or more below the peak" with an end of
    # at least 1 needs a peak above 3: set on the model, as a future scale might.
    design = draft.design()
    design.touchpoints[2].emotion = 5  # tasting, the peak
    design.touchpoints[3].emotion = 2  # farewell, the end
    found = [f for f in check(design).findings if f.code == "JRN004"]
    assert summarize(found) == [("JRN004", "warning", ("farewell",))]
    design.touchpoints[3].emotion = 3
    assert [f for f in check(design).findings if f.code == "JRN004"] == []
