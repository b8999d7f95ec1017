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


# The three examples with a service blueprint, and the deliberate blueprint finding each
# header promises: a restock on the shop floor in trading hours (Rainforest Cafe), a fail
# point without its recovery script (Haidilao), a frontstage step nobody owns (the hotel).
BLUEPRINTS = {
    "haidilao-hotpot": ("BLU002", ("queue-system",)),
    "rainforest-cafe": ("BLU001", ("outpost-restock", "gift-shop")),
    "boutique-hotel": ("BLU003", ("farewell-parcel",)),
}


def example(stem: str) -> Path:
    return next(p for p in DESIGNS if p.stem == stem)


@pytest.mark.parametrize("stem", sorted(BLUEPRINTS))
def test_example_has_a_real_service_blueprint(stem):
    design = load_design(example(stem))
    actions = design.actions
    assert 8 <= len(actions) <= 15, len(actions)
    assert {a.lane for a in actions} == {"frontstage", "backstage", "support"}
    assert all(a.text and a.at for a in actions)
    assert any(a.needs for a in actions)  # one action depends on another
    # A wait point, and at least one fail point with its recovery script.
    assert any(tp.wait for tp in design.touchpoints)
    assert any(a.fail and a.recovery for a in actions)
    # Backstage and support work has a place out of the guests' sight: a back-of-house zone
    # that guests are never in and that sees none of theirs.
    guest_zones = {tp.zone for tp in design.touchpoints if tp.zone}
    hidden = [a for a in actions if a.lane != "frontstage" and a.zone]
    back = {a.zone for a in hidden} - guest_zones
    assert back
    zones = {z.id: z for z in design.zones}
    assert all(not set(zones[z].sees) & guest_zones for z in back)
    assert all(not any(z in zone.sees for zone in design.zones) for z in back)


@pytest.mark.parametrize("stem", sorted(BLUEPRINTS))
def test_example_blueprint_gives_its_deliberate_finding_and_a_staging_score(stem):
    path = example(stem)
    code, ids = BLUEPRINTS[stem]
    assert (code, ids) in promised(path)
    result = check(load_design(path), feedback=feedback_for_design(path))
    blueprint = sorted((f.code, tuple(f.ids)) for f in result.findings if f.code.startswith("BLU"))
    assert blueprint == [(code, ids)]
    assert "staging" in result.scorecard.principles


def test_the_haidilao_queue_is_a_filled_wait():
    """Haidilao's queue is a long wait point, staffed frontstage; every frontstage step has
    an owner and a standard time (strict control of a standardised service)."""
    design = load_design(example("haidilao-hotpot"))
    queue = next(tp for tp in design.touchpoints if tp.id == "wait")
    assert queue.wait is not None and queue.wait >= 10
    frontstage = [a for a in design.actions if a.lane == "frontstage"]
    assert all(a.owner and a.minutes is not None for a in frontstage)
    assert any(queue.id in a.at for a in frontstage)


@pytest.mark.parametrize("name", [n for n, _ in available()])
def test_templates_load_and_all_but_blank_are_clean(name):
    design = load_template(name)
    assert design.preamble == ""
    if name != "blank":
        assert check(design).findings == []
