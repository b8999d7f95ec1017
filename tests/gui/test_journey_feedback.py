"""Guest feedback in the journey view: measured NPS beside the designed emotion curve.

The worked example rainforest-cafe.yaml has rainforest-cafe.feedback.yaml beside
it (check-in: NPS −30 from 60 answers, the FBK001 hotspot); museum-exhibition.yaml
has none and must look exactly as it did before feedback existed.
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
    Source,
    TouchpointFeedback,
    describe,
    import_csv,
    save_feedback,
    side_file_path,
)
from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.rules.feedback import MIN_RESPONSES
from cuecraft.gui.document import Document
from cuecraft.gui.views import JourneyView
from cuecraft.gui.views._style import severity_color
from cuecraft.gui.views.journey_nps import nps_color

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
