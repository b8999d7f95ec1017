"""`cuecraft feedback import|show`: survey answers beside the design (docs/feedback.md).

`import DESIGN CSV` reads the survey, writes DESIGN's side file
(`cafe.feedback.yaml`), prints a summary and the NPS table on stdout and every
skipped row as `CSV:LINE: reason` on stderr. `show DESIGN` prints the table
again. Exit codes follow `cuecraft check`: 0 done (even with skipped rows),
2 an input could not be read (the design, the CSV, the side file), no score
column was found, or no row at all could be imported.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cuecraft.core.i18n import _, ngettext
from cuecraft.feedbackshow import (
    as_json,
    count,
    print_comments,
    print_findings,
    print_personas,
    print_table,
)

if TYPE_CHECKING:  # the core (networkx) is imported only when a command runs
    from cuecraft.core.feedback import (
        ImportResult,
    )
    from cuecraft.core.model import Design

EXIT_OK, EXIT_UNREADABLE = 0, 2


def add_parser(
    subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()
) -> argparse.ArgumentParser:
    """Register `feedback` and its `import` and `show` subcommands on a subparsers object
    (`parents`: options every command takes, such as `--lang`)."""
    feedback = subparsers.add_parser(
        "feedback",
        help=_("import survey answers (NPS) and show them per touchpoint and persona"),
        description=_("Link guest feedback (Net Promoter Score) to the touchpoints of a design."),
        parents=list(parents),
    )
    sub = feedback.add_subparsers(dest="feedback_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help=_("import a survey CSV into the design’s feedback file"),
        description=_(
            "Import a survey CSV (a 0–10 “how likely to recommend” score, optionally a "
            "touchpoint, the persona who answered, a date and a comment per row) into "
            "DESIGN’s side file (cafe.yaml → cafe.feedback.yaml), replacing what was "
            "imported before."
        ),
        parents=list(parents),
    )
    imp.add_argument("design", metavar="DESIGN")
    imp.add_argument("csv", metavar="CSV")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="ROLE=COLUMN,...",
        help=_(
            "name the columns: score=, touchpoint=, persona=, date=, comment= (a header or a "
            "1-based column number; empty for none); the rest are guessed from the headers"
        ),
    )
    imp.add_argument(
        "--delimiter",
        metavar="CHAR",
        help=_("the field separator (default: guessed from the file: , ; or tab)"),
    )
    imp.add_argument(
        "--encoding",
        metavar="NAME",
        help=_("the text encoding (default: UTF-8, with or without BOM)"),
    )
    imp.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        help=_(
            "read dates like 03/04/2024 day first (dmy) or month first (mdy); default: "
            "decided by the dates that can be read only one way, else mdy"
        ),
    )
    show = sub.add_parser(
        "show",
        help=_("print the NPS per touchpoint and persona"),
        description=_(
            "Print the imported feedback of DESIGN: NPS per touchpoint and overall, and per "
            "persona and persona × touchpoint when the survey says who answered."
        ),
        parents=list(parents),
    )
    show.add_argument("design", metavar="DESIGN")
    show.add_argument(
        "--comments", action="store_true", help=_("also print the strongest comments")
    )
    show.add_argument("--format", choices=("text", "json"), default="text")
    parser: argparse.ArgumentParser = feedback
    return parser


def run(args: argparse.Namespace) -> int:
    """Run a parsed `cuecraft feedback ...` command; the exit code."""
    if args.feedback_command == "import":
        return _import(args)
    return _show(args)


def main(argv: Sequence[str] | None = None) -> int:
    """`cuecraft feedback` on its own: `main(["import", "cafe.yaml", "survey.csv"])`."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["feedback"]:
        args_in = args_in[1:]
    parser = argparse.ArgumentParser(prog="cuecraft")
    add_parser(parser.add_subparsers(dest="command"))
    return run(parser.parse_args(["feedback", *args_in]))


# -- import ------------------------------------------------------------------------


def _load(name: str) -> Design | None:
    from cuecraft.core.fileformat import DesignLoadError, load_design

    try:
        return load_design(name)
    except DesignLoadError as error:
        for problem in error.problems:
            print(problem.format(name), file=sys.stderr)
        return None


def _import(args: argparse.Namespace) -> int:
    from cuecraft.core.feedback import (
        CsvError,
        FeedbackSaveError,
        MappingError,
        import_csv,
        parse_map,
        save_feedback,
        side_file_path,
    )
    from cuecraft.core.graph import DesignGraph

    design = _load(args.design)
    if design is None:
        return EXIT_UNREADABLE
    try:
        mapping = parse_map(args.map)
    except MappingError as error:
        print(_("cuecraft feedback: {error}").format(error=error), file=sys.stderr)
        return EXIT_UNREADABLE
    day_first = None if args.date_order is None else args.date_order == "dmy"
    try:
        result = import_csv(
            args.csv, design, mapping, args.delimiter, args.encoding, day_first=day_first
        )
    except CsvError as error:
        print(error.format(args.csv), file=sys.stderr)
        return EXIT_UNREADABLE
    except MappingError as error:
        print(f"{args.csv}:1: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    _report_problems(args.csv, result)
    source = result.feedback.source
    if source.imported_rows == 0:
        why = (
            _("{file}: no answers after the header; nothing written")
            if source.read == 0
            else _("{file}: no row could be read; nothing written")
        )
        print(why.format(file=args.csv), file=sys.stderr)
        return EXIT_UNREADABLE
    side = side_file_path(args.design)
    try:
        save_feedback(result.feedback, side)
    except FeedbackSaveError as error:
        print(_("cuecraft feedback: {error}").format(error=error), file=sys.stderr)
        return EXIT_UNREADABLE
    imported = ngettext(
        "wrote {side}: {imported} of {read} row imported from {source}",
        "wrote {side}: {imported} of {read} rows imported from {source}",
        source.read,
    ).format(
        side=side,
        imported=count(source.imported_rows),
        read=count(source.read),
        source=source.file,
    )
    if source.skipped:
        imported = _("{imported}, {skipped} skipped").format(
            imported=imported, skipped=count(source.skipped)
        )
    print(imported)
    columns = ", ".join(
        f"{role} = {json.dumps(name, ensure_ascii=False)}"
        for role, name in result.feedback.columns.as_dict().items()
        if name is not None
    )
    print(_("columns: {columns}").format(columns=columns))
    graph = DesignGraph(design)
    print_table(graph, result.feedback)
    print_personas(graph, result.feedback)
    print_findings(args.design, graph, result.feedback)
    return EXIT_OK


def _report_problems(csv_name: str, result: ImportResult) -> None:
    for row in result.skipped:
        print(f"{csv_name}:{row.line}: {row.reason}", file=sys.stderr)
    for value in result.unmatched:
        message = ngettext(
            "the touchpoint “{value}” is neither an id nor a name in the design "
            "({n} row; kept apart, see FBK004)",
            "the touchpoint “{value}” is neither an id nor a name in the design "
            "({n} rows; kept apart, see FBK004)",
            value.rows,
        ).format(value=value.value, n=count(value.rows))
        print(f"{csv_name}:{value.first_line}: {message}", file=sys.stderr)
    for who in result.unmatched_personas:
        message = ngettext(
            "the persona “{value}” is neither the id nor the name of a persona in the design "
            "({n} row; kept apart under that name)",
            "the persona “{value}” is neither the id nor the name of a persona in the design "
            "({n} rows; kept apart under that name)",
            who.rows,
        ).format(value=who.value, n=count(who.rows))
        print(f"{csv_name}:{who.first_line}: {message}", file=sys.stderr)
    for note in result.notes:
        print(f"{csv_name}: {note}", file=sys.stderr)


# -- show --------------------------------------------------------------------------


def _show(args: argparse.Namespace) -> int:
    from cuecraft.core.feedback import FeedbackLoadError, feedback_for_design, side_file_path
    from cuecraft.core.graph import DesignGraph

    design = _load(args.design)
    if design is None:
        return EXIT_UNREADABLE
    try:
        feedback = feedback_for_design(args.design)
    except FeedbackLoadError as error:
        print(error.format(), file=sys.stderr)
        return EXIT_UNREADABLE
    if feedback is None:
        print(
            _(
                "cuecraft feedback: no feedback imported for {design} (no {side}); run "
                "“cuecraft feedback import {design} SURVEY.csv”"
            ).format(design=args.design, side=side_file_path(args.design)),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    graph = DesignGraph(design)
    if args.format == "json":
        json.dump(as_json(args.design, graph, feedback), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    src = feedback.source
    words = {
        "side": side_file_path(args.design),
        "source": src.file,
        "sha": src.sha256[:12],
        "imported": src.imported,
        "n": count(src.imported_rows),
        "first": src.first_date,
        "last": src.last_date,
    }
    if src.first_date:
        line = ngettext(
            "{side}: from {source} (sha256 {sha}…), imported {imported}: {n} answer, "
            "answered {first} to {last}",
            "{side}: from {source} (sha256 {sha}…), imported {imported}: {n} answers, "
            "answered {first} to {last}",
            src.imported_rows,
        )
    else:
        line = ngettext(
            "{side}: from {source} (sha256 {sha}…), imported {imported}: {n} answer",
            "{side}: from {source} (sha256 {sha}…), imported {imported}: {n} answers",
            src.imported_rows,
        )
    print(line.format(**words))
    print_table(graph, feedback)
    print_personas(graph, feedback)
    if args.comments:
        print_comments(graph, feedback)
    print_findings(args.design, graph, feedback)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
