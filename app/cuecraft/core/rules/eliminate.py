"""Eliminate negative cues: ELI001, ELI002 ("6 − 1 = 0"), ELI003."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding, quote_list
from cuecraft.core.graph import DesignGraph


def check(graph: DesignGraph) -> list[Finding]:
    out: list[Finding] = []
    on_path = graph.on_entry_to_end_path
    for cue in graph.design.cues:
        if not (cue.is_negative and cue.is_active):
            continue
        if not (cue.remedy or "").strip():
            out.append(
                finding(
                    "ELI001",
                    "warning",
                    f"the negative cue “{cue.id}” has no remedy",
                    (cue.id,),
                    cue,
                    "write down how it will be eliminated (remedy), even as a first idea",
                )
            )
        places = graph.cue_places.get(cue.id, set())
        if cue.effective_severity == "high":
            hit = sorted((t for t in places if t in on_path), key=graph.order.__getitem__)
            if hit:
                path = graph.path_through(hit[0], around=2)
                out.append(
                    finding(
                        "ELI002",
                        "error",
                        f"6 − 1 = 0: the high-severity negative cue “{cue.id}” is present at "
                        f"{quote_list(hit[:5])}{' and more' if len(hit) > 5 else ''} "
                        f"on the journey ({' → '.join(path)}); one bad touchpoint spoils "
                        "the whole experience",
                        (cue.id,),
                        cue,
                        "eliminate it (status: eliminated) before anything else",
                    )
                )
        if not places:
            out.append(
                finding(
                    "ELI003",
                    "warning",
                    f"the negative cue “{cue.id}” is placed nowhere, so nobody knows where "
                    "to eliminate it",
                    (cue.id,),
                    cue,
                    "say where guests meet it (at: zones or touchpoints)",
                )
            )
    return out
