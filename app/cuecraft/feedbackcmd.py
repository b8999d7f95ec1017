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
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cuecraft.core.i18n import _, ngettext, pgettext

if TYPE_CHECKING:  # the core (networkx) is imported only when a command runs
    from cuecraft.core.feedback import (
        Feedback,
        ImportResult,
        Nps,
        PersonaAnswers,
        TouchpointFeedback,
    )
    from cuecraft.core.graph import DesignGraph
    from cuecraft.core.model import Design

EXIT_OK, EXIT_UNREADABLE = 0, 2
JSON_FORMAT_VERSION = 1


def add_parser(
    subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()
) -> argparse.ArgumentParser:
    """Register `feedback` and its `import` and `show` subcommands on a subparsers object
    (`parents`: options every command takes, such as `--lang`)."""
    feedback = subparsers.add_parser(
        "feedback",
        help=_("import survey answers (NPS) and show them per touchpoint"),
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
        help=_("print the NPS per touchpoint"),
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
        imported=_count(source.imported_rows),
        read=_count(source.read),
        source=source.file,
    )
    if source.skipped:
        imported = _("{imported}, {skipped} skipped").format(
            imported=imported, skipped=_count(source.skipped)
        )
    print(imported)
    columns = ", ".join(
        f"{role} = {json.dumps(name, ensure_ascii=False)}"
        for role, name in result.feedback.columns.as_dict().items()
        if name is not None
    )
    print(_("columns: {columns}").format(columns=columns))
    graph = DesignGraph(design)
    _print_table(graph, result.feedback)
    _print_personas(graph, result.feedback)
    _print_findings(args.design, graph, result.feedback)
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
        ).format(value=value.value, n=_count(value.rows))
        print(f"{csv_name}:{value.first_line}: {message}", file=sys.stderr)
    for who in result.unmatched_personas:
        message = ngettext(
            "the persona “{value}” is neither the id nor the name of a persona in the design "
            "({n} row; kept apart under that name)",
            "the persona “{value}” is neither the id nor the name of a persona in the design "
            "({n} rows; kept apart under that name)",
            who.rows,
        ).format(value=who.value, n=_count(who.rows))
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
        json.dump(_as_json(args.design, graph, feedback), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    src = feedback.source
    words = {
        "side": side_file_path(args.design),
        "source": src.file,
        "sha": src.sha256[:12],
        "imported": src.imported,
        "n": _count(src.imported_rows),
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
    _print_table(graph, feedback)
    _print_personas(graph, feedback)
    if args.comments:
        _print_comments(graph, feedback)
    _print_findings(args.design, graph, feedback)
    return EXIT_OK


# -- output ------------------------------------------------------------------------


def _rows(graph: DesignGraph, feedback: Feedback) -> list[tuple[str, str, Nps]]:
    """(key, label, NPS) per design touchpoint, then unknown touchpoints, then no touchpoint."""
    from cuecraft.core.feedback import OVERALL

    rows = [(tp, tp, feedback.nps_at(tp)) for tp in graph.touchpoints]
    for key, bucket in feedback.touchpoints.items():
        if key != OVERALL and key not in graph.touchpoints:
            rows.append((key, _("{key} (not in the design)").format(key=key), bucket.nps))
    if OVERALL in feedback.touchpoints:
        rows.append((OVERALL, _("(no touchpoint)"), feedback.nps_at(OVERALL)))
    return rows


def _count(n: int) -> str:
    """A whole number in the language's form (thousands separated)."""
    from cuecraft.core.i18n import format_number

    return format_number(n)


def format_percent(share: float) -> str:
    from cuecraft.core.i18n import format_percent as cldr_percent

    return cldr_percent(share)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _share(result: Nps, group: str) -> str:
    share = result.share(group)
    return "—" if share is None else format_percent(share / 100)


def _nps_cells(result: Nps) -> tuple[str, ...]:
    """The columns after a row's label and emotion: answers, NPS, interval, the three shares."""
    from cuecraft.core.feedback import signed

    interval = (
        ""
        if result.low is None
        else _("{low} to {high}").format(low=signed(result.low), high=signed(result.high))
    )
    return (
        _count(result.responses),
        signed(result.score),
        interval,
        _share(result, "promoters"),
        _share(result, "passives"),
        _share(result, "detractors"),
    )


def _nps_header(first: str, second: str) -> tuple[str, ...]:
    return (
        first,
        second,
        _("answers"),
        _("NPS"),
        _("95% CI"),
        _("promoters"),
        _("passives"),
        _("detractors"),
    )


def _print_grid(lines: list[tuple[str, ...]], indent: str = "") -> None:
    """Columns aligned (wide characters count twice); the first left, the rest right."""
    widths = [max(_width(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        cells = [_pad(line[0], widths[0])]
        cells += [_pad(cell, w, right=True) for cell, w in zip(line[1:], widths[1:], strict=True)]
        print(indent + "  ".join(cells).rstrip())


def _print_table(graph: DesignGraph, feedback: Feedback) -> None:
    from cuecraft.core.feedback import describe

    print(_("overall {nps}").format(nps=describe(feedback.overall)))
    lines = [_nps_header(_("touchpoint"), _("emotion"))]
    for key, label, result in _rows(graph, feedback):
        tp = graph.touchpoints.get(key)
        emotion = "" if tp is None or tp.emotion is None else f"{tp.emotion:+d}"
        lines.append((label, emotion, *_nps_cells(result)))
    print()
    _print_grid(lines)
    print()


def _persona_label(answers: PersonaAnswers) -> str:
    """“Family with toddlers (family)”; the id alone without a name; a value not in the
    design marked as such."""
    persona = answers.persona
    if persona is None:
        return _("{key} (not in the design)").format(key=answers.key)
    name = " ".join(persona.name.split())
    return f"{name} ({persona.id})" if name and name != persona.id else persona.id


def _print_personas(graph: DesignGraph, feedback: Feedback) -> None:
    """NPS per persona, then per persona × touchpoint (only where they answered)."""
    from cuecraft.core.feedback import OVERALL, answers_by_persona, describe

    personas = answers_by_persona(graph, feedback)
    if not personas:
        return
    lines = [_nps_header(_("persona"), pgettext("percent of guests", "share"))]
    for answers in personas:
        share = answers.persona.share if answers.persona is not None else None
        shown = "" if share is None else format_percent(share / 100)
        lines.append((_persona_label(answers), shown, *_nps_cells(answers.nps)))
    lines.append((_("(no persona)"), "", *_nps_cells(feedback.other_guests)))
    _print_grid(lines)
    print()
    for answers in personas:
        if not answers.cells:
            continue
        print(
            _("{persona}: {nps}").format(persona=_persona_label(answers), nps=describe(answers.nps))
        )
        journey = graph.persona_journeys.get(answers.key)
        lines = [_nps_header(_("touchpoint"), _("emotion"))]
        for cell in answers.cells:
            key = cell.touchpoint
            if key == OVERALL:
                label = _("(no touchpoint)")
            elif not cell.in_design:
                label = _("{key} (not in the design)").format(key=key)
            elif journey is not None and key in journey.skipped:
                label = _("{key} (skipped by this persona)").format(key=key)
            else:
                label = key
            if journey is not None:
                felt = journey.emotion.get(key)
            else:
                tp = graph.touchpoints.get(key)
                felt = None if tp is None else tp.emotion
            lines.append((label, "" if felt is None else f"{felt:+d}", *_nps_cells(cell.nps)))
        _print_grid(lines, indent="  ")
        print()


def _print_comments(graph: DesignGraph, feedback: Feedback) -> None:
    for key, label, _nps in _rows(graph, feedback):
        bucket = feedback.at(key)
        if bucket is None or not bucket.comments:
            continue
        print(f"{label}:")
        for c in bucket.comments:
            when = f", {c.date}" if c.date else ""
            print(f"  {c.score:>2}/10{when}: {c.text}")
    print()


def _print_findings(design_name: str, graph: DesignGraph, feedback: Feedback) -> None:
    from cuecraft.core.rules.feedback import check_feedback

    for f in check_feedback(graph, feedback):
        print(f"{design_name}:{f.line}:{f.column}: {f.code} {f.message}")


def _nps_json(result: Nps) -> dict[str, Any]:
    return {
        "responses": result.responses,
        "promoters": result.promoters,
        "passives": result.passives,
        "detractors": result.detractors,
        "nps": result.score,
        "low": result.low,
        "high": result.high,
    }


def _as_json(design_name: str, graph: DesignGraph, feedback: Feedback) -> dict[str, Any]:
    from cuecraft.core.feedback import TouchpointFeedback, side_file_path
    from cuecraft.core.rules.feedback import check_feedback

    src = feedback.source
    touchpoints = [
        {
            "id": key,
            "in_design": key in graph.touchpoints,
            **_nps_json(result),
            **_bucket_json(feedback.at(key) or TouchpointFeedback()),
        }
        for key, _label, result in _rows(graph, feedback)
    ]
    return {
        "cuecraft-feedback-show": JSON_FORMAT_VERSION,
        "design": design_name,
        "feedback_file": str(side_file_path(design_name)),
        "source": {
            "file": src.file,
            "sha256": src.sha256,
            "imported": src.imported,
            "rows": {"read": src.read, "imported": src.imported_rows, "skipped": src.skipped},
            "first_date": src.first_date,
            "last_date": src.last_date,
        },
        "mapping": feedback.columns.as_dict(),
        "overall": _nps_json(feedback.overall),
        "touchpoints": touchpoints,
        "findings": [f.as_dict() for f in check_feedback(graph, feedback)],
        **_personas_json(graph, feedback),
    }


def _bucket_json(bucket: TouchpointFeedback) -> dict[str, Any]:
    return {
        "scores": list(bucket.scores),
        "comments": [
            {"score": c.score, "date": c.date, "line": c.line, "text": c.text}
            for c in bucket.comments
        ],
    }


def _personas_json(graph: DesignGraph, feedback: Feedback) -> dict[str, Any]:
    """`personas` (each with its touchpoints) and `other_guests`, as docs/feedback.md shows."""
    from cuecraft.core.feedback import answers_by_persona, has_personas

    personas = []
    for answers in answers_by_persona(graph, feedback):
        persona = answers.persona
        personas.append(
            {
                "id": answers.key,
                "in_design": answers.in_design,
                "name": persona.name if persona is not None else None,
                "share": persona.share if persona is not None else None,
                **_nps_json(answers.nps),
                "touchpoints": [
                    {
                        "id": cell.touchpoint,
                        "in_design": cell.in_design,
                        **_nps_json(cell.nps),
                        **_bucket_json(cell.answers),
                    }
                    for cell in answers.cells
                ],
            }
        )
    other = _nps_json(feedback.other_guests) if has_personas(feedback) else None
    return {"personas": personas, "other_guests": other}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
