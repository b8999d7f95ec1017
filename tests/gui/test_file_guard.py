"""Never overwrite what you did not read: outside changes, Save As onto existing files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design
from cuecraft.gui import dialogs, file_actions, file_guard
from cuecraft.gui.app import create_window

ROOT = Path(__file__).resolve().parents[2]
HOTEL = ROOT / "designs" / "boutique-hotel.yaml"
CAFE = ROOT / "designs" / "rainforest-cafe.yaml"


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """Isolated settings; every question answered from `answers` and recorded."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    record: list[tuple[str, object]] = []
    answers: dict[str, object] = {}

    def answer(kind, default):
        def ask(*args, **kwargs):
            record.append((kind, (*args[1:], *kwargs.values())))
            return answers.get(kind, default)

        return ask

    monkeypatch.setattr(file_guard, "ask_before_overwrite", answer("overwrite?", "cancel"))
    monkeypatch.setattr(file_guard, "ask_after_outside_change", answer("outside", "keep"))
    monkeypatch.setattr(file_actions, "ask_replace_existing", answer("replace?", False))
    monkeypatch.setattr(dialogs, "ask_save_changes", answer("save?", "discard"))
    monkeypatch.setattr(dialogs, "show_error", answer("error", None))
    return record, answers


def open_copy(qtbot, tmp_path, source: Path, name: str | None = None):
    path = tmp_path / (name or source.name)
    path.write_bytes(source.read_bytes())
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.show()
    return window, path


def kinds(record) -> list[str]:
    return [kind for kind, _ in record]


def test_save_as_adds_the_suffix_and_never_replaces_the_design_it_points_to(qtbot, tmp_path, asked):
    record, _ = asked
    window, _ = open_copy(qtbot, tmp_path, HOTEL, "hotel.yaml")
    other = tmp_path / "Cafe v1.yaml"
    other.write_bytes(CAFE.read_bytes())
    assert window.save_as_path(tmp_path / "Cafe v1.2")
    assert (tmp_path / "Cafe v1.2.yaml").exists()
    assert other.read_bytes() == CAFE.read_bytes()
    assert window.document.path == (tmp_path / "Cafe v1.2.yaml").resolve()
    assert "replace?" not in kinds(record)


def test_save_as_asks_before_replacing_an_existing_file_even_through_the_suffix(
    qtbot, tmp_path, asked, monkeypatch
):
    record, answers = asked
    window, _ = open_copy(qtbot, tmp_path, HOTEL, "hotel.yaml")
    other = tmp_path / "cafe.yaml"
    other.write_bytes(CAFE.read_bytes())
    typed = []

    def dialog(*args, **kwargs):
        typed.append(kwargs.get("options"))
        return str(tmp_path / "cafe"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    assert not window.save_as()  # 'cafe' is cafe.yaml: asked, answered No
    assert kinds(record) == ["replace?"]
    assert other.read_bytes() == CAFE.read_bytes()
    assert typed == [QFileDialog.Option.DontConfirmOverwrite]
    answers["replace?"] = True
    assert window.save_as()
    assert load_design(other).title == load_design(HOTEL).title


def outside_edit(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    design_title = load_design(path).title
    path.write_text(text.replace(design_title, title, 1), encoding="utf-8")


def test_save_over_a_file_changed_on_disk_asks_and_keeps_theirs_unless_told(qtbot, tmp_path, asked):
    record, answers = asked
    window, path = open_copy(qtbot, tmp_path, HOTEL)
    window.document.push(SetField("theme", "tagline", "Mine"))
    outside_edit(path, "Theirs")
    theirs = path.read_bytes()
    assert not window.save()
    assert "overwrite?" in kinds(record)
    assert path.read_bytes() == theirs and window.document.is_modified
    answers["overwrite?"] = "overwrite"
    assert window.save()
    assert load_design(path).theme.tagline == "Mine"
    record.clear()
    window.document.push(SetField("theme", "tagline", "Mine again"))
    assert window.save()
    assert "overwrite?" not in kinds(record), "our own save is not an outside change"


def test_reload_takes_the_version_on_disk(qtbot, tmp_path, asked):
    _, answers = asked
    window, path = open_copy(qtbot, tmp_path, HOTEL)
    window.document.push(SetField("theme", "tagline", "Mine"))
    outside_edit(path, "Theirs")
    answers["overwrite?"] = "reload"
    assert not window.save()
    assert window.document.design.title == "Theirs"
    assert not window.document.is_modified


def test_a_deleted_file_is_not_recreated_without_asking(qtbot, tmp_path, asked):
    record, _ = asked
    window, path = open_copy(qtbot, tmp_path, HOTEL)
    window.document.push(SetField("theme", "tagline", "Mine"))
    path.unlink()
    assert not window.save()
    assert record[-1][0] == "overwrite?" and record[-1][1][1] is True  # deleted=True
    assert not path.exists()


def test_the_same_bytes_written_again_are_no_change(qtbot, tmp_path, asked):
    record, _ = asked
    window, path = open_copy(qtbot, tmp_path, HOTEL)
    path.write_bytes(path.read_bytes())  # e.g. a git checkout of the same version
    window.document.push(SetField("theme", "tagline", "Mine"))
    assert window.save()
    assert "overwrite?" not in kinds(record)


def test_an_outside_change_reloads_an_unmodified_design_and_says_so(qtbot, tmp_path, asked):
    record, _ = asked
    window, path = open_copy(qtbot, tmp_path, HOTEL)
    outside_edit(path, "Theirs")
    qtbot.waitUntil(lambda: window.document.design.title == "Theirs", timeout=5000)
    assert "changed by another program" in window.statusBar().currentMessage()
    assert record == []


def test_an_outside_change_with_unsaved_work_asks_and_keeps_mine(qtbot, tmp_path, asked):
    record, _ = asked
    window, path = open_copy(qtbot, tmp_path, HOTEL)
    window.document.push(SetField("theme", "tagline", "Mine"))
    outside_edit(path, "Theirs")
    qtbot.waitUntil(lambda: "outside" in kinds(record), timeout=5000)
    assert window.document.design.theme.tagline == "Mine"
    assert window.document.design.title != "Theirs"
    assert not window.save(), "Save still asks before replacing their version"
    assert "overwrite?" in kinds(record)


def test_an_add_the_core_refuses_is_said_in_the_status_bar(qtbot, tmp_path, asked):
    """A cue holding an old control character cannot be duplicated: it says why."""
    window, _ = open_copy(qtbot, tmp_path, HOTEL)
    design = window.document.design
    cue = design.cues[0]
    cue.text = "old text\x0b from an older workbench"
    count = len(design.cues)
    window.document.select(cue.id)
    window.duplicate_selected()
    assert len(design.cues) == count
    assert window.statusBar().currentMessage().startswith("Not added:")
    assert window.document.selected == cue.id


def test_a_reload_keeps_the_windows_standing_on_the_lock(qtbot, tmp_path, asked, monkeypatch):
    """A window whose lock was taken over reloads an outside change without taking the
    lock back (or asking about it): only a save the person confirms takes it back."""
    window, path = open_copy(qtbot, tmp_path, HOTEL)
    taken: list[Path] = []
    monkeypatch.setattr(file_actions, "take_lock", taken.append)
    monkeypatch.setattr(file_actions, "lock_holder", lambda p: "another Cuecraft (process 1)")
    monkeypatch.setattr(
        dialogs, "ask_lock_choice", lambda *a: pytest.fail("a reload asked about the lock")
    )
    outside_edit(path, "Theirs")
    qtbot.waitUntil(lambda: window.document.design.title == "Theirs", timeout=5000)
    assert taken == []
    assert not window.document.read_only
