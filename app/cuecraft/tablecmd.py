"""`cuecraft table FILE cues|touchpoints|actions|plan|findings [-o OUT.csv]` (SPEC §4).

One table of a design as CSV, for a spreadsheet or a script (docs/table.md):

- Written by the `csv` module (RFC 4180: commas, quotes and line breaks inside a cell are
  quoted), UTF-8 with a byte-order mark and CRLF line ends, *always* — to `-o` and to
  stdout alike. Excel and LibreOffice read UTF-8 without asking only with the mark, and
  `cuecraft table … > plan.csv` is as common as `-o plan.csv`: the same bytes either way.
  Python's `csv` with "utf-8-sig" and pandas read the mark away. Stdout gets bytes, so a
  terminal or pipe set to another encoding never breaks a Chinese text.
- One header row in the command's language (`--lang`, else the system's, as `check`);
  the columns and their order never change with the language.
- Ids, references and the file's codes (`negative`, `high`, `frontstage`) as the file
  writes them, so a table joins back to the design and filters the same in every
  language; numbers as plain numbers; an empty cell for a value not given. A negative
  cue's severity and status are those it has (the file's defaults when not written).
  Words the design's author wrote stay as written; a finding's message and hint are in
  the command's language, as `check` prints them. Lists are joined with "; ".
- Rows in the order every view shows: cues and actions in file order, touchpoints in the
  journey order (`DesignGraph.journey_order`, with the step), the plan in
  `elimination_plan` order, findings in `check`'s order.

Exit codes: 0 the table was written; 2 the design (or, for findings, its feedback file)
could not be read — `FILE:LINE:COL: message` on stderr and nothing written — or the
output could not be written. A table is an export: error findings do not change the
exit code (that is `check`'s job).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cuecraft.core.i18n import _, pgettext

if TYPE_CHECKING:  # the core (networkx) is imported only when the command runs
    from cuecraft.core.model import Design

EXIT_OK, EXIT_UNREADABLE = 0, 2
TABLES = ("cues", "touchpoints", "actions", "plan", "findings")
BOM = "\ufeff"
LIST_SEPARATOR = "; "

Cell = str | int | float | None
Rows = list[list[Cell]]


def column_title(key: str) -> str:
    """A column's title in the current language. Each title is spelled out for extraction;
    the keys are the file's own where the column is a field of the file."""
    # TRANSLATORS: column titles of `cuecraft table` (a spreadsheet's header row). Most are
    # the design file's keys (docs/format.md); translate them as short column titles.
    titles = {
        "id": pgettext("table column", "id"),
        "text": pgettext("table column", "text"),
        "name": pgettext("table column", "name"),
        "polarity": pgettext("table column", "polarity"),
        "senses": pgettext("table column", "senses"),
        "motifs": pgettext("table column", "motifs"),
        # TRANSLATORS: a table column: the ids of the zones or touchpoints an item is placed at
        "at": pgettext("table column", "at"),
        # TRANSLATORS: a table column: true for a cue that is a character (never seen twice)
        "unique": pgettext("table column", "unique"),
        "conflicts": pgettext("table column", "conflicts"),
        "severity": pgettext("table column", "severity"),
        "status": pgettext("table column", "status"),
        "remedy": pgettext("table column", "remedy"),
        "owner": pgettext("table column", "owner"),
        "effort": pgettext("table column", "effort"),
        "impact": pgettext("table column", "impact"),
        # TRANSLATORS: a table column: the touchpoint's number along the journey (1, 2, …)
        "step": pgettext("table column", "step"),
        "phase": pgettext("table column", "phase"),
        "zone": pgettext("table column", "zone"),
        # TRANSLATORS: a table column: the ids of the touchpoints that follow on the journey
        "next": pgettext("table column", "next"),
        "emotion": pgettext("table column", "emotion"),
        "wait": pgettext("table column", "wait"),
        "lane": pgettext("table column", "lane"),
        "minutes": pgettext("table column", "minutes"),
        "tolerance": pgettext("table column", "tolerance"),
        # TRANSLATORS: a table column: an action's fail point (what can go wrong)
        "fail": pgettext("table column", "fail"),
        "recovery": pgettext("table column", "recovery"),
        # TRANSLATORS: a table column: the ids of the actions an action depends on
        "needs": pgettext("table column", "needs"),
        # TRANSLATORS: a table column: a negative cue's place in the elimination plan (1 first)
        "rank": pgettext("table column", "rank"),
        # TRANSLATORS: a table column: the names of the places where a negative cue is
        "places": pgettext("table column", "places"),
        # TRANSLATORS: a table column: a finding's rule code (ELI002)
        "code": pgettext("table column", "code"),
        # TRANSLATORS: a table column: the principle (or group) a finding belongs to
        "principle": pgettext("table column", "principle"),
        "message": pgettext("table column", "message"),
        # TRANSLATORS: a table column: the ids of the items a finding is about
        "ids": pgettext("table column", "ids"),
        # TRANSLATORS: a table column: the line in the design file
        "line": pgettext("table column", "line"),
        # TRANSLATORS: a table column: the column (character) in the design file's line
        "column": pgettext("table column", "column"),
        "hint": pgettext("table column", "hint"),
    }
    return titles[key]


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


def csv_bytes(table: str, rows: Rows) -> bytes:
    """The table as the bytes of a CSV file: the byte-order mark, the header row in the
    current language, then the rows (None as an empty cell)."""
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: quotes what needs it, CRLF between rows
    writer.writerow([column_title(key) for key in COLUMNS[table]])
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def add_parser(
    subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()
) -> argparse.ArgumentParser:
    """Register `table` on a subparsers object (`parents`: options every command takes)."""
    table = subparsers.add_parser(
        "table",
        help=_("write cues, touchpoints, actions, the elimination plan or findings as CSV"),
        description=_(
            "Write one table of a design as CSV (UTF-8 with a byte-order mark, so spreadsheets "
            "read it): cues, touchpoints (in journey order), actions, the elimination plan "
            "(in priority order) or the findings. The header row is in the chosen language; "
            "ids and the file's codes stay as written, so the table joins back to the design."
        ),
        parents=list(parents),
    )
    table.add_argument("file", metavar="FILE")
    table.add_argument("table", choices=TABLES, metavar="|".join(TABLES))
    table.add_argument(
        "-o",
        "--output",
        metavar="OUT.csv",
        help=_("write the table to this file (default: standard output)"),
    )
    return table  # type: ignore[no-any-return]


def run(args: argparse.Namespace) -> int:
    """Run `cuecraft table` with parsed arguments; return the exit code."""
    from cuecraft.core.fileformat import DesignLoadError, load_design

    try:
        design = load_design(args.file)
    except DesignLoadError as error:
        for problem in error.problems:
            print(problem.format(args.file), file=sys.stderr)
        return EXIT_UNREADABLE
    if args.table == "findings":
        from cuecraft.core.feedback import FeedbackLoadError, feedback_for_design

        try:  # the same findings as `check`: the imported guest feedback's included
            feedback = feedback_for_design(args.file)
        except FeedbackLoadError as error:
            print(error.format(), file=sys.stderr)
            return EXIT_UNREADABLE
        rows = finding_rows(design, feedback)
    else:
        rows = ROWS[args.table](design)
    data = csv_bytes(args.table, rows)
    if args.output is None:
        return _to_stdout(data)
    from cuecraft.core.writer import write_atomically

    try:
        write_atomically(Path(args.output), data)  # the whole table or nothing
    except OSError as error:
        reason = error.strerror or str(error)
        print(
            _("cuecraft table: {file}: {error}").format(file=args.output, error=reason),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    print(args.output)
    return EXIT_OK


def _to_stdout(data: bytes) -> int:
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if stream is None:  # a text-only stdout (an embedding host): the same characters
            sys.stdout.write(data.decode("utf-8"))
            sys.stdout.flush()
        else:
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
    except BrokenPipeError:
        # `cuecraft table … | head`: the reader had enough. Say nothing more on the way out.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_OK
