"""The priority matrix: the open negative cues by impact (rows) and effort (columns).

Each test writes a design to a file, opens it as the workbench does and looks at the
drawing: chips in the cells their impact and effort say, numbered and ordered as the
elimination plan, unrated cues in the tray, eliminated ones gone; then drags chips
with the mouse, moves them with the arrow keys and undoes, as a designer would.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design
from cuecraft.core.plan import open_plan
from cuecraft.gui.document import Document
from cuecraft.gui.views.priority_items import ChipItem
from cuecraft.gui.views.priority_matrix import PriorityMatrixView
from cuecraft.gui.views.priority_scene import TRAY, Spot

CAFE = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain]}
zones:
  - {id: hall, name: Dining hall}
cues:
  - {id: mist, text: Fine mist drifts over the tables, motifs: [rain], at: [hall]}
  - {id: beep, text: The card terminal beeps loudly, polarity: negative, severity: low,
     at: [hall], impact: 1, effort: 3, owner: Finance}
  - {id: muzak, text: The mall's pop playlist bleeds in at the entrance, polarity: negative,
     severity: medium, status: mitigating, at: [hall], impact: 3, effort: 1}
  - {id: menus, text: Laminated menus feel sticky, polarity: negative, severity: low,
     at: [hall]}
  - {id: queue, text: On Saturdays the queue spills into the mall corridor,
     polarity: negative, severity: high, at: [hall], impact: 3, effort: 1,
     owner: store manager}
  - {id: fryer, text: Fryer smell drifts over the front tables, polarity: negative,
     severity: medium, at: [hall], impact: 2, effort: 2, owner: kitchen lead}
  - {id: flicker, text: A fluorescent tube flickers over the bar, polarity: negative,
     severity: high, at: [hall], impact: 3}
  - {id: floor, text: The restroom floor is slippery, polarity: negative, severity: high,
     status: eliminated, at: [hall], impact: 3, effort: 1}
"""
# The plan: high first (queue rated, flicker not), then medium (muzak's higher impact
# before fryer), then low (beep rated before menus, not rated).
PLAN = ["queue", "flicker", "muzak", "fryer", "beep", "menus"]


def open_design(tmp_path: Path, text: str = CAFE) -> Document:
    path = tmp_path / "cafe.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return Document(load_design(path), path)


@pytest.fixture
def doc(tmp_path) -> Document:
    return open_design(tmp_path)


def shown(qtbot, view: PriorityMatrixView, width: int = 1200, height: int = 900):
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def chip(view: PriorityMatrixView, cue_id: str) -> ChipItem:
    found = view.scene().chip(cue_id)
    assert found is not None, cue_id
    return found


def spot_of_chip(view: PriorityMatrixView, cue_id: str) -> Spot | None:
    """The cell (or tray) whose tile holds the chip's whole rectangle."""
    rect = chip(view, cue_id).sceneBoundingRect().adjusted(3, 3, -3, -3)
    spots = [s for s, t in view.scene().tiles.items() if t.rect.contains(rect)]
    assert len(spots) <= 1, spots
    return spots[0] if spots else None


def cue(doc: Document, cue_id: str):
    return next(c for c in doc.design.cues if c.id == cue_id)


def settle(doc: Document) -> None:
    """Let the checks run (undo and redo redraw the matrix when they have)."""
    doc.flush()


def test_chips_sit_in_the_cells_their_impact_and_effort_say(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    assert spot_of_chip(view, "queue") == (3, 1)
    assert spot_of_chip(view, "muzak") == (3, 1)
    assert spot_of_chip(view, "fryer") == (2, 2)
    assert spot_of_chip(view, "beep") == (1, 3)
    # Not rated, or rated only in part: the tray.
    assert spot_of_chip(view, "menus") == TRAY
    assert spot_of_chip(view, "flicker") == TRAY
    # High impact at the top, low effort at the left.
    rect = view.scene().spot_rect
    assert rect((3, 2)).top() < rect((2, 2)).top() < rect((1, 2)).top()
    assert rect((2, 1)).left() < rect((2, 2)).left() < rect((2, 3)).left()
    # Positive and eliminated cues are not on it.
    assert set(view.scene().chips) == set(PLAN)
    assert view.summary() == "6 open negative cues · 2 not rated yet · 3 without an owner"


def test_numbers_and_order_are_the_elimination_plans(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    assert [c.id for c in open_plan(doc.design)] == PLAN
    numbers = {cue_id: chip(view, cue_id).number for cue_id in PLAN}
    assert numbers == {cue_id: str(n) for n, cue_id in enumerate(PLAN, start=1)}
    # In one cell the plan's order reads top to bottom.
    assert chip(view, "queue").y() < chip(view, "muzak").y()
    # Severity colours the chip.
    assert chip(view, "queue").severity == "high" and chip(view, "beep").severity == "low"


def test_owners_show_and_a_missing_one_is_marked(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    assert chip(view, "queue").meta == "store manager"
    assert chip(view, "queue").owned
    assert chip(view, "muzak").meta == "no owner · mitigating"
    assert not chip(view, "muzak").owned
    # ELI004 asks an owner of a high-severity cue: its chip says so in the warning hue.
    assert chip(view, "flicker").warned and not chip(view, "muzak").warned
    assert "owner" in chip(view, "flicker").toolTip()
    assert "On Saturdays the queue spills" in chip(view, "queue").lines[0]


def test_a_blank_owner_is_none_on_the_chip_in_the_summary_and_for_eli004(qtbot, tmp_path):
    doc = open_design(tmp_path, CAFE.replace("owner: store manager", "owner: '   '"))
    view = shown(qtbot, PriorityMatrixView(doc))
    queue = chip(view, "queue")
    assert queue.meta == "no owner" and not queue.owned
    assert queue.warned  # ELI004 reads a blank owner as none too
    assert view.summary() == "6 open negative cues · 2 not rated yet · 4 without an owner"


def test_dragging_a_chip_sets_impact_and_effort_in_one_undo_step(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    port = view.canvas().viewport()
    start = view.chip_point("muzak")
    target = view.spot_point((1, 2))
    steps = doc.undo_stack.count()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    assert doc.selected == "muzak"
    for fraction in (0.25, 0.5, 0.75, 1.0):
        point = start + (target - start) * fraction
        QTest.mouseMove(port, QPoint(round(point.x()), round(point.y())))
    assert view.scene().tiles[(1, 2)].hot
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    muzak = cue(doc, "muzak")
    assert (muzak.impact, muzak.effort) == (1, 2)
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Set impact and effort of “muzak”"
    assert spot_of_chip(view, "muzak") == (1, 2)
    assert not any(t.hot for t in view.scene().tiles.values())

    doc.undo_stack.undo()
    settle(doc)
    assert (muzak.impact, muzak.effort) == (3, 1)
    assert spot_of_chip(view, "muzak") == (3, 1)
    doc.undo_stack.redo()
    settle(doc)
    assert spot_of_chip(view, "muzak") == (1, 2)


def test_the_tray_clears_both_and_a_drop_outside_changes_nothing(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    steps = doc.undo_stack.count()
    assert view.drop("fryer", TRAY)
    fryer = cue(doc, "fryer")
    assert (fryer.impact, fryer.effort) == (None, None)
    assert spot_of_chip(view, "fryer") == TRAY
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.undoText() == "Clear impact and effort of “fryer”"
    doc.undo_stack.undo()
    settle(doc)
    assert (fryer.impact, fryer.effort) == (2, 2)
    # Nowhere, or the cell it is in: no undo step, the chip back in its cell.
    assert not view.drop("fryer", None)
    assert not view.drop("fryer", (2, 2))
    assert doc.undo_stack.count() == steps + 1 and doc.undo_stack.index() == steps
    assert spot_of_chip(view, "fryer") == (2, 2)
    # A partly rated cue dropped in a cell gets both.
    assert view.drop("flicker", (3, 3))
    flicker = cue(doc, "flicker")
    assert (flicker.impact, flicker.effort) == (3, 3)


def test_a_chip_let_go_over_nothing_goes_back(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    port = view.canvas().viewport()
    start = view.chip_point("beep")
    away = QPoint(5, 5)  # the margin above the grid
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(port, start + QPoint(20, -20))
    QTest.mouseMove(port, away)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, away)
    beep = cue(doc, "beep")
    assert (beep.impact, beep.effort) == (1, 3)
    assert spot_of_chip(view, "beep") == (1, 3)
    assert doc.undo_stack.count() == 0


def test_a_half_rated_chip_dropped_back_on_the_tray_keeps_its_impact(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    port = view.canvas().viewport()
    start = view.chip_point("flicker")  # impact 3, no effort: in the tray
    moved = start + QPoint(12, 9)  # past the drag distance, still over the tray
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(port, start + QPoint(6, 4))
    QTest.mouseMove(port, moved)
    assert view.canvas().dragging
    assert view.scene().tiles[TRAY].hot
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, moved)
    flicker = cue(doc, "flicker")
    assert (flicker.impact, flicker.effort) == (3, None)
    assert doc.undo_stack.count() == 0
    assert spot_of_chip(view, "flicker") == TRAY
    # A rated chip dropped on the tray still has both cleared: that is what the tray means.
    assert view.drop("queue", TRAY)
    queue = cue(doc, "queue")
    assert (queue.impact, queue.effort) == (None, None)


def test_arrow_keys_move_the_selected_chip_one_cell_each_an_undo_step(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    canvas = view.canvas()
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=view.chip_point("fryer"))
    assert doc.selected == "fryer" and chip(view, "fryer").selected
    fryer = cue(doc, "fryer")
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert (fryer.impact, fryer.effort) == (3, 2)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert (fryer.impact, fryer.effort) == (3, 1)
    assert spot_of_chip(view, "fryer") == (3, 1)
    assert chip(view, "fryer").selected  # still selected after the redraw
    qtbot.keyClick(canvas, Qt.Key.Key_Up)  # already at the top: nothing
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert (fryer.impact, fryer.effort) == (3, 1)
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    settle(doc)
    assert (fryer.impact, fryer.effort) == (3, 2)
    # Page Down selects the next cue of the plan; from the tray an arrow rates it (the
    # middle cell, keeping what it has).
    doc.select("queue")
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert doc.selected == "flicker"
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    flicker = cue(doc, "flicker")
    assert (flicker.impact, flicker.effort) == (3, 2)


def test_with_the_tray_under_the_grid_down_from_the_bottom_row_puts_a_chip_in_it(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc), width=700, height=900)
    assert not view.scene().beside
    assert view.scene().spot_rect(TRAY).top() > view.scene().spot_rect((1, 1)).bottom()
    doc.select("beep")
    qtbot.keyClick(view.canvas(), Qt.Key.Key_Down)
    beep = cue(doc, "beep")
    assert (beep.impact, beep.effort) == (None, None)
    assert spot_of_chip(view, "beep") == TRAY
    # Wide, the tray stands beside the grid, and Right from the last column reaches it.
    view.resize(1300, 900)
    qtbot.waitUntil(lambda: view.scene().beside)
    assert view.scene().spot_rect(TRAY).left() > view.scene().spot_rect((1, 3)).right()
    doc.select("fryer")
    qtbot.keyClick(view.canvas(), Qt.Key.Key_Right)
    qtbot.keyClick(view.canvas(), Qt.Key.Key_Right)
    assert spot_of_chip(view, "fryer") == TRAY


def test_the_view_follows_the_documents_selection_and_edits(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    doc.select("beep")
    assert chip(view, "beep").selected and not chip(view, "queue").selected
    # An owner typed in the inspector shows on the chip once the checks ran.
    from cuecraft.core.edits import SetField

    assert doc.push(SetField("menus", "owner", "housekeeping")) is None
    settle(doc)
    assert chip(view, "menus").meta == "housekeeping"
    # Eliminating a cue takes it off the matrix, and the numbers close up.
    assert doc.push(SetField("queue", "status", "eliminated")) is None
    settle(doc)
    assert "queue" not in view.scene().chips
    assert chip(view, "flicker").number == "1"


def test_no_open_negative_cue_shows_the_empty_state(qtbot, tmp_path):
    plain = CAFE.split("  - {id: beep")[0]
    view = shown(qtbot, PriorityMatrixView(open_design(tmp_path, plain)))
    assert view.is_empty()
    assert "No negative cues to eliminate" in view.empty_message()
    assert not view.has_picture()
    done = plain + (
        "  - {id: floor, text: Slippery floor, polarity: negative, status: eliminated,"
        " at: [hall]}\n"
    )
    other = tmp_path / "other"
    other.mkdir()
    view = shown(qtbot, PriorityMatrixView(open_design(other, done)))
    assert view.is_empty()
    assert "Nothing left to eliminate" in view.empty_message()


def test_the_picture_is_the_matrix_without_selection_or_hints(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc))
    doc.select("queue")
    assert view.has_picture()
    scene = view.picture_scene()
    assert scene is not view.scene()
    chips = [i for i in scene.items() if isinstance(i, ChipItem)]
    assert sorted(c.cue_id for c in chips) == sorted(PLAN)
    assert not any(c.selected for c in chips)
    assert scene.sceneRect().width() > 0 and scene.sceneRect().height() > 0


def test_the_summary_links_to_a_tray_out_of_sight(qtbot, doc):
    view = shown(qtbot, PriorityMatrixView(doc), width=700, height=260)
    canvas = view.canvas()

    def tray_in_sight() -> bool:
        shown_rect = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
        return shown_rect.contains(view.scene().spot_rect(TRAY).center())

    assert not tray_in_sight()
    label = next(
        w for w in view.findChildren(QLabel) if "not rated yet" in w.text() and "href" in w.text()
    )
    label.linkActivated.emit("#tray")
    assert tray_in_sight()


def chips_drawn(view: PriorityMatrixView) -> list[tuple[object, ...]]:
    """Each chip's number, words, owner line, warning, tooltip and cell."""
    return sorted(
        (
            c.cue_id,
            c.number,
            tuple(c.lines),
            c.meta,
            c.owned,
            c.warned,
            c.toolTip(),
            spot_of_chip(view, c.cue_id),
        )
        for c in view.scene().chips.values()
    )


def test_typing_words_changes_chips_in_place_and_a_move_draws_the_matrix_again(qtbot, doc):
    # At 10,000 cues every key typed into a cue drew the matrix again (70 ms).
    view = shown(qtbot, PriorityMatrixView(doc))
    for edit, in_place in (
        (SetField("mist", "text", "Fine mist drifts over every table"), True),  # not shown
        (SetField("queue", "owner", None), True),  # ELI004 now: its chip warns, unowned
        (SetField("queue", "owner", "duty manager"), True),
        (SetField("fryer", "text", "Fryer smell drifts over the front tables at noon"), True),
        (SetField("fryer", "remedy", "Move the extractor hood"), True),
        (SetField("fryer", "motifs", ["rain"]), True),  # not on its chip
        (SetField("fryer", "severity", "high"), False),  # its place in the plan
        (SetField("beep", "impact", 3), False),  # another cell
        (SetField("mist", "polarity", "negative"), False),  # a cue joins the matrix
        (SetField("floor", "status", "open"), False),  # an eliminated one comes back
    ):
        before = dict(view.scene().chips)
        assert doc.push(edit) is None
        doc.flush()
        assert (view.scene().chips == before) == in_place, edit
        assert chips_drawn(view) == chips_drawn(shown(qtbot, PriorityMatrixView(doc))), edit
        assert view._summary.text() == shown(qtbot, PriorityMatrixView(doc))._summary.text()
    assert {"mist", "floor"} <= view.scene().chips.keys()
