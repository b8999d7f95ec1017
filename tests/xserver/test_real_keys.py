"""Real key presses under a real window manager (xdotool through XTEST, not QTest).

Issue 11: Ctrl+Shift+Z added a zone instead of redoing; Ctrl+Shift+S was bound twice so
Qt fired neither; Ctrl+E did nothing while a text field had the focus; Esc during an
export killed the workbench.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.xserver.conftest import ROOT

RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"
SCREEN = "1366x768"


def test_ctrl_shift_z_redoes_an_edit_undone_with_ctrl_z(run_scenario):
    report = run_scenario("redo_key", SCREEN, RAINFOREST).check_ran()
    assert report["after_edit"] == 1
    assert report["after_ctrl_z"] == 0, f"Ctrl+Z did not undo: {report}"
    assert report["after_ctrl_shift_z"] == 1, f"Ctrl+Shift+Z did not redo: {report}"
    assert report["title_after_ctrl_shift_z"] == "Edited under a real X server"
    assert report["zones_after"] == report["zones_before"], "Ctrl+Shift+Z added a zone"


def test_ctrl_shift_s_opens_save_as(run_scenario):
    run = run_scenario("save_as_key", SCREEN, RAINFOREST)
    report = run.check_ran()
    assert "Ambiguous shortcut" not in run.stderr, run.stderr[-2000:]
    file_dialogs = [d for d in report["dialogs"] if "QFileDialog" in (d["class"], *d["bases"])]
    assert file_dialogs, f"no file dialog opened; windows seen: {report['dialogs']}"
    assert report["souvenirs_after"] == report["souvenirs_before"], "a souvenir was added"
    assert report["undo_steps"] == 0


def test_ctrl_e_opens_the_export_dialog_while_a_text_field_has_focus(run_scenario):
    report = run_scenario("export_key_in_field", SCREEN, RAINFOREST).check_ran()
    assert report["field_has_focus"], f"the inspector's text field never had the focus: {report}"
    exports = [d for d in report["dialogs"] if "export" in (d["class"] + d["title"]).lower()]
    assert exports, f"no export dialog; windows seen: {report['dialogs']}"


def test_f5_enters_workshop_mode_and_escape_leaves_it(run_scenario):
    report = run_scenario("workshop_keys", SCREEN, RAINFOREST).check_ran()
    assert report["windows"], "F5 opened no workshop window"
    assert report["full_screen"], report
    assert report["active"], f"the workshop window never had the keyboard: {report}"
    assert report["left"], f"Escape did not leave workshop mode: {report}"
    assert report["main_active_again"], f"the workbench did not get the keyboard back: {report}"


@pytest.fixture(scope="module")
def big_design(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """A 5,000-cue design (bench/generate.py): its brief takes seconds to write."""
    from bench.generate import generate

    from cuecraft.core.fileformat import save_design

    path = tmp_path_factory.mktemp("big") / "big-5000.yaml"
    save_design(generate(5000), path)
    return path


def test_escape_during_a_running_export_closes_the_dialog_and_the_workbench_lives(
    run_scenario, big_design
):
    run = run_scenario("export_escape", SCREEN, big_design)
    assert "QThread: Destroyed while thread" not in run.stderr, run.explain()
    report = run.check_ran()
    assert report["cues"] == 5000
    assert "problem" not in report, report
    assert report.get("export_running"), f"the export never started: {report}"
    assert report.get("dialog_closed"), f"Escape did not close the export dialog: {report}"
    assert report["window_visible"], report
    assert report["edit_after"] is None and report["title_after"] == "Still here", report
    assert not report["pdf_written"], "the cancelled export still wrote the brief"
    stale = [name for name in report["work_files"] if name.endswith("cuecraft-lock")]
    assert stale == [], f"lock files left behind after a clean exit: {stale}"
