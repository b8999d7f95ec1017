"""FBK001–FBK004: each rule fires on a minimal design with feedback, and stays quiet otherwise."""

from __future__ import annotations

import pytest

from cuecraft.core.feedback import OVERALL, Columns, Feedback, Source, TouchpointFeedback
from cuecraft.core.fileformat import parse_design
from cuecraft.core.graph import DesignGraph
from cuecraft.core.rules.feedback import MIN_RESPONSES, check_feedback

DESIGN = """\
cuecraft: 1
title: Corner café
theme:
  name: Slow coffee
zones:
  - id: counter
  - id: terrace
touchpoints:
  - id: arrive
    name: Arrive at the door
    phase: before
    next: [order]
  - id: order
    name: Order at the counter
    phase: during
    zone: counter
    next: [sit]
  - id: sit
    name: Sit on the terrace
    phase: after
    zone: terrace
cues:
  - id: queue
    text: A long queue at the till
    polarity: negative
    at: [counter]
    severity: medium
    status: open
    remedy: A second till at rush hour
"""


def tally(promoters: int = 0, passives: int = 0, detractors: int = 0) -> TouchpointFeedback:
    """Answers as 10s, 8s and 3s."""
    scores = [0] * 11
    scores[10], scores[8], scores[3] = promoters, passives, detractors
    return TouchpointFeedback(scores)


def feedback(**touchpoints: TouchpointFeedback) -> Feedback:
    source = Source("survey.csv", "0" * 64, "2024-05-02", 0, 0, 0)
    return Feedback(source, Columns("score"), dict(touchpoints))


def check(fb: Feedback | None, text: str = DESIGN):  # type: ignore[no-untyped-def]
    return check_feedback(DesignGraph(parse_design(text)), fb)


def codes(found) -> list[tuple[str, str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    return [(f.code, f.severity, f.ids) for f in found]


def line_of(text: str, token: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if token in line)


def test_no_feedback_no_findings():
    assert check(None) == []
    assert check(feedback()) == []


def test_good_feedback_everywhere_is_quiet():
    good = tally(promoters=40, passives=10)
    assert check(feedback(arrive=good, sit=good, **{OVERALL: tally(detractors=50)})) == []


# -- FBK001: detractor hotspot -------------------------------------------------------


def test_fbk001_more_critics_than_fans():
    (found,) = check(feedback(order=tally(promoters=10, detractors=20)))
    assert (found.code, found.severity, found.ids) == ("FBK001", "error", ("order",))
    assert (found.line, found.column) == (line_of(DESIGN, "id: order"), 5)
    assert "NPS -33 (95% CI -62 to +1, 30 answers)" in found.message
    assert "6 − 1 = 0" in found.message
    assert found.principle == "feedback"


def test_fbk001_hint_quotes_the_lowest_comment():
    bucket = tally(promoters=10, detractors=20)
    from cuecraft.core.feedback import Comment

    bucket.comments = [Comment(9, "fine"), Comment(2, "Kolejka, 40 minut", line=7)]
    (found,) = check(feedback(order=bucket))
    assert "(2/10): “Kolejka, 40 minut”" in found.hint


def test_fbk001_quiet_with_too_few_answers():
    assert check(feedback(order=tally(promoters=9, detractors=MIN_RESPONSES - 10))) == []


def test_fbk001_quiet_at_exactly_zero():
    assert check(feedback(order=tally(promoters=15, passives=0, detractors=15))) == []


def test_fbk001_quiet_for_answers_about_no_touchpoint():
    assert check(feedback(**{OVERALL: tally(detractors=100)})) == []


# -- FBK002: blind spot --------------------------------------------------------------


def test_fbk002_unhappy_guests_where_the_design_sees_no_problem():
    found = check(feedback(arrive=tally(promoters=5, passives=5, detractors=20)))
    assert codes(found) == [
        ("FBK001", "error", ("arrive",)),
        ("FBK002", "warning", ("arrive",)),
    ]
    blind = found[1]
    assert "blind spot" in blind.message and "67% detractors" in blind.message
    assert "at: [arrive]" in blind.fields and "at: [arrive]" in blind.designer_hint
    assert (blind.line, blind.column) == (line_of(DESIGN, "id: arrive"), 5)


def test_fbk002_many_detractors_even_with_a_positive_balance():
    # 45% detractors, but more promoters: NPS +10, not a hotspot, still a blind spot.
    assert codes(check(feedback(sit=tally(promoters=22, passives=0, detractors=18)))) == [
        ("FBK002", "warning", ("sit",))
    ]


def test_fbk002_quiet_where_a_negative_cue_is_recorded():
    # 'queue' is placed at the counter zone, so it is present at 'order'.
    assert codes(check(feedback(order=tally(promoters=5, passives=5, detractors=20)))) == [
        ("FBK001", "error", ("order",))
    ]


def test_fbk002_fires_once_that_cue_is_eliminated():
    text = DESIGN.replace("status: open", "status: eliminated")
    found = check(feedback(order=tally(promoters=5, passives=5, detractors=20)), text)
    assert [f.code for f in found] == ["FBK001", "FBK002"]


def test_fbk002_quiet_below_the_thresholds():
    # NPS -10 (not below -20), 35% detractors (below 40%).
    fb = feedback(arrive=tally(promoters=10, passives=16, detractors=14))
    assert codes(check(fb)) == [("FBK001", "error", ("arrive",))]
    assert check(feedback(arrive=tally(passives=10, detractors=19))) == []  # 29 answers


# -- FBK003: an open negative cue where guests are happy --------------------------------


def test_fbk003_open_negative_cue_only_where_feedback_is_good():
    (found,) = check(feedback(order=tally(promoters=30, passives=10)))
    assert (found.code, found.severity, found.ids) == ("FBK003", "info", ("queue",))
    assert (found.line, found.column) == (line_of(DESIGN, "id: queue"), 5)
    assert "“order” +75" in found.message
    assert "eliminated" in found.hint


@pytest.mark.parametrize("status", ["mitigating", "eliminated"])
def test_fbk003_only_for_open_cues(status):
    text = DESIGN.replace("status: open", f"status: {status}")
    assert check(feedback(order=tally(promoters=30, passives=10)), text) == []


def test_fbk003_open_by_default():
    text = DESIGN.replace("    status: open\n", "")
    assert [f.code for f in check(feedback(order=tally(promoters=40)), text)] == ["FBK003"]


def test_fbk003_quiet_when_feedback_is_only_fair():
    # NPS +49: good, but not good enough to suggest the cue is gone.
    assert check(feedback(order=tally(promoters=149, passives=51, detractors=51))) == []


def test_fbk003_quiet_with_too_few_answers():
    assert check(feedback(order=tally(promoters=MIN_RESPONSES - 1))) == []


def test_fbk003_needs_good_feedback_at_every_touchpoint_it_is_present_at():
    text = DESIGN.replace("at: [counter]", "at: [counter, arrive]")
    assert check(feedback(order=tally(promoters=40)), text) == []
    found = check(feedback(order=tally(promoters=40), arrive=tally(promoters=40)), text)
    assert [f.code for f in found] == ["FBK003"]
    assert "“arrive” +100, “order” +100" in found[0].message


def test_fbk003_quiet_when_the_cue_reaches_no_touchpoint():
    text = DESIGN.replace("    zone: counter\n", "")  # the counter zone has no touchpoint now
    assert check(feedback(order=tally(promoters=40)), text) == []


# -- FBK004: feedback about a touchpoint the design does not have ---------------------


def test_fbk004_unknown_touchpoint():
    (found,) = check(feedback(parking=tally(promoters=3)))
    assert (found.code, found.severity, found.ids) == ("FBK004", "warning", ("parking",))
    # Where the journey rules point for the touchpoints as a whole.
    assert (found.line, found.column) == tuple(parse_design(DESIGN).where["touchpoints"])
    assert found.line == line_of(DESIGN, "id: arrive")
    assert "“parking” (3 answers)" in found.message
    assert "add the touchpoint" in found.hint


def test_fbk004_suggests_a_close_id_or_a_name():
    (close,) = check(feedback(ordr=tally(promoters=1)))
    assert "did you mean “order”?" in close.hint
    assert "(1 answer)" in close.message
    (named,) = check(feedback(**{"Sit on the terrace": tally(promoters=1)}))
    assert "name of “sit”" in named.hint


def test_fbk004_quiet_for_known_touchpoints_and_no_touchpoint():
    assert check(feedback(arrive=tally(promoters=1), **{OVERALL: tally(promoters=1)})) == []


def test_findings_are_sorted_by_code_then_place():
    fb = feedback(
        sit=tally(detractors=40),
        arrive=tally(detractors=40),
        zzz=tally(promoters=1),
        order=tally(detractors=40),
    )
    found = check(fb)
    assert [(f.code, f.ids) for f in found] == [
        ("FBK001", ("arrive",)),
        ("FBK001", ("order",)),
        ("FBK001", ("sit",)),
        ("FBK002", ("arrive",)),
        ("FBK002", ("sit",)),
        ("FBK004", ("zzz",)),
    ]
