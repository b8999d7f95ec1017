"""The consistency checks of SPEC §3: the clean baseline, REF001, presence and order.

The rules of each principle have their own files (test_rules_*.py); all of them
start from the clean baseline of conftest.py and change one thing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cuecraft.core.check import check
from cuecraft.core.fileformat import parse_design
from cuecraft.core.rules import CODES

# -- the baseline -------------------------------------------------------------------


def test_baseline_design_has_no_findings(draft):
    assert draft.check().findings == []


def test_baseline_yaml_as_written_has_no_findings(baseline_yaml):
    assert check(parse_design(baseline_yaml)).findings == []


def test_baseline_journey_shape(draft):
    graph = draft.check().graph
    assert graph.entries == ["invite"]
    assert graph.ends == ["farewell"]
    assert graph.return_edges == [("farewell", "invite")]


def test_every_code_of_the_spec_is_known():
    assert CODES == (
        "MRG001", "REF001", "THM001", "THM002", "THM003", "HAR001", "HAR002", "HAR003",
        "ELI001", "ELI002", "ELI003", "ELI004", "MEM001", "MEM002", "MEM003", "MEM004",
        "SEN001", "SEN002", "SEN003", "JRN001", "JRN002", "JRN003", "JRN004",
        "PER001", "PER002", "PER003",
        "BLU001", "BLU002", "BLU003", "BLU004", "VAL001",
        "FBK001", "FBK002", "FBK003", "FBK004",
    )  # fmt: skip


# -- REF001: references -------------------------------------------------------------


def test_ref001_missing_id_with_did_you_mean(draft, summarize, where):
    draft["lanterns"]["at"] = ["garden", "shop", "shpo"]
    found = draft.findings()
    assert summarize(found) == [("REF001", "error", ("lanterns", "shpo"))]
    ref = found[0]
    assert "“shpo”" in ref.message
    assert "not an id" in ref.message
    assert ref.hint == "did you mean “shop”?"
    assert (ref.line, ref.column) == where(draft.text, "shpo")


def test_ref001_quiet_when_the_reference_is_spelled_right(draft):
    draft["lanterns"]["at"] = ["garden", "shop"]
    assert draft.findings("REF001") == []


def test_ref001_missing_id_without_near_miss_suggests_adding_it(draft):
    draft["lanterns"]["at"] = ["garden", "shop", "xyzzy"]
    (ref,) = draft.findings("REF001")
    assert "did you mean" not in ref.hint
    assert "“xyzzy”" in ref.hint


def test_ref001_missing_touchpoint_zone_points_at_the_value(draft, summarize, where):
    draft["tasting"]["zone"] = "pavillion"
    found = draft.findings("REF001")
    assert summarize(found) == [("REF001", "error", ("tasting", "pavillion"))]
    assert found[0].hint == "did you mean “pavilion”?"
    assert (found[0].line, found[0].column) == where(draft.text, "pavillion")


def test_ref001_missing_next_conflicts_and_evokes(draft, summarize):
    draft["tasting"]["next"] = ["farewell", "farewel"]
    draft["birdsong"]["conflicts"] = ["traffic", "trafic"]
    draft["tea-tin"]["evokes"] = ["steam", "stem"]
    found = draft.findings("REF001")
    assert summarize(found) == [
        ("REF001", "error", ("tasting", "farewel")),
        ("REF001", "error", ("birdsong", "trafic")),
        ("REF001", "error", ("tea-tin", "stem")),
    ]
    assert [f.hint for f in found] == [
        "did you mean “farewell”?",
        "did you mean “traffic”?",
        "did you mean “steam”?",
    ]


@pytest.mark.parametrize(
    ("item", "field", "value", "bad", "found_kind", "needed"),
    [
        ("garden", "sees", ["pavilion", "tasting"], "tasting", "touchpoint", "zone"),
        ("stream", "at", ["garden", "arrive"], "arrive", "touchpoint", "zone"),
        ("tasting", "zone", "steam", "steam", "cue", "zone"),
        ("farewell", "next", ["invite", "shop"], "shop", "zone", "touchpoint"),
        ("birdsong", "conflicts", ["traffic", "stream"], "stream", "layer", "cue"),
        ("tea-tin", "evokes", ["steam", "garden"], "garden", "zone", "cue"),
        ("lanterns", "at", ["garden", "shop", "tea-tin"], "tea-tin", "souvenir",
         "zone or touchpoint"),
        ("tea-tin", "at", ["farewell", "letter"], "letter", "cue", "zone or touchpoint"),
    ],
)  # fmt: skip
def test_ref001_wrong_kind(draft, summarize, item, field, value, bad, found_kind, needed):
    draft[item][field] = value
    found = draft.findings("REF001")
    assert summarize(found) == [("REF001", "error", (item, bad))]
    assert f"which is a {found_kind}" in found[0].message
    assert f"“{field}” needs a {needed}" in found[0].message
    assert needed in found[0].hint


def test_ref001_wrong_kind_points_at_the_bad_reference(draft, where):
    draft["garden"]["sees"] = ["pavilion", "tasting"]
    (ref,) = draft.findings("REF001")
    assert (ref.line, ref.column) == where(draft.text, "tasting", after="sees:")
    # A layer placed at a touchpoint: the location is that item of the list.
    draft["garden"]["sees"] = ["pavilion"]
    draft["stream"]["at"] = ["garden", "arrive"]
    (ref,) = draft.findings("REF001")
    assert (ref.line, ref.column) == where(draft.text, "arrive]", after="at:")


def test_ref001_one_finding_per_bad_reference(draft, where):
    draft["lanterns"]["at"] = ["nowhere", "garden", "shop", "nowhere"]
    found = draft.findings("REF001")
    assert [f.ids for f in found] == [("lanterns", "nowhere")] * 2
    first = where(draft.text, "nowhere, garden")
    second = where(draft.text, "nowhere]")
    assert [(f.line, f.column) for f in found] == [first, second]


def test_ref001_design_still_loads_and_the_other_rules_still_run(draft):
    draft["lanterns"]["at"] = ["garden", "shpo"]  # farewell loses its only positive cue
    design = draft.design()  # no DesignLoadError
    codes = [f.code for f in check(design).findings]
    assert codes == ["REF001", "HAR003", "SEN002"]


def test_ref001_reported_for_an_eliminated_cue_too(draft, summarize):
    draft["traffic"]["status"] = "eliminated"
    draft["traffic"]["at"] = ["shpo"]
    assert summarize(draft.findings()) == [("REF001", "error", ("traffic", "shpo"))]


# -- presence -----------------------------------------------------------------------


def test_cue_at_a_zone_is_present_at_the_touchpoints_in_it(draft, summarize):
    # birdsong is placed at the zone 'garden'; traffic at the touchpoint 'arrive' in it.
    draft["traffic"]["at"] = ["arrive"]
    found = draft.findings("HAR001")
    assert summarize(found) == [("HAR001", "error", ("birdsong", "traffic"))]
    assert "“garden” and “arrive”" in found[0].message


def test_cue_at_a_touchpoint_is_present_in_its_zone(draft, summarize):
    draft["birdsong"]["at"] = ["arrive"]
    draft["traffic"]["at"] = ["garden"]
    assert summarize(draft.findings("HAR001")) == [("HAR001", "error", ("birdsong", "traffic"))]


def test_cue_at_a_touchpoint_without_zone_is_present_only_there(draft):
    draft["birdsong"]["at"] = ["invite"]
    draft["traffic"]["at"] = ["garden"]
    assert draft.findings("HAR001") == []


def test_positive_cue_at_a_zone_covers_its_touchpoints(draft, summarize):
    draft["lanterns"]["at"] = ["garden"]  # the shop, and so farewell, lose their cue
    assert summarize(draft.findings("HAR003")) == [("HAR003", "warning", ("farewell",))]
    draft["lanterns"]["at"] = ["garden", "farewell"]  # placed at the touchpoint instead
    assert draft.findings("HAR003") == []


def test_cue_at_a_zone_does_not_reach_a_touchpoint_without_zone(draft, summarize):
    draft["letter"]["at"] = ["garden"]
    assert summarize(draft.findings("HAR003")) == [("HAR003", "warning", ("invite",))]


def test_unique_cue_at_a_touchpoint_counts_in_its_zone(draft, summarize):
    draft["host"]["at"] = ["pavilion", "arrive"]  # arrive is in the garden
    assert summarize(draft.findings("HAR002")) == [
        ("HAR002", "error", ("host", "garden", "pavilion"))
    ]


# -- order and stability ------------------------------------------------------------


def _messy(draft):
    """The baseline with at least one finding of every principle."""
    draft["lanterns"]["at"] = ["garden", "shop", "shpo"]  # REF001
    draft["steam"]["motifs"] = ["plastic"]  # THM001, THM002
    draft["traffic"]["at"] = ["garden"]  # HAR001
    draft["traffic"]["severity"] = "high"  # ELI002
    draft["traffic"]["remedy"] = None  # ELI001
    draft["tea-tin"]["evokes"] = []  # MEM002
    draft.add(
        "layers", id="drums", sense="sound", at=["garden"], intensity=3, motifs=["forest"]
    )  # SEN003
    draft["farewell"]["emotion"] = -1  # JRN004
    return draft


def test_findings_come_in_principle_order(draft, principle_order):
    codes = _messy(draft).codes()
    prefixes = [code[:3] for code in codes]
    assert set(prefixes) == set(principle_order)
    ranks = [principle_order.index(p) for p in prefixes]
    assert ranks == sorted(ranks)
    assert codes == sorted(codes, key=lambda c: (principle_order.index(c[:3]), c))


def test_findings_within_a_code_follow_the_file(draft):
    draft["lanterns"]["motifs"] = []
    draft["letter"]["motifs"] = []
    draft["stream"]["motifs"] = []
    found = draft.findings("THM001")
    assert [f.ids for f in found] == [("letter",), ("lanterns",), ("stream",)]
    assert [f.line for f in found] == sorted(f.line for f in found)


def test_findings_are_the_same_on_every_run(draft):
    design = _messy(draft).design()
    first = check(design).findings
    for _ in range(3):
        assert check(design).findings == first
    assert check(parse_design(draft.text)).findings == first


def test_select_and_ignore_filter_by_prefix_and_code(draft):
    design = _messy(draft).design()
    everything = [f.code for f in check(design).findings]
    assert [f.code for f in check(design, select=["ELI"]).findings] == ["ELI001", "ELI002"]
    assert [f.code for f in check(design, select=["ELI002"]).findings] == ["ELI002"]
    ignored = [f.code for f in check(design, ignore=["THM", "JRN004"]).findings]
    assert ignored == [c for c in everything if not c.startswith("THM") and c != "JRN004"]


def test_every_code_is_documented_in_docs_rules_md():
    docs = Path(__file__).resolve().parents[2] / "docs"
    # The design rules are in rules.md; the feedback rules (FBK) in feedback.md.
    text = (docs / "rules.md").read_text(encoding="utf-8") + (docs / "feedback.md").read_text(
        encoding="utf-8"
    )
    headings = [
        line.split()[1]
        for line in text.splitlines()
        if line.startswith("## ") and line[3:9] in CODES
    ]
    assert headings == list(CODES)
    json_doc = (docs / "check-json.md").read_text(encoding="utf-8")
    assert all(code in json_doc or code[:3] in json_doc for code in CODES)
