"""Preferences apply and persist; the export dialog runs in the background and can cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from cuecraft.core.fileformat import load_design
from cuecraft.gui.document import Document
from cuecraft.gui.export_dialog import ExportDialog
from cuecraft.gui.main_window import settings
from cuecraft.gui.preferences import PreferencesDialog, apply_appearance, autosave_seconds

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    yield
    app = QApplication.instance()
    stored = settings()
    stored.clear()
    apply_appearance(app, stored)  # leave the app as other tests expect it


def test_preferences_apply_and_persist(qtbot, data_dir):
    app = QApplication.instance()
    base = app.font().pointSizeF()
    dialog = PreferencesDialog(settings())
    qtbot.addWidget(dialog)
    dialog.autosave.setValue(45)
    dialog.scale.setCurrentIndex(2)  # 150 %
    dialog.contrast.setChecked(True)
    dialog.accept()
    assert autosave_seconds(settings()) == 45
    assert app.font().pointSizeF() == pytest.approx(base * 1.5)
    assert app.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert app.palette().color(QPalette.ColorRole.Highlight).name() == "#ffd400"
    again = PreferencesDialog(settings())
    qtbot.addWidget(again)
    assert (again.autosave.value(), again.scale.currentIndex(), again.contrast.isChecked()) == (
        45,
        2,
        True,
    )


def test_export_dialog_writes_the_brief_in_the_background(qtbot, tmp_path):
    document = Document(load_design(ROOT / "designs" / "boutique-hotel.yaml"))
    dialog = ExportDialog(document, open_when_done=False)
    qtbot.addWidget(dialog)
    target = tmp_path / "brief.pdf"
    dialog.target.setText(str(target))
    for name, box in dialog.sections.items():
        box.setChecked(name in ("cover", "summary", "cues"))
    dialog.start()
    assert dialog.running and not dialog.export_button.isEnabled(), "it runs in the background"
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert dialog.result_message == ""
    assert dialog.written_path == target
    assert dialog.progress.value() == 100, "the last step the export reported"
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Zielone Wzgórze" in text or document.design.title.split()[0] in text


def test_cancelling_an_export_writes_nothing(qtbot, tmp_path):
    # Progress, cancel at every moment and closing: tests/gui/test_export_dialog.py.
    document = Document(load_design(ROOT / "designs" / "rainforest-cafe.yaml"))
    dialog = ExportDialog(document, open_when_done=False)
    qtbot.addWidget(dialog)
    target = tmp_path / "brief.pdf"
    dialog.target.setText(str(target))
    dialog.show()
    dialog.start()
    job = dialog.job
    assert job is not None
    dialog.cancel()  # at once: the export checks before it lays out anything
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert dialog.result_message == "cancelled"
    assert not target.exists() and list(tmp_path.iterdir()) == []
    assert job.isFinished() and not dialog.isVisible()


def test_a_bad_logo_is_reported_in_the_dialog(qtbot, tmp_path):
    document = Document(load_design(ROOT / "designs" / "museum-exhibition.yaml"))
    dialog = ExportDialog(document, open_when_done=False)
    qtbot.addWidget(dialog)
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not an image")
    dialog.logo.setText(str(logo))
    dialog.target.setText(str(tmp_path / "brief.pdf"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert "logo" in dialog.result_message.lower()
    assert "Export failed" in dialog.status.text()
    assert not (tmp_path / "brief.pdf").exists()


def test_an_unwritable_target_is_reported_not_hung(qtbot, tmp_path):
    document = Document(load_design(ROOT / "designs" / "museum-exhibition.yaml"))
    dialog = ExportDialog(document, open_when_done=False)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(tmp_path / "no-such-folder" / "brief.pdf"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_message is not None, timeout=60_000)
    assert dialog.result_message
    assert "Export failed" in dialog.status.text()
    assert dialog.export_button.isEnabled()
