"""When guests' answers count, and when a touchpoint is a detractor hotspot (FBK001).

The one place these two tests live: the FBK rules, the journey view (chips,
chart, legend) and the brief (chart, tables, summary) all read them, so a
touchpoint is red in the brief exactly when the workbench marks it and
`cuecraft check` reports FBK001 for it.

A touchpoint's NPS counts as evidence only with at least `MIN_RESPONSES`
answers, the usual minimum sample in survey practice: even at 30 answers a
typical 95% interval is about ±30 points wide (docs/feedback.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from cuecraft.core.feedback.model import Feedback
from cuecraft.core.feedback.nps import Nps

MIN_RESPONSES = 30


def enough_answers(result: Nps) -> bool:
    """True when enough guests answered for the NPS to count as evidence."""
    return result.responses >= MIN_RESPONSES


def is_hotspot(result: Nps) -> bool:
    """A detractor hotspot (FBK001): NPS below 0 — more critics than fans — from enough
    answers to count."""
    return enough_answers(result) and result.score is not None and result.score < 0


def hotspots(feedback: Feedback, touchpoints: Iterable[str]) -> list[str]:
    """The detractor hotspots among `touchpoints`, in the order given (pass the journey order)."""
    return [tp for tp in touchpoints if is_hotspot(feedback.nps_at(tp))]
