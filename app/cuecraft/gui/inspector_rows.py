"""The inspector's rows: a label over each editor, the theme's realms and prices, the
fields only a negative cue has. Mixed into `Inspector`, which owns the state they fill.

The design's prices (`value`) are edited in the theme's form under its realms: the
theme is what guests pay the experience's premium for. Their fields are the
`TEXTS["value"]` ones; their edits are `SetField("value", name, amount)`. This module
marks no words of its own (they are in `inspector_fields`, in the panels' catalog).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from cuecraft.core.edits import RenameId, SetField
from cuecraft.core.model import REALMS
from cuecraft.core.validate import REALM_RANGE
from cuecraft.gui.inspector_fields import (
    TEXTS,
    Field,
    realm_label,
    value_heading,
    value_heading_tip,
)
from cuecraft.gui.inspector_forms import make_editor, name_field
from cuecraft.gui.inspector_section import subheading
from cuecraft.gui.widgets import FieldNote, with_note, wrapping_policy

if TYPE_CHECKING:
    from cuecraft.gui.document import Document

VALUE = "value"  # the owner of the design's prices, edited in the theme's form


class FormRows:
    """Building the rows of the inspector's form, and the owner of each field."""

    document: Document
    editors: dict[str, QWidget]
    notes: dict[str, FieldNote]
    _owner: str
    _kind: str
    _form: QFormLayout
    _specs: list[Field]  # the form's fields, the theme's prices included
    _rows: dict[str, tuple[QLabel, QWidget]]  # each field's label and editor row
    _money_labels: list[Callable[[], None]]  # labels naming the currency

    if TYPE_CHECKING:  # the Inspector's own

        def _text(self, redraw: Callable[[], None]) -> None: ...
        def _push(self, edit: SetField | RenameId) -> None: ...
        def _target(self) -> Any: ...

    def _add_rows(self, form: QFormLayout, kind: str) -> None:
        """Every row of the form of `kind`; the theme's realms and prices after its own."""
        self.editors, self.notes, self._rows, self._money_labels = {}, {}, {}, []
        self._specs = list(TEXTS[kind])
        for spec in TEXTS[kind]:
            self._add_row(form, spec)
        if kind != "theme":
            return
        for realm in REALMS:
            spin = QSpinBox()
            spin.setRange(*REALM_RANGE)
            spin.valueChanged.connect(
                lambda value, realm=realm: self._push(SetField("realms", realm, value))
            )
            self.editors[f"realms.{realm}"] = spin
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)  # as every field's label
            label.setBuddy(spin)
            self._text(partial(_name_realm, realm, label, spin))
            form.addRow(label, spin)
        heading = subheading()
        self._text(partial(_name_heading, heading))
        form.addRow(heading)
        self._specs.extend(TEXTS[VALUE])
        for spec in TEXTS[VALUE]:
            self._add_row(form, spec)

    def _add_row(self, form: QFormLayout, spec: Field) -> None:
        editor = make_editor(spec, self)  # type: ignore[arg-type]  # Inspector is the host
        # Fit the dock's width, however long the texts inside are.
        editor.setMinimumWidth(0)
        editor.setSizePolicy(QSizePolicy.Policy.Ignored, editor.sizePolicy().verticalPolicy())
        self.editors[spec.name] = editor
        note = FieldNote()
        self.notes[spec.name] = note
        label = QLabel()
        # Plain text: a price's label names the designer's currency, which is theirs to
        # spell ("<b>x</b>" is shown as typed, not in bold).
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setSizePolicy(wrapping_policy())
        label.setBuddy(editor)
        redraw = partial(self._name_field, spec, label, editor, note)
        self._text(redraw)
        if spec.money:  # the currency may change while the form is shown
            self._money_labels.append(redraw)
        # A row of its own, the dock's whole width, wrapped only where it must: as a
        # form's label Qt guesses its width and broke "Standard time (minutes)" at 90 px.
        row = with_note(editor, note)
        form.addRow(label)
        form.addRow(row)
        self._rows[spec.name] = (label, row)

    def _name_field(self, spec: Field, label: QLabel, editor: QWidget, note: FieldNote) -> None:
        currency = self.document.design.value.currency if spec.money else None
        name_field(spec, label, editor, note, currency)

    def _show_row(self, name: str, shown: bool) -> None:
        """Show or hide a field's label and editor (a positive cue has no severity)."""
        for widget in self._rows[name]:
            self._form.setRowVisible(widget, shown)

    def _show_realms(self) -> None:
        for realm in REALMS:
            spin = self.editors[f"realms.{realm}"]
            assert isinstance(spin, QSpinBox)
            spin.blockSignals(True)
            spin.setValue(getattr(self.document.design.theme.realms, realm))
            spin.blockSignals(False)

    # -- whose field it is ----------------------------------------------------------------

    def _is_value(self, spec: Field) -> bool:
        """Whether a field of the form is one of the design's prices (owner "value")."""
        return self._kind == "theme" and spec in TEXTS[VALUE]

    def _owner_of(self, spec: Field) -> str:
        return VALUE if self._is_value(spec) else self._owner

    def _value_of(self, name: str) -> Any:
        spec = next((s for s in self._specs if s.name == name), None)
        if spec is not None and self._is_value(spec):
            return getattr(self.document.design.value, name)
        return getattr(self._target(), name)


def _name_realm(realm: str, label: QLabel, spin: QSpinBox) -> None:
    label.setText(realm_label(realm))
    spin.setAccessibleName(label.text())


def _name_heading(heading: QLabel) -> None:
    heading.setText(value_heading())
    heading.setToolTip(value_heading_tip())
