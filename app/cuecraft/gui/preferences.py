"""Preferences: language, autosave interval, high-contrast theme and UI scale (QSettings)."""

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
    QGroupBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.i18n import _
from cuecraft.gui.language import CHOICES, SETTING, SYSTEM, language_name, stored_choice
from cuecraft.gui.language import system_ui_language as _system_language

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
    """Changes apply on OK; Cancel leaves everything as it was. A new language is applied
    by the main window at once, around the open design (MainWindow.edit_preferences)."""

    def __init__(self, stored: QSettings, parent: QWidget | None = None) -> None:
        from cuecraft.core.i18n import format_percent

        super().__init__(parent)
        self.stored = stored
        self.setWindowTitle(_("Preferences"))
        layout = QVBoxLayout(self)
        # TRANSLATORS: the group of choices of the workbench's language
        languages = QGroupBox(_("Language"))
        column = QVBoxLayout(languages)
        self.languages: dict[str, QRadioButton] = {}
        for choice in CHOICES:
            if choice == SYSTEM:
                # TRANSLATORS: the language choice that follows the computer's settings
                text = _("System default ({language})").format(
                    language=language_name(_system_language())
                )
            else:
                text = language_name(choice)  # each language by its own name
            button = QRadioButton(text)
            column.addWidget(button)
            self.languages[choice] = button
        self.languages[stored_choice(stored)].setChecked(True)
        layout.addWidget(languages)
        form = QFormLayout()
        self.autosave = QSpinBox()
        self.autosave.setRange(5, 600)
        # TRANSLATORS: after a number of seconds, as in "30 s"
        self.autosave.setSuffix(" " + _("s"))
        self.autosave.setValue(autosave_seconds(stored))
        self.autosave.setAccessibleName(_("autosave interval in seconds"))
        self.scale = QComboBox()
        self.scale.addItems([format_percent(s) for s in SCALES])
        self.scale.setCurrentIndex(SCALES.index(ui_scale(stored)))
        self.scale.setAccessibleName(_("user interface scale"))
        self.contrast = QCheckBox(_("High-contrast colours"))
        self.contrast.setChecked(high_contrast(stored))
        form.addRow(_("Autosave an edit within"), self.autosave)
        form.addRow(_("Text size"), self.scale)
        form.addRow("", self.contrast)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen_language(self) -> str:
        """The language choice ticked: `system`, `en`, `pl` or `zh`."""
        return next(c for c, button in self.languages.items() if button.isChecked())

    def accept(self) -> None:
        self.stored.setValue(SETTING, self.chosen_language())
        self.stored.setValue("autosave/seconds", self.autosave.value())
        self.stored.setValue("ui/scale", SCALES[self.scale.currentIndex()])
        self.stored.setValue("ui/high-contrast", "true" if self.contrast.isChecked() else "false")
        self.stored.sync()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, self.stored)
        super().accept()
