"""Net Promoter Score arithmetic, checked against cases worked out by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cuecraft.core.feedback.nps import describe, group_of, nps, nps_of, rounded, signed


def tally(**answers: int) -> list[int]:
    """11 counts from keyword answers: tally(s10=3, s0=1) -> three 10s and one 0."""
    counts = [0] * 11
    for key, count in answers.items():
        counts[int(key[1:])] = count
    return counts


def test_groups_follow_the_definition():
    assert [group_of(s) for s in range(11)] == ["detractor"] * 7 + ["passive"] * 2 + [
        "promoter"
    ] * 2


def test_no_answers_is_undefined_not_zero():
    result = nps([0] * 11)
    assert result.responses == 0
    assert (result.score, result.low, result.high) == (None, None, None)
    assert result.share("promoters") is None
    assert describe(result) == "no answers"
    assert signed(result.score) == "—"


def test_all_passive_is_zero():
    result = nps(tally(s7=3, s8=2))
    assert (result.promoters, result.passives, result.detractors) == (0, 5, 0)
    assert result.score == 0.0
    # Adjusted Wald: p = d = 0.75 / 8, var = 0.1875 / 8, half = 1.96 * 0.15309 = 30.0 points.
    assert result.low == pytest.approx(-30.0057, abs=1e-3)
    assert result.high == pytest.approx(30.0057, abs=1e-3)


def test_ten_answers_worked_by_hand():
    # 9, 10, 10, 9, 9 promote; 7, 8, 8 are passive; 3 and 6 detract: 50% - 20% = 30.
    result = nps(tally(s9=3, s10=2, s7=1, s8=2, s3=1, s6=1))
    assert (result.promoters, result.passives, result.detractors) == (5, 3, 2)
    assert result.score == pytest.approx(30.0)
    assert result.share("promoters") == pytest.approx(50.0)
    assert result.share("detractors") == pytest.approx(20.0)


def test_interval_of_a_hundred_answers_worked_by_hand():
    # 60 promoters, 20 passives, 20 detractors: NPS 40.
    # p = 60.75 / 103 = 0.589806, d = 20.75 / 103 = 0.201456, centre 0.388350,
    # var = (0.791262 - 0.388350²) / 103 = 0.0062179, half = 1.959964 * 0.078854 = 0.154552.
    result = nps_of(60, 20, 20)
    assert result.score == pytest.approx(40.0)
    assert result.low == pytest.approx(23.380, abs=1e-3)
    assert result.high == pytest.approx(54.290, abs=1e-3)


def test_detractor_heavy_case():
    result = nps_of(10, 0, 20)
    assert result.score == pytest.approx(-100 / 3)
    assert result.low == pytest.approx(-61.993, abs=1e-3)
    assert result.high == pytest.approx(1.387, abs=1e-3)


def test_one_answer_is_not_a_fact():
    # The plain normal approximation would give 100 ± 0; the interval stays wide.
    top = nps_of(1, 0, 0)
    assert top.score == 100.0
    assert top.high == 100.0
    assert top.low is not None and top.low < -40
    bottom = nps_of(0, 0, 1)
    assert (bottom.score, bottom.low) == (-100.0, -100.0)
    assert bottom.high is not None and bottom.high > 40


def test_five_tens_are_not_a_fact_either():
    result = nps(tally(s10=5))
    assert result.score == 100.0
    assert result.low is not None and result.low < 50


def test_interval_narrows_with_more_answers():
    widths = []
    for n in (12, 100, 1000, 10000):
        r = nps_of(n // 2, n // 4, n // 4)
        assert r.score == pytest.approx(25.0)
        assert r.low is not None and r.high is not None
        widths.append(r.high - r.low)
    assert widths == sorted(widths, reverse=True)
    # n = 10,000: var = (0.75 - 0.25²) / n, so the interval is 2 × 1.96 × 0.829 = 3.25 points.
    assert widths[-1] == pytest.approx(3.25, abs=0.01)


def test_a_tally_has_eleven_counts():
    with pytest.raises(ValueError, match="11 counts"):
        nps([1, 2, 3])
    with pytest.raises(ValueError, match="negative"):
        nps_of(-1, 0, 0)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0.0, "0"), (-0.4, "0"), (12.5, "+13"), (-12.5, "-13"), (99.6, "+100"), (-7.2, "-7")],
)
def test_signed_rounds_half_away_from_zero(value, shown):
    assert signed(value) == shown
    assert rounded(value) == int(shown.replace("+", ""))


def test_describe():
    assert describe(nps_of(60, 20, 20)) == "NPS +40 (95% CI +23 to +54, 100 answers)"
    assert describe(nps_of(1, 0, 0)).endswith("1 answer)")


counts = st.integers(min_value=0, max_value=5000)


@given(counts, counts, counts)
def test_nps_is_bounded_and_inside_its_interval(promoters, passives, detractors):
    result = nps_of(promoters, passives, detractors)
    n = promoters + passives + detractors
    if n == 0:
        assert result.score is None
        return
    assert result.score is not None and result.low is not None and result.high is not None
    assert -100.0 <= result.low <= result.score <= result.high <= 100.0
    assert result.score == pytest.approx(100 * (promoters - detractors) / n)
    assert math.isclose(
        sum(result.share(g) or 0.0 for g in ("promoters", "passives", "detractors")), 100.0
    )


@given(st.lists(st.integers(min_value=0, max_value=300), min_size=11, max_size=11))
def test_tally_and_groups_agree(scores):
    result = nps(scores)
    assert result.promoters == scores[9] + scores[10]
    assert result.passives == scores[7] + scores[8]
    assert result.detractors == sum(scores[:7])
    assert result.responses == sum(scores)
