"""The three central views: journey, sensory map and consistency graph.

Each test builds a Document from a worked example (or a tiny design), shows
a view offscreen and checks what a designer would see or do with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.model import Design
from cuecraft.gui.document import Document
from cuecraft.gui.views import GraphView, JourneyView, SensoryMapView
from cuecraft.resources import example_designs

DESIGNS = Path(__file__).resolve().parents[2] / "designs"
EXAMPLES = [p.name for p in example_designs()]
EMPTY = "cuecraft: 1\ntitle: T\ntheme: {name: N}\n"


def document(name: str) -> Document:
    return Document(load_design(DESIGNS / name))


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def small_design(extra: str = "") -> Design:
    return parse_design(
        "cuecraft: 1\ntitle: Small\ntheme: {name: N, motifs: [m]}\n"
        "zones:\n  - {id: hall, name: Hall}\n  - {id: yard, name: Yard}\n"
        "touchpoints:\n"
        "  - {id: a, name: Arrive, phase: before, zone: hall, next: [b], emotion: 1}\n"
        "  - {id: b, name: Visit, phase: during, zone: hall, next: [c], emotion: 3}\n"
        "  - {id: c, name: Leave, phase: after, zone: yard, next: [a], emotion: 2}\n"
        "  - {id: lost, name: Lost, phase: during, emotion: -2}\n" + extra
    )


# -- journey -------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_journey_shows_one_card_per_touchpoint_in_journey_order(qtbot, name):
    doc = document(name)
    view = shown(qtbot, JourneyView(doc))
    ids = view.card_ids()
    assert sorted(ids) == sorted(t.id for t in doc.design.touchpoints)
    graph = doc.result.graph
    assert ids[0] in graph.entries
    assert all(view.card_item(i) is not None for i in ids)


def test_journey_marks_the_peak_and_the_end_of_rainforest_cafe(qtbot):
    view = shown(qtbot, JourneyView(document("rainforest-cafe.yaml")))
    ids = view.card_ids()
    # Breadth-first from the entry, ties in file order: the two waiting branches side by side.
    assert ids[:6] == ["discover", "book", "arrive", "check-in", "explore-shop", "bar-wait"]
    # The first touchpoint at the highest emotion (3) is the storm; the journey ends with
    # the news from the adopted animal (its `next` back to `discover` is a return edge).
    assert view.markers() == {"storm": "peak", "adopt-follow-up": "end"}


def test_journey_badges_touchpoints_with_findings(qtbot):
    view = shown(qtbot, JourneyView(document("rainforest-cafe.yaml")))
    # ELI002: the high-severity Saturday queue is met at check-in, on the way to the end.
    assert view.badges() == {"check-in": "error"}


def test_journey_puts_unreachable_touchpoints_last_and_marks_them(qtbot):
    doc = Document(small_design())
    view = shown(qtbot, JourneyView(doc))
    assert view.card_ids() == ["a", "b", "c", "lost"]
    assert view.card_item("lost").info.unreachable
    assert not view.card_item("a").info.unreachable
    assert view.badges()["lost"] == "warning"  # JRN002
    assert view.markers() == {"b": "peak", "c": "end", "lost": "end"}


def test_clicking_a_card_selects_its_touchpoint_and_highlights_it(qtbot):
    doc = document("rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    canvas = view.canvas()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.card_center("storm"))
    assert doc.selected == "storm"
    assert view.selected_card() == "storm"
    doc.select("order")
    assert view.selected_card() == "order"
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert doc.selected == "storm"


def test_journey_follows_edits(qtbot):
    doc = document("rainforest-cafe.yaml")
    view = shown(qtbot, JourneyView(doc))
    doc.push(SetField("order", "emotion", 3))
    doc.push(SetField("storm", "emotion", 2))
    doc.flush()
    assert view.markers()["order"] == "peak"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.flush()
    assert view.markers()["storm"] == "peak"


def test_journey_of_200_touchpoints_scrolls(qtbot):
    from bench.generate import generate

    doc = Document(generate(1000, 200, 50))
    view = shown(qtbot, JourneyView(doc))
    assert len(view.card_ids()) == 200
    bar = view.canvas().horizontalScrollBar()
    assert bar.maximum() > 0
    view.card_center("tp-199")  # scrolls it into view
    assert bar.value() > 0


# -- sensory map -----------------------------------------------------------------


def test_sensory_map_shows_what_is_present_in_a_zone_for_a_sense(qtbot):
    doc = document("rainforest-cafe.yaml")
    view = shown(qtbot, SensoryMapView(doc))
    assert view.zone_ids() == [z.id for z in doc.design.zones]
    sound = view.cell("mall-front", "sound")
    assert [name for _, name, _ in sound.layers] == [
        "Rainforest soundscape of birds, insects and distant thunder"
    ]
    assert [i for i, _ in sound.positive] == ["frog-chorus"]
    assert [i for i, _ in sound.negative] == ["mall-muzak"]
    text = view.cell_text("mall-front", "sound")
    assert "Tree frogs chirp" in text
    assert "− The mall's pop playlist" in text
    # A cue placed at a touchpoint is present in that touchpoint's zone.
    assert "saturday-queue" in {i for i, _ in view.cell("podium", "sight").negative}
    # Eliminated negative cues are gone from the map.
    assert "plastic-cutlery" not in view.cell("dining-hall", "touch").ids
    assert view.cell("gift-shop", "taste").empty


def test_sensory_map_marks_overload(qtbot):
    design = small_design(
        "layers:\n"
        "  - {id: l1, sense: sound, name: Loud, at: [hall], intensity: 3, motifs: [m]}\n"
        "  - {id: l2, sense: sound, name: Louder, at: [hall], intensity: 2, motifs: [m]}\n"
    )
    view = shown(qtbot, SensoryMapView(Document(design)))
    assert view.cell("hall", "sound").overload
    assert not view.cell("yard", "sound").overload
    assert not view.cell("hall", "sight").overload


def test_double_clicking_an_empty_cell_adds_an_undoable_cue_there(qtbot):
    doc = document("rainforest-cafe.yaml")
    view = shown(qtbot, SensoryMapView(doc))
    before = len(doc.design.cues)
    table = view.table()
    # A real double-click is a press and release, then a second press as a double-click.
    where = view.cell_center("gift-shop", "taste")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(doc.design.cues) == before  # one click only moves the current cell
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert len(doc.design.cues) == before + 1
    cue = doc.design.cues[-1]
    assert cue.senses == ["taste"]
    assert cue.at == ["gift-shop"]
    assert cue.polarity == "positive"
    assert doc.selected == cue.id
    assert doc.undo_stack.count() == 1
    doc.flush()
    assert cue.id in view.cell("gift-shop", "taste").ids
    doc.undo_stack.undo()
    doc.flush()
    assert len(doc.design.cues) == before
    assert view.cell("gift-shop", "taste").empty


def test_enter_on_a_cell_adds_a_cue_and_keys_move_between_cells(qtbot):
    doc = document("haidilao-hotpot.yaml")
    view = shown(qtbot, SensoryMapView(doc))
    table = view.table()
    table.setFocus()
    table.setCurrentIndex(view.index_of("restroom", "sight"))
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex() == view.index_of("restroom", "sound")
    qtbot.keyClick(table, Qt.Key.Key_Return)
    cue = doc.design.cues[-1]
    assert (cue.senses, cue.at) == (["sound"], ["restroom"])
    assert doc.undo_stack.count() == 1


def test_selecting_a_cue_marks_the_cells_where_it_is_present(qtbot):
    doc = document("rainforest-cafe.yaml")
    view = shown(qtbot, SensoryMapView(doc))
    doc.select("mist")  # sight and touch, in the dining hall
    assert view.marked_cells() == [("dining-hall", "sight"), ("dining-hall", "touch")]
    doc.select("soundscape")  # a layer across all seven zones
    assert len(view.marked_cells()) == 7
    doc.select("podium")  # a zone: its row becomes current
    assert view.table().currentIndex().row() == view.zone_ids().index("podium")


def test_sensory_map_cells_have_accessible_text(qtbot):
    view = shown(qtbot, SensoryMapView(document("rainforest-cafe.yaml")))
    index = view.index_of("mall-front", "sound")
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Sound in Mall-front façade and banyan arch: 1 layer")
    assert view.table().accessibleName() == "Sensory map"


# -- graph -------------------------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_graph_has_one_node_item_per_network_node(qtbot, name):
    doc = document(name)
    view = shown(qtbot, GraphView(doc))
    network = doc.result.graph.network
    assert sorted(view.node_ids()) == sorted(network.nodes)
    for node, data in network.nodes(data=True):
        assert view.node_item(node).kind == data["kind"]


def test_graph_highlights_nodes_with_findings(qtbot):
    view = shown(qtbot, GraphView(document("rainforest-cafe.yaml")))
    rings = view.highlighted()
    assert rings["saturday-queue"] == "error"  # ELI002
    assert rings["cha-cha-mascot"] == "error"  # HAR002
    assert "mist" not in rings
    assert view.node_item("saturday-queue").info.negative
    assert not view.node_item("mist").info.negative
    assert view.node_item("plastic-cutlery").info.dimmed  # eliminated


def test_clicking_a_node_selects_it(qtbot):
    doc = document("rainforest-cafe.yaml")
    view = shown(qtbot, GraphView(doc))
    canvas = view.canvas()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.node_center("mist"))
    assert doc.selected == "mist"
    assert view.selected_node() == "mist"
    qtbot.mouseClick(
        canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.node_center("motif:wildlife")
    )
    assert doc.selected == "theme"
    assert view.selected_node() == "motif:wildlife"
    doc.select("storm")
    assert view.selected_node() == "storm"


def test_graph_zooms_and_fits(qtbot):
    view = shown(qtbot, GraphView(document("rainforest-cafe.yaml")))
    with qtbot.waitActive(view):
        view.activateWindow()
    view.canvas().setFocus()
    start = view.scale()
    qtbot.keyClick(view.canvas(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.scale() == pytest.approx(start * 1.25)
    qtbot.keyClick(view.canvas(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.canvas(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.scale() == pytest.approx(start / 1.25)
    qtbot.keyClick(view.canvas(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.scale() == pytest.approx(start)


def test_graph_updates_labels_in_place_and_rebuilds_on_new_nodes(qtbot):
    doc = document("rainforest-cafe.yaml")
    view = shown(qtbot, GraphView(doc))
    item = view.node_item("mist")
    doc.push(SetField("mist", "text", "A gentle mist", merge=True))
    doc.flush()
    assert view.node_item("mist") is item
    assert item.label_text() == "A gentle mist"
    doc.push(SetField("frog-chorus", "polarity", "negative"))
    doc.flush()
    assert view.node_item("frog-chorus").info.negative
    sensory = SensoryMapView(doc)
    qtbot.addWidget(sensory)
    cue_id = sensory.add_cue("gift-shop", "smell")
    doc.flush()
    assert cue_id in view.node_ids()
    assert view.node_item("mist") is item  # nodes that stay keep their items


def test_hidden_graph_waits_until_shown(qtbot):
    doc = document("rainforest-cafe.yaml")
    view = GraphView(doc)
    qtbot.addWidget(view)
    doc.push(SetField("mist", "text", "Changed while hidden"))
    doc.flush()
    assert view.canvas().scene().items() == []  # nothing drawn for a tab nobody looks at
    shown(qtbot, view)
    assert view.node_item("mist").label_text() == "Changed while hidden"


def test_views_follow_a_dark_palette(qtbot):
    from PySide6.QtGui import QColor, QPalette

    doc = document("rainforest-cafe.yaml")
    views = [shown(qtbot, cls(doc)) for cls in (JourneyView, SensoryMapView, GraphView)]
    dark = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2e"),
        (QPalette.ColorRole.Base, "#1e1e20"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
    ):
        dark.setColor(role, QColor(color))
    for view in views:
        view.setPalette(dark)
        assert not view.grab().isNull()
    journey, _, graph = views
    assert journey.markers() == {"storm": "peak", "adopt-follow-up": "end"}
    assert sorted(graph.node_ids()) == sorted(doc.result.graph.network.nodes)
    # Drawn again with the new base colour, not the one the items were made with.
    assert graph.canvas().backgroundBrush().color() == QColor("#1e1e20")


# -- empty design ----------------------------------------------------------------------


@pytest.mark.parametrize("cls", [JourneyView, SensoryMapView, GraphView])
def test_an_empty_design_shows_a_friendly_message(qtbot, cls):
    doc = Document(parse_design(EMPTY))
    view = shown(qtbot, cls(doc))
    qtbot.wait(10)
    labels = [w for w in view.findChildren(QWidget) if w.accessibleName() == "Empty view"]
    assert len(labels) == 1 and labels[0].isVisible()
    assert "yet" in labels[0].text()
    view.grab()  # paints without errors


@pytest.mark.parametrize("cls", [JourneyView, SensoryMapView, GraphView])
def test_views_paint_a_large_design(qtbot, cls):
    from bench.generate import generate

    doc = Document(generate(1000, 200, 50))
    view = shown(qtbot, cls(doc))
    assert not view.grab().isNull()


def test_sensory_map_typing_makes_the_rows_of_the_items_typed_into_again(qtbot):
    # At 10,000 cues every key made all 500 zones' rows again (35 ms a key).
    doc = document("rainforest-cafe.yaml")
    view = shown(qtbot, SensoryMapView(doc))
    rows = list(view.model.rows)
    cue = next(c for c in doc.design.cues if c.id == "frog-chorus")  # in mall-front's sound
    negative = next(c for c in doc.design.cues if c.is_negative and c.owner)
    layer, zone = doc.design.layers[0], doc.design.zones[1]
    for edit in (
        SetField(cue.id, "text", "Tree frogs chirp all evening", merge=True),
        SetField(negative.id, "owner", "night manager", merge=True),  # shown nowhere
        SetField(layer.id, "name", "A louder soundscape", merge=True),
        SetField(zone.id, "name", "The safari village", merge=True),
        SetField(cue.id, "senses", []),  # in no cell now, yet present where it was
        SetField(cue.id, "senses", ["sight", "sound"]),
        SetField(layer.id, "intensity", 3),  # the senses' intensities: all made again
    ):
        assert doc.push(edit) is None
        doc.flush()
        fresh = shown(qtbot, SensoryMapView(doc))
        assert view.model.rows == fresh.model.rows, edit
        if edit.name == "name" and edit.owner == zone.id:
            kept = [a is b for a, b in zip(rows, view.model.rows, strict=True)]
            assert any(kept) and not all(kept)  # only the rows typed into were made again
    assert "Tree frogs chirp all evening" in str(view.model.rows)
    for _ in range(3):  # the senses set, cleared and set again by undo
        doc.undo_stack.undo()
    doc.flush()
    assert view.model.rows == shown(qtbot, SensoryMapView(doc)).model.rows
