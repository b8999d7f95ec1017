"""File ▸ Export brief from start to end: the dialog, then where the PDF went.

The status bar says where the brief was written, with a link that opens its
folder; "open when done" opens the PDF itself. When nothing can open it (no PDF
viewer installed) the user is told, with the path.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from cuecraft.core.i18n import _
from cuecraft.gui import export_dialog
from cuecraft.gui.document import Document
from cuecraft.gui.export_dialog import ExportDialog
from cuecraft.gui.export_job import CANCELLED

RESULT_LABEL = "exportResult"  # object name of the status bar's label
RESULT_SHOWN_MS = 120_000
OPEN_SETTING = "export/open_when_done"


def run_export(window: QMainWindow, document: Document) -> Path | None:
    """Show the export dialog for `document`; report the result; return the PDF written."""
    from cuecraft.gui.main_window import settings

    stored = settings()
    open_when_done = bool(stored.value(OPEN_SETTING, True, type=bool))
    dialog = ExportDialog(document, window, open_when_done=open_when_done)
    try:
        dialog.exec()
    finally:
        dialog.stop()  # whatever ended the dialog's loop, no export thread outlives it
    stored.setValue(OPEN_SETTING, dialog.open_when_done.isChecked())
    written = report_export(window, dialog)
    dialog.deleteLater()
    return written


def report_export(window: QMainWindow, dialog: ExportDialog) -> Path | None:
    """Say how the export ended in the status bar; open the PDF if asked to."""
    message = dialog.result_message
    path = dialog.written_path
    if path is None:
        if message and message != CANCELLED:
            window.statusBar().showMessage(
                _("Export failed: {reason}").format(reason=message), 15_000
            )
        elif message == CANCELLED:
            window.statusBar().showMessage(_("Export cancelled; nothing was written."), 5000)
        return None
    show_written(window, path)
    if dialog.open_when_done.isChecked():
        open_path(window, path)
    return path


def show_written(window: QMainWindow, path: Path) -> QLabel:
    """Put "Brief written to PATH — Open folder" in the status bar (one label, reused)."""
    bar = window.statusBar()
    label = bar.findChild(QLabel, RESULT_LABEL)
    if label is None:
        label = QLabel(bar)
        label.setObjectName(RESULT_LABEL)
        label.setOpenExternalLinks(False)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.linkActivated.connect(lambda href: open_path(window, Path(QUrl(href).toLocalFile())))
        bar.addWidget(label, 1)
        timer = QTimer(label)
        timer.setObjectName("exportResultTimer")
        timer.setSingleShot(True)
        timer.timeout.connect(label.hide)
    folder = QUrl.fromLocalFile(str(path.parent)).toString()
    link = '<a href="{href}">{text}</a>'.format(
        href=html.escape(folder, quote=True), text=html.escape(_("Open folder"))
    )
    label.setText(
        # TRANSLATORS: in the status bar; {link} is the link “Open folder”
        html.escape(_("Brief written to {file} — {link}"))
        .replace("{file}", html.escape(str(path)))
        .replace("{link}", link)
    )
    label.setToolTip(str(path))
    bar.clearMessage()  # a temporary message would hide the label
    label.show()
    hide_later = label.findChild(QTimer, "exportResultTimer")
    if hide_later is not None:
        hide_later.start(RESULT_SHOWN_MS)
    return label


def open_path(parent: QWidget, path: Path) -> bool:
    """Open a file or folder with the desktop's application; tell the user if none can."""
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    if not opened:
        export_dialog.show_open_failed(parent, path)
    return bool(opened)
