"""The words of "What changes": a changed field as a designer reads it, by name, never by id.

`cuecraft diff` speaks to the design team in the file's keys and ids (“at: + bar”);
the brief names the field in plain words (“places”), the items it points to by
their names, and value codes (`after`, `smell`, `high`) in the brief's language:
“places: added “Volcano bar”; removed “Lobby””, “emotion: +1 → +3”. A long text
that was rewritten is said to be reworded rather than printed twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from cuecraft.brief import words
from cuecraft.brief.curve_layout import minus
from cuecraft.core.diff import FieldChange
from cuecraft.core.findings import quote, quote_list
from cuecraft.core.i18n import format_money, format_number, format_percent, pgettext
from cuecraft.core.itemfields import REFERENCE_FIELDS, last_name
from cuecraft.core.model import VALUE_STEPS
from cuecraft.core.names import short, width
from cuecraft.core.words import (
    lane_word,
    level_word,
    phase_word,
    polarity_word,
    sense_word,
    severity_word,
    status_word,
    value_step_word,
)

SHORT_TEXT = 60  # a text wider than this (in Latin characters) is said to be reworded
LIST_SHOWN = 4  # members of a list added or removed named; then “and more”
# Fields holding ids of other items, on any kind (named through the design they are in).
_REFERENCES = frozenset(name for fields in REFERENCE_FIELDS.values() for name in fields)
_EMOTIONS = frozenset(("emotion",))


def field_word(path: str) -> str:
    """A field of the format in plain words: `at` → “places”, `theme.realms.escapist`
    → “Escapist”; an `x-` key (the team's own) as it is written."""
    name = last_name(path)
    if path.startswith("theme.realms."):
        return words.realm(name)
    if path.startswith("value.") and name in VALUE_STEPS:
        # TRANSLATORS: a step of the progression of economic value, as a price that changed
        return pgettext("design field", "price of the {step}").format(
            step=value_step_word(name).lower()
        )
    if path == "value.currency":
        return pgettext("design field", "currency")
    if path == "theme.name":
        return pgettext("design field", "theme")
    said = _FIELD_WORDS.get(name)
    return said() if said is not None else name


# Each field's word spelled out for extraction; the context tells it is a field's name.
_FIELD_WORDS: dict[str, Callable[[], str]] = {
    "title": lambda: pgettext("design field", "title"),
    "client": lambda: pgettext("design field", "client"),
    "venue": lambda: pgettext("design field", "venue"),
    "language": lambda: pgettext("design field", "language"),
    "tagline": lambda: pgettext("design field", "tagline"),
    "storyline": lambda: pgettext("design field", "storyline"),
    "motifs": lambda: pgettext("design field", "motifs"),
    "avoid": lambda: pgettext("design field", "motifs to avoid"),
    "name": lambda: pgettext("design field", "name"),
    "text": lambda: pgettext("design field", "text"),
    "sees": lambda: pgettext("design field", "sees"),
    "phase": lambda: pgettext("design field", "phase"),
    "zone": lambda: pgettext("design field", "zone"),
    "next": lambda: pgettext("design field", "leads to"),
    "emotion": lambda: pgettext("design field", "emotion"),
    "wait": lambda: pgettext("design field", "wait (minutes)"),
    "polarity": lambda: pgettext("design field", "polarity"),
    "senses": lambda: pgettext("design field", "senses"),
    "at": lambda: pgettext("design field", "places"),
    "unique": lambda: pgettext("design field", "a character (never twice in view)"),
    "conflicts": lambda: pgettext("design field", "clashes with"),
    "severity": lambda: pgettext("design field", "severity"),
    "status": lambda: pgettext("design field", "status"),
    "remedy": lambda: pgettext("design field", "remedy"),
    "sense": lambda: pgettext("design field", "sense"),
    "intensity": lambda: pgettext("design field", "intensity"),
    "evokes": lambda: pgettext("design field", "evokes"),
    "lane": lambda: pgettext("design field", "lane"),
    "owner": lambda: pgettext("design field", "owner"),
    "minutes": lambda: pgettext("design field", "standard time (minutes)"),
    "tolerance": lambda: pgettext("design field", "tolerance (minutes)"),
    "fail": lambda: pgettext("design field", "fail point"),
    "recovery": lambda: pgettext("design field", "recovery"),
    "needs": lambda: pgettext("design field", "depends on"),
    "share": lambda: pgettext("design field", "share of guests"),
    "effort": lambda: pgettext("design field", "effort"),
    "impact": lambda: pgettext("design field", "impact"),
    "price": lambda: pgettext("design field", "price"),
    "plain_price": lambda: pgettext("design field", "price of the plain object"),
    "skips": lambda: pgettext("design field", "skips"),
}

_CODES: dict[str, Callable[[str], str]] = {
    "phase": phase_word,
    "sense": sense_word,
    "senses": sense_word,
    "severity": severity_word,
    "status": status_word,
    "polarity": polarity_word,
    "lane": lane_word,
}


def emotion_text(value: int) -> str:
    """A feeling on the −3..+3 scale as the journey's table writes it: “+2”, “0”, “−1”."""
    return minus(f"{value:+d}") if value else "0"


def member(path: str, value: Any, named: Mapping[str, str]) -> str:
    """One value of a field (or one member of a list), as the designer reads it."""
    name = last_name(path)
    if name in _REFERENCES and isinstance(value, str):
        return named.get(value, value)
    code = _CODES.get(name)
    if code is not None and isinstance(value, str):
        return code(value)
    return str(value)


def value_text(path: str, value: Any, named: Mapping[str, str]) -> str:
    """A whole value, short: “—” for none, a text quoted, a list of names."""
    name = last_name(path)
    if value is None or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return pgettext("field value", "yes") if value else pgettext("field value", "no")
    if isinstance(value, int) and name in _EMOTIONS:
        return emotion_text(value)
    if isinstance(value, int) and name == "share":
        return format_percent(value / 100)
    if isinstance(value, int) and name in ("effort", "impact"):
        return level_word(value)
    if isinstance(value, float):
        return format_money(value)  # a price: 9.5 is 9.50, never rounded to 10
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, list):
        shown = [member(path, v, named) for v in value]
        return quote_list(shown, limit=LIST_SHOWN) if name not in _CODES else words.listing(shown)
    if isinstance(value, dict):
        return words.listing([f"{k}: {v}" for k, v in value.items()])
    said = member(path, value, named)
    if name in _REFERENCES or name in _CODES:
        return quote(said) if name in _REFERENCES else said
    return quote(short(said, SHORT_TEXT))


def _is_long(value: Any) -> bool:
    return isinstance(value, str) and width(" ".join(value.split())) > SHORT_TEXT


def change_lines(
    change: FieldChange, old_names: Mapping[str, str], new_names: Mapping[str, str]
) -> list[str]:
    """One changed field in plain words: one line, or one per touchpoint for a persona's
    emotions (a mapping of touchpoint to feeling)."""
    field = field_word(change.field)
    old, new = change.old, change.new
    if last_name(change.field) in _EMOTIONS and isinstance(old or new, dict):
        return _mapping_lines(field, old or {}, new or {}, old_names, new_names)
    if change.is_set:
        added = [member(change.field, v, new_names) for v in change.added]
        removed = [member(change.field, v, old_names) for v in change.removed]
        return [_set_line(field, added, removed)]
    if (_is_long(old) or _is_long(new)) and old and new:
        # TRANSLATORS: a long text of an item (its remedy, the storyline) was rewritten
        return [pgettext("a changed field", "{field}: reworded").format(field=field)]
    before = value_text(change.field, old, old_names)
    after = value_text(change.field, new, new_names)
    # TRANSLATORS: one changed field of an item, e.g. “emotion: +1 → +3”
    said = pgettext("a changed field", "{field}: {before} → {after}")
    return [said.format(field=field, before=before, after=after)]


def _set_line(field: str, added: list[str], removed: list[str]) -> str:
    """“places: added “Bar”; removed “Lobby””: the members a list gained and lost."""
    plus = quote_list(added, limit=LIST_SHOWN) if added else ""
    less = quote_list(removed, limit=LIST_SHOWN) if removed else ""
    if plus and less:
        # TRANSLATORS: a list of an item (its places, its motifs) gained and lost members
        said = pgettext("a changed field", "{field}: added {added}; removed {removed}")
    elif plus:
        said = pgettext("a changed field", "{field}: added {added}")
    else:
        said = pgettext("a changed field", "{field}: removed {removed}")
    return said.format(field=field, added=plus, removed=less)


def _mapping_lines(
    field: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    old_names: Mapping[str, str],
    new_names: Mapping[str, str],
) -> list[str]:
    """A persona's emotion per touchpoint: a line for each touchpoint whose feeling moved."""
    out = []
    for key in [*new, *(k for k in old if k not in new)]:
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        place = new_names.get(key) or old_names.get(key) or key
        # TRANSLATORS: a persona's feeling at one touchpoint changed, e.g.
        # “emotion at “Check in”: +1 → +2”
        said = pgettext("a changed field", "{field} at {place}: {before} → {after}")
        out.append(
            said.format(
                field=field,
                place=quote(place),
                before=emotion_text(a) if isinstance(a, int) else "—",
                after=emotion_text(b) if isinstance(b, int) else "—",
            )
        )
    return out
