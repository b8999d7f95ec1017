"""`cuecraft export FILE -o OUT.pdf`: the PDF design brief from the command line.

The guest feedback imported for the design (`cafe.feedback.yaml` next to
`cafe.yaml`, docs/feedback.md) is read automatically: with it the brief shows
guests' NPS on the journey, prints "What guests say" and reports the FBK
findings. With `--baseline OLD.yaml` (an earlier design: the as-is) the brief
adds "What changes" after the summary (`--sections` names it `changes`).
Exit codes: 0 the brief was written (its path is printed); 2 the design, the
baseline or the feedback file could not be read, an option is unusable, or the
PDF could not be written (one clear line on stderr, nothing written). Long
exports show a progress line on stderr: updated in place on a terminal, one
line per quarter otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from cuecraft.core.feedback import FeedbackLoadError, feedback_for_design
from cuecraft.core.fileformat import DesignLoadError, load_design
from cuecraft.core.i18n import _

EXIT_OK, EXIT_UNREADABLE = 0, 2
PROGRESS_AFTER = 0.5  # seconds: a quick export prints no progress at all


class ProgressLine:
    """`exporting: 40%` on stderr (in the words of the command's language), for exports
    that take a while."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.start = time.monotonic()
        self.shown = -1
        self.dirty = False

    def __call__(self, done: int, total: int) -> None:
        if time.monotonic() - self.start < PROGRESS_AFTER:
            return
        percent = 100 * done // max(1, total)
        if self.tty:
            if percent != self.shown:
                self.stream.write("\r" + _("exporting: {percent}%").format(percent=f"{percent:3d}"))
                self.stream.flush()
                self.shown, self.dirty = percent, True
        elif percent // 25 != self.shown // 25 or self.shown < 0:
            self.stream.write(_("exporting: {percent}%").format(percent=percent) + "\n")
            self.stream.flush()
            self.shown = percent

    def close(self) -> None:
        if self.dirty:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.dirty = False


def run_export(args: argparse.Namespace) -> int:
    """Run `cuecraft export` with parsed arguments; return the exit code."""
    from cuecraft.brief import (
        SECTIONS,
        BriefError,
        BriefOptions,
        export_brief,
        parse_sections,
    )

    baseline = None
    try:
        design = load_design(args.file)
        if getattr(args, "baseline", None):
            baseline = load_design(args.baseline)
    except DesignLoadError as error:
        for problem in error.problems:
            print(problem.format(error.filename), file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        feedback = feedback_for_design(args.file)
    except FeedbackLoadError as error:
        print(error.format(), file=sys.stderr)
        return EXIT_UNREADABLE
    progress = ProgressLine(sys.stderr)
    try:
        sections = parse_sections(args.sections) if args.sections else SECTIONS
        options = BriefOptions(
            paper=args.paper or "a4",
            logo=args.logo or None,
            sections=sections,
            language=getattr(args, "lang", None),
            **({"accent": args.accent} if args.accent else {}),
        )
        export_brief(
            design, args.output, options, progress=progress, feedback=feedback, baseline=baseline
        )
    except BriefError as error:
        progress.close()
        print(_("cuecraft export: {error}").format(error=error), file=sys.stderr)
        return EXIT_UNREADABLE
    progress.close()
    print(args.output)
    return EXIT_OK
