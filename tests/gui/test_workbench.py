"""The workbench as a designer uses it: open, edit through the inspector, undo, save, recover."""

from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cuecraft.core.fileformat import load_design
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window
from cuecraft.gui.widgets import RefPicker, TextBox
from cuecraft.resources import example_designs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = example_designs()


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """Isolated settings and recovery folder; every dialog answered and recorded."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    record: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_load_error", lambda parent, error: record.append(("load-error", str(error)))
    )
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, message: record.append(("error", message))
    )
    monkeypatch.setattr(
        dialogs,
        "ask_save_changes",
        lambda parent, name: record.append(("save?", name)) or "discard",
    )
    monkeypatch.setattr(
        dialogs, "ask_recover", lambda parent, text: record.append(("recover?", text)) or True
    )
    monkeypatch.setattr(dialogs, "ask_delete", lambda parent, what, refs: True)
    monkeypatch.setattr(
        dialogs,
        "ask_lock_choice",
        lambda parent, name, holder: record.append(("lock", holder)) or "read-only",
    )
    return record


def open_window(qtbot, path: Path | None):
    window = create_window(str(path) if path else None)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_edit_a_cue_undo_redo_save_and_reload(qtbot, asked, tmp_path, example):
    path = tmp_path / example.name
    path.write_bytes(example.read_bytes())
    window = open_window(qtbot, path)
    document = window.document
    original = copy.deepcopy(document.design)
    cue = document.design.cues[0]
    document.select(cue.id)
    editor = window.inspector.editors["text"]
    assert isinstance(editor, TextBox)
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, " and more")
    assert document.design.cues[0].text == original.cues[0].text + " and more"
    assert document.undo_stack.count() == 1, "typing in one field is one undo step"
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    edited = copy.deepcopy(document.design)
    document.undo_stack.undo()
    assert document.design == original
    assert not window.isWindowModified()
    document.undo_stack.redo()
    assert document.design == edited
    assert window.save()
    assert load_design(path) == edited
    assert not window.isWindowModified()


def test_adding_a_conflicting_cue_shows_har001_and_fixing_it_clears_it(qtbot, asked):
    window = open_window(qtbot, ROOT / "designs" / "museum-exhibition.yaml")
    document = window.document
    assert [f.code for f in document.result.findings] == []
    first = document.design.cues[0]
    window.add_item("cues")
    new = document.selected
    picker = window.inspector.editors["at"]
    assert isinstance(picker, RefPicker)
    tick(picker, first.at[0])
    conflicts = window.inspector.editors["conflicts"]
    tick(conflicts, first.id)
    document.flush()
    codes = {(f.code, f.ids) for f in document.result.findings}
    assert ("HAR001", tuple(sorted((first.id, new)))) in codes
    assert "HAR001" in [f.code for f in window.findings.rows()]
    tick(conflicts, first.id)  # untick: no longer in conflict
    document.flush()
    assert "HAR001" not in [f.code for f in document.result.findings]


def tick(picker: RefPicker, ref: str) -> None:
    for row in range(picker.list.count()):
        item = picker.list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == ref:
            checked = item.checkState() == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return
    raise AssertionError(f"{ref} is not offered")


def test_activating_a_finding_selects_its_subject(qtbot, asked):
    window = open_window(qtbot, ROOT / "designs" / "rainforest-cafe.yaml")
    tree = window.findings.tree
    group = tree.topLevelItem(0)
    row = group.child(0)
    tree.itemActivated.emit(row, 0)
    finding = window.findings.rows()[0]
    assert window.document.selected == finding.ids[0]
    assert window.outline.selectedItems()[0].data(0, Qt.ItemDataRole.UserRole) == finding.ids[0]


def test_a_bad_file_shows_the_error_and_leaves_the_document_untouched(qtbot, asked, tmp_path):
    window = open_window(qtbot, ROOT / "designs" / "rainforest-cafe.yaml")
    before = copy.deepcopy(window.document.design)
    bad = tmp_path / "bad.yaml"
    bad.write_text("cuecraft: 1\ntitle: [oops\n", encoding="utf-8")
    assert not window.open_path(bad, confirmed=True)
    assert asked[-1][0] == "load-error" and f"{bad}:3:1" in asked[-1][1]
    assert window.document.design == before
    assert window.document.path == (ROOT / "designs" / "rainforest-cafe.yaml").resolve()


def test_deleting_and_renaming_update_references_with_one_undo_each(qtbot, asked):
    window = open_window(qtbot, ROOT / "designs" / "boutique-hotel.yaml")
    document = window.document
    zone = document.design.zones[0].id
    before = copy.deepcopy(document.design)
    document.select(zone)
    window.delete_selected()
    assert zone not in document.design.index()
    assert all(zone not in c.at for c in document.design.cues)
    document.undo_stack.undo()
    assert document.design == before
    document.select(zone)
    id_editor = window.inspector.editors["id"]
    id_editor.setText("renamed-zone")
    id_editor.editingFinished.emit()
    assert "renamed-zone" in document.design.index()
    assert document.selected == "renamed-zone"
    document.undo_stack.undo()
    assert document.design == before


def test_a_file_open_elsewhere_is_detected(qtbot, asked, tmp_path):
    path = tmp_path / "shared.yaml"
    path.write_bytes((ROOT / "designs" / "museum-exhibition.yaml").read_bytes())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import time
        from pathlib import Path
        from cuecraft.gui.recovery import take_lock
        take_lock(Path({str(path)!r}))
        print("locked", flush=True)
        time.sleep(60)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        window = open_window(qtbot, path)
        assert asked[-1][0] == "lock" and str(holder.pid) in asked[-1][1]
        assert window.document.read_only
        assert "(read-only)" in window.windowTitle()
    finally:
        holder.kill()
        holder.wait()


def test_killed_with_unsaved_edits_the_next_start_recovers_them(qtbot, asked, tmp_path):
    path = tmp_path / "cafe.yaml"
    path.write_bytes((ROOT / "designs" / "rainforest-cafe.yaml").read_bytes())
    env = {
        **os.environ,
        "CUECRAFT_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from cuecraft.core.edits import SetField
        from cuecraft.gui.app import application, create_window
        app = application()
        window = create_window({str(path)!r})
        window.document.push(SetField("design", "title", "Edited before the crash"))
        window.autosave_now()
        print("autosaved", flush=True)
        app.exec()
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline().strip()
        assert line == "autosaved", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    time.sleep(0.1)
    window = open_window(qtbot, None)
    assert asked[0][0] == "recover?" and str(path) in asked[0][1]
    assert window.document.design.title == "Edited before the crash"
    assert window.document.path == path
    assert window.isWindowModified()
    assert load_design(path).title != "Edited before the crash", "the file itself is untouched"


def test_autosave_runs_on_its_timer(qtbot, asked, tmp_path, monkeypatch):
    window = open_window(qtbot, ROOT / "designs" / "museum-exhibition.yaml")
    window._autosave_timer.setInterval(50)
    window.document.select(window.document.design.cues[0].id)
    window.add_item("zones")
    qtbot.waitUntil(window.autosave.data.exists, timeout=3000)
    assert "New zone" in window.autosave.data.read_text(encoding="utf-8")
    assert window.save_as_path(tmp_path / "saved.yaml")
    assert not window.autosave.data.exists(), "a clean save removes the recovery file"


def test_guest_feedback_shows_live_and_can_be_imported(qtbot, asked, tmp_path):
    window = open_window(qtbot, ROOT / "designs" / "rainforest-cafe.yaml")
    codes = {(f.code, f.ids[0]) for f in window.document.result.findings}
    assert ("FBK001", "check-in") in codes, "the side file next to the design is read"
    plain = tmp_path / "cafe.yaml"
    plain.write_bytes((ROOT / "designs" / "rainforest-cafe.yaml").read_bytes())
    window.open_path(plain, confirmed=True)
    assert not [f for f in window.document.result.findings if f.code.startswith("FBK")]
    survey = ROOT / "designs" / "feedback" / "rainforest-cafe-survey.csv"
    assert window.import_feedback_from(survey)
    assert (tmp_path / "cafe.feedback.yaml").exists()
    assert "FBK001" in [f.code for f in window.document.result.findings]
    assert "FBK001" in [f.code for f in window.findings.rows()]
    bad = tmp_path / "bad.csv"
    bad.write_text("name,colour\nAda,blue\n", encoding="utf-8")
    assert not window.import_feedback_from(bad)
    assert asked[-1][0] == "error"


def test_dropping_a_file_opens_it_and_it_joins_the_recent_files(qtbot, asked, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    window = open_window(qtbot, ROOT / "designs" / "museum-exhibition.yaml")
    dropped = tmp_path / "hotel.yaml"
    dropped.write_bytes((ROOT / "designs" / "boutique-hotel.yaml").read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.document.path == dropped.resolve()
    assert window.document.design.language == "pl"
    recent = [action.text() for action in window.recent_menu.actions()]
    assert recent[:2] == [
        str(dropped.resolve()),
        str((ROOT / "designs" / "museum-exhibition.yaml").resolve()),
    ]
    window.recent_menu.actions()[1].trigger()
    assert window.document.path.name == "museum-exhibition.yaml"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, asked, monkeypatch):
    window = open_window(qtbot, ROOT / "designs" / "museum-exhibition.yaml")
    window.add_item("zones")
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "cancel")
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    assert window.close()
