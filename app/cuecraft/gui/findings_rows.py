"""The rows of the findings panel: findings by group in the panel's order, each group's
heading and the rows that stand for findings (their tips in the brief's words)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from cuecraft.core.findings import GROUPS, Finding, principle_title, severity_title
from cuecraft.core.i18n import _, format_number, ngettext
from cuecraft.core.names import Names

if TYPE_CHECKING:
    from cuecraft.core.explain import ClientFinding

ROLE_FINDING = Qt.ItemDataRole.UserRole
GROUP_ORDER = GROUPS  # the groups, in the order shown
LISTED = 500  # findings listed in a group; the rest are counted ("… and 80 more")


def group_title(principle: str) -> str:
    """The name of a group of findings (a principle, references or guest feedback)."""
    return principle_title(principle)


def severity_label(severity: str) -> str:
    """The word for a finding's severity ("error" → "błąd")."""
    return severity_title(severity)


def more_text(more: int) -> str:
    """The last row of a long group: how many findings it does not list."""
    return ngettext(
        "… and {n} more (see cuecraft check)", "… and {n} more (see cuecraft check)", more
    ).format(n=format_number(more))


def finding_keys(findings: list[Finding]) -> list[tuple[object, ...]]:
    """What tells findings apart, as the rows show them."""
    return [
        (f.code, f.severity, f.message, f.ids, f.line, f.column, f.hint, f.fields) for f in findings
    ]


def grouped(findings: list[Finding]) -> dict[str, list[Finding]]:
    """The findings by group, the groups in the panel's order (a principle the order does
    not know yet comes last, never left out); only groups with findings."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.principle, []).append(finding)
    order = [*GROUP_ORDER, *(p for p in groups if p not in GROUP_ORDER)]
    return {p: groups[p] for p in order if p in groups}


def group_text(principle: str, members: list[Finding]) -> str:
    """ "Theme — 3 findings, 1 error": a group's name and what it holds."""
    count = ngettext("{n} finding", "{n} findings", len(members)).format(
        n=format_number(len(members))
    )
    errors = sum(1 for f in members if f.severity == "error")
    if not errors:
        # TRANSLATORS: a group of findings: "Theme — 3 findings"
        return _("{group} — {findings}").format(group=group_title(principle), findings=count)
    error_count = ngettext("{n} error", "{n} errors", errors).format(n=format_number(errors))
    # TRANSLATORS: a group of findings: "Theme — 3 findings, 1 error"
    return _("{group} — {findings}, {errors}").format(
        group=group_title(principle), findings=count, errors=error_count
    )


class FindingRow(QTreeWidgetItem):
    """A finding in the tree: its message, code and line for the design team; its tip
    in the brief's words, worked out only when the pointer rests on it (`tip`), not for
    each of a thousand findings on every re-check while someone types. (Not by
    overriding `data`: the view asks every row's data many times as it lays a thousand
    rows out, and each answer from Python costs.)"""

    def __init__(
        self,
        group: QTreeWidgetItem | None,
        finding: Finding,
        named: Callable[[], Names],
        line: str,
    ) -> None:
        if group is None:  # inserted by the caller
            super().__init__([finding.message, finding.code, line])
        else:
            super().__init__(group, [finding.message, finding.code, line])
        self.finding = finding
        self._named = named
        self.setData(0, ROLE_FINDING, finding)

    def tip(self) -> str:
        """The tip shown over the row, in the brief's words (set on the row when asked)."""
        from cuecraft.core.explain import for_client  # the brief's words: on a hover only

        text = _row_tip(for_client(self.finding, self._named()))
        if self.toolTip(0) != text:
            self.setToolTip(0, text)
        return text


def _row_tip(said: ClientFinding) -> str:
    """A finding's tip in the brief's words (names, not ids; core/explain.py): its
    severity and message, then the hint."""
    # TRANSLATORS: the tip of a finding: "Warning: the cue … \n\nHint: add …"
    return _("{severity}: {message}\n\nHint: {hint}").format(
        severity=severity_label(said.severity).capitalize(),
        message=said.message,
        hint=said.hint,
    )
