"""The three-way merge of designs by id and field (SPEC §4 `cuecraft merge`).

The result starts as *ours* (so its comments, layout, line endings and order
stay) and takes from *theirs* what they changed since the *base*:

- a field only one side changed takes that side's value; both sides making the
  same change is no conflict;
- a list whose order carries no meaning merges member by member (what either
  side added is in, what either side removed is out), and a persona's emotions
  merge per touchpoint;
- an item only theirs added joins ours after the item it follows in theirs;
  an item one side deleted and the other left alone is deleted;
- a field both sides changed differently keeps ours and is recorded as a
  conflict; so is an item deleted on one side and changed on the other (ours
  kept, which may mean deleted), and an id both sides added as different kinds.
  Two items both sides added under one id are merged field by field as if from
  an empty item.

The conflicts go into the design's top-level `x-merge-conflicts` list
(`core/conflicts.py`), where `check` reports each as MRG001 until resolved.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from cuecraft.core.conflicts import Conflict, add_conflicts
from cuecraft.core.edits import SECTION_TYPES
from cuecraft.core.itemfields import (
    MISSING,
    SET_FIELDS,
    design_fields,
    item_fields,
    items_by_id,
    last_name,
    same_value,
    set_design_field,
    set_item_field,
)
from cuecraft.core.model import SECTIONS, Design, Item, kind_of


@dataclass(frozen=True)
class MergeResult:
    design: Design
    conflicts: tuple[Conflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


class _Clash(Exception):
    """Both sides changed one value differently."""


def merge_value(path: str, base: Any, ours: Any, theirs: Any) -> Any:
    """The merged value of one field; raise `_Clash` when both sides changed it differently."""
    if same_value(path, ours, theirs):
        return ours
    if same_value(path, base, ours):
        return theirs
    if same_value(path, base, theirs):
        return ours
    if last_name(path) in SET_FIELDS and all(
        isinstance(v, list) or v is MISSING for v in (base, ours, theirs)
    ):
        was = set(base) if isinstance(base, list) else set()
        mine = ours if isinstance(ours, list) else []
        other = theirs if isinstance(theirs, list) else []
        dropped = was - set(other)
        return [v for v in mine if v not in dropped] + [
            v for v in other if v not in was and v not in mine
        ]
    raise _Clash


def _merge_fields(
    item_id: str,
    base: dict[str, Any],
    ours: dict[str, Any],
    theirs: dict[str, Any],
    conflicts: list[Conflict],
) -> dict[str, Any]:
    """The fields whose merged value differs from ours (the rest stay as ours has them)."""
    out: dict[str, Any] = {}
    for name in [*ours, *(n for n in theirs if n not in ours)]:
        b, o, t = base.get(name, MISSING), ours.get(name, MISSING), theirs.get(name, MISSING)
        if isinstance(o, dict) and isinstance(t, dict) and not name.startswith("x-"):
            merged = _merge_mapping(
                item_id, name, b if isinstance(b, dict) else {}, o, t, conflicts
            )
            if merged != o:
                out[name] = merged
            continue
        try:
            merged = merge_value(name, b, o, t)
        except _Clash:
            conflicts.append(Conflict(item_id, name, _present(o), _present(t)))
            continue
        if merged is not o:
            out[name] = merged
    return out


def _merge_mapping(
    item_id: str,
    name: str,
    base: dict[str, Any],
    ours: dict[str, Any],
    theirs: dict[str, Any],
    conflicts: list[Conflict],
) -> dict[str, Any]:
    """A mapping field (a persona's emotions) merged key by key; ours keeps its key order."""
    out = {}
    for key in [*ours, *(k for k in theirs if k not in ours)]:
        b, o, t = base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING)
        try:
            merged = merge_value(f"{name}.{key}", b, o, t)
        except _Clash:
            conflicts.append(Conflict(item_id, f"{name}.{key}", _present(o), _present(t)))
            merged = o
        if merged is not MISSING:
            out[key] = merged
    return out


def _present(value: Any) -> Any:
    return None if value is MISSING else value


def merge_designs(base: Design, ours: Design, theirs: Design) -> MergeResult:
    """Merge what `theirs` changed since `base` into a copy of `ours`.

    The copy is made on write: the result shares with `ours` the items the merge
    leaves alone (a deep copy of a 10,000-cue design costs more than the merge).
    """
    result = _shallow_copy(ours)
    conflicts: list[Conflict] = []
    for path, value in _merge_fields(
        "", design_fields(base), design_fields(ours), design_fields(theirs), conflicts
    ).items():
        set_design_field(result, path, value)
    base_items, our_items, their_items = items_by_id(base), items_by_id(ours), items_by_id(theirs)
    merged = {item.id: item for item in result.items()}
    places = {
        item.id: index
        for section in SECTIONS
        for index, item in enumerate(getattr(result, section))
    }
    dropped: set[str] = set()
    for item_id, (section, item) in our_items.items():
        mine = merged[item_id]
        was = base_items.get(item_id)
        other = their_items.get(item_id)
        if other is None:
            if was is not None and _same_item(was[1], item):
                dropped.add(item_id)  # theirs deleted it, ours left it alone
            elif was is not None:
                conflicts.append(Conflict(item_id, None, _record(item), None))
            continue
        if kind_of(other[1]) != kind_of(item):
            conflicts.append(Conflict(item_id, None, _record(item), _record(other[1])))
            continue
        start = was[1] if was is not None and kind_of(was[1]) == kind_of(item) else None
        if start is None:
            start = SECTION_TYPES[section](id=item_id)  # both added it: merge from empty
        changes = _merge_fields(
            item_id, item_fields(start), item_fields(item), item_fields(other[1]), conflicts
        )
        if changes:
            mine = _own_copy(result, section, mine, places)
            merged[item_id] = mine
            for name, value in changes.items():
                set_item_field(mine, name, copy.deepcopy(value))
    for item_id, (_section, item) in their_items.items():
        if item_id in our_items:
            continue
        was = base_items.get(item_id)
        if was is None:
            continue  # added by theirs: placed below
        if not _same_item(was[1], item):
            conflicts.append(Conflict(item_id, None, None, _record(item)))
    for section in SECTIONS:
        items = [i for i in getattr(result, section) if i.id not in dropped]
        _place_theirs(items, section, their_items, our_items, base_items, merged)
        setattr(result, section, items)
    add_conflicts(result, conflicts)
    return MergeResult(result, tuple(conflicts))


def _place_theirs(
    items: list[Item],
    section: str,
    their_items: dict[str, tuple[str, Item]],
    our_items: dict[str, tuple[str, Item]],
    base_items: dict[str, tuple[str, Item]],
    merged: dict[str, Item],
) -> None:
    """Insert the items only theirs added, each after the item it follows in theirs."""
    previous: str | None = None
    for item_id, (their_section, item) in their_items.items():
        if their_section != section:
            continue
        if item_id in our_items or item_id in base_items or item_id in merged:
            previous = item_id
            continue
        ids = [i.id for i in items]
        at = ids.index(previous) + 1 if previous in ids else (len(items) if previous else 0)
        items.insert(at, copy.deepcopy(item))
        merged[item_id] = item
        previous = item_id


def _shallow_copy(design: Design) -> Design:
    """A design whose own fields, theme and section lists are copies; items are shared."""
    out = copy.copy(design)
    out.theme = copy.copy(design.theme)
    out.theme.realms = copy.copy(design.theme.realms)
    out.theme.motifs = list(design.theme.motifs)
    out.theme.avoid = list(design.theme.avoid)
    out.theme.extra = dict(design.theme.extra)
    out.extra = dict(design.extra)
    for section in SECTIONS:
        setattr(out, section, list(getattr(design, section)))
    return out


def _own_copy(design: Design, section: str, item: Item, places: dict[str, int]) -> Item:
    """The item replaced in its section by a copy of its own, to be changed."""
    mine = copy.deepcopy(item)
    getattr(design, section)[places[item.id]] = mine
    return mine


def _same_item(a: Item, b: Item) -> bool:
    fa, fb = item_fields(a), item_fields(b)
    return kind_of(a) == kind_of(b) and all(
        same_value(n, fa.get(n, MISSING), fb.get(n, MISSING)) for n in {*fa, *fb}
    )


def _record(item: Item) -> dict[str, Any]:
    """A whole item as a conflict records it: its kind and every field that is set."""
    out: dict[str, Any] = {"kind": kind_of(item), "id": item.id}
    blank = item_fields(SECTION_TYPES[_section_of_kind(kind_of(item))](id=item.id))
    for name, value in item_fields(item).items():
        if value != blank.get(name, MISSING):
            out[name] = copy.deepcopy(value)
    return out


def _section_of_kind(kind: str) -> str:
    return {kind_of(t(id="x")): s for s, t in SECTION_TYPES.items()}[kind]
