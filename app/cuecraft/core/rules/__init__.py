"""The rules of SPEC §3, one module per principle, run in principle order."""

from __future__ import annotations

from collections.abc import Callable

from cuecraft.core.findings import Finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Design
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

RULES: tuple[Callable[[DesignGraph], list[Finding]], ...] = (
    merges.check,
    references.check,
    theme.check,
    harmonize.check,
    eliminate.check,
    memorabilia.check,
    senses.check,
    journey.check,
    personas.check,
    blueprint.check,
    value.check,
)

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


def check_graph(graph: DesignGraph) -> list[Finding]:
    """Every finding, in principle order, then by code, then by place in the file."""
    out: list[Finding] = []
    for rule in RULES:
        found = rule(graph)
        found.sort(key=lambda f: (f.code, f.line, f.column))
        out.extend(found)
    return out


def check_design(design: Design) -> tuple[DesignGraph, list[Finding]]:
    """Build the graph of a design and run every rule on it."""
    graph = DesignGraph(design)
    return graph, check_graph(graph)
