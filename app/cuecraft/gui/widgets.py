"""Small editing widgets of the inspector: word lists, reference pickers, sense toggles,
and the note under a field that says why what was typed is not applied."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.i18n import _
from cuecraft.core.model import SENSES
from cuecraft.gui.inspector_fields import sense_label


def split_words(text: str) -> list[str]:
    """'rainforest, thunderstorm' -> ['rainforest', 'thunderstorm'] (empties dropped); the
    Chinese commas ，and 、 separate words too."""
    return [word.strip() for word in re.split(r"[,，、]", text) if word.strip()]


ERROR_COLOUR = "#b3261e"


def unbroken(text: str) -> str:
    """`text` that a line never breaks inside: no-break spaces, and word joiners between
    the characters (Chinese breaks between any two characters otherwise)."""
    return "\u2060".join(text.replace(" ", "\u00a0"))


def wrapping_policy() -> QSizePolicy:
    """For wrapped text in a narrow dock: any width, and the height its lines need at that
    width (a plain QSizePolicy(Ignored, Preferred) drops the height-for-width flag, and a
    longer language's extra lines are then squeezed over their neighbours)."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy


class FieldNote(QLabel):
    """The red note under a field: why what is typed there is not applied. Hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setSizePolicy(wrapping_policy())
        self.hide()

    def say(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


def with_note(editor: QWidget, note: FieldNote) -> QWidget:
    """The editor with its note right under it, as one row of a form."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(editor)
    layout.addWidget(note)
    holder.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return holder


def mark_refused(editor: QWidget, refused: bool) -> None:
    """A red frame round a field whose text is not applied."""
    # A type selector, so that the frame stays off a text box's scroll bars.
    kind = "QPlainTextEdit" if isinstance(editor, QPlainTextEdit) else "QLineEdit"
    style = f"{kind} {{ border: 2px solid {ERROR_COLOUR}; border-radius: 3px; }}"
    editor.setStyleSheet(style if refused else "")


class FieldLine(QLineEdit):
    """A one-line field where Esc, while its text is not applied, asks to put back the value."""

    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.escape_puts_back = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.escape_puts_back:
            self.escape_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class WordsEdit(FieldLine):
    """A list of words typed as 'a, b, c'."""

    words_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(lambda text: self.words_edited.emit(split_words(text)))
        self.retranslate()

    def retranslate(self) -> None:
        """The placeholder in the current language."""
        # TRANSLATORS: placeholder of a list of motifs; the comma separates them in every language
        self.setPlaceholderText(_("comma-separated, e.g. rainforest, thunderstorm"))

    def set_words(self, words: list[str]) -> None:
        if split_words(self.text()) != words:
            self.setText(", ".join(words))


class TextBox(QPlainTextEdit):
    """Multi-line text that reports each edit and when editing ends."""

    text_edited = Signal(str)
    editing_finished = Signal()
    escape_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(96)
        self._setting = False
        self.escape_puts_back = False
        self.textChanged.connect(self._on_changed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.escape_puts_back:
            self.escape_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_changed(self) -> None:
        if not self._setting:
            self.text_edited.emit(self.toPlainText())

    def set_text(self, text: str) -> None:
        if self.toPlainText() != text:
            self._setting = True
            self.setPlainText(text)
            self._setting = False

    def focusOutEvent(self, event):  # type: ignore[no-untyped-def]
        super().focusOutEvent(event)
        self.editing_finished.emit()


class RefPicker(QWidget):
    """Choose ids of other items: a filterable list of checkable entries."""

    refs_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(132)
        self.list.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self._updating = False
        self._chosen: list[str] = []
        self._missing: set[str] = set()
        self._shown: tuple[tuple[tuple[str, str], ...], tuple[str, ...]] = ((), ())
        self.retranslate()

    def retranslate(self) -> None:
        """The placeholder, the list's name and the marks of missing ids in the current language."""
        self.filter.setPlaceholderText(_("filter…"))
        self.list.setAccessibleName(_("references"))
        for row in range(self.list.count()):
            item = self.list.item(row)
            ref = item.data(Qt.ItemDataRole.UserRole)
            if ref in self._missing:
                item.setText(_missing(ref))

    def set_options(self, options: list[tuple[str, str]], chosen: list[str]) -> None:
        """Offer (id, label) options; tick the chosen ids (unknown chosen ids stay listed)."""
        key = (tuple(options), tuple(chosen))
        if key == self._shown:
            return
        self._shown = key
        self._updating = True
        self._chosen = list(chosen)
        known = {option_id for option_id, _label in options}
        self._missing = {ref for ref in chosen if ref not in known}
        self.list.clear()
        for ref in chosen:
            if ref not in known:
                item = QListWidgetItem(_missing(ref))
                item.setData(Qt.ItemDataRole.UserRole, ref)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked)
                item.setForeground(Qt.GlobalColor.red)
                self.list.addItem(item)
        for option_id, label in options:
            text = option_id if not label or label == option_id else f"{option_id} — {label}"
            item = QListWidgetItem(text)
            item.setToolTip(label)
            item.setData(Qt.ItemDataRole.UserRole, option_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = option_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._apply_filter(self.filter.text())
        self._updating = False

    def chosen(self) -> list[str]:
        return list(self._chosen)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        ref = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked and ref not in self._chosen:
            self._chosen.append(ref)
        elif item.checkState() != Qt.CheckState.Checked and ref in self._chosen:
            self._chosen.remove(ref)
        self._shown = (self._shown[0], tuple(self._chosen))
        self.refs_edited.emit(list(self._chosen))


CHECK_MARK = "\u2713 "  # ✓
TOGGLE_PADDING = 8  # the border and padding of a checked toggle, both sides
# The styles' own checked look is a faint shade of grey: a sense that is on gets the
# selection colour and bold text (and a check mark where the button is wide enough),
# in the normal and the high-contrast palette alike (palette() follows either).
TOGGLE_STYLE = """
QPushButton:checked {
    background-color: palette(highlight);
    color: palette(highlighted-text);
    font-weight: bold;
    border: 2px solid palette(highlight);
    border-radius: 4px;
    padding: 1px 2px;
}
QPushButton:checked:focus { border: 2px solid palette(text); }
"""


class SensesToggle(QWidget):
    """Five toggle buttons, one per sense; one that is on is filled and bold ("✓ sense")."""

    senses_edited = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TOGGLE_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for sense in SENSES:
            button = QPushButton(self)
            button.setCheckable(True)
            button.setMinimumWidth(0)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.toggled.connect(self._on_toggled)
            layout.addWidget(button)
            self.buttons[sense] = button
        self._setting = False
        self.retranslate()

    def retranslate(self) -> None:
        """The senses' names in the current language."""
        for sense in SENSES:
            # TRANSLATORS: the name a screen reader gives a sense's toggle, e.g. "sense smell"
            self.buttons[sense].setAccessibleName(
                _("sense {sense}").format(sense=sense_label(sense))
            )
            self._label(sense)

    def set_senses(self, senses: list[str]) -> None:
        self._setting = True
        for sense, button in self.buttons.items():
            button.setChecked(sense in senses)
            self._label(sense)
        self._setting = False

    def senses(self) -> list[str]:
        return [s for s in SENSES if self.buttons[s].isChecked()]

    def _label(self, sense: str) -> None:
        button = self.buttons[sense]
        name = sense_label(sense)
        text = name
        if button.isChecked():
            bold = QFont(button.font())
            bold.setBold(True)
            marked = CHECK_MARK + name
            room = button.width() - TOGGLE_PADDING
            if QFontMetrics(bold).horizontalAdvance(marked) <= room:
                text = marked
        button.setText(text)
        if button.isChecked():
            button.setToolTip(_("{sense}: on").format(sense=name))
        else:
            button.setToolTip(_("{sense}: off").format(sense=name))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for sense in SENSES:
            self._label(sense)

    def _on_toggled(self, _checked: bool) -> None:
        for sense in SENSES:
            self._label(sense)
        if not self._setting:
            self.senses_edited.emit(self.senses())


def _missing(ref: str) -> str:
    # TRANSLATORS: an id a field names but the design no longer holds
    return _("{id}  (missing)").format(id=ref)
