"""Small reversible edits: every change to a design goes through one of these.

An edit knows how to `apply` itself to a design and how to `revert` it, and
returns a `Change` saying what it touched so views refresh only that. The GUI
wraps each edit in a QUndoCommand; scripts and tests use them directly.
Items are found by id, never by object identity, so an edit stays valid after
undo/redo recreated the objects around it.

Every edit checks its values before it changes anything, with the rules the
loader reads files by (`validate.py`): an edit that would make a file that does
not load again raises `EditError` and leaves the design as it was.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from cuecraft.core.i18n import _
from cuecraft.core.model import (
    SECTIONS,
    Action,
    Cue,
    Design,
    Item,
    Layer,
    Persona,
    Souvenir,
    Touchpoint,
    Zone,
    kind_of,
)
from cuecraft.core.validate import FIELDS, SLUG_MAX, extra_problem, field_problem, id_problem

# Fields that hold ids of other items, per section.
REFERENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "zones": ("sees",),
    "touchpoints": ("zone", "next"),
    "cues": ("at", "conflicts"),
    "layers": ("at",),
    "souvenirs": ("evokes", "at"),
    "actions": ("at", "zone", "needs"),
    "personas": ("skips", "emotion"),
}


SECTION_TYPES: dict[str, type] = {
    "zones": Zone,
    "touchpoints": Touchpoint,
    "cues": Cue,
    "layers": Layer,
    "souvenirs": Souvenir,
    "actions": Action,
    "personas": Persona,
}


class EditError(ValueError):
    """An edit that cannot apply (an unknown id, an id already taken, a value the
    format does not allow); the message is for the designer."""


@dataclass(frozen=True)
class Change:
    """What an edit touched: sections by name ("theme", "design", "cues", ...) and ids."""

    sections: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    # The fields set, when the edit set fields and did nothing else (None: items were
    # added, removed, renamed or moved, or it is not known): a view refreshes just those.
    fields: frozenset[str] | None = None

    def __or__(self, other: Change) -> Change:
        fields = None
        if self.fields is not None and other.fields is not None:
            fields = self.fields | other.fields
        return Change(self.sections | other.sections, self.ids | other.ids, fields)


def section_of(design: Design, item_id: str) -> tuple[str, int]:
    """The section and index of the item with this id."""
    for section in SECTIONS:
        for index, item in enumerate(getattr(design, section)):
            if item.id == item_id:
                return section, index
    raise EditError(_("there is no item with id “{id}”").format(id=item_id))


def find(design: Design, item_id: str) -> Item:
    section, index = section_of(design, item_id)
    item: Item = getattr(design, section)[index]
    return item


OWN_FIELDS = ("design", "theme", "realms", "value")
"""The owners of fields that are the design's own, not an item's."""


def _target(design: Design, owner: str) -> Any:
    if owner == "design":
        return design
    if owner == "theme":
        return design.theme
    if owner == "realms":
        return design.theme.realms
    if owner == "value":
        return design.value
    return find(design, owner)


def _section_name(design: Design, owner: str) -> str:
    if owner in OWN_FIELDS:
        return "theme" if owner == "realms" else owner
    return section_of(design, owner)[0]


class Edit:
    """Base of all edits.

    `description` names the undo step. The defaults below stay English on purpose: they
    are made when the edit is, and the workbench puts them in the language of the moment
    when it shows them (`gui/document.undo_text`); a caller that names its own edit does
    so in the current language.
    """

    description = "edit"

    def apply(self, design: Design) -> Change:
        raise NotImplementedError

    def revert(self, design: Design) -> Change:
        raise NotImplementedError


@dataclass
class SetField(Edit):
    """Set one field of the design, the theme, the realms, the value or an item (by id)."""

    owner: str  # "design", "theme", "realms", "value" or an item id
    name: str
    value: Any
    old: Any = None
    description: str = ""
    merge: bool = False
    """Typing: consecutive edits of the same field with `merge` become one undo step."""

    def __post_init__(self) -> None:
        if not self.description:
            self.description = f"Change {self.name}"
        self.value = copy.deepcopy(self.value)

    def apply(self, design: Design) -> Change:
        target = self.check(design)
        self.old = copy.deepcopy(getattr(target, self.name))
        setattr(target, self.name, copy.deepcopy(self.value))
        return self._change(design)

    def check(self, design: Design) -> Any:
        """Raise `EditError` unless the value may go into the field; return its owner."""
        if self.name == "id":
            raise EditError(_("ids are changed with RenameId, which also updates references"))
        target = _target(design, self.owner)
        kind = self.owner if self.owner in OWN_FIELDS else kind_of(target)
        rule = FIELDS[kind].get(self.name)
        if rule is None:
            raise EditError(
                _("“{owner}” has no field “{field}” that can be edited").format(
                    owner=self.owner, field=self.name
                )
            )
        problem = field_problem(rule, self.name, self.value, getattr(target, self.name))
        if problem:
            raise EditError(problem)
        return target

    def revert(self, design: Design) -> Change:
        setattr(_target(design, self.owner), self.name, copy.deepcopy(self.old))
        return self._change(design)

    def _change(self, design: Design) -> Change:
        section = _section_name(design, self.owner)
        ids = frozenset() if self.owner in OWN_FIELDS else {self.owner}
        return Change(frozenset({section}), frozenset(ids), frozenset({self.name}))


@dataclass
class AddItem(Edit):
    """Insert a new item into a section (at the end unless an index is given)."""

    section: str
    item: Item
    index: int | None = None
    description: str = ""

    def __post_init__(self) -> None:
        if not self.description:
            self.description = f"Add {self.section[:-1]} “{self.item.id}”"

    def check(self, design: Design) -> None:
        """Raise `EditError` unless the item, every field of it, may join the design."""
        expected = SECTION_TYPES.get(self.section)
        if expected is None:
            raise EditError(_("there is no section “{section}”").format(section=self.section))
        if type(self.item) is not expected:
            raise EditError(_wrong_section(kind_of(self.item), self.section))
        problem = id_problem(self.item.id) if isinstance(self.item.id, str) else _("an id is text")
        if problem:
            raise EditError(problem)
        if self.item.id in design.index():
            raise EditError(_("the id “{id}” is already used").format(id=self.item.id))
        for name, rule in FIELDS[kind_of(self.item)].items():
            if name != "id":
                problem = field_problem(rule, name, getattr(self.item, name))
                if problem:
                    raise EditError(problem)
        problem = extra_problem(self.item.extra)
        if problem:
            raise EditError(problem)

    def apply(self, design: Design) -> Change:
        self.check(design)
        items = getattr(design, self.section)
        at = len(items) if self.index is None else self.index
        items.insert(at, copy.deepcopy(self.item))
        self.index = at
        return Change(frozenset({self.section}), frozenset({self.item.id}))

    def revert(self, design: Design) -> Change:
        items = getattr(design, self.section)
        section, index = section_of(design, self.item.id)
        del items[index]
        return Change(frozenset({section}), frozenset({self.item.id}))


@dataclass
class RemoveItem(Edit):
    """Delete an item; references to it are kept (they show as REF001 until fixed)
    unless `unlink` is set, in which case they are removed too and restored on undo."""

    item_id: str
    unlink: bool = True
    description: str = ""
    _section: str = ""
    _index: int = 0
    _item: Item | None = None
    _unlinked: list[SetField] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.description:
            self.description = f"Delete “{self.item_id}”"

    def apply(self, design: Design) -> Change:
        self._section, self._index = section_of(design, self.item_id)
        items = getattr(design, self._section)
        self._item = items[self._index]
        change = Change(frozenset({self._section}), frozenset({self.item_id}))
        self._unlinked = []
        if self.unlink:
            for edit in _reference_edits(design, self.item_id, None):
                change = change | edit.apply(design)
                self._unlinked.append(edit)
        del items[self._index]
        return change

    def revert(self, design: Design) -> Change:
        assert self._item is not None
        getattr(design, self._section).insert(self._index, self._item)
        change = Change(frozenset({self._section}), frozenset({self.item_id}))
        for edit in reversed(self._unlinked):
            change = change | edit.revert(design)
        return change


@dataclass
class RenameId(Edit):
    """Give an item a new id and update every reference to it."""

    old_id: str
    new_id: str
    description: str = ""
    _updates: list[SetField] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.description:
            self.description = f"Rename “{self.old_id}” to “{self.new_id}”"

    def check(self, design: Design) -> None:
        """Raise `EditError` unless the new id is a valid id no other item uses."""
        problem = id_problem(self.new_id) if isinstance(self.new_id, str) else _("an id is text")
        if problem:
            raise EditError(problem)
        find(design, self.old_id)
        if self.new_id in design.index():
            if self.new_id == self.old_id:
                raise EditError(_("the id is “{id}” already").format(id=self.new_id))
            raise EditError(_("the id “{id}” is already used").format(id=self.new_id))

    def apply(self, design: Design) -> Change:
        self.check(design)
        item = find(design, self.old_id)
        item.id = self.new_id
        change = Change(
            frozenset({section_of(design, self.new_id)[0]}), frozenset({self.old_id, self.new_id})
        )
        self._updates = []
        for edit in _reference_edits(design, self.old_id, self.new_id):
            change = change | edit.apply(design)
            self._updates.append(edit)
        return change

    def revert(self, design: Design) -> Change:
        change = Change()
        for edit in reversed(self._updates):
            change = change | edit.revert(design)
        find(design, self.new_id).id = self.old_id
        return change | Change(
            frozenset({section_of(design, self.old_id)[0]}), frozenset({self.old_id, self.new_id})
        )


def _wrong_section(kind: str, section: str) -> str:
    """Why an item of one kind cannot go into another kind's section."""
    if kind == "zone":
        message = _("a zone cannot go into “{section}”")
    elif kind == "touchpoint":
        message = _("a touchpoint cannot go into “{section}”")
    elif kind == "cue":
        message = _("a cue cannot go into “{section}”")
    elif kind == "layer":
        message = _("a layer cannot go into “{section}”")
    elif kind == "souvenir":
        message = _("a souvenir cannot go into “{section}”")
    elif kind == "action":
        message = _("an action cannot go into “{section}”")
    else:
        message = _("a persona cannot go into “{section}”")
    return message.format(section=section)


def _reference_edits(design: Design, old: str, new: str | None) -> list[SetField]:
    """SetField edits that replace (or, with `new` None, drop) every reference to `old`."""
    edits = []
    for section, fields in REFERENCE_FIELDS.items():
        for item in getattr(design, section):
            for name in fields:
                value = getattr(item, name)
                if isinstance(value, dict) and old in value:
                    # A persona's emotion per touchpoint: the key renamed in place, or dropped.
                    renamed: Any = {
                        (new if k == old else k): v
                        for k, v in value.items()
                        if k != old or new is not None
                    }
                    edits.append(SetField(item.id, name, renamed))
                elif isinstance(value, list) and old in value:
                    if new is None:
                        replaced: Any = [v for v in value if v != old]
                    else:
                        replaced = [new if v == old else v for v in value]
                    edits.append(SetField(item.id, name, replaced))
                elif value == old:
                    edits.append(SetField(item.id, name, new))
    return edits


@dataclass
class Batch(Edit):
    """Several edits as one step (one undo)."""

    edits: list[Edit]
    description: str = "Edit"

    def apply(self, design: Design) -> Change:
        change = Change()
        done: list[Edit] = []
        try:
            for edit in self.edits:
                change = change | edit.apply(design)
                done.append(edit)
        except Exception:
            for edit in reversed(done):
                edit.revert(design)
            raise
        return change

    def revert(self, design: Design) -> Change:
        change = Change()
        for edit in reversed(self.edits):
            change = change | edit.revert(design)
        return change


def new_id(design: Design, stem: str) -> str:
    """A fresh id based on `stem` ("cue" -> "cue-3"), short enough to be an id."""
    taken = design.index()
    number = 1
    while True:
        suffix = f"-{number}"
        candidate = stem[: SLUG_MAX - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1
