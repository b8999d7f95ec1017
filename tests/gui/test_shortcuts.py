"""Shortcuts: standard keys for standard actions, no key used twice, none stolen by a field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from cuecraft.core.edits import SetField
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window

ROOT = Path(__file__).resolve().parents[2]
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"

# Keys that Qt's standard actions use with Ctrl+Shift on some platform (Windows, macOS,
# KDE, GNOME), from Qt's own table: Redo, Save As, New Tab (KDE), Find Previous,
# Deselect, Full Screen (KDE). Users are on all of them, the tests run on one.
CTRL_SHIFT_ELSEWHERE = {f"Ctrl+Shift+{key}" for key in "ZSNGAF"}

# Deliberate: a standard binding the window takes for itself, and why that is safe.
TAKEN_ON_PURPOSE = {
    "F5": "Refresh: Cuecraft has nothing to refresh; F5 starts the show (SPEC §5)",
    "Ctrl+E": "end of line in a Linux text field, where End does the same",
}


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    path = tmp_path / RAINFOREST.name
    path.write_bytes(RAINFOREST.read_bytes())
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def shortcut_owners(window) -> dict[str, list[QAction]]:
    owners: dict[str, list[QAction]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            owners.setdefault(key.toString(), []).append(action)
    return owners


def standard_bindings() -> dict[str, list[QKeySequence.StandardKey]]:
    bindings: dict[str, list[QKeySequence.StandardKey]] = {}
    for standard in QKeySequence.StandardKey:
        if standard == QKeySequence.StandardKey.UnknownKey:
            continue
        for key in QKeySequence.keyBindings(standard):
            bindings.setdefault(key.toString(), []).append(standard)
    return bindings


def test_no_two_actions_share_a_key(window):
    owners = shortcut_owners(window)
    assert len(owners) >= 20, "every action with a key is counted"
    shared = {
        key: [a.text() for a in actions] for key, actions in owners.items() if len(actions) > 1
    }
    assert shared == {}


def test_no_action_takes_a_standard_key_of_the_platform_for_something_else(window):
    standard = standard_bindings()
    clashes = []
    for key, actions in shortcut_owners(window).items():
        for action in actions:
            for meaning in standard.get(key, []):
                means_it = set(action.shortcuts()) == set(QKeySequence.keyBindings(meaning))
                if not means_it and key not in TAKEN_ON_PURPOSE:
                    clashes.append(f"{key}: {action.text()!r} vs the standard {meaning.name}")
    assert clashes == []
    for key in TAKEN_ON_PURPOSE:
        assert key in shortcut_owners(window), f"{key} is no longer used: drop the allowance"


def test_no_own_key_is_a_standard_key_on_another_platform(window):
    standard_sets = [set(QKeySequence.keyBindings(k)) for k in QKeySequence.StandardKey if k.value]
    own = [
        action
        for action in window.findChildren(QAction)
        if action.shortcuts() and set(action.shortcuts()) not in standard_sets
    ]
    assert window.act_export in own and window.add_actions["zones"] in own
    keys = {key.toString() for action in own for key in action.shortcuts()}
    assert keys & CTRL_SHIFT_ELSEWHERE == set()


def test_standard_actions_use_the_platform_keys(window):
    for action, standard in (
        (window.act_save_as, QKeySequence.StandardKey.SaveAs),
        (window.act_save, QKeySequence.StandardKey.Save),
        (window.act_open, QKeySequence.StandardKey.Open),
        (window.act_new, QKeySequence.StandardKey.New),
    ):
        assert action.shortcuts() == QKeySequence.keyBindings(standard), action.text()
    undo, redo = window._undo_actions[:2]
    assert undo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert redo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)


def test_ctrl_shift_z_redoes_and_adds_no_zone(qtbot, window):
    document = window.document
    zones = len(document.design.zones)
    document.push(SetField("theme", "tagline", "Into the storm"))
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.design.theme.tagline != "Into the storm"
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert document.design.theme.tagline == "Into the storm"
    assert len(document.design.zones) == zones


def test_ctrl_shift_s_opens_save_as(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: asked.append(args) or ("", "")
    )
    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(asked) == 1
    stack = window.document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == []


class GreedyField(QLineEdit):
    """A text field that claims every key for itself, as a Linux field claims Ctrl+E."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)


def test_window_keys_work_while_a_text_field_claims_them(qtbot, window, monkeypatch):
    exported = []
    monkeypatch.setattr(window, "export_brief", lambda: exported.append(True))
    window.act_export.triggered.disconnect()
    window.act_export.triggered.connect(window.export_brief)
    field = GreedyField()
    window.inspector_dock.setWidget(field)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == [True]
    # The field keeps its editing keys: Ctrl+Z there is the field's, not the design's.
    window.document.push(SetField("theme", "tagline", "Into the storm"))
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.design.theme.tagline == "Into the storm"


def test_toolbar_undo_and_redo_keep_their_width(qtbot, window):
    toolbar = window._toolbar
    buttons = [toolbar.widgetForAction(a) for a in window._undo_actions[2:]]
    before = [b.width() for b in buttons]
    window.document.push(SetField("theme", "tagline", "A much longer description of an edit"))
    window.document.undo_stack.undo()
    qtbot.wait(10)
    assert [b.width() for b in buttons] == before
    assert [b.text() for b in buttons] == ["Undo", "Redo"]
    stack = window.document.undo_stack
    assert stack.redoText() and buttons[1].toolTip() == f"Redo {stack.redoText()}"
