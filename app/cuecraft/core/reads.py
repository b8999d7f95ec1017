"""What the check reads, field by field: the words of the incremental re-check.

A field is named by the section or owner it belongs to and its name, as an edit
names it: ("cues", "owner"), ("touchpoints", "zone"), ("theme", "motifs"),
("value", "goods"), ("realms", "escapist"), ("design", "title"). Each rule module
says which fields it reads (its `READS`, next to its `check`), the scorecard too
(`cuecraft.core.score.READS`), and `GRAPH_READS` below says which fields
`DesignGraph` reads while it is built and in its cached properties. An edit of a
field nobody reads cannot change a finding (`UNREAD`).
"""

from __future__ import annotations

from cuecraft.core.edits import REFERENCE_FIELDS

Field = tuple[str, str]
"""(section or owner, field name): ("cues", "owner"), ("theme", "motifs")."""

Reads = frozenset[Field]


def fields(section: str, *names: str) -> Reads:
    """Some fields of one section: `fields("cues", "owner", "remedy")`."""
    return frozenset((section, name) for name in names)


REFERENCES: Reads = frozenset(
    (section, name) for section, names in REFERENCE_FIELDS.items() for name in names
)
"""Every field that names other items (a persona's emotion by its keys)."""

PRESENCE: Reads = (
    fields("cues", "at", "polarity", "status")  # an eliminated negative cue is present nowhere
    | fields("layers", "at")
    | fields("souvenirs", "at")
    | fields("touchpoints", "zone")  # a cue in a zone is present at its touchpoints
)
"""What decides where cues, layers and souvenirs are present (`DesignGraph.cues_at`, ...)."""

JOURNEY: Reads = fields("touchpoints", "next", "phase")
"""What decides the journey: its links, entries, ends, return edges and order."""

GRAPH_READS: Reads = (
    REFERENCES
    | PRESENCE
    | JOURNEY
    | fields("touchpoints", "emotion")  # peak_emotion, peak
    | fields("layers", "sense", "intensity")  # sense_intensity
    | fields("personas", "skips", "emotion")  # persona_journeys
)
"""Every field `DesignGraph` reads, in `__init__` or in a cached property (presence,
sense intensities, reachable, journey order, the personas' journeys, ...): an edit of one
rebuilds the graph, so the re-check is a full check. Kept here because the graph
module is not where the re-check lives; `tests/core/test_recheck.py` holds it to the
graph's behaviour. The graph's `network` (names, motifs) is built on first use, for
the views: the re-check drops it when it keeps a graph across edits."""

UNREAD: Reads = (
    fields("design", "title", "client", "venue", "language")
    | fields("theme", "name", "tagline", "storyline")
    | fields("realms", "entertainment", "educational", "escapist", "esthetic")
    | fields("zones", "name")
    | fields("cues", "text", "effort", "impact")
    | fields("layers", "name")
    | fields("souvenirs", "name")
    | fields("actions", "text", "tolerance")
    | fields("personas", "name")
)
"""The fields of the format no rule and no score reads: typing in one of them changes no
finding, so the re-check hands back the previous result itself. (A touchpoint's name is
read only with feedback: FBK004 links the feedback's touchpoints by name.) The findings'
messages are in the language of the moment, not the design's `language`."""
