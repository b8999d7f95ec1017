"""Hardened YAML reading: the event stream turned into a small tree with locations.

We never let PyYAML construct objects. Its composer is recursive in C and
segfaults on very deep nesting, it resolves duplicate keys last-one-wins, and
it guesses types (`no` becomes False). Instead we read the parser's event
stream ourselves, which lets us:

- refuse nesting deeper than `MAX_DEPTH` at the first event past it,
- refuse alias bombs by tracking how large the document would be once every
  alias is expanded, in time linear in the events actually read,
- keep every scalar as the text that was written plus whether it was plain,
  so the format (not YAML) decides types,
- report duplicate keys with both locations,
- note where quoted, block and multi-line scalars lie (`Span`), so comments
  can be told from text that merely contains a '#' (see `comments.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from cuecraft.core.i18n import N_, _

MAX_BYTES = 50 * 1024 * 1024
MAX_DEPTH = 64
_TOO_DEEP = N_("nesting deeper than {depth} levels; a design is never this deep")
# An expanded document may be this many times larger than the events read.
MAX_EXPANSION = 10
MAX_EXPANSION_SLACK = 10_000

STANDARD_TAG_PREFIX = "tag:yaml.org,2002:"
SAFE_TAGS = frozenset(
    STANDARD_TAG_PREFIX + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


Span = tuple[int, int, int, int, str]
"""A scalar that is not a one-line plain word: start line, start column, end line,
end column (0-based, end exclusive) and its style ('"', "'", '|', '>' or '')."""


class YamlProblem(Exception):
    """The text is not YAML we are willing to read; with a 1-based location."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class Node:
    """A scalar, sequence or mapping with the location it starts at (1-based)."""

    __slots__ = ("column", "key_nodes", "kind", "line", "plain", "size", "tag", "value")

    def __init__(self, kind: str, value: Any, line: int, column: int) -> None:
        self.kind = kind  # "scalar" | "seq" | "map"
        self.value = value  # str | list[Node] | dict[str, Node]
        self.line = line
        self.column = column
        self.plain = False
        self.tag: str | None = None
        self.size = 1
        self.key_nodes: dict[str, Node] | None = None

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Node({self.kind}, {self.value!r}, {self.line}:{self.column})"


@dataclass
class _Open:
    node: Node
    anchor: str | None
    pending_key: Node | None = None


def decode(data: bytes) -> str:
    """Bytes to text, refusing what is clearly not a UTF-8 text file."""
    if len(data) > MAX_BYTES:
        raise YamlProblem(too_large(len(data)))
    kind = _sniff_binary(data)
    if kind:
        raise YamlProblem(_(kind))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise YamlProblem(
            _("the file is not UTF-8 text (save it as UTF-8)"), line, column
        ) from None
    if "\x00" in text:
        offset = text.index("\x00")
        line = text.count("\n", 0, offset) + 1
        raise YamlProblem(_("the file contains NUL bytes: it is not a text file"), line, 1)
    return text


def too_large(size: int) -> str:
    """The problem of a file over `MAX_BYTES`, in the current language."""
    from cuecraft.core.i18n import format_number

    return _("the file is {size} MB; designs are limited to {limit} MB").format(
        size=format_number(size / 1024 / 1024), limit=MAX_BYTES // 1024 // 1024
    )


_MAGIC = (
    (b"%PDF", N_("this is not a design file but a PDF document")),
    (b"\x89PNG", N_("this is not a design file but a PNG image")),
    (b"\xff\xd8\xff", N_("this is not a design file but a JPEG image")),
    (b"GIF8", N_("this is not a design file but a GIF image")),
    (b"PK\x03\x04", N_("this is not a design file but a ZIP archive (or an Office document)")),
    (b"\x7fELF", N_("this is not a design file but a program")),
)


def _sniff_binary(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def read_tree(text: str, spans: list[Span] | None = None) -> Node | None:
    """Parse one YAML document into a Node tree; None for an empty document.

    With `spans`, every quoted, block or multi-line scalar is added to it.
    """
    loader = _Loader(text)
    try:
        return _build(loader, [] if spans is None else spans)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = _describe_yaml_error(error)
        if mark is None:
            raise YamlProblem(message) from None
        raise YamlProblem(message, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as error:
        raise YamlProblem(_("not valid YAML: {details}").format(details=error)) from None
    finally:
        loader.dispose()


def _describe_yaml_error(error: yaml.MarkedYAMLError) -> str:
    if error.problem and "nesting depth" in error.problem:
        # libyaml 0.2.6+ stops deep flow nesting ([[[…) itself, before MAX_DEPTH is reached
        # here: the same problem, so the same words as our own check.
        return _(_TOO_DEEP).format(depth=MAX_DEPTH)
    known = _YAML_PROBLEMS.get(error.problem or "")
    if known is not None:
        return _("not valid YAML: {details}").format(details=_(known))
    parts = [p for p in (error.context, error.problem) if p]
    if not parts:
        return _("not valid YAML")
    # A problem not listed above: the parser's own words (English); the location says where.
    return _("not valid YAML: {details}").format(details=", ".join(parts))


# What the YAML parser's most common problems mean for a person editing a design, in
# words the catalogs translate (the parser's own are English only).
_YAML_PROBLEMS = {
    "did not find expected node content": N_("a value is missing here"),
    "mapping values are not allowed in this context": N_(
        "a “key: value” cannot start here: check the indentation, or put text that holds "
        "“: ” in quotes"
    ),
    "mapping values are not allowed here": N_(
        "a “key: value” cannot start here: check the indentation, or put text that holds "
        "“: ” in quotes"
    ),
    "did not find expected '-' indicator": N_(
        "a list item (“- ”) was expected here: check the indentation"
    ),
    "did not find expected key": N_("a key was expected here: check the indentation"),
    "could not find expected ':'": N_("a “:” is missing after a key"),
    "found unexpected end of stream": N_(
        "the file ends too early: a closing quote or bracket is missing"
    ),
    "did not find expected ',' or '}'": N_("a “,” or a closing “}” is missing"),
    "did not find expected ',' or ']'": N_("a “,” or a closing “]” is missing"),
    "found character that cannot start any token": N_(
        "this character cannot start a value (a tab used for indentation, or text starting "
        "with @ or `: put such text in quotes)"
    ),
    "found unknown escape character": N_(
        "an unknown escape (\\…) in double-quoted text: use single quotes, or write \\\\"
    ),
}


def _build(loader: Any, spans: list[Span]) -> Node | None:
    get_event = loader.get_event
    stack: list[_Open] = []
    anchors: dict[str, Node] = {}
    root: Node | None = None
    documents = 0
    events = 0
    expanded = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        top = stack[-1]
        parent = top.node
        if parent.kind == "seq":
            parent.value.append(node)
        elif top.pending_key is None:
            if node.kind != "scalar":
                raise YamlProblem(
                    _("a key must be a plain word, not a list or mapping"), node.line, node.column
                )
            top.pending_key = node
        else:
            key = top.pending_key
            top.pending_key = None
            assert parent.key_nodes is not None
            if key.value in parent.value:
                first = parent.key_nodes[key.value]
                raise YamlProblem(
                    _(
                        "duplicate key “{key}” (first at line {line}); a key may appear only once "
                        "in a mapping"
                    ).format(key=key.value, line=first.line),
                    key.line,
                    key.column,
                )
            parent.value[key.value] = node
            parent.key_nodes[key.value] = key
        parent.size += node.size

    scalar_event = yaml.ScalarEvent
    while True:
        event = get_event()
        if event is None:
            break
        events += 1
        cls = type(event)
        if cls is scalar_event:
            # The most frequent event by far (a quarter million in a 10,000-cue design):
            # a plain scalar in a mapping or a list is attached here without a call.
            mark = event.start_mark
            value = event.value
            implicit = event.implicit
            node = Node("scalar", value, mark.line + 1, mark.column + 1)
            plain = node.plain = bool(implicit[0])
            # Cheap for the common case: only quoted, block or folded scalars are noted.
            if not plain or "\n" in value:
                end = event.end_mark
                spans.append((mark.line, mark.column, end.line, end.column, event.style or ""))
            if event.tag is not None:
                node.tag = _check_tag(event.tag, node, plain_ok=plain or implicit[1])
            expanded += 1
            if event.anchor or not stack:
                if event.anchor:
                    anchors[event.anchor] = node
                attach(node)
                continue
            top = stack[-1]
            parent = top.node
            if parent.kind == "seq":
                parent.value.append(node)
                parent.size += 1
            elif top.pending_key is None:
                top.pending_key = node
                parent.size += 1
            elif top.pending_key.value in parent.value:
                attach(node)  # says which key is given twice
            else:
                key = top.pending_key
                top.pending_key = None
                parent.value[key.value] = node
                parent.key_nodes[key.value] = key  # type: ignore[index]
                parent.size += 1
        elif cls is yaml.SequenceStartEvent or cls is yaml.MappingStartEvent:
            mark = event.start_mark
            if len(stack) >= MAX_DEPTH:
                raise YamlProblem(
                    _(_TOO_DEEP).format(depth=MAX_DEPTH),
                    mark.line + 1,
                    mark.column + 1,
                )
            if cls is yaml.SequenceStartEvent:
                node = Node("seq", [], mark.line + 1, mark.column + 1)
            else:
                node = Node("map", {}, mark.line + 1, mark.column + 1)
                node.key_nodes = {}
            node.tag = _check_tag(event.tag, node, plain_ok=event.implicit)
            stack.append(_Open(node, event.anchor))
        elif cls is yaml.SequenceEndEvent or cls is yaml.MappingEndEvent:
            done = stack.pop()
            if done.anchor:
                anchors[done.anchor] = done.node
            attach(done.node)
            expanded += 1
        elif cls is yaml.AliasEvent:
            mark = event.start_mark
            target = anchors.get(event.anchor)
            if target is None:
                raise YamlProblem(
                    _(
                        "alias *{anchor} refers to no finished anchor (undefined or recursive)"
                    ).format(anchor=event.anchor),
                    mark.line + 1,
                    mark.column + 1,
                )
            attach(target)
            expanded += target.size
            if expanded > MAX_EXPANSION * events + MAX_EXPANSION_SLACK:
                raise YamlProblem(
                    _(
                        "too many aliases: expanding them would make the document explode "
                        "(a YAML “billion laughs” bomb?)"
                    ),
                    mark.line + 1,
                    mark.column + 1,
                )
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise YamlProblem(
                    _("more than one YAML document in the file; a design is one document"),
                    mark.line + 1,
                    mark.column + 1,
                )
    return root


def _check_tag(tag: str | None, node: Node, plain_ok: bool) -> str | None:
    if tag is None or tag == "!":
        return None
    if tag in SAFE_TAGS:
        return tag
    shown = (
        "!!" + tag.removeprefix(STANDARD_TAG_PREFIX) if tag.startswith(STANDARD_TAG_PREFIX) else tag
    )
    raise YamlProblem(
        _("the YAML tag “{tag}” is not supported in design files").format(tag=shown),
        node.line,
        node.column,
    )


def to_python(node: Node) -> Any:
    """Generic YAML data for keys the format keeps verbatim (`x-` keys).

    Plain scalars stay `Plain` text so they are written back exactly as they
    were (a plain `no` stays a plain `no`); quoted ones are ordinary str.
    """
    if node.kind == "scalar":
        return Plain(node.value) if node.plain else node.value
    if node.kind == "seq":
        return [to_python(child) for child in node.value]
    assert node.key_nodes is not None
    return {
        (Plain(k) if node.key_nodes[k].plain else k): to_python(v) for k, v in node.value.items()
    }


class Plain(str):
    """Text that was written as a plain YAML scalar and must be written back plain."""

    __slots__ = ()
