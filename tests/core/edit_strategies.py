"""Hypothesis strategies for edits a designer makes to a loaded design: every field of
the format (`validate.FIELDS`) with values it accepts, and items added, removed and
renamed. The values are the ones that move findings: blank and written texts, the
theme's own motifs and avoided ones, ids of the design and names of none, the edges
of every range."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from cuecraft.core.edits import (
    SECTION_TYPES,
    AddItem,
    Batch,
    Edit,
    RemoveItem,
    RenameId,
    SetField,
)
from cuecraft.core.model import KIND_OF, SECTIONS, SENSES, Design
from cuecraft.core.validate import FIELDS, Rule

KIND_OF_SECTION = {section: KIND_OF[kind] for section, kind in SECTION_TYPES.items()}

OWN = ("design", "theme", "realms", "value")

EVERY_FIELD: tuple[tuple[str, str], ...] = tuple(
    (owner, name) for owner in OWN for name in FIELDS[owner]
) + tuple(
    (section, name)
    for section in SECTIONS
    for name in FIELDS[KIND_OF_SECTION[section]]
    if name != "id"  # ids change with RenameId
)
"""(owner or section, field) for every field an edit can set."""

fresh_id = st.from_regex(r"new-[a-z]{1,3}", fullmatch=True)


def texts(design: Design, extra: list[str]) -> st.SearchStrategy[str]:
    """Names and texts: blank, short, an id of the design, a word of the theme."""
    known = [item.id for item in design.items()][:40] + list(design.theme.motifs)
    common = st.sampled_from(["", " ", "x", "Main Hall", "storm", "Storm", "Café", *extra])
    return st.one_of(common, common, st.sampled_from(known or ["none"]), st.text("ab ", max_size=4))


def value_for(rule: Rule, design: Design, extra: list[str]) -> st.SearchStrategy[Any]:
    """Values the format accepts for a field of this rule (now and then one it does not)."""
    ids = [item.id for item in design.items()]
    ref = st.one_of(st.sampled_from(ids or ["nowhere"]), st.sampled_from(["nowhere", "x-ref"]))
    words = [*design.theme.motifs, *design.theme.avoid, "rain", "plastic"]
    text = texts(design, extra)
    touchpoints = [tp.id for tp in design.touchpoints] or ["nowhere"]
    low, high = rule.low, rule.high
    # The ends of a range, and a wait long enough to be a wait point (BLU004).
    edges = sorted({low, high, min(low + 1, high), max(min(10, high), low), min(30, high)})
    by_kind: dict[str, st.SearchStrategy[Any]] = {
        "text": text,
        "required": text.filter(bool),
        "optional": st.none() | text,
        "ref": st.none() | ref,
        "language": st.sampled_from([None, "en", "pl", "zh-CN"]),
        "words": st.lists(st.sampled_from(words), max_size=3, unique=True),
        "refs": st.lists(ref, max_size=3),
        "senses": st.lists(st.sampled_from(SENSES), max_size=3, unique=True),
        "choice": st.sampled_from(rule.choices or ("",)),
        "optional_choice": st.none() | st.sampled_from(rule.choices or ("",)),
        "number": st.integers(low, high),
        "optional_number": st.none() | st.sampled_from(edges) | st.integers(low, high),
        "flag": st.booleans(),
        "amount": st.none() | st.sampled_from([0, 1, 9.5, 10, 50, 100, 250]),
        "numbers_by_id": st.dictionaries(
            st.sampled_from(touchpoints), st.integers(low, high), max_size=3
        ),
    }
    return by_kind.get(rule.kind, text)


@st.composite
def set_field(
    draw: st.DrawFn,
    design: Design,
    extra: list[str],
    among: tuple[tuple[str, str], ...] = EVERY_FIELD,
    focus: list[str] | None = None,
) -> Edit | None:
    """A SetField of any field of the format (or one `among` some), of an owner that has it.

    Half the time the owner is one of `focus` — the items edited lately (a designer fills
    in one item field after field, a fail point then its recovery) and those the findings
    name (a designer fixes what the check says) — or a negative cue (the few cues the
    rules of elimination are about)."""
    section, name = draw(st.sampled_from(among))
    if section in OWN:
        owner, kind = section, section
    else:
        items = getattr(design, section)
        if not items:
            return None
        wanted = set(focus or ())
        near = [i for i in items if i.id in wanted]
        near += [i for i in items if getattr(i, "polarity", "") == "negative"]
        if draw(st.booleans()) and near:
            items = near
        owner, kind = draw(st.sampled_from(items)).id, KIND_OF_SECTION[section]
    value = draw(value_for(FIELDS[kind][name], design, extra))
    return SetField(owner, name, value, merge=draw(st.booleans()))


@st.composite
def new_item(draw: st.DrawFn, design: Design, extra: list[str]) -> Edit:
    """A new item with a few fields set (a negative cue, a wait, a fail point, ...)."""
    section = draw(st.sampled_from(SECTIONS))
    kind = KIND_OF_SECTION[section]
    item = SECTION_TYPES[section](id=draw(fresh_id))
    rules = FIELDS[kind]
    for name in draw(st.lists(st.sampled_from([n for n in rules if n != "id"]), max_size=4)):
        setattr(item, name, draw(value_for(rules[name], design, extra)))
    return AddItem(section, item)


@st.composite
def an_edit(
    draw: st.DrawFn, design: Design, extra: list[str], focus: list[str] | None = None
) -> Edit | None:
    """Mostly typing (SetField), sometimes adding, removing or renaming an item, or a
    batch of a few of them."""
    ids = [item.id for item in design.items()]
    kind = draw(st.sampled_from(["set"] * 8 + ["add", "remove", "rename", "batch"]))
    if kind == "set":
        edit: Edit | None = draw(set_field(design, extra, focus=focus))
        return edit
    if kind == "add":
        return draw(new_item(design, extra))
    if kind == "remove" and ids:
        return RemoveItem(draw(st.sampled_from(ids)), unlink=draw(st.booleans()))
    if kind == "rename" and ids:
        return RenameId(draw(st.sampled_from(ids)), draw(fresh_id))
    parts = draw(st.lists(set_field(design, extra, focus=focus), min_size=1, max_size=3))
    if draw(st.booleans()):
        parts.append(draw(new_item(design, extra)))
    return Batch([p for p in parts if p is not None])
