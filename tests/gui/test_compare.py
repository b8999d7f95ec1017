"""File ▸ Compare with… (SPEC §5, issue 17): the diff of another design in a panel, its
emotion curve on the journey.

The open design is a copy of rainforest-cafe.yaml (the to-be); the other one (the
as-is) is a changed copy of it: “arrive” felt −1 there, the tree frogs' cue was not
there yet, a fax machine's beep was, and the Saturday queue counted as eliminated.
What the panel lists is compared with the core's diff (`diff_designs`) and names
(`Names`), never with numbers worked out here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from cuecraft.core.check import check
from cuecraft.core.diff import diff_designs
from cuecraft.core.edits import RenameId, SetField, find
from cuecraft.core.fileformat import load_design
from cuecraft.core.findings import principle_title
from cuecraft.core.model import Cue
from cuecraft.core.names import Names
from cuecraft.core.personas import journey_of
from cuecraft.core.writer import saved_text
from cuecraft.gui import compare_panel, compare_words, compare_work, dialogs
from cuecraft.gui.app import create_window
from cuecraft.gui.compare_window import ComparisonDock
from cuecraft.gui.views import JourneyView

ROOT = Path(__file__).resolve().parents[2]
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"


def as_is_copy(folder: Path, name: str = "as-is.yaml") -> Path:
    """The changed copy of the Rainforest design the open one is compared with."""
    design = load_design(RAINFOREST)
    find(design, "arrive").emotion = -1  # type: ignore[union-attr]
    design.cues = [c for c in design.cues if c.id != "frog-chorus"]
    design.cues.append(
        Cue(
            "fax-beep", "A fax machine beeps at the door", "negative", severity="low", status="open"
        )
    )
    find(design, "saturday-queue").status = "eliminated"  # type: ignore[union-attr]
    path = folder / name
    path.write_text(saved_text(design), encoding="utf-8")
    return path


@pytest.fixture
def errors(monkeypatch, tmp_path):
    """Isolated settings; load errors recorded instead of shown."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    shown: list[object] = []
    monkeypatch.setattr(dialogs, "show_load_error", lambda parent, error: shown.append(error))
    return shown


@pytest.fixture
def window(qtbot, errors, tmp_path):
    path = tmp_path / "to-be.yaml"
    path.write_bytes(RAINFOREST.read_bytes())
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    return window


def compare(window, monkeypatch, path: Path) -> None:
    """File ▸ Compare with…, choosing `path` in the file dialog."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kw: (str(path), ""))
    )
    assert window.act_compare in window.file_menu.actions()
    window.act_compare.trigger()
    QApplication.processEvents()


def click(qtbot, tree, item) -> None:
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )


def chart_grab(view: JourneyView) -> QImage:
    """The journey view as drawn, scrolled to the start of its emotion chart."""
    canvas = view.canvas()
    canvas.horizontalScrollBar().setValue(0)
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().maximum())
    QApplication.processEvents()
    return view.grab().toImage()


def journey(window) -> JourneyView:
    view = window.tabs.widget(0)
    assert isinstance(view, JourneyView)
    window.tabs.setCurrentWidget(view)
    return view


def test_compare_with_lists_what_the_open_design_changes_and_the_scores(
    qtbot, window, monkeypatch, tmp_path
):
    other = as_is_copy(tmp_path)
    assert not window.act_stop_compare.isEnabled()
    compare(window, monkeypatch, other)
    panel = window.comparison
    assert panel is not None and panel.isVisible()
    assert window.findChild(ComparisonDock).windowTitle() == "Comparison"
    assert "as-is.yaml" in panel.title.text()
    assert window.act_stop_compare.isEnabled()

    old, new = load_design(other), window.document.design
    expected = diff_designs(old, new)
    groups = panel.groups()
    # Items by name, not id: the cue the open design adds, the one only the as-is has.
    assert groups["added"] == [Names(new)["frog-chorus"]]
    assert groups["removed"] == ["A fax machine beeps at the door"]
    removed = panel.row("removed", "A fax machine")
    assert removed.text(1) == "negative cue"
    assert not removed.flags() & Qt.ItemFlag.ItemIsSelectable  # not in this design
    assert removed.foreground(0).color() != panel.row("added", "Tree frogs").foreground(0).color()
    assert set(groups["changed"]) == {"Arrive at the banyan arch", Names(new)["saturday-queue"]}
    arrive = panel.row("changed", "Arrive at the banyan arch")
    assert arrive.text(1) == "touchpoint"
    assert [arrive.child(i).text(0) for i in range(arrive.childCount())] == [
        "Target emotion: −1 → +2"
    ]
    queue = panel.row("changed", Names(new)["saturday-queue"])
    assert queue.child(0).text(0) == "Status: eliminated → open"
    # Scores before → after, each principle that moves; the findings that come and go.
    before, after = expected.before, expected.after
    moved = [p for p in after.principles if before.scores[p] != after.scores[p]]
    assert moved, "the as-is copy scores differently"
    assert groups["scores"] == [
        f"{principle_title(p)}: {before.scores[p]} → {after.scores[p]}" for p in moved
    ]
    if before.overall != after.overall:
        assert f"{before.overall} → {after.overall}" in panel.title.text()
    assert "ELI002" in [f.code for f in expected.new_findings]
    assert groups["new"] == [f.message for f in expected.new_findings]
    assert groups["resolved"] == [f.message for f in expected.resolved_findings]


def test_activating_a_changed_item_selects_it_and_a_removed_one_cannot_be(
    qtbot, window, monkeypatch, tmp_path
):
    compare(window, monkeypatch, as_is_copy(tmp_path))
    panel = window.comparison
    click(qtbot, panel.tree, panel.row("changed", "Arrive at the banyan arch"))
    assert window.document.selected == "arrive"
    assert journey(window).selected_card() == "arrive"
    assert [i.text(0).split(" — ")[0] for i in window.outline.selectedItems()] == ["arrive"]
    click(qtbot, panel.tree, panel.row("removed", "A fax machine"))
    assert window.document.selected == "arrive"
    # A new finding selects its subject, as the findings panel does.
    click(qtbot, panel.tree, panel.row("new", "6 − 1 = 0"))
    assert window.document.selected == "saturday-queue"


def test_an_edit_in_the_workbench_updates_the_panel(qtbot, window, monkeypatch, tmp_path):
    compare(window, monkeypatch, as_is_copy(tmp_path))
    panel, document = window.comparison, window.document
    document.push(SetField("arrive", "emotion", -1))
    qtbot.waitUntil(lambda: "Arrive at the banyan arch" not in panel.groups()["changed"])
    document.push(SetField("storm", "name", "The storm rolls in"))
    qtbot.waitUntil(lambda: "The storm rolls in" in panel.groups()["changed"])
    storm = panel.row("changed", "The storm rolls in")
    assert storm.child(0).text(0) == "Name: “The thunderstorm breaks” → “The storm rolls in”"
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: "The storm rolls in" not in panel.groups()["changed"])

    # Hidden behind the findings' tab it waits; shown again, it has caught up.
    window.findings_dock.raise_()
    qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty())
    shown = panel.diff
    document.push(SetField("pay", "name", "Pay the bill"))
    document.flush()
    QApplication.processEvents()
    assert panel.diff is shown
    window.findChild(ComparisonDock).raise_()
    qtbot.waitUntil(lambda: "Pay the bill" in panel.groups()["changed"])


def test_the_journey_overlays_the_other_curve_until_stop_comparing(
    qtbot, window, monkeypatch, tmp_path
):
    view = journey(window)
    without = chart_grab(view)
    other = as_is_copy(tmp_path)
    compare(window, monkeypatch, other)
    assert "as-is: as-is.yaml" in view.personas().legend_texts()
    their = journey_of(check(load_design(other)).graph)
    on_columns = [t for t in their.order if t in view.card_ids()]
    assert view.as_is_drawn() == {t: their.emotion[t] for t in on_columns}
    assert view.as_is_drawn()["arrive"] == -1
    assert chart_grab(view) != without

    window.comparison.stop.click()
    QApplication.processEvents()
    assert window.comparison is None and not window.act_stop_compare.isEnabled()
    qtbot.waitUntil(lambda: window.findChild(ComparisonDock) is None)
    assert view.as_is_drawn() == {}
    assert "as-is: as-is.yaml" not in view.personas().legend_texts()
    assert chart_grab(view) == without


def test_a_touchpoint_the_open_design_lacks_has_no_point(qtbot, window, monkeypatch, tmp_path):
    design = load_design(RAINFOREST)
    find(design, "storm").id = "old-storm"  # type: ignore[union-attr]
    path = tmp_path / "renamed.yaml"
    path.write_text(saved_text(design), encoding="utf-8")
    compare(window, monkeypatch, path)
    drawn = journey(window).as_is_drawn()
    assert "old-storm" not in drawn and "storm" not in drawn
    assert "volcano" in drawn


def test_compare_again_replaces_the_comparison_and_the_menu_stops_it(
    qtbot, window, monkeypatch, tmp_path
):
    compare(window, monkeypatch, as_is_copy(tmp_path))
    compare(window, monkeypatch, as_is_copy(tmp_path, "second.yaml"))
    qtbot.waitUntil(lambda: len(window.findChildren(ComparisonDock)) == 1)
    assert "second.yaml" in window.comparison.title.text()
    legend = journey(window).personas().legend_texts()
    assert "as-is: second.yaml" in legend and "as-is: as-is.yaml" not in legend
    window.act_stop_compare.trigger()
    QApplication.processEvents()
    assert window.comparison is None
    assert not [t for t in journey(window).personas().legend_texts() if t.startswith("as-is")]
    # The dock's own close button stops comparing too.
    compare(window, monkeypatch, as_is_copy(tmp_path))
    window.findChild(ComparisonDock).close()
    QApplication.processEvents()
    assert window.comparison is None and not window.act_stop_compare.isEnabled()
    assert journey(window).as_is_drawn() == {}


def test_an_unreadable_file_says_where_and_changes_nothing(
    qtbot, window, monkeypatch, tmp_path, errors
):
    broken = tmp_path / "broken.yaml"
    broken.write_text("cuecraft: 1\ntitle: Broken\ntouchpoints: [\n", encoding="utf-8")
    compare(window, monkeypatch, broken)
    assert len(errors) == 1
    said = [p.format(errors[0].filename) for p in errors[0].problems]
    assert said and said[0].startswith(f"{broken}:")
    assert said[0].split(":")[1].isdigit()  # the line
    assert window.comparison is None and not window.act_stop_compare.isEnabled()
    assert journey(window).as_is_drawn() == {}
    assert not window.document.is_modified

    # While comparing, a file that cannot be read leaves the comparison as it was.
    compare(window, monkeypatch, as_is_copy(tmp_path))
    panel = window.comparison
    compare(window, monkeypatch, tmp_path / "missing.yaml")
    assert len(errors) == 2 and window.comparison is panel
    assert "as-is: as-is.yaml" in journey(window).personas().legend_texts()


def test_guest_feedback_makes_no_finding_new(qtbot, errors, monkeypatch, tmp_path):
    """The open design's feedback is not part of the comparison: `cuecraft diff` compares
    the designs alone."""
    path = tmp_path / "cafe.yaml"
    path.write_bytes(RAINFOREST.read_bytes())
    feedback = RAINFOREST.with_name("rainforest-cafe.feedback.yaml")
    (tmp_path / "cafe.feedback.yaml").write_bytes(feedback.read_bytes())
    other = tmp_path / "same.yaml"
    other.write_bytes(RAINFOREST.read_bytes())
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.show()
    assert window.document.feedback is not None
    compare(window, monkeypatch, other)
    groups = window.comparison.groups()
    assert set(groups) == {"scores"}
    assert window.comparison.tree.topLevelItem(0).text(0) == (
        "No item or field differs: the designs are the same."
    )


def test_the_panel_speaks_the_language_switched_to(qtbot, window, monkeypatch, tmp_path):
    compare(window, monkeypatch, as_is_copy(tmp_path))
    window.switch_language("pl")
    QApplication.processEvents()
    arrive = window.comparison.row("changed", "Arrive at the banyan arch")
    assert arrive.child(0).text(0).startswith("Docelowe odczucie: ")
    window.switch_language("zh")
    QApplication.processEvents()
    arrive = window.comparison.row("changed", "Arrive at the banyan arch")
    assert arrive.child(0).text(0).startswith("目标情绪值")
    window.switch_language("en")


def test_the_file_menu_keeps_one_mnemonic_per_entry(window):
    keys = [
        a.text().split("&", 1)[1][0].lower() for a in window.file_menu.actions() if "&" in a.text()
    ]
    assert len(keys) == len(set(keys)), keys


def test_a_design_opened_while_comparing_is_compared_with_the_same_file(
    qtbot, window, monkeypatch, tmp_path
):
    compare(window, monkeypatch, as_is_copy(tmp_path))
    reopened = tmp_path / "next.yaml"
    reopened.write_bytes(RAINFOREST.read_bytes())
    assert window.open_path(reopened)
    QApplication.processEvents()
    panel = window.comparison
    assert panel is not None and panel.document is window.document
    assert "Arrive at the banyan arch" in panel.groups()["changed"]
    assert journey(window).as_is_drawn()["arrive"] == -1


@pytest.fixture
def thin_slices(monkeypatch):
    """The panel's work in the thinnest slices: one step at a time, two items, one row."""
    monkeypatch.setattr(compare_panel, "SLICE_MS", 0)
    monkeypatch.setattr(compare_panel, "TREE_ROWS_PER_SLICE", 1)
    monkeypatch.setattr(compare_work, "ITEMS_PER_SLICE", 2)
    monkeypatch.setattr(compare_words, "ROWS_PER_SLICE", 1)


def test_worked_out_a_slice_at_a_time_the_panel_says_what_cuecraft_diff_says(
    qtbot, window, monkeypatch, tmp_path, thin_slices
):
    """Renames (and the items naming a renamed id), an id whose kind changed and plain
    changes, found slice by slice, make the same diff as `diff_designs` at once."""
    design = load_design(as_is_copy(tmp_path))
    design.zones = [z for z in design.zones if z.id != "gift-shop"]
    design.cues.append(Cue("gift-shop", "A gift shop jingle", "positive"))  # a zone now
    find(design, "lightning").text = "Lightning flickers"  # a cue naming the renamed storm
    other = tmp_path / "as-is.yaml"
    other.write_text(saved_text(design), encoding="utf-8")
    compare(window, monkeypatch, other)
    panel, document = window.comparison, window.document
    assert document.push(RenameId("storm", "thunderstorm")) is None
    old = load_design(other)
    qtbot.waitUntil(lambda: panel.diff == diff_designs(old, document.design), timeout=10_000)
    groups = panel.groups()
    assert groups["renamed"] == [
        f"{Names(document.design)['thunderstorm']} (id storm → thunderstorm)"
    ]
    names = Names(document.design)
    assert groups["added"] == [names["gift-shop"], names["frog-chorus"]]  # a zone, a cue
    assert "A gift shop jingle" in groups["removed"]
    lightning = panel.row("changed", names["lightning"])
    assert lightning.child(0).text(0).startswith("Text: “Lightning flickers” → ")
    # Items that only follow the rename (“at: storm” → “at: thunderstorm”) are not changes.
    assert names["gorilla-family"] not in groups["changed"]


def test_an_edit_drops_the_comparison_being_worked_out(
    qtbot, window, monkeypatch, tmp_path, thin_slices
):
    """A comparison of the design as it was before an edit is never shown after it."""
    compare(window, monkeypatch, as_is_copy(tmp_path))
    panel, document = window.comparison, window.document
    newer = SetField("storm", "name", "The storm rolls in")
    slices = compare_panel.diff_in_slices

    def edited_midway(*args, **kwargs):
        # The designer types once the diff is worked out, before its rows are shown.
        diff = yield from slices(*args, **kwargs)
        if not typed:
            typed.append(newer)
            QTimer.singleShot(0, lambda: document.push(newer))
            yield
        return diff

    typed: list[SetField] = []
    monkeypatch.setattr(compare_panel, "diff_in_slices", edited_midway)
    drawn: list[tuple[str, list[str]]] = []

    def draw(parent, _first, _last):
        if not parent.isValid():  # the groups drawn again
            drawn.append((panel.title.text(), panel.groups().get("changed", [])))

    panel.tree.model().rowsInserted.connect(draw)
    document.push(SetField("arrive", "emotion", -1))
    qtbot.waitUntil(lambda: "The storm rolls in" in panel.groups()["changed"], timeout=10_000)
    assert drawn
    for _title, changed in drawn:
        assert "The storm rolls in" in changed
        assert "Arrive at the banyan arch" not in changed
    assert panel.diff == diff_designs(load_design(tmp_path / "as-is.yaml"), document.design)


def test_a_long_group_lists_its_first_rows_and_counts_the_rest(
    qtbot, window, monkeypatch, tmp_path
):
    monkeypatch.setattr(compare_words, "SHOWN_ROWS", 3)
    design = load_design(RAINFOREST)
    for cue in design.cues:
        cue.text = f"Once: {cue.text}"
    other = tmp_path / "older.yaml"
    other.write_text(saved_text(design), encoding="utf-8")
    compare(window, monkeypatch, other)
    panel = window.comparison
    expected = diff_designs(load_design(other), window.document.design)
    more = len(expected.changed) - 3
    names = Names(window.document.design)
    assert panel.groups()["changed"] == [
        *(names[c.id] for c in expected.changed[:3]),
        f"… and {more} more (see cuecraft diff)",
    ]
    title = f"Changed: {len(expected.changed)} items"
    assert title in panel.group_titles()
    # The counting row selects nothing.
    assert not panel.row("changed", "… and").flags() & Qt.ItemFlag.ItemIsSelectable
