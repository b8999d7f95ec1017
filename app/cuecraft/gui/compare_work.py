"""The Comparison panel's diff, worked out a slice at a time (SPEC §7: typing in a
10,000-cue design never freezes the window for more than 50 ms).

`diff_designs` of two 10,000-cue designs takes 100 ms or more in one go. Its work
is item by item, except for the ids only one side has: an id gone and another come
may be a rename, and the items naming a renamed id are compared across the rename.
So the core's diff runs first on those items (every id only one side has, or whose
kind changed, and every item whose as-is side names such an id) with the design's
own fields and both check results: that gives the design's fields, the items added,
removed and renamed, the findings and the scores, as the whole diff would. Every
other item is on both sides under the same id and names no gone id: the core's diff
of a few hundred of them at a time says which of them changed, and how, exactly as
the whole diff would. The result is the same `DesignDiff` (tests/gui/test_compare.py
compares them).

Between slices the generator yields; the panel looks at the window's events then,
and drops the work when the design is edited (its items change under it).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import replace

from cuecraft.core.check import CheckResult
from cuecraft.core.diff import DesignDiff, diff_designs
from cuecraft.core.itemfields import item_fields, items_by_id, mapped
from cuecraft.core.model import SECTIONS, Design, Item, kind_of

ITEMS_PER_SLICE = 400  # items compared between two looks at the window's events
_GONE = "\0gone"  # what an id only the as-is has becomes, to see who names one

Work = Generator[None, None, DesignDiff]


def diff_in_slices(
    old: Design,
    new: Design,
    old_result: CheckResult,
    new_result: CheckResult,
    per_slice: int | None = None,
) -> Work:
    """`diff_designs(old, new, old_result, new_result)`, yielding between slices of
    `per_slice` items (ITEMS_PER_SLICE)."""
    per_slice = per_slice or ITEMS_PER_SLICE
    old_items = items_by_id(old)
    yield
    new_items = items_by_id(new)
    yield
    gone: dict[str, None] = {}  # in the as-is design's order, as the core lists them
    for n, (item_id, (_section, item)) in enumerate(old_items.items()):
        if n % per_slice == per_slice - 1:
            yield
        there = new_items.get(item_id)
        if there is None or kind_of(there[1]) != kind_of(item):
            gone[item_id] = None
    # The items on both sides: those whose as-is side names a gone id go with the renames.
    marks = dict.fromkeys(gone, _GONE)
    fresh: list[str] = []
    naming_gone: list[str] = []
    alike: list[str] = []
    for n, (item_id, (_section, item)) in enumerate(new_items.items()):
        if n % per_slice == per_slice - 1:
            yield
        here = old_items.get(item_id)
        if here is None or kind_of(here[1]) != kind_of(item):
            fresh.append(item_id)
            continue
        if marks:
            fields = item_fields(here[1])
            if mapped(kind_of(item), fields, marks) != fields:
                naming_gone.append(item_id)
                continue
        alike.append(item_id)
    yield
    old_part = _part(old, [*gone, *naming_gone], old_items)
    yield
    new_part = _part(new, [*fresh, *naming_gone], new_items)
    yield
    first = diff_designs(old_part, new_part, old_result, new_result)
    changed = list(first.changed)
    # The rest compare item by item: no rename touches them, no finding is matched again.
    old_bare, new_bare = replace(old_result, findings=[]), replace(new_result, findings=[])
    for start in range(0, len(alike), per_slice):
        yield
        ids = alike[start : start + per_slice]
        part = diff_designs(
            _part(old, ids, old_items), _part(new, ids, new_items), old_bare, new_bare
        )
        changed.extend(part.changed)
    if naming_gone and alike:  # two runs of changes, each in the design's order: one order
        yield
        order = {item_id: n for n, item_id in enumerate(new_items)}
        changed.sort(key=lambda change: order[change.id])
    return replace(first, changed=tuple(changed))


def _part(design: Design, ids: list[str], items: dict[str, tuple[str, Item]]) -> Design:
    """`design` with only the items of `ids` (listed in the design's order)."""
    sections: dict[str, list[Item]] = {s: [] for s in SECTIONS}
    for item_id in ids:
        section, item = items[item_id]
        sections[section].append(item)
    return replace(design, **sections)  # type: ignore[arg-type]
