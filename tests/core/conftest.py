"""Shared helpers for the rule tests: a clean baseline design and small edits to it.

Every rule test starts from `BASELINE`, a small tea-house design that has no
findings at all, changes one thing, and checks that exactly the expected rule
fires — and that the untouched (or slightly different) design stays quiet.

The `draft` fixture gives a `Draft`: the baseline as plain data that a test
edits in place (`draft["traffic"]["severity"] = "high"`), then turns into YAML
text, parses with `parse_design` and checks with `check`.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from cuecraft.core.check import CheckResult, check
from cuecraft.core.fileformat import parse_design
from cuecraft.core.findings import Finding
from cuecraft.core.model import Design

BASELINE_YAML = """\
cuecraft: 1
title: Forest tea house
theme:
  name: Tea in the forest
  motifs: [forest, tea]
  avoid: [plastic]
zones:
  - id: garden
    name: Garden path
    sees: [pavilion]        # written on one side only: holds both ways
  - id: pavilion
    name: Tea pavilion
  - id: shop
    name: Tea shop
touchpoints:
  - id: invite              # no zone: cues reach it only when placed at it
    name: Invitation by letter
    phase: before
    next: [arrive]
    emotion: 1
  - id: arrive
    name: Arrive through the garden
    phase: before
    zone: garden
    next: [tasting]
    emotion: 2
  - id: tasting
    name: The tea ceremony
    phase: during
    zone: pavilion
    next: [farewell]
    emotion: 3
  - id: farewell
    name: Farewell in the tea shop
    phase: after
    zone: shop
    next: [invite]          # the return edge: after -> before
    emotion: 2
cues:
  - id: letter
    text: A hand-written letter on bark paper
    senses: [touch]
    motifs: [tea]
    at: [invite]
  - id: lanterns
    text: Paper lanterns along the path
    senses: [sight]
    motifs: [forest]
    at: [garden, shop]
  - id: birdsong
    text: Birdsong in the trees
    senses: [sound]
    motifs: [forest]
    at: [garden]
    conflicts: [traffic]    # written on one side only: holds both ways
  - id: steam
    text: Steam and scent of roasted tea
    senses: [smell, taste]
    motifs: [tea]
    at: [pavilion]
  - id: host
    text: The tea master, always in person
    senses: [sight]
    motifs: [tea]
    at: [pavilion]
    unique: true
  - id: traffic
    text: Traffic noise from the street
    polarity: negative
    senses: [sound]
    at: [shop]
    severity: medium
    status: open
    remedy: Plant a bamboo hedge along the street
    owner: garden team      # ELI004 asks a high-severity cue for one
layers:
  - id: stream
    sense: sound
    name: A stream running through the garden
    at: [garden]
    intensity: 2
    motifs: [forest]
souvenirs:
  - id: tea-tin
    name: A tin of the house tea
    motifs: [tea]
    evokes: [steam]
    at: [farewell]
"""

BASELINE: dict[str, Any] = yaml.safe_load(BASELINE_YAML)

SECTIONS = ("zones", "touchpoints", "cues", "layers", "souvenirs", "actions", "personas")

PRINCIPLE_ORDER = ("REF", "THM", "HAR", "ELI", "MEM", "SEN", "JRN")


class _Dumper(yaml.SafeDumper):
    """Block mappings, but lists of words in flow style (`at: [a, b]`), as people write them."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(not isinstance(item, dict | list) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def dump(data: dict[str, Any]) -> str:
    """Design data as YAML text, in the layout of the examples in SPEC §2."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False
    )


def locate(text: str, token: str, after: str = "") -> tuple[int, int]:
    """1-based (line, column) of the only occurrence of `token` on a line containing `after`."""
    hits = []
    for number, line in enumerate(text.splitlines(), start=1):
        if after and after not in line:
            continue
        start = line.find(token)
        while start != -1:
            hits.append((number, start + 1))
            start = line.find(token, start + 1)
    assert len(hits) == 1, f"{token!r} occurs {len(hits)} times, expected once"
    return hits[0]


class Draft:
    """A design being edited by a test: plain data, then YAML text, then checked."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    # -- editing -----------------------------------------------------------------

    def __getitem__(self, item_id: str) -> dict[str, Any]:
        """The item (zone, touchpoint, cue, layer or souvenir) with this id."""
        for section in SECTIONS:
            for item in self.data.get(section) or []:
                if item["id"] == item_id:
                    return item  # type: ignore[no-any-return]
        raise KeyError(item_id)

    @property
    def theme(self) -> dict[str, Any]:
        return self.data["theme"]  # type: ignore[no-any-return]

    def add(self, section: str, **fields: Any) -> dict[str, Any]:
        """Append an item to a section (created if absent) and return it."""
        item = dict(fields)
        self.data.setdefault(section, []).append(item)
        return item

    def remove(self, item_id: str) -> None:
        """Drop the item with this id (references to it are left as they are)."""
        for section in SECTIONS:
            items = self.data.get(section) or []
            self.data[section] = [item for item in items if item["id"] != item_id]

    # -- checking ----------------------------------------------------------------

    @property
    def text(self) -> str:
        return dump(self.data)

    def design(self) -> Design:
        return parse_design(self.text)

    def check(
        self, select: list[str] | None = None, ignore: list[str] | None = None
    ) -> CheckResult:
        return check(self.design(), select, ignore)

    def findings(self, code: str | None = None) -> list[Finding]:
        """All findings, or those of one code."""
        found = self.check().findings
        return [f for f in found if code is None or f.code == code]

    def codes(self) -> list[str]:
        """The codes of all findings, in the order the checks report them."""
        return [f.code for f in self.check().findings]


@pytest.fixture
def draft() -> Draft:
    """The clean baseline design, ready to be changed by one test."""
    return Draft(copy.deepcopy(BASELINE))


def summary(found: list[Finding]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(code, severity, ids) of each finding: what most assertions compare."""
    return [(f.code, f.severity, f.ids) for f in found]


@pytest.fixture
def summarize():  # type: ignore[no-untyped-def]
    """`summary` as a fixture, so test modules need no import from this file."""
    return summary


@pytest.fixture
def baseline_yaml() -> str:
    """The baseline design exactly as written above, comments and all."""
    return BASELINE_YAML


@pytest.fixture
def principle_order() -> tuple[str, ...]:
    """Code prefixes in the order findings are reported."""
    return PRINCIPLE_ORDER


@pytest.fixture
def where():  # type: ignore[no-untyped-def]
    """`locate` as a fixture: (line, column) of a token in a design's text."""
    return locate
