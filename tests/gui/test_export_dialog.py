"""The export dialog as a user meets it: progress that moves, cancel that cancels, every way
of closing it safe while a brief is being written, Enter exports, nothing replaced unasked,
and the user told where the PDF went (or that it could not be opened)."""

from __future__ import annotations

import itertools
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from bench.generate import generate
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMainWindow

from cuecraft.core import templates
from cuecraft.core.fileformat import load_design
from cuecraft.gui import export_dialog, export_run
from cuecraft.gui.document import Document
from cuecraft.gui.export_dialog import ExportDialog, needs_title
from cuecraft.gui.export_job import CANCELLED, ExportJob, stop_all

ROOT = Path(__file__).resolve().parents[2]
# Big enough for a hundred progress steps, small enough to keep the suite quick.
BIG = 300
FEW_SECTIONS = ("cover", "summary", "cues")


@pytest.fixture(autouse=True)
def answers(monkeypatch, tmp_path):
    """Settings in a temp folder; every question recorded and answered (default: fail)."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    record: dict[str, list] = {"replace": [], "open-failed": [], "opened": []}
    replies = {"replace": None, "open": True}

    def ask_replace(parent, path):
        record["replace"].append(path)
        assert replies["replace"] is not None, f"unexpected question: replace {path}?"
        return replies["replace"]

    def open_url(url: QUrl) -> bool:
        record["opened"].append(Path(url.toLocalFile()))
        return replies["open"]

    monkeypatch.setattr(export_dialog, "ask_replace", ask_replace)
    monkeypatch.setattr(
        export_dialog, "show_open_failed", lambda parent, path: record["open-failed"].append(path)
    )
    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    yield record, replies
    stop_all()  # a failing test must not leave a thread for the interpreter to destroy


@pytest.fixture(scope="module")
def big_design():
    return generate(BIG)


def big_dialog(qtbot, design, target: Path, parent=None) -> ExportDialog:
    import copy

    dialog = ExportDialog(Document(copy.deepcopy(design)), parent, open_when_done=False)
    if parent is None:
        qtbot.addWidget(dialog)
    dialog.target.setText(str(target))
    return dialog


def progress_values(dialog: ExportDialog) -> list[int]:
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    return values


@pytest.fixture
def paced(monkeypatch):
    """The real export, held after its first progress step until the test has acted.

    On a busy machine the export could otherwise run to its end before the window
    even sees the first step. It goes on once the test has acted or the export has
    been asked to cancel: if cancelling did nothing, the export would finish and write.
    """
    import cuecraft.brief as brief

    acted = threading.Event()
    real = brief.export_brief

    def export_brief(design, out_path, options=None, progress=None, cancel=None, feedback=None):
        held = []

        def step(done: int, total: int) -> None:
            progress(done, total)
            if done and not held:
                held.append(done)  # only once, and never for more than 10 s
                deadline = time.monotonic() + 10
                while not acted.is_set() and not cancel() and time.monotonic() < deadline:
                    time.sleep(0.002)

        return real(design, out_path, options, step, cancel, feedback)

    monkeypatch.setattr(brief, "export_brief", export_brief)
    return acted


def after_first_progress(
    dialog: ExportDialog, action: Callable[[], None], acted: threading.Event
) -> list[ExportJob]:
    """Run `action` as soon as the bar has moved; return the job it hit."""
    hit: list[ExportJob] = []

    def moved(value: int) -> None:
        if value > 0 and not hit:
            assert dialog.job is not None and dialog.job.isRunning()
            hit.append(dialog.job)
            action()
            acted.set()

    dialog.progress.valueChanged.connect(moved)
    return hit


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- progress and cancel -----------------------------------------------------------------------


def test_progress_rises_step_by_step_and_reaches_100_on_success(qtbot, tmp_path, big_design):
    target = tmp_path / "brief.pdf"
    dialog = big_dialog(qtbot, big_design, target)
    dialog.show()
    values = progress_values(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert dialog.result_message == ""
    assert len(values) >= 10, f"the bar hardly moved: {values}"
    assert all(a < b for a, b in itertools.pairwise(values)), values
    assert values[-1] == 100 and max(values[:-1]) < 100
    assert dialog.written_path == target and PdfReader(target).pages
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


@pytest.mark.parametrize("previous", [False, True], ids=["no-file", "existing-file"])
def test_cancel_mid_export_writes_nothing_and_keeps_the_old_pdf(
    qtbot, tmp_path, big_design, answers, paced, previous
):
    _, replies = answers
    replies["replace"] = True
    target = tmp_path / "brief.pdf"
    old = b"%PDF-1.4 the brief of last week\n"
    if previous:
        target.write_bytes(old)
    dialog = big_dialog(qtbot, big_design, target)
    dialog.show()
    values = progress_values(dialog)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    hit = after_first_progress(dialog, cancel.click, paced)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert hit, "the export ended before its first progress step"
    assert dialog.result_message == CANCELLED
    assert max(values) < 100
    assert dialog.written_path is None
    if previous:
        assert target.read_bytes() == old
    else:
        assert not target.exists()
    assert leftovers(tmp_path) == []
    assert not hit[0].isRunning()
    assert not dialog.isVisible()


@pytest.mark.parametrize("how", ["escape", "close-button", "cancel-button"])
def test_closing_the_dialog_during_an_export_cancels_it_cleanly(
    qtbot, tmp_path, big_design, paced, how
):
    target = tmp_path / "brief.pdf"
    dialog = big_dialog(qtbot, big_design, target)
    dialog.show()
    actions = {
        "escape": lambda: QTest.keyClick(dialog, Qt.Key.Key_Escape),
        "close-button": dialog.close,
        "cancel-button": dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click,
    }
    hit = after_first_progress(dialog, actions[how], paced)
    dialog.start()
    qtbot.waitUntil(lambda: bool(hit) and not dialog.isVisible(), timeout=60_000)
    job = hit[0]
    assert not job.isRunning() and job.isFinished()
    assert dialog.result_message == CANCELLED and job.outcome == CANCELLED
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not target.exists() and leftovers(tmp_path) == []


def test_the_dialog_stays_open_saying_cancelling_until_the_thread_has_stopped(
    qtbot, tmp_path, big_design, paced
):
    dialog = big_dialog(qtbot, big_design, tmp_path / "brief.pdf")
    dialog.show()
    seen: list[tuple[bool, bool, str]] = []

    def escape() -> None:
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        job = hit[0]
        seen.append((dialog.isVisible(), job.isRunning() or job.isFinished(), dialog.status.text()))

    hit = after_first_progress(dialog, escape, paced)
    dialog.start()
    qtbot.waitUntil(lambda: bool(seen) and not dialog.isVisible(), timeout=60_000)
    visible, _, status = seen[0]
    assert visible and status == "Cancelling…"
    assert not hit[0].isRunning()


def test_the_main_window_closing_during_an_export_stops_it_first(
    qtbot, tmp_path, big_design, paced
):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    target = tmp_path / "brief.pdf"
    dialog = big_dialog(qtbot, big_design, target, parent=window)
    dialog.show()
    hit = after_first_progress(dialog, window.close, paced)
    dialog.start()
    qtbot.waitUntil(lambda: bool(hit) and not window.isVisible(), timeout=60_000)
    assert not hit[0].isRunning()
    assert not dialog.isVisible() and dialog.result_message == CANCELLED
    assert not target.exists()


def test_a_dialog_deleted_during_an_export_does_not_take_the_app_down(qtbot, tmp_path, big_design):
    target = tmp_path / "brief.pdf"
    window = QMainWindow()
    qtbot.addWidget(window)
    dialog = big_dialog(qtbot, big_design, target, parent=window)
    dialog.start()
    job = dialog.job
    assert job is not None and job.isRunning()
    shiboken6.delete(dialog)  # gone without being closed: the export must stop, not write
    qtbot.waitUntil(job.isFinished, timeout=60_000)
    assert job.outcome == CANCELLED
    assert not target.exists() and leftovers(tmp_path) == []


def test_quitting_stops_every_running_export(qtbot, tmp_path, big_design):
    dialog = big_dialog(qtbot, big_design, tmp_path / "brief.pdf")
    dialog.start()
    job = dialog.job
    assert job is not None and job.isRunning()
    stop_all()  # what QApplication.aboutToQuit runs
    assert job.isFinished() and job.outcome == CANCELLED
    assert not (tmp_path / "brief.pdf").exists()


# -- keys ---------------------------------------------------------------------------------------


def small_dialog(qtbot, tmp_path, name: str = "boutique-hotel.yaml") -> ExportDialog:
    document = Document(load_design(ROOT / "designs" / name))
    dialog = ExportDialog(document, open_when_done=False)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(tmp_path / "brief.pdf"))
    for section, box in dialog.sections.items():
        box.setChecked(section in FEW_SECTIONS)
    return dialog


@pytest.mark.parametrize("field", ["target", "logo", "accent", "paper", "open_when_done"])
def test_enter_in_a_field_exports_and_never_opens_a_file_chooser(
    qtbot, tmp_path, monkeypatch, field
):
    from PySide6.QtWidgets import QColorDialog, QFileDialog

    opened: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: opened.append("save") or ("", "")
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: opened.append("open") or ("", "")
    )
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: opened.append("colour"))
    dialog = small_dialog(qtbot, tmp_path)
    dialog.show()
    qtbot.waitExposed(dialog)
    widget = getattr(dialog, field)
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Return)
    assert opened == []
    assert dialog.running or dialog.result_message is not None, "Enter did not export"
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert dialog.result_message == "" and (tmp_path / "brief.pdf").exists()


def test_export_is_the_default_button_and_no_side_button_takes_enter(qtbot, tmp_path):
    dialog = small_dialog(qtbot, tmp_path)
    dialog.show()
    assert dialog.export_button.isDefault()
    side = [b for b in dialog.findChildren(type(dialog.export_button)) if b.text().endswith("…")]
    assert sorted(b.text() for b in side) == ["Browse…", "Choose…", "Pick…"]
    assert not any(b.autoDefault() or b.isDefault() for b in side)


# -- replacing, where it went, opening ---------------------------------------------------------


@pytest.mark.parametrize("reply", [False, True], ids=["no", "yes"])
def test_an_existing_pdf_is_replaced_only_after_asking(qtbot, tmp_path, answers, reply):
    record, replies = answers
    replies["replace"] = reply
    target = tmp_path / "brief.pdf"
    old = b"%PDF-1.4 the brief the client already has\n"
    target.write_bytes(old)
    dialog = small_dialog(qtbot, tmp_path)
    dialog.show()
    QTest.keyClick(dialog.target, Qt.Key.Key_Return)
    assert record["replace"] == [target]
    if not reply:
        assert not dialog.running and dialog.result_message is None
        assert dialog.isVisible() and "left as it was" in dialog.status.text()
        assert target.read_bytes() == old
        return
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert dialog.result_message == ""
    assert target.read_bytes() != old and PdfReader(target).pages


def run_from_the_main_window(qtbot, window: QMainWindow, document: Document, typed: str):
    """File ▸ Export as a user does it: the modal dialog, a typed target, Enter."""
    seen: list[ExportDialog] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        seen.append(dialog)
        for section, box in dialog.sections.items():
            box.setChecked(section in FEW_SECTIONS)
        dialog.target.setText(typed)
        QTest.keyClick(dialog.target, Qt.Key.Key_Return)

    QTimer.singleShot(0, drive)
    written = export_run.run_export(window, document)
    assert seen, "the export dialog never showed"
    return written, seen[0]


def test_a_tilde_target_is_written_and_opened_expanded_and_the_status_bar_says_where(
    qtbot, tmp_path, monkeypatch, answers
):
    record, _ = answers
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    document = Document(load_design(ROOT / "designs" / "boutique-hotel.yaml"))
    written, _ = run_from_the_main_window(qtbot, window, document, "~/client brief")
    expected = home / "client brief.pdf"
    assert written == expected and PdfReader(expected).pages
    assert record["opened"] == [expected], "open when done opens the written file"
    label = window.statusBar().findChild(QLabel, export_run.RESULT_LABEL)
    assert label is not None
    qtbot.waitUntil(label.isVisible)
    assert str(expected) in label.text() and "~" not in label.text()
    # The link opens the folder the brief is in.
    href = label.text().split('href="')[1].split('"')[0]
    label.linkActivated.emit(href)
    assert record["opened"][-1] == home
    assert record["open-failed"] == []


def test_without_a_pdf_viewer_the_user_is_told_with_the_path(qtbot, tmp_path, answers):
    record, replies = answers
    replies["open"] = False  # QDesktopServices.openUrl fails: nothing opens PDFs
    window = QMainWindow()
    qtbot.addWidget(window)
    document = Document(load_design(ROOT / "designs" / "boutique-hotel.yaml"))
    written, _ = run_from_the_main_window(qtbot, window, document, str(tmp_path / "b"))
    assert written == tmp_path / "b.pdf"
    assert record["open-failed"] == [tmp_path / "b.pdf"]


def test_open_when_done_off_opens_nothing_and_is_remembered(qtbot, tmp_path, answers):
    record, _ = answers
    window = QMainWindow()
    qtbot.addWidget(window)
    document = Document(load_design(ROOT / "designs" / "boutique-hotel.yaml"))

    def untick_then_export() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.open_when_done.setChecked(False)
        dialog.target.setText(str(tmp_path / "b.pdf"))
        for section, box in dialog.sections.items():
            box.setChecked(section in FEW_SECTIONS)
        dialog.start()

    QTimer.singleShot(0, untick_then_export)
    assert export_run.run_export(window, document) == tmp_path / "b.pdf"
    assert record["opened"] == []
    seen: list[bool] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        seen.append(dialog.open_when_done.isChecked())
        dialog.reject()

    QTimer.singleShot(0, look)
    assert export_run.run_export(window, document) is None
    assert seen == [False]


def test_a_failed_export_is_reported_in_the_status_bar(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    document = Document(load_design(ROOT / "designs" / "boutique-hotel.yaml"))
    missing = tmp_path / "no-such-folder" / "b.pdf"

    def export_then_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        dialog.target.setText(str(missing))
        dialog.start()
        qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
        assert dialog.isVisible(), "a failure stays in the dialog to be corrected"
        dialog.reject()

    QTimer.singleShot(0, export_then_close)
    assert export_run.run_export(window, document) is None
    assert "Export failed" in window.statusBar().currentMessage()
    assert str(missing.parent) in window.statusBar().currentMessage()


# -- a title for a new design ------------------------------------------------------------------


def test_an_untitled_design_asks_for_a_title_and_setting_it_is_one_undo_step(qtbot, tmp_path):
    document = Document(templates.load("blank"))
    assert document.design.title == "Untitled design"
    dialog = ExportDialog(document, open_when_done=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title is not None and dialog.title.text() == ""
    assert not dialog.export_button.isEnabled()
    dialog.target.setText(str(tmp_path / "brief.pdf"))
    QTest.keyClick(dialog.target, Qt.Key.Key_Return)
    assert not dialog.running and dialog.result_message is None, "exported without a title"
    dialog.title.setFocus()
    qtbot.keyClicks(dialog.title, "Harbour Lights")
    assert dialog.export_button.isEnabled()
    QTest.keyClick(dialog.title, Qt.Key.Key_Return)
    assert document.design.title == "Harbour Lights"
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert dialog.result_message == ""
    cover = PdfReader(tmp_path / "brief.pdf").pages[0].extract_text()
    assert "Harbour Lights" in cover and "Untitled design" not in cover
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit title"
    document.undo_stack.undo()
    assert document.design.title == "Untitled design"
    document.undo_stack.redo()
    assert document.design.title == "Harbour Lights"


def test_which_designs_are_asked_for_a_title(tmp_path):
    blank = Document(templates.load("blank"))
    cafe = Document(templates.load("cafe"))
    assert needs_title(blank) and needs_title(cafe), "a template's title is a placeholder"
    cafe.path = tmp_path / "cafe.yaml"
    assert not needs_title(cafe), "a saved design's title is its own"
    blank.path = tmp_path / "blank.yaml"
    assert needs_title(blank), "'Untitled design' is never a title"
    titled = Document(load_design(ROOT / "designs" / "boutique-hotel.yaml"))
    assert not needs_title(titled)
    titled.design.title = "   "
    assert needs_title(titled)


def test_a_titled_design_shows_no_title_field(qtbot, tmp_path):
    dialog = small_dialog(qtbot, tmp_path)
    assert dialog.title is None and dialog.export_button.isEnabled()


def test_relative_targets_go_beside_the_design_and_get_pdf(tmp_path):
    from cuecraft.gui.export_dialog import resolve_target

    assert resolve_target("brief", tmp_path) == tmp_path / "brief.pdf"
    assert resolve_target("b.PDF", tmp_path) == tmp_path / "b.PDF"
    assert resolve_target("v1.2", tmp_path) == tmp_path / "v1.2.pdf"
    assert resolve_target("  ", tmp_path) is None
    assert resolve_target(str(tmp_path), tmp_path) == tmp_path  # a folder: refused by start()
    assert os.path.isabs(resolve_target("~/x", tmp_path) or "")


# -- from the workbench itself -----------------------------------------------------------------


@pytest.fixture
def workbench(qtbot, tmp_path, monkeypatch):
    """The real main window on a copy of a design; any question it asks fails the test."""
    from cuecraft.gui import dialogs
    from cuecraft.gui.app import create_window

    def opener(name: str):
        def unexpected(*args):
            raise AssertionError(f"unexpected question: {name}{args[1:]}")

        return unexpected

    for name in ("show_load_error", "show_error", "ask_save_changes", "ask_lock_choice"):
        monkeypatch.setattr(dialogs, name, opener(name))

    def open_window(design_path: Path):
        window = create_window(str(design_path))
        qtbot.addWidget(window)
        window.show()
        assert window.document.path == design_path
        return window

    return open_window


def test_export_from_the_workbench_says_where_the_pdf_went(qtbot, tmp_path, workbench, answers):
    record, _ = answers
    path = tmp_path / "hotel.yaml"
    path.write_bytes((ROOT / "designs" / "boutique-hotel.yaml").read_bytes())
    window = workbench(path)
    expected = tmp_path / "hotel-brief.pdf"

    def export() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        assert dialog.target.text() == str(expected)
        for section, box in dialog.sections.items():
            box.setChecked(section in FEW_SECTIONS)
        QTest.keyClick(dialog.target, Qt.Key.Key_Return)

    QTimer.singleShot(0, export)
    window.export_brief()
    assert PdfReader(expected).pages
    assert record["opened"] == [expected]
    label = window.statusBar().findChild(QLabel, export_run.RESULT_LABEL)
    assert label is not None and str(expected) in label.text()
    qtbot.waitUntil(label.isVisible)


def test_closing_the_workbench_during_an_export_stops_it_and_leaves_no_lock(
    qtbot, tmp_path, workbench, big_design, paced
):
    from cuecraft.core.fileformat import save_design
    from cuecraft.gui.recovery import lock_path

    path = tmp_path / "big.yaml"
    save_design(big_design, path)
    window = workbench(path)
    assert lock_path(path).exists()
    target = tmp_path / "big-brief.pdf"
    watch: list[list[ExportJob]] = []

    def export() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        watch.append(after_first_progress(dialog, window.close, paced))
        dialog.start()

    QTimer.singleShot(0, export)
    window.export_brief()  # returns once the dialog has closed
    hit = watch[0]
    assert hit, "the export never reported progress"
    assert hit[0].isFinished() and hit[0].outcome == CANCELLED
    assert not window.isVisible()
    assert not target.exists() and leftovers(tmp_path) == []
    assert not lock_path(path).exists(), "a stale lock file stayed behind"
