"""Fuzzing the loader and the checker: a design or a clear load error, nothing else."""

from __future__ import annotations

import random

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cuecraft.core.check import check
from cuecraft.core.fileformat import DesignLoadError, parse_design
from cuecraft.core.writer import dump_design
from tests.core.strategies import designs

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_clear_error(data: bytes) -> None:
    """The only allowed outcomes: a checked design, or a load error with located problems."""
    try:
        design = parse_design(data, "fuzz.yaml")
    except DesignLoadError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message and problem.line >= 1 and problem.column >= 1
        return
    check(design)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(data):
    load_or_clear_error(data)


yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=20)
    | st.sampled_from(["cuecraft", "title", "theme", "cues", "zones", "id", "at", "next"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "cuecraft",
                    "title",
                    "theme",
                    "name",
                    "cues",
                    "zones",
                    "touchpoints",
                    "id",
                    "at",
                    "next",
                    "text",
                    "polarity",
                    "senses",
                    "x-a",
                    "motifs",
                    "layers",
                    "souvenirs",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@FUZZ
@given(yaml_values)
def test_random_yaml(value):
    load_or_clear_error(yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(designs(), st.randoms(use_true_random=False), st.integers(1, 6))
def test_mutated_valid_designs(design, rng: random.Random, mutations):
    lines = dump_design(design).split("\n")
    for _ in range(mutations):
        index = rng.randrange(len(lines))
        action = rng.choice(
            ["delete", "duplicate", "indent", "dedent", "swap", "truncate", "garble"]
        )
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "indent":
            lines[index] = "  " + line
        elif action == "dedent":
            lines[index] = line[2:]
        elif action == "swap" and index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], line
        elif action == "truncate":
            lines[index] = line[: rng.randrange(len(line) + 1)]
        else:
            chars = list(line)
            if chars:
                chars[rng.randrange(len(chars))] = rng.choice(":-[]{}#&*!|>'\"%@` \t,")
            lines[index] = "".join(chars)
        if not lines:
            lines = [""]
    load_or_clear_error("\n".join(lines).encode("utf-8"))


@FUZZ
@given(designs())
def test_generated_designs_with_dangling_references_check_without_error(design):
    result = check(design)
    assert 0 <= result.scorecard.overall <= 100
