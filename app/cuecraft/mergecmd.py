"""`cuecraft merge BASE OURS THEIRS [-o OUT]`: the three-way merge of designs (SPEC §4).

Without `-o` the result replaces OURS, as git's merge driver (`%O %A %B`)
expects. The result is written like any save (comments, line endings and the
byte-order mark of OURS kept; atomically). Exit 0 merged cleanly; 1 merged
with conflicts, recorded in `x-merge-conflicts` and reported as MRG001; 2 a
file could not be read or the result not written (nothing is written then;
git then reports a conflict and leaves ours). Git's OURS is a temporary copy
(`.merge_file_XXXXXX`): `--name %P` names the design in the messages instead.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cuecraft.core.i18n import _, ngettext
from cuecraft.diffcmd import cycle_collector_paused

EXIT_CLEAN, EXIT_CONFLICTS, EXIT_UNREADABLE = 0, 1, 2


def add_parser(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "merge",
        help=_("merge two designs that grew from one (three-way, by id and field)"),
        description=_(
            "Merge what THEIRS changed since BASE into OURS, by id and field. Where both "
            "changed one thing differently, ours is kept and theirs recorded under "
            "x-merge-conflicts (MRG001) and the exit status is 1. Without -o the result "
            "replaces OURS, as git’s merge driver expects (see the README)."
        ),
        parents=parents,
    )
    parser.add_argument("base", metavar="BASE")
    parser.add_argument("ours", metavar="OURS")
    parser.add_argument("theirs", metavar="THEIRS")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help=_("write the result here instead of replacing OURS"),
    )
    parser.add_argument(
        "--name",
        metavar="NAME",
        help=_("the design’s name in messages, when OURS is a temporary copy (as in git)"),
    )


def run(args: argparse.Namespace) -> int:
    with cycle_collector_paused():
        return _merge(args)


def _merge(args: argparse.Namespace) -> int:
    from cuecraft.core.fileformat import (
        DesignLoadError,
        DesignSaveError,
        load_design,
        save_design,
    )
    from cuecraft.core.merge import merge_designs

    try:
        base, ours, theirs = (load_design(n) for n in (args.base, args.ours, args.theirs))
    except DesignLoadError as error:
        shown = args.name if args.name and error.filename == args.ours else error.filename
        for problem in error.problems:
            print(problem.format(shown), file=sys.stderr)
        return EXIT_UNREADABLE
    result = merge_designs(base, ours, theirs)
    target = args.output or args.ours
    try:
        save_design(result.design, target)
    except DesignSaveError as error:
        print(_("cuecraft merge: {error}").format(error=error), file=sys.stderr)
        return EXIT_UNREADABLE
    if result.clean:
        return EXIT_CLEAN
    from cuecraft.core.rules.merges import message

    n = len(result.conflicts)
    print(
        ngettext(
            "{file}: {n} merge conflict kept ours; resolve it in the workbench or the file",
            "{file}: {n} merge conflicts kept ours; resolve them in the workbench or the file",
            n,
        ).format(file=args.name or target, n=n),
        file=sys.stderr,
    )
    for conflict in result.conflicts:
        print(f"  MRG001 {message(conflict.as_recorded())}", file=sys.stderr)
    return EXIT_CONFLICTS
