"""The three-way merge of designs by id and field (SPEC §4 `cuecraft merge`).

The result starts as *ours* (so its layout, line endings and order stay) and
takes from *theirs* what they changed since the *base*:

- a field only one side changed takes that side's value; both sides making the
  same change is no conflict;
- a list whose order carries no meaning merges member by member (what either
  side added is in, what either side removed is out), and a persona's emotions
  merge per touchpoint;
- comments merge the same way, key by key (`merge_comments.py`): what theirs
  wrote comes in, and where both sides wrote, both are kept;
- an id one side renamed (the item otherwise unchanged, as `diff` finds
  renames) is renamed in the result, with the edits of the other side to it;
- an item only theirs added joins ours after the item it follows in theirs; an
  item one side deleted, or replaced by another kind of item, and the other
  side left alone goes the way of the side that changed it;
- **conflicts** keep ours and are recorded: a field both sides changed
  differently; an item deleted (or replaced) on one side and changed on the
  other; an id both sides renamed differently. Two items both sides added under
  one id merge field by field with nothing in common: every field they set
  differently is a conflict (lists without order are joined), and two
  different kinds under one id are one conflict.

The conflicts go into the design's top-level `x-merge-conflicts` list
(`core/conflicts.py`), where `check` reports each as MRG001 until resolved.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from cuecraft.core.conflicts import Conflict, add_conflicts
from cuecraft.core.diff import renames_among
from cuecraft.core.edits import RenameId
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
from cuecraft.core.merge_comments import merge_comments, merge_preamble
from cuecraft.core.model import SECTIONS, Design, Item, kind_of

ItemsById = dict[str, tuple[str, Item]]

MAPPING_FIELDS = frozenset({"emotion"})
"""Fields that are mappings of the format's own (a persona's emotion per touchpoint):
merged key by key. Touchpoints' `emotion` is a number and merges as one."""


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
        if name in MAPPING_FIELDS and isinstance(o, dict) and isinstance(t, dict):
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
    base_items, our_items, their_items = items_by_id(base), items_by_id(ours), items_by_id(theirs)
    ours_renamed = renames_among(base_items, our_items)
    theirs_renamed = renames_among(base_items, their_items)
    if ours_renamed:
        # Merged under the base's ids, renamed afterwards: an edit on one side reaches
        # the item the other side renamed.
        ours = _with_ids_of_base(ours, ours_renamed)
        our_items = items_by_id(ours)
    if theirs_renamed:
        theirs = _with_ids_of_base(theirs, theirs_renamed)
        their_items = items_by_id(theirs)
    conflicts: list[Conflict] = []
    result = _merge((base, ours, theirs), (base_items, our_items, their_items), conflicts)
    _rename(result, ours_renamed, theirs_renamed, conflicts)
    add_conflicts(result, conflicts)
    return MergeResult(result, tuple(conflicts))


def _with_ids_of_base(design: Design, renamed: dict[str, str]) -> Design:
    """A copy of a side with the ids it renamed given back (references included)."""
    if not renamed:
        return design
    design = copy.deepcopy(design)
    taken = design.index()
    for old_id, new_id in renamed.items():
        if old_id not in taken:
            RenameId(new_id, old_id).apply(design)
    return design


def _rename(
    result: Design,
    ours_renamed: dict[str, str],
    theirs_renamed: dict[str, str],
    conflicts: list[Conflict],
) -> None:
    """Give the merged items the ids either side renamed them to (ours when both did)."""
    for old_id in [*ours_renamed, *(i for i in theirs_renamed if i not in ours_renamed)]:
        mine, other = ours_renamed.get(old_id), theirs_renamed.get(old_id)
        new_id = mine or other
        assert new_id is not None
        index = result.index()
        if old_id not in index or new_id in index:
            continue  # deleted by the other side, or its new id already taken
        RenameId(old_id, new_id).apply(result)
        if mine and other and mine != other:
            conflicts.append(Conflict(new_id, "id", mine, other))


def _merge(
    designs: tuple[Design, Design, Design],
    by_id: tuple[ItemsById, ItemsById, ItemsById],
    conflicts: list[Conflict],
) -> Design:
    """Base, ours and theirs merged; `by_id` holds their items by id (`items_by_id`)."""
    base, ours, theirs = designs
    base_items, our_items, their_items = by_id
    result = _shallow_copy(ours)
    for path, value in _merge_fields(
        "",
        design_fields(base, False),
        design_fields(ours, False),
        design_fields(theirs, False),
        conflicts,
    ).items():
        set_design_field(result, path, value)
    result.preamble = merge_preamble(base.preamble, ours.preamble, theirs.preamble)
    result.comments = merge_comments(base.comments, ours.comments, theirs.comments)
    result.theme.comments = merge_comments(
        base.theme.comments, ours.theme.comments, theirs.theme.comments
    )
    result.value.comments = merge_comments(
        base.value.comments, ours.value.comments, theirs.value.comments
    )
    places = {
        item.id: (section, index)
        for section in SECTIONS
        for index, item in enumerate(getattr(result, section))
    }
    dropped: set[str] = set()  # ours' items that go
    to_place: set[str] = {i for i in their_items if i not in our_items and i not in base_items}
    for item_id, (_section, item) in our_items.items():
        was = base_items.get(item_id)
        other = their_items.get(item_id)
        if other is not None and item == other[1]:
            # Alike on both sides (most of a large design is untouched): every field merges
            # to ours, so only the comments are merged, which dataclass equality leaves out.
            start = was[1] if was is not None and type(was[1]) is type(item) else None
            notes = merge_comments(
                None if start is None else start.comments, item.comments, other[1].comments
            )
            if notes is not item.comments:
                _own_copy(result, places[item_id], item).comments = notes
            continue
        ours_same = was is not None and _same_item(was[1], item)
        if other is None:
            if ours_same:
                dropped.add(item_id)  # theirs deleted it, ours left it alone
            elif was is not None:
                conflicts.append(Conflict(item_id, None, _record(item), None))
            continue
        if kind_of(other[1]) != kind_of(item):
            if ours_same:  # theirs replaced it by another kind of item
                dropped.add(item_id)
                to_place.add(item_id)
            elif was is None or not _same_item(was[1], other[1]):
                conflicts.append(Conflict(item_id, None, _record(item), _record(other[1])))
            continue
        # Two items both sides added under one id have nothing in common to start from.
        start = was[1] if was is not None and kind_of(was[1]) == kind_of(item) else None
        changes = _merge_fields(
            item_id,
            {} if start is None else item_fields(start),
            item_fields(item),
            item_fields(other[1]),
            conflicts,
        )
        notes = merge_comments(
            None if start is None else start.comments, item.comments, other[1].comments
        )
        if changes or notes is not item.comments:
            mine = _own_copy(result, places[item_id], item)
            mine.comments = notes
            for name, value in changes.items():
                set_item_field(mine, name, copy.deepcopy(value))
    for item_id, (_section, item) in their_items.items():
        was = base_items.get(item_id)
        if item_id in our_items or was is None:
            continue
        if not _same_item(was[1], item):
            conflicts.append(Conflict(item_id, None, None, _record(item)))
    placed_in = {their_items[i][0] for i in to_place}
    for section in SECTIONS:
        items = getattr(result, section)
        if dropped:
            items = [i for i in items if i.id not in dropped]
        if section in placed_in:
            items = _place_theirs(items, getattr(theirs, section), to_place)
        setattr(result, section, items)
    return result


def _place_theirs(items: list[Item], theirs: list[Item], to_place: set[str]) -> list[Item]:
    """`items` with the items of `theirs` (one section) whose ids are `to_place`, each
    right after the item it follows in theirs; after the last item when that one is not
    in `items`, first when it follows none. Ids are unique (a design with one id twice
    does not load), so no item has two placed right after it."""
    present = {item.id for item in items}
    first: list[Item] = []
    last: list[Item] = []
    after: dict[str, list[Item]] = {}
    previous: str | None = None
    for item in theirs:
        if item.id in to_place:
            placed = copy.deepcopy(item)
            if previous is None:
                first.append(placed)
            elif previous in present:
                after.setdefault(previous, []).append(placed)
            else:
                last.append(placed)
            present.add(item.id)
        previous = item.id
    if not after:
        return first + items + last
    out: list[Item] = []
    for start in [*first, *items, *last]:
        # An item placed after one placed itself follows it: a run theirs added comes in
        # whole, in theirs' order.
        waiting = [start]
        while waiting:
            item = waiting.pop()
            out.append(item)
            waiting.extend(reversed(after.pop(item.id, ())))
    return out


def _shallow_copy(design: Design) -> Design:
    """A design whose own fields, theme and section lists are copies; items are shared."""
    out = copy.copy(design)
    out.theme = copy.copy(design.theme)
    out.theme.realms = copy.copy(design.theme.realms)
    out.theme.motifs = list(design.theme.motifs)
    out.theme.avoid = list(design.theme.avoid)
    out.theme.extra = dict(design.theme.extra)
    out.value = copy.copy(design.value)
    out.value.extra = dict(design.value.extra)
    out.extra = dict(design.extra)
    for section in SECTIONS:
        setattr(out, section, list(getattr(design, section)))
    return out


def _own_copy(design: Design, place: tuple[str, int], item: Item) -> Item:
    """The item replaced in its section by a copy of its own, to be changed."""
    section, index = place
    mine = copy.deepcopy(item)
    getattr(design, section)[index] = mine
    return mine


def _same_item(a: Item, b: Item) -> bool:
    fa, fb = item_fields(a), item_fields(b)
    return kind_of(a) == kind_of(b) and all(
        same_value(n, fa.get(n, MISSING), fb.get(n, MISSING)) for n in {*fa, *fb}
    )


def _record(item: Item) -> dict[str, Any]:
    """A whole item as a conflict records it: its kind and every field that is set."""
    out: dict[str, Any] = {"kind": kind_of(item), "id": item.id}
    blank = item_fields(type(item)(id=item.id))
    for name, value in item_fields(item).items():
        if value != blank.get(name, MISSING):
            out[name] = copy.deepcopy(value)
    return out
