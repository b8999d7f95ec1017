"""The scorecard: each principle 0–100 and the overall geometric mean.

The formulas are written down for designers in docs/scorecard.md; keep the two
in step. Each principle starts from its coverage (the share of the design that
already does what the principle asks) and loses a share for each error
finding. Any ELI002 sets eliminate to 0 — "6 − 1 = 0" — and because the overall
score is a geometric mean, one principle at zero makes the whole experience zero.
A design with a blueprint (actions) is scored on a seventh principle, staging.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cuecraft.core.findings import PRINCIPLES, STAGING, Finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Action
from cuecraft.core.reads import JOURNEY, PRESENCE, Reads, fields
from cuecraft.core.rules.senses import engaged_senses

ERROR_FACTOR = 0.5  # each error finding halves its principle's score
OPEN_PENALTY = {"low": 5, "medium": 10, "high": 20}  # per open negative cue
MISSING_AFTER_FACTOR = 0.8  # MEM003: no souvenir at an 'after' touchpoint
OPEN_LOOP_FACTOR = 0.8  # JRN003: no return visit designed
OVERLOAD_FACTOR = 0.9  # per SEN003
LOW_END_FACTOR = 0.9  # per JRN004 and per PER002
STUCK_PERSONA_FACTOR = 0.8  # per PER001: a persona who cannot get through
EMPTY_WAIT_FACTOR = 0.9  # per BLU004
UNREADY_CODES = ("BLU002", "BLU003")  # an action with one of these is not ready to stage

READS: Reads = (
    PRESENCE
    | JOURNEY
    | fields("theme", "motifs")
    | fields("cues", "polarity", "motifs", "senses", "status", "severity")
    | fields("layers", "motifs", "sense")
)
"""The fields the scorecard reads besides the findings (`cuecraft.core.recheck`)."""


@dataclass(frozen=True)
class Scorecard:
    scores: dict[str, int]  # principle -> 0..100, in the order shown; "staging" last, if scored
    overall: int

    @property
    def principles(self) -> tuple[str, ...]:
        """The principles scored, in the order every view shows them."""
        return tuple(self.scores)

    def as_dict(self) -> dict[str, object]:
        return {"overall": self.overall, "principles": dict(self.scores)}


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _staging(actions: list[Action], findings: list[Finding], codes: dict[str, int]) -> float:
    """Actions ready to stage (no BLU002 or BLU003) ÷ all actions, × 0.5 per BLU001,
    × 0.9 per BLU004."""
    unready = {f.ids[0] for f in findings if f.code in UNREADY_CODES and f.ids}
    ready = sum(1 for action in actions if action.id not in unready)
    score = _share(ready, len(actions))
    score *= ERROR_FACTOR ** codes.get("BLU001", 0)
    return score * EMPTY_WAIT_FACTOR ** codes.get("BLU004", 0)


def scorecard(graph: DesignGraph, findings: list[Finding]) -> Scorecard:
    """Score a checked design."""
    design = graph.design
    codes: dict[str, int] = {}
    for f in findings:
        codes[f.code] = codes.get(f.code, 0) + 1
    raw: dict[str, float] = {}

    motifs = set(design.theme.motifs)
    # `not c.is_negative` spelled out: these loops run over every cue of a 10,000-cue design.
    themed = [c.motifs for c in design.cues if c.polarity != "negative"]
    themed += [layer.motifs for layer in design.layers]
    raw["theme"] = _share(sum(1 for m in themed if not motifs.isdisjoint(m)), len(themed))
    raw["theme"] *= ERROR_FACTOR ** codes.get("THM002", 0)

    tps = list(graph.touchpoints)
    covered = len(tps) - codes.get("HAR003", 0)
    raw["harmonize"] = _share(covered, len(tps))
    raw["harmonize"] *= ERROR_FACTOR ** (codes.get("HAR001", 0) + codes.get("HAR002", 0))

    if codes.get("ELI002"):
        raw["eliminate"] = 0.0
    else:
        penalty = 0.0
        for cue in design.cues:
            if cue.polarity == "negative" and cue.is_active:
                weight = OPEN_PENALTY[cue.effective_severity]
                penalty += weight if cue.effective_status == "open" else weight / 2
        penalty += 5 * (codes.get("ELI001", 0) + codes.get("ELI003", 0) + codes.get("ELI004", 0))
        raw["eliminate"] = max(0.0, 100 - penalty) / 100

    if not design.souvenirs:
        raw["memorabilia"] = 0.0
    else:
        # A souvenir counts once however many of MEM002 and MEM004 it has.
        weak = {f.ids[0] for f in findings if f.code in ("MEM002", "MEM004") and f.ids}
        good = sum(1 for souvenir in design.souvenirs if souvenir.id not in weak)
        raw["memorabilia"] = _share(good, len(design.souvenirs))
        if codes.get("MEM003"):
            raw["memorabilia"] *= MISSING_AFTER_FACTOR

    engaged = len(engaged_senses(graph))
    sensed = len(tps) - codes.get("SEN002", 0)
    raw["senses"] = engaged / 5 * (_share(sensed, len(tps)) if tps else 1.0)
    raw["senses"] *= OVERLOAD_FACTOR ** codes.get("SEN003", 0)

    if not tps:
        raw["journey"] = 0.0
    else:
        phases = len({tp.phase for tp in design.touchpoints})
        raw["journey"] = phases / 3 * _share(len(graph.reachable), len(tps))
        if not graph.return_edges:
            raw["journey"] *= OPEN_LOOP_FACTOR
        raw["journey"] *= LOW_END_FACTOR ** (codes.get("JRN004", 0) + codes.get("PER002", 0))
        raw["journey"] *= STUCK_PERSONA_FACTOR ** codes.get("PER001", 0)

    scored: tuple[str, ...] = PRINCIPLES
    if design.actions:
        raw[STAGING] = _staging(design.actions, findings, codes)
        scored = (*PRINCIPLES, STAGING)

    scores = {p: round(100 * min(1.0, max(0.0, raw[p]))) for p in scored}
    if any(v == 0 for v in scores.values()):
        overall = 0
    else:
        overall = round(math.prod(scores.values()) ** (1 / len(scores)))
    return Scorecard(scores, overall)
