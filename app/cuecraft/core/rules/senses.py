"""Engage all five senses: SEN001, SEN002, SEN003."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding, quote_list
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, ngettext
from cuecraft.core.model import SENSES
from cuecraft.core.reads import PRESENCE, Reads, fields
from cuecraft.core.words import sense_word

OVERLOAD = 3  # a sense's layers in one zone may add up to this intensity, no more (SEN003)


READS: Reads = PRESENCE | fields("cues", "senses") | fields("layers", "sense", "intensity")


def engaged_senses(graph: DesignGraph) -> set[str]:
    """Senses engaged by the positive cues and the layers of the design."""
    engaged = {layer.sense for layer in graph.design.layers}
    for cue in graph.design.cues:
        if cue.senses and cue.polarity != "negative":  # `not cue.is_negative`, ×10,000 cues
            engaged.update(cue.senses)
            if engaged.issuperset(SENSES):
                break  # all five: the other cues cannot add one (a big design gets here early)
    return engaged


def senses_at(graph: DesignGraph, place: str) -> set[str]:
    """Senses engaged at one place by the positive cues and layers present there."""
    found = {s for c in graph.cues_at.get(place, ()) if not c.is_negative for s in c.senses}
    found.update(layer.sense for layer in graph.layers_at.get(place, ()))
    return found


def engages_any(graph: DesignGraph, place: str) -> bool:
    """Whether some sense is engaged at one place (`senses_at` is not empty), found without
    collecting them all: SEN002 asks this of every touchpoint."""
    if graph.layers_at.get(place):
        return True
    return any(c.senses and not c.is_negative for c in graph.cues_at.get(place, ()))


def is_overload(intensity: int) -> bool:
    """Whether one sense's layers in one zone, added up (`DesignGraph.intensity_in`),
    overload guests (SEN003); the brief's sensory map marks the same cells."""
    return intensity > OVERLOAD


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    out: list[Finding] = []
    engaged = engaged_senses(graph)
    if len(engaged) < 5:
        missing = [s for s in SENSES if s not in engaged]
        out.append(
            finding(
                "SEN001",
                "warning" if len(engaged) < 3 else "info",
                ngettext(
                    "the design engages {engaged} of the five senses; {missing} is missing",
                    "the design engages {engaged} of the five senses; {missing} are missing",
                    len(missing),
                ).format(
                    engaged=len(engaged), missing=quote_list([sense_word(s) for s in missing])
                ),
                (),
                design.where.get("cues") or design.where.get(""),
                _("add a positive cue or a sensory layer for each missing sense"),
            )
        )
    for tp in design.touchpoints:
        if not engages_any(graph, tp.id):
            out.append(
                finding(
                    "SEN002",
                    "warning",
                    _("no sense is engaged at the touchpoint “{touchpoint}”").format(
                        touchpoint=tp.id
                    ),
                    (tp.id,),
                    tp,
                    _("give the moment a sight, sound, smell, touch or taste (a cue or a layer)"),
                )
            )
    for zone in design.zones:
        totals = graph.sense_intensity.get(zone.id)
        if not totals:
            continue
        for sense in SENSES:
            if is_overload(totals.get(sense, 0)):
                out.append(
                    finding(
                        "SEN003",
                        "warning",
                        _(
                            "the {sense} layers in “{zone}” add up to intensity {total} "
                            "(above {limit}): sensory overload"
                        ).format(
                            sense=sense_word(sense),
                            zone=zone.id,
                            total=totals[sense],
                            limit=OVERLOAD,
                        ),
                        (zone.id, sense),
                        zone,
                        _("lower the intensity of a layer or move one to another zone"),
                    )
                )
    return out
