"""Renaming a touchpoint or a zone changes the words of its journey card in place (issue
19: drawing a 10,000-cue journey again on every keystroke of a name froze the window);
anything else a card shows moving draws the journey again. Either way the cards say
what a journey drawn afresh says."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design
from cuecraft.gui.document import Document
from cuecraft.gui.views.journey import JourneyView
from cuecraft.gui.views.journey_items import CardItem

RAINFOREST = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"


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
        assert shown(view) == shown(fresh(qtbot, document))
    assert cards(view)[touchpoint.id].info.name == "Meet the gorilla at the door"


def test_a_changed_feeling_draws_the_journey_again(qtbot: Any) -> None:
    document = Document(load_design(RAINFOREST))
    view = fresh(qtbot, document)
    before = cards(view)
    touchpoint = document.design.touchpoints[2]
    new = -2 if touchpoint.emotion != -2 else 2
    assert document.push(SetField(touchpoint.id, "emotion", new)) is None
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
