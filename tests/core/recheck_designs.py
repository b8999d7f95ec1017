"""The designs the re-check tests start from: every example of designs/ (the rainforest
café with its guest feedback), the rule tests' tea house (no findings, and one change
makes a rule speak, where the rich examples often need two), the tea house with prices
that VAL001 and MEM004 speak of, and the café with a touchpoint its feedback names
renamed (FBK004)."""

from __future__ import annotations

import copy
import functools
from pathlib import Path

from cuecraft.core.edits import RenameId, SetField
from cuecraft.core.feedback import Feedback, feedback_for_design
from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.model import Design
from tests.core.conftest import BASELINE_YAML

DESIGNS = Path(__file__).resolve().parents[2] / "designs"
EXAMPLES = sorted(p for p in DESIGNS.glob("*.yaml") if not p.name.endswith(".feedback.yaml"))
WITH_FEEDBACK = [p.name for p in EXAMPLES if feedback_for_design(p) is not None]
RAINFOREST = "rainforest-cafe.yaml"
TEA_HOUSE = "tea house"
PRICED_TEA_HOUSE = "priced tea house"
RENAMED_RAINFOREST = "renamed rainforest"
STARTS = [*(p.name for p in EXAMPLES), TEA_HOUSE, PRICED_TEA_HOUSE, RENAMED_RAINFOREST]
"""Every design a test may start from, by name."""
STARTS_WITH_FEEDBACK = [*WITH_FEEDBACK, RENAMED_RAINFOREST]


@functools.cache
def _made(name: str) -> tuple[Design, Feedback | None]:
    if name == TEA_HOUSE:
        return parse_design(BASELINE_YAML), None
    if name == PRICED_TEA_HOUSE:
        design, _ = start(TEA_HOUSE)
        for owner, field, value in (
            ("value", "currency", "EUR"),
            ("value", "goods", 10),
            ("value", "experience", 5),
            ("tea-tin", "price", 5),
            ("tea-tin", "plain_price", 10),
        ):
            SetField(owner, field, value).apply(design)
        return design, None
    if name == RENAMED_RAINFOREST:
        design, feedback = start(RAINFOREST)
        RenameId("storm", "thunder").apply(design)  # the feedback still says "storm"
        return design, feedback
    path = DESIGNS / name
    return load_design(path), feedback_for_design(path)


def start(name: str) -> tuple[Design, Feedback | None]:
    """A fresh copy of a starting design (the test edits it) and its feedback."""
    design, feedback = _made(name)
    return copy.deepcopy(design), feedback
