"""`cuecraft diff OLD NEW`: what changes from one design to another (SPEC §4, docs/diff.md).

Text for a person reviewing a change (items by id, fields old → new, findings
new and resolved, the scorecard before → after), or `--format json`. Exit
codes as diff(1): 0 the same design, 1 different, 2 a file could not be read.

Git runs an external diff driver with seven arguments (path, old file, old hex,
old mode, new file, new hex, new mode); `/dev/null` stands for a file that is
not there on one side (an added or deleted design). Git stops at a driver that
exits with a status it does not expect, so in that form a difference exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from cuecraft.core.i18n import _

EXIT_SAME, EXIT_DIFFERENT, EXIT_UNREADABLE = 0, 1, 2
JSON_FORMAT_VERSION = 1
GIT_ARGS = 7


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


def run(args: argparse.Namespace) -> int:
    files: list[str] = args.files
    git = len(files) == GIT_ARGS
    if git:
        path, old_name, new_name = files[0], files[1], files[4]
        old_label, new_label = f"a/{path}", f"b/{path}"
    elif len(files) == 2:
        old_name, new_name = files
        old_label, new_label = old_name, new_name
    else:
        print(
            _("cuecraft diff: give two designs, OLD and NEW (or git’s seven arguments)"),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    from cuecraft.core.fileformat import DesignLoadError

    try:
        old = _load(old_name, new_name)
        new = _load(new_name, old_name)
    except DesignLoadError as error:
        for problem in error.problems:
            print(problem.format(error.filename), file=sys.stderr)
        return EXIT_UNREADABLE
    from cuecraft.core.diff import diff_designs

    changes = diff_designs(old, new)
    if args.format == "json":
        json.dump(as_json(changes, old_label, new_label), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        from cuecraft.diffwords import diff_lines

        for line in diff_lines(changes, old_label, new_label):
            print(line)
    if changes.same:
        return EXIT_SAME
    return EXIT_SAME if git else EXIT_DIFFERENT


def _load(name: str, other: str) -> Any:
    """A design; nothing (/dev/null, as git says) is an empty design titled as the other."""
    from cuecraft.core.fileformat import load_design
    from cuecraft.core.model import Design, Theme

    if name == os.devnull or name == "/dev/null":
        return Design(title="", theme=Theme(name=""))
    return load_design(name)


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
