"""The canonical saved form of a design, and the atomic write.

We emit YAML ourselves rather than through `yaml.dump`: the output must be the
same bytes for the same design, keys in the spec's order, Unicode as typed,
multi-line text as block scalars and nothing folded, so that a one-field edit
is a one-line diff. Defaults and empty lists inside items are left out;
the top-level sections are always written so a reader sees the whole shape.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from cuecraft.core.i18n import _
from cuecraft.core.model import (
    FORMAT_VERSION,
    VALUE_STEPS,
    Action,
    Comments,
    Cue,
    Design,
    Layer,
    Persona,
    Souvenir,
    Touchpoint,
    Zone,
)
from cuecraft.core.yaml_scalars import plain_verbatim_ok, scalar, text_value, word_list
from cuecraft.core.yamltree import Plain


class _Out:
    """The lines of the text, and the comments of the mapping being written.

    Every key goes through `put` (present) or `skip` (left out): `put` writes the
    comments above the key and the one at the end of its first line; the comments
    of a key left out wait for the next key of the mapping, or its end, so none
    is lost. With no comments (`notes` None) this costs one test per key.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.notes: Comments | None = None
        self.pending: list[str] = []
        self.written: set[str] = set()

    def put(self, indent: str, key: str, line: str, above: bool = True) -> None:
        notes = self.notes
        if notes is None:
            self.lines.append(line)
            return
        self.written.add(key)
        if above:
            self.comment_lines(indent, self.pending + notes.above.get(key, []))
            self.pending = []
        else:
            self.pending.extend(notes.above.get(key, []))
        eol = notes.eol.get(key)
        if eol:
            first, newline, rest = line.partition("\n")
            line = first + eol + newline + rest
        self.lines.append(line)

    def skip(self, key: str) -> None:
        notes = self.notes
        if notes is not None:
            self.written.add(key)
            self.pending.extend(_orphans(notes, key))

    def text(self, indent: str, key: str, value: str | None) -> None:
        if value is None:
            self.skip(key)
        else:
            self.put(indent, key, f"{indent}{key}:{text_value(value, indent)}")

    def words(self, indent: str, key: str, value: list[str]) -> None:
        if value:
            self.put(indent, key, f"{indent}{key}: {word_list(value)}")
        else:
            self.skip(key)

    def raw(self, indent: str, key: str, value: object) -> None:
        if value is None:
            self.skip(key)
        else:
            self.put(indent, key, f"{indent}{key}: {value}")

    def word(self, indent: str, key: str, value: str | None) -> None:
        """A one-word choice (`phase`, `polarity`): plain when valid, quoted if not."""
        self.raw(indent, key, None if value is None else scalar(value))

    def extra(self, indent: str, extra: dict[str, Any]) -> None:
        for key, value in extra.items():
            lines: list[str] = []
            _emit_any(lines, indent, scalar(key), value)
            self.put(indent, key, "\n".join(lines))

    def begin(self, notes: Comments | None) -> tuple[Comments | None, list[str], set[str]]:
        """Start writing a mapping with these comments; returns what `end` restores."""
        saved = (self.notes, self.pending, self.written)
        self.notes, self.pending, self.written = notes or None, [], set()
        return saved

    def end(self, indent: str, saved: tuple[Comments | None, list[str], set[str]]) -> None:
        """Close the mapping: comments of keys left out or gone, then its end comments."""
        notes = self.notes
        if notes is not None:
            for key in [*notes.above, *notes.eol]:
                if key not in self.written and key:
                    self.skip(key)
            self.comment_lines(indent, self.pending + notes.end.get("", []))
        self.notes, self.pending, self.written = saved

    def comment_lines(self, indent: str, comments: list[str]) -> None:
        lines = self.lines
        for comment in comments:
            if comment:
                lines.append(indent + comment)
            # A blank line right after a block scalar that keeps its line breaks (|+)
            # would become part of its text; two blank lines in a row are one.
            elif lines and lines[-1] and not lines[-1].endswith("\n"):
                lines.append("")


def _orphans(notes: Comments, key: str) -> list[str]:
    """The comments of a key that is not written, as whole lines."""
    lines = list(notes.above.get(key, ()))
    eol = notes.eol.get(key)
    if eol:
        lines.append(eol.lstrip(" \t"))
    return lines


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
    if isinstance(value, Plain) and plain_verbatim_ok(value, False):
        return " " + str(value)
    # Written as any text is (a plain scalar with a blank line in it reads back quoted,
    # so the next save must not write it differently).
    return text_value(str(value), indent)


def dump_design(design: Design) -> str:
    """The canonical text of a design, with the comments a person wrote in it (LF endings)."""
    out = _Out()
    text, words = out.text, out.words
    if design.preamble:
        out.lines.extend(
            line if line.lstrip().startswith("#") else "# " + line
            for line in design.preamble.split("\n")
        )
    top = out.begin(design.comments)
    # Nothing goes between the header and the first line (a reader takes what stands
    # there for the header): comments above `cuecraft` move down to the next key.
    out.put("", "cuecraft", f"cuecraft: {FORMAT_VERSION}", above=False)
    text("", "title", design.title)
    text("", "client", design.client)
    text("", "venue", design.venue)
    text("", "language", design.language)
    theme = design.theme
    out.put("", "theme", "theme:")
    outer = out.begin(theme.comments)
    text("  ", "name", theme.name)
    text("  ", "tagline", theme.tagline)
    text("  ", "storyline", theme.storyline)
    words("  ", "motifs", theme.motifs)
    words("  ", "avoid", theme.avoid)
    realms = theme.realms.as_dict()
    out.raw(
        "  ",
        "realms",
        "{" + ", ".join(f"{k}: {v}" for k, v in realms.items()) + "}"
        if any(realms.values())
        else None,
    )
    out.extra("  ", theme.extra)
    out.end("  ", outer)
    value = design.value
    if value or "value" in design.where or _has_notes(design.comments, "value"):
        out.put("", "value", "value:" if value else "value: {}")
        inner = out.begin(value.comments)
        text("  ", "currency", value.currency)
        for step in VALUE_STEPS:
            out.raw("  ", step, amount_text(getattr(value, step)))
        out.extra("  ", value.extra)
        # An emptied `value: {}` has no keys to hold its comments: they stand at the top
        # level after it, where a reload finds them again (above the next key).
        out.end("  " if value else "", inner)
    _section(out, design, "zones", design.zones, _zone)
    _section(out, design, "touchpoints", design.touchpoints, _touchpoint)
    _section(out, design, "cues", design.cues, _cue)
    _section(out, design, "layers", design.layers, _layer)
    _section(out, design, "souvenirs", design.souvenirs, _souvenir)
    # Written once a design has a blueprint (or its file names the key), so files from
    # before actions existed save byte for byte as they did.
    if design.actions or "actions" in design.where or _has_notes(design.comments, "actions"):
        _section(out, design, "actions", design.actions, _action)
    if design.personas or "personas" in design.where or _has_notes(design.comments, "personas"):
        _section(out, design, "personas", design.personas, _persona)
    out.extra("", design.extra)
    out.end("", top)
    while out.lines[-1] == "":  # blank lines at the end of a file are not kept
        out.lines.pop()
    return "\n".join(out.lines) + "\n"


def _has_notes(notes: Comments | None, key: str) -> bool:
    """Whether comments belong to a top-level key (above it, after it or at its end)."""
    return notes is not None and bool(
        notes.above.get(key) or notes.eol.get(key) or notes.end.get(key)
    )


def saved_text(design: Design) -> str:
    """The text a save writes: `dump_design` with the file's line endings and BOM."""
    text = dump_design(design)
    if design.newline != "\n":
        text = text.replace("\n", design.newline)
    return "\ufeff" + text if design.bom else text


def _section(out: _Out, design: Design, key: str, items: list[Any], emit: Any) -> None:
    out.put("", key, f"{key}:" if items else f"{key}: []")
    for item in items:
        notes = item.comments
        line = f"  - id: {scalar(item.id)}"
        if notes:
            # The item's own comments and those above its id both stand above its `- `.
            out.comment_lines("  ", _orphans(notes, "") + notes.above.get("id", []))
            line += notes.eol.get("id", "")
        out.lines.append(line)
        saved = out.begin(notes)
        out.written.update(("", "id"))
        emit(out, item)
        out.extra("    ", item.extra)
        out.end("    ", saved)
    ends = design.comments.end.get(key) if design.comments else None
    if ends:
        out.comment_lines("  ", ends)


def _zone(out: _Out, zone: Zone) -> None:
    i = "    "
    out.text(i, "name", zone.name or None)
    out.words(i, "sees", zone.sees)


def _touchpoint(out: _Out, tp: Touchpoint) -> None:
    i = "    "
    out.text(i, "name", tp.name or None)
    out.word(i, "phase", tp.phase)
    out.text(i, "zone", tp.zone)
    out.words(i, "next", tp.next)
    out.raw(i, "emotion", tp.emotion)
    out.raw(i, "wait", tp.wait)


def _cue(out: _Out, cue: Cue) -> None:
    i = "    "
    out.text(i, "text", cue.text or None)
    out.word(i, "polarity", cue.polarity)
    out.words(i, "senses", cue.senses)
    out.words(i, "motifs", cue.motifs)
    out.words(i, "at", cue.at)
    out.raw(i, "unique", "true" if cue.unique else None)
    out.words(i, "conflicts", cue.conflicts)
    out.word(i, "severity", cue.severity)
    out.word(i, "status", cue.status)
    out.text(i, "remedy", cue.remedy)
    out.text(i, "owner", cue.owner)
    out.raw(i, "effort", cue.effort)
    out.raw(i, "impact", cue.impact)


def _layer(out: _Out, layer: Layer) -> None:
    i = "    "
    out.word(i, "sense", layer.sense)
    out.text(i, "name", layer.name or None)
    out.words(i, "at", layer.at)
    out.raw(i, "intensity", layer.intensity if layer.intensity != 1 else None)
    out.words(i, "motifs", layer.motifs)


def _souvenir(out: _Out, souvenir: Souvenir) -> None:
    i = "    "
    out.text(i, "name", souvenir.name or None)
    out.words(i, "motifs", souvenir.motifs)
    out.words(i, "evokes", souvenir.evokes)
    out.words(i, "at", souvenir.at)
    out.raw(i, "price", amount_text(souvenir.price))
    out.raw(i, "plain_price", amount_text(souvenir.plain_price))


def _action(out: _Out, action: Action) -> None:
    i = "    "
    out.text(i, "text", action.text or None)
    out.word(i, "lane", action.lane)
    out.words(i, "at", action.at)
    out.text(i, "zone", action.zone)
    out.text(i, "owner", action.owner)
    out.raw(i, "minutes", action.minutes)
    out.raw(i, "tolerance", action.tolerance)
    out.text(i, "fail", action.fail)
    out.text(i, "recovery", action.recovery)
    out.words(i, "needs", action.needs)


def _persona(out: _Out, persona: Persona) -> None:
    i = "    "
    out.text(i, "name", persona.name or None)
    out.raw(i, "share", persona.share)
    out.words(i, "skips", persona.skips)
    out.raw(i, "emotion", number_map(persona.emotion) if persona.emotion else None)


def amount_text(amount: float | None) -> str | None:
    """A price as the file writes it: `24`, `9.5` (a whole float drops its `.0`)."""
    if amount is None:
        return None
    if isinstance(amount, float):
        if amount.is_integer():
            return str(int(amount))
        # repr is the shortest text that reads back as the same float; Decimal spells it
        # without an exponent (1e-05 -> 0.00001), which the format does not read.
        return format(Decimal(repr(amount)), "f")
    return str(amount)


def number_map(numbers: dict[str, int]) -> str:
    """A flow mapping of ids to numbers, in the order given: `{storm: -1, farewell: 3}`."""
    return "{" + ", ".join(f"{scalar(k, flow=True)}: {v}" for k, v in numbers.items()) + "}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader only ever sees the old or the new file.

    The bytes go to a temporary file in the same folder, are flushed and
    fsynced, then renamed over the target; on any failure the temporary file
    is removed and the previous file is left as it was. Through a symbolic link
    the file it points to is replaced (a rename would replace the link itself).
    """
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    mode = None
    if path.exists():
        mode = path.stat().st_mode & 0o7777
        # A rename needs only the folder's permission: a read-only file would be
        # replaced all the same, so its own permission is checked here.
        if not os.access(path, os.W_OK):
            raise PermissionError(errno.EACCES, _("the file is read-only"), str(path))
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
