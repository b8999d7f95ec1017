"""`cuecraft check`: findings as `FILE:LINE:COL: CODE message`, or JSON (docs/check-json.md)."""

from __future__ import annotations

import json
import os
import sys

from cuecraft.core.check import check
from cuecraft.core.feedback import FeedbackLoadError, feedback_for_design
from cuecraft.core.fileformat import DesignLoadError, load_design
from cuecraft.core.findings import principle_title
from cuecraft.core.i18n import _, ngettext
from cuecraft.core.rules import CODES

JSON_FORMAT_VERSION = 1
_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def parse_codes(text: str) -> list[str]:
    """Comma-separated codes or prefixes; raise ValueError naming an unknown one."""
    codes = [c.strip().upper() for c in text.split(",") if c.strip()]
    for code in codes:
        if not any(known.startswith(code) for known in CODES):
            raise ValueError(_("unknown rule code “{code}” (see docs/rules.md)").format(code=code))
    return codes


def run_check(files: list[str], fmt: str, select: str, ignore: str, color: str) -> int:
    try:
        selected, ignored = parse_codes(select), parse_codes(ignore)
    except ValueError as error:
        print(_("cuecraft check: {error}").format(error=error), file=sys.stderr)
        return 2
    use_color = color == "always" or (
        color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    status = 0
    reports: list[dict[str, object]] = []
    for name in files:
        try:
            design = load_design(name)
        except DesignLoadError as error:
            for problem in error.problems:
                print(problem.format(name), file=sys.stderr)
            reports.append(
                {
                    "file": name,
                    "error": [
                        {"message": p.message, "line": p.line, "column": p.column, "path": p.path}
                        for p in error.problems
                    ],
                }
            )
            status = 2
            continue
        try:
            feedback = feedback_for_design(name)
        except FeedbackLoadError as error:
            print(error.format(), file=sys.stderr)
            reports.append(
                {
                    "file": name,
                    "error": [
                        {
                            "message": f"{error.filename}: {error.message}",
                            "line": error.line,
                            "column": error.column,
                            "path": "",
                        }
                    ],
                }
            )
            status = 2
            continue
        result = check(design, selected, ignored, feedback)
        if result.has_errors and status == 0:
            status = 1
        if fmt == "json":
            reports.append(
                {
                    "file": name,
                    "findings": [f.as_dict() for f in result.findings],
                    "scorecard": result.scorecard.as_dict(),
                }
            )
            continue
        for f in result.findings:
            code = f.code
            if use_color:
                code = f"{_BOLD}{_COLORS[f.severity]}{code}{_RESET}"
            print(f"{name}:{f.line}:{f.column}: {code} {f.message}")
        counts = {
            s: sum(1 for f in result.findings if f.severity == s)
            for s in ("error", "warning", "info")
        }
        card = result.scorecard
        # Lower case as the line reads in English ("theme 80 · harmonize 100 · …").
        parts = " · ".join(
            f"{principle_title(p).lower()} {card.scores[p]}" for p in card.principles
        )
        tally = ", ".join(
            (
                ngettext("{n} error", "{n} errors", counts["error"]).format(n=counts["error"]),
                ngettext("{n} warning", "{n} warnings", counts["warning"]).format(
                    n=counts["warning"]
                ),
                ngettext("{n} info", "{n} info", counts["info"]).format(n=counts["info"]),
            )
        )
        summary = _("{file}: score {score}/100 ({principles}); {tally}").format(
            file=name, score=card.overall, principles=parts, tally=tally
        )
        print(f"{_DIM}{summary}{_RESET}" if use_color else summary)
    if fmt == "json":
        json.dump(
            {"cuecraft-check": JSON_FORMAT_VERSION, "files": reports},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    return status
