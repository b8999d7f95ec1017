"""Export the brief: sections, paper, logo, accent; runs in the background with progress."""

from __future__ import annotations

import copy
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.model import Design
from cuecraft.gui.document import Document

if TYPE_CHECKING:
    from cuecraft.brief import BriefOptions
    from cuecraft.core.feedback import Feedback


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(str)  # "" on success, else the reason

    def __init__(
        self,
        design: Design,
        target: Path,
        options: BriefOptions,
        feedback: Feedback | None = None,
    ) -> None:
        super().__init__()
        self.design = design
        self.feedback = feedback
        self.target = target
        self.options = options
        self.cancelled = threading.Event()

    def run(self) -> None:
        from cuecraft.brief import BriefCancelled, BriefError, export_brief

        try:
            export_brief(
                self.design,
                self.target,
                self.options,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancel=self.cancelled.is_set,
                feedback=self.feedback,
            )
        except BriefCancelled:
            self.finished.emit("cancelled")
        except BriefError as error:
            self.finished.emit(str(error))
        except OSError as error:
            self.finished.emit(f"could not write {self.target}: {error.strerror or error}")
        except Exception as error:  # never leave the dialog waiting for a thread that died
            self.finished.emit(f"unexpected error: {error}")
        else:
            self.finished.emit("")


class ExportDialog(QDialog):
    """Choose what goes into the brief, then export it without freezing the window."""

    def __init__(
        self, document: Document, parent: QWidget | None = None, open_when_done: bool = True
    ) -> None:
        super().__init__(parent)
        from cuecraft.brief import SECTION_TITLES, SECTIONS

        self.document = document
        self.open_when_done = open_when_done
        self.setWindowTitle("Export design brief")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        stem = document.path.stem if document.path else "design"
        folder = document.path.parent if document.path else Path.cwd()
        self.target = QLineEdit(str(folder / f"{stem}-brief.pdf"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.target)
        row.addWidget(browse)
        form.addRow("Save as", row)
        self.paper = QComboBox()
        self.paper.addItems(["a4", "letter"])
        form.addRow("Paper", self.paper)
        self.logo = QLineEdit()
        self.logo.setPlaceholderText("optional PNG or JPEG")
        logo_button = QPushButton("Choose…")
        logo_button.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(logo_button)
        form.addRow("Logo", logo_row)
        self.accent = QLineEdit("#0F766E")
        accent_button = QPushButton("Pick…")
        accent_button.clicked.connect(self._pick_accent)
        accent_row = QHBoxLayout()
        accent_row.addWidget(self.accent)
        accent_row.addWidget(accent_button)
        form.addRow("Accent colour", accent_row)
        layout.addLayout(form)
        box = QGroupBox("Sections")
        grid = QGridLayout(box)
        self.sections: dict[str, QCheckBox] = {}
        for index, name in enumerate(SECTIONS):
            check = QCheckBox(SECTION_TITLES.get(name, name.capitalize()))
            check.setChecked(True)
            if name == "guests" and document.feedback is None:
                # Only a design with imported guest feedback has this section.
                check.setChecked(False)
                check.setEnabled(False)
                check.setToolTip("Import guest feedback (File menu) to include this section")
            grid.addWidget(check, index // 2, index % 2)
            self.sections[name] = check
        layout.addWidget(box)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.cancel)
        layout.addWidget(self.buttons)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self.result_message: str | None = None

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Save brief as", self.target.text(), "PDF (*.pdf)"
        )
        if name:
            self.target.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Logo", "", "Images (*.png *.jpg *.jpeg)")
        if name:
            self.logo.setText(name)

    def _pick_accent(self) -> None:
        colour = QColorDialog.getColor(QColor(self.accent.text()), self, "Accent colour")
        if colour.isValid():
            self.accent.setText(colour.name().upper())

    def start(self) -> None:
        from cuecraft.brief import BriefOptions

        sections = tuple(name for name, check in self.sections.items() if check.isChecked())
        if not sections:
            self.status.setText("Choose at least one section.")
            return
        options = BriefOptions(
            paper=self.paper.currentText(),
            logo=Path(self.logo.text()) if self.logo.text().strip() else None,
            accent=self.accent.text().strip(),
            sections=sections,
        )
        target = Path(self.target.text()).expanduser()
        # The export reads a snapshot, so editing may go on while it runs.
        self._worker = _Worker(
            copy.deepcopy(self.document.design),
            target,
            options,
            feedback=self.document.feedback,
        )
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self.export_button.setEnabled(False)
        self.status.setText("Exporting…")
        self._thread.start()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / max(1, total)))

    def _on_finished(self, message: str) -> None:
        assert self._thread is not None
        self._thread.quit()
        self._thread.wait()
        self._thread = None
        self.result_message = message
        self.export_button.setEnabled(True)
        if message == "cancelled":
            self.status.setText("Export cancelled; nothing was written.")
            self.reject()
            return
        if message:
            self.status.setText(f"Export failed: {message}")
            return
        self.progress.setValue(100)
        if self.open_when_done:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.target.text()))
        self.accept()

    def cancel(self) -> None:
        if self._worker is not None and self._thread is not None:
            self._worker.cancelled.set()
            self.status.setText("Cancelling…")
            return
        self.reject()

    def wait(self, timeout_ms: int = 60_000) -> None:
        """Block until a running export ends (tests, closing)."""
        if self._thread is not None:
            self._thread.wait(timeout_ms)
