"""`cuecraft merge BASE OURS THEIRS [-o OUT]`: the three-way merge of designs (SPEC §4).

Without `-o` the result replaces OURS, as git's merge driver (`%O %A %B`)
expects. The result is written like any save (comments, line endings and the
byte-order mark of OURS kept; atomically). Exit 0 merged cleanly; 1 merged
with conflicts, recorded in `x-merge-conflicts` and reported as MRG001; 2 a
file could not be read or the result not written (nothing is written then).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cuecraft.core.i18n import _, ngettext

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


def run(args: argparse.Namespace) -> int:
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
        for problem in error.problems:
            print(problem.format(error.filename), file=sys.stderr)
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
        ).format(file=target, n=n),
        file=sys.stderr,
    )
    from cuecraft.core.conflicts import recorded_conflicts

    for conflict in recorded_conflicts(result.design)[-n:]:
        print(f"  MRG001 {message(conflict)}", file=sys.stderr)
    return EXIT_CONFLICTS
