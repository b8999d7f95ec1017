"""The elimination plan: the negative cues in the order they should go (SPEC §2.3).

Priority is severity (high first), then impact (3 first), then the lowest effort
(1 first): the worst harm that is cheapest to remove leads. A cue whose impact or
effort nobody has estimated yet comes after the estimated ones at its level (an
unknown is not a reason to act first), and ties keep the file's order, so the
plan never shuffles between saves. Cues already eliminated are done: they close
the plan, in the same order. Every view of the plan (workbench, workshop, brief,
`cuecraft table plan`) reads `elimination_plan`.
"""

from __future__ import annotations

from cuecraft.core.model import SEVERITIES, Cue, Design

LEVELS = (1, 2, 3)
"""The scale of `effort` and `impact`: 1 low, 2 medium, 3 high."""

_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(reversed(SEVERITIES))}


def priority(cue: Cue) -> tuple[int, int, int, int]:
    """The sort key of a negative cue in the plan (smaller goes first)."""
    done = 1 if cue.effective_status == "eliminated" else 0
    impact = -cue.impact if cue.impact is not None else 0
    effort = cue.effort if cue.effort is not None else len(LEVELS) + 1
    return (done, _SEVERITY_RANK[cue.effective_severity], impact, effort)


def elimination_plan(design: Design) -> list[Cue]:
    """The design's negative cues, the one to eliminate first first (eliminated ones last)."""
    negatives = [cue for cue in design.cues if cue.is_negative]
    return sorted(negatives, key=priority)  # sorted() is stable: ties keep the file's order


def open_plan(design: Design) -> list[Cue]:
    """The plan's cues still to eliminate (open or mitigating), in plan order."""
    return [cue for cue in elimination_plan(design) if cue.is_active]


QUICK_WIN = (max(LEVELS), min(LEVELS))
"""(impact, effort) of the quick wins: the matrix's cell of high impact for low effort."""


def is_quick_win(cue: Cue) -> bool:
    """Whether an active negative cue sits in the quick wins' cell (high impact, low effort)."""
    return cue.is_active and (cue.impact, cue.effort) == QUICK_WIN


def has_owner(cue: Cue) -> bool:
    """Whether someone answers for eliminating the cue (a blank owner is none; ELI004)."""
    return bool((cue.owner or "").strip())


def rated(cue: Cue) -> bool:
    """Whether the cue has both an impact and an effort: a place in the priority matrix."""
    return cue.impact is not None and cue.effort is not None
