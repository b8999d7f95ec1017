"""Theme the experience: THM001, THM002, THM003."""

from __future__ import annotations

from collections.abc import Sequence

from cuecraft.core.findings import Finding, finding, quote_list
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.model import Cue, Layer, Souvenir
from cuecraft.core.reads import Reads, fields


def _no_motif(kind: str) -> str:
    """THM001's message for a kind of item (whole sentences: the words differ by kind)."""
    if kind == "layer":
        return _("the layer “{item}” carries none of the theme’s motifs")
    return _("the positive cue “{item}” carries none of the theme’s motifs")


def _avoided(kind: str) -> str:
    """THM002's message for a kind of item."""
    if kind == "layer":
        return _("the layer “{item}” carries {motifs}, which the theme avoids")
    if kind == "souvenir":
        return _("the souvenir “{item}” carries {motifs}, which the theme avoids")
    return _("the positive cue “{item}” carries {motifs}, which the theme avoids")


READS: Reads = (
    fields("theme", "motifs", "avoid")
    | fields("cues", "polarity", "motifs")
    | fields("layers", "motifs")
    | fields("souvenirs", "motifs")
)


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    motifs = set(design.theme.motifs)
    avoid = set(design.theme.avoid)
    out: list[Finding] = []
    # `not cue.is_negative` spelled out: this runs over every cue of a 10,000-cue design.
    positive = [cue for cue in design.cues if cue.polarity != "negative"]
    themed: list[tuple[Sequence[Cue | Layer | Souvenir], str]] = [
        (positive, "positive cue"),
        (design.layers, "layer"),
    ]

    # With no theme motifs at all, THM003 says it once instead of THM001 for every item.
    if motifs:
        hint = ""
        for items, kind in themed:
            unthemed = [item for item in items if motifs.isdisjoint(item.motifs)]
            if not unthemed:
                continue
            if not hint:  # words only when there is a finding to say them in
                hint = _(
                    "tag it with one of {motifs}, or rethink whether it belongs to this theme"
                ).format(motifs=quote_list(design.theme.motifs[:4], alternatives=True))
            message = _no_motif(kind)
            out.extend(
                finding("THM001", "warning", message.format(item=item.id), (item.id,), item, hint)
                for item in unthemed
            )
    if avoid:
        for items, kind in [*themed, (design.souvenirs, "souvenir")]:
            for item in items:
                if avoid.isdisjoint(item.motifs):
                    continue
                clash = [m for m in item.motifs if m in avoid]
                out.append(
                    finding(
                        "THM002",
                        "error",
                        _avoided(kind).format(item=item.id, motifs=quote_list(clash)),
                        (item.id,),
                        item,
                        _(
                            "change the item so it no longer contradicts the theme, or drop the "
                            "motif"
                        ),
                    )
                )
    if not motifs:
        out.append(
            finding(
                "THM003",
                "warning",
                _("the theme has no motifs, so nothing can harmonize with it"),
                (),
                design.theme.where.get(""),
                _("add the few words that matter to theme.motifs (e.g. rainforest, thunderstorm)"),
            )
        )
    return out
