"""The inspector: every field of the selected item, each change an undoable edit.

The core says whether a value may go in (`Document.push` returns its message).
A refused value never reaches the model, and what was typed is not thrown away:
the field keeps it, framed in red, with the core's message in a note right under
it, until it is fixed or Esc puts back the value of the model. Free text applies
at every keystroke (one undo step per field); an id or a language tag applies
when editing ends (Enter, Tab, a click elsewhere), since "Po" on the way to
"Polish" is a tag of its own and must not slip in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMainWindow, QScrollArea, QVBoxLayout, QWidget

from cuecraft.core.edits import Change, EditError, RenameId, SetField, find
from cuecraft.core.i18n import N_, _, pgettext
from cuecraft.core.model import Cue, kind_of
from cuecraft.gui.document import Document
from cuecraft.gui.inspector_fields import Field, amount_problem, edit_label
from cuecraft.gui.inspector_forms import (
    TYPED,
    line_ends,
    lists_items,
    parse_amount,
    show_value,
    typed_text,
)
from cuecraft.gui.inspector_persona import journey_touchpoints, with_override
from cuecraft.gui.inspector_rows import FormRows
from cuecraft.gui.inspector_section import heading_label, is_section, section_page
from cuecraft.gui.widgets import FieldLine, FieldNote, TextBox, mark_refused

SECTION = "section:"  # a selection naming a section of the outline, e.g. "section:zones"
# Numbers are set by typing or by steps: one undo step per field, like typed text.
MERGED = (*TYPED, "optional_int", "overrides", "amount")
# The heading of the form of each kind of item; {id} is the item's id.
HEADINGS = {
    "zone": N_("Zone “{id}”"),
    "touchpoint": N_("Touchpoint “{id}”"),
    "positive cue": N_("Positive cue “{id}”"),
    "negative cue": N_("Negative cue “{id}”"),
    "layer": N_("Sensory layer “{id}”"),
    "souvenir": N_("Souvenir “{id}”"),
    "action": N_("Action “{id}”"),
    "persona": N_("Persona “{id}”"),
}


def not_applied() -> str:
    return _("Not applied: the design keeps its previous value (Esc puts it back here).")


class Inspector(FormRows, QScrollArea):
    """Shows and edits whatever `document.selected` names."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(280)
        self.editors: dict[str, QWidget] = {}
        self.notes: dict[str, FieldNote] = {}
        self._specs: list[Field] = []  # the form's fields, the theme's prices included
        self._form = QFormLayout()
        self._rows: dict[str, tuple[QLabel, QWidget]] = {}  # each field's label and editor row
        self._money_labels: list[Callable[[], None]] = []  # labels naming the currency
        # Fields whose text is not (yet) the model's: the model's value when they parted.
        self._unapplied: dict[str, Any] = {}
        self._owner = ""
        self._kind = ""
        self._override_at = ""  # the touchpoint of a persona's emotion last set
        # What redraws the form's words in the current language (see `retranslate`).
        self._texts: list[Callable[[], None]] = []
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(highlight);")
        document.selection_changed.connect(self.show_selection)
        document.changed.connect(self._on_changed)
        # A persona's touchpoints stand in journey order, which the check works out.
        document.checked.connect(self._on_checked)
        self.show_selection(document.selected or "design")
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        # A switch of language (Preferences ▸ Language) reaches every widget as this event.
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Redraw every word in the current language, keeping what is typed but not applied."""
        self.setAccessibleName(_("inspector"))
        if self._kind == "section":
            self.show_selection(self._owner)
            return
        for redraw in self._texts:
            redraw()
        self.refresh()

    def _text(self, redraw: Callable[[], None]) -> None:
        """Draw a word of the form now, and again on each change of language."""
        redraw()
        self._texts.append(redraw)

    # -- building the form ------------------------------------------------------------

    def show_selection(self, selected: str) -> None:
        self._tell_dropped()
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
        self._texts, self._override_at = [], ""
        page = QWidget()
        layout = QVBoxLayout(page)
        heading = heading_label("")
        self._text(lambda: heading.setText(self._heading()))
        layout.addWidget(heading)
        form = self._form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above fields: the inspector is a narrow dock.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._add_rows(form, kind)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._set_page(page)
        self.refresh()

    def _show_section(self, key: str) -> None:
        """A section's heading was chosen in the outline: what is in it, and how to edit it."""
        if not is_section(key):
            self.show_selection("design")
            return
        self._owner, self._kind = SECTION + key, "section"
        self.editors, self.notes = {}, {}
        self._texts = []
        page, self.message = section_page(self.document.design, key)
        self._set_page(page)

    def _set_page(self, page: QWidget) -> None:
        """Show a new form. The old one goes later, not now: it may be rebuilt from inside
        a signal of one of its own fields (Tab out of the id renames the item), and
        deleting a field in the middle of its own focus-out event crashes the app."""
        old = self.takeWidget()
        self.setWidget(page)
        if old is not None:
            old.setParent(self)
            old.hide()
            old.deleteLater()

    def _heading(self) -> str:
        if self._kind == "design":
            return _("Design")
        if self._kind == "theme":
            return _("Theme")
        item = find(self.document.design, self._owner)
        kind = f"{item.polarity} cue" if isinstance(item, Cue) else self._kind
        return _(HEADINGS[kind]).format(id=item.id) if kind in HEADINGS else item.id

    # -- showing values -----------------------------------------------------------------

    def _target(self) -> Any:
        design = self.document.design
        if self._owner == "design":
            return design
        if self._owner == "theme":
            return design.theme
        return find(design, self._owner)

    def refresh(self, only: frozenset[str] | None = None) -> None:
        """Put the model's values into the editors without causing edits. With `only`,
        the item's own fields changed and nothing else: the lists of other items (every
        zone or touchpoint of a large design) stay as they are, except in those fields."""
        if self._kind == "section":
            return
        target = self._target()
        order = self._journey_order() if self._kind == "persona" else ()
        negative = isinstance(target, Cue) and target.is_negative
        for spec in self._specs:
            editor = self.editors[spec.name]
            if only is not None and spec.name not in only and lists_items(spec, editor):
                continue
            value = self._value_of(spec.name)
            if spec.negative_only:  # a positive cue has no severity, owner, remedy, …
                self._show_row(spec.name, negative)
            if spec.name in self._unapplied:
                if self._unapplied[spec.name] == value:
                    continue  # the model did not move: keep what the person typed
                self._settle(spec.name)  # undone, or changed elsewhere: the model wins
            editor.blockSignals(True)
            try:
                show_value(spec, editor, value, self.document.design, self._owner, order)
            finally:
                editor.blockSignals(False)
        for redraw in self._money_labels:
            redraw()
        if self._kind == "theme":
            self._show_realms()

    def _journey_order(self) -> list[str]:
        return journey_touchpoints(self.document.design, self.document.result.graph.journey_order)

    # -- turning gestures into edits -------------------------------------------------------

    def _set(self, spec: Field, raw: Any) -> None:
        if spec.kind in TYPED:  # pasted Windows or old-Mac line ends become line breaks
            raw = [line_ends(w) for w in raw] if isinstance(raw, list) else line_ends(raw)
        value = raw
        if spec.kind == "amount":  # the field holds digits and one decimal mark
            try:
                value = parse_amount(raw)
            except ValueError:  # "." alone: not a number yet
                self._refuse(spec.name, amount_problem())
                return
        elif spec.kind == "level":  # "" for not rated, else "1".."3"
            value = int(raw) if raw else None
        elif spec.kind in ("optional", "optional_long"):
            value = raw if raw.strip() else None
        elif spec.kind in ("optional_choice", "zone"):
            value = raw or None
        elif spec.kind == "optional_int":  # the editor gives None for "not set"
            value = None if raw is None or raw < spec.low else raw
        elif spec.kind == "overrides":  # one touchpoint's emotion, one undo step each
            touchpoint, number = raw
            if touchpoint != self._override_at:
                self._seal()
            self._override_at = touchpoint
            order = self._journey_order()
            value = with_override(self._value_of(spec.name), touchpoint, number, order)
        typing = spec.kind in (*TYPED, "amount")
        merge = spec.kind in MERGED
        owner = self._owner_of(spec)
        edit = SetField(owner, spec.name, value, description=edit_label(spec), merge=merge)
        error = self.document.push(edit)
        if error is None:
            self._settle(spec.name)
        elif typing:
            self._refuse(spec.name, error)
        else:  # a list, a box or a toggle holds nothing typed: show the model again
            self.notes[spec.name].say(error)
            self.refresh()

    def _push(self, edit: SetField | RenameId) -> None:
        error = self.document.push(edit)
        self.message.setText(error or "")

    def _seal(self) -> None:
        self.document.seal_typing()

    # An id or a language tag: checked while typed, applied when editing ends.

    def _edit_on_finish(self, spec: Field, text: str) -> SetField | RenameId | None:
        """The edit that typing `text` asks for, or None when it is the model's value."""
        if spec.kind == "id":
            new_id = text.strip()
            return None if new_id == self._owner else RenameId(self._owner, new_id)
        tag = text.strip() or None
        if tag == self._value_of(spec.name):
            return None
        return SetField(self._owner_of(spec), spec.name, tag, description=edit_label(spec))

    def _preview(self, spec: Field, text: str) -> None:
        edit = self._edit_on_finish(spec, text)
        if edit is None:
            self._settle(spec.name)
            return
        try:
            edit.check(self.document.design)
        except EditError as error:
            self._refuse(spec.name, str(error))
        else:  # fine, and applied when editing ends; until then the model keeps its value
            self._hold(spec.name)
            self.notes[spec.name].say("")
            mark_refused(self.editors[spec.name], False)

    def _finish(self, spec: Field, text: str) -> None:
        edit = self._edit_on_finish(spec, text)
        if edit is None:
            self._settle(spec.name)
            return
        self._settle(spec.name)  # the model's answer decides what the field shows next
        error = self.document.push(edit)
        if error:
            self._refuse(spec.name, error)
        elif isinstance(edit, RenameId):
            self.document.select(edit.new_id)

    # What is typed but not applied.

    def _hold(self, name: str) -> None:
        if name not in self._unapplied:
            self._unapplied[name] = self._value_of(name)
        editor = self.editors[name]
        if isinstance(editor, FieldLine | TextBox):
            editor.escape_puts_back = True

    def _refuse(self, name: str, message: str) -> None:
        """Keep what was typed, framed in red, with the core's message under it."""
        self._hold(name)
        self.notes[name].say(f"{message}\n{not_applied()}")
        mark_refused(self.editors[name], True)

    def _settle(self, name: str) -> None:
        """The field and the model agree again: no frame, no note."""
        self._unapplied.pop(name, None)
        editor = self.editors.get(name)
        if editor is None:
            return
        if isinstance(editor, FieldLine | TextBox):
            editor.escape_puts_back = False
        self.notes[name].say("")
        mark_refused(editor, False)

    def _put_back(self, name: str) -> None:
        """Esc: drop what was typed and show the model's value."""
        self._settle(name)
        self.refresh()

    def _tell_dropped(self) -> None:
        """The form is rebuilt: say what typed text goes unapplied, so none goes silently."""
        lost = []
        labels = {spec.name: spec.label for spec in self._specs}
        for name in self._unapplied:
            editor = self.editors.get(name)
            typed = typed_text(editor)
            if typed is None or name not in labels:
                continue
            reason = self.notes[name].text().split("\n", 1)[0] if name in self.notes else ""
            field = _(labels[name])
            if reason:
                lost.append(
                    _("{field} “{typed}” was not applied: {reason}").format(
                        field=field, typed=typed, reason=reason
                    )
                )
            else:
                lost.append(_("{field} “{typed}” was not applied").format(field=field, typed=typed))
        self._unapplied = {}
        if not lost:
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(pgettext("list separator", "; ").join(lost), 20_000)

    def _on_checked(self) -> None:
        if self._kind == "persona":
            self.refresh()

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
        # Typing into one field of the item shown: the other editors (lists of every zone
        # or touchpoint, in a large design) show what they showed.
        fields = change.fields
        own = owner not in ("design", "theme") and change.ids == {owner}
        if own and fields is not None and "polarity" not in fields:
            self.refresh(only=fields)
            return
        self.refresh()
