"""The inspector: every field of the selected item, each change an undoable edit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.edits import Change, RenameId, SetField, find
from cuecraft.core.model import (
    PHASES,
    POLARITIES,
    REALMS,
    SENSES,
    SEVERITIES,
    STATUSES,
    Cue,
    Layer,
    Souvenir,
    Touchpoint,
    Zone,
    kind_of,
)
from cuecraft.core.schema import SLUG, SLUG_MAX
from cuecraft.gui.document import Document
from cuecraft.gui.widgets import RefPicker, SensesToggle, TextBox, WordsEdit


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str  # id text longtext optional optional_long choice optional_choice words refs
    #            senses bool int optional_int zone
    options: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    negative_only: bool = False


TEXTS = {
    "design": [
        Field("title", "Title", "text"),
        Field("client", "Client", "optional"),
        Field("venue", "Venue", "optional"),
        Field("language", "Language", "optional"),
    ],
    "theme": [
        Field("name", "Theme", "text"),
        Field("tagline", "Tagline", "optional"),
        Field("storyline", "Storyline", "optional_long"),
        Field("motifs", "Motifs", "words"),
        Field("avoid", "Avoid", "words"),
    ],
    "zone": [
        Field("id", "Id", "id"),
        Field("name", "Name", "text"),
        Field("sees", "Sees (line of sight)", "refs", ("zone",)),
    ],
    "touchpoint": [
        Field("id", "Id", "id"),
        Field("name", "Name", "text"),
        Field("phase", "Phase", "choice", PHASES),
        Field("zone", "Zone", "zone", ("zone",)),
        Field("next", "Next", "refs", ("touchpoint",)),
        Field("emotion", "Target emotion", "optional_int", low=-3, high=3),
    ],
    "cue": [
        Field("id", "Id", "id"),
        Field("text", "Text", "longtext"),
        Field("polarity", "Polarity", "choice", POLARITIES),
        Field("senses", "Senses", "senses"),
        Field("motifs", "Motifs", "words"),
        Field("at", "At", "refs", ("zone", "touchpoint")),
        Field("unique", "A character (never twice in view)", "bool"),
        Field("conflicts", "Conflicts with", "refs", ("cue",)),
        Field("severity", "Severity", "optional_choice", SEVERITIES, negative_only=True),
        Field("status", "Status", "optional_choice", STATUSES, negative_only=True),
        Field("remedy", "Remedy", "optional_long", negative_only=True),
    ],
    "layer": [
        Field("id", "Id", "id"),
        Field("sense", "Sense", "choice", SENSES),
        Field("name", "Name", "text"),
        Field("at", "At", "refs", ("zone",)),
        Field("intensity", "Intensity", "int", low=1, high=3),
        Field("motifs", "Motifs", "words"),
    ],
    "souvenir": [
        Field("id", "Id", "id"),
        Field("name", "Name", "text"),
        Field("motifs", "Motifs", "words"),
        # A souvenir brings back a good moment: it evokes positive cues only.
        Field("evokes", "Evokes", "refs", ("positive cue",)),
        Field("at", "Available at", "refs", ("zone", "touchpoint")),
    ],
}
NONE = "(none)"
SECTION = "section:"  # a selection naming a section of the outline, e.g. "section:zones"
SUMMARY_ROWS = 30


def _heading_label(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setStyleSheet("font-size: 15px; font-weight: 600;")
    heading.setWordWrap(True)
    heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return heading


class Inspector(QScrollArea):
    """Shows and edits whatever `document.selected` names."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(320)
        self.setAccessibleName("inspector")
        self.editors: dict[str, QWidget] = {}
        self._owner = ""
        self._kind = ""
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(highlight);")
        document.selection_changed.connect(self.show_selection)
        document.changed.connect(self._on_changed)
        self.show_selection(document.selected or "design")

    # -- building the form ------------------------------------------------------------

    def show_selection(self, selected: str) -> None:
        owner = selected or "design"
        if owner.startswith(SECTION):
            self._show_section(owner.removeprefix(SECTION))
            return
        if owner not in ("design", "theme"):
            try:
                item = find(self.document.design, owner)
            except ValueError:
                owner = "design"
            else:
                kind = kind_of(item)
        kind = owner if owner in ("design", "theme") else kind
        self._owner, self._kind = owner, kind
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_heading_label(self._heading()))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above fields: the inspector is a narrow dock.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.editors = {}
        for spec in TEXTS[kind]:
            editor = self._editor(spec)
            editor.setAccessibleName(spec.label)
            # Fit the dock's width, however long the texts inside are.
            editor.setMinimumWidth(0)
            editor.setSizePolicy(QSizePolicy.Policy.Ignored, editor.sizePolicy().verticalPolicy())
            self.editors[spec.name] = editor
            form.addRow(spec.label, editor)
        if kind == "theme":
            for realm in REALMS:
                spin = QSpinBox()
                spin.setRange(0, 3)
                spin.setAccessibleName(f"realm {realm}")
                spin.valueChanged.connect(
                    lambda value, realm=realm: self._push(SetField("realms", realm, value))
                )
                self.editors[f"realms.{realm}"] = spin
                form.addRow(f"Realm: {realm}", spin)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setWidget(page)
        self.refresh()

    def _show_section(self, key: str) -> None:
        """A section's heading was chosen in the outline: what is in it, and how to edit it."""
        from cuecraft.gui.outline import GROUPS, NOUNS, item_label, section_members

        titles = dict(GROUPS)
        if key not in titles:
            self.show_selection("design")
            return
        members = section_members(self.document.design, key)
        self._owner, self._kind = SECTION + key, "section"
        self.editors = {}
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(_heading_label(f"{titles[key]} ({len(members)})"))
        noun = NOUNS[key]
        if members:
            hint = f"Select a {noun} in the outline to edit it."
        else:
            hint = f"No {titles[key].lower()} yet: add one with Edit ▸ Add."
        for text in (hint, "\n".join(item_label(m) for m in members[:SUMMARY_ROWS])):
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        if len(members) > SUMMARY_ROWS:
            layout.addWidget(QLabel(f"… and {len(members) - SUMMARY_ROWS} more"))
        self.message = QLabel()
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setWidget(page)

    def _heading(self) -> str:
        if self._kind == "design":
            return "Design"
        if self._kind == "theme":
            return "Theme"
        item = find(self.document.design, self._owner)
        if isinstance(item, Cue):
            return f"{item.polarity.capitalize()} cue '{item.id}'"
        return f"{self._kind.capitalize()} '{item.id}'"

    def _editor(self, spec: Field) -> QWidget:
        kind = spec.kind
        if kind in ("text", "optional", "id"):
            line = QLineEdit()
            if kind == "id":
                line.setMaxLength(SLUG_MAX)
                line.editingFinished.connect(lambda: self._rename(line.text().strip()))
            else:
                line.textEdited.connect(lambda text: self._set(spec, text))
                line.editingFinished.connect(self._seal)
            return line
        if kind in ("longtext", "optional_long"):
            box = TextBox()
            box.text_edited.connect(lambda text: self._set(spec, text))
            box.editing_finished.connect(self._seal)
            return box
        if kind == "zone":
            zones = QComboBox()  # filled by _show_zone: "id — name", the id as item data
            zones.activated.connect(lambda _index: self._set(spec, zones.currentData() or None))
            return zones
        if kind in ("choice", "optional_choice"):
            combo = QComboBox()
            if kind != "choice":
                combo.addItem(NONE)
            combo.addItems(list(spec.options))
            combo.activated.connect(lambda _index: self._set(spec, combo.currentText()))
            return combo
        if kind == "words":
            words = WordsEdit()
            words.words_edited.connect(lambda value: self._set(spec, value))
            words.editingFinished.connect(self._seal)
            return words
        if kind == "refs":
            picker = RefPicker()
            picker.refs_edited.connect(lambda value: self._set(spec, value))
            return picker
        if kind == "senses":
            toggles = SensesToggle()
            toggles.senses_edited.connect(lambda value: self._set(spec, value))
            return toggles
        if kind == "bool":
            check = QCheckBox()
            check.toggled.connect(lambda value: self._set(spec, value))
            return check
        spin = QSpinBox()
        if kind == "optional_int":
            spin.setRange(spec.low - 1, spec.high)
            spin.setSpecialValueText("not set")
        else:
            spin.setRange(spec.low, spec.high)
        spin.valueChanged.connect(lambda value: self._set(spec, value))
        return spin

    # -- showing values -----------------------------------------------------------------

    def _target(self) -> Any:
        design = self.document.design
        if self._owner == "design":
            return design
        if self._owner == "theme":
            return design.theme
        return find(design, self._owner)

    def refresh(self) -> None:
        """Put the model's values into the editors without causing edits."""
        if self._kind == "section":
            return
        target = self._target()
        for spec in TEXTS[self._kind]:
            editor = self.editors[spec.name]
            editor.blockSignals(True)
            try:
                self._show_value(spec, editor, getattr(target, spec.name))
                if spec.negative_only:
                    editor.setEnabled(isinstance(target, Cue) and target.is_negative)
            finally:
                editor.blockSignals(False)
        if self._kind == "theme":
            for realm in REALMS:
                spin = self.editors[f"realms.{realm}"]
                spin.blockSignals(True)
                spin.setValue(getattr(self.document.design.theme.realms, realm))  # type: ignore[attr-defined]
                spin.blockSignals(False)

    def _show_value(self, spec: Field, editor: QWidget, value: Any) -> None:
        if isinstance(editor, QLineEdit) and not isinstance(editor, WordsEdit):
            if editor.text() != (value or ""):
                editor.setText(value or "")
        elif isinstance(editor, WordsEdit):
            editor.set_words(value)
        elif isinstance(editor, TextBox):
            editor.set_text(value or "")
        elif isinstance(editor, QComboBox) and spec.kind == "zone":
            self._show_zone(editor, value)
        elif isinstance(editor, QComboBox):
            index = editor.findText(value if value is not None else NONE)
            editor.setCurrentIndex(max(0, index))
        elif isinstance(editor, RefPicker):
            editor.set_options(self._options(spec.options, value), value)
        elif isinstance(editor, SensesToggle):
            editor.set_senses(value)
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else value)

    def _show_zone(self, combo: QComboBox, value: str | None) -> None:
        """Zones as every other list shows them, "id — name"; a missing zone stays visible."""
        entries = [(NONE, "")]
        for zone in self.document.design.zones:
            name = zone.name.split("\n", 1)[0]
            entries.append((f"{zone.id} — {name}" if name else zone.id, zone.id))
        if value and all(zone_id != value for _, zone_id in entries):
            entries.append((f"{value}  (missing)", value))
        shown = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        if shown != entries:
            combo.clear()
            for text, zone_id in entries:
                combo.addItem(text, zone_id)
                combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(value or "")))

    def _options(self, kinds: tuple[str, ...], chosen: list[str]) -> list[tuple[str, str]]:
        design = self.document.design
        out: list[tuple[str, str]] = []
        tables: dict[str, list[Zone] | list[Touchpoint] | list[Cue] | list[Layer] | list[Souvenir]]
        tables = {
            "zone": design.zones,
            "touchpoint": design.touchpoints,
            "cue": design.cues,
            # A negative cue already chosen stays listed, so that it can be unticked.
            "positive cue": [c for c in design.cues if not c.is_negative or c.id in chosen],
        }
        for kind in kinds:
            for item in tables[kind]:
                if item.id == self._owner:
                    continue
                label = item.text if isinstance(item, Cue) else getattr(item, "name", "")
                if kind == "positive cue" and isinstance(item, Cue) and item.is_negative:
                    label = f"(a negative cue: untick it) {label}"
                out.append((item.id, label))
        return out

    # -- turning gestures into edits -------------------------------------------------------

    def _set(self, spec: Field, raw: Any) -> None:
        value = raw
        if spec.kind in ("optional", "optional_long"):
            value = raw if raw.strip() else None
        elif spec.kind in ("optional_choice", "zone"):
            value = None if raw == NONE else raw
        elif spec.kind == "optional_int":
            value = None if raw < spec.low else raw
        typing = spec.kind in ("text", "optional", "longtext", "optional_long", "words")
        owner = self._owner
        self._push(
            SetField(
                owner, spec.name, value, description=f"Edit {spec.label.lower()}", merge=typing
            )
        )

    def _push(self, edit: SetField | RenameId) -> None:
        error = self.document.push(edit)
        self.message.setText(error or "")

    def _seal(self) -> None:
        self.document.seal_typing()

    def _rename(self, new_id: str) -> None:
        if new_id == self._owner or self._owner in ("design", "theme"):
            return
        if not SLUG.match(new_id) or len(new_id) > SLUG_MAX:
            self.message.setText(
                f"'{new_id}' is not a valid id: lowercase letters, digits, '-' and '_'"
            )
            self.refresh()
            return
        old = self._owner
        error = self.document.push(RenameId(old, new_id))
        if error:
            self.message.setText(error)
            self.refresh()
            return
        self.message.setText("")
        self.document.select(new_id)

    def _on_changed(self, change: Change) -> None:
        owner = self._owner
        if self._kind == "section":  # the count and the list may have changed
            self.show_selection(owner)
            return
        if owner not in ("design", "theme"):
            try:
                find(self.document.design, owner)
            except ValueError:  # deleted or renamed (undo of a rename)
                self.show_selection(
                    self.document.selected if self.document.selected != owner else "design"
                )
                return
        self.refresh()
