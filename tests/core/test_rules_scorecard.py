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


# -- the formulas, pinned: a changed constant or formula must change a test ------------


def test_the_constants_are_the_documented_ones():
    from pathlib import Path

    from cuecraft.core import score
    from cuecraft.core.rules import blueprint

    assert score.ERROR_FACTOR == 0.5
    assert score.OPEN_PENALTY == {"low": 5, "medium": 10, "high": 20}
    assert score.MISSING_AFTER_FACTOR == 0.8
    assert score.OPEN_LOOP_FACTOR == 0.8
    assert score.OVERLOAD_FACTOR == 0.9
    assert score.LOW_END_FACTOR == 0.9
    assert score.EMPTY_WAIT_FACTOR == 0.9
    assert score.STUCK_PERSONA_FACTOR == 0.8
    assert (blueprint.LONG_WAIT, blueprint.FILLED_WAIT) == (10, 2)
    doc = (Path(__file__).resolve().parents[2] / "docs" / "scorecard.md").read_text("utf-8")
    for said in (
        f"× {score.ERROR_FACTOR} for each THM002",
        f"× {score.ERROR_FACTOR} for each HAR001",
        "costs 5 (low), 10 (medium) or 20 (high) points",
        f"× {score.MISSING_AFTER_FACTOR} if MEM003",
        f"× {score.OVERLOAD_FACTOR} for each SEN003",
        f"× {score.OPEN_LOOP_FACTOR} if the loop is open",
        f"× {score.LOW_END_FACTOR} for each JRN004 and each PER002",
        f"× {score.STUCK_PERSONA_FACTOR} for each PER001",
        f"× {score.ERROR_FACTOR} for each BLU001",
        f"× {score.EMPTY_WAIT_FACTOR} for each BLU004",
    ):
        assert said in doc, said


def test_the_baseline_scores_exactly(draft):
    card = _card(draft)
    # One open medium negative cue: 100 − 10.
    assert card.scores == {
        "theme": 100, "harmonize": 100, "eliminate": 90,
        "memorabilia": 100, "senses": 100, "journey": 100,
    }  # fmt: skip
    assert card.overall == round(0.9 ** (1 / 6) * 100) == 98


def _one(draft, principle):
    return _card(draft).scores[principle]


def test_eliminate_penalties_exactly(draft):
    draft["traffic"]["status"] = "mitigating"
    assert _one(draft, "eliminate") == 95  # half of 10 while mitigating
    draft["traffic"]["status"] = "open"
    draft["traffic"]["severity"] = "low"
    assert _one(draft, "eliminate") == 95
    draft["traffic"]["severity"] = "medium"
    del draft["traffic"]["remedy"]  # ELI001 costs 5 more
    assert _one(draft, "eliminate") == 85


def test_theme_harmonize_and_memorabilia_exactly(draft):
    draft["lanterns"]["motifs"] = []  # 5 of 6 positive cues and layers themed
    assert _one(draft, "theme") == 83
    draft["lanterns"]["motifs"] = ["plastic"]  # and THM002 halves it
    assert _one(draft, "theme") == 42
    draft["lanterns"]["motifs"] = ["forest"]
    draft["traffic"]["at"] = ["garden"]  # HAR001 halves harmonize
    assert _one(draft, "harmonize") == 50
    draft["traffic"]["at"] = ["shop"]
    draft["tea-tin"]["at"] = ["pavilion"]  # MEM003: × 0.8
    assert _one(draft, "memorabilia") == 80


def test_senses_and_journey_exactly(draft):
    draft["steam"]["senses"] = ["smell"]  # taste missing: 4 of 5
    assert _one(draft, "senses") == 80
    draft["steam"]["senses"] = ["smell", "taste"]
    draft.add("layers", id="radio", sense="sound", at=["garden"], intensity=2, motifs=["forest"])
    assert _one(draft, "senses") == 90  # SEN003: 2 + 2 > 3
    draft["farewell"]["next"] = []  # JRN003: × 0.8
    assert _one(draft, "journey") == 80
    draft["farewell"]["next"] = ["invite"]
    draft["farewell"]["emotion"] = 0  # JRN004: × 0.9
    assert _one(draft, "journey") == 90


# -- staging: scored only with a blueprint -------------------------------------------


def _actions(draft):
    draft.add(
        "actions", id="pour", text="Pour the tea", lane="frontstage", at=["tasting"],
        owner="tea-master", minutes=5,
    )  # fmt: skip
    draft.add("actions", id="bow", text="Bow at the gate", lane="frontstage", at=["arrive"])
    draft.add(
        "actions", id="boil", text="Boil the water", lane="backstage", at=["tasting"],
        fail="The kettle is cold",
    )  # fmt: skip
    draft.add("actions", id="order", text="Order the leaves", lane="support")


def test_no_actions_no_staging_score(draft):
    draft["invite"]["wait"] = 15  # BLU004 is reported, not scored, without actions
    result = draft.check()
    assert "staging" not in result.scorecard.scores
    assert [f.code for f in result.findings] == ["BLU004"]


def test_staging_is_the_share_of_ready_actions(draft):
    _actions(draft)
    card = _card(draft)
    assert list(card.scores)[-1] == "staging"
    assert card.principles == (*PRINCIPLES, "staging")
    assert card.scores["staging"] == 50  # pour and order ready; bow (BLU003), boil (BLU002)
    assert card.overall == round(_geometric_mean(list(card.scores.values())))
    assert card.overall == round((0.9 * 0.5) ** (1 / 7) * 100)


def test_staging_halves_per_blu001_and_loses_a_tenth_per_blu004(draft):
    _actions(draft)
    draft["order"]["zone"] = "pavilion"  # BLU001: support work where guests are
    assert _one(draft, "staging") == 25
    draft["invite"]["wait"] = 10  # BLU004: one cue (the letter) at the invitation
    assert _one(draft, "staging") == round(50 * 0.5 * 0.9)
