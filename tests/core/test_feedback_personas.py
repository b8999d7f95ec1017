"""Feedback by persona: the survey's persona column, NPS per persona and per persona × touchpoint,
and the side file that keeps them (issue 16)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from cuecraft.core.feedback import (
    OVERALL,
    Columns,
    Comment,
    Feedback,
    FeedbackLoadError,
    Source,
    TouchpointFeedback,
    answers_by_persona,
    dump_feedback,
    feedback_for_design,
    import_csv,
    load_feedback,
    nps_of,
    parse_feedback,
    parse_map,
    save_feedback,
)
from cuecraft.core.feedback.columns import plan_columns
from cuecraft.core.feedback.csvimport import import_csv_bytes
from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.graph import DesignGraph

# The journey is arrive → wait → pay, but the file lists pay before wait, so the journey
# order (arrive, wait, pay) differs from the file order.
DESIGN = parse_design(
    """\
cuecraft: 1
title: Hotpot house
theme:
  name: Warm welcome
touchpoints:
  - id: arrive
    name: Arrival and greeting
    phase: before
    next: [wait]
    emotion: 2
  - id: pay
    name: 结账
    phase: after
    emotion: 1
  - id: wait
    name: Czekanie na stolik
    phase: during
    next: [pay]
    emotion: 0
personas:
  - id: family
    name: Family with toddlers
    share: 60
    skips: [wait]
    emotion: {pay: -1}
  - id: couple
    name: Couple on a date night
    share: 30
  - id: solo
    name: Solo diner
"""
)
TODAY = datetime.date(2024, 5, 2)
DESIGNS = Path(__file__).resolve().parents[2] / "designs"

# Worked by hand (promoters 9–10, passives 7–8, detractors 0–6):
#   family: 10, 9, 9, 7, 3 → 3 promoters, 1 passive, 1 detractor, NPS 100 × (3 − 1) / 5 = +40
#     at arrive: 10, 9, 3  → 2 promoters, 0 passives, 1 detractor, NPS 100 × 1 / 3 = +33.3
#     at pay:    9, 7      → 1 promoter, 1 passive, NPS +50
#   couple: 8, 10, 2, 6 → 1 promoter, 1 passive, 2 detractors, NPS 100 × (1 − 2) / 4 = −25
#     at arrive: 8 → NPS 0; at pay: 10, 6 → NPS 0; about no touchpoint: 2 → NPS −100
#   "Business travellers" (no such persona): 5, 0 → 2 detractors, NPS −100
#   no persona: 9, 10 → 2 promoters, NPS +100
#   everyone: promoters 10, 9, 9, 10, 9, 10 = 6; passives 7, 8 = 2; detractors 3, 2, 6, 5, 0 = 5
#     → 13 answers, NPS 100 × (6 − 5) / 13 = +7.7
SURVEY = (
    "Score,Touchpoint,Guest type,Comment\n"  # 1
    "10,arrive,family,Lovely welcome\n"  # 2: by id
    "9,Arrival and greeting,Family with toddlers,\n"  # 3: by name
    "9,pay,FAMILY,\n"  # 4: the id in capitals
    "7,结账,  family   with TODDLERS ,Slow bill\n"  # 5: the name, spaced and cased anyhow
    "3,arrive,family,Too loud for the little one\n"  # 6
    "8,arrive,couple,\n"  # 7
    "10,pay,Couple on a date night,\n"  # 8
    "2,,couple,Not romantic at all\n"  # 9: about no touchpoint
    "6,pay,couple,\n"  # 10
    "5,pay,Business travellers,\n"  # 11: no such persona
    "0,pay,business  travellers,\n"  # 12: the same value, another spelling
    "9,arrive,,\n"  # 13: no persona
    "10,wait, ,\n"  # 14: a blank cell is no persona
)


def run(text: str = SURVEY, **options):  # type: ignore[no-untyped-def]
    return import_csv_bytes(text.encode(), "survey.csv", DESIGN, today=TODAY, **options)


def counts(result) -> tuple[int, int, int, float | None]:  # type: ignore[no-untyped-def]
    return (result.promoters, result.passives, result.detractors, result.score)


# -- NPS arithmetic ---------------------------------------------------------------------


def test_nps_per_persona_as_worked_by_hand():
    feedback = run().feedback
    family = feedback.persona_nps("family")
    assert counts(family) == (3, 1, 1, 40.0)
    assert (family.low, family.high) == (nps_of(3, 1, 1).low, nps_of(3, 1, 1).high)
    assert family.low is not None and family.high is not None
    assert family.low < 40.0 < family.high  # five answers: a wide interval
    assert counts(feedback.persona_nps("couple")) == (1, 1, 2, -25.0)
    assert counts(feedback.persona_nps("Business travellers")) == (0, 0, 2, -100.0)
    assert counts(feedback.other_guests) == (2, 0, 0, 100.0)
    overall = feedback.overall
    assert counts(overall)[:3] == (6, 2, 5)
    assert overall.score == pytest.approx(100 / 13)


def test_nps_per_persona_and_touchpoint_as_worked_by_hand():
    feedback = run().feedback
    at_arrive = feedback.persona_nps_at("family", "arrive")
    assert counts(at_arrive)[:3] == (2, 0, 1)
    assert at_arrive.score == pytest.approx(100 / 3)
    assert counts(feedback.persona_nps_at("family", "pay")) == (1, 1, 0, 50.0)
    assert counts(feedback.persona_nps_at("couple", "arrive")) == (0, 1, 0, 0.0)
    assert counts(feedback.persona_nps_at("couple", "pay")) == (1, 0, 1, 0.0)
    assert counts(feedback.persona_nps_at("couple", OVERALL)) == (0, 0, 1, -100.0)
    # The touchpoints' own NPS still counts every answer, whoever gave it.
    assert counts(feedback.nps_at("arrive"))[:3] == (3, 1, 1)


def test_a_persona_nobody_answered_as_has_an_undefined_nps():
    feedback = run().feedback
    for result in (
        feedback.persona_nps("solo"),
        feedback.persona_nps("nobody"),
        feedback.persona_nps_at("family", "wait"),
        feedback.persona_nps_at("nobody", "arrive"),
    ):
        assert result.responses == 0
        assert result.score is None and result.low is None
    assert "solo" not in feedback.personas


def test_answers_are_kept_per_persona_and_touchpoint_in_the_design_order():
    feedback = run().feedback
    assert list(feedback.personas) == ["family", "couple", "Business travellers"]
    assert list(feedback.personas["family"]) == ["arrive", "pay"]
    assert list(feedback.personas["couple"]) == [OVERALL, "arrive", "pay"]
    assert feedback.personas["family"]["arrive"].scores == [0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1]


def test_each_persona_keeps_its_own_strongest_comments():
    feedback = run().feedback
    family_arrive = feedback.personas["family"]["arrive"].comments
    assert [(c.score, c.text, c.line) for c in family_arrive] == [
        (3, "Too loud for the little one", 6),
        (10, "Lovely welcome", 2),
    ]
    assert [c.text for c in feedback.personas["couple"][OVERALL].comments] == [
        "Not romantic at all"
    ]
    assert [c.text for c in feedback.touchpoints["pay"].comments] == ["Slow bill"]


def test_a_persona_keeps_its_two_lowest_and_two_highest_comments_per_touchpoint():
    scores = [5, 0, 10, 3, 9, 1, 8, 2, 10, 4, 7, 6]
    rows = "".join(f"{n},arrive,family,said {i} with {n}\n" for i, n in enumerate(scores))
    feedback = run("score,stage,persona,comment\n" + rows).feedback
    assert [c.score for c in feedback.personas["family"]["arrive"].comments] == [0, 1, 10, 10]
    # The touchpoint keeps its five and five, as before.
    assert [c.score for c in feedback.touchpoints["arrive"].comments] == [
        0,
        1,
        2,
        3,
        4,
        7,
        8,
        9,
        10,
        10,
    ]


# -- matching values --------------------------------------------------------------------


def test_values_match_persona_ids_and_names_like_touchpoints_do():
    result = run(
        "score,guest type\n1,family\n2,Family With Toddlers\n3,COUPLE\n4, couple on a  date night\n"
    )
    personas = result.feedback.personas
    assert {who: {OVERALL: bucket[OVERALL].responses} for who, bucket in personas.items()} == {
        "family": {OVERALL: 2},
        "couple": {OVERALL: 2},
    }
    assert result.unmatched_personas == []


def test_a_value_that_matches_no_persona_is_kept_as_written_and_reported():
    result = run()
    assert [(u.value, u.rows, u.first_line) for u in result.unmatched_personas] == [
        ("Business travellers", 2, 11)
    ]
    assert result.unmatched == []  # a persona is not a touchpoint
    assert result.feedback.personas["Business travellers"]["pay"].responses == 2


def test_a_blank_persona_cell_counts_as_before_in_no_persona():
    with_column = run().feedback
    without = run(
        "\n".join(",".join(row.split(",")[:2] + row.split(",")[3:]) for row in SURVEY.splitlines())
        + "\n"
    ).feedback
    assert without.columns.persona is None and without.personas == {}
    assert with_column.touchpoints == without.touchpoints  # same tallies, same comments
    assert with_column.source.imported_rows == without.source.imported_rows == 13
    assert with_column.nps_at("wait").responses == 1  # row 14's blank cell


def test_without_a_design_persona_values_are_kept_as_written():
    result = import_csv_bytes(b"score,persona\n9,family\n", "s.csv", None)
    assert list(result.feedback.personas) == ["family"]


# -- the column -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "Persona",
        "Guest type",
        "Customer segment",
        "Segment",
        "Which segment describes you best?",
        "Type of guest",
        "Typ gościa",
        "Rodzaj gości",
        "Segment klienta",
        "客群",
        "顾客类型",
        "人群",
        "客户细分（家庭/情侣）",
    ],
)
def test_the_persona_column_is_recognised_in_three_languages(header):
    columns = plan_columns(["Data", header, "Ocena", "Touchpoint", "Comment"]).columns()
    assert columns.persona == header
    assert (columns.score, columns.touchpoint, columns.date, columns.comment) == (
        "Ocena",
        "Touchpoint",
        "Data",
        "Comment",
    )


@pytest.mark.parametrize(
    "headers",
    [
        ["Score", "Stage", "Why?"],
        ["Ocena", "Etap", "Uwagi"],
        ["推荐意愿", "触点", "评论"],
        ["Score", "Guest name", "Party size"],
    ],
)
def test_no_persona_column_is_guessed_where_there_is_none(headers):
    assert plan_columns(headers).columns().persona is None


def test_the_persona_column_can_be_named_with_map():
    headers = ["Q1", "Q2", "Q3"]
    assert plan_columns(headers, parse_map(["score=Q1,persona=Q3"])).columns().persona == "Q3"
    assert plan_columns(headers, parse_map(["score=1", "persona=2"])).persona == 1
    # An empty mapping means the survey has no persona column, whatever the headers say.
    plan = plan_columns(["Score", "Segment"], parse_map(["persona="]))
    assert plan.persona is None
    result = run("Q1,Q2,Q3\n9,arrive,couple\n", mapping=parse_map(["score=Q1,persona=Q3"]))
    assert result.feedback.columns.persona == "Q3"
    assert result.feedback.persona_nps("couple").responses == 1


# -- the reading shared by show, the brief and the workbench ----------------------------


def test_answers_by_persona_lists_the_design_personas_then_the_others():
    graph = DesignGraph(DESIGN)
    rows = answers_by_persona(graph, run().feedback)
    assert [(r.key, r.in_design, r.nps.responses) for r in rows] == [
        ("family", True, 5),
        ("couple", True, 4),
        ("solo", True, 0),  # asked, and nobody answered as a solo diner
        ("Business travellers", False, 2),
    ]
    assert rows[0].persona is not None and rows[0].persona.share == 60
    # Journey order (arrive, wait, pay), not file order; answers about no touchpoint last.
    assert [c.touchpoint for c in rows[1].cells] == ["arrive", "pay", OVERALL]
    assert [c.touchpoint for c in rows[0].cells] == ["arrive", "pay"]


def test_answers_by_persona_is_empty_when_the_survey_did_not_ask():
    feedback = run("score,stage\n9,arrive\n").feedback
    assert answers_by_persona(DesignGraph(DESIGN), feedback) == []


# -- the side file ----------------------------------------------------------------------

SHA = "cd" * 32
OLD_SIDE_FILE = f"""\
cuecraft-feedback: 1
source:
  file: survey.csv
  sha256: {SHA}
  imported: "2024-05-02"
  rows: {{read: 3, imported: 3, skipped: 0}}
mapping:
  score: Score
  touchpoint: Stage
touchpoints:
  arrive:
    scores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
  pay:
    scores: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
"""

WITH_PERSONAS = f"""\
cuecraft-feedback: 1
source:
  file: survey.csv
  sha256: {SHA}
  imported: "2024-05-02"
  rows: {{read: 3, imported: 3, skipped: 0}}
mapping:
  score: Score
  touchpoint: Stage
  persona: Typ gościa
touchpoints:
  arrive:
    scores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
  pay:
    scores: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    comments:
      - score: 0
        line: 4
        text: "Kolejka: 40 minut"
personas:
  family:
    arrive:
      scores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    pay:
      scores: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
      comments:
        - score: 0
          line: 4
          text: "Kolejka: 40 minut"
  "Business: group":
    arrive:
      scores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]
"""


def sample() -> Feedback:
    said = [Comment(0, "Kolejka: 40 minut", None, 4)]
    return Feedback(
        Source("survey.csv", SHA, "2024-05-02", 3, 3, 0),
        Columns("Score", "Stage", persona="Typ gościa"),
        {
            "arrive": TouchpointFeedback([0] * 9 + [1, 1]),
            "pay": TouchpointFeedback([1] + [0] * 10, said),
        },
        {
            "family": {
                "arrive": TouchpointFeedback([0] * 10 + [1]),
                "pay": TouchpointFeedback([1] + [0] * 10, said),
            },
            "Business: group": {"arrive": TouchpointFeedback([0] * 9 + [1, 0])},
        },
    )


def test_the_side_file_keeps_the_personas_in_a_canonical_text(tmp_path):
    assert dump_feedback(sample()) == WITH_PERSONAS
    path = tmp_path / "cafe.feedback.yaml"
    save_feedback(sample(), path)
    loaded = load_feedback(path)
    assert loaded == sample()
    assert list(loaded.personas) == ["family", "Business: group"]
    assert counts(loaded.persona_nps("family")) == (1, 0, 1, 0.0)
    save_feedback(loaded, path)
    assert path.read_text(encoding="utf-8") == WITH_PERSONAS


def test_imported_personas_round_trip():
    feedback = run().feedback
    text = dump_feedback(feedback)
    assert parse_feedback(text) == feedback
    assert dump_feedback(parse_feedback(text)) == text


def test_an_old_side_file_without_personas_still_loads_and_keeps_its_bytes():
    feedback = parse_feedback(OLD_SIDE_FILE)
    assert feedback.personas == {}
    assert feedback.columns.persona is None
    assert feedback.persona_nps("family").responses == 0
    assert counts(feedback.other_guests) == (2, 0, 1, pytest.approx(100 / 3))
    assert dump_feedback(feedback) == OLD_SIDE_FILE


def test_a_bad_persona_tally_is_refused_with_its_location():
    text = WITH_PERSONAS.replace(
        "      scores: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]", "      scores: [0, 1]"
    )
    with pytest.raises(FeedbackLoadError) as caught:
        parse_feedback(text, "cafe.feedback.yaml")
    assert (caught.value.line, caught.value.column) == (23, 15)  # the persona's arrive scores
    assert "touchpoint “arrive” of persona “family”" in caught.value.message
    with pytest.raises(FeedbackLoadError, match="personas must be a mapping"):
        parse_feedback(OLD_SIDE_FILE + "personas: [family]\n")


# -- the worked example -----------------------------------------------------------------


def test_the_rainforest_survey_names_personas_consistently_with_the_design():
    design_path = DESIGNS / "rainforest-cafe.yaml"
    design = load_design(design_path)
    result = import_csv(DESIGNS / "feedback" / "rainforest-cafe-survey.csv", design)
    feedback = result.feedback
    assert feedback.columns.persona == "Guest type"
    assert result.unmatched_personas == []
    graph = DesignGraph(design)
    assert set(feedback.personas) == set(graph.persona_journeys) == {"family", "couple"}
    for persona, journey in graph.persona_journeys.items():
        # No family answer is about the bar, no couple's about the shop or the outpost.
        assert journey.skipped and not journey.skipped & set(feedback.personas[persona])
    assert feedback.other_guests.responses > 0  # guests of neither persona answered too
    total = sum(feedback.persona_nps(p).responses for p in feedback.personas)
    assert total + feedback.other_guests.responses == feedback.overall.responses == 675
    # The side file beside the design is this import, made with `cuecraft feedback import`.
    committed = feedback_for_design(design_path)
    assert committed is not None
    assert committed.source.sha256 == feedback.source.sha256
    assert (committed.touchpoints, committed.personas) == (feedback.touchpoints, feedback.personas)
