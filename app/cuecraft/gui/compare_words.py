"""What the Comparison panel says (File ▸ Compare with…), as rows in the designer's words.

The panel lists the core's diff (`cuecraft.core.diff.diff_designs`) of the other
design (as-is, old) against the open one (new): the scores before → after, the
design's own fields, the items added, removed, renamed and changed (each changed
item with its fields, old → new; set-like lists as + / −), then the findings that
appear and those resolved. Items go by their names and kinds, fields by the
inspector's labels, values by the words every view uses (phases, senses, names of
the items a field refers to); ids only where an id is what changed.

`groups_of` makes plain rows, which the panel compares with what it shows before
drawing anything again (typing rarely changes them). `groups_in_slices` makes the
same rows a few at a time, for a panel that must not hold up typing in a big design;
only the rows a group shows are worded, each design's index built once.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from cuecraft.core.diff import DesignDiff, FieldChange, ItemChange, Rename
from cuecraft.core.findings import Finding, principle_title
from cuecraft.core.i18n import _, format_money, format_number, ngettext, pgettext
from cuecraft.core.itemfields import REFERENCE_FIELDS
from cuecraft.core.model import Cue, Design, Item, kind_of
from cuecraft.core.names import Names, short
from cuecraft.core.words import kind_word, value_step_word
from cuecraft.gui.finding_subject import finding_subject
from cuecraft.gui.inspector_fields import TEXTS, choice_label
from cuecraft.gui.views.journey_items import emotion_text

SHOWN_ROWS = 500  # rows per group; the rest are counted (cuecraft diff lists them all)
ROWS_PER_SLICE = 50  # rows worded between two looks at the window's events (groups_in_slices)
VALUE_CHARS = 60  # a longer text is shortened in its row
CHOICES = ("phase", "polarity", "severity", "status", "sense", "senses", "lane")
WORDS = ("motifs", "avoid")  # the designer's own words: written as they are, unquoted
T = TypeVar("T")
M = TypeVar("M")


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
    return finish(groups_in_slices(changes, old, new))


def finish(work: Generator[None, None, T]) -> T:
    """The result of work done in slices, done at once."""
    while True:
        try:
            next(work)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def groups_in_slices(
    changes: DesignDiff, old: Design, new: Design
) -> Generator[None, None, list[Group]]:
    """`groups_of`, a few rows at a time: it yields between them, so that the panel can
    let the window answer while it words a big diff. Only the rows shown are worded
    (SHOWN_ROWS a group); the groups' titles count them all."""
    # One index of each design, for every row (names, and which item a finding selects).
    old_names = Names(old)
    yield
    new_names = Names(new)
    yield
    named = _Namer(old_names, new_names)
    groups = [_scores(changes)]
    if changes.design:
        rows = yield from _rows(changes.design, lambda c: _design_row(c, named))
        groups.append(
            _group(
                "design",
                # TRANSLATORS: a group of the Comparison panel: the title, client, theme and
                # other fields of the design as a whole that changed
                ngettext(
                    "The design itself: {n} change",
                    "The design itself: {n} changes",
                    len(changes.design),
                ),
                rows,
                len(changes.design),
            )
        )

    def removed(item: Item) -> Row:
        return Row(
            old_names[item.id],
            kind_text(item),
            dim=True,
            # TRANSLATORS: the tip of an item listed as removed in the Comparison panel
            tip=_("Only in the as-is design (id {id}): nothing to select here").format(id=item.id),
        )

    def renamed(rename: Rename) -> Row:
        return Row(
            # TRANSLATORS: an item whose id changed, in the Comparison panel: its name and
            # the old and new ids
            _("{name} (id {old} → {new})").format(
                name=new_names[rename.new_id], old=rename.old_id, new=rename.new_id
            ),
            kind_text(rename.item),
            rename.new_id,
        )

    def changed(change: ItemChange) -> Row:
        return Row(
            new_names[change.id],
            kind_text(change.item),
            change.id,
            children=tuple(
                Row(_field_text(change.kind, f, named), select=change.id) for f in change.fields
            ),
        )

    def finding(found: Finding) -> Row:
        return Row(found.message, found.code, finding_subject(found, new_names))

    item_groups: list[tuple[str, Sequence[Any], Callable[[Any], Row]]] = [
        ("added", changes.added, lambda i: Row(new_names[i.id], kind_text(i), i.id)),
        ("removed", changes.removed, removed),
        ("renamed", changes.renamed, renamed),
        ("changed", changes.changed, changed),
        ("new", changes.new_findings, finding),
        ("resolved", changes.resolved_findings, finding),
    ]
    for key, members, row in item_groups:
        if members:
            rows = yield from _rows(members, row)
            groups.append(_group(key, _title(key, len(members)), rows, len(members)))
    return groups


def _title(key: str, n: int) -> str:
    """The title of a group of items or findings, "{n}" still to be filled in."""
    if key == "new":
        return ngettext("{n} new finding", "{n} new findings", n)
    if key == "resolved":
        return ngettext("{n} finding resolved", "{n} findings resolved", n)
    titles = {
        # TRANSLATORS: groups of the Comparison panel: the items only this design has, those
        # only the as-is design has, those whose id changed, those whose fields changed
        "added": ngettext("Added: {n} item", "Added: {n} items", n),
        "removed": ngettext("Removed: {n} item", "Removed: {n} items", n),
        "renamed": ngettext("Renamed: {n} item", "Renamed: {n} items", n),
        "changed": ngettext("Changed: {n} item", "Changed: {n} items", n),
    }
    return titles[key]


def _rows(members: Sequence[M], row: Callable[[M], Row]) -> Generator[None, None, list[Row]]:
    """The rows of the first SHOWN_ROWS members: the rest are only counted."""
    out = []
    for n, member in enumerate(members[:SHOWN_ROWS]):
        if n and n % ROWS_PER_SLICE == 0:
            yield
        out.append(row(member))
    return out


def _group(key: str, title: str, rows: list[Row], total: int) -> Group:
    """A group of `total` members of which `rows` are listed; a last row counts the rest."""
    shown = list(rows)
    if total > len(rows):
        more = total - len(rows)
        shown.append(
            Row(
                ngettext(
                    "… and {n} more (see cuecraft diff)", "… and {n} more (see cuecraft diff)", more
                ).format(n=format_number(more))
            )
        )
    return Group(key, title.format(n=format_number(total)), tuple(shown))


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


def _design_row(change: FieldChange, named: _Namer) -> Row:
    path = change.field
    if path.startswith("theme.realms."):
        label = _sentence(choice_label("realm", path.removeprefix("theme.realms.")))
        kind = "theme"
    elif path.startswith("theme."):
        label = _label("theme", path.removeprefix("theme."))
        kind = "theme"
    elif path.startswith("value."):  # the value is edited with the theme
        name = path.removeprefix("value.")
        label = _value_label(name)
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


def _value_label(name: str) -> str:
    """A field of the design's value: “Goods”, “Currency”; an `x-` key as written."""
    if name == "currency":
        return pgettext("economic value", "Currency")
    if name.startswith("x-"):
        return name
    return value_step_word(name)


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
        if isinstance(value, float):  # a price: every decimal it holds, in the locale's form
            return format_money(value)
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
