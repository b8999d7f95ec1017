"""One call from a design to its findings and scorecard."""

from __future__ import annotations

from dataclasses import dataclass

from cuecraft.core.feedback.model import Feedback
from cuecraft.core.findings import Finding, matches
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Design
from cuecraft.core.rules import check_design
from cuecraft.core.rules.feedback import check_feedback
from cuecraft.core.score import Scorecard, scorecard


@dataclass(frozen=True)
class CheckResult:
    graph: DesignGraph
    findings: list[Finding]
    scorecard: Scorecard

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
    graph, findings = check_design(design)
    findings += check_feedback(graph, feedback)  # FBK after JRN; [] without feedback
    card = scorecard(graph, findings)
    shown = [
        f
        for f in findings
        if (not select or matches(f.code, select)) and not (ignore and matches(f.code, ignore))
    ]
    return CheckResult(graph, shown, card)
