"""The journey, from first contact to a return visit: JRN001 to JRN004."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.model import PHASES
from cuecraft.core.personas import is_low_end
from cuecraft.core.reads import JOURNEY, Reads, fields


def _missing_phase(phase: str) -> tuple[str, str]:
    """The JRN001 message and hint for a phase without a touchpoint."""
    if phase == "before":
        return (
            _("the journey has no touchpoint in the “before” phase"),
            _("design the first contact: how guests hear of it and arrive"),
        )
    if phase == "during":
        return (
            _("the journey has no touchpoint in the “during” phase"),
            _("design the visit itself"),
        )
    return (
        _("the journey has no touchpoint in the “after” phase"),
        _("design what happens after the purchase: follow-up, memories"),
    )


READS: Reads = JOURNEY | fields("touchpoints", "emotion")


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    out: list[Finding] = []
    anchor = design.where.get("touchpoints") or design.where.get("")
    phases = {tp.phase for tp in design.touchpoints}
    for phase in PHASES:
        if phase not in phases:
            message, hint = _missing_phase(phase)
            out.append(finding("JRN001", "warning", message, (phase,), anchor, hint))
    reachable = graph.reachable
    for tp in design.touchpoints:
        if tp.id not in reachable:
            out.append(
                finding(
                    "JRN002",
                    "warning",
                    _(
                        "the touchpoint “{touchpoint}” cannot be reached from an entry of the "
                        "journey"
                    ).format(touchpoint=tp.id),
                    (tp.id,),
                    tp,
                    _("lead guests to it from an earlier touchpoint"),
                    ("next",),
                )
            )
    if design.touchpoints and not graph.return_edges:
        out.append(
            finding(
                "JRN003",
                "warning",
                _(
                    "the loop is open: no “after” touchpoint leads back to a “before” one, "
                    "so no return visit is designed"
                ),
                (),
                anchor,
                _("lead guests from a touchpoint after the visit back to one before it"),
                ("next",),
            )
        )
    peak = graph.peak_emotion
    if peak is not None:
        for end in graph.ends:
            tp = graph.touchpoints[end]
            if tp.emotion is None:
                continue
            if is_low_end(tp.emotion, peak):
                out.append(
                    finding(
                        "JRN004",
                        "warning",
                        _(
                            "peak–end: the journey ends at “{end}” with emotion {emotion} "
                            "(the peak is {peak}); guests remember the peak and the end"
                        ).format(end=end, emotion=tp.emotion, peak=peak),
                        (end,),
                        tp,
                        _("raise the last moment: a farewell, a gift, a surprise"),
                    )
                )
    return out
