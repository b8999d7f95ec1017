"""The journey, from first contact to a return visit: JRN001 to JRN004."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import PHASES


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    out: list[Finding] = []
    anchor = design.where.get("touchpoints") or design.where.get("")
    phases = {tp.phase for tp in design.touchpoints}
    for phase in PHASES:
        if phase not in phases:
            out.append(
                finding(
                    "JRN001",
                    "warning",
                    f"the journey has no touchpoint in the “{phase}” phase",
                    (phase,),
                    anchor,
                    {
                        "before": "design the first contact: how guests hear of it and arrive",
                        "during": "design the visit itself",
                        "after": "design what happens after the purchase: follow-up, memories",
                    }[phase],
                )
            )
    reachable = graph.reachable
    for tp in design.touchpoints:
        if tp.id not in reachable:
            out.append(
                finding(
                    "JRN002",
                    "warning",
                    f"the touchpoint “{tp.id}” cannot be reached from an entry of the journey",
                    (tp.id,),
                    tp,
                    "link it from an earlier touchpoint with “next”",
                )
            )
    if design.touchpoints and not graph.return_edges:
        out.append(
            finding(
                "JRN003",
                "warning",
                "the loop is open: no “after” touchpoint leads back to a “before” one, "
                "so no return visit is designed",
                (),
                anchor,
                "add a “next” from an “after” touchpoint to a “before” touchpoint",
            )
        )
    peak = graph.peak_emotion
    if peak is not None:
        for end in graph.ends:
            tp = graph.touchpoints[end]
            if tp.emotion is None:
                continue
            if tp.emotion < 1 or peak - tp.emotion >= 3:
                out.append(
                    finding(
                        "JRN004",
                        "warning",
                        f"peak–end: the journey ends at “{end}” with emotion {tp.emotion} "
                        f"(the peak is {peak}); guests remember the peak and the end",
                        (end,),
                        tp,
                        "raise the last moment: a farewell, a gift, a surprise",
                    )
                )
    return out
