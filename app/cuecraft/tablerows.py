"""The rows of `cuecraft table`'s tables (SPEC §4, docs/table.md): which columns each
table has, in their one order, and what goes in each cell — before tablecmd.py guards
the texts a spreadsheet would evaluate and writes the CSV.

- Ids, references and the file's codes (`negative`, `high`, `frontstage`) as the file
  writes them, so a table joins back to the design and filters the same in every
  language; numbers as numbers; None for a value not given (an empty cell). A negative
  cue's severity and status are those it has (the file's defaults when not written).
- Rows in the order every view shows: cues and actions in file order, touchpoints in the
  journey order (`DesignGraph.journey_order`, with the step), the plan in
  `elimination_plan` order, findings in `check`'s order.

No strings to translate here (the column titles are tablecmd.py's); the core is imported
only when a table is built, so the command line starts light.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the core (networkx) is imported only when the command runs
    from cuecraft.core.model import Design

LIST_SEPARATOR = "; "

Cell = str | int | float | None
Rows = list[list[Cell]]


COLUMNS: dict[str, tuple[str, ...]] = {
    "cues": (
        "id",
        "text",
        "polarity",
        "senses",
        "motifs",
        "at",
        "unique",
        "conflicts",
        "severity",
        "status",
        "remedy",
        "owner",
        "effort",
        "impact",
    ),
    "touchpoints": ("step", "id", "name", "phase", "zone", "next", "emotion", "wait"),
    "actions": (
        "id",
        "text",
        "lane",
        "at",
        "zone",
        "owner",
        "minutes",
        "tolerance",
        "fail",
        "recovery",
        "needs",
    ),
    "plan": (
        "rank",
        "id",
        "text",
        "severity",
        "impact",
        "effort",
        "status",
        "owner",
        "remedy",
        "places",
    ),
    "findings": ("code", "severity", "principle", "message", "ids", "line", "column", "hint"),
}
"""Every table's columns in their one order (docs/table.md lists them)."""


def joined(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(values)


def cue_rows(design: Design) -> Rows:
    rows: Rows = []
    for cue in design.cues:
        negative = cue.is_negative
        rows.append(
            [
                cue.id,
                cue.text,
                cue.polarity,
                joined(cue.senses),
                joined(cue.motifs),
                joined(cue.at),
                "true" if cue.unique else "false",
                joined(cue.conflicts),
                cue.effective_severity if negative else cue.severity,
                cue.effective_status if negative else cue.status,
                cue.remedy,
                cue.owner,
                cue.effort,
                cue.impact,
            ]
        )
    return rows


def touchpoint_rows(design: Design) -> Rows:
    from cuecraft.core.graph import DesignGraph

    graph = DesignGraph(design)
    rows: Rows = []
    for step, tid in enumerate(graph.journey_order, start=1):
        tp = graph.touchpoints[tid]
        rows.append([step, tp.id, tp.name, tp.phase, tp.zone, joined(tp.next), tp.emotion, tp.wait])
    return rows


def action_rows(design: Design) -> Rows:
    return [
        [
            a.id,
            a.text,
            a.lane,
            joined(a.at),
            a.zone,
            a.owner,
            a.minutes,
            a.tolerance,
            a.fail,
            a.recovery,
            joined(a.needs),
        ]
        for a in design.actions
    ]


def plan_rows(design: Design) -> Rows:
    from cuecraft.core.names import full_name
    from cuecraft.core.plan import elimination_plan

    index = design.index()
    rows: Rows = []
    for rank, cue in enumerate(elimination_plan(design), start=1):
        # Where it is, by the names people know the places by (the cues table has the ids).
        places = [full_name(index[p]) if p in index else p for p in cue.at]
        rows.append(
            [
                rank,
                cue.id,
                cue.text,
                cue.effective_severity,
                cue.impact,
                cue.effort,
                cue.effective_status,
                cue.owner,
                cue.remedy,
                joined(places),
            ]
        )
    return rows


ROWS: dict[str, Callable[[Design], Rows]] = {
    "cues": cue_rows,
    "touchpoints": touchpoint_rows,
    "actions": action_rows,
    "plan": plan_rows,
}


def finding_rows(design: Design, feedback: Any) -> Rows:
    """The findings as `cuecraft check` lists them (feedback rules included)."""
    from cuecraft.core.check import check

    return [
        [
            f.code,
            f.severity,
            f.principle,
            f.message,
            joined(f.ids),
            f.line,
            f.column,
            f.designer_hint,
        ]
        for f in check(design, feedback=feedback).findings
    ]
