"""One call from a design to its findings and scorecard.

`check` runs everything; `cuecraft.core.recheck.recheck` starts from an earlier
result and runs again only what a few edits can change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cuecraft.core.findings import Finding, matches
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import current_language
from cuecraft.core.score import Scorecard, scorecard

if TYPE_CHECKING:
    from cuecraft.core.feedback.model import Feedback
    from cuecraft.core.model import Design

# The rules load with the first check, not with the result's type: the workbench makes
# an unchecked result (the design's graph) for its first frame, and checks just after.


@dataclass(frozen=True)
class RuleFindings:
    """How a result was made, kept for the re-check: each rule's own findings and what
    the check was asked."""

    by_rule: tuple[tuple[Finding, ...], ...]
    """The findings of each of `RULES`, then of the feedback rules, none left out."""
    feedback: Feedback | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    language: str
    """The language the messages are in (`current_language()` when checked)."""


@dataclass(frozen=True)
class CheckResult:
    graph: DesignGraph
    findings: list[Finding]
    scorecard: Scorecard
    rule_findings: RuleFindings | None = field(default=None, repr=False, compare=False)
    """For `recheck`; None for a result made some other way (a re-check then checks all)."""

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def check(
    design: Design,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    feedback: Feedback | None = None,
) -> CheckResult:
    """Run every rule; keep the selected codes (prefixes allowed) minus the ignored ones.

    The scorecard is always computed from all findings, so ignoring a code
    hides it from the list without flattering the score.
    """
    from cuecraft.core.rules import check_rules
    from cuecraft.core.rules.feedback import check_feedback

    graph = DesignGraph(design)
    found = [*check_rules(graph), check_feedback(graph, feedback)]  # FBK after JRN
    by_rule = tuple(tuple(rule) for rule in found)
    made = RuleFindings(
        by_rule,
        feedback,
        tuple(select) if select else None,
        tuple(ignore) if ignore else None,
        current_language(),
    )
    return assemble(graph, made, None)


def assemble(graph: DesignGraph, made: RuleFindings, card: Scorecard | None) -> CheckResult:
    """The result of each rule's findings: all of them scored (unless `card` is the score
    already), the selected ones shown."""
    findings = [f for found in made.by_rule for f in found]
    if card is None:
        card = scorecard(graph, findings)
    shown = _shown(findings, made.select, made.ignore)
    return CheckResult(graph, shown, card, made)


def _shown(
    findings: list[Finding], select: Sequence[str] | None, ignore: Sequence[str] | None
) -> list[Finding]:
    if not select and not ignore:
        return findings
    return [
        f
        for f in findings
        if (not select or matches(f.code, list(select)))
        and not (ignore and matches(f.code, list(ignore)))
    ]
