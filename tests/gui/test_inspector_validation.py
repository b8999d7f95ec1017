"""The inspector shows the core's message where the person typed; nothing invalid
reaches the model and nothing typed is silently lost (issue 12, item 6)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from cuecraft.core.fileformat import load_design
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window
from cuecraft.gui.document import Document
from cuecraft.gui.inspector import Inspector

ROOT = Path(__file__).resolve().parents[2]
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"


@pytest.fixture
def quiet(monkeypatch, tmp_path):
    """Isolated settings and recovery folder; no modal dialog ever opens."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    for name in ("show_load_error", "show_error"):
        monkeypatch.setattr(dialogs, name, lambda *args: None)
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    monkeypatch.setattr(dialogs, "ask_recover", lambda parent, text: False)


def inspector_on(qtbot, selected: str) -> tuple[Document, Inspector]:
    document = Document(load_design(RAINFOREST))
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    inspector.resize(360, 700)
    inspector.show()
    document.select(selected)
    return document, inspector


def retype(qtbot, editor, text: str) -> None:
    """Select what the field holds and type over it, key by key (ASCII only)."""
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def paste(editor, text: str) -> None:
    QApplication.clipboard().setText(text)
    editor.selectAll()
    editor.paste()


def note_of(inspector: Inspector, name: str) -> str:
    note = inspector.notes[name]
    return note.text() if note.isVisibleTo(inspector) else ""


def test_main_hall_typed_into_an_id_shows_why_and_changes_nothing(qtbot):
    document, inspector = inspector_on(qtbot, "mall-front")
    before = copy.deepcopy(document.design)
    editor = inspector.editors["id"]
    retype(qtbot, editor, "Main Hall")
    assert "“Main Hall” is not a valid id" in note_of(inspector, "id"), "said while typing"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert document.design == before and document.undo_stack.count() == 0
    assert editor.text() == "Main Hall", "what was typed stays, to be corrected"
    assert "lowercase letters" in note_of(inspector, "id")
    assert "Not applied" in note_of(inspector, "id")
    # Other edits elsewhere leave the typed text alone.
    document.push(inspector_edit_of_title(document))
    assert editor.text() == "Main Hall"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.text() == "mall-front" and note_of(inspector, "id") == ""


def inspector_edit_of_title(document: Document):
    from cuecraft.core.edits import SetField

    return SetField("design", "title", document.design.title + " (edited)")


def test_correcting_the_id_applies_it_as_one_undo_step(qtbot):
    document, inspector = inspector_on(qtbot, "mall-front")
    before = copy.deepcopy(document.design)
    editor = inspector.editors["id"]
    retype(qtbot, editor, "Main Hall")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    retype(qtbot, inspector.editors["id"], "main-hall")
    qtbot.keyClick(inspector.editors["id"], Qt.Key.Key_Return)
    assert "main-hall" in document.design.index() and "mall-front" not in document.design.index()
    assert document.selected == "main-hall"
    assert note_of(inspector, "id") == ""
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.design == before


def test_an_empty_or_taken_id_is_refused_with_the_cores_message(qtbot):
    document, inspector = inspector_on(qtbot, "mall-front")
    editor = inspector.editors["id"]
    retype(qtbot, editor, "podium")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "“podium” is already used" in note_of(inspector, "id")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "must not be empty" in note_of(inspector, "id")
    assert "mall-front" in document.design.index() and document.undo_stack.count() == 0


def test_polish_in_language_shows_what_is_expected_and_no_prefix_slips_in(qtbot):
    document, inspector = inspector_on(qtbot, "design")
    editor = inspector.editors["language"]
    seen: list[str | None] = []
    editor.textEdited.connect(lambda _text: seen.append(document.design.language))
    retype(qtbot, editor, "Polish")
    assert seen == ["en"] * len("Polish"), "not even 'Po' or 'Pol' reached the model"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    editor.editingFinished.emit()  # whether or not offscreen focus moved
    message = note_of(inspector, "language")
    assert "“Polish” is not a language tag" in message
    assert "en, pl, zh-CN or zh-Hans" in message
    assert document.design.language == "en" and document.undo_stack.count() == 0
    retype(qtbot, editor, "pl")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert document.design.language == "pl" and note_of(inspector, "language") == ""
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.design.language == "en" and editor.text() == "en"


def test_valid_typing_applies_at_each_keystroke_as_one_undo_step(qtbot):
    document, inspector = inspector_on(qtbot, "design")
    title = document.design.title
    editor = inspector.editors["title"]
    editor.setFocus()
    editor.end(False)
    qtbot.keyClicks(editor, " 2025")
    assert document.design.title == title + " 2025"
    assert document.undo_stack.count() == 1
    assert note_of(inspector, "title") == ""
    document.undo_stack.undo()
    assert document.design.title == title and editor.text() == title


def test_a_pasted_control_character_is_refused_in_place_and_fixing_it_applies(qtbot):
    document, inspector = inspector_on(qtbot, "design")
    before = copy.deepcopy(document.design)
    editor = inspector.editors["venue"]
    paste(editor, "Jungle\x07 hall")
    assert document.design == before
    message = note_of(inspector, "venue")
    assert "U+0007" in message and "“venue”" in message and "cannot be saved" in message
    assert editor.text() == "Jungle\x07 hall"
    assert "border" in editor.styleSheet(), "the field is marked"
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    for _ in range(len("Jungle")):
        qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # the person removes the invisible character
    assert document.design.venue == "Jungle hall"
    assert note_of(inspector, "venue") == "" and editor.styleSheet() == ""
    assert document.undo_stack.count() == 1


def test_line_separator_typed_into_a_one_line_field_is_applied(qtbot):
    document, inspector = inspector_on(qtbot, "design")
    editor = inspector.editors["client"]
    editor.setFocus()
    editor.selectAll()
    event = QInputMethodEvent()
    event.setCommitString("Rainforest\u2028Holdings")
    QApplication.sendEvent(editor, event)
    assert document.design.client == "Rainforest\u2028Holdings"
    assert note_of(inspector, "client") == ""


def test_pasted_windows_line_ends_become_line_breaks(qtbot):
    document, inspector = inspector_on(qtbot, "design")
    paste(inspector.editors["venue"], "themed\r\nrestaurant")
    assert document.design.venue == "themed\nrestaurant"


def test_leaving_a_refused_field_for_another_item_says_so_in_the_status_bar(qtbot, quiet):
    window = create_window(str(RAINFOREST))
    qtbot.addWidget(window)
    window.show()
    document = window.document
    document.select("mall-front")
    editor = window.inspector.editors["id"]
    retype(qtbot, editor, "Main Hall")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    document.select("podium")
    status = window.statusBar().currentMessage()
    assert "Id “Main Hall” was not applied" in status and "not a valid id" in status
    assert "mall-front" in document.design.index()


def test_tab_out_of_the_id_field_renames_and_the_window_lives(qtbot, quiet):
    # The form is rebuilt by a rename from inside the id field's own focus-out event;
    # deleting that field there at once used to crash the whole workbench.
    window = create_window(str(RAINFOREST))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    document = window.document
    document.select("mall-front")
    editor = window.inspector.editors["id"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    qtbot.keyClicks(editor, "main-hall")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.wait(50)
    assert "main-hall" in document.design.index()
    assert window.inspector.editors["id"].text() == "main-hall"
