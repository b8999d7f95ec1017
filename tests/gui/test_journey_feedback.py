"""Guest feedback in the journey view: measured NPS beside the designed emotion curve.

The worked example rainforest-cafe.yaml has rainforest-cafe.feedback.yaml beside
it (check-in: NPS −30 from 60 answers, the FBK001 hotspot); museum-exhibition.yaml
has none and must look exactly as it did before feedback existed. The survey
says who answered (a family with toddlers, a couple on a date night): following
one persona, the view shows their answers (`Feedback.persona_nps_at`), named as
theirs, and "All guests" is the view as it always was.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from cuecraft.core.feedback import (
    Columns,
    Feedback,
    Nps,
    Source,
    TouchpointFeedback,
    describe,
    import_csv,
    save_feedback,
    side_file_path,
    signed,
)
from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.rules.feedback import MIN_RESPONSES
from cuecraft.gui.document import Document
from cuecraft.gui.views import JourneyView
from cuecraft.gui.views._style import severity_color
from cuecraft.gui.views.journey_nps import nps_color, nps_y
from cuecraft.gui.views.journey_personas import ALL

DESIGNS = Path(__file__).resolve().parents[2] / "designs"
SURVEY = DESIGNS / "feedback" / "rainforest-cafe-survey.csv"


def opened(path: Path) -> Document:
    return Document(load_design(path), path)


def shown(qtbot, widget: QWidget) -> JourneyView:
    assert isinstance(widget, JourneyView)
    qtbot.addWidget(widget)
    widget.resize(1500, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixel(view: JourneyView, tp_id: str) -> QColor:
    point = view.nps_center(tp_id)
    image: QImage = view.canvas().viewport().grab().toImage()
    return image.pixelColor(point)


def close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.fixture
def cafe_copy(tmp_path: Path) -> Path:
    """rainforest-cafe.yaml alone in a folder: no feedback beside it yet."""
    path = tmp_path / "rainforest-cafe.yaml"
    shutil.copy(DESIGNS / "rainforest-cafe.yaml", path)
    return path


def test_rainforest_cafe_shows_measured_nps_per_touchpoint(qtbot):
    doc = opened(DESIGNS / "rainforest-cafe.yaml")
    assert doc.feedback is not None
    view = shown(qtbot, JourneyView(doc))
    measured = view.measured()
    assert sorted(measured) == sorted(t.id for t in doc.design.touchpoints)
    score, low, high, responses = measured["check-in"]
    assert (round(score), responses) == (-30, 60)
    assert low < score < high
    expected = doc.feedback.nps_at("check-in")
    assert (low, high) == (expected.low, expected.high)
    # The detractor hotspot, as FBK001 sees it; every other touchpoint is liked.
    assert view.hotspots() == ["check-in"]
    assert "check-in" in {i for f in doc.result.findings if f.code == "FBK001" for i in f.ids}
    assert all(measured[t][0] > 0 for t in measured if t != "check-in")


def test_the_hotspot_is_drawn_in_the_error_colour_the_others_in_the_nps_colour(qtbot):
    view = shown(qtbot, JourneyView(opened(DESIGNS / "rainforest-cafe.yaml")))
    pal = view.canvas().palette()
    assert close(pixel(view, "check-in"), severity_color(pal, "error"))
    assert close(pixel(view, "arrive"), nps_color(pal))


def test_legend_names_both_series_and_the_overall_score(qtbot):
    doc = opened(DESIGNS / "rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    legend = view.legend()
    assert legend[0] == "designed emotion"
    assert legend[1].startswith("measured NPS (guests)")
    assert any("hotspot" in text and "FBK001" in text for text in legend)
    # Every touchpoint has at least MIN_RESPONSES answers: no "few answers" entry.
    assert not any("fewer than" in text for text in legend)
    assert any(text.startswith("overall NPS +43") for text in legend)


def test_cards_get_an_nps_chip_with_the_score_answers_and_strongest_comments(qtbot):
    doc = opened(DESIGNS / "rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    chips = view.nps_chips()
    assert set(chips) == set(view.card_ids())
    assert chips["check-in"] == "NPS −30 · 60 answers"
    card = view.card_item("check-in")
    assert card is not None
    chip = next(c for c in card.childItems() if c.toolTip())
    tip = chip.toolTip()
    assert describe(doc.feedback.nps_at("check-in")) in tip  # type: ignore[union-attr]
    assert "FBK001" in tip
    # The two lowest-scored comments: where guests are unhappy, theirs say most.
    assert "Queue spilled into the food court" in tip
    assert "The Saturday queue ruined it" in tip
    assert tip.count("/10") == 2
    # The card's own tooltip mentions the measured score too.
    assert "guests: NPS -30" in card.toolTip()


def test_a_design_without_feedback_shows_no_nps_series(qtbot):
    doc = opened(DESIGNS / "museum-exhibition.yaml")
    assert doc.feedback is None
    view = shown(qtbot, JourneyView(doc))
    assert view.measured() == {}
    assert view.hotspots() == []
    assert view.legend() == []
    assert view.nps_chips() == {}
    assert view.canvas().legend is None  # type: ignore[attr-defined]


def test_importing_feedback_makes_the_series_appear_and_removing_it_restores_the_view(
    qtbot, cafe_copy
):
    doc = opened(cafe_copy)
    assert doc.feedback is None
    view = shown(qtbot, JourneyView(doc))
    assert view.measured() == {}
    assert view.legend() == []
    before = view.grab().toImage()

    result = import_csv(SURVEY, doc.design)
    save_feedback(result.feedback, side_file_path(cafe_copy))
    with qtbot.waitSignal(doc.checked):
        doc.reload_feedback()
    measured = view.measured()
    assert measured["check-in"][3] == 60
    assert round(measured["check-in"][0]) == -30
    assert view.hotspots() == ["check-in"]
    assert view.legend()[:1] == ["designed emotion"]
    assert view.nps_chips()["check-in"] == "NPS −30 · 60 answers"
    assert view.grab().toImage() != before

    # Forget the feedback: the view is exactly what it was, pixel for pixel.
    side_file_path(cafe_copy).unlink()
    with qtbot.waitSignal(doc.checked):
        doc.reload_feedback()
    assert view.measured() == {}
    assert view.legend() == []
    assert view.grab().toImage() == before


def small(feedback: dict[str, list[int]]) -> Document:
    design = parse_design(
        "cuecraft: 1\ntitle: Small\ntheme: {name: N, motifs: [m]}\n"
        "touchpoints:\n"
        "  - {id: a, name: Arrive, phase: before, next: [b], emotion: 1}\n"
        "  - {id: b, name: Visit, phase: during, next: [c], emotion: 3}\n"
        "  - {id: c, name: Leave, phase: after, emotion: 2}\n"
    )
    doc = Document(design)
    doc.feedback = Feedback(
        Source("survey.csv", "0" * 64, "2026-01-01", 0, 0, 0),
        Columns("score"),
        {tp: TouchpointFeedback(scores=scores) for tp, scores in feedback.items()},
    )
    doc.recheck()
    return doc


def test_few_answers_are_shown_but_never_as_a_hotspot(qtbot):
    few = [3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]  # NPS −50 from 4 answers
    many = [0] * 9 + [20, 20]  # NPS +100 from 40 answers
    view = shown(qtbot, JourneyView(small({"a": few, "b": many})))
    assert 4 < MIN_RESPONSES <= 40
    measured = view.measured()
    assert (measured["a"][0], measured["a"][3]) == (-50.0, 4)
    assert measured["b"][0] == 100.0
    assert "c" not in measured  # nobody answered about it: no point, no line through it
    assert view.hotspots() == []
    assert f"fewer than {MIN_RESPONSES} answers" in view.legend()
    assert not any("hotspot" in text for text in view.legend())
    chips = view.nps_chips()
    assert chips["a"] == "NPS −50 · 4 answers"
    assert chips["c"] == "NPS — · no answers"
    # Hollow: the centre of the diamond is the base colour, not the series colour.
    pal = view.canvas().palette()
    assert close(pixel(view, "a"), pal.color(pal.ColorRole.Base), 12)
    assert close(pixel(view, "b"), nps_color(pal))


# -- one persona followed (issue 16): their answers, named as theirs -------------------------


def chip_text(result: Nps) -> str:
    """A chip as the view writes it in English: 'NPS −27 · 33 answers'."""
    assert result.score is not None and result.responses > 1
    return f"NPS {signed(result.score).replace('-', '−')} · {result.responses} answers"


def chip_tooltip(view: JourneyView, tp_id: str) -> str:
    card = view.card_item(tp_id)
    assert card is not None
    return next(c for c in card.childItems() if c.toolTip()).toolTip()


def follow(view: JourneyView, persona: str) -> None:
    view.personas().switch.choose(persona)


@pytest.mark.parametrize(
    ("persona", "name"), [("family", "Family with toddlers"), ("couple", "Couple on a date night")]
)
def test_following_a_persona_shows_their_nps_where_they_answered_and_none_elsewhere(
    qtbot, persona, name
):
    doc = opened(DESIGNS / "rainforest-cafe.yaml")
    feedback = doc.feedback
    assert feedback is not None and persona in feedback.personas
    view = shown(qtbot, JourneyView(doc))
    everyone = view.nps_chips()
    follow(view, persona)

    chips, measured = view.nps_chips(), view.measured()
    answered = [t for t in view.card_ids() if feedback.persona_nps_at(persona, t).responses]
    silent = [t for t in view.card_ids() if t not in answered]
    for tp in answered:
        theirs = feedback.persona_nps_at(persona, tp)
        assert chips[tp] == chip_text(theirs), tp
        assert measured[tp] == (theirs.score, theirs.low, theirs.high, theirs.responses), tp
    # Their numbers, not every guest's: they differ somewhere.
    assert any(chips[tp] != everyone[tp] for tp in answered)
    # Where they gave no answers (the touchpoints they skip): no point, and a chip that
    # says so — never every guest's number in their place.
    skipped = doc.result.graph.persona_journeys[persona].skipped
    assert set(silent) == skipped and silent
    for tp in silent:
        assert tp not in measured
        assert chips[tp] == "NPS — · no answers"

    legend = view.legend()
    assert f"measured NPS ({name}), 95% interval" in legend
    assert not any(text.startswith("measured NPS (guests)") for text in legend)
    overall = feedback.persona_nps(persona)
    assert chip_text(overall).replace("NPS", f"overall NPS ({name})") in legend
    assert "fewer than 30 answers" in legend  # some of their touchpoints have fewer


def test_a_persona_chip_names_them_and_quotes_their_comments(qtbot):
    doc = opened(DESIGNS / "rainforest-cafe.yaml")
    feedback = doc.feedback
    assert feedback is not None
    view = shown(qtbot, JourneyView(doc))
    follow(view, "couple")
    tip = chip_tooltip(view, "check-in")
    theirs = feedback.persona_nps_at("couple", "check-in")
    assert tip.startswith("<b>Couple on a date night at Check in with the safari guide</b>")
    assert describe(theirs) in tip
    assert "fewer than 30 answers: not yet evidence" in tip  # 20 answers
    # Their two strongest comments, not every guest's.
    bucket = feedback.persona_at("couple", "check-in")
    assert bucket is not None
    quoted = [c.text for c in bucket.comments if f"“{c.text}”" in tip]
    assert len(quoted) == tip.count("/10") == 2
    assert "Queue spilled into the food court" not in tip  # a family's words
    card = view.card_item("check-in")
    assert card is not None
    assert f"Couple on a date night: {describe(theirs)}" in card.toolTip()
    assert "guests: NPS" not in card.toolTip()


def test_the_hotspot_stays_every_guests_and_says_so(qtbot):
    doc = opened(DESIGNS / "rainforest-cafe.yaml")
    feedback = doc.feedback
    assert feedback is not None
    view = shown(qtbot, JourneyView(doc))
    follow(view, "family")
    # FBK001 reads every guest's answers per touchpoint: the same touchpoint, named so.
    assert view.hotspots() == ["check-in"]
    legend = view.legend()
    assert "all guests below 0: detractor hotspot (FBK001)" in legend
    assert "below 0: detractor hotspot (FBK001)" not in legend
    tip = chip_tooltip(view, "check-in")
    everyone = describe(feedback.nps_at("check-in"))
    assert f"<b>FBK001</b> detractor hotspot for all guests: {everyone}" in tip
    # The family's own diamond is in the NPS colour, not marked as the hotspot; every
    # guest's hotspot is a red ring at every guest's score, apart from it.
    pal = view.canvas().palette()
    assert close(pixel(view, "check-in"), nps_color(pal))
    canvas = view.canvas()
    geo = canvas.geo
    assert geo is not None
    x = canvas.mapToScene(view.nps_center("check-in")).x()
    row = canvas.mapFromScene(x, nps_y(geo, feedback.nps_at("check-in").score or 0))
    image = canvas.viewport().grab().toImage()
    left_of_it = [image.pixelColor(row.x() + dx, row.y()) for dx in range(-13, -8)]
    assert any(close(c, severity_color(pal, "error"), 50) for c in left_of_it)


def test_all_guests_again_is_exactly_the_view_as_it_was(qtbot):
    doc = opened(DESIGNS / "rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    before = (view.nps_chips(), view.measured(), view.legend(), view.hotspots())
    image = view.canvas().viewport().grab().toImage()
    follow(view, "family")
    assert view.nps_chips() != before[0] and view.measured() != before[1]
    follow(view, ALL)
    assert (view.nps_chips(), view.measured(), view.legend(), view.hotspots()) == before
    assert view.nps_chips()["check-in"] == "NPS −30 · 60 answers"
    assert view.canvas().viewport().grab().toImage() == image


def with_personas(feedback: Feedback) -> Document:
    """Three touchpoints, two personas (Solo skips b), and `feedback`."""
    design = parse_design(
        "cuecraft: 1\ntitle: Small\ntheme: {name: N, motifs: [m]}\n"
        "touchpoints:\n"
        "  - {id: a, name: Arrive, phase: before, next: [b], emotion: 1}\n"
        "  - {id: b, name: Visit, phase: during, next: [c], emotion: 3}\n"
        "  - {id: c, name: Leave, phase: after, emotion: 2}\n"
        "personas:\n"
        "  - {id: solo, name: Solo, share: 20, skips: [b]}\n"
        "  - {id: group, name: Group, share: 50}\n"
    )
    doc = Document(design)
    doc.feedback = feedback
    doc.recheck()
    return doc


HOTSPOT = [30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10]  # NPS −50 from 40 answers
LIKED = [0] * 9 + [20, 20]  # NPS +100 from 40 answers


def survey(columns: Columns, personas: dict[str, dict[str, list[int]]]) -> Feedback:
    return Feedback(
        Source("survey.csv", "0" * 64, "2026-01-01", 0, 0, 0),
        columns,
        {"a": TouchpointFeedback(scores=HOTSPOT), "b": TouchpointFeedback(scores=LIKED)},
        {
            who: {tp: TouchpointFeedback(scores=s) for tp, s in answers.items()}
            for who, answers in personas.items()
        },
    )


def test_a_survey_that_does_not_say_who_answered_shows_no_nps_for_a_persona(qtbot):
    doc = with_personas(survey(Columns("score", "touchpoint"), {}))
    view = shown(qtbot, JourneyView(doc))
    everyone = (view.nps_chips(), view.measured(), view.legend())
    assert set(everyone[1]) == {"a", "b"}
    follow(view, "group")
    # Every guest's numbers would read as the group's: nothing of theirs can be told.
    assert view.measured() == {}
    assert view.nps_chips() == {"a": "NPS —", "b": "NPS —", "c": "NPS —"}
    legend = view.legend()
    assert "no NPS for Group: the survey does not say who answered" in legend
    assert not any(text.startswith(("measured NPS", "overall NPS")) for text in legend)
    tip = chip_tooltip(view, "a")
    assert tip.startswith("<b>Group at Arrive</b><br>the survey does not say who answered")
    # Every guest's hotspot is still theirs to see, as every guest's.
    assert view.hotspots() == ["a"]
    assert "all guests below 0: detractor hotspot (FBK001)" in legend
    assert "detractor hotspot for all guests: NPS -50" in tip
    follow(view, ALL)
    assert (view.nps_chips(), view.measured(), view.legend()) == everyone


def test_a_persona_nobody_answered_as_has_no_points_and_the_legend_says_so(qtbot):
    # The survey says who answered, but only the group did (and someone the design lacks).
    feedback = survey(
        Columns("score", "touchpoint", persona="Guest type"),
        {"group": {"a": LIKED, "c": LIKED}, "walk-in": {"b": LIKED}},
    )
    view = shown(qtbot, JourneyView(with_personas(feedback)))
    follow(view, "solo")
    assert view.measured() == {}
    assert set(view.nps_chips().values()) == {"NPS — · no answers"}
    assert "no answers from Solo in the survey" in view.legend()
    follow(view, "group")
    measured = view.measured()
    assert set(measured) == {"a", "c"}  # none at b: none of them said a word there
    theirs = feedback.persona_nps_at("group", "a")
    assert measured["a"] == (100.0, theirs.low, theirs.high, 40)  # every guest's: −50
    assert view.nps_chips()["b"] == "NPS — · no answers"
    assert "measured NPS (Group), 95% interval" in view.legend()
