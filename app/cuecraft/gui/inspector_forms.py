"""The inspector's editors: which widget edits each kind of field, and how it shows a value.

`make_editor` builds the widget of a field (`inspector_fields.Field`) and wires its
gestures to the inspector (`FormHost`); `show_value` puts the model's value into it
without causing an edit. The words come from `inspector_fields` (this module marks
none of its own, so its strings stay in the panels' catalog).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6 import QtGui
from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator, QValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from cuecraft.core.i18n import _, cldr_locale
from cuecraft.core.model import Action, Amount, Cue, Design, Item
from cuecraft.core.writer import amount_text as file_amount_text
from cuecraft.gui.inspector_fields import (
    Field,
    choice_label,
    field_label,
    missing_label,
    none_label,
    not_rated_label,
    not_set_label,
    problem_label,
    untick_negative_label,
)
from cuecraft.gui.widgets import FieldLine, FieldNote, RefPicker, SensesToggle, TextBox, WordsEdit

TYPED = ("text", "optional", "longtext", "optional_long", "words")  # applied at each keystroke
ON_FINISH = ("id", "language", "currency")  # applied when editing ends
DECIMAL_MARKS = (".", ",")  # a price's decimal mark, whatever the language
# Digits with at most one decimal mark, "." or "," whatever the language: a price typed
# as a person writes it ("9.50", "9,50"); a minus sign or a letter cannot be typed. Any
# number of decimals: the field shows a stored price exactly (amount_text), and what it
# shows can be typed again.
AMOUNT_PATTERN = r"\s*\d{0,13}(?:[.,]\d*)?\s*"


class FormHost(Protocol):
    """What the editors tell about a gesture (the inspector turns it into an edit)."""

    def _text(self, redraw: Callable[[], None]) -> None: ...  # a word, redrawn on LanguageChange
    def _set(self, spec: Field, raw: Any) -> None: ...  # a value given: push it
    def _preview(self, spec: Field, text: str) -> None: ...  # an id typed: check it
    def _finish(self, spec: Field, text: str) -> None: ...  # an id typed: apply it
    def _put_back(self, name: str) -> None: ...  # Esc: the model's value again
    def _seal(self) -> None: ...  # editing ends: the next change is a new undo step


class OptionalSpin(QSpinBox):
    """A whole number or none. None is the step below the lowest number, shown as
    "not set"; clearing the text gives none too, as an emptied text field does."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low - 1, high)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if not text.strip():
            return QValidator.State.Acceptable, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:
        if not text.strip():
            return self.minimum()
        return super().valueFromText(text)

    def fixup(self, text: str) -> str:
        return text if text.strip() else self.specialValueText()

    def number(self) -> int | None:
        """The number shown, or None."""
        value = self.value()
        return None if value == self.minimum() else value

    def set_number(self, value: int | None) -> None:
        """Show a number (None: not set), leaving an emptied text as it is."""
        wanted = self.minimum() if value is None else value
        if self.value() != wanted:
            self.setValue(wanted)


def parse_amount(text: str) -> Amount | None:
    """The price typed (None for an empty field): a whole number stays an int, as the
    file writes it. Raises ValueError for what is not a number yet ("." alone)."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    number = float(text)  # "9." is 9, ".5" is 0.5; "." raises ValueError
    return int(number) if number.is_integer() else number


def amount_text(value: Amount | None) -> str:
    """A price as the field shows it: the exact number the model holds, as the file
    writes it (`core.writer.amount_text`: 999999999999.99, 0.0000001, never rounded or
    with an exponent), no grouping, the language's decimal mark ("9,5")."""
    text = file_amount_text(value)
    if text is None:
        return ""
    from babel.numbers import get_decimal_symbol

    mark = get_decimal_symbol(cldr_locale())
    # Only a mark the field reads back (AMOUNT_PATTERN, parse_amount) replaces the point.
    return text.replace(".", mark) if mark in DECIMAL_MARKS else text


class AmountLine(FieldLine):
    """A price or none: digits and one decimal mark; an emptied field is no price."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(AMOUNT_PATTERN), self))

    def set_amount(self, value: Amount | None) -> None:
        """Show the model's price, leaving what is typed when it says the same ("9.50")."""
        try:
            same = parse_amount(self.text()) == value
        except ValueError:
            same = False
        if not same:
            self.setText(amount_text(value))


def make_editor(spec: Field, host: FormHost) -> QWidget:
    """The widget editing one field, its gestures wired to `host`."""
    kind = spec.kind
    if kind in ON_FINISH:
        # No length limit: a long id is refused with the reason, never cut short.
        line = FieldLine()
        line.textEdited.connect(lambda text: host._preview(spec, text))
        line.editingFinished.connect(lambda: host._finish(spec, line.text()))
        line.escape_pressed.connect(lambda: host._put_back(spec.name))
        return line
    if kind == "amount":
        amount = AmountLine()
        host._text(lambda: amount.setPlaceholderText(not_set_label()))
        amount.textEdited.connect(lambda text: host._set(spec, text))
        amount.editingFinished.connect(host._seal)
        amount.escape_pressed.connect(lambda: host._put_back(spec.name))
        return amount
    if kind in ("text", "optional"):
        line = FieldLine()
        line.textEdited.connect(lambda text: host._set(spec, text))
        line.editingFinished.connect(host._seal)
        line.escape_pressed.connect(lambda: host._put_back(spec.name))
        return line
    if kind in ("longtext", "optional_long"):
        box = TextBox()
        box.text_edited.connect(lambda text: host._set(spec, text))
        box.editing_finished.connect(host._seal)
        box.escape_pressed.connect(lambda: host._put_back(spec.name))
        return box
    if kind == "zone":
        zones = QComboBox()  # filled by show_zone: "id — name", the id as item data
        zones.activated.connect(lambda _index: host._set(spec, zones.currentData() or None))
        return zones
    if kind in ("choice", "optional_choice", "level"):
        # The stored (English) value is the item's data; its text is the value's word.
        combo = QComboBox()
        if kind != "choice":
            combo.addItem("", "")
        for option in spec.options:
            combo.addItem("", option)
        host._text(lambda: name_choices(spec, combo))
        combo.activated.connect(lambda _index: host._set(spec, combo.currentData()))
        return combo
    if kind == "words":
        words = WordsEdit()
        words.words_edited.connect(lambda value: host._set(spec, value))
        words.editingFinished.connect(host._seal)
        words.escape_pressed.connect(lambda: host._put_back(spec.name))
        host._text(words.retranslate)
        return words
    if kind == "refs":
        picker = RefPicker()
        picker.refs_edited.connect(lambda value: host._set(spec, value))
        host._text(picker.retranslate)
        return picker
    if kind == "senses":
        toggles = SensesToggle()
        toggles.senses_edited.connect(lambda value: host._set(spec, value))
        host._text(toggles.retranslate)
        return toggles
    if kind == "bool":
        check = QCheckBox()
        check.toggled.connect(lambda value: host._set(spec, value))
        return check
    if kind == "overrides":  # a persona's emotion per touchpoint: (touchpoint, number or None)
        from cuecraft.gui.inspector_persona import EmotionOverrides  # it builds on OptionalSpin

        overrides = EmotionOverrides(spec.low, spec.high)
        host._text(overrides.retranslate)
        overrides.override_edited.connect(lambda tp, value: host._set(spec, (tp, value)))
        overrides.editing_finished.connect(host._seal)
        return overrides
    if kind == "optional_int":
        optional = OptionalSpin(spec.low, spec.high)
        host._text(lambda: optional.setSpecialValueText(not_set_label()))
        optional.valueChanged.connect(lambda _value: host._set(spec, optional.number()))
        optional.editingFinished.connect(host._seal)
        return optional
    spin = QSpinBox()
    spin.setRange(spec.low, spec.high)
    spin.valueChanged.connect(lambda value: host._set(spec, value))
    return spin


def name_field(
    spec: Field, label: QLabel, editor: QWidget, note: FieldNote, currency: str | None = None
) -> None:
    """A field's label, accessible names and tip in the current language (a price's label
    names the design's `currency`)."""
    name = field_label(spec, currency)
    label.setText(name)
    editor.setAccessibleName(name)
    note.setAccessibleName(problem_label(name))
    tip = _(spec.tip) if spec.tip else ""
    label.setToolTip(tip)
    editor.setToolTip(tip)


def name_choices(spec: Field, combo: QComboBox) -> None:
    """The words of a list of values (the values themselves are the items' data)."""
    for index in range(combo.count()):
        value = combo.itemData(index)
        if value:
            combo.setItemText(index, choice_label(spec.name, value))
        else:
            combo.setItemText(index, not_rated_label() if spec.kind == "level" else none_label())


def show_value(
    spec: Field,
    editor: QWidget,
    value: Any,
    design: Design,
    owner: str,
    order: Sequence[str] = (),
) -> None:
    """Put the model's `value` of field `spec` of item `owner` into its editor; `order` is
    every touchpoint in journey order, where a field lists them so (a persona's)."""
    if isinstance(editor, AmountLine):
        editor.set_amount(value)
    elif isinstance(editor, QLineEdit) and not isinstance(editor, WordsEdit):
        if editor.text() != (value or ""):
            editor.setText(value or "")
    elif isinstance(editor, WordsEdit):
        editor.set_words(value)
    elif isinstance(editor, TextBox):
        editor.set_text(value or "")
    elif isinstance(editor, QComboBox) and spec.kind == "zone":
        show_zone(editor, value, design)
    elif isinstance(editor, QComboBox) and spec.kind == "level":  # the items hold "1".."3"
        editor.setCurrentIndex(max(0, editor.findData("" if value is None else str(value))))
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(value or "")))
    elif isinstance(editor, RefPicker):
        editor.set_options(ref_options(design, owner, spec.options, value, order), value)
    elif spec.kind == "overrides":
        from cuecraft.gui.inspector_persona import EmotionOverrides, override_rows

        if isinstance(editor, EmotionOverrides):
            editor.show_overrides(override_rows(design, owner, order), value)
    elif isinstance(editor, SensesToggle):
        editor.set_senses(value)
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, OptionalSpin):
        editor.set_number(value)
    elif isinstance(editor, QSpinBox):
        editor.setValue(value)


def lists_items(spec: Field, editor: QWidget) -> bool:
    """Whether the editor lists other items of the design to choose from (its options
    change only when those items do, not with the item's own other fields)."""
    return isinstance(editor, RefPicker) or (isinstance(editor, QComboBox) and spec.kind == "zone")


def show_zone(combo: QComboBox, value: str | None, design: Design) -> None:
    """Zones as every other list shows them, "id — name"; a missing zone stays visible."""
    entries = [(none_label(), "")]
    for zone in design.zones:
        name = zone.name.split("\n", 1)[0]
        entries.append((f"{zone.id} — {name}" if name else zone.id, zone.id))
    if value and all(zone_id != value for _text, zone_id in entries):
        entries.append((missing_label(value), value))
    shown = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    if shown != entries:
        combo.clear()
        for text, zone_id in entries:
            combo.addItem(text, zone_id)
            # The zone's name is the designer's: a tip shows it as typed, never as markup.
            tip = QtGui.Qt.convertFromPlainText(text)
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
    combo.setCurrentIndex(max(0, combo.findData(value or "")))


def ref_options(
    design: Design,
    owner: str,
    kinds: tuple[str, ...],
    chosen: list[str],
    order: Sequence[str] = (),
) -> list[tuple[str, str]]:
    """What a list of references offers: (id, label) of every item of these kinds but
    `owner` itself ("journey": the touchpoints in the journey `order`)."""
    touchpoints = {t.id: t for t in design.touchpoints}
    tables: dict[str, list[Item]] = {
        "zone": list(design.zones),
        "touchpoint": list(design.touchpoints),
        "cue": list(design.cues),
        # A negative cue already chosen stays listed, so that it can be unticked.
        "positive cue": [c for c in design.cues if not c.is_negative or c.id in chosen],
        "action": list(design.actions),
        "journey": [touchpoints[t] for t in order if t in touchpoints],
    }
    out: list[tuple[str, str]] = []
    for kind in kinds:
        for item in tables[kind]:
            if item.id == owner:
                continue
            label = item.text if isinstance(item, (Cue, Action)) else getattr(item, "name", "")
            if kind == "positive cue" and isinstance(item, Cue) and item.is_negative:
                label = untick_negative_label(label)
            out.append((item.id, label))
    return out


def typed_text(editor: QWidget | None) -> str | None:
    """What is typed in a text field (None for an editor that holds no typed text)."""
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, TextBox):
        return editor.toPlainText()
    return None


def line_ends(text: str) -> str:
    """Pasted Windows or old-Mac line ends as line breaks."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
