"""The canonical saved form of a design, and the atomic write.

We emit YAML ourselves rather than through `yaml.dump`: the output must be the
same bytes for the same design, keys in the spec's order, Unicode as typed,
multi-line text as block scalars and nothing folded, so that a one-field edit
is a one-line diff. Defaults and empty lists inside items are left out;
the top-level sections are always written so a reader sees the whole shape.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from cuecraft.core.model import (
    FORMAT_VERSION,
    Cue,
    Design,
    Layer,
    Souvenir,
    Touchpoint,
    Zone,
)
from cuecraft.core.yamltree import Plain

_PRINTABLE = re.compile("[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|\ufeff")
_PLAIN_START_BAD = set("-?:,[]{}#&*!|>'\"%@`")
# Inside [a, b] PyYAML also refuses a plain ':' followed by anything but a space.
_FLOW_BAD = set(",[]{}:")
_RESOLVER = yaml.resolver.Resolver()
_ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


@functools.lru_cache(maxsize=65536)
def _plain_ok(text: str, flow: bool) -> bool:
    """Whether `text` can be written unquoted and still read back as this text."""
    if not text or text != text.strip() or text[0] in _PLAIN_START_BAD:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if flow and any(ch in _FLOW_BAD for ch in text):
        return False
    if _PRINTABLE.search(text) or "\n" in text or "\xa0" in text:
        return False
    if text.startswith(("---", "...")):
        return False
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`."""
    out = []
    for ch in text:
        escape = _ESCAPES.get(ch)
        if escape is not None:
            out.append(escape)
        elif _PRINTABLE.match(ch):
            code = ord(ch)
            out.append(
                f"\\x{code:02X}"
                if code < 0x100
                else f"\\u{code:04X}"
                if code < 0x10000
                else f"\\U{code:08X}"
            )
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def scalar(text: str, flow: bool = False) -> str:
    """One-line form of a text value: plain when safe, else double-quoted."""
    if isinstance(text, Plain) and _plain_verbatim_ok(text, flow):
        return str(text)
    return text if _plain_ok(text, flow) else quoted(text)


def _plain_verbatim_ok(text: str, flow: bool) -> bool:
    # A scalar that was plain in the source keeps its meaning only if still plain.
    if not text or text != text.strip() or _PRINTABLE.search(text) or "\n" in text:
        return False
    if text[0] in _PLAIN_START_BAD and not (len(text) > 1 and text[0] in "-?:" and text[1] != " "):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (flow and any(ch in _FLOW_BAD for ch in text))


def _block_ok(text: str) -> bool:
    if "\n" not in text or text[0] in " \n" or _PRINTABLE.search(text):
        return False
    if "\r" in text or "\t" in text:
        return False
    body = text.rstrip("\n")
    # Lines made only of spaces confuse indentation detection; trailing spaces survive.
    return "\n" in body or text.endswith("\n")


def text_value(text: str, indent: str) -> str:
    """A text field's value: a literal block for multi-line text, else one line."""
    if not _block_ok(text):
        return " " + scalar(text)
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    lines = body.split("\n") + [""] * (trailing - 1 if trailing > 1 else 0)
    inner = indent + "  "
    rendered = "\n".join(inner + line if line else "" for line in lines)
    return f" |{chomp}\n{rendered}"


def word_list(words: list[str]) -> str:
    return "[" + ", ".join(scalar(word, flow=True) for word in words) + "]"


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def text(self, indent: str, key: str, value: str | None) -> None:
        if value is not None:
            self.lines.append(f"{indent}{key}:{text_value(value, indent)}")

    def words(self, indent: str, key: str, value: list[str]) -> None:
        if value:
            self.lines.append(f"{indent}{key}: {word_list(value)}")

    def raw(self, indent: str, key: str, value: object) -> None:
        self.lines.append(f"{indent}{key}: {value}")

    def extra(self, indent: str, extra: dict[str, Any]) -> None:
        for key, value in extra.items():
            _emit_any(self.lines, indent, scalar(key), value)


def _emit_any(lines: list[str], indent: str, key: str, value: Any) -> None:
    """Data kept verbatim (`x-` keys): block mappings and lists of any depth."""
    if isinstance(value, dict) and value:
        lines.append(f"{indent}{key}:")
        for k, v in value.items():
            _emit_any(lines, indent + "  ", scalar(k), v)
    elif isinstance(value, list) and value:
        lines.append(f"{indent}{key}:")
        for v in value:
            _emit_item(lines, indent + "  ", v)
    else:
        lines.append(f"{indent}{key}:{_leaf(value, indent)}")


def _emit_item(lines: list[str], indent: str, value: Any) -> None:
    if isinstance(value, dict) and value:
        first = True
        for k, v in value.items():
            sub: list[str] = []
            _emit_any(sub, indent + "  ", scalar(k), v)
            if first:
                sub[0] = indent + "- " + sub[0][len(indent) + 2 :]
                first = False
            lines.extend(sub)
    elif isinstance(value, list) and value:
        lines.append(f"{indent}-")
        for v in value:
            _emit_item(lines, indent + "  ", v)
    else:
        lines.append(f"{indent}-{_leaf(value, indent)}")


def _leaf(value: Any, indent: str) -> str:
    if isinstance(value, dict):
        return " {}"
    if isinstance(value, list):
        return " []"
    if isinstance(value, Plain):
        return " " + scalar(value)
    return text_value(str(value), indent)


def dump_design(design: Design) -> str:
    """The canonical text of a design."""
    out = _Out()
    raw, text, words = out.raw, out.text, out.words
    if design.preamble:
        out.lines.extend(
            line if line.lstrip().startswith("#") else "# " + line
            for line in design.preamble.split("\n")
        )
    raw("", "cuecraft", FORMAT_VERSION)
    text("", "title", design.title)
    text("", "client", design.client)
    text("", "venue", design.venue)
    text("", "language", design.language)
    theme = design.theme
    out.lines.append("theme:")
    text("  ", "name", theme.name)
    text("  ", "tagline", theme.tagline)
    text("  ", "storyline", theme.storyline)
    words("  ", "motifs", theme.motifs)
    words("  ", "avoid", theme.avoid)
    realms = theme.realms.as_dict()
    if any(realms.values()):
        raw("  ", "realms", "{" + ", ".join(f"{k}: {v}" for k, v in realms.items()) + "}")
    out.extra("  ", theme.extra)
    _section(out, "zones", design.zones, _zone)
    _section(out, "touchpoints", design.touchpoints, _touchpoint)
    _section(out, "cues", design.cues, _cue)
    _section(out, "layers", design.layers, _layer)
    _section(out, "souvenirs", design.souvenirs, _souvenir)
    out.extra("", design.extra)
    return "\n".join(out.lines) + "\n"


def _section(out: _Out, key: str, items: list[Any], emit: Any) -> None:
    if not items:
        out.lines.append(f"{key}: []")
        return
    out.lines.append(f"{key}:")
    for item in items:
        start = len(out.lines)
        emit(out, item)
        out.extra("    ", item.extra)
        out.lines[start] = "  - " + out.lines[start][4:]


def _zone(out: _Out, zone: Zone) -> None:
    i = "    "
    out.raw(i, "id", scalar(zone.id))
    out.text(i, "name", zone.name or None)
    out.words(i, "sees", zone.sees)


def _touchpoint(out: _Out, tp: Touchpoint) -> None:
    i = "    "
    out.raw(i, "id", scalar(tp.id))
    out.text(i, "name", tp.name or None)
    out.raw(i, "phase", tp.phase)
    out.text(i, "zone", tp.zone)
    out.words(i, "next", tp.next)
    if tp.emotion is not None:
        out.raw(i, "emotion", tp.emotion)


def _cue(out: _Out, cue: Cue) -> None:
    i = "    "
    out.raw(i, "id", scalar(cue.id))
    out.text(i, "text", cue.text or None)
    out.raw(i, "polarity", cue.polarity)
    out.words(i, "senses", cue.senses)
    out.words(i, "motifs", cue.motifs)
    out.words(i, "at", cue.at)
    if cue.unique:
        out.raw(i, "unique", "true")
    out.words(i, "conflicts", cue.conflicts)
    if cue.severity is not None:
        out.raw(i, "severity", cue.severity)
    if cue.status is not None:
        out.raw(i, "status", cue.status)
    out.text(i, "remedy", cue.remedy)


def _layer(out: _Out, layer: Layer) -> None:
    i = "    "
    out.raw(i, "id", scalar(layer.id))
    out.raw(i, "sense", layer.sense)
    out.text(i, "name", layer.name or None)
    out.words(i, "at", layer.at)
    if layer.intensity != 1:
        out.raw(i, "intensity", layer.intensity)
    out.words(i, "motifs", layer.motifs)


def _souvenir(out: _Out, souvenir: Souvenir) -> None:
    i = "    "
    out.raw(i, "id", scalar(souvenir.id))
    out.text(i, "name", souvenir.name or None)
    out.words(i, "motifs", souvenir.motifs)
    out.words(i, "evokes", souvenir.evokes)
    out.words(i, "at", souvenir.at)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader only ever sees the old or the new file.

    The bytes go to a temporary file in the same folder, are flushed and
    fsynced, then renamed over the target; on any failure the temporary file
    is removed and the previous file is left as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    mode = None
    if path.exists():
        mode = path.stat().st_mode & 0o7777
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode if mode is not None else 0o644 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
