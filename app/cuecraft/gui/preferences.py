"""Preferences: autosave interval, high-contrast theme and UI scale (kept in QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

SCALES = (1.0, 1.25, 1.5, 2.0)
DEFAULT_AUTOSAVE_SECONDS = 30
_base_point_size: float | None = None


def _number(stored: QSettings, key: str, default: float) -> float:
    try:
        return float(str(stored.value(key, default)))
    except ValueError:
        return default


def autosave_seconds(stored: QSettings) -> int:
    return max(5, min(600, int(_number(stored, "autosave/seconds", DEFAULT_AUTOSAVE_SECONDS))))


def ui_scale(stored: QSettings) -> float:
    scale = _number(stored, "ui/scale", 1.0)
    return scale if scale in SCALES else 1.0


def high_contrast(stored: QSettings) -> bool:
    return str(stored.value("ui/high-contrast", "false")).lower() == "true"


def apply_appearance(app: QApplication, stored: QSettings) -> None:
    """The UI scale and the palette from the preferences, applied to the whole app.

    With the defaults nothing is touched: even an empty style sheet switches Qt to
    its slower style-sheet style, which the start-up time would pay for.
    """
    global _base_point_size
    font = QFont(app.font())
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    wanted = _base_point_size * ui_scale(stored)
    if abs(font.pointSizeF() - wanted) > 0.01:
        font.setPointSizeF(wanted)
        app.setFont(font)
    contrast = high_contrast(stored)
    if contrast:
        app.setPalette(high_contrast_palette())
        app.setStyleSheet(HIGH_CONTRAST_STYLE)
    elif app.styleSheet():
        app.setStyleSheet("")
        app.setPalette(app.style().standardPalette())


# Fields and buttons need visible edges and a focus ring that cannot be missed.
HIGH_CONTRAST_STYLE = """
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QListWidget, QTreeWidget,
QTableView, QPushButton, QToolButton {
    border: 2px solid #FFFFFF;
}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus, QListWidget:focus,
QTreeWidget:focus, QTableView:focus, QPushButton:focus, QToolButton:focus {
    border: 3px solid #FFD400;
}
QPushButton:checked { background: #FFD400; color: #000000; }
QCheckBox::indicator, QListWidget::indicator, QTreeWidget::indicator {
    width: 14px; height: 14px; border: 2px solid #FFFFFF; background: #000000;
}
QCheckBox::indicator:checked, QListWidget::indicator:checked,
QTreeWidget::indicator:checked { background: #FFD400; }
"""


def high_contrast_palette() -> QPalette:
    """White on black with yellow selection: legible for low vision and on projectors."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#000000"),
        (roles.WindowText, "#FFFFFF"),
        (roles.Base, "#000000"),
        (roles.AlternateBase, "#1A1A1A"),
        (roles.Text, "#FFFFFF"),
        (roles.Button, "#000000"),
        (roles.ButtonText, "#FFFFFF"),
        (roles.Highlight, "#FFD400"),
        (roles.HighlightedText, "#000000"),
        (roles.ToolTipBase, "#000000"),
        (roles.ToolTipText, "#FFFFFF"),
        (roles.PlaceholderText, "#BBBBBB"),
        (roles.Link, "#7FD4FF"),
        (roles.BrightText, "#FFD400"),
        (roles.Mid, "#FFFFFF"),
        (roles.Dark, "#FFFFFF"),
        (roles.Light, "#FFFFFF"),
    ):
        palette.setColor(role, QColor(colour))
    for group in (QPalette.ColorGroup.Disabled,):
        palette.setColor(group, roles.Text, QColor("#9A9A9A"))
        palette.setColor(group, roles.WindowText, QColor("#9A9A9A"))
        palette.setColor(group, roles.ButtonText, QColor("#9A9A9A"))
    return palette


class PreferencesDialog(QDialog):
    """Changes apply on OK; Cancel leaves everything as it was."""

    def __init__(self, stored: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stored = stored
        self.setWindowTitle("Preferences")
        form = QFormLayout(self)
        self.autosave = QSpinBox()
        self.autosave.setRange(5, 600)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(autosave_seconds(stored))
        self.autosave.setAccessibleName("autosave interval in seconds")
        self.scale = QComboBox()
        self.scale.addItems([f"{int(s * 100)} %" for s in SCALES])
        self.scale.setCurrentIndex(SCALES.index(ui_scale(stored)))
        self.scale.setAccessibleName("user interface scale")
        self.contrast = QCheckBox("High-contrast colours")
        self.contrast.setChecked(high_contrast(stored))
        form.addRow("Autosave an edit within", self.autosave)
        form.addRow("Text size", self.scale)
        form.addRow("", self.contrast)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.stored.setValue("autosave/seconds", self.autosave.value())
        self.stored.setValue("ui/scale", SCALES[self.scale.currentIndex()])
        self.stored.setValue("ui/high-contrast", "true" if self.contrast.isChecked() else "false")
        self.stored.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, self.stored)
        super().accept()
