"""Net Promoter Score: promoters 9–10, passives 7–8, detractors 0–6.

NPS = % promoters − % detractors, from −100 to 100. With no answers it is
undefined (None), never 0: "nobody answered" is not "as many fans as critics".

The 95% interval is the adjusted Wald interval for the difference of the
promoter and detractor shares of a trinomial (Rocks, "Interval Estimation for
the “Net Promoter Score”", The American Statistician, 2016): add 3 pseudo
answers — ¾ promoter, 1½ passive, ¾ detractor — then use the normal
approximation. Unlike the plain normal approximation it does not collapse to
a zero-width interval when five out of five answers are 10, which is exactly
the "score from five answers mistaken for a fact" it must prevent. The
interval is widened, if needed, to include the measured NPS itself (with very
few answers the pseudo answers pull its centre towards 0), and clamped to
−100..100. docs/feedback.md explains it for designers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from cuecraft.core.i18n import _, format_number, ngettext, pgettext

SCALE = range(11)  # the answers 0..10
PROMOTER_MIN = 9
PASSIVE_MIN = 7
Z95 = 1.959963984540054
PSEUDO_ANSWERS = 3.0
PSEUDO_PROMOTERS = 0.75
PSEUDO_DETRACTORS = 0.75


@dataclass(frozen=True)
class Nps:
    """The NPS of some answers, with their counts and a 95% interval (None without answers)."""

    promoters: int
    passives: int
    detractors: int
    score: float | None
    low: float | None
    high: float | None

    @property
    def responses(self) -> int:
        return self.promoters + self.passives + self.detractors

    def share(self, group: str) -> float | None:
        """The percentage of answers that are “promoters”, “passives” or “detractors”."""
        n = self.responses
        return 100.0 * getattr(self, group) / n if n else None


def nps_of(promoters: int, passives: int, detractors: int) -> Nps:
    """NPS and its 95% interval from the three group counts."""
    if min(promoters, passives, detractors) < 0:
        raise ValueError("answer counts cannot be negative")
    n = promoters + passives + detractors
    if n == 0:
        return Nps(0, 0, 0, None, None, None)
    score = 100.0 * (promoters - detractors) / n
    n_adj = n + PSEUDO_ANSWERS
    p = (promoters + PSEUDO_PROMOTERS) / n_adj
    d = (detractors + PSEUDO_DETRACTORS) / n_adj
    centre = p - d
    variance = max(0.0, (p + d - centre * centre) / n_adj)
    half = Z95 * math.sqrt(variance)
    low = max(-100.0, min(100.0 * (centre - half), score))
    high = min(100.0, max(100.0 * (centre + half), score))
    return Nps(promoters, passives, detractors, score, low, high)


def nps(scores: Sequence[int]) -> Nps:
    """NPS of a tally: `scores[k]` is how many guests answered k, for k = 0..10."""
    if len(scores) != len(SCALE):
        raise ValueError(f"a tally has 11 counts (answers 0..10), not {len(scores)}")
    return nps_of(
        sum(scores[PROMOTER_MIN:]),
        sum(scores[PASSIVE_MIN:PROMOTER_MIN]),
        sum(scores[:PASSIVE_MIN]),
    )


def group_of(score: int) -> str:
    """“promoter”, “passive” or “detractor” for one answer 0..10."""
    if score >= PROMOTER_MIN:
        return "promoter"
    return "passive" if score >= PASSIVE_MIN else "detractor"


def rounded(value: float) -> int:
    """Round half away from zero, so +12.5 shows as +13 and −12.5 as −13 (symmetric)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def signed(value: float | None) -> str:
    """An NPS as people write it: “+23”, “-7”, “0”; “—” when undefined."""
    if value is None:
        return "—"
    whole = rounded(value)
    return f"+{whole}" if whole > 0 else str(whole)


def describe(result: Nps) -> str:
    """“NPS +23 (95% CI +18 to +28, 412 answers)”, or “no answers”, in the current language."""
    n = result.responses
    if n == 0 or result.score is None:
        return _("no answers")
    return ngettext(
        "NPS {nps} (95% CI {low} to {high}, {n} answer)",
        "NPS {nps} (95% CI {low} to {high}, {n} answers)",
        n,
    ).format(
        nps=signed(result.score),
        low=signed(result.low),
        high=signed(result.high),
        n=format_number(n),
    )


def group_title(group: str) -> str:
    """An NPS group as people read it (`promoters`, `passives`, `detractors`)."""
    if group in ("promoters", "promoter"):
        return pgettext("NPS group", "promoters")
    if group in ("passives", "passive"):
        return pgettext("NPS group", "passives")
    if group in ("detractors", "detractor"):
        return pgettext("NPS group", "detractors")
    return group
