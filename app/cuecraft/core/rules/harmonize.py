"""Harmonize impressions with positive cues: HAR001, HAR002, HAR003."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding, quote_list
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.reads import PRESENCE, Reads, fields

READS: Reads = PRESENCE | fields("cues", "conflicts", "unique") | fields("zones", "sees")


def check(graph: DesignGraph) -> list[Finding]:
    out: list[Finding] = []
    cues = graph.cues
    # File order of the cues, only when there are conflicts to pair (10,000 cues, often none).
    order = {cue_id: i for i, cue_id in enumerate(cues)} if graph.conflicts else {}

    for cue_id, others in graph.conflicts.items():
        for other in others:
            if order[cue_id] > order[other]:
                continue
            first, second = cues[cue_id], cues[other]
            if not (first.is_active and second.is_active):
                continue
            shared = graph.cue_places[cue_id] & graph.cue_places[other]
            if not shared:
                continue
            places = _in_file_order(graph, shared)
            pair = tuple(sorted((cue_id, other)))
            out.append(
                finding(
                    "HAR001",
                    "error",
                    _(
                        "the cues “{first}” and “{second}” are in conflict but share {places}"
                    ).format(first=cue_id, second=other, places=quote_list(places, limit=3)),
                    pair,
                    cues[pair[0]],  # findings point at the first of their ids
                    _("move one of them elsewhere, or eliminate the one that does not fit"),
                )
            )

    zone_index = {zone: i for i, zone in enumerate(graph.zones)}
    for cue in graph.design.cues:
        if not (cue.unique and cue.is_active):
            continue
        # `graph.zones_where(places)`, sorted from the few places instead of walking all zones.
        zones = sorted(
            (p for p in graph.cue_places[cue.id] if p in zone_index), key=zone_index.__getitem__
        )
        for i, zone in enumerate(zones):
            for other in zones[i + 1 :]:
                if other in graph.sees.get(zone, ()):
                    out.append(
                        finding(
                            "HAR002",
                            "error",
                            _(
                                "the character “{character}” appears both in “{zone}” and in "
                                "“{other}”, and “{zone}” sees “{other}” — never two of the same "
                                "character in one view"
                            ).format(character=cue.id, zone=zone, other=other),
                            (cue.id, *sorted((zone, other))),
                            cue,
                            _(
                                "keep the character in one of the two zones, or block the sight "
                                "line"
                            ),
                        )
                    )

    cues_at = graph.cues_at
    for tp in graph.design.touchpoints:
        if all(c.polarity == "negative" for c in cues_at.get(tp.id, ())):  # no positive cue
            out.append(
                finding(
                    "HAR003",
                    "warning",
                    _("no positive cue is present at the touchpoint “{touchpoint}”").format(
                        touchpoint=tp.id
                    ),
                    (tp.id,),
                    tp,
                    _("place a positive cue at this touchpoint or in its zone"),
                )
            )
    return out


def _in_file_order(graph: DesignGraph, places: set[str]) -> list[str]:
    return [z for z in graph.zones if z in places] + [t for t in graph.touchpoints if t in places]
