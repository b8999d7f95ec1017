"""What a field of the inspector is (`Field`), and the word shown for a choice's value.

A choice stores its English value (`high`, `after`) in the file and shows the
value's word in the current language (`choice_label`, from core's words). This
module marks no words of its own: the labels and tips are in `inspector_fields`.
"""

from __future__ import annotations

from dataclasses import dataclass

from cuecraft.core.plan import LEVELS
from cuecraft.core.words import (
    lane_word,
    level_word,
    phase_word,
    polarity_word,
    realm_word,
    sense_word,
    severity_word,
    status_word,
)

LEVEL_OPTIONS = tuple(str(level) for level in LEVELS)  # a negative cue's impact and effort


@dataclass(frozen=True)
class Field:
    name: str
    label: str  # English, marked with N_: translate with _() where shown
    kind: str  # id language text longtext optional optional_long choice optional_choice
    #            words refs senses bool int optional_int zone overrides
    #            amount (a price or none) level (1..3 or none) currency
    options: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    negative_only: bool = False  # shown for negative cues only
    tip: str = ""  # English, marked with N_; "" for none
    money: bool = False  # an amount in the design's currency, which its label names


def choice_label(name: str, value: str) -> str:
    """The word shown for a stored value of a choice field (`severity`, `high` → "wysoka");
    the value itself stays English in the file."""
    if name == "phase":
        return phase_word(value)
    if name == "polarity":
        return polarity_word(value)
    if name == "severity":
        return severity_word(value)
    if name == "status":
        return status_word(value)
    if name in ("sense", "senses"):
        return sense_word(value)
    if name == "realm":
        return realm_word(value)
    if name == "lane":
        return lane_word(value)
    if name in ("impact", "effort") and value.isdigit():  # "3 · high": the file's number too
        return f"{value} · {level_word(int(value))}"
    return value
