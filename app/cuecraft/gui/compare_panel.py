"""The Comparison panel (File ▸ Compare with…): the diff of another design against the open one.

The other design is the as-is (old) side, the open design the new one, so the
panel says what the open design changes: scores, the design's own fields, items
added, removed, renamed and changed field by field, findings new and resolved
(compare_words). Activating a row selects its item everywhere, as activating a
finding does; an item only the other design has cannot be selected and is dimmed.

The panel follows the open design: once its checks have rerun and no edit has come
for a pause (longer for a big design), the diff is worked out again against the same
other design, only while the panel can be seen; a panel hidden behind another tab
catches up when it is shown. The open design's live check result is reused, without
the guest feedback's findings (`cuecraft diff` compares the designs alone, and the
other design has no feedback of its own here).

Typing must not wait for the panel (SPEC §7: never more than 50 ms a keystroke in a
10,000-cue design, whose diff takes 100 ms and more in one go). So the diff
(compare_work), its rows (compare_words) and the tree's new rows are made a slice of
a few milliseconds at a time, the window's events looked at in between; the rows
shown are swapped in at once at the end. An edit drops the work under way: the
design's items change under it, and the panel never shows a comparison of a state
older than the newest edit. It starts again after the check and pause that follow.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.check import CheckResult, check
from cuecraft.core.diff import DesignDiff
from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import _
from cuecraft.core.model import Design
from cuecraft.gui.compare_words import (
    Group,
    Row,
    as_is_title,
    finish,
    groups_in_slices,
    overall_text,
    same_text,
)
from cuecraft.gui.compare_work import diff_in_slices
from cuecraft.gui.document import BIG_DESIGN, Document
from cuecraft.gui.views._style import muted_text
from cuecraft.gui.views.journey_compare import AsIs

ROLE_SELECT = Qt.ItemDataRole.UserRole
ROLE_KEY = Qt.ItemDataRole.UserRole + 1
PAUSE_MS = 300  # after the open design's last check, before the diff is worked out again
BIG_PAUSE_MS = 1000  # the same for a design of more than BIG_DESIGN cues
SLICE_MS = 8  # work done before the window's events are looked at again
TREE_ROWS_PER_SLICE = 100  # rows of the tree made between two looks at the window's events


@dataclass
class OtherDesign:
    """The design compared with: read once from its file, checked in the current language."""

    path: Path
    design: Design
    result: CheckResult = field(init=False)
    as_is: AsIs = field(init=False)

    def __post_init__(self) -> None:
        self.recheck()
        self.as_is = AsIs(self.name, self.result.graph)  # one object: the journey keeps it

    @classmethod
    def load(cls, path: Path) -> OtherDesign:
        """Read `path`; raises DesignLoadError (with the problems' locations) when it cannot."""
        return cls(path, load_design(path))

    @property
    def name(self) -> str:
        return self.path.name

    def recheck(self) -> None:
        """Its findings again, in the language now set (its journey stays as it is)."""
        self.result = check(self.design)


def design_result(document: Document) -> CheckResult:
    """The open design's live check result, as `cuecraft diff` checks it: without the
    findings of its guest feedback (they score nothing)."""
    result = document.result
    if document.feedback is None:
        return result
    return replace(result, findings=[f for f in result.findings if f.principle != "feedback"])


class ComparisonPanel(QWidget):
    """The diff of `other` (as-is) → the open design, kept up to date with its edits."""

    stop_requested = Signal()

    def __init__(self, document: Document, other: OtherDesign, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.other = other
        self.diff: DesignDiff | None = None
        self._shown: list[Group] | None = None
        self._stale = False
        self._seen = True  # False while its dock is a tab behind another (set_seen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.stop = QToolButton()
        self.stop.clicked.connect(self.stop_requested)
        top.addWidget(self.title, 1)
        top.addWidget(self.stop, 0, Qt.AlignmentFlag.AlignTop)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        layout.addLayout(top)
        layout.addWidget(self.tree)
        self._timer = QTimer(self)  # the pause after the last check
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._begin)
        self._steps = QTimer(self)  # the next slice of the work, once the events are seen
        self._steps.setSingleShot(True)
        self._steps.setInterval(0)
        self._steps.timeout.connect(self._step)
        self._job: Generator[None, None, None] | None = None
        self._unchecked = False  # an edit whose check has not run yet
        document.changed.connect(self._edited)
        document.checked.connect(self._soon)
        self._name_widgets()
        self.refresh()

    # -- following the open design ---------------------------------------------------

    def set_seen(self, seen: bool) -> None:
        """Its dock's tab came to the front (True) or went behind another (False)."""
        self._seen = seen
        if seen and self._stale:
            self._timer.start(0)

    def _edited(self, _change: object) -> None:
        # The work under way compares items the edit may have changed: dropped. The check
        # that follows every edit starts the pause again (_soon).
        self._unchecked = True
        self._drop()

    def _soon(self) -> None:
        self._unchecked = False
        self._drop()
        if not (self._seen and self.isVisible()):
            self._stale = True
            return
        big = len(self.document.design.cues) > BIG_DESIGN
        self._timer.start(BIG_PAUSE_MS if big else PAUSE_MS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._seen:
            self._timer.start(0)

    def refresh(self) -> None:
        """Work the diff out again now, at once; the rows are drawn again only if they differ."""
        self._drop()
        self._stale = False
        finish(self._work())

    def _drop(self) -> None:
        self._timer.stop()
        self._steps.stop()
        self._job = None

    def _begin(self) -> None:
        if self._unchecked:  # the findings are of an older state: the check starts it again
            return
        self._stale = False
        self._job = self._work()
        self._steps.start()

    def _step(self) -> None:
        """A slice of the work under way, then back to the window's events."""
        job = self._job
        deadline = time.perf_counter() + SLICE_MS / 1000
        while job is not None and job is self._job:
            try:
                next(job)
            except StopIteration:
                self._job = None
                return
            if time.perf_counter() >= deadline:
                self._steps.start()
                return

    def _work(self) -> Generator[None, None, None]:
        """The diff, its rows and the tree's new rows, a slice at a time; then, at once,
        what the panel shows."""
        other, new = self.other, self.document.design
        diff = yield from diff_in_slices(
            other.design, new, other.result, design_result(self.document)
        )
        groups = yield from groups_in_slices(diff, other.design, new)
        tops = None
        if groups != self._shown:
            tops = yield from self._tree_rows(groups, diff.same)
        self.diff = diff
        self.title.setText(f"{as_is_title(other.name)}   {overall_text(diff)}")
        if tops is not None:
            self._shown = groups
            self._show_rows(tops)

    def _tree_rows(
        self, groups: list[Group], same: bool
    ) -> Generator[None, None, list[QTreeWidgetItem]]:
        """The tree's rows for `groups`, made apart from the tree."""
        dim = QBrush(muted_text(self.palette()))
        tops = []
        if same:
            tops.append(QTreeWidgetItem([same_text()]))
        made = 0
        for group in groups:
            top = QTreeWidgetItem([group.title])
            top.setData(0, ROLE_KEY, group.key)
            tops.append(top)
            for row in group.rows:
                item = _row_item(top, row, dim)
                item.setData(0, ROLE_KEY, f"{group.key}/{row.select}")
                for child in row.children:
                    _row_item(item, child, dim)
                made += 1 + len(row.children)
                if made >= TREE_ROWS_PER_SLICE:
                    made = 0
                    yield
        return tops

    def _show_rows(self, tops: list[QTreeWidgetItem]) -> None:
        """`tops` in place of the rows shown, with the groups folded and the items opened
        as the person left them, scrolled where they were."""
        tree = self.tree
        collapsed, expanded = self._expansion()
        scroll = tree.verticalScrollBar().value()
        tree.setUpdatesEnabled(False)
        tree.clear()  # the tree is laid out again once, later: unfolding here costs nothing
        tree.addTopLevelItems(tops)
        groups = [top for top in tops if top.data(0, ROLE_KEY) is not None]
        for top in groups:
            top.setExpanded(top.data(0, ROLE_KEY) not in collapsed)
            if expanded:
                for j in range(top.childCount()):
                    child = top.child(j)
                    if child is not None and child.data(0, ROLE_KEY) in expanded:
                        child.setExpanded(True)
        # After unfolding: a spanned row lays the tree out at once (Qt's setFirstColumnSpanned).
        for top in groups:
            top.setFirstColumnSpanned(True)
        tree.setUpdatesEnabled(True)
        tree.verticalScrollBar().setValue(scroll)

    def _expansion(self) -> tuple[set[str], set[str]]:
        """The groups the person folded and the changed items they opened, kept across
        a redraw."""
        collapsed, expanded = set(), set()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            if not top.isExpanded():
                collapsed.add(str(top.data(0, ROLE_KEY)))
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.isExpanded():
                    expanded.add(str(child.data(0, ROLE_KEY)))
        return collapsed, expanded

    # -- words -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tree"):
            self.retranslate()

    def retranslate(self) -> None:
        """Every word again in the language now set (the other design's findings too)."""
        self._name_widgets()
        self.other.recheck()
        self._shown = None
        self.refresh()

    def _name_widgets(self) -> None:
        # TRANSLATORS: a button in the Comparison panel: close it and the journey's as-is curve
        self.stop.setText(_("Stop comparing"))
        # TRANSLATORS: a screen reader's name for the Comparison panel's list
        self.tree.setAccessibleName(_("what changes"))

    # -- activating ----------------------------------------------------------------------

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        subject = item.data(0, ROLE_SELECT)
        if isinstance(subject, str) and subject:
            self.document.select(subject)

    # -- read-only helpers (tests) -------------------------------------------------------

    def groups(self) -> dict[str, list[str]]:
        """Each group's key and the texts of its rows, as listed."""
        return {g.key: [r.text for r in g.rows] for g in self._shown or []}

    def group_titles(self) -> list[str]:
        return [g.title for g in self._shown or []]

    def row(self, group: str, text: str) -> QTreeWidgetItem:
        """The tree's row of `group` whose text starts with `text`."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None or top.data(0, ROLE_KEY) != group:
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None and child.text(0).startswith(text):
                    return child
        raise KeyError(f"{group}: {text}")


def _row_item(parent: QTreeWidgetItem, row: Row, dim: QBrush) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent, [row.text, row.kind])
    item.setData(0, ROLE_SELECT, row.select)
    if row.tip:
        item.setToolTip(0, row.tip)
    if row.dim:
        item.setForeground(0, dim)
        item.setForeground(1, dim)
    if not row.select:
        # Nothing to select (an item only the other design has, a score): never highlighted.
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    return item
