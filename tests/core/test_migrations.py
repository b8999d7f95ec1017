"""Older format versions are migrated on load; the made-up version 0 proves the hook."""

from __future__ import annotations

from cuecraft.core.fileformat import parse_design
from cuecraft.core.writer import dump_design

VERSION_0 = """\
cuecraft: 0
title: Old draft
theme: Into the rainforest
cues:
  - id: mist
    text: Fine mist
    kind: good
  - id: muzak
    text: Mall music
    kind: bad
    severity: high
"""


def test_version_0_is_migrated_to_the_current_format():
    design = parse_design(VERSION_0)
    assert design.theme.name == "Into the rainforest"
    assert [c.polarity for c in design.cues] == ["positive", "negative"]
    assert dump_design(design).startswith("cuecraft: 1\n")


def test_problems_in_a_migrated_file_point_at_its_own_lines():
    from cuecraft.core.fileformat import DesignLoadError

    try:
        parse_design(VERSION_0.replace("kind: bad", "kind: awful"))
    except DesignLoadError as error:
        assert [(p.line, p.path) for p in error.problems] == [(10, "cues[1].polarity")]
        assert "“awful” is not one of positive, negative" in error.problems[0].message
    else:
        raise AssertionError("an unknown old kind must be refused")
