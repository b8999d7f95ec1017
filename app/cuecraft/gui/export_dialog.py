"""Export the brief: title, language, sections, paper, logo, accent; runs in the background.

Every way of closing the dialog (Cancel, Esc, the window's close button, the main
window closing) first cancels a running export and waits for its thread: a thread
destroyed while running aborts the whole application. The brief writes the PDF
atomically, so a cancelled export leaves whatever was at the target untouched.
"""

from __future__ import annotations

import contextlib
import copy
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QHideEvent
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
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.edits import SetField
from cuecraft.core.i18n import LANGUAGE_NAMES, LANGUAGES, _, normalize_language
from cuecraft.gui.document import Document
from cuecraft.gui.export_job import CANCELLED, ExportJob

# -- questions (module-level so tests can replace them, as in gui/dialogs.py) ---------------


def ask_replace(parent: QWidget | None, path: Path) -> bool:
    """True when the user agrees to replace the existing file at `path`."""
    answer = QMessageBox.question(
        parent,
        _("Replace the existing PDF?"),
        _("{name} already exists in {folder}.\n\nReplace it with the new brief?").format(
            name=path.name, folder=path.parent
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_open_failed(parent: QWidget | None, path: Path) -> None:
    """Opening `path` (the PDF or its folder) failed, e.g. no PDF viewer is installed."""
    QMessageBox.warning(
        parent,
        _("Could not open the brief"),
        _(
            "No application could open {file}.\n\n"
            "The brief was written there; open it from your file manager or install a PDF viewer."
        ).format(file=path),
    )


# -- what the dialog needs to know -------------------------------------------------------------


@cache
def placeholder_titles() -> tuple[frozenset[str], frozenset[str]]:
    """(titles that are never a real title, titles that are only a template's start).

    The blank template's "Untitled design" is never meant for a cover; the other
    templates' titles ("Neighbourhood café") are placeholders while a new design is
    still unsaved.
    """
    from cuecraft.core import templates

    never: set[str] = set()
    starts: set[str] = set()
    for name, _description in templates.available():
        # In every language the template exists in (a design may start from any).
        for lang in templates.translations(name):
            title = templates.load(name, lang).title.strip()
            (never if name == "blank" else starts).add(title)
    return frozenset(never), frozenset(starts)


def needs_title(document: Document) -> bool:
    """True when the design's title is empty or still a template's placeholder."""
    title = document.design.title.strip()
    never, starts = placeholder_titles()
    return not title or title in never or (document.path is None and title in starts)


def resolve_target(text: str, base: Path) -> Path | None:
    """The file a typed target means: `~` expanded, relative to `base`, ending in .pdf."""
    text = text.strip()
    if not text:
        return None
    path = Path(text)
    with contextlib.suppress(RuntimeError):  # "~someone" with no such user: taken literally
        path = path.expanduser()
    if not path.is_absolute():
        path = base / path
    if path.is_dir():
        return path  # refused by the caller with a message
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return path


# -- the dialog ----------------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Choose what goes into the brief, then export it without freezing the window.

    After it closes, `written_path` is the PDF written (None if none was) and
    `result_message` is "" on success, "cancelled", or the reason it failed (None if
    no export ran).
    """

    def __init__(
        self, document: Document, parent: QWidget | None = None, open_when_done: bool = True
    ) -> None:
        super().__init__(parent)
        from cuecraft.brief import SECTION_TITLES, SECTIONS

        self.document = document
        self.setWindowTitle(_("Export design brief"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title: QLineEdit | None = None
        self.title_hint: QLabel | None = None
        if needs_title(document):
            self.title = QLineEdit()
            self.title.setPlaceholderText(_("the title printed on the cover"))
            self.title.textChanged.connect(self._update_export_button)
            form.addRow(_("Title"), self.title)
            placeholder = document.design.title.strip()
            self.title_hint = QLabel(
                _(
                    "The design still has the template’s title “{title}”: "
                    "give it its own for the cover."
                ).format(title=placeholder)
                if placeholder and placeholder not in placeholder_titles()[0]
                else _("This design has no title yet: give it one for the cover.")
            )
            self.title_hint.setWordWrap(True)
            form.addRow("", self.title_hint)
        self.base = document.path.parent if document.path else Path.cwd()
        stem = document.path.stem if document.path else "design"
        self.target = QLineEdit(str(self.base / f"{stem}-brief.pdf"))
        self.target.setMinimumWidth(320)
        browse = self._side_button(_("Browse…"), self._browse)
        # TRANSLATORS: the label of the field holding the PDF's file name
        form.addRow(_("Save as"), self._row(self.target, browse))
        # The brief's language: the design's by default (BriefOptions.language None).
        self.language = QComboBox()
        design_language = normalize_language(document.design.language)
        # TRANSLATORS: the brief's language choice that follows the design's `language:`
        as_design = _("As the design ({language})").format(language=LANGUAGE_NAMES[design_language])
        self.language.addItem(as_design, None)
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)  # each by its own name
        self.language.setAccessibleName(_("language of the brief"))
        # TRANSLATORS: the label of the choice of the brief's language
        form.addRow(_("Language"), self.language)
        self.paper = QComboBox()
        # TRANSLATORS: a paper size (ISO)
        self.paper.addItem(_("A4"), "a4")
        # TRANSLATORS: a paper size (US Letter)
        self.paper.addItem(_("Letter"), "letter")
        form.addRow(_("Paper"), self.paper)
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(_("optional PNG or JPEG"))
        choose = self._side_button(_("Choose…"), self._choose_logo)
        form.addRow(_("Logo"), self._row(self.logo, choose))
        self.accent = QLineEdit("#0F766E")
        pick = self._side_button(_("Pick…"), self._pick_accent)
        form.addRow(_("Accent colour"), self._row(self.accent, pick))
        layout.addLayout(form)
        box = QGroupBox(_("Sections"))
        grid = QGridLayout(box)
        self.sections: dict[str, QCheckBox] = {}
        for index, name in enumerate(SECTIONS):
            title = SECTION_TITLES.get(name)
            check = QCheckBox(_(title) if title else name.capitalize())
            check.setChecked(True)
            if name == "guests" and document.feedback is None:
                # Only a design with imported guest feedback has this section.
                check.setChecked(False)
                check.setEnabled(False)
                check.setToolTip(_("Import guest feedback (File menu) to include this section"))
            grid.addWidget(check, index // 2, index % 2)
            self.sections[name] = check
        layout.addWidget(box)
        self.open_when_done = QCheckBox(_("Open the PDF when done"))
        self.open_when_done.setChecked(open_when_done)
        layout.addWidget(self.open_when_done)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            # TRANSLATORS: the button that writes the brief
            _("Export"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Only once the button is inside the dialog does setDefault make it the dialog's
        # default; before, QDialog picks the first auto-default button (Cancel) on show.
        self.export_button.setDefault(True)
        self._job: ExportJob | None = None
        self._close_when_stopped = False
        self.written_path: Path | None = None
        self.result_message: str | None = None
        # The main window closing (or hiding) ends the export first.
        self._watched = parent.window() if parent is not None else None
        if self._watched is not None:
            self._watched.installEventFilter(self)
        self._update_export_button()
        (self.title if self.title is not None else self.target).setFocus()

    # -- layout helpers ------------------------------------------------------------------

    def _side_button(self, text: str, slot: object) -> QPushButton:
        # Not auto-default: Enter in the field beside it must export, not browse.
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setDefault(False)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _row(field: QWidget, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(field)
        row.addWidget(button)
        return row

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            # TRANSLATORS: a file type in the Save dialog; keep the pattern
            self,
            _("Save brief as"),
            self.target.text(),
            _("PDF documents (*.pdf)"),
        )
        if name:
            self.target.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def _choose_logo(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            # TRANSLATORS: a file type in the Open dialog; keep the patterns
            self,
            _("Logo"),
            "",
            _("Images (*.png *.jpg *.jpeg)"),
        )
        if name:
            self.logo.setText(name)

    def _pick_accent(self) -> None:
        colour = QColorDialog.getColor(QColor(self.accent.text()), self, _("Accent colour"))
        if colour.isValid():
            self.accent.setText(colour.name().upper())

    def _update_export_button(self) -> None:
        ready = not self.running and (self.title is None or bool(self.title.text().strip()))
        self.export_button.setEnabled(ready)

    # -- exporting -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """True while an export thread runs."""
        return self._job is not None

    @property
    def job(self) -> ExportJob | None:
        """The running export's thread, if any."""
        return self._job

    def start(self) -> None:
        """Export with the chosen options (asks before replacing an existing PDF)."""
        from cuecraft.brief import BriefOptions

        if self.running:
            return
        title = self.title.text().strip() if self.title is not None else ""
        if self.title is not None and not title:
            self.status.setText(_("Give the design a title first: it is printed on the cover."))
            self.title.setFocus()
            return
        sections = tuple(name for name, check in self.sections.items() if check.isChecked())
        if not sections:
            self.status.setText(_("Choose at least one section."))
            return
        target = resolve_target(self.target.text(), self.base)
        if target is None:
            self.status.setText(_("Type where to save the brief, or choose Browse…."))
            self.target.setFocus()
            return
        if target.is_dir():
            self.status.setText(
                _("{folder} is a folder: type a file name for the brief.").format(folder=target)
            )
            self.target.setFocus()
            return
        if target.exists() and not ask_replace(self, target):
            self.status.setText(_("Not exported: {file} was left as it was.").format(file=target))
            return
        if self.title is not None and title != self.document.design.title:
            # The title becomes part of the design, as an undoable step of its own.
            self.document.seal_typing()
            # TRANSLATORS: an undo step, as in "Undo Edit title"
            described = _("Edit title")
            error = self.document.push(SetField("design", "title", title, description=described))
            if error:
                self.status.setText(_("Cannot set the title: {reason}").format(reason=error))
                return
        options = BriefOptions(
            paper=self.paper.currentData(),
            language=self.language.currentData(),
            logo=Path(self.logo.text()).expanduser() if self.logo.text().strip() else None,
            accent=self.accent.text().strip(),
            sections=sections,
        )
        # The export reads a snapshot, so editing may go on while it runs.
        job = ExportJob(
            copy.deepcopy(self.document.design), target, options, feedback=self.document.feedback
        )
        job.progressed.connect(self._on_progress)
        job.finished.connect(self._on_job_finished)
        self.destroyed.connect(job.cancel)  # deleted without closing: stop writing anyway
        self._job = job
        self.result_message = None
        self.written_path = None
        self._update_export_button()
        self.progress.setRange(0, 0)  # busy until the layout reports its first step
        self.status.setText(_("Exporting to {file}…").format(file=target))
        job.begin()

    def _on_progress(self, done: int, total: int) -> None:
        if self.sender() is not self._job:
            return  # a stale signal of a job already dealt with
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.progress.setValue(done * 100 // max(1, total))

    def _on_job_finished(self) -> None:
        if self.sender() is self._job:
            self._finish()

    def _finish(self) -> None:
        """The job has ended: show how, and close if a close was asked for meanwhile."""
        job = self._job
        assert job is not None
        job.wait()  # `finished` is emitted just before the thread really ends
        self._job = None
        message = job.outcome if job.outcome is not None else CANCELLED
        self.result_message = message
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.buttons.setEnabled(True)
        self._update_export_button()
        if message == "":
            self.written_path = job.target
            self.status.setText(_("Written to {file}").format(file=job.target))
            super().done(QDialog.DialogCode.Accepted)
            return
        if message == CANCELLED:
            self.status.setText(_("Export cancelled; nothing was written."))
            super().done(QDialog.DialogCode.Rejected)
            return
        self.status.setText(_("Export failed: {reason}").format(reason=message))
        if self._close_when_stopped:
            super().done(QDialog.DialogCode.Rejected)

    def cancel(self) -> None:
        """Stop a running export, then close; close at once when none runs."""
        self.reject()

    def stop(self) -> None:
        """Cancel a running export and block until its thread has ended."""
        if self._job is not None:
            self._job.stop()
            self._finish()

    def wait(self, timeout_ms: int = 60_000) -> None:
        """Block until a running export ends (tests)."""
        if self._job is not None:
            self._job.wait(timeout_ms)

    # -- every way of closing --------------------------------------------------------------

    def done(self, result: int) -> None:
        # Cancel, Esc and the close button all come here (reject → done); QDialog's
        # closeEvent ignores the close while the dialog stays visible.
        if self._job is None:
            super().done(result)
            return
        self._close_when_stopped = True
        self._job.cancel()
        self.status.setText(_("Cancelling…"))
        self.buttons.setEnabled(False)

    def hideEvent(self, event: QHideEvent) -> None:
        # Hidden without done() (hide(), the parent going away): never leave a thread behind.
        if not event.spontaneous():
            self.stop()
        super().hideEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._watched
            and event.type() == QEvent.Type.Hide
            and not event.spontaneous()
            and self._job is not None
        ):
            self.stop()
            if self.isVisible():
                super().done(QDialog.DialogCode.Rejected)
        return False
