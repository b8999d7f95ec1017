"""`cuecraft diff OLD NEW`: what changes from one design to another (SPEC §4, docs/diff.md).

Text for a person reviewing a change (items by id, fields old → new, findings
new and resolved, the scorecard before → after), or `--format json`. Exit
codes as diff(1): 0 the same design, 1 different, 2 a file could not be read.

Git runs an external diff driver (a `diff=` attribute with `diff.<driver>.command`,
or `diff.external`, or GIT_EXTERNAL_DIFF; `git diff --no-index` too) in three forms:
seven arguments (path, old file, old hex, old mode, new file, new hex, new mode;
`/dev/null` for the side where the file is not there), nine for a renamed or copied
path and for `--no-index` of two names (the seven, the new path, git's header lines), and
one, the path, for a path not merged yet (git sets GIT_DIFF_PATH_COUNTER, which tells
that form from a person who gave one file). Git stops at a driver that exits non-zero
("external diff died"), every version: `diff.<driver>.trustExitCode` (git 2.46) lets
it accept 1 for "different", but a driver cannot see that setting. So in git's forms
a difference exits 0, and so does a side that is not a readable design (a YAML file
the attribute pattern caught, a broken design in history): its lines are compared
instead, so `git log -p` goes on past it.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from cuecraft.core.i18n import _

EXIT_SAME, EXIT_DIFFERENT, EXIT_UNREADABLE = 0, 1, 2
JSON_FORMAT_VERSION = 1
GIT_ARGS = 7
GIT_RENAME_ARGS = 9


def add_parser(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "diff",
        help=_("compare two designs item by item"),
        description=_(
            "Compare two designs by id: items added, removed, renamed and changed field by "
            "field, findings new and resolved, and the scorecard before and after. Exit 0 "
            "when they are the same design, 1 when they differ, 2 when one cannot be read. "
            "Also works as git’s external diff driver (see the README)."
        ),
        parents=parents,
    )
    parser.add_argument("files", nargs="+", metavar="OLD NEW")
    parser.add_argument("--format", choices=("text", "json"), default="text")


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector off while one command reads and compares whole designs.

    Reading a 10,000-cue design makes millions of objects that all stay alive; the
    collector, set off by every few hundred of them, walks the ever larger heap again
    and again for nothing, and took half the time of `diff` and `merge` (bench/diffmerge).
    A command ends soon after, so the little cyclic garbage waits for the process's end.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run(args: argparse.Namespace) -> int:
    files: list[str] = args.files
    if len(files) == 1 and "GIT_DIFF_PATH_COUNTER" in os.environ:
        # Git's form for a path in the middle of a merge: nothing to compare yet; say so
        # as git's own diff does.
        print(f"* Unmerged path {files[0]}")
        return EXIT_SAME
    git = len(files) in (GIT_ARGS, GIT_RENAME_ARGS)
    if git:
        new_path = files[7] if len(files) == GIT_RENAME_ARGS else files[0]
        old_name, new_name = files[1], files[4]
        old_label, new_label = f"a/{files[0]}", f"b/{new_path}"
    elif len(files) == 2:
        old_name, new_name = files
        old_label, new_label = old_name, new_name
    else:
        print(
            _("cuecraft diff: give two designs, OLD and NEW (or git’s seven arguments)"),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    with cycle_collector_paused():
        return _compare(args.format, (old_name, old_label), (new_name, new_label), git)


def _compare(form: str, old_side: tuple[str, str], new_side: tuple[str, str], git: bool) -> int:
    """Compare the designs at the two (file, label) sides; print the report; the exit code."""
    from cuecraft.core.fileformat import DesignLoadError

    # A side that is not there is labelled as git labels it.
    old_side, new_side = (
        (name, "/dev/null" if _is_nothing(name) else label) for name, label in (old_side, new_side)
    )

    try:
        old, new = _load(old_side[0]), _load(new_side[0])
    except DesignLoadError as error:
        label = old_side[1] if error.filename == old_side[0] else new_side[1]
        problems = [problem.format(label) for problem in error.problems]
        if not git:
            for line in problems:
                print(line, file=sys.stderr)
            return EXIT_UNREADABLE
        # On stdout, where git's pager shows it, beside the lines that differ.
        for line in problems:
            print(line)
        print(
            _("{file} is not a design Cuecraft can read; the lines that differ:").format(file=label)
        )
        for line in _line_diff(old_side, new_side):
            print(line)
        return EXIT_SAME
    from cuecraft.core.diff import diff_designs

    # A side that is not there (an added or deleted file) has no findings and no scores:
    # an empty design's own findings (no theme motifs, no phases) would read as resolved.
    changes = diff_designs(
        old,
        new,
        _nothing_checked(old) if _is_nothing(old_side[0]) else None,
        _nothing_checked(new) if _is_nothing(new_side[0]) else None,
    )
    if form == "json":
        json.dump(
            as_json(changes, old_side[1], new_side[1]), sys.stdout, ensure_ascii=False, indent=2
        )
        print()
    else:
        from cuecraft.diffwords import diff_lines

        for line in diff_lines(changes, old_side[1], new_side[1]):
            print(line)
    if changes.same or git:
        return EXIT_SAME
    return EXIT_DIFFERENT


def _is_nothing(name: str) -> bool:
    return name in (os.devnull, "/dev/null")


def _load(name: str) -> Any:
    """A design; nothing (/dev/null, as git says) is an empty design."""
    from cuecraft.core.fileformat import load_design
    from cuecraft.core.model import Design, Theme

    if _is_nothing(name):
        return Design(title="", theme=Theme(name=""))
    return load_design(name)


def _nothing_checked(design: Any) -> Any:
    """The check result of a side that is not there: no findings, no scores."""
    from cuecraft.core.check import CheckResult
    from cuecraft.core.graph import DesignGraph
    from cuecraft.core.score import Scorecard

    return CheckResult(DesignGraph(design), [], Scorecard({}, 0))


def _line_diff(old_side: tuple[str, str], new_side: tuple[str, str]) -> Iterator[str]:
    """The unified diff of two files' lines, for a side that is not a design."""

    def lines(name: str) -> list[str]:
        try:
            with open(name, "rb") as handle:
                return handle.read().decode("utf-8", errors="replace").splitlines()
        except OSError:
            return []

    yield from difflib.unified_diff(
        lines(old_side[0]), lines(new_side[0]), old_side[1], new_side[1], lineterm=""
    )


def _value(value: Any) -> Any:
    """A field's value as JSON holds it (the format's types; `x-` data as read)."""
    if isinstance(value, dict):
        return {str(k): _value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


def as_json(changes: Any, old_label: str, new_label: str) -> dict[str, Any]:
    """The diff in the shape docs/diff.md documents."""
    from cuecraft.core.model import kind_of

    def field(change: Any) -> dict[str, Any]:
        out = {"field": change.field, "old": _value(change.old), "new": _value(change.new)}
        if change.is_set:
            out["added"] = list(change.added)
            out["removed"] = list(change.removed)
        return out

    return {
        "cuecraft-diff": JSON_FORMAT_VERSION,
        "old": old_label,
        "new": new_label,
        "same": changes.same,
        "design": [field(c) for c in changes.design],
        "added": [{"kind": kind_of(i), "id": i.id} for i in changes.added],
        "removed": [{"kind": kind_of(i), "id": i.id} for i in changes.removed],
        "renamed": [{"kind": r.kind, "old": r.old_id, "new": r.new_id} for r in changes.renamed],
        "changed": [
            {"kind": c.kind, "id": c.id, "fields": [field(f) for f in c.fields]}
            for c in changes.changed
        ],
        "findings": {
            "new": [f.as_dict() for f in changes.new_findings],
            "resolved": [f.as_dict() for f in changes.resolved_findings],
        },
        "scorecard": {"before": changes.before.as_dict(), "after": changes.after.as_dict()},
    }
