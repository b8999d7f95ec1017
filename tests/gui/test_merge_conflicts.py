"""Merge conflicts in the workbench (issue 17): a file `cuecraft merge` left with
conflicts opens, its MRG001 findings are listed first, and each offers "Take theirs"
and "Keep ours" as one undo step that removes its entry from `x-merge-conflicts`."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu

from cuecraft.core.conflicts import recorded_conflicts
from cuecraft.core.edits import find
from cuecraft.core.fileformat import load_design, save_design
from cuecraft.core.merge import merge_designs
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window
from cuecraft.gui.document import Document
from cuecraft.gui.findings_panel import ROLE_FINDING, FindingsPanel

ROOT = Path(__file__).resolve().parents[2]
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"
KEY = "x-merge-conflicts"


def merged_file(folder: Path) -> Path:
    """A real merge of two edited copies of the Rainforest Cafe, saved with conflicts:
    the storm's emotion changed on both sides (ours 1, theirs -1); "mist" changed here
    and deleted there; "lightning" deleted here and changed there."""
    base = load_design(RAINFOREST)
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    find(ours, "storm").emotion = 1
    find(theirs, "storm").emotion = -1
    find(ours, "mist").text = "A cool mist, now scented with wet leaves"
    theirs.cues = [c for c in theirs.cues if c.id != "mist"]
    find(theirs, "lightning").text = "Lightning forks across the whole canopy"
    ours.cues = [c for c in ours.cues if c.id != "lightning"]
    merged = merge_designs(base, ours, theirs)
    assert len(merged.conflicts) == 3
    path = folder / "merged.yaml"
    save_design(merged.design, path)
    return path


@pytest.fixture
def refused(monkeypatch, tmp_path):
    """Isolated settings; every error message the workbench shows, recorded."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda _p, _name: "discard")
    return shown


def open_window(qtbot, path: Path):
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.show()
    return window


def conflict_row(window, about: str):
    """The MRG001 row whose message names `about`."""
    rows = [
        r
        for r in window.findings.conflict_rows()
        if f"“{about}”" in r.data(0, ROLE_FINDING).message
    ]
    assert len(rows) == 1, [r.text(0) for r in window.findings.conflict_rows()]
    return rows[0]


def click(qtbot, window, row) -> None:
    tree = window.findings.tree
    tree.scrollToItem(row)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center()
    )
    assert tree.currentItem() is row


def settled(window) -> list[str]:
    """The items the entries left in the file are about."""
    return [c.id for c in recorded_conflicts(window.document.design)]


def test_a_merged_file_lists_one_merge_conflict_per_entry_first(qtbot, refused, tmp_path):
    window = open_window(qtbot, merged_file(tmp_path))
    panel = window.findings
    findings = panel.rows()
    assert [f.code for f in findings[:3]] == ["MRG001"] * 3
    assert "MRG001" not in [f.code for f in findings[3:]]
    assert len(panel.conflict_rows()) == len(recorded_conflicts(window.document.design)) == 3
    assert not panel.choices.isVisibleTo(panel), "no choices until a conflict is selected"
    click(qtbot, window, conflict_row(window, "storm"))
    assert panel.choices.isVisibleTo(panel)
    assert panel.choices.take.full_text() == "Take theirs (-1)"
    assert panel.choices.keep.full_text() == "Keep ours (1)"
    assert "x-merge-conflicts" in panel.choices.take.toolTip()
    other = next(
        panel.tree.topLevelItem(1).child(i) for i in range(panel.tree.topLevelItem(1).childCount())
    )
    click(qtbot, window, other)
    assert not panel.choices.isVisibleTo(panel), "an ordinary finding offers no choice"


def test_tab_goes_from_the_findings_to_the_choices_of_the_conflict_selected(
    qtbot, refused, tmp_path
):
    window = open_window(qtbot, merged_file(tmp_path))
    panel = window.findings
    window.activateWindow()
    click(qtbot, window, conflict_row(window, "storm"))  # the choices are made now
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.choices.take
    qtbot.keyClick(panel.choices.take, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.choices.keep


def test_take_theirs_on_a_field_sets_their_value_and_undo_brings_the_conflict_back(
    qtbot, refused, tmp_path
):
    window = open_window(qtbot, merged_file(tmp_path))
    document, panel = window.document, window.findings
    click(qtbot, window, conflict_row(window, "storm"))
    qtbot.mouseClick(panel.choices.take, Qt.MouseButton.LeftButton)
    document.flush()
    assert find(document.design, "storm").emotion == -1
    assert settled(window) == ["mist", "lightning"]
    assert len(panel.conflict_rows()) == 2
    assert not [r for r in panel.conflict_rows() if "“storm”" in r.text(0)]
    assert document.undo_stack.count() == 1, "one undo step"
    assert document.undo_stack.undoText() == "Take theirs for “storm”"
    assert refused == []
    document.undo_stack.undo()
    document.flush()
    assert find(document.design, "storm").emotion == 1
    assert settled(window) == ["storm", "mist", "lightning"]
    assert len(panel.conflict_rows()) == 3
    assert conflict_row(window, "storm") is not None


def test_keep_ours_from_the_keyboard_menu_keeps_the_value_and_removes_the_entry(
    qtbot, refused, tmp_path, monkeypatch
):
    window = open_window(qtbot, merged_file(tmp_path))
    document, panel = window.document, window.findings
    panel.tree.setFocus()
    panel.tree.setCurrentItem(conflict_row(window, "storm"))
    offered: list[str] = []

    def choose_keep(menu: QMenu, _at: QPoint) -> None:
        offered.extend(a.text() for a in menu.actions())
        next(a for a in menu.actions() if a.text().startswith("Keep ours")).trigger()

    monkeypatch.setattr(panel, "popup", choose_keep)
    qtbot.keyClick(panel.tree, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert offered == ["Take theirs (-1)", "Keep ours (1)"]
    document.flush()
    assert find(document.design, "storm").emotion == 1
    assert settled(window) == ["mist", "lightning"]
    assert document.is_modified and document.undo_stack.count() == 1
    # The next conflict is selected, so its choices are ready for the next key press.
    current = panel.conflict_of(panel.tree.currentItem())
    assert current is not None and current.id in ("mist", "lightning")
    assert panel.choices.isVisibleTo(panel)


def test_take_theirs_deletes_an_item_they_deleted_and_brings_back_one_we_deleted(
    qtbot, refused, tmp_path
):
    window = open_window(qtbot, merged_file(tmp_path))
    document, panel = window.document, window.findings
    assert "lightning" not in document.design.index()
    assert any(f.code == "REF001" and "lightning" in f.message for f in document.result.findings)

    click(qtbot, window, conflict_row(window, "mist"))
    assert panel.choices.take.full_text() == "Take theirs (delete it)"
    assert panel.choices.keep.full_text() == "Keep ours (keep it)"
    panel.choices.take.setFocus()
    qtbot.keyClick(panel.choices.take, Qt.Key.Key_Space)  # reachable without a mouse
    document.flush()
    assert "mist" not in document.design.index()
    assert settled(window) == ["storm", "lightning"]

    click(qtbot, window, conflict_row(window, "lightning"))
    assert panel.choices.take.full_text() == "Take theirs (restore it)"
    assert panel.choices.keep.full_text() == "Keep ours (stays deleted)"
    qtbot.mouseClick(panel.choices.take, Qt.MouseButton.LeftButton)
    document.flush()
    assert find(document.design, "lightning").text == "Lightning forks across the whole canopy"
    assert settled(window) == ["storm"]
    assert not any(
        f.code == "REF001" and "lightning" in f.message for f in document.result.findings
    )

    document.undo_stack.undo()
    document.flush()
    assert "lightning" not in document.design.index()
    assert settled(window) == ["storm", "lightning"]
    assert refused == []


def test_resolving_every_conflict_and_saving_leaves_no_conflict_key(qtbot, refused, tmp_path):
    path = merged_file(tmp_path)
    window = open_window(qtbot, path)
    document, panel = window.document, window.findings
    for about, take_theirs in (("storm", True), ("mist", False), ("lightning", True)):
        click(qtbot, window, conflict_row(window, about))
        button = panel.choices.take if take_theirs else panel.choices.keep
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        document.flush()
    assert panel.conflict_rows() == []
    assert not panel.choices.isVisibleTo(panel)
    assert window.save()
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert KEY not in saved
    assert next(t for t in saved["touchpoints"] if t["id"] == "storm")["emotion"] == -1
    assert "mist" in [c["id"] for c in saved["cues"]]
    assert "lightning" in [c["id"] for c in saved["cues"]]


def test_a_value_that_cannot_go_in_is_explained_and_nothing_changes(qtbot, refused, tmp_path):
    path = merged_file(tmp_path)
    # Someone edited the entry by hand: their emotion is no longer a number.
    text = path.read_text(encoding="utf-8")
    assert "    theirs: -1\n" in text
    path.write_text(text.replace("    theirs: -1\n", "    theirs: very high\n"), encoding="utf-8")
    window = open_window(qtbot, path)
    document, panel = window.document, window.findings
    before = copy.deepcopy(document.design)
    click(qtbot, window, conflict_row(window, "storm"))
    assert panel.choices.take.full_text() == "Take theirs (very high)"
    qtbot.mouseClick(panel.choices.take, Qt.MouseButton.LeftButton)
    document.flush()
    assert len(refused) == 1
    title, message = refused[0]
    assert "not resolved" in title and "very high" in message
    assert document.design == before
    assert document.undo_stack.count() == 0
    assert len(panel.conflict_rows()) == 3


def test_each_conflict_finding_settles_its_own_entry_in_a_merge_never_saved(qtbot, tmp_path):
    """A merge result not yet written has no lines for its entries: the findings are then
    sorted by their items' lines, not in the entries' order, and each must still act on
    the entry it names."""
    design = load_design(merged_file(tmp_path))
    design.where.clear()  # the entries' lines, as in a design built in memory
    panel = FindingsPanel(Document(design))
    qtbot.addWidget(panel)
    rows = panel.conflict_rows()
    named = [panel.conflict_of(r).id for r in rows]
    assert sorted(named) == ["lightning", "mist", "storm"]
    assert named != [c.id for c in recorded_conflicts(design)], "not in file order here"
    for row, item_id in zip(rows, named, strict=True):
        assert f"“{item_id}”" in row.text(0)


def test_a_long_value_is_shortened_on_its_button_and_never_widens_the_panel(
    qtbot, refused, tmp_path
):
    base = load_design(RAINFOREST)
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours.title = "Rainforest Cafe — the mall flagship after the spring refit of the dining hall"
    theirs.title = "Rainforest Cafe — the mall flagship with the new volcano bar and gift shop"
    path = tmp_path / "titles.yaml"
    save_design(merge_designs(base, ours, theirs).design, path)
    window = open_window(qtbot, path)
    panel = window.findings
    click(qtbot, window, conflict_row(window, "title"))
    take = panel.choices.take
    assert take.full_text().startswith("Take theirs (Rainforest Cafe — the mall flagship with")
    wide = panel.minimumSizeHint().width()
    panel.choices.show_for(None)
    assert wide <= max(panel.minimumSizeHint().width(), 200), "the choices widen the panel"
    panel.choices.show_for(panel.conflict_of(panel.tree.currentItem()))
    panel.choices.resize(420, panel.choices.height())
    QApplication.processEvents()
    shown = take.text()
    assert shown != take.full_text() and shown.startswith("Take theirs (Rainforest")
    assert shown.endswith("…)"), "the words around the value stay"
    assert take.fontMetrics().horizontalAdvance(shown) < take.width()
    assert take.full_text() in take.toolTip() and take.accessibleName() == take.full_text()
