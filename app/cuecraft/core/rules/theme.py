"""Theme the experience: THM001, THM002, THM003."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding, quote_list
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Item


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    motifs = set(design.theme.motifs)
    avoid = set(design.theme.avoid)
    out: list[Finding] = []
    themed: list[tuple[Item, str, list[str]]] = []
    for cue in design.cues:
        if not cue.is_negative:
            themed.append((cue, "positive cue", cue.motifs))
    for layer in design.layers:
        themed.append((layer, "layer", layer.motifs))

    # With no theme motifs at all, THM003 says it once instead of THM001 for every item.
    if motifs:
        hint = (
            f"tag it with one of {quote_list(design.theme.motifs[:4])}, "
            "or rethink whether it belongs to this theme"
        )
        for item, kind, item_motifs in themed:
            if not motifs.intersection(item_motifs):
                out.append(
                    finding(
                        "THM001",
                        "warning",
                        f"the {kind} “{item.id}” carries none of the theme’s motifs",
                        (item.id,),
                        item,
                        hint,
                    )
                )
    souvenirs = [(s, "souvenir", s.motifs) for s in design.souvenirs]
    for item, kind, item_motifs in [*themed, *souvenirs]:
        clash = [m for m in item_motifs if m in avoid]
        if clash:
            out.append(
                finding(
                    "THM002",
                    "error",
                    f"the {kind} “{item.id}” carries {quote_list(clash)}, which the theme avoids",
                    (item.id,),
                    item,
                    "change the item so it no longer contradicts the theme, or drop the motif",
                )
            )
    if not motifs:
        out.append(
            finding(
                "THM003",
                "warning",
                "the theme has no motifs, so nothing can harmonize with it",
                (),
                design.theme.where.get(""),
                "add the few words that matter to theme.motifs (e.g. rainforest, thunderstorm)",
            )
        )
    return out
