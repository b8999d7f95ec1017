"""REF001: references that name no id, or an id of the wrong kind."""

from __future__ import annotations

import difflib

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph


def check(graph: DesignGraph) -> list[Finding]:
    out = []
    for ref in graph.broken:
        field = ref.field if ref.index is None else f"{ref.field}"
        if ref.found is None:
            message = (
                f"“{ref.item.id}” refers in “{field}” to “{ref.target}”, "
                "which is not an id in this design"
            )
            pool = _ids_of_kind(graph, ref.expected)
            close = difflib.get_close_matches(ref.target, pool, n=1, cutoff=0.6)
            hint = (
                f"did you mean “{close[0]}”?"
                if close
                else f"add a {ref.expected} with id “{ref.target}” or remove the reference"
            )
        else:
            message = (
                f"“{ref.item.id}” refers in “{field}” to “{ref.target}”, "
                f"which is a {ref.found}; “{field}” needs a {ref.expected}"
            )
            hint = f"point “{field}” at a {ref.expected}"
        out.append(
            finding("REF001", "error", message, (ref.item.id, ref.target), ref.location, hint)
        )
    return out


def _ids_of_kind(graph: DesignGraph, expected: str) -> list[str]:
    pool: list[str] = []
    if "zone" in expected:
        pool += list(graph.zones)
    if "touchpoint" in expected:
        pool += list(graph.touchpoints)
    if expected == "cue":
        pool += list(graph.cues)
    return pool
