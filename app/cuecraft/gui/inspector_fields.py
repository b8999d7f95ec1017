"""The inspector's form, field by field: what each field of each kind of item is edited with.

The ranges come from the core's rules (`core/validate.py`), so a spin box offers
exactly the numbers the format allows.
"""

from __future__ import annotations

from dataclasses import dataclass

from cuecraft.core.model import PHASES, POLARITIES, SENSES, SEVERITIES, STATUSES
from cuecraft.core.validate import EMOTION_RANGE, INTENSITY_RANGE


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str  # id language text longtext optional optional_long choice optional_choice
    #            words refs senses bool int optional_int zone
    options: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    negative_only: bool = False


TEXTS = {
    "design": [
        Field("title", "Title", "text"),
        Field("client", "Client", "optional"),
        Field("venue", "Venue", "optional"),
        Field("language", "Language", "language"),
    ],
    "theme": [
        Field("name", "Theme", "text"),
        Field("tagline", "Tagline", "optional"),
        Field("storyline", "Storyline", "optional_long"),
        Field("motifs", "Motifs", "words"),
        Field("avoid", "Avoid", "words"),
    ],
    "zone": [
        Field("id", "Id", "id"),
        Field("name", "Name", "text"),
        Field("sees", "Sees (line of sight)", "refs", ("zone",)),
    ],
    "touchpoint": [
        Field("id", "Id", "id"),
        Field("name", "Name", "text"),
        Field("phase", "Phase", "choice", PHASES),
        Field("zone", "Zone", "zone", ("zone",)),
        Field("next", "Next", "refs", ("touchpoint",)),
        Field(
            "emotion", "Target emotion", "optional_int", low=EMOTION_RANGE[0], high=EMOTION_RANGE[1]
        ),
    ],
    "cue": [
        Field("id", "Id", "id"),
        Field("text", "Text", "longtext"),
        Field("polarity", "Polarity", "choice", POLARITIES),
        Field("senses", "Senses", "senses"),
        Field("motifs", "Motifs", "words"),
        Field("at", "At", "refs", ("zone", "touchpoint")),
        Field("unique", "A character (never twice in view)", "bool"),
        Field("conflicts", "Conflicts with", "refs", ("cue",)),
        Field("severity", "Severity", "optional_choice", SEVERITIES, negative_only=True),
        Field("status", "Status", "optional_choice", STATUSES, negative_only=True),
        Field("remedy", "Remedy", "optional_long", negative_only=True),
    ],
    "layer": [
        Field("id", "Id", "id"),
        Field("sense", "Sense", "choice", SENSES),
        Field("name", "Name", "text"),
        Field("at", "At", "refs", ("zone",)),
        Field("intensity", "Intensity", "int", low=INTENSITY_RANGE[0], high=INTENSITY_RANGE[1]),
        Field("motifs", "Motifs", "words"),
    ],
    "souvenir": [
        Field("id", "Id", "id"),
        Field("name", "Name", "text"),
        Field("motifs", "Motifs", "words"),
        # A souvenir brings back a good moment: it evokes positive cues only.
        Field("evokes", "Evokes", "refs", ("positive cue",)),
        Field("at", "Available at", "refs", ("zone", "touchpoint")),
    ],
}
