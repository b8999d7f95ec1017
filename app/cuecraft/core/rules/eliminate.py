"""Eliminate negative cues: ELI001, ELI002 ("6 − 1 = 0"), ELI003, ELI004."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding, quote_join, quote_list
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, ngettext
from cuecraft.core.plan import has_owner
from cuecraft.core.reads import JOURNEY, PRESENCE, Reads, fields

READS: Reads = PRESENCE | JOURNEY | fields("cues", "remedy", "severity", "owner")
"""The journey for ELI002: the touchpoints on a way from an entry to an end, and the path
its message shows."""


def check(graph: DesignGraph) -> list[Finding]:
    out: list[Finding] = []
    on_path = graph.on_entry_to_end_path
    for cue in graph.design.cues:
        # `cue.is_negative` spelled out: most of a 10,000-cue design's cues are positive.
        if cue.polarity != "negative" or not cue.is_active:
            continue
        if not (cue.remedy or "").strip():
            out.append(
                finding(
                    "ELI001",
                    "warning",
                    _("the negative cue “{cue}” has no remedy").format(cue=cue.id),
                    (cue.id,),
                    cue,
                    _("write down how it will be eliminated, even as a first idea"),
                    ("remedy",),
                )
            )
        if cue.effective_severity == "high" and not has_owner(cue):
            out.append(
                finding(
                    "ELI004",
                    "warning",
                    _(
                        "the high-severity negative cue “{cue}” has no owner: nobody answers "
                        "for eliminating it"
                    ).format(cue=cue.id),
                    (cue.id,),
                    cue,
                    _("name the person or team who will eliminate it"),
                    ("owner",),
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
                        _(
                            "6 − 1 = 0: the high-severity negative cue “{cue}” is present at "
                            "{touchpoints} on the journey ({path}); one bad touchpoint spoils "
                            "the whole experience"
                        ).format(
                            cue=cue.id,
                            touchpoints=_named(hit, 5),
                            path=" → ".join(path),
                        ),
                        (cue.id,),
                        cue,
                        _("eliminate it before anything else"),
                        ("status: eliminated",),
                    )
                )
        if not places:
            out.append(
                finding(
                    "ELI003",
                    "warning",
                    _(
                        "the negative cue “{cue}” is placed nowhere, so nobody knows where "
                        "to eliminate it"
                    ).format(cue=cue.id),
                    (cue.id,),
                    cue,
                    _("say where guests meet it: in which zones or at which touchpoints"),
                    ("at",),
                )
            )
    return out


def _named(touchpoints: list[str], limit: int) -> str:
    """The touchpoints by id, at most `limit` of them, then how many more there are."""
    if len(touchpoints) <= limit:
        return quote_list(touchpoints)
    more = len(touchpoints) - limit
    return ngettext(
        "{touchpoints} and {n} more touchpoint", "{touchpoints} and {n} more touchpoints", more
    ).format(touchpoints=quote_join(touchpoints[:limit]), n=more)
