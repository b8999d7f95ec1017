"""Design files: hardened load with every problem located, and the public save.

Loading is three steps: bytes to text (`yamltree.decode`), text to a located
tree (`yamltree.read_tree`, which guards against bombs and deep nesting), and
the tree to the model (`schema.read_design`, which reports *all* problems at
once). References between items are not checked here: a dangling reference
must not stop the designer from opening the file to fix it, so it becomes a
REF001 finding instead.

Nothing a person wrote is lost on save (SPEC §2): the comments of the file are
attached to the design (`comments.py`) and written back where they belong,
and the file's line endings and byte-order mark are kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cuecraft.core import migrations, schema
from cuecraft.core.comments import attach_comments
from cuecraft.core.i18n import _
from cuecraft.core.model import Design

# Imported with the reader, not when first saving: a save must not depend on finding a
# module later (a Python installation changed under a running workbench).
from cuecraft.core.writer import saved_text, write_atomically
from cuecraft.core.yamltree import MAX_BYTES, Span, YamlProblem, decode, read_tree, too_large


@dataclass(frozen=True)
class LoadProblem:
    """One reason a file could not be read, with its 1-based location."""

    message: str
    line: int = 1
    column: int = 1
    path: str = ""

    def format(self, filename: str) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{filename}:{self.line}:{self.column}: {self.message}{where}"


class DesignLoadError(Exception):
    """The file could not be read as a design; `problems` says every reason."""

    def __init__(self, filename: str, problems: list[LoadProblem]) -> None:
        self.filename = filename
        self.problems = problems
        super().__init__("\n".join(p.format(filename) for p in problems))


class DesignSaveError(Exception):
    """A save failed; the previous file on disk is untouched."""


def load_design(path: str | os.PathLike[str]) -> Design:
    """Read a design file; raise `DesignLoadError` with located problems."""
    filename = os.fspath(path)
    try:
        size = os.stat(filename).st_size
        if size > MAX_BYTES:
            raise DesignLoadError(filename, [LoadProblem(too_large(size))])
        with open(filename, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise DesignLoadError(filename, [LoadProblem(_("no such file"))]) from None
    except IsADirectoryError:
        raise DesignLoadError(
            filename, [LoadProblem(_("this is a folder, not a design file"))]
        ) from None
    except PermissionError:
        raise DesignLoadError(
            filename, [LoadProblem(_("permission denied: cannot read the file"))]
        ) from None
    except OSError as error:
        raise DesignLoadError(
            filename,
            [LoadProblem(_("cannot read the file: {reason}").format(reason=error.strerror))],
        ) from None
    return parse_design(data, filename)


def parse_design(data: bytes | str, filename: str = "<design>") -> Design:
    """Read a design from bytes or text; raise `DesignLoadError` with located problems."""
    spans: list[Span] = []
    try:
        if isinstance(data, bytes):
            bom = data.startswith(b"\xef\xbb\xbf")
            text = decode(data)
        else:
            if len(data) > MAX_BYTES:
                raise YamlProblem(
                    _("the text is over {limit} MB; designs are limited to {limit} MB").format(
                        limit=MAX_BYTES // 1024 // 1024
                    )
                )
            bom = data.startswith("\ufeff")
            text = data[1:] if bom else data
        root = read_tree(text, spans)
    except YamlProblem as problem:
        raise DesignLoadError(
            filename, [LoadProblem(problem.message, problem.line, problem.column)]
        ) from None
    if root is None:
        raise DesignLoadError(
            filename,
            [LoadProblem(_("the file is empty; a design starts with the line “cuecraft: 1”"))],
        )
    problems: list[LoadProblem] = []

    def report(message: str, line: int, column: int, path: str) -> None:
        problems.append(LoadProblem(message, line, column, path))

    root = migrations.bring_up_to_date(root, report)
    if problems:
        raise DesignLoadError(filename, problems)
    design = schema.read_design(root, report)
    if problems or design is None:
        problems.sort(key=lambda p: (p.line, p.column))
        raise DesignLoadError(filename, problems)
    design.preamble = leading_comments(text)
    attach_comments(design, root, text, spans)
    design.newline = "\r\n" if _mostly_crlf(text) else "\n"
    design.bom = bom
    return design


def _mostly_crlf(text: str) -> bool:
    return "\r\n" in text and text.count("\r\n") * 2 > text.count("\n")


def leading_comments(text: str) -> str:
    """The comment lines before the first line of content, as written."""
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            lines.append(line.rstrip())
        elif stripped and stripped != "---":
            break
    return "\n".join(lines)


def save_design(design: Design, path: str | os.PathLike[str]) -> None:
    """Write the design in its canonical form, with its comments, atomically.

    Either the whole new file is in place or the previous one is untouched;
    on failure a `DesignSaveError` says why. A symbolic link stays a link: the
    file it points to is written.
    """
    data = saved_text(design).encode("utf-8")
    try:
        write_atomically(Path(path), data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DesignSaveError(
            _("could not save {path}: {reason}").format(path=os.fspath(path), reason=reason)
        ) from error
