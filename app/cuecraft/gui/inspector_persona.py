"""A persona's emotions in the inspector: every touchpoint in journey order, the
touchpoint's own target emotion beside it, and the persona's own where it differs.

A touchpoint the persona skips is shown dimmed: they never feel anything there, so
there is nothing to set (an override already written for it stays editable, so that
it can be cleared). An override for a touchpoint the design lacks stays listed, in
red, until it is cleared. The words come from `inspector_fields` (this module marks
none of its own, so its strings stay in the panels' catalog).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from cuecraft.core.edits import find
from cuecraft.core.model import Design, Persona
from cuecraft.gui.inspector_fields import (
    missing_label,
    override_headings,
    override_name,
    override_tips,
    skipped_label,
)
from cuecraft.gui.inspector_forms import OptionalSpin
from cuecraft.gui.widgets import ERROR_COLOUR, wrapping_policy

NO_OVERRIDE = "–"  # what an empty override and a touchpoint without a target show


@dataclass(frozen=True)
class OverrideRow:
    """One touchpoint of a persona's emotions."""

    touchpoint: str
    name: str  # the first line of its name, or its id
    target: int | None  # the touchpoint's own target emotion
    skipped: bool
    missing: bool = False  # an override for a touchpoint the design lacks


def journey_touchpoints(design: Design, journey_order: Sequence[str]) -> list[str]:
    """Every touchpoint id in journey order; one the last check has not seen yet (just
    added) comes after them, in file order."""
    known = [t.id for t in design.touchpoints]
    present = set(known)
    ordered = [t for t in journey_order if t in present]
    seen = set(ordered)
    return ordered + [t for t in known if t not in seen]


def override_rows(design: Design, persona_id: str, order: Sequence[str]) -> list[OverrideRow]:
    """The rows of a persona's emotions: the touchpoints in `order`, then any override
    whose touchpoint is missing."""
    persona = find(design, persona_id)
    assert isinstance(persona, Persona)
    touchpoints = {t.id: t for t in design.touchpoints}
    rows = []
    for tp_id in order:
        tp = touchpoints[tp_id]
        name = tp.name.split("\n", 1)[0] or tp.id
        rows.append(OverrideRow(tp_id, name, tp.emotion, tp_id in persona.skips))
    rows += [
        OverrideRow(key, key, None, False, missing=True)
        for key in persona.emotion
        if key not in touchpoints
    ]
    return rows


def with_override(
    emotion: Mapping[str, int], touchpoint: str, value: int | None, order: Sequence[str]
) -> dict[str, int]:
    """A persona's emotions with the one at `touchpoint` set (None: dropped). The others
    keep their order as written; a new one goes before the first that comes later on the
    journey, so a file written in journey order stays so."""
    out = {k: v for k, v in emotion.items() if k != touchpoint}
    if value is None:
        return out
    if touchpoint in emotion:
        return {k: (value if k == touchpoint else v) for k, v in emotion.items()}
    place = {t: i for i, t in enumerate(order)}
    mine = place.get(touchpoint, len(place))
    keys = list(out)
    at = next((i for i, k in enumerate(keys) if place.get(k, len(place)) > mine), len(keys))
    keys.insert(at, touchpoint)
    out[touchpoint] = value
    return {k: out[k] for k in keys}


class OverrideSpin(OptionalSpin):
    """A persona's emotion at one touchpoint, or none. A step from none starts at the
    touchpoint's target (up: one above it), not at the bottom of the scale; a step down
    from the bottom stays there (none would mean "as the target", a jump up)."""

    start = 0  # the touchpoint's target emotion

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(low, high, parent)
        # A wheel turned to scroll the inspector past a column of these must not set
        # the emotions it passes over: only a box clicked or tabbed into takes it.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the scroll area scrolls

    def stepBy(self, steps: int) -> None:
        lowest = self.minimum() + 1
        if self.number() is None:
            self.setValue(max(lowest, min(self.maximum(), self.start + steps)))
        else:
            self.setValue(max(lowest, min(self.maximum(), self.value() + steps)))


class EmotionOverrides(QWidget):
    """A persona's emotion at each touchpoint, next to the touchpoint's target emotion."""

    override_edited = Signal(str, object)  # touchpoint id, the number or None
    editing_finished = Signal()

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._low, self._high = low, high
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        self.headings = [QLabel(self) for _column in range(3)]
        for column, heading in enumerate(self.headings):
            heading.setStyleSheet("color: palette(placeholder-text);")
            heading.setWordWrap(column == 0)
            align = Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignHCenter
            self.grid.addWidget(heading, 0, column, align | Qt.AlignmentFlag.AlignBottom)
        self.rows: list[OverrideRow] = []
        self.names: dict[str, QLabel] = {}
        self.targets: dict[str, QLabel] = {}
        self.spins: dict[str, OverrideSpin] = {}
        self.retranslate()

    def retranslate(self) -> None:
        """The headings, tips and row names in the current language."""
        target_tip, theirs_tip = override_tips()
        for heading, text in zip(self.headings, override_headings(), strict=True):
            heading.setText(text)
        self.headings[1].setToolTip(target_tip)
        self.headings[2].setToolTip(theirs_tip)
        for row in self.rows:
            self._word_row(row)

    def show_overrides(self, rows: list[OverrideRow], emotion: Mapping[str, int]) -> None:
        """Show these rows with the persona's emotions, without causing an edit."""
        if [r.touchpoint for r in rows] != [r.touchpoint for r in self.rows]:
            self._build(rows)
        self.rows = list(rows)
        for row in rows:
            self._word_row(row)
            spin = self.spins[row.touchpoint]
            value = emotion.get(row.touchpoint)
            spin.setEnabled(not row.skipped or value is not None)
            spin.blockSignals(True)
            spin.set_number(value)
            spin.blockSignals(False)

    def _build(self, rows: list[OverrideRow]) -> None:
        for widgets in (self.names, self.targets, self.spins):
            for widget in widgets.values():
                # Later, not now: a spin box may be the one whose change rebuilt the rows.
                self.grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.names, self.targets, self.spins = {}, {}, {}
        for index, row in enumerate(rows, start=1):
            name = QLabel(self)
            name.setWordWrap(True)
            name.setTextFormat(Qt.TextFormat.PlainText)
            name.setSizePolicy(wrapping_policy())
            target = QLabel(self)
            target.setAlignment(Qt.AlignmentFlag.AlignCenter)
            spin = OverrideSpin(self._low, self._high, self)
            spin.setSpecialValueText(NO_OVERRIDE)
            name.setBuddy(spin)
            tp = row.touchpoint
            spin.valueChanged.connect(lambda _v, tp=tp, spin=spin: self._edited(tp, spin))
            spin.editingFinished.connect(self.editing_finished)
            self.grid.addWidget(name, index, 0)
            self.grid.addWidget(target, index, 1)
            self.grid.addWidget(spin, index, 2)
            self.names[tp], self.targets[tp], self.spins[tp] = name, target, spin

    def _word_row(self, row: OverrideRow) -> None:
        name, target = self.names[row.touchpoint], self.targets[row.touchpoint]
        spin = self.spins[row.touchpoint]
        spin.start = row.target or 0
        if row.missing:
            name.setText(missing_label(row.touchpoint))
            name.setStyleSheet(f"color: {ERROR_COLOUR};")
        else:
            name.setText(skipped_label(row.name) if row.skipped else row.name)
        tip = row.touchpoint if row.name == row.touchpoint else f"{row.touchpoint} — {row.name}"
        name.setToolTip(tip)
        target.setText(NO_OVERRIDE if row.target is None else str(row.target))
        target_tip, theirs_tip = override_tips()
        target.setToolTip(target_tip)
        spin.setToolTip(theirs_tip)
        spin.setAccessibleName(override_name(row.name))
        # Dimmed: the persona never gets there.
        for widget in (name, target):
            widget.setEnabled(not row.skipped)

    def _edited(self, touchpoint: str, spin: OverrideSpin) -> None:
        self.override_edited.emit(touchpoint, spin.number())
