"""Renaming a touchpoint or a zone changes the words of its journey card in place (issue
19: drawing a 10,000-cue journey again on every keystroke of a name froze the window);
anything else a card shows moving draws the journey again. Either way the cards say
what a journey drawn afresh says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design
from cuecraft.gui.document import Document
from cuecraft.gui.views.journey import JourneyView
from cuecraft.gui.views.journey_chart import EmotionChart
from cuecraft.gui.views.journey_items import CardItem

DESIGNS = Path(__file__).resolve().parents[2] / "designs"
RAINFOREST = DESIGNS / "rainforest-cafe.yaml"


def cards(view: JourneyView) -> dict[str, CardItem]:
    scene = view._canvas.scene()
    return {item.tp_id: item for item in scene.items() if isinstance(item, CardItem)}


def shown(view: JourneyView) -> dict[str, tuple[str, str, str]]:
    return {t: (c.info.name, c.info.zone, c.info.tooltip) for t, c in cards(view).items()}


def fresh(qtbot: Any, document: Document) -> JourneyView:
    view = JourneyView(document)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def test_a_renamed_touchpoint_or_zone_is_reworded_in_place(qtbot: Any) -> None:
    document = Document(load_design(RAINFOREST))
    view = fresh(qtbot, document)
    before = cards(view)
    touchpoint = document.design.touchpoints[2]
    zone = document.design.zones[0]
    for edit in (
        SetField(touchpoint.id, "name", "Meet the gorilla at the door", merge=True),
        SetField(zone.id, "name", "Mall front (renamed)", merge=True),
    ):
        assert document.push(edit) is None
        document.flush()
        now = cards(view)
        assert all(now[t] is before[t] for t in before)  # the same cards, not redrawn
        again = fresh(qtbot, document)
        assert shown(view) == shown(again)
        assert view._drawing.summary == again._drawing.summary  # what screen readers hear
    assert cards(view)[touchpoint.id].info.name == "Meet the gorilla at the door"


def drawn(view: JourneyView) -> dict[str, object]:
    """All the journey shows besides its cards' words: feelings, curve, marks, sums."""
    drawing = view._drawing
    chart = drawing.chart
    assert chart is not None
    items = view._canvas.scene().items()
    return {
        "feelings": {t: c.info.emotion for t, c in cards(view).items()},
        "curve": [(p.tp_id, p.x, p.emotion, p.marker, p.unreachable) for p in chart.points],
        "charts": sum(1 for item in items if isinstance(item, EmotionChart)),
        "markers": view.markers(),
        "labels": view.marker_labels(),
        "measured": view.measured(),
        "hotspots": view.hotspots(),
        "legend": view.legend(),
        "personas": view.personas().state.drawn(),
        "summary": drawing.summary,
        "texts": sorted(view.scene_texts()),
        "selected": view.selected_card(),
    }


@pytest.mark.parametrize("name", ["rainforest-cafe.yaml", "boutique-hotel.yaml"])
def test_a_changed_feeling_redraws_the_curves_and_keeps_the_cards(qtbot: Any, name: str) -> None:
    # At 10,000 cues laying the journey out again froze the window for a third of a
    # second whenever an emotion was set (issue 19).
    document = Document(load_design(DESIGNS / name), DESIGNS / name)  # with its feedback
    view = fresh(qtbot, document)
    before = cards(view)
    design = document.design
    marks = [view.markers()]
    document.select(design.touchpoints[1].id)
    for touchpoint, new in (
        (design.touchpoints[2], 3),  # a new peak, maybe
        (design.touchpoints[2], -3),
        (design.touchpoints[0], -1),
    ):
        if touchpoint.emotion == new:
            new = -new
        assert document.push(SetField(touchpoint.id, "emotion", new)) is None
        document.flush()
        now = cards(view)
        assert all(now[t] is before[t] for t in before)  # the same cards, not drawn again
        assert now[touchpoint.id].info.emotion == new
        again = fresh(qtbot, document)
        assert drawn(view) == drawn(again)
        assert shown(view) == shown(again)
        marks.append(view.markers())
    assert len({tuple(sorted(m.items())) for m in marks}) > 1  # the peak moved with them


def test_a_touchpoint_moved_to_another_phase_draws_the_journey_again(qtbot: Any) -> None:
    document = Document(load_design(RAINFOREST))
    view = fresh(qtbot, document)
    before = cards(view)
    touchpoint = document.design.touchpoints[2]
    phase = "after" if touchpoint.phase != "after" else "before"
    assert document.push(SetField(touchpoint.id, "phase", phase)) is None
    document.flush()
    assert cards(view)[touchpoint.id] is not before[touchpoint.id]
    assert shown(view) == shown(fresh(qtbot, document))


def test_the_first_findings_badge_the_cards_in_place(qtbot: Any) -> None:
    # A start draws the journey before its first check: the findings then badge the
    # cards that were drawn, without drawing the journey again.
    document = Document(load_design(RAINFOREST), check_now=False)
    view = fresh(qtbot, document)
    before = cards(view)
    assert not any(card.info.badge for card in before.values())
    document.flush()
    now = cards(view)
    assert all(now[t] is before[t] for t in before)
    assert any(card.info.badge for card in now.values())
    badges = {t: c.info.badge for t, c in cards(fresh(qtbot, document)).items()}
    assert {t: c.info.badge for t, c in now.items()} == badges
    assert shown(view) == shown(fresh(qtbot, document))


def test_a_changed_feeling_with_one_persona_followed(qtbot: Any) -> None:
    document = Document(load_design(RAINFOREST), RAINFOREST)
    view = fresh(qtbot, document)
    view.personas().switch.choose("family")
    before = cards(view)
    arrive = document.design.touchpoints[2]
    assert document.push(SetField(arrive.id, "emotion", -3)) is None
    document.flush()
    now = cards(view)
    assert all(now[t] is before[t] for t in before)
    again = fresh(qtbot, document)
    again.personas().switch.choose("family")
    assert drawn(view) == drawn(again)
    assert view.personas().state.drawn()["family"][arrive.id] == -3


def test_a_changed_feeling_while_comparing_with_another_design(qtbot: Any) -> None:
    from cuecraft.core.graph import DesignGraph
    from cuecraft.gui.views.journey_compare import AsIs

    other = load_design(DESIGNS / "rainforest-cafe.yaml")
    other.touchpoints[3].emotion = -2
    as_is = AsIs("before.yaml", DesignGraph(other))
    document = Document(load_design(RAINFOREST))
    view = fresh(qtbot, document)
    view.set_as_is(as_is)
    before = cards(view)
    touchpoint = document.design.touchpoints[3]
    assert document.push(SetField(touchpoint.id, "emotion", 3)) is None
    document.flush()
    assert all(cards(view)[t] is before[t] for t in before)
    again = fresh(qtbot, document)
    again.set_as_is(as_is)
    assert view.as_is_drawn() == again.as_is_drawn()
    assert drawn(view) == drawn(again)
    charts = [i for i in view._canvas.scene().items() if type(i).__name__ == "AsIsCurve"]
    assert len(charts) == 1  # the old curve went with the new one drawn


def test_a_personas_own_feeling_redraws_their_curve(qtbot: Any) -> None:
    # The cards show the design's feelings for all guests: a persona's own changed none.
    document = Document(load_design(RAINFOREST), RAINFOREST)
    view = fresh(qtbot, document)
    before = cards(view)
    own = {"storm": -3, "volcano": 3, "outpost": 3}
    assert document.push(SetField("family", "emotion", own)) is None
    document.flush()
    assert all(cards(view)[t] is before[t] for t in before)
    assert view.personas().state.drawn()["family"]["storm"] == -3
    assert drawn(view) == drawn(fresh(qtbot, document))


def test_a_feeling_the_persona_followed_skips_moves_the_designs_faint_curve(qtbot: Any) -> None:
    document = Document(load_design(RAINFOREST), RAINFOREST)
    view = fresh(qtbot, document)
    view.personas().switch.choose("family")  # who skip the volcano bar
    assert document.push(SetField("bar-wait", "emotion", -3)) is None
    document.flush()
    again = fresh(qtbot, document)
    again.personas().switch.choose("family")
    assert drawn(view) == drawn(again)
    chart = view._drawing.chart
    assert chart is not None
    assert next(p.emotion for p in chart.points if p.tp_id == "bar-wait") == -3
