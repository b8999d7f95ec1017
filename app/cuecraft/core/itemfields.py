"""A design as fields by id: what `diff` compares and `merge` merges (SPEC §4).

Every item is read as a mapping of its fields (its `x-` keys included) and the
design itself as one more mapping whose keys are paths ("title",
"theme.motifs", "theme.realms.escapist", "value.goods", "x-review"). A list whose order
carries no meaning (motifs, senses, at, sees, conflicts, evokes, next, and the
like) is compared as a set.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from cuecraft.core.edits import REFERENCE_FIELDS as REFERENCE_BY_SECTION
from cuecraft.core.edits import SECTION_TYPES
from cuecraft.core.model import KIND_OF, REALMS, SECTIONS, VALUE_STEPS, Design, Item

SET_FIELDS = frozenset(
    {"motifs", "avoid", "senses", "at", "sees", "conflicts", "evokes", "next", "skips", "needs"}
)
"""List fields whose order carries no meaning: compared and merged as sets."""

REFERENCE_FIELDS: dict[str, tuple[str, ...]] = {
    KIND_OF[SECTION_TYPES[section]]: names for section, names in REFERENCE_BY_SECTION.items()
}
"""The fields of each kind that name other items (a persona's emotion by its keys)."""

CONFLICTS_KEY = "x-merge-conflicts"
"""The top-level key where `merge` records what it could not merge (SPEC §4)."""

_NOT_FIELDS = ("id", "extra", "where", "comments")
_THEME_FIELDS = ("name", "tagline", "storyline", "motifs", "avoid")
_DESIGN_FIELDS = ("title", "client", "venue", "language")


def item_fields(item: Item) -> dict[str, Any]:
    """An item's fields by name, in the format's order, then its `x-` keys."""
    out = {name: getattr(item, name) for name in _FIELD_NAMES[type(item)]}
    out.update(item.extra)
    return out


_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    kind: tuple(f.name for f in dataclasses.fields(kind) if f.name not in _NOT_FIELDS)
    for kind in KIND_OF
}


def design_fields(design: Design, with_conflicts: bool = True) -> dict[str, Any]:
    """The design's own fields (not its items) by path: "title", "theme.realms.escapist";
    without `x-merge-conflicts` if asked (a merge keeps that list itself)."""
    out: dict[str, Any] = {name: getattr(design, name) for name in _DESIGN_FIELDS}
    theme = design.theme
    for name in _THEME_FIELDS:
        out[f"theme.{name}"] = getattr(theme, name)
    for realm in REALMS:
        out[f"theme.realms.{realm}"] = getattr(theme.realms, realm)
    for key, value in theme.extra.items():
        out[f"theme.{key}"] = value
    worth = design.value
    for name in ("currency", *VALUE_STEPS):
        out[f"value.{name}"] = getattr(worth, name)
    for key, value in worth.extra.items():
        out[f"value.{key}"] = value
    for key, value in design.extra.items():
        if with_conflicts or key != CONFLICTS_KEY:
            out[key] = value
    return out


def set_design_field(design: Design, path: str, value: Any) -> None:
    """Set one of `design_fields`' paths; a missing value removes an `x-` key."""
    owner: Any = design
    name = path
    if path.startswith("theme.realms."):
        owner, name = design.theme.realms, path.removeprefix("theme.realms.")
    elif path.startswith("theme."):
        owner, name = design.theme, path.removeprefix("theme.")
    elif path.startswith("value."):
        owner, name = design.value, path.removeprefix("value.")
    _set(owner, name, value)


def set_item_field(item: Item, name: str, value: Any) -> None:
    """Set one of `item_fields`' names; a missing value removes an `x-` key."""
    _set(item, name, value)


def _set(owner: Any, name: str, value: Any) -> None:
    if name.startswith("x-"):
        if value is MISSING:
            owner.extra.pop(name, None)
        else:
            owner.extra[name] = value
    else:
        setattr(owner, name, value)


class _Missing:
    """An `x-` key that is not there (unlike a field, which always has a value).

    One object: a copy of it is itself, so `value is MISSING` holds after any copy.
    """

    def __repr__(self) -> str:
        return "MISSING"

    def __copy__(self) -> _Missing:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Missing:
        return self


MISSING: Any = _Missing()


def last_name(path: str) -> str:
    """The field name at the end of a path: "theme.motifs" → "motifs"."""
    return path.rsplit(".", 1)[-1]


def same_value(path: str, a: Any, b: Any) -> bool:
    """Whether two values of one field are equal (sets for the unordered lists)."""
    if last_name(path) in SET_FIELDS and isinstance(a, list) and isinstance(b, list):
        return set(a) == set(b)
    return bool(a == b)


def items_by_id(design: Design) -> dict[str, tuple[str, Item]]:
    """Every item by id, with its section."""
    return {item.id: (section, item) for section in SECTIONS for item in getattr(design, section)}


def mapped(kind: str, fields: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    """An item's fields with the ids they name renamed (for comparing across a rename)."""
    if not renames:
        return fields
    out = dict(fields)
    for name in REFERENCE_FIELDS[kind]:
        value = out.get(name)
        if isinstance(value, list):
            out[name] = [renames.get(v, v) for v in value]
        elif isinstance(value, dict):
            out[name] = {renames.get(k, k): v for k, v in value.items()}
        elif isinstance(value, str):
            out[name] = renames.get(value, value)
    return out


def content_key(kind: str, fields: dict[str, Any], without_references: bool = False) -> str:
    """A hashable summary of an item's content, equal for equal content."""
    skip = REFERENCE_FIELDS[kind] if without_references else ()
    parts = []
    for name, value in fields.items():
        if name in skip:
            continue
        if name in SET_FIELDS and isinstance(value, list):
            value = sorted(value)
        elif isinstance(value, dict):
            value = sorted(value.items(), key=repr)
        parts.append((name, repr(value)))
    parts.sort()
    return kind + repr(parts)


SHOWN_CHARS = 60  # a value longer than this is shortened when shown on one line


def one_line(value: Any, limit: int = SHOWN_CHARS) -> str:
    """A field's value on one line for a message or a report: a list in brackets, a
    mapping in braces, white space collapsed, shortened with “…” past `limit`."""
    if isinstance(value, list):
        text = "[" + ", ".join(str(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
