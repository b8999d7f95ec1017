"""The rules a value of a design obeys, in one place: the loader and every edit ask here.

`schema.py` reads a file with these checks and `edits.py` refuses an edit that
breaks them, so an edit can never make a design that the loader would refuse
(SPEC §7 "Safety"). Each check looks at one value, never at the whole design,
so that typing stays cheap; each returns a message for the designer, or None.

Which characters a text may hold is `characters.py`'s (`text_problem`, `shown`).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cuecraft.core.characters import shown, text_problem
from cuecraft.core.i18n import _, format_number
from cuecraft.core.model import (
    LANES,
    PHASES,
    POLARITIES,
    REALMS,
    SENSES,
    SEVERITIES,
    STATUSES,
    VALUE_STEPS,
)

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
SLUG_MAX = 64
# A BCP-47-like tag: a 2-3 letter language, then subtags (zh-CN, zh-Hans, sr-Latn-RS).
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*\Z")


def id_rule() -> str:
    """What an id may be, in the current language."""
    return _(
        "use lowercase letters, digits, “-” and “_”, starting with a letter or digit, "
        "at most {max} characters"
    ).format(max=SLUG_MAX)


def language_rule() -> str:
    """What a language tag looks like, in the current language."""
    return _("use a short code such as en, pl, zh-CN or zh-Hans")


EMOTION_RANGE = (-3, 3)
INTENSITY_RANGE = (1, 3)
REALM_RANGE = (0, 3)
MINUTES_RANGE = (0, 1440)  # a standard time, its tolerance, a wait: at most a day
SHARE_RANGE = (0, 100)  # a persona's share of guests, in percent
LEVEL_RANGE = (1, 3)  # a negative cue's effort and impact: 1 low, 3 high
MAX_AMOUNT = 1_000_000_000_000  # a price above a trillion is a typing slip, not a price


def near_miss(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` was probably meant to be, or None."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


# -- one value ------------------------------------------------------------------------


def id_problem(value: str) -> str | None:
    """Why this is not an id (a slug of at most SLUG_MAX characters), or None."""
    if SLUG.match(value) and len(value) <= SLUG_MAX:
        return None
    if not value:
        return _("an id must not be empty: {rule}").format(rule=id_rule())
    return _("“{value}” is not a valid id: {rule}").format(value=shown(value), rule=id_rule())


def language_problem(value: str) -> str | None:
    """Why this is not a language tag, or None."""
    if LANGUAGE.match(value):
        return None
    return _("“{value}” is not a language tag: {rule}").format(
        value=shown(value), rule=language_rule()
    )


def choice_problem(value: str, choices: tuple[str, ...]) -> str | None:
    if value in choices:
        return None
    close = near_miss(value, choices)
    if close:
        return _("“{value}” is not one of {choices}; did you mean “{close}”?").format(
            value=shown(value), choices=", ".join(choices), close=close
        )
    return _("“{value}” is not one of {choices}").format(
        value=shown(value), choices=", ".join(choices)
    )


def sense_problem(value: str) -> str | None:
    if value in SENSES:
        return None
    close = near_miss(value, SENSES)
    if close:
        return _("“{value}” is not a sense; senses are {senses}; did you mean “{close}”?").format(
            value=shown(value), senses=", ".join(SENSES), close=close
        )
    return _("“{value}” is not a sense; senses are {senses}").format(
        value=shown(value), senses=", ".join(SENSES)
    )


def number_type_problem(name: str, low: int, high: int) -> str:
    return _("“{field}” must be a whole number from {low} to {high}").format(
        field=name, low=low, high=high
    )


def range_problem(name: str, number: int, low: int, high: int) -> str | None:
    if low <= number <= high:
        return None
    return _("“{field}” is {number}; it must be from {low} to {high}").format(
        field=name, number=number, low=low, high=high
    )


def amount_problem(name: str, value: Any) -> str | None:
    """Why `value` is not a price (a number from 0 up, decimals allowed), or None."""
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    if ok and not math.isfinite(value):
        ok = False
    if not ok:
        return _("“{field}” must be a number of 0 or more, such as 24 or 9.5").format(field=name)
    if value < 0:
        return _("“{field}” is {number}; a price cannot be below 0").format(
            field=name, number=value
        )
    if value > MAX_AMOUNT:
        return _("“{field}” is {number}; a price must be at most {most}").format(
            field=name, number=value, most=format_number(MAX_AMOUNT)
        )
    return None


def required_problem(name: str) -> str:
    return _("“{field}” is required and must not be empty").format(field=name)


# -- the fields of the model ------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """What one field of the model may hold.

    kind: text (str), required (non-empty str), optional (str or None), language
    (None or a tag), id, ref (None or text), words / refs (lists of text), senses,
    choice, optional_choice, number, optional_number, flag (bool), numbers_by_id (a
    mapping of ids to whole numbers: a persona's emotion per touchpoint), amount (None or
    a price: a number ≥ 0, decimals allowed).
    """

    kind: str
    choices: tuple[str, ...] = ()
    low: int = 0
    high: int = 0


_TEXT = Rule("text")
_OPTIONAL = Rule("optional")
_WORDS = Rule("words")
_REFS = Rule("refs")
_ID = Rule("id")
_MINUTES = Rule("optional_number", low=MINUTES_RANGE[0], high=MINUTES_RANGE[1])
_LEVEL = Rule("optional_number", low=LEVEL_RANGE[0], high=LEVEL_RANGE[1])
_AMOUNT = Rule("amount")

FIELDS: dict[str, dict[str, Rule]] = {
    "design": {
        "title": Rule("required"),
        "client": _OPTIONAL,
        "venue": _OPTIONAL,
        "language": Rule("language"),
    },
    "theme": {
        "name": Rule("required"),
        "tagline": _OPTIONAL,
        "storyline": _OPTIONAL,
        "motifs": _WORDS,
        "avoid": _WORDS,
    },
    "realms": {realm: Rule("number", low=REALM_RANGE[0], high=REALM_RANGE[1]) for realm in REALMS},
    "value": {"currency": _OPTIONAL, **{step: _AMOUNT for step in VALUE_STEPS}},
    "zone": {"id": _ID, "name": _TEXT, "sees": _REFS},
    "touchpoint": {
        "id": _ID,
        "name": _TEXT,
        "phase": Rule("choice", PHASES),
        "zone": Rule("ref"),
        "next": _REFS,
        "emotion": Rule("optional_number", low=EMOTION_RANGE[0], high=EMOTION_RANGE[1]),
        "wait": _MINUTES,
    },
    "cue": {
        "id": _ID,
        "text": _TEXT,
        "polarity": Rule("choice", POLARITIES),
        "senses": Rule("senses"),
        "motifs": _WORDS,
        "at": _REFS,
        "unique": Rule("flag"),
        "conflicts": _REFS,
        "severity": Rule("optional_choice", SEVERITIES),
        "status": Rule("optional_choice", STATUSES),
        "remedy": _OPTIONAL,
        "owner": _OPTIONAL,
        "effort": _LEVEL,
        "impact": _LEVEL,
    },
    "layer": {
        "id": _ID,
        "sense": Rule("choice", SENSES),
        "name": _TEXT,
        "at": _REFS,
        "intensity": Rule("number", low=INTENSITY_RANGE[0], high=INTENSITY_RANGE[1]),
        "motifs": _WORDS,
    },
    "souvenir": {
        "id": _ID,
        "name": _TEXT,
        "motifs": _WORDS,
        "evokes": _REFS,
        "at": _REFS,
        "price": _AMOUNT,
        "plain_price": _AMOUNT,
    },
    "action": {
        "id": _ID,
        "text": _TEXT,
        "lane": Rule("choice", LANES),
        "at": _REFS,
        "zone": Rule("ref"),
        "owner": _OPTIONAL,
        "minutes": _MINUTES,
        "tolerance": _MINUTES,
        "fail": _OPTIONAL,
        "recovery": _OPTIONAL,
        "needs": _REFS,
    },
    "persona": {
        "id": _ID,
        "name": _TEXT,
        "share": Rule("optional_number", low=SHARE_RANGE[0], high=SHARE_RANGE[1]),
        "skips": _REFS,
        "emotion": Rule("numbers_by_id", low=EMOTION_RANGE[0], high=EMOTION_RANGE[1]),
    },
}


def _kept_text(old: Any) -> str:
    if isinstance(old, str):
        return old
    if isinstance(old, (list, dict)):
        return "".join(item for item in old if isinstance(item, str))
    return ""


def _text_list_problem(value: Any, name: str, kept: str) -> str | None:
    if not isinstance(value, list):
        return _("“{field}” must be a list of texts").format(field=name)
    for item in value:
        if not isinstance(item, str):
            return _("items of “{field}” must be text").format(field=name)
        problem = text_problem(item, name, kept)
        if problem:
            return problem
    return None


def field_problem(rule: Rule, name: str, value: Any, old: Any = None) -> str | None:
    """Why `value` cannot go into the field `name` ruled by `rule`, or None.

    `old` is the field's value before the edit (characters already in it are kept).
    """
    kind = rule.kind
    kept = _kept_text(old)
    if kind in ("text", "required", "optional", "ref"):
        if value is None:
            if kind in ("optional", "ref"):
                return None
            return required_problem(name) if kind == "required" else _must_be_text(name)
        if not isinstance(value, str):
            return _must_be_text(name)
        if kind == "required" and not value:
            return required_problem(name)
        return text_problem(value, name, kept)
    if kind == "language":
        if value is None:
            return None
        if not isinstance(value, str):
            return _must_be_text(name)
        return language_problem(value)
    if kind == "id":
        return id_problem(value) if isinstance(value, str) else _("an id must be text")
    if kind in ("words", "refs"):
        return _text_list_problem(value, name, kept)
    if kind == "senses":
        if not isinstance(value, list):
            return _("“{field}” must be a list of senses").format(field=name)
        for sense in value:
            problem = sense_problem(sense) if isinstance(sense, str) else _("a sense must be text")
            if problem:
                return problem
        if len(set(value)) != len(value):
            return _("“{field}” lists a sense twice").format(field=name)
        return None
    if kind in ("choice", "optional_choice"):
        if value is None and kind == "optional_choice":
            return None
        if not isinstance(value, str):
            return _("“{field}” must be one of {choices}").format(
                field=name, choices=", ".join(rule.choices)
            )
        return choice_problem(value, rule.choices)
    if kind in ("number", "optional_number"):
        if value is None and kind == "optional_number":
            return None
        # bool is an int to Python, but `true` is not a number to the format.
        if not isinstance(value, int) or isinstance(value, bool):
            return number_type_problem(name, rule.low, rule.high)
        return range_problem(name, value, rule.low, rule.high)
    if kind == "flag":
        return None if isinstance(value, bool) else must_be_flag(name)
    if kind == "amount":
        return None if value is None else amount_problem(name, value)
    if kind == "numbers_by_id":
        return _numbers_by_id_problem(rule, name, value, kept)
    raise AssertionError(f"unknown rule kind {kind!r}")


def _numbers_by_id_problem(rule: Rule, name: str, value: Any, kept: str) -> str | None:
    if not isinstance(value, dict):
        return _("“{field}” must be a mapping of ids to numbers").format(field=name)
    for key, number in value.items():
        if not isinstance(key, str):
            return _("keys inside “{field}” must be text").format(field=name)
        problem = text_problem(key, name, kept) or (
            _("a key inside “{field}” must not be empty").format(field=name) if not key else None
        )
        if problem:
            return problem
        if not isinstance(number, int) or isinstance(number, bool):
            return number_type_problem(f"{name}.{key}", rule.low, rule.high)
        problem = range_problem(f"{name}.{key}", number, rule.low, rule.high)
        if problem:
            return problem
    return None


def extra_problem(extra: Any) -> str | None:
    """Why these `x-` keys cannot be kept as they are, or None."""
    if not isinstance(extra, dict):
        return _("keys of your own must be a mapping")
    for key, value in extra.items():
        if not isinstance(key, str) or not key.startswith("x-"):
            return _("“{key}” is not a key of your own: such keys start with “x-”").format(key=key)
        problem = _data_problem(value, key)
        if problem:
            return problem
    return None


def _data_problem(value: Any, name: str) -> str | None:
    if isinstance(value, str):
        return text_problem(value, name)
    if isinstance(value, list):
        for item in value:
            problem = _data_problem(item, name)
            if problem:
                return problem
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return _("keys inside “{field}” must be text").format(field=name)
            problem = text_problem(key, name) or _data_problem(item, name)
            if problem:
                return problem
        return None
    return _("“{field}” must hold text, lists and mappings only").format(field=name)


def _must_be_text(name: str) -> str:
    return _("“{field}” must be text").format(field=name)


def must_be_flag(name: str) -> str:
    """The problem of a flag field (`unique`) that is not true or false."""
    return _("“{field}” must be true or false").format(field=name)
