"""The semantic diff of two designs (SPEC §4 `cuecraft diff`, §6 "What changes").

Items are matched by id. An item that is gone under one id and present under
another with otherwise equal content (the ids it names renamed alike) is a
rename, not a removal and an addition; the items that name it are then not
reported as changed for that alone. Lists whose order carries no meaning are
compared as sets. Findings are matched by code and ids (old ids renamed), and
the scorecard is read before and after. Comments and the order of items in the
file are not part of a design, so they never make two designs differ.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from cuecraft.core.check import CheckResult, check
from cuecraft.core.findings import Finding
from cuecraft.core.itemfields import (
    MISSING,
    SET_FIELDS,
    content_key,
    design_fields,
    item_fields,
    items_by_id,
    last_name,
    mapped,
    same_value,
)
from cuecraft.core.model import Design, Item, kind_of
from cuecraft.core.score import Scorecard


@dataclass(frozen=True)
class FieldChange:
    """One field that differs; for a set-like list, the members added and removed."""

    field: str
    old: Any
    new: Any

    @property
    def is_set(self) -> bool:
        return (
            last_name(self.field) in SET_FIELDS
            and isinstance(self.old, list)
            and isinstance(self.new, list)
        )

    @property
    def added(self) -> list[str]:
        return [v for v in self.new if v not in self.old] if self.is_set else []

    @property
    def removed(self) -> list[str]:
        return [v for v in self.old if v not in self.new] if self.is_set else []


@dataclass(frozen=True)
class ItemChange:
    """An item present on both sides whose fields differ."""

    kind: str
    id: str
    item: Item  # as it is in the new design
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Rename:
    kind: str
    old_id: str
    new_id: str
    item: Item  # as it is in the new design


@dataclass(frozen=True)
class DesignDiff:
    """What changes from one design to another: items, findings and scores."""

    design: tuple[FieldChange, ...]  # the title, the theme and other top-level fields
    added: tuple[Item, ...]  # in the new design's order
    removed: tuple[Item, ...]  # in the old design's order
    renamed: tuple[Rename, ...]
    changed: tuple[ItemChange, ...]
    new_findings: tuple[Finding, ...]
    resolved_findings: tuple[Finding, ...]
    before: Scorecard
    after: Scorecard
    old_result: CheckResult = field(compare=False, repr=False)
    new_result: CheckResult = field(compare=False, repr=False)

    @property
    def same(self) -> bool:
        """No item or field differs (findings and scores follow from the content)."""
        return not (self.design or self.added or self.removed or self.renamed or self.changed)

    def item_ids(self) -> list[str]:
        """The ids in the new design that this diff is about, in report order."""
        return [
            *(i.id for i in self.added),
            *(r.new_id for r in self.renamed),
            *(c.id for c in self.changed),
        ]


def field_changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    """The fields that differ between two mappings of fields, in the new one's order."""
    out = []
    for name in [*new, *(n for n in old if n not in new)]:
        a, b = old.get(name, MISSING), new.get(name, MISSING)
        if not same_value(name, a, b):
            out.append(FieldChange(name, None if a is MISSING else a, None if b is MISSING else b))
    return tuple(out)


def _renames(
    gone: dict[str, tuple[str, Item]], fresh: dict[str, tuple[str, Item]]
) -> dict[str, str]:
    """Old id → new id for each item whose content stayed but whose id changed."""
    by_key: dict[str, list[str]] = {}
    for item_id, (_section, item) in gone.items():
        key = content_key(kind_of(item), item_fields(item), without_references=True)
        by_key.setdefault(key, []).append(item_id)
    fresh_by_key: dict[str, list[str]] = {}
    for item_id, (_section, item) in fresh.items():
        key = content_key(kind_of(item), item_fields(item), without_references=True)
        fresh_by_key.setdefault(key, []).append(item_id)
    candidates = {
        olds[0]: fresh_by_key[key][0]
        for key, olds in by_key.items()
        if len(olds) == 1 and len(fresh_by_key.get(key, ())) == 1
    }
    # Confirmed only when everything else is equal too, with the ids named renamed alike.
    renames = {}
    for old_id, new_id in candidates.items():
        old_item, new_item = gone[old_id][1], fresh[new_id][1]
        kind = kind_of(old_item)
        if content_key(kind, mapped(kind, item_fields(old_item), candidates)) == content_key(
            kind, item_fields(new_item)
        ):
            renames[old_id] = new_id
    return renames


def renames_between(old: Design, new: Design) -> dict[str, str]:
    """Old id → new id for each item of `old` that `new` holds under another id, unchanged."""
    return renames_among(items_by_id(old), items_by_id(new))


def renames_among(
    old_items: dict[str, tuple[str, Item]], new_items: dict[str, tuple[str, Item]]
) -> dict[str, str]:
    """`renames_between` for designs whose items by id are at hand (`items_by_id`)."""
    return _renames(*_gone_and_fresh(old_items, new_items))


_NONE = ("", None)


def _gone_and_fresh(
    old_items: dict[str, tuple[str, Item]], new_items: dict[str, tuple[str, Item]]
) -> tuple[dict[str, tuple[str, Item]], dict[str, tuple[str, Item]]]:
    """The items only the old design has, and those only the new one has (an id whose
    kind changed is in both)."""
    # Each section holds one kind of item: the sections are compared, in one pass over each
    # side of a design that is mostly the same (a 10,000-cue diff or merge does this often).
    get_new, get_old = new_items.get, old_items.get
    gone = {i: v for i, v in old_items.items() if get_new(i, _NONE)[0] != v[0]}
    fresh = {i: v for i, v in new_items.items() if get_old(i, _NONE)[0] != v[0]}
    return gone, fresh


def _finding_key(f: Finding, renames: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    return f.code, tuple(renames.get(i, i) for i in f.ids)


def diff_designs(
    old: Design,
    new: Design,
    old_result: CheckResult | None = None,
    new_result: CheckResult | None = None,
) -> DesignDiff:
    """Compare two designs; pass their check results when they are already at hand."""
    old_items, new_items = items_by_id(old), items_by_id(new)
    gone, fresh = _gone_and_fresh(old_items, new_items)
    renames = _renames(gone, fresh)
    renamed_to = set(renames.values())
    changed = []
    for item_id, (_section, item) in new_items.items():
        if item_id in fresh:
            continue
        kind = kind_of(item)
        before = mapped(kind, item_fields(old_items[item_id][1]), renames)
        fields = field_changes(before, item_fields(item))
        if fields:
            changed.append(ItemChange(kind, item_id, item, fields))
    old_result = old_result or check(old)
    new_result = new_result or check(new)
    old_keys = Counter(_finding_key(f, renames) for f in old_result.findings)
    new_keys = Counter(_finding_key(f, {}) for f in new_result.findings)
    return DesignDiff(
        design=field_changes(design_fields(old), design_fields(new)),
        added=tuple(item for i, (_s, item) in fresh.items() if i not in renamed_to),
        removed=tuple(item for i, (_s, item) in gone.items() if i not in renames),
        renamed=tuple(
            Rename(kind_of(new_items[n][1]), o, n, new_items[n][1]) for o, n in renames.items()
        ),
        changed=tuple(changed),
        new_findings=_only_in(new_result.findings, new_keys - old_keys, {}),
        resolved_findings=_only_in(old_result.findings, old_keys - new_keys, renames),
        before=old_result.scorecard,
        after=new_result.scorecard,
        old_result=old_result,
        new_result=new_result,
    )


def _only_in(
    findings: list[Finding], extra: Counter[tuple[str, tuple[str, ...]]], renames: dict[str, str]
) -> tuple[Finding, ...]:
    """The findings counted in `extra` (by key), the first ones when a key repeats."""
    left = Counter(extra)
    out = []
    for f in findings:
        key = _finding_key(f, renames)
        if left[key] > 0:
            left[key] -= 1
            out.append(f)
    return tuple(out)
