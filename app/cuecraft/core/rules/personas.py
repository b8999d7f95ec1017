"""Personas: PER001, PER002, PER003 (SPEC §2.2, the journey as each kind of guest lives it).

No two guests live the same experience: a persona who skips touchpoints must
still get through, and remember a good end (peak–end, as JRN004 asks of the
design's one implied guest); their shares of all guests cannot exceed 100 %.
Each persona's journey and feelings come from `cuecraft.core.personas`.
"""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.model import Location, Persona
from cuecraft.core.personas import is_low_end
from cuecraft.core.reads import JOURNEY, Reads, fields

ALL_GUESTS = 100  # percent: the personas' shares add up to at most this (PER003)


READS: Reads = (
    JOURNEY | fields("touchpoints", "emotion") | fields("personas", "skips", "emotion", "share")
)


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    if not design.personas:
        return []
    out: list[Finding] = []
    reported = _low_ends(graph)
    for persona in design.personas:
        journey = graph.persona_journeys[persona.id]
        if design.touchpoints and not journey.has_path:
            out.append(
                finding(
                    "PER001",
                    "warning",
                    _(
                        "the journey of the persona “{persona}” has no path from an entry to "
                        "an end: they cannot get through the experience"
                    ).format(persona=persona.id),
                    (
                        persona.id,
                        *(t for t in dict.fromkeys(persona.skips) if t in journey.skipped),
                    ),
                    persona,
                    _("let them skip fewer touchpoints, or lead around the ones they skip"),
                    ("skips",),
                )
            )
        peak = journey.peak_emotion
        for end in journey.low_ends:
            if end in reported:
                continue
            emotion = journey.emotion[end]
            out.append(
                finding(
                    "PER002",
                    "warning",
                    _(
                        "peak–end for the persona “{persona}”: their journey ends at “{end}” "
                        "with emotion {emotion} (their peak is {peak}); guests remember the "
                        "peak and the end"
                    ).format(persona=persona.id, end=end, emotion=emotion, peak=peak),
                    (persona.id, end),
                    _override_at(persona, end),
                    _("raise their last moment: a farewell, a gift, a surprise"),
                    ("emotion",),
                )
            )
    shared = [p for p in design.personas if p.share is not None]
    total = sum(p.share or 0 for p in shared)
    if total > ALL_GUESTS:
        first = shared[0]
        out.append(
            finding(
                "PER003",
                "warning",
                _("the personas’ shares of guests add up to {total}%, more than 100%").format(
                    total=total
                ),
                tuple(p.id for p in shared),
                first.where.get("share") or first,
                _("make the shares add up to 100 or less"),
                ("share",),
            )
        )
    return out


def _override_at(persona: Persona, touchpoint: str) -> Persona | Location:
    """Where the persona's own emotion for a touchpoint is written, else the persona."""
    for index, key in enumerate(persona.emotion):
        if key == touchpoint:
            return persona.where.get(f"emotion[{index}]") or persona
    return persona


def _low_ends(graph: DesignGraph) -> set[str]:
    """The ends JRN004 reports for the design's implied guest (PER002 does not repeat them)."""
    peak = graph.peak_emotion
    if peak is None:
        return set()
    return {
        end
        for end in graph.ends
        if (emotion := graph.touchpoints[end].emotion) is not None and is_low_end(emotion, peak)
    }
