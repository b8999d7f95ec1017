"""Comments a person wrote in a design file: found at load, kept with what they describe.

The loader reads YAML through the parser's events, which carry no comments, so
this module reads them from the text lines, told apart from text by the spans
of quoted and block scalars the tree builder noted (`yamltree.Span`). Each
comment is attached to an *anchor* of the design (a key, or an item of a
section) and stored on the model object that owns it (`model.Comments`), so
edits carry it along: delete an item and its comments go, rename or move it
and they follow. The writer puts every comment back at its anchor.

Which anchor a comment belongs to:

- a comment at the end of a line belongs to the last key (or item) that starts
  on that line; on a line inside a longer value (a block list of words, a
  multi-line flow list, an `x-` mapping) it goes above that value's key;
- whole-line comments (and blank lines) belong to the key or item they stand
  above, unless they are indented deeper than it: then they close the mapping
  or list their indentation points into (`end`), e.g. a note under a zone's
  last key stays with that zone;
- comments inside a value the writer re-shapes (a block list written back as
  `[a, b]`, `realms`, an `x-` value) go above that value's key: moved a little,
  never lost;
- the header comment block is the design's `preamble`, as before.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from cuecraft.core.model import SECTIONS, Comments, Design
from cuecraft.core.yamltree import Node, Span

# A line of spaces only (blank lines are kept too). Faster than one regex for both
# cases, which costs 0.1 s on a 10,000-cue design.
_SPACES_LINE = re.compile(r"\n[ \t]+\r?\n")
_BEFORE_COMMENT = frozenset(" \t\r\n\x85\u2028\u2029")
_HASH = re.compile(r"(?:^|(?<=[ \t]))#")


def notes_of(owner: Any) -> Comments:
    """The owner's comments, created on first use (most objects have none)."""
    notes: Comments | None = owner.comments
    if notes is None:
        notes = owner.comments = Comments()
    return notes


class _Box:
    """A mapping or list the writer writes: where its end comments go and how deep it is."""

    __slots__ = ("column", "key", "owner", "parent")

    def __init__(self, owner: Any, key: str, column: int, parent: _Box | None) -> None:
        self.owner = owner  # the object whose `comments` hold this box's end
        self.key = key  # "" for a mapping's own end, a section name for a list's end
        self.column = column  # 1-based column of its keys or dashes
        self.parent = parent

    def chain(self) -> list[_Box]:
        out: list[_Box] = []
        box: _Box | None = self
        while box is not None:
            out.append(box)
            box = box.parent
        return out


class _Anchor:
    """A key, or an item of a section, that comments can belong to."""

    __slots__ = ("box", "column", "inner", "key", "line", "owner")

    def __init__(self, line: int, column: int, owner: Any, key: str, box: _Box) -> None:
        self.line = line  # 0-based line
        self.column = column  # 1-based column
        self.owner = owner
        self.key = key
        self.box = box  # the mapping or list it is in
        self.inner: _Box | None = None  # the mapping or list it opens, if the writer writes one

    def above(self) -> list[str]:
        return notes_of(self.owner).above.setdefault(self.key, [])


def attach_comments(design: Design, root: Node, text: str, spans: list[Span]) -> None:
    """Find every comment and blank line of `text` and attach it to `design`.

    `root` and `spans` are what `yamltree.read_tree` made of `text`, and `design`
    what the schema read from `root` (so its items are the tree's, in order).
    """
    if not _worth_reading(text):
        return
    lines = text.splitlines()
    full, partial = _covered(spans, lines)
    # First the lines that hold comments or are blank (most lines of a big design do not):
    # (a run of whole lines, the line of content after it, "") or (None, line, its end).
    found: list[tuple[list[tuple[int, str, int]] | None, int | None, str]] = []
    marks: list[int] = []
    group: list[tuple[int, str, int]] = []  # (line, "# text" or "" when blank, column)
    for number in range(_after_header(lines), len(lines)):
        if number not in full:
            line = lines[number]
            stripped = line.lstrip(" \t")
            indent = len(line) - len(stripped)
            if not stripped:
                group.append((number, "", 0))
                marks.append(number)
                continue
            if stripped[0] == "#" and not _inside(partial.get(number), indent):
                group.append((number, stripped, indent + 1))
                marks.append(number)
                continue
        if group:
            found.append((group, number, ""))
            group = []
        if number not in full and "#" in lines[number]:
            eol = _end_of_line(lines[number], partial.get(number))
            if eol:
                found.append((None, number, eol))
                marks.append(number)
    if group:
        found.append((group, None, ""))
    if not found:
        return
    anchors = _anchors(design, root, lines, marks)
    if not anchors:
        return
    starts = [a.line for a in anchors]
    last_on: dict[int, _Anchor] = {a.line: a for a in anchors}
    for run, at, eol in found:  # in file order: hoisted comments keep their order
        if run is not None:
            _place(run, at, anchors, starts)
            continue
        assert at is not None
        anchor = last_on.get(at)
        if anchor is not None:
            notes_of(anchor.owner).eol[anchor.key] = eol
        else:
            _hoist(eol.lstrip(" \t"), at, anchors, starts)


def _worth_reading(text: str) -> bool:
    """Whether the text may hold a comment or a blank line (a quick look, no parsing)."""
    at = text.find("#")
    while at != -1:
        if at == 0 or text[at - 1] in _BEFORE_COMMENT:
            return True
        at = text.find("#", at + 1)
    return "\n\n" in text or "\n\r\n" in text or _SPACES_LINE.search(text) is not None


def _after_header(lines: list[str]) -> int:
    """The first line after the header block (`fileformat.leading_comments`'s region)."""
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not stripped.startswith("#") and stripped != "---":
            return number
    return len(lines)


def _anchors(design: Design, root: Node, lines: list[str], marks: list[int]) -> list[_Anchor]:
    """Every key and item comments may belong to, in file order.

    The keys of an item are left out when no line in `marks` (the lines with
    comments, blank lines) lies between its start and the next item's: such an
    item has nothing to attach (a big design has few comments, many items).
    """
    if root.kind != "map" or root.key_nodes is None:
        return []
    top = _Box(design, "", root.column, None)
    out: list[_Anchor] = []
    for key, value in root.value.items():
        key_node = root.key_nodes[key]
        anchor = _Anchor(key_node.line - 1, key_node.column, design, key, top)
        out.append(anchor)
        if key in ("theme", "value") and value.kind == "map" and value.key_nodes is not None:
            owner = design.theme if key == "theme" else design.value
            box = anchor.inner = _Box(owner, "", value.column, top)
            for name, node in value.key_nodes.items():
                out.append(_Anchor(node.line - 1, node.column, owner, name, box))
        elif key in SECTIONS:
            items = getattr(design, key)
            nodes: list[Node] = value.value if value.kind == "seq" else []
            if len(nodes) != len(items):
                continue
            dashes = [_dash_column(lines, node) for node in nodes]
            column = dashes[0] if dashes else key_node.column + 2
            box = anchor.inner = _Box(design, key, column, top)
            ends = [node.line - 1 for node in nodes[1:]] + [len(lines)] * bool(nodes)
            for item, node, dash, stop in zip(items, nodes, dashes, ends, strict=True):
                item_anchor = _Anchor(node.line - 1, dash, item, "", box)
                out.append(item_anchor)
                inner = item_anchor.inner = _Box(item, "", node.column, box)
                found = bisect.bisect_left(marks, node.line - 1)
                if found == len(marks) or marks[found] >= stop:
                    continue
                for name, key_of in (node.key_nodes or {}).items():
                    out.append(_Anchor(key_of.line - 1, key_of.column, item, name, inner))
    out.sort(key=lambda a: (a.line, a.column))
    return out


def _dash_column(lines: list[str], node: Node) -> int:
    """The 1-based column of the `-` that starts this list item."""
    before = lines[node.line - 1][: node.column - 1].rstrip()
    if before.endswith("-"):
        return len(before)
    return max(1, node.column - 2)


def _covered(
    spans: list[Span], lines: list[str]
) -> tuple[set[int], dict[int, list[tuple[int, int]]]]:
    """Lines wholly inside scalars, and column ranges of scalars on the other lines.

    A '#' in either is text, not a comment. The blank lines that end a block scalar
    belong to it only when it keeps them (`|+`); otherwise they are blank lines.
    """
    full: set[int] = set()
    partial: dict[int, list[tuple[int, int]]] = {}
    for first, first_col, last, last_col, style in spans:
        if style in ("|", ">"):
            stop = last if last_col == 0 else last + 1
            inside = range(first + 1, min(stop, len(lines)))
            full.update(inside)
            header = lines[first][first_col:].split("#", 1)[0] if first < len(lines) else ""
            if "+" in header or any(ch.isdigit() for ch in header):
                continue  # kept line breaks, or an indentation we would have to work out
            indent = next(
                (len(lines[n]) - len(lines[n].lstrip(" ")) for n in inside if lines[n].strip()),
                None,
            )
            if indent is None:
                continue
            for number in reversed(inside):
                line = lines[number]
                if line.strip(" ") or len(line) > indent:  # text, if only spaces
                    break
                full.discard(number)
            continue
        if first == last:
            partial.setdefault(first, []).append((first_col, last_col))
            continue
        partial.setdefault(first, []).append((first_col, 1 << 30))
        full.update(range(first + 1, last))
        partial.setdefault(last, []).append((0, last_col))
    return full, partial


def _inside(ranges: list[tuple[int, int]] | None, column: int) -> bool:
    return ranges is not None and any(low <= column < high for low, high in ranges)


def _end_of_line(line: str, ranges: list[tuple[int, int]] | None) -> str:
    """The comment ending a line of content, with the spaces before it; "" for none."""
    if "#" not in line:
        return ""
    for found in _HASH.finditer(line):
        at = found.start()
        if at and not _inside(ranges, at):
            gap = len(line[:at].rstrip(" \t"))
            return line[gap:].rstrip("\r")
    return ""


def _hoist(comment: str, number: int, anchors: list[_Anchor], starts: list[int]) -> None:
    """A comment inside a value the writer re-shapes: above the key that value is of."""
    index = max(0, bisect.bisect_right(starts, number) - 1)
    anchors[index].above().append(comment)


def _place(
    group: list[tuple[int, str, int]],
    next_content: int | None,
    anchors: list[_Anchor],
    starts: list[int],
) -> None:
    """Attach a run of whole-line comments and blank lines (see the module's rules)."""
    first, last = group[0][0], group[-1][0]
    before = bisect.bisect_left(starts, first) - 1
    after = bisect.bisect_right(starts, last)
    previous = anchors[before] if before >= 0 else None
    following = anchors[after] if after < len(anchors) else None
    comments = [text for _, text, _ in group if text]
    if next_content is not None and (following is None or next_content < following.line):
        # Inside a value (or before the first key): above the key it belongs to.
        target = previous if previous is not None else following
        if target is not None:
            target.above().extend(comments)
        return
    if previous is None:
        assert following is not None
        _extend(following.above(), [text for _, text, _ in group])
        return
    chain = ([previous.inner] if previous.inner is not None else []) + previous.box.chain()
    theirs = following.box.chain() if following is not None else chain[-1:]
    lead = len(chain)  # target index meaning "above the following anchor"
    targets: list[list[str]] = [[] for _ in range(lead + 1)]
    level = 0
    blank = False
    for _, text, column in group:
        if not text:
            blank = True
            continue
        index = next((i for i, box in enumerate(chain) if box.column <= column), lead - 1)
        if chain[index] in theirs:
            index = lead
        level = max(level, index)
        if blank:
            targets[level].append("")
            blank = False
        targets[level].append(text)
    if blank:
        targets[lead].append("")
    for index, lines in enumerate(targets):
        if not lines:
            continue
        if index < lead:
            box = chain[index]
            _extend(notes_of(box.owner).end.setdefault(box.key, []), lines)
        elif following is not None:
            _extend(following.above(), lines)
        else:
            ends = notes_of(chain[-1].owner).end.setdefault("", [])
            _extend(ends, _trim_blanks(lines))


def _extend(target: list[str], lines: list[str]) -> None:
    """Add lines, with never two blank lines in a row."""
    for line in lines:
        if line or not target or target[-1]:
            target.append(line)


def _trim_blanks(lines: list[str]) -> list[str]:
    out = list(lines)
    while out and not out[-1]:
        out.pop()
    return out


def drop_comments(design: Design) -> None:
    """Forget every comment below the header (`cuecraft fmt --drop-comments`)."""
    design.comments = None
    design.theme.comments = None
    design.value.comments = None
    for item in design.items():
        item.comments = None
