"""Any sequence of edits, valid or not, leaves a design that saves and loads again equal.

An edit the rules refuse raises `EditError` with a message and leaves the design as
it was; one they accept can be undone exactly. Either way the file a save writes
opens again (SPEC §7: no edit can produce a file that does not load again).
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cuecraft.core.edits import SECTIONS, AddItem, Batch, EditError, RemoveItem, RenameId, SetField
from cuecraft.core.fileformat import load_design, parse_design, save_design
from cuecraft.core.model import (
    SENSES,
    Action,
    Cue,
    Design,
    Layer,
    Persona,
    Souvenir,
    Touchpoint,
    Zone,
    kind_of,
)
from cuecraft.core.validate import FIELDS, Rule
from cuecraft.core.writer import dump_design
from tests.core.strategies import designs, slug
from tests.core.strategies import text as file_text

EXAMPLE = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"

# Text as a person or a script might put it in: anything at all, lone surrogates and
# control characters included (the edit must refuse those), and the tricky samples.
any_text = st.one_of(
    file_text,
    st.text(st.characters(exclude_categories=()), max_size=12),
    st.sampled_from(["", " ", "Main Hall", "Polish", "\ud800", "a\x07b", "\u2028", "x\u2029y"]),
)
junk = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), any_text, st.lists(any_text))


def value_for(rule: Rule, ids: list[str]) -> st.SearchStrategy[Any]:
    """Values a field of this rule might be given: mostly plausible, some wrong."""
    known = st.sampled_from(ids) if ids else st.just("nowhere")
    plausible: dict[str, st.SearchStrategy[Any]] = {
        "text": any_text,
        "required": any_text,
        "optional": st.none() | any_text,
        "ref": st.none() | known | any_text,
        "language": st.sampled_from([None, "en", "pl", "zh-CN", "zh-Hans", "Polish", "", "e"]),
        "id": slug | any_text,
        "words": st.lists(any_text, max_size=3),
        "refs": st.lists(known | any_text, max_size=3),
        "senses": st.lists(st.sampled_from([*SENSES, "smel"]), max_size=3),
        "choice": st.sampled_from([*rule.choices, "sometimes"]),
        "optional_choice": st.none() | st.sampled_from([*rule.choices, "critical"]),
        "number": st.integers(rule.low - 1, rule.high + 1),
        "optional_number": st.none() | st.integers(rule.low - 1, rule.high + 1),
        "flag": st.booleans(),
        "amount": st.none()
        | st.integers(-1, 10**13)
        | st.floats(allow_nan=True, allow_infinity=True)
        | st.sampled_from([0, 9.5, 1e-05, 10**12, 10**12 + 1, -0.5]),
        "numbers_by_id": st.dictionaries(
            known | any_text, st.integers(rule.low - 1, rule.high + 1) | junk, max_size=3
        ),
    }
    return st.one_of(plausible[rule.kind], plausible[rule.kind], junk)


KINDS = (Zone, Touchpoint, Cue, Layer, Souvenir, Action, Persona)
ITEM_TYPES = dict(zip(SECTIONS, KINDS, strict=True))


@st.composite
def new_item(draw: st.DrawFn, ids: list[str]) -> tuple[str, Any]:
    section = draw(st.sampled_from(SECTIONS))
    item = ITEM_TYPES[section](id=draw(slug | st.sampled_from(ids or ["x"]) | any_text))
    rules = FIELDS[kind_of(item)]
    for name in draw(st.lists(st.sampled_from(list(rules)), max_size=3, unique=True)):
        if name != "id":
            setattr(item, name, draw(value_for(rules[name], ids)))
    if draw(st.booleans()):
        item.extra = draw(st.dictionaries(st.sampled_from(["x-note", "note"]), any_text))
    # Sometimes into the wrong section.
    return draw(st.sampled_from([section, section, *SECTIONS])), item


@st.composite
def an_edit(draw: st.DrawFn, design: Design) -> Any:
    ids = list(design.index())
    owner_ids = ids or ["nowhere"]
    kind = draw(st.sampled_from(["set", "set", "set", "rename", "add", "remove", "batch"]))
    if kind == "set":
        owner = draw(st.sampled_from(["design", "theme", "realms", "value", *owner_ids, "no-such"]))
        if owner in ("design", "theme", "realms", "value"):
            rules = FIELDS[owner]
        elif owner in ids:
            rules = FIELDS[kind_of(design.index()[owner])]
        else:
            rules = FIELDS["cue"]
        name = draw(st.sampled_from([*rules, "id", "extra", "colour"]))
        rule = rules.get(name, Rule("text"))
        return SetField(owner, name, draw(value_for(rule, ids)), merge=draw(st.booleans()))
    if kind == "rename":
        old = draw(st.sampled_from([*owner_ids, "no-such"]))
        return RenameId(old, draw(slug | st.sampled_from(owner_ids) | any_text))
    if kind == "add":
        section, item = draw(new_item(ids))
        return AddItem(section, item)
    if kind == "remove":
        return RemoveItem(draw(st.sampled_from([*owner_ids, "no-such"])), draw(st.booleans()))
    parts = [draw(an_edit(design)) for _ in range(draw(st.integers(1, 3)))]
    return Batch([p for p in parts if not isinstance(p, Batch)] or [SetField("design", "x", 1)])


def worked_example() -> Design:
    return load_design(EXAMPLE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(designs(), st.builds(worked_example)), st.data())
def test_any_sequence_of_edits_saves_and_loads_again_equal(design, data):
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        edit = data.draw(an_edit(design), label="edit")
        before = copy.deepcopy(design)
        try:
            edit.apply(design)
        except EditError as error:
            event(f"refused {type(edit).__name__}")
            assert str(error), "a refusal says why"
            assert design == before, f"refused {edit!r} but changed the design"
            continue
        event(f"applied {type(edit).__name__}")
        after = copy.deepcopy(design)
        edit.revert(design)
        assert design == before, f"undo of {edit!r} did not restore the design"
        edit.apply(design)
        assert design == after, f"redo of {edit!r} differs"
    text = dump_design(design)
    assert parse_design(text.encode("utf-8")) == design
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "design.yaml"
        save_design(design, path)
        assert load_design(path) == design


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("field", ["title", "client", "theme.tagline", "cue.text", "cue.motifs"])
def test_line_separators_typed_into_a_field_save_and_load_again(tmp_path, field, char):
    design = worked_example()
    owner, name = field.split(".") if "." in field else ("design", field)
    owner = design.cues[0].id if owner == "cue" else owner
    value: Any = [f"rain{char}forest"] if name == "motifs" else f"Into the{char}rainforest"
    SetField(owner, name, value).apply(design)  # accepted: the writer must quote it
    path = tmp_path / "d.yaml"
    save_design(design, path)
    assert load_design(path) == design
