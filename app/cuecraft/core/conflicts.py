"""Merge conflicts kept in the file: the `x-merge-conflicts` list (SPEC §4).

`cuecraft merge` records each conflict it could not settle as one entry:

    x-merge-conflicts:
      - id: storm            # the item ('' for the design's own fields)
        field: emotion       # the field; null when the whole item is in question
        ours: 2              # what the file now holds (null: the item is deleted)
        theirs: 3            # the other side's value, or their whole item

The file still loads (an `x-` key is kept verbatim), `check` reports MRG001 per
entry, and `resolve` gives the edit that settles one: take theirs (the value
goes in, the entry goes) or keep ours (the entry goes).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from cuecraft.core.edits import (
    SECTION_TYPES,
    AddItem,
    Batch,
    Change,
    Edit,
    EditError,
    RemoveItem,
    RenameId,
    SetField,
    find,
    section_of,
)
from cuecraft.core.i18n import _
from cuecraft.core.itemfields import CONFLICTS_KEY
from cuecraft.core.model import Design, kind_of
from cuecraft.core.schema_reader import AMOUNT
from cuecraft.core.validate import FIELDS
from cuecraft.core.writer import amount_text
from cuecraft.core.yamltree import Plain

CODE = "MRG001"
"""The finding `check` reports for each entry (rules/merges.py)."""

_NULLS = ("null", "Null", "NULL", "~", "")


@dataclass(frozen=True)
class Conflict:
    """One thing a merge could not settle: `field` None means the whole item."""

    id: str
    field: str | None
    ours: Any  # None: absent (for a whole item: deleted)
    theirs: Any

    def as_recorded(self) -> Recorded:
        """The conflict as it reads back from the file (for its MRG001 message)."""
        entry = self.record()
        return Recorded(-1, self.id, self.field, entry["ours"], entry["theirs"], True)

    def record(self) -> dict[str, Any]:
        """The entry as it is written under `x-merge-conflicts`."""
        return {
            "id": self.id,
            "field": _encode(self.field),
            "ours": _encode(self.ours),
            "theirs": _encode(self.theirs),
        }


def _encode(value: Any) -> Any:
    """A value as the file keeps it: numbers, flags and null as plain words."""
    if value is None:
        return Plain("null")
    if isinstance(value, bool):
        return Plain("true" if value else "false")
    if isinstance(value, int):
        return Plain(str(value))
    if isinstance(value, float):  # a price, as the file writes it (never 1e-07)
        return Plain(amount_text(value) or "0")
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def _is_null(value: Any) -> bool:
    return isinstance(value, Plain) and str(value) in _NULLS


def add_conflicts(design: Design, conflicts: list[Conflict]) -> None:
    """Record conflicts in the design (after any it holds already, without repeats)."""
    if not conflicts:
        return
    entries = design.extra.get(CONFLICTS_KEY)
    entries = list(entries) if isinstance(entries, list) else []
    for conflict in conflicts:
        record = conflict.record()
        if record not in entries:
            entries.append(record)
    design.extra[CONFLICTS_KEY] = entries


@dataclass(frozen=True)
class Recorded:
    """One entry of `x-merge-conflicts` as read back from a file."""

    index: int
    id: str
    field: str | None
    ours: Any
    theirs: Any
    readable: bool  # False: the entry is not in the form `merge` writes


def recorded_conflicts(design: Design) -> list[Recorded]:
    """The entries of the design's `x-merge-conflicts`, in file order."""
    entries = design.extra.get(CONFLICTS_KEY)
    if not isinstance(entries, list):
        return (
            []
            if entries is None or _is_null(entries)
            else [Recorded(0, "", None, None, None, False)]
        )
    out = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            out.append(Recorded(index, "", None, None, None, False))
            continue
        item_id, field = entry.get("id", ""), entry.get("field")
        readable = isinstance(item_id, str) and (
            field is None or _is_null(field) or isinstance(field, str)
        )
        out.append(
            Recorded(
                index,
                str(item_id) if isinstance(item_id, str) else "",
                None if field is None or _is_null(field) else str(field),
                entry.get("ours"),
                entry.get("theirs"),
                readable,
            )
        )
    return out


# -- resolving ----------------------------------------------------------------------------


@dataclass
class DropConflict(Edit):
    """Remove one entry from `x-merge-conflicts` (the whole key with its last entry)."""

    index: int
    description: str = "Resolve merge conflict"
    _entries: Any = None

    def apply(self, design: Design) -> Change:
        entries = design.extra.get(CONFLICTS_KEY)
        if not isinstance(entries, list) or not 0 <= self.index < len(entries):
            raise EditError(_("this merge conflict is already resolved"))
        self._entries = entries
        rest = [e for i, e in enumerate(entries) if i != self.index]
        if rest:
            design.extra[CONFLICTS_KEY] = rest
        else:
            del design.extra[CONFLICTS_KEY]
        return Change(frozenset({"design"}))

    def revert(self, design: Design) -> Change:
        design.extra[CONFLICTS_KEY] = self._entries
        return Change(frozenset({"design"}))


@dataclass
class SetExtra(Edit):
    """Set (or, with None, remove) one `x-` key of the design, the theme or an item."""

    owner: str
    key: str
    value: Any
    description: str = "Change a key of your own"
    _old: Any = None
    _had: bool = False

    def _extra(self, design: Design) -> dict[str, Any]:
        if self.owner == "design":
            return design.extra
        if self.owner == "theme":
            return design.theme.extra
        if self.owner == "value":
            return design.value.extra
        return find(design, self.owner).extra

    def apply(self, design: Design) -> Change:
        extra = self._extra(design)
        self._had, self._old = self.key in extra, extra.get(self.key)
        if self.value is None:
            extra.pop(self.key, None)
        else:
            extra[self.key] = copy.deepcopy(self.value)
        return Change(
            frozenset({"design"}),
            frozenset() if self.owner in ("design", "theme", "value") else frozenset({self.owner}),
        )

    def revert(self, design: Design) -> Change:
        extra = self._extra(design)
        if self._had:
            extra[self.key] = self._old
        else:
            extra.pop(self.key, None)
        return Change(
            frozenset({"design"}),
            frozenset() if self.owner in ("design", "theme", "value") else frozenset({self.owner}),
        )


def resolve(design: Design, conflict: Recorded, take_theirs: bool) -> Edit:
    """The one undoable edit that settles a recorded conflict.

    Keep ours removes the entry; take theirs also puts their value (or their
    whole item, or the deletion) in. Raise `EditError` when their value cannot
    go into the design as it now is.
    """
    drop = DropConflict(conflict.index)
    if not take_theirs:
        return Batch([drop], _("Keep ours"))
    if not conflict.readable:
        raise EditError(_("this entry is not in the form a merge writes; edit the file instead"))
    edits: list[Edit] = [*_take_theirs(design, conflict), drop]
    return Batch(edits, _("Take theirs"))


def _take_theirs(design: Design, conflict: Recorded) -> list[Edit]:
    if conflict.field is None:
        return _take_their_item(design, conflict)
    if conflict.id == "":
        return [_design_field(conflict.field, conflict.theirs)]
    item = find(design, conflict.id)
    kind = kind_of(item)
    if conflict.field.startswith("x-"):  # a key of one's own, dots and all
        theirs = None if _is_null(conflict.theirs) else conflict.theirs
        return [SetExtra(conflict.id, conflict.field, theirs)]
    if conflict.field == "id":  # both sides renamed the item, differently
        return [RenameId(conflict.id, str(conflict.theirs))]
    name, _dot, key = conflict.field.partition(".")
    rule = FIELDS[kind].get(name)
    if rule is None:
        raise EditError(_("“{field}” is not a field of a {kind}").format(field=name, kind=kind))
    if key:  # one touchpoint of a persona's emotions
        emotions = dict(getattr(item, name))
        value = _decode("number", conflict.theirs)
        if value is None:
            emotions.pop(key, None)
        else:
            emotions[key] = value
        return [SetField(conflict.id, name, emotions)]
    return [SetField(conflict.id, name, _decode(rule.kind, conflict.theirs))]


def _design_field(path: str, raw: Any) -> Edit:
    if path.startswith("theme.realms."):
        realm = path.removeprefix("theme.realms.")
        return SetField("realms", realm, _decode("number", raw))
    owner, name = "design", path
    for part in ("theme", "value"):
        if path.startswith(part + "."):
            owner, name = part, path.removeprefix(part + ".")
    if name.startswith("x-"):
        return SetExtra(owner, name, None if _is_null(raw) else raw)
    rule = FIELDS[owner].get(name)
    if rule is None:
        raise EditError(_("“{field}” is not a field of the design").format(field=path))
    return SetField(owner, name, _decode(rule.kind, raw))


def _take_their_item(design: Design, conflict: Recorded) -> list[Edit]:
    present = conflict.id in design.index()
    if _is_null(conflict.theirs) or conflict.theirs is None:
        return [RemoveItem(conflict.id)] if present else []
    if not isinstance(conflict.theirs, dict):
        raise EditError(_("their item is not recorded in full; edit the file instead"))
    item = item_from_record(conflict.theirs)
    section = _section_of(kind_of(item))
    edits: list[Edit] = []
    index = None
    if present:
        old_section, index = section_of(design, conflict.id)
        edits.append(RemoveItem(conflict.id, unlink=False))
        if old_section != section:
            index = None
    edits.append(AddItem(section, item, index))
    return edits


def _section_of(kind: str) -> str:
    for section, cls in SECTION_TYPES.items():
        if kind_of(cls(id="x")) == kind:
            return section
    raise EditError(_("“{kind}” is not a kind of item").format(kind=kind))


def item_from_record(record: dict[str, Any]) -> Any:
    """The item a whole-item entry holds (its `kind`, `id` and the fields that are set)."""
    kind = str(record.get("kind", ""))
    cls = SECTION_TYPES[_section_of(kind)]
    item = cls(id=str(record.get("id", "")))
    for name, raw in record.items():
        if name in ("kind", "id"):
            continue
        if name.startswith("x-"):
            item.extra[name] = raw
            continue
        rule = FIELDS[kind].get(name)
        if rule is None:
            raise EditError(_("“{field}” is not a field of a {kind}").format(field=name, kind=kind))
        setattr(item, name, _decode(rule.kind, raw))
    return item


def _decode(rule_kind: str, raw: Any) -> Any:
    """A recorded value as the field holds it (whole numbers, flags, lists, text)."""
    if _is_null(raw) or raw is None:
        return (
            []
            if rule_kind in ("words", "refs", "senses")
            else {}
            if rule_kind == "numbers_by_id"
            else None
        )
    if rule_kind in ("number", "optional_number"):
        try:
            return int(str(raw))
        except ValueError:
            raise EditError(_("“{value}” is not a whole number").format(value=raw)) from None
    if rule_kind == "amount":
        text = str(raw)
        if AMOUNT.match(text):
            return float(text) if "." in text else int(text)
        raise EditError(_("“{value}” is not a price").format(value=raw))
    if rule_kind == "flag":
        return str(raw).lower() in ("true", "yes", "on")
    if rule_kind in ("words", "refs", "senses"):
        return [str(v) for v in raw] if isinstance(raw, list) else [str(raw)]
    if rule_kind == "numbers_by_id":
        if not isinstance(raw, dict):
            raise EditError(_("the recorded emotions are not a mapping"))
        return {str(k): _decode("number", v) for k, v in raw.items()}
    return str(raw)
