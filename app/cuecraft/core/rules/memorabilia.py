"""Mix in memorabilia: MEM001, MEM002, MEM003."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    out: list[Finding] = []
    if not design.souvenirs:
        out.append(
            finding(
                "MEM001",
                "warning",
                "the design has no souvenir: guests take nothing home to remember it by",
                (),
                design.where.get("souvenirs") or design.where.get(""),
                "add a souvenir that carries the theme and evokes a cue",
            )
        )
        return out
    motifs = set(design.theme.motifs)
    for souvenir in design.souvenirs:
        missing = []
        if motifs and not motifs.intersection(souvenir.motifs):
            missing.append("carries none of the theme’s motifs")
        if not graph.evoked[souvenir.id]:
            missing.append("evokes no cue")
        if missing:
            out.append(
                finding(
                    "MEM002",
                    "warning",
                    f"the souvenir “{souvenir.id}” {' and '.join(missing)}",
                    (souvenir.id,),
                    souvenir,
                    "a souvenir works when it carries the theme and reminds of a moment "
                    "(motifs, evokes)",
                )
            )
    afters = [t for t, tp in graph.touchpoints.items() if tp.phase == "after"]
    available_after = any(t in places for places in graph.souvenir_places.values() for t in afters)
    if not available_after:
        out.append(
            finding(
                "MEM003",
                "info",
                "no souvenir is available at an “after” touchpoint",
                (),
                design.where.get("souvenirs") or design.where.get(""),
                "offer a souvenir where the guest leaves, or send one after the visit",
            )
        )
    return out
