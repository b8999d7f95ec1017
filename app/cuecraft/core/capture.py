"""What a line typed in a workshop means: the text, and only the motifs the room named.

A facilitator types `Thunder rolls every 20 minutes #thunderstorm` on the projector.
The item gets exactly what was typed: its text, plus a motif for every `#tag`. Nothing
is guessed (no theme motif is added on the room's behalf), so the checks then say
honestly what is still missing (THM001 for a cue that carries no motif of the theme).

A tag is `#` at the start of a word followed by a letter: `#rainforest`, `#dzika-przyroda`,
`#雨林`. `Table #5` keeps its `#5` as text. A tag names a theme motif when it equals it
ignoring case, with `-` or `_` standing for a space (`#rain-forest` → `rain forest`);
otherwise the tag is kept as typed, a new motif the theme does not list yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cuecraft.core.model import PHASES, SENSES

_TAG = re.compile(r"(?:(?<=\s)|^)#([^\W\d_][^\s#]*)")


@dataclass(frozen=True)
class Captured:
    """One typed line, taken apart: the item's text, its motifs, and a prefix word if any."""

    text: str
    motifs: tuple[str, ...] = ()
    prefix: str = ""  # a sense ('smell') or a phase ('after') given as 'smell: …'


def _key(motif: str) -> str:
    return " ".join(motif.replace("-", " ").replace("_", " ").split()).casefold()


def split_tags(line: str, theme_motifs: list[str]) -> tuple[str, tuple[str, ...]]:
    """The text without its `#tags`, and the motifs the tags name (theme spelling first)."""
    known = {_key(m): m for m in theme_motifs}
    motifs: list[str] = []
    for tag in _TAG.findall(line):
        motif = known.get(_key(tag), tag)
        if motif not in motifs:
            motifs.append(motif)
    text = " ".join(_TAG.sub(" ", line).split())
    return text, tuple(motifs)


def capture(line: str, theme_motifs: list[str], prefixes: tuple[str, ...] = ()) -> Captured:
    """Read a typed line; `prefixes` are the words allowed before a colon (senses, phases)."""
    text, motifs = split_tags(line, theme_motifs)
    head, colon, rest = text.partition(":")
    if colon and head.strip().lower() in prefixes and rest.strip():
        return Captured(rest.strip(), motifs, head.strip().lower())
    return Captured(text, motifs)


SENSE_PREFIXES: tuple[str, ...] = SENSES
PHASE_PREFIXES: tuple[str, ...] = PHASES
