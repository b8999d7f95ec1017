"""The worked examples load cleanly and produce exactly the findings their headers promise."""

from __future__ import annotations

from pathlib import Path

import pytest

from cuecraft.core.check import check
from cuecraft.core.feedback import feedback_for_design
from cuecraft.core.fileformat import load_design
from cuecraft.core.templates import available
from cuecraft.core.templates import load as load_template
from cuecraft.resources import example_designs

DESIGNS = example_designs()


def promised(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            words = line.removeprefix("# expect:").split()
            if words != ["none"]:
                out.append((words[0], tuple(words[1:])))
    return sorted(out)


def test_there_are_six_rich_examples_in_three_languages():
    assert len(DESIGNS) >= 6
    languages = {load_design(p).language for p in DESIGNS}
    assert {"en", "pl", "zh"} <= languages
    for path in DESIGNS:
        design = load_design(path)
        assert len(design.cues) >= 25, path.name
        assert {tp.phase for tp in design.touchpoints} == {"before", "during", "after"}
        assert any(zone.sees for zone in design.zones), path.name
        assert design.souvenirs and design.layers, path.name


@pytest.mark.parametrize("path", DESIGNS, ids=[p.stem for p in DESIGNS])
def test_example_gives_exactly_the_promised_findings(path):
    findings = check(load_design(path), feedback=feedback_for_design(path)).findings
    got = sorted((f.code, tuple(f.ids)) for f in findings)
    assert got == promised(path)


def test_some_examples_carry_deliberate_problems():
    assert sum(1 for p in DESIGNS if promised(p)) >= 3


@pytest.mark.parametrize("name", [n for n, _ in available()])
def test_templates_load_and_all_but_blank_are_clean(name):
    design = load_template(name)
    assert design.preamble == ""
    if name != "blank":
        assert check(design).findings == []
