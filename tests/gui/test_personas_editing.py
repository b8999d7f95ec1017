"""Personas in the workbench: added, edited in the inspector (name, share, skips, emotion
per touchpoint), each step undone and redone, saved; listed in the outline; reached from
a PER003 finding; counted when a touchpoint they skip or feel at is deleted."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel

from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import set_language
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window
from cuecraft.gui.inspector_forms import OptionalSpin
from cuecraft.gui.inspector_persona import EmotionOverrides
from cuecraft.gui.widgets import FieldLine, RefPicker

# The file lists the touchpoints out of journey order (dinner first): the persona's
# lists follow the journey, check-in → bar → dinner → pay.
LODGE = """\
cuecraft: 1
title: Safari lodge
theme:
  name: Into the wild
  motifs: [safari]
zones:
  - id: podium
    name: Host podium
touchpoints:
  - id: dinner
    name: Dinner under the canopy
    phase: during
    zone: podium
    next: [pay]
    emotion: 2
  - id: check-in
    name: Check in
    phase: before
    zone: podium
    next: [bar, dinner]
    emotion: 1
  - id: bar
    name: Wait at the bar
    phase: during
    zone: podium
    next: [dinner]
  - id: pay
    name: Pay
    phase: after
    zone: podium
    emotion: 2
cues:
  - id: drums
    text: Distant drums
    senses: [sound]
    motifs: [safari]
    at: [podium]
personas:
  - id: family
    name: Family with toddlers
    share: 55
    skips: [bar]
    emotion: {dinner: 3}
  - id: couple
    name: Couple on a date night
    share: 30
    emotion: {bar: 3}
"""
JOURNEY = ["check-in", "bar", "dinner", "pay"]


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


def offered(picker: RefPicker) -> list[str]:
    return [picker.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(picker.list.count())]


def type_number(qtbot, spin: OptionalSpin, text: str) -> None:
    """Select what the box shows, type over it and leave it (Tab)."""
    spin.setFocus()
    spin.selectAll()
    if text:
        qtbot.keyClicks(spin, text)
    else:
        qtbot.keyClick(spin, Qt.Key.Key_Delete)
    spin.editingFinished.emit()


def overrides_of(window) -> EmotionOverrides:
    editor = window.inspector.editors["emotion"]
    assert isinstance(editor, EmotionOverrides)
    return editor


def test_add_a_persona_edit_every_field_undo_and_redo_each_step_save_and_reload(
    qtbot, asked, lodge
):
    window = open_window(qtbot, lodge)
    document = window.document
    window.add_actions["personas"].trigger()
    new = document.selected
    persona = document.design.personas[-1]
    assert persona.id == new and persona.share is None and persona.skips == []
    assert persona.emotion == {}
    headings = [label.text() for label in window.inspector.widget().findChildren(QLabel)]
    assert f"Persona “{new}”" in headings
    assert document.undo_stack.undoText() == f"Add persona “{new}”"
    inspector = window.inspector
    states = [copy.deepcopy(document.design)]

    name = inspector.editors["name"]
    assert isinstance(name, FieldLine)
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Solo diner")
    name.editingFinished.emit()
    assert document.design.personas[-1].name == "Solo diner"
    states.append(copy.deepcopy(document.design))

    share = inspector.editors["share"]
    assert isinstance(share, OptionalSpin)
    assert share.number() is None
    type_number(qtbot, share, "15")
    assert document.design.personas[-1].share == 15
    states.append(copy.deepcopy(document.design))

    skips = inspector.editors["skips"]
    assert offered(skips) == JOURNEY, "the touchpoints in journey order, not file order"
    tick(skips, "bar")
    assert document.design.personas[-1].skips == ["bar"]
    states.append(copy.deepcopy(document.design))

    overrides = overrides_of(window)
    type_number(qtbot, overrides.spins["dinner"], "-1")
    assert document.design.personas[-1].emotion == {"dinner": -1}
    states.append(copy.deepcopy(document.design))

    # Stepping from none starts at the touchpoint's target (pay: 2): up once is 3, then
    # down twice is 1; three steps of one touchpoint are one undo step.
    pay = overrides.spins["pay"]
    pay.stepUp()
    assert document.design.personas[-1].emotion["pay"] == 3
    pay.stepDown()
    pay.stepDown()
    assert document.design.personas[-1].emotion == {"dinner": -1, "pay": 1}
    states.append(copy.deepcopy(document.design))
    # Stepping another touchpoint right after, without leaving the first: a step of its own.
    overrides.spins["check-in"].stepDown()
    assert document.design.personas[-1].emotion == {"check-in": 0, "dinner": -1, "pay": 1}
    states.append(copy.deepcopy(document.design))

    # One undo step per gesture: add, name (typed), share (typed), skips, three emotions.
    assert document.undo_stack.count() == len(states)
    for state in reversed(states[:-1]):
        document.undo_stack.undo()
        assert document.design == state
        # The inspector shows the model's values again after each undo.
        shown = overrides_of(window)
        wanted = state.personas[-1].emotion
        assert {tp: s.number() for tp, s in shown.spins.items() if s.number() is not None} == (
            wanted
        )
        share_box = inspector.editors["share"]
        assert isinstance(share_box, OptionalSpin)
        assert share_box.number() == state.personas[-1].share
    document.undo_stack.undo()
    assert new not in document.design.index(), "undoing the add removes the persona"
    assert new not in window.outline.entries()
    for state in states:
        document.undo_stack.redo()
        assert document.design == state
    assert window.save()
    reloaded = load_design(lodge)
    assert reloaded == states[-1]
    # Emotions are written in journey order, as the designer reads them.
    assert "emotion: {check-in: 0, dinner: -1, pay: 1}" in lodge.read_text(encoding="utf-8")


def test_ctrl_shift_p_adds_a_persona(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.add_actions["personas"].shortcut().toString() == "Ctrl+Shift+P"
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(window.document.design.personas) == 3
    assert window.document.selected == window.document.design.personas[-1].id


def test_emotions_list_every_touchpoint_in_journey_order_with_its_target(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    window.document.select("family")
    overrides = overrides_of(window)
    assert [row.touchpoint for row in overrides.rows] == JOURNEY
    targets = {tp: label.text() for tp, label in overrides.targets.items()}
    assert targets == {"check-in": "1", "bar": "–", "dinner": "2", "pay": "2"}
    shown = {tp: spin.number() for tp, spin in overrides.spins.items()}
    assert shown == {"check-in": None, "bar": None, "dinner": 3, "pay": None}
    # The family skips the bar: dimmed, and nothing to set there.
    assert "(skipped)" in overrides.names["bar"].text()
    assert not overrides.names["bar"].isEnabled() and not overrides.spins["bar"].isEnabled()
    assert overrides.spins["dinner"].isEnabled()
    # Ticking a skip dims the touchpoint at once; unticking brings it back.
    tick(window.inspector.editors["skips"], "pay")
    assert not overrides.spins["pay"].isEnabled()
    window.document.undo_stack.undo()
    assert overrides.spins["pay"].isEnabled()
    # Emptying an override drops it: the persona feels as the touchpoint's target.
    type_number(qtbot, overrides.spins["dinner"], "")
    assert window.document.design.personas[0].emotion == {}
    window.document.undo_stack.undo()
    assert window.document.design.personas[0].emotion == {"dinner": 3}
    assert overrides.spins["dinner"].number() == 3


def test_a_wheel_scrolling_past_the_emotions_sets_none(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.document.select("family")
    spin = overrides_of(window).spins["pay"]
    window.inspector.setFocus()

    def wheel(widget) -> None:
        centre = QPointF(widget.rect().center())
        event = QWheelEvent(
            centre,
            QPointF(widget.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)

    wheel(spin)
    assert window.document.design.personas[0].emotion == {"dinner": 3}
    assert window.document.undo_stack.count() == 0
    # Clicked into, the box takes the wheel: one step up from the target (2).
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel(spin)
    assert window.document.design.personas[0].emotion == {"dinner": 3, "pay": 3}


def test_an_emotion_for_a_missing_touchpoint_is_listed_and_can_be_cleared(qtbot, asked, lodge):
    lodge.write_text(LODGE.replace("emotion: {bar: 3}", "emotion: {ghost: 2}"), "utf-8")
    window = open_window(qtbot, lodge)
    window.document.select("couple")
    overrides = overrides_of(window)
    assert [row.touchpoint for row in overrides.rows] == [*JOURNEY, "ghost"]
    assert "(missing)" in overrides.names["ghost"].text()
    type_number(qtbot, overrides.spins["ghost"], "")
    assert window.document.design.personas[1].emotion == {}
    assert "ghost" not in overrides_of(window).spins


def test_the_outline_lists_the_personas_with_their_share(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    outline = window.outline
    entries = outline.entries()
    section = entries["section:personas"]
    last = outline.topLevelItem(outline.topLevelItemCount() - 1)
    assert last is section, "the Personas section comes after Actions, last"
    assert section.text(0) == "Personas (2)" and section.toolTip(0) == "2 personas"
    assert entries["family"].text(0) == "family · 55% — Family with toddlers"
    # Selecting the heading sums the section up; selecting the entry opens the persona.
    window.document.select("section:personas")
    assert window.inspector._kind == "section"
    outline.setCurrentItem(entries["couple"])
    assert window.document.selected == "couple"
    assert "share" in window.inspector.editors
    # A share changed in the inspector is seen in the outline's label at once.
    share = window.inspector.editors["share"]
    assert isinstance(share, OptionalSpin)
    type_number(qtbot, share, "")
    assert outline.entries()["couple"].text(0) == "couple — Couple on a date night"
    # Right-click on the section offers the window's own Add action.
    menu = outline.context_menu_for(section)
    assert menu is not None
    assert menu.actions()[0].text().startswith("Add persona")
    menu.actions()[0].trigger()
    assert len(window.document.design.personas) == 3
    assert window.document.selected == window.document.design.personas[-1].id


def test_an_empty_personas_section_says_how_to_add_one(qtbot, asked, tmp_path):
    path = tmp_path / "bare.yaml"
    path.write_text(LODGE.split("personas:")[0], encoding="utf-8")
    window = open_window(qtbot, path)
    assert window.outline.entries()["section:personas"].childCount() == 0
    window.document.select("section:personas")
    texts = [label.text() for label in window.inspector.widget().findChildren(QLabel)]
    assert any("Edit ▸ Add ▸ Persona" in text for text in texts)


def test_a_per003_finding_clicked_selects_its_persona(qtbot, asked, lodge):
    lodge.write_text(LODGE.replace("share: 30", "share: 60"), encoding="utf-8")
    window = open_window(qtbot, lodge)
    panel = window.findings
    rows = [f for f in panel.rows() if f.code == "PER003"]
    assert rows and rows[0].ids[0] == "family"
    tree = panel.tree
    clicked = False
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            row = group.child(j)
            if row.text(1) == "PER003":
                tree.scrollToItem(row)
                rect = tree.visualItemRect(row)
                qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                clicked = True
    assert clicked
    assert window.document.selected == "family"
    chosen = window.outline.selectedItems()
    assert [c.data(0, Qt.ItemDataRole.UserRole) for c in chosen] == ["family"]
    assert window.inspector._owner == "family"
    share = window.inspector.editors["share"]
    assert isinstance(share, OptionalSpin) and share.number() == 55
    # Lowering a share below the sum clears the finding.
    type_number(qtbot, share, "40")
    window.document.flush()
    assert not [f for f in window.findings.rows() if f.code == "PER003"]


def test_deleting_a_touchpoint_counts_the_personas_skips_and_emotions(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    document = window.document
    before = copy.deepcopy(document.design)
    document.select("bar")
    window.delete_selected()
    # check-in's next, the family's skip and the couple's emotion there.
    assert asked == [("bar", 3)]
    assert "bar" not in document.design.index()
    family, couple = document.design.personas
    assert family.skips == [] and couple.emotion == {}
    document.undo_stack.undo()
    assert document.design == before
    assert document.design.personas[0].skips == ["bar"]
    assert document.design.personas[1].emotion == {"bar": 3}


def test_deleting_a_persona_and_undoing_it(qtbot, asked, lodge):
    window = open_window(qtbot, lodge)
    document = window.document
    before = copy.deepcopy(document.design)
    window.outline.setCurrentItem(window.outline.entries()["family"])
    window.delete_selected()
    assert asked == [("family", 0)], "nothing refers to a persona"
    assert [p.id for p in document.design.personas] == ["couple"]
    assert "family" not in window.outline.entries()
    assert document.undo_stack.undoText() == "Delete “family”"
    document.undo_stack.undo()
    assert document.design == before
    assert "family" in window.outline.entries()


@pytest.mark.parametrize("lang", ["en", "pl", "zh"])
def test_the_emotions_fit_the_narrowest_inspector(qtbot, asked, lodge, lang):
    """At the inspector's narrowest (a 1024×768 projector) every emotion box is whole
    and no heading of the list is cut, in each language."""
    set_language(lang)
    try:
        window = open_window(qtbot, lodge)
        window.resize(1024, 768)
        inspector = window.inspector
        window.resizeDocks([window.inspector_dock], [inspector.minimumWidth()], Qt.Horizontal)
        window.document.select("family")
        overrides = overrides_of(window)
        first = overrides.spins["check-in"]
        qtbot.waitUntil(lambda: first.height() >= first.minimumSizeHint().height())
        room = inspector.viewport().width()
        for spin in overrides.spins.values():
            right = spin.mapTo(inspector.viewport(), spin.rect().topRight()).x()
            assert right <= room, (lang, spin.accessibleName())
            assert spin.width() >= spin.minimumSizeHint().width()
            assert spin.height() >= spin.minimumSizeHint().height()
        for heading in overrides.headings[1:]:
            assert heading.fontMetrics().horizontalAdvance(heading.text()) <= heading.width()
        for name in overrides.names.values():
            assert name.width() > 80, "the touchpoint's name keeps most of the row"
            # Wrapped, never cut: the label is as tall as its lines at its width.
            assert name.height() >= name.heightForWidth(name.width()), name.text()
    finally:
        set_language("en")
