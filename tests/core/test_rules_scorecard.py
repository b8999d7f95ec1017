"""The scorecard of SPEC §3: six principles 0–100, overall their geometric mean."""

from __future__ import annotations

import math

from cuecraft.core.check import check
from cuecraft.core.findings import PRINCIPLES


def _card(draft):
    return draft.check().scorecard


def test_scorecard_has_the_six_principles_as_whole_numbers(draft):
    card = _card(draft)
    assert list(card.scores) == [
        "theme", "harmonize", "eliminate", "memorabilia", "senses", "journey",
    ]  # fmt: skip
    assert list(card.scores) == list(PRINCIPLES)
    for value in [*card.scores.values(), card.overall]:
        assert isinstance(value, int)
        assert 0 <= value <= 100


def test_clean_design_scores_high(draft):
    card = _card(draft)
    assert card.overall > 0
    assert card.overall >= 90
    assert min(card.scores.values()) >= 90


def test_eli002_sets_eliminate_and_overall_to_zero(draft):
    draft["traffic"]["severity"] = "high"
    card = _card(draft)
    assert card.scores["eliminate"] == 0
    assert card.overall == 0
    assert all(v > 0 for p, v in card.scores.items() if p != "eliminate")


def test_mitigating_eli002_still_zeroes_the_score(draft):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["status"] = "mitigating"
    assert _card(draft).overall == 0


def test_eliminated_high_severity_cue_does_not_zero_the_score(draft):
    draft["traffic"]["severity"] = "high"
    draft["traffic"]["status"] = "eliminated"
    card = _card(draft)
    assert card.scores["eliminate"] == 100
    assert card.overall > 0


def test_one_principle_at_zero_makes_overall_zero(draft):
    draft.data["souvenirs"] = []  # MEM001
    card = _card(draft)
    assert card.scores["memorabilia"] == 0
    assert card.overall == 0


def _geometric_mean(values):
    return math.prod(values) ** (1 / len(values))


def test_overall_is_the_geometric_mean_of_the_six(draft):
    draft["lanterns"]["motifs"] = []  # THM001
    draft["traffic"]["at"] = ["garden"]  # HAR001
    del draft["traffic"]["remedy"]  # ELI001
    draft["tea-tin"]["at"] = ["pavilion"]  # MEM003
    draft["steam"]["senses"] = ["smell"]  # SEN001
    draft["farewell"]["next"] = []  # JRN003
    card = _card(draft)
    assert all(0 < v < 100 for v in card.scores.values()), card.scores
    assert card.overall == round(_geometric_mean(list(card.scores.values())))
    assert card.overall != round(sum(card.scores.values()) / 6)  # not the plain mean


def test_clean_overall_is_the_geometric_mean_too(draft):
    card = _card(draft)
    assert card.overall == round(_geometric_mean(list(card.scores.values())))


def test_error_findings_lower_their_principle(draft):
    clean = _card(draft).scores
    draft["traffic"]["at"] = ["garden"]  # HAR001
    assert _card(draft).scores["harmonize"] < clean["harmonize"]


def test_select_and_ignore_do_not_change_the_scorecard(draft):
    draft["traffic"]["severity"] = "high"
    design = draft.design()
    full = check(design).scorecard
    assert check(design, ignore=["ELI"]).scorecard == full
    assert check(design, select=["JRN"]).scorecard == full
    assert full.overall == 0
