"""The findings panel: the scorecard, then findings grouped by principle."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from cuecraft.core.findings import PRINCIPLES, Finding
from cuecraft.gui.document import Document

ROLE_FINDING = Qt.ItemDataRole.UserRole
GROUP_TITLES = {
    "references": "References",
    "theme": "Theme",
    "harmonize": "Harmonize",
    "eliminate": "Eliminate",
    "memorabilia": "Memorabilia",
    "senses": "Senses",
    "journey": "Journey",
    "feedback": "Guest feedback",
}
LINE_TIP = (
    "The line in the saved file. Blank while there are unsaved changes "
    "(the file does not hold them yet): save to see lines again."
)


class FindingsPanel(QWidget):
    """Activating a finding selects its subject in every view."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.score = QLabel()
        self.score.setTextFormat(Qt.TextFormat.PlainText)
        self.score.setAccessibleName("scorecard")
        self.score.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Finding", "Code", "Line"])
        self.tree.setAccessibleName("findings")
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)
        self.tree.headerItem().setToolTip(2, LINE_TIP)
        self.tree.itemActivated.connect(self._activate)
        self.tree.itemClicked.connect(self._activate)
        layout.addWidget(self.score)
        layout.addWidget(self.tree)
        self._shown: tuple[list[Finding], bool] | None = None
        document.checked.connect(self.refresh)
        # An edit, an undo back to the saved state or a save changes whether lines are true.
        document.undo_stack.cleanChanged.connect(self.refresh)
        document.path_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        result = self.document.result
        card = result.scorecard
        parts = "   ".join(f"{p} {card.scores[p]}" for p in PRINCIPLES)
        self.score.setText(f"Score {card.overall}/100    {parts}")
        lines = self.document.lines_on_disk
        if self._shown == (result.findings, lines):
            return  # typing rarely changes the findings: keep the tree (and its scroll)
        self._shown = (list(result.findings), lines)
        style = self.style()
        icons = {
            "error": style.standardIcon(style.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(style.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(style.StandardPixmap.SP_MessageBoxInformation),
        }
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        groups: dict[str, list[Finding]] = {}
        for finding in result.findings:
            groups.setdefault(finding.principle, []).append(finding)
        if not result.findings:
            QTreeWidgetItem(self.tree, ["No findings: every check passes."])
        for principle, title in GROUP_TITLES.items():
            members = groups.get(principle, [])
            if not members:
                continue
            errors = sum(1 for f in members if f.severity == "error")
            error_note = f", {errors} error{'s' if errors != 1 else ''}" if errors else ""
            group = QTreeWidgetItem(
                self.tree,
                [f"{title} — {len(members)} finding{'s' if len(members) != 1 else ''}{error_note}"],
            )
            group.setFirstColumnSpanned(True)
            for finding in members[:500]:
                line = str(finding.line) if lines else ""
                row = QTreeWidgetItem(group, [finding.message, finding.code, line])
                row.setIcon(0, icons[finding.severity])
                row.setToolTip(0, f"{finding.message}\n\nHint: {finding.hint}")
                row.setData(0, ROLE_FINDING, finding)
            if len(members) > 500:
                QTreeWidgetItem(group, [f"… and {len(members) - 500} more (see cuecraft check)"])
            group.setExpanded(True)
        self.tree.setUpdatesEnabled(True)

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

    def _activate(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        finding = row.data(0, ROLE_FINDING)
        if not isinstance(finding, Finding):
            return
        subject = next((i for i in finding.ids if i in self.document.design.index()), None)
        if subject is None and finding.code.startswith(("THM", "SEN001")):
            subject = "theme"
        self.document.select(subject or "design")
