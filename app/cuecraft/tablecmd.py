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
- The cells as tablerows.py gives them (ids and the file's codes as written, numbers as
  numbers, an empty cell for a value not given; lists joined with "; "; words the
  design's author wrote as written; a finding's message and hint in the command's
  language, as `check` prints them); rows in the order every view shows.
- A cell of text that a spreadsheet would take for a formula gets a `'` in front (see
  `FORMULA`): Excel and LibreOffice evaluate `=HYPERLINK(…)`, `@SUM(A1)` or a remedy
  "- replace the speakers" on opening the file (OWASP "CSV injection"); the quote makes
  them text. Numbers are never touched (an emotion of -2 stays a number).

Exit codes: 0 the table was written; 2 the design (or, for findings, its feedback file)
could not be read — `FILE:LINE:COL: message` on stderr and nothing written — or the
output could not be written, or `-o` names the design itself or a .yaml/.yml file (a
table over a design would destroy it; refused before anything is read or written).
A table is an export: error findings do not change the exit code (that is `check`'s job).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cuecraft.core.i18n import _, pgettext
from cuecraft.tablerows import COLUMNS, ROWS, Cell, Rows, finding_rows

EXIT_OK, EXIT_UNREADABLE = 0, 2
TABLES = ("cues", "touchpoints", "actions", "plan", "findings")
BOM = "\ufeff"

FORMULA = re.compile(r"'*[=+\-@\t\r]")
"""A text a spreadsheet would evaluate: one starting with = + - @, a tab or a carriage
return (OWASP's list) — or with quotes and then one of those, so that taking one `'` off
every cell this matches gives back the exact text (a text that began with `'=` too),
while an ordinary text with a leading quote ("'tis") is left alone."""
DESIGN_SUFFIXES = (".yaml", ".yml")


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


def spreadsheet_cell(cell: Cell) -> Cell:
    """A cell as a spreadsheet should show it: a text it would take for a formula with a
    `'` in front, None as empty, numbers as they are (-2 is an emotion, not a formula)."""
    if cell is None:
        return ""
    if isinstance(cell, str) and FORMULA.match(cell):
        return "'" + cell
    return cell


def csv_bytes(table: str, rows: Rows) -> bytes:
    """The table as the bytes of a CSV file: the byte-order mark, the header row in the
    current language, then the rows.

    Every text cell is guarded, not only the free-text columns: a reference the file
    holds but the design lacks (`next: [=HYPERLINK(…)]`, REF001) loads as written and
    lands in `next`, `at` or a finding's `ids`. Ids and codes never start so."""
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: quotes what needs it, CRLF between rows
    writer.writerow([column_title(key) for key in COLUMNS[table]])
    for row in rows:
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def output_problem(design: str, output: str, table: str) -> str | None:
    """Why the table must not be written to `output`, or None. A CSV written over the
    design (or any .yaml/.yml name: a design's, a feedback file's) would destroy it."""
    out = Path(output)
    try:
        same = os.path.samefile(design, output)  # a link or another spelling counts too
    except OSError:  # one of them does not exist (yet): compare the names
        same = Path(design).resolve() == out.resolve()
    if same:
        return _(
            "cuecraft table: {output}: that is the design itself, and the table would "
            "overwrite it. Nothing was written; choose another name, such as {example}"
        ).format(output=output, example=out.with_name(f"{out.stem}-{table}.csv"))
    if out.suffix.lower() in DESIGN_SUFFIXES:
        return _(
            "cuecraft table: {output}: a table is CSV, and a name ending in {suffix} is "
            "a design's. Nothing was written; choose a name ending in .csv, such as {example}"
        ).format(output=output, suffix=out.suffix, example=out.with_suffix(".csv"))
    return None


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

    if args.output is not None:  # before anything is read: a refusal costs nothing
        refusal = output_problem(args.file, args.output, args.table)
        if refusal:
            print(refusal, file=sys.stderr)
            return EXIT_UNREADABLE
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
