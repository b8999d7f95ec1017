"""What the Comparison panel says (File ▸ Compare with…), as rows in the designer's words.

The panel lists the core's diff (`cuecraft.core.diff.diff_designs`) of the other
design (as-is, old) against the open one (new): the scores before → after, the
design's own fields, the items added, removed, renamed and changed (each changed
item with its fields, old → new; set-like lists as + / −), then the findings that
appear and those resolved. Items go by their names and kinds, fields by the
inspector's labels, values by the words every view uses (phases, senses, names of
the items a field refers to); ids only where an id is what changed.

`groups_of` makes plain rows, which the panel compares with what it shows before
drawing anything again (typing rarely changes them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cuecraft.core.diff import DesignDiff, FieldChange
from cuecraft.core.findings import Finding, principle_title
from cuecraft.core.i18n import _, format_number, ngettext, pgettext
from cuecraft.core.itemfields import REFERENCE_FIELDS
from cuecraft.core.model import Cue, Design, Item, kind_of
from cuecraft.core.names import Names, short
from cuecraft.core.words import kind_word
from cuecraft.gui.inspector_fields import TEXTS, choice_label
from cuecraft.gui.views.journey_items import emotion_text

SHOWN_ROWS = 500  # rows per group; the rest are counted (cuecraft diff lists them all)
VALUE_CHARS = 60  # a longer text is shortened in its row
CHOICES = ("phase", "polarity", "severity", "status", "sense", "senses", "lane")
WORDS = ("motifs", "avoid")  # the designer's own words: written as they are, unquoted


@dataclass(frozen=True)
class Row:
    """One line of the panel: its text, its second column (the kind's word or a finding's
    code), what activating it selects ("" for nothing) and the lines under it."""

    text: str
    kind: str = ""
    select: str = ""
    dim: bool = False  # not in the open design (a removed item), or a score that stayed
    tip: str = ""
    children: tuple[Row, ...] = ()


@dataclass(frozen=True)
class Group:
    key: str  # "scores", "design", "added", "removed", "renamed", "changed", "new", "resolved"
    title: str
    rows: tuple[Row, ...]


def as_is_title(name: str) -> str:
    """The panel's first line: what the open design is compared with."""
    # TRANSLATORS: the Comparison panel's first line; {file} is the other design's file
    # name, the as-is (old) side; the open design is the new side
    return _("Compared with {file} (as-is) → this design").format(file=name)


def same_text() -> str:
    return _("No item or field differs: the designs are the same.")


def kind_text(item: Item) -> str:
    """The kind of an item as a word; a negative cue says so."""
    if isinstance(item, Cue) and item.is_negative:
        # TRANSLATORS: a kind of item, in lower case, as in the Comparison panel's list
        return pgettext("item kind", "negative cue")
    return kind_word(kind_of(item))


def score_change(before: int | None, after: int | None) -> str:
    """ "40 → 55", or "80" when it stayed."""
    if before == after:
        return "—" if after is None else format_number(after)
    old = "—" if before is None else format_number(before)
    new = "—" if after is None else format_number(after)
    return f"{old} → {new}"


def overall_text(changes: DesignDiff) -> str:
    """The overall score before → after, as the panel's first line ends."""
    # TRANSLATORS: the overall score in the Comparison panel: "Score 40 → 55"
    return _("Score {change}").format(
        change=score_change(changes.before.overall, changes.after.overall)
    )


def groups_of(changes: DesignDiff, old: Design, new: Design) -> list[Group]:
    """Every group the panel lists, in order; a group with nothing in it is left out."""
    old_names, new_names = Names(old), Names(new)
    named = _Namer(old_names, new_names)
    groups = [_scores(changes)]
    if changes.design:
        rows = [_design_row(c, named) for c in changes.design]
        groups.append(
            _group(
                "design",
                # TRANSLATORS: a group of the Comparison panel: the title, client, theme and
                # other fields of the design as a whole that changed
                ngettext(
                    "The design itself: {n} change", "The design itself: {n} changes", len(rows)
                ),
                rows,
            )
        )
    added = [Row(new_names[i.id], kind_text(i), i.id) for i in changes.added]
    removed = [
        Row(
            old_names[i.id],
            kind_text(i),
            dim=True,
            # TRANSLATORS: the tip of an item listed as removed in the Comparison panel
            tip=_("Only in the as-is design (id {id}): nothing to select here").format(id=i.id),
        )
        for i in changes.removed
    ]
    renamed = [
        Row(
            # TRANSLATORS: an item whose id changed, in the Comparison panel: its name and
            # the old and new ids
            _("{name} (id {old} → {new})").format(
                name=new_names[r.new_id], old=r.old_id, new=r.new_id
            ),
            kind_text(r.item),
            r.new_id,
        )
        for r in changes.renamed
    ]
    changed = [
        Row(
            new_names[c.id],
            kind_text(c.item),
            c.id,
            children=tuple(Row(_field_text(c.kind, f, named), select=c.id) for f in c.fields),
        )
        for c in changes.changed
    ]
    titles = {
        # TRANSLATORS: groups of the Comparison panel: the items only this design has, those
        # only the as-is design has, those whose id changed, those whose fields changed
        "added": ngettext("Added: {n} item", "Added: {n} items", len(added)),
        "removed": ngettext("Removed: {n} item", "Removed: {n} items", len(removed)),
        "renamed": ngettext("Renamed: {n} item", "Renamed: {n} items", len(renamed)),
        "changed": ngettext("Changed: {n} item", "Changed: {n} items", len(changed)),
    }
    for key, rows in (
        ("added", added),
        ("removed", removed),
        ("renamed", renamed),
        ("changed", changed),
    ):
        if rows:
            groups.append(_group(key, titles[key], rows))
    if changes.new_findings:
        rows = [_finding_row(f, new) for f in changes.new_findings]
        groups.append(
            _group("new", ngettext("{n} new finding", "{n} new findings", len(rows)), rows)
        )
    if changes.resolved_findings:
        rows = [_finding_row(f, new) for f in changes.resolved_findings]
        groups.append(
            _group(
                "resolved",
                ngettext("{n} finding resolved", "{n} findings resolved", len(rows)),
                rows,
            )
        )
    return groups


def _group(key: str, title: str, rows: list[Row]) -> Group:
    shown = rows[:SHOWN_ROWS]
    if len(rows) > SHOWN_ROWS:
        more = len(rows) - SHOWN_ROWS
        shown.append(
            Row(
                ngettext(
                    "… and {n} more (see cuecraft diff)", "… and {n} more (see cuecraft diff)", more
                ).format(n=format_number(more))
            )
        )
    return Group(key, title.format(n=format_number(len(rows))), tuple(shown))


def _scores(changes: DesignDiff) -> Group:
    """The overall score before → after in the title, each principle that moves under it."""
    before, after = changes.before, changes.after
    rows = []
    for principle in dict.fromkeys([*before.principles, *after.principles]):
        old, new = before.scores.get(principle), after.scores.get(principle)
        if old != new:
            rows.append(
                Row(
                    # TRANSLATORS: a score in the Comparison panel: "Theme: 80 → 100"
                    _("{principle}: {change}").format(
                        principle=principle_title(principle), change=score_change(old, new)
                    )
                )
            )
    if not rows:
        rows.append(Row(_("No principle’s score changes."), dim=True))
    # TRANSLATORS: the group of scores in the Comparison panel: "Scores: 40 → 55"
    title = _("Scores: {change}").format(change=score_change(before.overall, after.overall))
    return Group("scores", title, tuple(rows))


def _finding_row(finding: Finding, new: Design) -> Row:
    """A finding that appears or is resolved; it selects its subject if this design has it,
    as activating a finding in the Findings panel does."""
    index = new.index()
    subject = next((i for i in finding.ids if i in index), None)
    if subject is None and finding.code.startswith(("THM", "SEN001")):
        subject = "theme"
    return Row(finding.message, finding.code, subject or "design")


def _design_row(change: FieldChange, named: _Namer) -> Row:
    path = change.field
    if path.startswith("theme.realms."):
        label = _sentence(choice_label("realm", path.removeprefix("theme.realms.")))
        kind = "theme"
    elif path.startswith("theme."):
        label = _label("theme", path.removeprefix("theme."))
        kind = "theme"
    else:
        label = _label("design", path)
        kind = "design"
    return Row(_change_text(label, kind, change, named), select=kind)


def _field_text(kind: str, change: FieldChange, named: _Namer) -> str:
    return _change_text(_label(kind, change.field), kind, change, named)


def _change_text(label: str, kind: str, change: FieldChange, named: _Namer) -> str:
    """ "Label: old → new"; a set-like list "Label: + a, − b"; a persona's emotions by
    touchpoint, only those that differ."""
    name = change.field.rsplit(".", 1)[-1]
    refs = name in REFERENCE_FIELDS.get(kind, ())
    if change.is_set:
        parts = [f"+ {named.value(name, v, refs, new=True)}" for v in change.added]
        parts += [f"− {named.value(name, v, refs, new=False)}" for v in change.removed]
        # TRANSLATORS: a field that changed, in the Comparison panel; {changes} are its
        # members added (+) and removed (−): "Motifs: + jungle, − ocean"
        return _("{field}: {changes}").format(field=label, changes=", ".join(parts))
    if isinstance(change.old, Mapping) or isinstance(change.new, Mapping):
        return _("{field}: {changes}").format(
            field=label, changes=named.mapping(change.old or {}, change.new or {}, refs)
        )
    # TRANSLATORS: a field that changed, in the Comparison panel: "Phase: before → during"
    return _("{field}: {old} → {new}").format(
        field=label,
        old=named.value(name, change.old, refs, new=False),
        new=named.value(name, change.new, refs, new=True),
    )


def _label(kind: str, name: str) -> str:
    """A field's label as the inspector writes it; an `x-` key as it is."""
    spec = next((f for f in TEXTS.get(kind, ()) if f.name == name), None)
    return _(spec.label) if spec is not None else name


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Namer:
    """Values in words: ids of items as their names (in the design that holds them)."""

    def __init__(self, old: Names, new: Names) -> None:
        self.old, self.new = old, new

    def item(self, item_id: str, new: bool) -> str:
        """Its name in the design the value is from, else in the other, else the id."""
        for names in (self.new, self.old) if new else (self.old, self.new):
            if item_id in names:
                return names[item_id]
        return item_id

    def value(self, name: str, value: Any, refs: bool, new: bool) -> str:
        if value is None or value == [] or value == "":
            return "—"
        if isinstance(value, bool):
            # TRANSLATORS: the value of a yes/no field in the Comparison panel ("Unique: no → yes")
            return _("yes") if value else _("no")
        if isinstance(value, list):
            return ", ".join(self.value(name, v, refs, new) for v in value)
        if refs and isinstance(value, str):
            return self.item(value, new)
        if name in CHOICES and isinstance(value, str):
            return choice_label(name, value)
        if name in WORDS and isinstance(value, str):
            return value
        if name == "emotion" and isinstance(value, int):
            return emotion_text(value)
        if isinstance(value, int):
            return format_number(value)
        if isinstance(value, Mapping):
            return ", ".join(f"{k}: {self.value(name, v, False, new)}" for k, v in value.items())
        return f"“{short(str(value), VALUE_CHARS)}”"

    def mapping(self, old: Mapping[str, Any], new: Mapping[str, Any], refs: bool) -> str:
        """Only the keys whose values differ: "Storm +1 → −1, Shop — → +2"."""
        parts = []
        for key in _keys(new, old):
            a, b = old.get(key), new.get(key)
            if a == b:
                continue
            who = self.item(key, True) if refs else key
            parts.append(f"{who} {self._number(a)} → {self._number(b)}")
        return ", ".join(parts)

    @staticmethod
    def _number(value: Any) -> str:
        if value is None:
            return "—"
        return emotion_text(value) if isinstance(value, int) else str(value)


def _keys(*mappings: Mapping[str, Any]) -> Iterable[str]:
    return dict.fromkeys(k for m in mappings for k in m)
