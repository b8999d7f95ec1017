"""The rules of SPEC §3, one module per principle, run in principle order."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from cuecraft.core.findings import Finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Design
from cuecraft.core.reads import Reads
from cuecraft.core.rules import (
    blueprint,
    eliminate,
    harmonize,
    journey,
    memorabilia,
    merges,
    personas,
    references,
    senses,
    theme,
    value,
)

_MODULES = (
    merges,
    references,
    theme,
    harmonize,
    eliminate,
    memorabilia,
    senses,
    journey,
    personas,
    blueprint,
    value,
)

RULES: tuple[Callable[[DesignGraph], list[Finding]], ...] = tuple(m.check for m in _MODULES)

RULE_READS: tuple[Reads, ...] = tuple(m.READS for m in _MODULES)
"""What each of `RULES` reads (the module's `READS`), in the same order: the incremental
re-check (`cuecraft.core.recheck`) runs again only the rules that read an edited field."""

CODES = (
    "MRG001",
    "REF001",
    "THM001",
    "THM002",
    "THM003",
    "HAR001",
    "HAR002",
    "HAR003",
    "ELI001",
    "ELI002",
    "ELI003",
    "ELI004",
    "MEM001",
    "MEM002",
    "MEM003",
    "MEM004",
    "SEN001",
    "SEN002",
    "SEN003",
    "JRN001",
    "JRN002",
    "JRN003",
    "JRN004",
    "PER001",
    "PER002",
    "PER003",
    "BLU001",
    "BLU002",
    "BLU003",
    "BLU004",
    "VAL001",
    "FBK001",
    "FBK002",
    "FBK003",
    "FBK004",
)


def run_rule(index: int, graph: DesignGraph) -> list[Finding]:
    """The findings of one of `RULES`, by code, then by place in the file."""
    found = RULES[index](graph)
    found.sort(key=_BY_CODE_AND_PLACE)
    return found


_BY_CODE_AND_PLACE = attrgetter("code", "line", "column")


def check_rules(graph: DesignGraph) -> list[list[Finding]]:
    """The findings of each of `RULES`, in principle order (`run_rule`)."""
    return [run_rule(index, graph) for index in range(len(RULES))]


def check_graph(graph: DesignGraph) -> list[Finding]:
    """Every finding, in principle order, then by code, then by place in the file."""
    return [f for found in check_rules(graph) for f in found]


def check_design(design: Design) -> tuple[DesignGraph, list[Finding]]:
    """Build the graph of a design and run every rule on it."""
    graph = DesignGraph(design)
    return graph, check_graph(graph)
