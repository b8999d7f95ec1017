"""The persona switch on the journey view (issue 16): every guest at once, or one persona.

rainforest-cafe.yaml has a family with toddlers (55%, skips the volcano bar, frightened
by the storm: 1 there, 3 at the outpost) and a couple on a date night (30%, skip the shop
and the outpost, 3 at the bar, 2 when they pay); haidilao-hotpot.yaml has a birthday
party and a solo diner. What the view draws is compared with the core's
`DesignGraph.persona_journeys`, never with numbers worked out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from cuecraft.core.edits import AddItem, RemoveItem, RenameId, SetField
from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.model import Persona
from cuecraft.gui.document import Document
from cuecraft.gui.preferences import high_contrast_palette
from cuecraft.gui.views import JourneyView
from cuecraft.gui.views._style import accent
from cuecraft.gui.views.journey_nps import CURVE_HUE, NPS_HUE
from cuecraft.gui.views.journey_personas import ALL
from cuecraft.gui.views.journey_personas_chart import (
    DASHES,
    MARKERS,
    PERSONA_HUES,
    nudges,
    persona_color,
)

DESIGNS = Path(__file__).resolve().parents[2] / "designs"


def opened(name: str) -> Document:
    return Document(load_design(DESIGNS / name), DESIGNS / name)


def shown(qtbot, widget: QWidget) -> JourneyView:
    assert isinstance(widget, JourneyView)
    qtbot.addWidget(widget)
    widget.resize(1500, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose(view: JourneyView, persona: str) -> None:
    view.personas().switch.choose(persona)


def pixel_at(view: JourneyView, tp_id: str, value: float, dy: float = 0.0) -> QColor:
    """The colour drawn at touchpoint `tp_id`'s column, at emotion `value` (+ `dy` px)."""
    canvas = view.canvas()
    geo = canvas.geo
    card = view.card_item(tp_id)
    assert geo is not None and card is not None
    centre = QPointF(card.sceneBoundingRect().center().x(), geo.emotion_y(value) + dy)
    canvas.ensureVisible(centre.x() - 40, centre.y() - 40, 80, 80)
    return canvas.viewport().grab().toImage().pixelColor(canvas.mapFromScene(centre))


def close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def skipped_cards(view: JourneyView) -> list[str]:
    """Cards drawn faint and saying 'skipped', in journey order."""
    out = []
    for tp_id in view.card_ids():
        card = view.card_item(tp_id)
        assert card is not None
        if card.info.skipped:
            assert card.opacity() < 1.0
            out.append(tp_id)
        else:
            assert card.opacity() == 1.0
    return out


def test_the_switch_lists_all_guests_then_every_persona_with_its_share(qtbot):
    view = shown(qtbot, JourneyView(opened("rainforest-cafe.yaml")))
    switch = view.personas().switch
    assert switch.isVisible()
    assert switch.choices() == [
        (ALL, "All guests"),
        ("family", "Family with toddlers · 55%"),
        ("couple", "Couple on a date night · 30%"),
    ]
    assert switch.choice() == ALL


def test_choosing_a_persona_draws_their_curve_dims_what_they_skip_and_marks_their_peak(qtbot):
    doc = opened("rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    journey = doc.result.graph.persona_journeys["couple"]
    choose(view, "couple")

    assert view.personas().drawn() == {"couple": {t: journey.emotion[t] for t in journey.order}}
    assert view.personas().drawn()["couple"]["bar-wait"] == 3  # the design says 2
    assert skipped_cards(view) == ["explore-shop", "outpost"]
    assert set(skipped_cards(view)) == journey.skipped
    # Their peak is the bar, not the design's storm; the end is theirs too.
    assert journey.peak == "bar-wait"
    assert view.markers() == {"bar-wait": "peak", "adopt-follow-up": "end"}
    assert view.marker_labels() == {"bar-wait": "peak", "adopt-follow-up": "end"}
    # The card shows how they feel there, the tooltip says so; a skipped card says it.
    bar = view.card_item("bar-wait")
    assert bar is not None and bar.info.emotion == 3
    assert "Couple on a date night · 30%: emotion +3" in bar.toolTip()
    shop = view.card_item("explore-shop")
    assert shop is not None and "skips this touchpoint" in shop.toolTip()
    assert "skips" in view.personas().switch._note.toolTip()
    assert view.personas().legend_texts() == [
        "designed emotion",
        "Couple on a date night · 30%",
        "touchpoint they skip",
    ]
    # Their marker is drawn at their feeling at the bar, in their colour.
    style = 1
    assert close(pixel_at(view, "bar-wait", 3), persona_color(view.palette(), style))


def test_all_guests_draws_one_curve_per_persona_over_the_design_and_names_each(qtbot):
    doc = opened("haidilao-hotpot.yaml")
    view = shown(qtbot, JourneyView(doc))
    journeys = doc.result.graph.persona_journeys
    drawn = view.personas().drawn()
    assert drawn == {
        pid: {t: j.emotion[t] for t in j.order} for pid, j in journeys.items()
    } and set(drawn) == {"birthday-party", "solo-diner"}
    assert view.personas().legend_texts() == [
        "designed emotion",
        "生日聚会的一桌朋友 · 20%",
        "一个人吃火锅的上班族 · 15%",
    ]
    # The design's own curve keeps its peak and end; no card is dimmed.
    graph = doc.result.graph
    assert graph.peak is not None and view.markers()[graph.peak] == "peak"
    assert skipped_cards(view) == []
    # Each persona is a separate line: the solo diner's 3 on being seated (the design
    # says 2) is drawn in their colour, nudged as their curve is.
    geo = view.canvas().geo
    assert geo is not None
    dy = nudges(2, geo)[1]
    assert journeys["solo-diner"].emotion["seat"] == 3
    assert close(pixel_at(view, "seat", 3, dy), persona_color(view.palette(), 1))


def test_with_feedback_the_design_curve_is_named_once(qtbot):
    view = shown(qtbot, JourneyView(opened("rainforest-cafe.yaml")))
    assert view.legend()[0] == "designed emotion"
    assert view.personas().legend_texts() == [
        "Family with toddlers · 55%",
        "Couple on a date night · 30%",
    ]
    choose(view, "family")
    # One persona: the design's curve is a faint reference, named in their legend.
    assert "designed emotion" not in view.legend()
    assert view.personas().legend_texts()[:2] == ["designed emotion", "Family with toddlers · 55%"]


def test_a_design_without_personas_has_no_switch_and_looks_as_before(qtbot):
    doc = Document(
        parse_design(
            "cuecraft: 1\ntitle: T\ntheme: {name: N}\n"
            "touchpoints:\n"
            "  - {id: a, name: Arrive, phase: before, next: [b], emotion: 1}\n"
            "  - {id: b, name: Visit, phase: during, next: [c], emotion: 3}\n"
            "  - {id: c, name: Leave, phase: after, emotion: 2}\n"
        )
    )
    view = shown(qtbot, JourneyView(doc))
    assert not view.personas().switch.isVisible()
    assert view.personas().drawn() == {} and view.personas().legend_texts() == []
    before = view.grab().toImage()

    persona = Persona("solo", name="Solo", share=10, skips=["b"])
    with qtbot.waitSignal(doc.checked):
        doc.push(AddItem("personas", persona))
    assert view.personas().switch.isVisible()
    assert view.personas().drawn() == {"solo": {"a": 1, "c": 2}}
    with qtbot.waitSignal(doc.checked):
        doc.undo_stack.undo()
    assert not view.personas().switch.isVisible()
    qtbot.waitUntil(lambda: view.canvas().y() == 0)  # Qt lays the page out again
    assert view.grab().toImage() == before


def test_the_choice_is_no_edit_and_survives_edits_of_the_design(qtbot):
    doc = opened("rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    choose(view, "family")
    assert doc.undo_stack.count() == 0 and not doc.is_modified
    # The design's guests now feel bad paying; the family (no override there) too.
    with qtbot.waitSignal(doc.checked):
        doc.push(SetField("pay", "emotion", -1))
    assert view.personas().switch.choice() == "family"
    assert view.personas().drawn()["family"]["pay"] == -1
    assert doc.result.graph.persona_journeys["family"].emotion["pay"] == -1
    assert skipped_cards(view) == ["bar-wait"]
    # The family now skips the storm as well: the view follows the core's journey.
    with qtbot.waitSignal(doc.checked):
        doc.push(SetField("family", "skips", ["bar-wait", "storm"]))
    assert skipped_cards(view) == ["bar-wait", "storm"]
    assert "storm" not in view.personas().drawn()["family"]


def test_renaming_or_deleting_the_chosen_persona_and_undo(qtbot):
    doc = opened("rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    switch = view.personas().switch
    choose(view, "couple")

    # A new name: still them, under the new name.
    with qtbot.waitSignal(doc.checked):
        doc.push(SetField("couple", "name", "Date night"))
    assert switch.choice() == "couple"
    assert ("couple", "Date night · 30%") in switch.choices()

    # A new id: still them.
    with qtbot.waitSignal(doc.checked):
        doc.push(RenameId("couple", "date-night"))
    assert switch.choice() == "date-night"
    assert set(view.personas().drawn()) == {"date-night"}
    assert skipped_cards(view) == ["explore-shop", "outpost"]

    # Deleted: every guest again, nothing dimmed, the design's peak back.
    with qtbot.waitSignal(doc.checked):
        doc.push(RemoveItem("date-night"))
    assert switch.choice() == ALL
    assert [c for c, _text in switch.choices()] == [ALL, "family"]
    assert set(view.personas().drawn()) == {"family"}
    assert skipped_cards(view) == []
    assert view.markers()["storm"] == "peak"

    # Undo brings them back, chosen as they were, then their old id, then their name.
    with qtbot.waitSignal(doc.checked):
        doc.undo_stack.undo()
    assert switch.choice() == "date-night"
    assert skipped_cards(view) == ["explore-shop", "outpost"]
    with qtbot.waitSignal(doc.checked):
        doc.undo_stack.undo()
    assert switch.choice() == "couple"
    with qtbot.waitSignal(doc.checked):
        doc.undo_stack.undo()
    assert switch.choices()[2] == ("couple", "Couple on a date night · 30%")
    assert view.markers() == {"bar-wait": "peak", "adopt-follow-up": "end"}


def test_choosing_all_guests_again_forgets_the_persona(qtbot):
    doc = opened("rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    choose(view, "couple")
    with qtbot.waitSignal(doc.checked):
        doc.push(RemoveItem("couple"))
    choose(view, ALL)
    with qtbot.waitSignal(doc.checked):
        doc.undo_stack.undo()
    assert view.personas().switch.choice() == ALL  # the designer chose every guest since


def test_selecting_works_both_ways_with_a_persona_shown(qtbot):
    doc = opened("rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    choose(view, "family")
    canvas = view.canvas()
    # A card they skip can still be clicked: it is the design's touchpoint.
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.card_center("bar-wait"))
    assert doc.selected == "bar-wait"
    assert view.selected_card() == "bar-wait"
    faint = view.card_item("bar-wait")
    assert faint is not None and 0.4 < faint.opacity() < 1.0  # selected: less faint
    doc.select("storm")
    assert view.selected_card() == "storm"
    assert faint.opacity() == 0.4


@pytest.mark.parametrize("palette", ["light", "high contrast"])
def test_persona_lines_differ_in_colour_dash_and_marker(qtbot, palette):
    widget = QWidget()
    qtbot.addWidget(widget)
    pal = widget.palette() if palette == "light" else high_contrast_palette()
    base = pal.color(QPalette.ColorRole.Base)
    colours = [persona_color(pal, k) for k in range(len(PERSONA_HUES))]
    others = [accent(pal, h) for h in (CURVE_HUE, NPS_HUE)]

    def distance(a: QColor, b: QColor) -> float:
        return sum((x - y) ** 2 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)) ** 0.5

    for k, a in enumerate(colours):
        assert distance(a, base) > 150, (palette, k)  # a line that shows on the base
        for b in colours[k + 1 :] + others:
            assert distance(a, b) > 60, (palette, k)
    # Without colour (a projector, a grey print) each is its own dash and shape.
    assert len(set(DASHES)) == len(DASHES) and len(set(MARKERS)) == len(MARKERS)
    assert "diamond" not in MARKERS  # the measured NPS's shape
