"""The findings panel: the scorecard, then findings grouped by principle; under them,
for a selected merge conflict (MRG001), "Take theirs" and "Keep ours" (conflict_actions)."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import QLabel, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from cuecraft.core.conflicts import CODE as CONFLICT
from cuecraft.core.conflicts import Recorded
from cuecraft.core.explain import SENTENCE_NAME_LIMIT
from cuecraft.core.findings import (
    Finding,
)
from cuecraft.core.i18n import _, format_number
from cuecraft.core.names import Names
from cuecraft.gui import dialogs
from cuecraft.gui.document import Document
from cuecraft.gui.finding_subject import finding_subject
from cuecraft.gui.findings_rows import (
    LISTED,
    ROLE_FINDING,
    FindingRow,
    finding_keys,
    group_text,
    group_title,
    grouped,
    more_text,
    severity_label,
)
from cuecraft.gui.widgets import unbroken

if TYPE_CHECKING:
    from cuecraft.gui.conflict_actions import ConflictChoices

__all__ = ["ROLE_FINDING", "FindingRow", "FindingsPanel", "group_title", "severity_label"]


class FindingsPanel(QWidget):
    """Activating a finding selects its subject in every view."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.score = QLabel()
        self.score.setTextFormat(Qt.TextFormat.PlainText)
        self.score.setWordWrap(True)
        self.tree = FindingsTree(self)
        self.tree.setColumnCount(3)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        # Code and line: as wide as their longest possible text, set once (`_fit_columns`),
        # not measured from every row whenever a row changes (a thousand rows per key).
        header.setSectionResizeMode(1, header.ResizeMode.Fixed)
        header.setSectionResizeMode(2, header.ResizeMode.Fixed)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        self.tree.currentItemChanged.connect(self._offer_choices)
        self._choices: ConflictChoices | None = None  # made for the first conflict shown
        layout.addWidget(self.score)
        layout.addWidget(self.tree)
        self._shown: tuple[list[Finding], bool] | None = None
        self._names: Names | None = None
        document.changed.connect(self._forget_names)
        document.checked.connect(self.refresh)
        # An edit, an undo back to the saved state or a save changes whether lines are true.
        document.undo_stack.cleanChanged.connect(self.refresh)
        document.path_changed.connect(self.refresh)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        # A switch of language (Preferences ▸ Language) reaches every widget as this event.
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_columns()

    def retranslate(self) -> None:
        """Redraw every word in the current language."""
        self.score.setAccessibleName(_("scorecard"))
        self.tree.setAccessibleName(_("findings"))
        self.tree.setHeaderLabels([_("Finding"), _("Code"), _("Line")])
        self._fit_columns()
        self.tree.headerItem().setToolTip(
            2,
            _(
                "The line in the saved file. Blank while there are unsaved changes "
                "(the file does not hold them yet): save to see lines again."
            ),
        )
        self._shown = None
        self.refresh()

    def refresh(self) -> None:
        if not self.document.findings_ready:
            # TRANSLATORS: the findings panel for the moment between a design showing and
            # its first check (at start-up); its findings follow
            self.score.setText(_("Checking the design…"))
            return
        result = self.document.result
        card = result.scorecard
        # A line breaks between two scores, never inside one (nor inside a Chinese name).
        parts = "   ".join(
            unbroken(
                # TRANSLATORS: one principle's score in the findings panel, e.g. "Theme 80"
                _("{principle} {score}").format(
                    principle=group_title(p), score=format_number(card.scores[p])
                )
            )
            for p in card.principles
        )
        # TRANSLATORS: the overall score, first on the scorecard line over the findings
        overall = unbroken(_("Score {overall}/100").format(overall=format_number(card.overall)))
        self.score.setText(f"{overall}    {parts}")
        lines = self.document.lines_on_disk
        if self._shown is not None and self._shown[0] == result.findings:
            if self._shown[1] != lines:  # saved, or the first edit since: only lines move
                self._shown = (self._shown[0], lines)
                self._show_lines(lines)
            self._offer_choices()  # the same findings, maybe in new words
            return  # typing rarely changes the findings: keep the tree (and its scroll)
        before = self._shown
        self._shown = (list(result.findings), lines)
        # The conflict selected (or the one after a resolved one) stays selected, so the
        # designer goes through the conflicts one choice after another.
        current = self.tree.currentItem()
        rows = self.conflict_rows()
        at = rows.index(current) if current in rows else None
        if before is not None and before[1] == lines and self._patch(before[0], result.findings):
            self._select_conflict(at)
            return
        icons = self._icons()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        named = self.names
        if not result.findings:
            QTreeWidgetItem(self.tree, [_("No findings: every check passes.")])
        for principle, members in grouped(result.findings).items():
            group = QTreeWidgetItem(self.tree, [group_text(principle, members)])
            group.setFirstColumnSpanned(True)
            for finding in members[:LISTED]:
                line = str(finding.line) if lines else ""
                row = FindingRow(group, finding, named, line)
                row.setIcon(0, icons[finding.severity])
            if len(members) > LISTED:
                QTreeWidgetItem(group, [more_text(len(members) - LISTED)])
            group.setExpanded(True)
        self._select_conflict(at)
        self.tree.setUpdatesEnabled(True)

    def _select_conflict(self, at: int | None) -> None:
        """The `at`-th merge conflict listed (the last if fewer), and its choices."""
        rows = self.conflict_rows()
        if at is not None and rows:
            self.tree.setCurrentItem(rows[min(at, len(rows) - 1)])
        self._offer_choices()

    def _patch(self, old: list[Finding], new: list[Finding]) -> bool:
        """Change only the rows that differ (a keystroke adds or settles a finding or two
        among a thousand); False, changing nothing, where building the tree again is
        better (a group comes or goes, or most rows change, as after a language switch)."""
        before, after = grouped(old), grouped(new)
        if not new or list(before) != list(after):
            return False
        plans = []
        moved = 0
        for index, principle in enumerate(after):
            was, now = before[principle], after[principle]
            group = self.tree.topLevelItem(index)
            if was == now or group is None:
                continue
            # The rows listed (the first LISTED), from the last difference back so the
            # earlier rows keep their places; then the count of the rest.
            steps = SequenceMatcher(
                None, finding_keys(was[:LISTED]), finding_keys(now[:LISTED]), autojunk=False
            ).get_opcodes()
            moved += sum(i2 - i1 + j2 - j1 for tag, i1, i2, j1, j2 in steps if tag != "equal")
            plans.append((group, principle, was, now, steps))
        if moved > min(len(old), LISTED * len(after)):
            return False
        lines = self.document.lines_on_disk
        icons = self._icons()
        self.tree.setUpdatesEnabled(False)
        for group, principle, was, now, steps in plans:
            for tag, i1, i2, j1, j2 in reversed(steps):
                if tag == "equal":
                    continue
                for _gone in range(i2 - i1):
                    _drop(group, i1)
                for offset, finding in enumerate(now[j1:j2]):
                    row = FindingRow(None, finding, self.names, str(finding.line) if lines else "")
                    row.setIcon(0, icons[finding.severity])
                    group.insertChild(i1 + offset, row)
            if len(was) > LISTED:
                _drop(group, min(len(now), LISTED))
            if len(now) > LISTED:
                group.addChild(QTreeWidgetItem([more_text(len(now) - LISTED)]))
            group.setText(0, group_text(principle, now))
        self.tree.setUpdatesEnabled(True)
        return True

    def _fit_columns(self) -> None:
        """The Code and Line columns wide enough for any code ("MRG001"), any line of a
        file (up to 999,999) and their headings."""
        header = self.tree.header()
        digits = self.tree.fontMetrics()
        heading = header.fontMetrics()
        room = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 12
        for column, widest in ((1, "MRG000"), (2, "000000")):
            title = self.tree.headerItem().text(column)
            width = max(digits.horizontalAdvance(widest), heading.horizontalAdvance(title))
            header.resizeSection(column, width + room)

    def names(self) -> Names:
        """The design's items as the brief names them, for the rows' tips: made when a tip
        is first asked for, and again after the design changes (a renamed item)."""
        if self._names is None:
            self._names = Names(self.document.design, SENTENCE_NAME_LIMIT)
        return self._names

    def _forget_names(self, _change: object = None) -> None:
        self._names = None

    def _icons(self) -> dict[str, QIcon]:
        style = self.style()
        return {
            "error": style.standardIcon(style.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(style.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(style.StandardPixmap.SP_MessageBoxInformation),
        }

    def _show_lines(self, lines: bool) -> None:
        """Each finding's line in the saved file, or blank while it no longer says so.

        The model tells the view once, not per row: each row's change would have the
        view measure every row again for the column's width (a thousand findings: a
        million questions)."""
        model = self.tree.model()
        model.layoutAboutToBeChanged.emit()
        model.blockSignals(True)
        try:
            for i in range(self.tree.topLevelItemCount()):
                group = self.tree.topLevelItem(i)
                for j in range(group.childCount() if group is not None else 0):
                    row = group.child(j) if group is not None else None
                    if isinstance(row, FindingRow):
                        row.setText(2, str(row.finding.line) if lines else "")
        finally:
            model.blockSignals(False)
        model.layoutChanged.emit()

    def rows_for(self, findings: int) -> int:
        """Rows the tree takes to show its first `findings` findings with the headings of
        their groups (at least one row: "No findings" has one)."""
        rows = 0
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None or findings <= 0:
                break
            rows += 1
            shown = min(findings, group.childCount())
            rows += shown
            findings -= shown
        return max(1, rows)

    def line_texts(self) -> list[str]:
        """The Line column of every finding listed, in order (for tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount() if group is not None else 0):
                child = group.child(j) if group is not None else None
                if child is not None and child.data(0, ROLE_FINDING) is not None:
                    out.append(child.text(2))
        return out

    def rows(self) -> list[Finding]:
        """The findings listed, in order (for tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            for j in range(group.childCount()):
                child = group.child(j)
                finding = child.data(0, ROLE_FINDING) if child is not None else None
                if finding is not None:
                    out.append(finding)
        return out

    # -- merge conflicts --------------------------------------------------------------------
    # Their choices (conflict_actions: buttons, their Qt styles) are loaded with the first
    # conflict shown, not with every design the workbench opens.

    @property
    def choices(self) -> ConflictChoices:
        """The choices under the list for the conflict selected (hidden while none is)."""
        if self._choices is None:
            from cuecraft.gui.conflict_actions import ConflictChoices

            choices = self._choices = ConflictChoices(self)
            choices.chosen.connect(self.choose)
            layout = self.layout()
            assert layout is not None
            layout.addWidget(choices)
            # Tab goes from the list to the choices, as when they were made with the panel
            # (a widget made later joins the end of the window's focus chain).
            QWidget.setTabOrder(self.tree, choices.take)
            QWidget.setTabOrder(choices.take, choices.keep)
        return self._choices

    def conflict_rows(self) -> list[QTreeWidgetItem]:
        """The rows of the MRG001 findings, in order."""
        shown = self._shown
        if shown is not None and all(f.code != CONFLICT for f in shown[0]):
            return []  # none to look for among the rows (each keystroke asks, three times)
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount() if group is not None else 0):
                child = group.child(j) if group is not None else None
                finding = child.data(0, ROLE_FINDING) if child is not None else None
                if child is not None and isinstance(finding, Finding) and finding.code == CONFLICT:
                    out.append(child)
        return out

    def conflict_of(self, row: QTreeWidgetItem | None) -> Recorded | None:
        """The `x-merge-conflicts` entry a row's finding is about (None: not a conflict)."""
        rows = self.conflict_rows()
        if row is None or row not in rows:
            return None
        from cuecraft.gui.conflict_actions import recorded_for

        findings = [r.data(0, ROLE_FINDING) for r in rows]
        return recorded_for(self.document.design, findings, rows.index(row))

    def _offer_choices(self, *_rows: object) -> None:
        entry = self.conflict_of(self.tree.currentItem())
        if entry is not None or self._choices is not None:
            self.choices.show_for(entry)

    def choose(self, take_theirs: bool) -> None:
        """Settle the selected conflict: take theirs (True) or keep ours."""
        entry = self.conflict_of(self.tree.currentItem())
        if entry is None:
            return
        from cuecraft.gui.conflict_actions import refused_title, settle

        error = settle(self.document, entry, take_theirs)
        if error:
            dialogs.show_error(self, refused_title(), error)

    def context_menu_for(self, row: QTreeWidgetItem | None) -> QMenu | None:
        """The menu a right-click on a row opens: the choices of a merge conflict."""
        entry = self.conflict_of(row)
        if entry is None:
            return None
        from cuecraft.gui.conflict_actions import add_choices

        menu = QMenu(self)
        add_choices(menu, entry, self.choose)
        return menu

    def popup(self, menu: QMenu, at: QPoint) -> None:
        """Show a context menu until it closes (tests replace this)."""
        menu.exec(at)

    def _activate(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        finding = row.data(0, ROLE_FINDING)
        if not isinstance(finding, Finding):
            return
        self.document.select(finding_subject(finding, self.document.design.index()))


class FindingsTree(QTreeWidget):
    """The list of findings; a right-click (or the Menu key) on a merge conflict offers
    its choices."""

    def __init__(self, panel: FindingsPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.itemAt(event.pos())
            if isinstance(row, FindingRow):
                row.tip()  # worked out now, for the row under the pointer only
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Shift+F10 opens a context menu in most desktops; Qt only maps the Menu key.
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_F10 and shift:
            at = QPoint()
            keyboard = QContextMenuEvent.Reason.Keyboard
            self.contextMenuEvent(QContextMenuEvent(keyboard, at, self.mapToGlobal(at)))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key, Shift+F10
            row = self.currentItem()
            at = (
                self.viewport().mapToGlobal(self.visualItemRect(row).bottomLeft())
                if row
                else QPoint()
            )
        else:
            row, at = self.itemAt(event.pos()), event.globalPos()
        menu = self._panel.context_menu_for(row)
        if row is None or menu is None:
            event.ignore()
            return
        self.setCurrentItem(row)  # the choices act on the current row
        self._panel.popup(menu, at)
        menu.deleteLater()


def _drop(group: QTreeWidgetItem, index: int) -> None:
    """Take a row out of its group and delete it: PySide keeps a row taken out alive, with
    its finding, for as long as the program runs (at 10,000 cues hundreds a keystroke, and
    the collector's full passes over them came to freeze typing)."""
    row = group.takeChild(index)
    if row is not None:
        shiboken6.delete(row)
