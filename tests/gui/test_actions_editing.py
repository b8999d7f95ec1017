"""The service blueprint's actions in the workbench: added, edited in the inspector, undone,
listed in the outline, reached from a finding, drawn in the graph."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from cuecraft.core.fileformat import load_design
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window
from cuecraft.gui.inspector_forms import OptionalSpin
from cuecraft.gui.views.graph_view import GraphView
from cuecraft.gui.widgets import FieldLine, RefPicker

LODGE = """\
cuecraft: 1
title: Safari lodge
theme:
  name: Into the wild
  motifs: [safari]
zones:
  - id: podium
    name: Host podium
  - id: kitchen
    name: Kitchen
touchpoints:
  - id: check-in
    name: Check in
    phase: before
    zone: podium
    next: [dinner]
  - id: dinner
    name: Dinner
    phase: during
    zone: podium
cues:
  - id: drums
    text: Distant drums
    senses: [sound]
    motifs: [safari]
    at: [podium]
actions:
  - id: table-plan
    text: Plan the tables
    lane: support
    at: [dinner]
    zone: kitchen
    owner: office
    minutes: 10
  - id: seat-party
    text: Seat the party
    lane: frontstage
    at: [dinner]
    owner: host
    minutes: 3
    needs: [table-plan]
"""


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """Isolated settings and recovery folder; a delete is confirmed and its count kept."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    deletes: list[tuple[str, int]] = []
    monkeypatch.setattr(
        dialogs, "ask_delete", lambda parent, what, refs: deletes.append((what, refs)) or True
    )
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    return deletes


@pytest.fixture
def lodge(tmp_path) -> Path:
    path = tmp_path / "lodge.yaml"
    path.write_text(LODGE, encoding="utf-8")
    return path


def open_window(qtbot, path: Path):
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.show()
    return window


def tick(picker: RefPicker, ref: str) -> None:
    for row in range(picker.list.count()):
        item = picker.list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == ref:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return
    raise AssertionError(f"{ref} is not offered")


def choose(combo: QComboBox, value: str) -> None:
    """Pick the entry whose stored value is `value`, as a click in the list does."""
    index = combo.findData(value)
    assert index >= 0, f"{value} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_number(qtbot, spin: OptionalSpin, text: str) -> None:
    """Select what the box shows, type over it and leave it (Tab)."""
    spin.setFocus()
    spin.selectAll()
    if text:
        qtbot.keyClicks(spin, text)
    else:
        qtbot.keyClick(spin, Qt.Key.Key_Delete)
    spin.editingFinished.emit()


def test_add_an_action_edit_it_in_the_inspector_undo_and_redo_each_step(
    qtbot, asked, lodge, tmp_path
):
    window = open_window(qtbot, lodge)
    document = window.document
    document.select("check-in")
    window.add_actions["actions"].trigger()
    new = document.selected
    action = document.design.actions[-1]
    assert action.id == new and action.at == ["check-in"] and action.lane == "frontstage"
    inspector = window.inspector
    headings = [label.text() for label in inspector.widget().findChildren(QLabel)]
    assert f"Action “{new}”" in headings
    states = [copy.deepcopy(document.design)]

    choose(inspector.editors["lane"], "backstage")
    assert document.design.actions[-1].lane == "backstage"
    states.append(copy.deepcopy(document.design))

    owner = inspector.editors["owner"]
    assert isinstance(owner, FieldLine)
    owner.setFocus()
    qtbot.keyClicks(owner, "front-of-house")
    owner.editingFinished.emit()
    assert document.design.actions[-1].owner == "front-of-house"
    states.append(copy.deepcopy(document.design))

    minutes = inspector.editors["minutes"]
    assert isinstance(minutes, OptionalSpin)
    type_number(qtbot, minutes, "15")
    assert document.design.actions[-1].minutes == 15
    states.append(copy.deepcopy(document.design))

    tick(inspector.editors["at"], "dinner")
    assert document.design.actions[-1].at == ["check-in", "dinner"]
    states.append(copy.deepcopy(document.design))

    needs = inspector.editors["needs"]
    offered = [needs.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(needs.list.count())]
    assert offered == ["table-plan", "seat-party"], "other actions, never the action itself"
    tick(needs, "table-plan")
    assert document.design.actions[-1].needs == ["table-plan"]
    states.append(copy.deepcopy(document.design))

    # One undo step per field: the add, lane, owner (typed), minutes (typed), at, needs.
    assert document.undo_stack.count() == len(states)
    for state in reversed(states[:-1]):
        document.undo_stack.undo()
        assert document.design == state
        # The inspector shows the model's value again after each undo.
        shown = inspector.editors["minutes"]
        assert isinstance(shown, OptionalSpin)
        assert shown.number() == state.actions[-1].minutes
    document.undo_stack.undo()
    assert new not in document.design.index(), "undoing the add removes the action"
    assert (
        "section:actions" not in (document.selected or "") and new not in window.outline.entries()
    )
    for state in states:
        document.undo_stack.redo()
        assert document.design == state
    assert window.save()
    assert load_design(lodge) == states[-1]


def test_the_undo_step_names_the_added_action(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    window.add_actions["actions"].trigger()
    new = window.document.selected
    assert window.document.undo_stack.undoText() == f"Add action “{new}”"


def test_a_number_left_empty_is_none_and_the_lane_shows_its_word(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    document = window.document
    document.select("table-plan")
    inspector = window.inspector
    lane = inspector.editors["lane"]
    assert [lane.itemData(i) for i in range(lane.count())] == ["frontstage", "backstage", "support"]
    assert lane.currentData() == "support"
    minutes = inspector.editors["minutes"]
    assert isinstance(minutes, OptionalSpin) and minutes.number() == 10
    type_number(qtbot, minutes, "")
    assert document.design.actions[0].minutes is None
    document.undo_stack.undo()
    assert document.design.actions[0].minutes == 10
    assert minutes.number() == 10


def test_the_outline_lists_the_actions_with_their_lane(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    outline = window.outline
    entries = outline.entries()
    section = entries["section:actions"]
    assert section.childCount() == 2
    assert section.text(0).startswith("Actions (2)")
    label = entries["table-plan"].text(0)
    assert "table-plan" in label and "support" in label and "Plan the tables" in label
    # Selecting the heading sums the section up; selecting the entry opens the action.
    window.document.select("section:actions")
    assert window.inspector._kind == "section"
    outline.setCurrentItem(entries["seat-party"])
    assert window.document.selected == "seat-party"
    assert "lane" in window.inspector.editors
    # Right-click on the section offers the window's own Add action.
    menu = outline.context_menu_for(section)
    assert menu is not None
    menu.actions()[0].trigger()
    assert len(window.document.design.actions) == 3
    assert window.document.selected == window.document.design.actions[-1].id
    # A lane changed in the inspector is seen in the outline's label at once.
    choose(window.inspector.editors["lane"], "support")
    new = window.document.selected
    assert "support" in outline.entries()[new].text(0)


def test_an_empty_actions_section_says_how_to_add_one(qtbot, asked, tmp_path):
    path = tmp_path / "bare.yaml"
    path.write_text(LODGE.split("actions:")[0], encoding="utf-8")
    window = open_window(qtbot, path)
    assert window.outline.entries()["section:actions"].childCount() == 0
    window.document.select("section:actions")
    page = window.inspector.widget()
    texts = [label.text() for label in page.findChildren(QLabel)]
    assert any("Action (blueprint)" in text for text in texts)


def test_a_blu003_finding_clicked_selects_its_action(qtbot, asked, lodge):
    text = LODGE.replace("    owner: host\n", "")
    lodge.write_text(text, encoding="utf-8")
    window = open_window(qtbot, lodge)
    panel = window.findings
    rows = [f for f in panel.rows() if f.code == "BLU003"]
    assert rows and rows[0].ids[0] == "seat-party"
    tree = panel.tree
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            row = group.child(j)
            if row.text(1) == "BLU003":
                tree.scrollToItem(row)
                rect = tree.visualItemRect(row)
                qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                break
    assert window.document.selected == "seat-party"
    chosen = window.outline.selectedItems()
    assert [c.data(0, Qt.ItemDataRole.UserRole) for c in chosen] == ["seat-party"]
    assert window.inspector._owner == "seat-party"
    owner = window.inspector.editors["owner"]
    assert isinstance(owner, FieldLine) and owner.text() == ""


def test_a_touchpoints_wait_is_edited_and_undone(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    document = window.document
    document.select("dinner")
    wait = window.inspector.editors["wait"]
    assert isinstance(wait, OptionalSpin) and wait.number() is None
    type_number(qtbot, wait, "20")
    assert document.design.touchpoints[1].wait == 20
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.design.touchpoints[1].wait is None
    assert wait.number() is None
    document.undo_stack.redo()
    assert document.design.touchpoints[1].wait == 20
    assert wait.number() == 20


def test_the_graph_draws_actions_and_their_edges(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    view = GraphView(window.document)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    assert "table-plan" in view.node_ids() and "seat-party" in view.node_ids()
    item = view.node_item("seat-party")
    assert item is not None and item.kind == "action"
    assert "frontstage" in item.info.tooltip()
    kinds = {(u, v): kind for u, v, kind in view._edges}
    assert kinds[("seat-party", "dinner")] == "serves"
    assert kinds[("seat-party", "table-plan")] == "needs"
    assert kinds[("table-plan", "kitchen")] == "happens"
    assert kinds[("check-in", "podium")] == "zone"
    legend = view.legend().texts()
    for title in ("Action", "serves", "needs", "happens in"):
        assert title in legend
    # An action's node shape differs from every other kind's.
    from cuecraft.gui.views.graph_items import KINDS, node_shape

    action_shape = node_shape("action", 10.0)
    for kind in KINDS:
        if kind != "action":
            assert node_shape(kind, 10.0) != action_shape, kind


def test_deleting_a_needed_action_counts_and_drops_the_reference(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    document = window.document
    before = copy.deepcopy(document.design)
    document.select("table-plan")
    window.delete_selected()
    assert asked == [("table-plan", 1)], "the confirmation counts the action needing it"
    assert "table-plan" not in document.design.index()
    assert document.design.actions[0].id == "seat-party"
    assert document.design.actions[0].needs == []
    document.undo_stack.undo()
    assert document.design == before
