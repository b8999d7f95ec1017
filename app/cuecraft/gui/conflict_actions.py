"""Settling merge conflicts from the findings panel: "Take theirs" and "Keep ours".

`cuecraft merge` keeps ours and records theirs under `x-merge-conflicts`; the check
reports each entry as MRG001 (core/rules/merges.py). Here the designer picks, per
conflict, which side stays: one undoable step (core/conflicts.resolve) that also
removes the entry, so its finding goes and Undo brings both back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from cuecraft.core.conflicts import Recorded, recorded_conflicts, resolve
from cuecraft.core.edits import EditError
from cuecraft.core.findings import Finding
from cuecraft.core.i18n import N_, _
from cuecraft.core.itemfields import CONFLICTS_KEY
from cuecraft.core.rules.merges import message, shown
from cuecraft.core.yamltree import Plain
from cuecraft.gui.document import Document

SHORTEST = 8  # letters a choice's button shows at the least

# The choices for a whole item in question, by what happened to it (core/merge.py).
WHOLE_ITEM = {
    # TRANSLATORS: merge conflict choices: the other side deleted the item, ours changed it
    "deleted there": (N_("Take theirs (delete it)"), N_("Keep ours (keep it)")),
    # TRANSLATORS: merge conflict choices: our side deleted the item, theirs changed it
    "deleted here": (N_("Take theirs (restore it)"), N_("Keep ours (stays deleted)")),
    # TRANSLATORS: merge conflict choices: both sides added one id as different items
    "both": (N_("Take theirs (their item)"), N_("Keep ours (our item)")),
}


def recorded_for(design: Any, conflicts: Sequence[Finding], position: int) -> Recorded | None:
    """The `x-merge-conflicts` entry the `position`-th MRG001 finding is about.

    The rule writes one finding per entry with `message(entry)`; the findings are
    sorted by line, which a design never saved does not keep in file order, so the
    entry is found by its message (the n-th finding with a message is the n-th entry
    with it: equal messages come from one item, whose line keeps their order)."""
    if not 0 <= position < len(conflicts):
        return None
    said = conflicts[position].message
    before = sum(1 for f in conflicts[:position] if f.message == said)
    same = [entry for entry in recorded_conflicts(design) if message(entry) == said]
    return same[before] if before < len(same) else None


def _absent(value: Any) -> bool:
    """Nothing recorded on that side: the item is deleted there."""
    return value is None or (isinstance(value, Plain) and str(value) in ("null", "~", ""))


def choice_text(entry: Recorded, take_theirs: bool) -> tuple[str, str]:
    """What a choice's button says, as a template with `{value}` and the value it shows
    ("" when the words say it all): "Take theirs ({value})", "3"."""
    side = 0 if take_theirs else 1
    if not entry.readable:  # Take theirs then says why it cannot (core/conflicts.resolve)
        return (_("Take theirs"), _("Keep ours"))[side], ""
    if entry.field is None:  # the whole item: deleted on one side, changed on the other
        case = (
            "deleted there"
            if _absent(entry.theirs)
            else "deleted here"
            if _absent(entry.ours)
            else "both"
        )
        return _(WHOLE_ITEM[case][side]), ""
    # TRANSLATORS: a merge conflict's choice; {value} is the value it keeps or puts in
    template = (_("Take theirs ({value})"), _("Keep ours ({value})"))[side]
    return template, shown(entry.theirs if take_theirs else entry.ours)


def full_text(entry: Recorded, take_theirs: bool) -> str:
    template, value = choice_text(entry, take_theirs)
    return template.format(value=value) if value else template


def choice_tip(entry: Recorded, take_theirs: bool) -> str:
    return "{choice}\n\n{after}".format(
        choice=full_text(entry, take_theirs),
        # TRANSLATORS: the tip of "Take theirs" and "Keep ours"; {key} is x-merge-conflicts
        after=_(
            "One undo step: the conflict's entry leaves “{key}” and its finding goes; "
            "Undo brings both back."
        ).format(key=CONFLICTS_KEY),
    )


def undo_name(entry: Recorded, take_theirs: bool) -> str:
    """The undo step's name: "Take theirs for “storm”"."""
    subject = entry.id or entry.field or CONFLICTS_KEY
    if take_theirs:
        # TRANSLATORS: an undo step, as in "Undo Take theirs for “storm”"
        return _("Take theirs for “{subject}”").format(subject=subject)
    # TRANSLATORS: an undo step, as in "Undo Keep ours for “storm”"
    return _("Keep ours for “{subject}”").format(subject=subject)


def settle(document: Document, entry: Recorded, take_theirs: bool) -> str | None:
    """Resolve one conflict as one undo step; the reason instead when it cannot be
    (then nothing changed: a Batch undoes what it applied before the refusal)."""
    try:
        edit = resolve(document.design, entry, take_theirs)
    except EditError as error:
        return str(error)
    return document.push(edit, lambda: undo_name(entry, take_theirs))


def refused_title() -> str:
    # TRANSLATORS: the title of the message shown when Take theirs cannot be done
    return _("The merge conflict is not resolved")


def add_choices(menu: QMenu, entry: Recorded, choose: Callable[[bool], None]) -> None:
    """The two choices in a context menu, with the same words as the buttons."""
    for take_theirs in (True, False):
        action = menu.addAction(full_text(entry, take_theirs))
        action.setToolTip(choice_tip(entry, take_theirs))
        action.triggered.connect(lambda _checked=False, t=take_theirs: choose(t))
    menu.setToolTipsVisible(True)


class ChoiceButton(QPushButton):
    """A button whose value is shortened to the width it gets (a long title must not
    widen the findings dock), keeping the words around it: "Take theirs (Rainfo…)"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._template, self._value = "", ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_choice(self, template: str, value: str, tip: str) -> None:
        self._template, self._value = template, value
        self.setToolTip(tip)
        self.setAccessibleName(self.full_text())
        self._fit()

    def full_text(self) -> str:
        return self._template.format(value=self._value) if self._value else self._template

    def minimumSizeHint(self) -> QSize:
        # A few letters, the rest elided: the words of a long language (or a long value)
        # must not widen the findings dock, and the whole text is in the tooltip.
        shortest = self.full_text()[:SHORTEST] + "…"
        return QSize(self._text_room(shortest), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(self._text_room(self.full_text()), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _text_room(self, text: str) -> int:
        """The button width that shows `text` whole (the words and the style's margins)."""
        metrics = self.fontMetrics()
        option = QStyleOptionButton()
        self.initStyleOption(option)
        words = QSize(metrics.horizontalAdvance(text), metrics.height())
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, words, self)
        return size.width()

    def _fit(self) -> None:
        """Show what fits: the whole text, else the words with the value shortened,
        else the text shortened."""
        full = self.full_text()
        metrics = self.fontMetrics()
        if self._text_room(full) <= self.width():
            self.setText(full)
            return
        elide = Qt.TextElideMode.ElideRight
        if self._value:
            room = self.width() - self._text_room(self._template.format(value=""))
            value = metrics.elidedText(self._value, elide, room)
            if len(value) > SHORTEST // 2:  # enough of the value to recognise it
                self.setText(self._template.format(value=value))
                return
        room = self.width() - self._text_room("")
        self.setText(metrics.elidedText(full, elide, max(room, 0)))


class ConflictChoices(QWidget):
    """The two choices for the merge conflict selected in the findings: shown under the
    list only while an MRG001 finding is current."""

    chosen = Signal(bool)  # True: take theirs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.take = ChoiceButton(self)
        self.keep = ChoiceButton(self)
        self.take.clicked.connect(lambda: self.chosen.emit(True))
        self.keep.clicked.connect(lambda: self.chosen.emit(False))
        # No stretch: a short room is shared by what each text needs, not half and half.
        layout.addWidget(self.take)
        layout.addWidget(self.keep)
        self.entry: Recorded | None = None
        self.hide()

    def show_for(self, entry: Recorded | None) -> None:
        """Offer the choices for `entry`, or hide them (None)."""
        self.entry = entry
        if entry is None:
            self.hide()
            return
        # TRANSLATORS: the accessible name of the buttons under a selected merge conflict
        self.setAccessibleName(_("merge conflict choices"))
        for button, take_theirs in ((self.take, True), (self.keep, False)):
            template, value = choice_text(entry, take_theirs)
            button.set_choice(template, value, choice_tip(entry, take_theirs))
        self.show()
