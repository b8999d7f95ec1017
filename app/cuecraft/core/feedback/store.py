"""The feedback side file (`cafe.feedback.yaml` next to `cafe.yaml`): read, write, find.

Read through the hardened YAML reader of the design format (no object
construction, no type guessing, located errors) and validated field by field;
written by hand in one canonical order, so the same feedback always gives the
same bytes, and atomically, so a failed write leaves the previous file intact.
docs/feedback.md describes the format.
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

from cuecraft.core.feedback.model import (
    FEEDBACK_VERSION,
    ROLES,
    Columns,
    Comment,
    Feedback,
    Source,
    TouchpointFeedback,
    side_file_path,
)
from cuecraft.core.feedback.nps import SCALE
from cuecraft.core.i18n import _
from cuecraft.core.writer import write_atomically
from cuecraft.core.yaml_scalars import scalar
from cuecraft.core.yamltree import MAX_BYTES, Node, YamlProblem, decode, read_tree

VERSION_KEY = "cuecraft-feedback"
_INT = re.compile(r"[0-9]+")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class FeedbackLoadError(Exception):
    """The side file cannot be read; with a 1-based location."""

    def __init__(self, filename: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(f"{filename}:{line}:{column}: {message}")
        self.filename = filename
        self.message = message
        self.line = line
        self.column = column

    def format(self) -> str:
        """`FILE:LINE:COL: message`, the form of every unreadable-input message."""
        return f"{self.filename}:{self.line}:{self.column}: {self.message}"


class FeedbackSaveError(Exception):
    """Writing the side file failed; the previous file is untouched."""


# -- writing -----------------------------------------------------------------------


def dump_feedback(feedback: Feedback) -> str:
    """The canonical text of a side file."""
    src = feedback.source
    lines = [
        f"{VERSION_KEY}: {FEEDBACK_VERSION}",
        "source:",
        f"  file: {scalar(src.file)}",
        f"  sha256: {src.sha256}",
        f"  imported: {scalar(src.imported)}",
        f"  rows: {{read: {src.read}, imported: {src.imported_rows}, skipped: {src.skipped}}}",
    ]
    if src.first_date is not None and src.last_date is not None:
        lines.append(
            f"  dates: {{first: {scalar(src.first_date, flow=True)}, "
            f"last: {scalar(src.last_date, flow=True)}}}"
        )
    lines.append("mapping:")
    for role, column in feedback.columns.as_dict().items():
        if column is not None:
            lines.append(f"  {role}: {scalar(column)}")
    if not feedback.touchpoints:
        lines.append("touchpoints: {}")
    else:
        lines.append("touchpoints:")
    for key, bucket in feedback.touchpoints.items():
        _dump_bucket(lines, key, bucket, "  ")
    # Only when the survey said who answered: files without personas keep their bytes.
    if feedback.personas:
        lines.append("personas:")
    for persona, buckets in feedback.personas.items():
        lines.append(f"  {scalar(persona)}:" + ("" if buckets else " {}"))
        for key, bucket in buckets.items():
            _dump_bucket(lines, key, bucket, "    ")
    return "\n".join(lines) + "\n"


def _dump_bucket(lines: list[str], key: str, bucket: TouchpointFeedback, indent: str) -> None:
    """One touchpoint's answers: `key:`, its scores and comments, under `indent`."""
    lines.append(f"{indent}{scalar(key)}:")
    lines.append(f"{indent}  scores: [{', '.join(str(n) for n in bucket.scores)}]")
    if bucket.comments:
        lines.append(f"{indent}  comments:")
    for comment in bucket.comments:
        lines.append(f"{indent}    - score: {comment.score}")
        if comment.date is not None:
            lines.append(f"{indent}      date: {scalar(comment.date)}")
        if comment.line is not None:
            lines.append(f"{indent}      line: {comment.line}")
        lines.append(f"{indent}      text: {scalar(comment.text)}")


def save_feedback(feedback: Feedback, path: str | os.PathLike[str]) -> None:
    """Write a side file atomically; FeedbackSaveError when it cannot be written."""
    try:
        write_atomically(Path(path), dump_feedback(feedback).encode("utf-8"))
    except OSError as error:
        reason = error.strerror or str(error)
        raise FeedbackSaveError(
            _("cannot write {path}: {reason}").format(path=os.fspath(path), reason=reason)
        ) from None


# -- reading -----------------------------------------------------------------------


def feedback_for_design(design_path: str | os.PathLike[str]) -> Feedback | None:
    """The feedback imported for a design, or None when it has no side file."""
    side = side_file_path(design_path)
    if not side.is_file():
        return None
    return load_feedback(side)


def load_feedback(path: str | os.PathLike[str]) -> Feedback:
    """Read a side file; FeedbackLoadError with a location when it cannot be read."""
    filename = os.fspath(path)
    try:
        with open(filename, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise FeedbackLoadError(filename, _("no such file")) from None
    except OSError as error:
        raise FeedbackLoadError(
            filename, _("cannot read the file: {reason}").format(reason=error.strerror)
        ) from None
    return parse_feedback(data, filename)


def parse_feedback(data: bytes | str, filename: str = "<feedback>") -> Feedback:
    """Read a side file from bytes or text."""
    try:
        text = decode(data) if isinstance(data, bytes) else data
        root = read_tree(text)
    except YamlProblem as problem:
        raise FeedbackLoadError(filename, problem.message, problem.line, problem.column) from None
    return _Reader(filename).feedback(root)


class _Reader:
    def __init__(self, filename: str) -> None:
        self.filename = filename

    def fail(self, node: Node | None, message: str) -> FeedbackLoadError:
        line, column = (node.line, node.column) if node is not None else (1, 1)
        return FeedbackLoadError(self.filename, message, line, column)

    def mapping(self, node: Node, what: str, allowed: tuple[str, ...]) -> dict[str, Node]:
        # In the messages of this reader {what} is a key of the side file (`source`,
        # `source.rows`) or a phrase such as “the feedback file” or “touchpoint “x””.
        if node.kind != "map":
            raise self.fail(
                node,
                # TRANSLATORS: {what} is a key of the side file (source, source.rows) or a
                # phrase such as “the feedback file”; a form “{what}: …” reads well
                _("{what} must be a mapping of keys to values").format(what=what),
            )
        assert node.key_nodes is not None
        for key, key_node in node.key_nodes.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                known = ", ".join(allowed)
                if close:
                    message = _(
                        "unknown key “{key}” in {what} (did you mean “{close}”?); known: {known}"
                    ).format(key=key, what=what, close=close[0], known=known)
                else:
                    message = _("unknown key “{key}” in {what}; known: {known}").format(
                        key=key, what=what, known=known
                    )
                raise self.fail(key_node, message)
        return dict(node.value)

    def required(self, fields: dict[str, Node], key: str, parent: Node, what: str) -> Node:
        if key not in fields:
            raise self.fail(parent, _("{what} needs “{key}”").format(what=what, key=key))
        return fields[key]

    def text(self, node: Node, what: str) -> str:
        if node.kind != "scalar" or (node.plain and node.value in _NULLS):
            raise self.fail(node, _("{what} must be text").format(what=what))
        return str(node.value)

    def integer(self, node: Node, what: str, low: int = 0, high: int | None = None) -> int:
        if node.kind != "scalar" or not node.plain or not _INT.fullmatch(node.value):
            raise self.fail(node, _("{what} must be a whole number").format(what=what))
        value = int(node.value)
        if high is not None and not low <= value <= high:
            raise self.fail(
                node,
                _("{what} must be from {low} to {high}, not {value}").format(
                    what=what, low=low, high=high, value=value
                ),
            )
        if value < low:
            raise self.fail(
                node,
                _("{what} must be at least {low}, not {value}").format(
                    what=what, low=low, value=value
                ),
            )
        return value

    def day(self, node: Node, what: str) -> str:
        value = self.text(node, what)
        if not _DAY.fullmatch(value):
            raise self.fail(
                node,
                _("{what} must be a day written YYYY-MM-DD, not “{value}”").format(
                    what=what, value=value
                ),
            )
        return value

    def feedback(self, root: Node | None) -> Feedback:
        if root is None:
            raise self.fail(
                None, _("the file is empty; a feedback file starts “cuecraft-feedback: 1”")
            )
        if root.kind != "map":
            raise self.fail(
                root, _("a feedback file is a mapping that starts “cuecraft-feedback: 1”")
            )
        fields = self.mapping(
            root,
            _("the feedback file"),
            (VERSION_KEY, "source", "mapping", "touchpoints", "personas"),
        )
        if VERSION_KEY not in fields:
            raise self.fail(
                root, _("not a feedback file: the first key must be “cuecraft-feedback: 1”")
            )
        version = self.integer(fields[VERSION_KEY], VERSION_KEY)
        if version > FEEDBACK_VERSION:
            raise self.fail(
                fields[VERSION_KEY],
                _(
                    "this feedback file is version {version}, written by a newer Cuecraft; "
                    "this one reads version {supported}"
                ).format(version=version, supported=FEEDBACK_VERSION),
            )
        if version != FEEDBACK_VERSION:
            raise self.fail(
                fields[VERSION_KEY],
                _("unknown feedback file version {version}").format(version=version),
            )
        whole = _("the feedback file")
        source = self.source(self.required(fields, "source", root, whole))
        columns = self.columns(self.required(fields, "mapping", root, whole))
        touchpoints: dict[str, TouchpointFeedback] = {}
        if "touchpoints" in fields and not _is_null(fields["touchpoints"]):
            touchpoints = self.buckets(fields["touchpoints"], "touchpoints")
        # A file written before personas has no `personas`: it reads as answers of no persona.
        personas: dict[str, dict[str, TouchpointFeedback]] = {}
        if "personas" in fields and not _is_null(fields["personas"]):
            node = fields["personas"]
            for key, child in self.mapping(node, "personas", tuple(node.value)).items():
                personas[key] = {} if _is_null(child) else self.buckets(child, "", key)
        return Feedback(source, columns, touchpoints, personas)

    def buckets(
        self, node: Node, what: str, persona: str | None = None
    ) -> dict[str, TouchpointFeedback]:
        """Touchpoint key → answers, as under `touchpoints` and under each persona."""
        if persona is not None:
            what = _("persona “{persona}”").format(persona=persona)
        out: dict[str, TouchpointFeedback] = {}
        for key, child in self.mapping(node, what, tuple(node.value)).items():
            if persona is None:
                where = _("touchpoint “{touchpoint}”").format(touchpoint=key)
            else:
                where = _("touchpoint “{touchpoint}” of persona “{persona}”").format(
                    touchpoint=key, persona=persona
                )
            out[key] = self.bucket(child, where)
        return out

    def source(self, node: Node) -> Source:
        keys = ("file", "sha256", "imported", "rows", "dates")
        fields = self.mapping(node, "source", keys)
        sha = self.text(self.required(fields, "sha256", node, "source"), "source.sha256")
        if not _SHA256.fullmatch(sha):
            raise self.fail(fields["sha256"], _("source.sha256 must be 64 lower-case hex digits"))
        rows_node = self.required(fields, "rows", node, "source")
        rows = self.mapping(rows_node, "source.rows", ("read", "imported", "skipped"))
        counts = [
            self.integer(self.required(rows, key, rows_node, "source.rows"), f"rows.{key}")
            for key in ("read", "imported", "skipped")
        ]
        first = last = None
        if "dates" in fields:
            dates = self.mapping(fields["dates"], "source.dates", ("first", "last"))
            first = self.day(self.required(dates, "first", fields["dates"], "dates"), "first")
            last = self.day(self.required(dates, "last", fields["dates"], "dates"), "last")
        return Source(
            file=self.text(self.required(fields, "file", node, "source"), "source.file"),
            sha256=sha,
            imported=self.day(self.required(fields, "imported", node, "source"), "imported"),
            read=counts[0],
            imported_rows=counts[1],
            skipped=counts[2],
            first_date=first,
            last_date=last,
        )

    def columns(self, node: Node) -> Columns:
        fields = self.mapping(node, "mapping", ROLES)
        names: dict[str, str | None] = {}
        for role in ROLES:
            child = fields.get(role)
            names[role] = None if child is None or _is_null(child) else self.text(child, role)
        score = names["score"]
        if score is None:
            raise self.fail(node, _("mapping needs “score”: the column the scores came from"))
        return Columns(
            score, names["touchpoint"], names["date"], names["comment"], names["persona"]
        )

    def bucket(self, node: Node, what: str) -> TouchpointFeedback:
        fields = self.mapping(node, what, ("scores", "comments"))
        scores_node = self.required(fields, "scores", node, what)
        if scores_node.kind != "seq" or len(scores_node.value) != len(SCALE):
            raise self.fail(
                scores_node,
                _("{what}: scores must list 11 counts, for answers 0..10").format(what=what),
            )
        counted = _("{what}: a score count").format(what=what)
        scores = [self.integer(n, counted) for n in scores_node.value]
        comments: list[Comment] = []
        if "comments" in fields and not _is_null(fields["comments"]):
            seq = fields["comments"]
            if seq.kind != "seq":
                raise self.fail(seq, _("{what}: comments must be a list").format(what=what))
            one = _("a comment of {what}").format(what=what)
            a_comment = _("a comment")
            for item in seq.value:
                said = self.mapping(item, one, ("score", "date", "line", "text"))
                comments.append(
                    Comment(
                        score=self.integer(
                            self.required(said, "score", item, a_comment), "score", 0, 10
                        ),
                        text=self.text(self.required(said, "text", item, a_comment), "text"),
                        date=self.day(said["date"], "date") if "date" in said else None,
                        line=self.integer(said["line"], "line", 1) if "line" in said else None,
                    )
                )
        return TouchpointFeedback(scores, comments)


def _is_null(node: Node) -> bool:
    return node.kind == "scalar" and node.plain and node.value in _NULLS
