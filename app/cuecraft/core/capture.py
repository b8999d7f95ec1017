"""What a line typed in a workshop means: the text, and only the motifs the room named.

A facilitator types `Thunder rolls every 20 minutes #thunderstorm` on the projector.
The item gets exactly what was typed: its text, plus a motif for every `#tag`. Nothing
is guessed (no theme motif is added on the room's behalf), so the checks then say
honestly what is still missing (THM001 for a cue that carries no motif of the theme).

A tag is `#` at the start of a word followed by a letter: `#rainforest`, `#dzika-przyroda`,
`#雨林`. `Table #5` keeps its `#5` as text. A tag names a theme motif when it equals it
ignoring case, with `-` or `_` standing for a space (`#rain-forest` → `rain forest`);
otherwise the tag is kept as typed, a new motif the theme does not list yet.

On the blueprint step a line is an action: `back: restock napkins @ dining hall` is a
backstage action done in the zone `dining-hall` (`capture_action`). An action keeps its
`#` as text: it has no motifs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cuecraft.core.model import PHASES, SENSES, Zone

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

# The lane words understood in every language, each to its lane (SPEC §2.1); the workshop
# adds the spellings of the language it speaks.
LANE_PREFIXES: Mapping[str, str] = {
    "front": "frontstage",
    "frontstage": "frontstage",
    "back": "backstage",
    "backstage": "backstage",
    "support": "support",
}
_COLONS = (":", "\uff1a")  # the full-width colon of Chinese input
# An `@` (or the full-width `＠` of Chinese input) that starts a word, or follows a Chinese
# character (written without spaces), the last one of the line, and what follows it.
_PLACE = re.compile(
    r"(?:^|(?<=[\s\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]))[@＠]([^@＠]*)$"
)


@dataclass(frozen=True)
class TypedAction:
    """One typed blueprint line: what is done, in which lane, and where if an `@` says so."""

    text: str
    lane: str = "frontstage"
    place: str | None = None  # the words after `@` as typed ("" for a bare `@`); None: no `@`


def split_place(line: str) -> tuple[str, str | None]:
    """`restock napkins @ dining hall` -> ("restock napkins", "dining hall"). Only an `@` at
    the start of a word counts (`a@b.pl` stays text), or right after a Chinese character
    (`补充餐巾@厨房`), and `＠` as well; the last one wins."""
    found = _PLACE.search(line)
    if found is None:
        return " ".join(line.split()), None
    return " ".join(line[: found.start()].split()), " ".join(found.group(1).split())


def capture_action(line: str, lane_words: Mapping[str, str] = LANE_PREFIXES) -> TypedAction:
    """Read a typed blueprint line. A lane word before a colon (`:` or `：`) picks the lane;
    `lane_words` maps more spellings (casefolded) to lanes, the English ones always count.
    Without a lane word the action is frontstage and the colon stays in its text."""
    lane = "frontstage"
    cuts = [i for i in (line.find(colon) for colon in _COLONS) if i >= 0]
    if cuts:
        head = " ".join(line[: min(cuts)].split()).casefold()
        found = LANE_PREFIXES.get(head) or lane_words.get(head, "")
        if found in LANE_PREFIXES.values():
            lane, line = found, line[min(cuts) + 1 :]
    text, place = split_place(line)
    return TypedAction(text, lane, place)


def zones_called(zones: Iterable[Zone], typed: str) -> list[str]:
    """The ids of the zones `typed` names: the zone with that id, else every zone with that
    name; case, `-`, `_` and runs of spaces do not matter (`dining hall` is `dining-hall`)."""
    key = _key(typed)
    zones = list(zones)
    by_id = [z.id for z in zones if _key(z.id) == key]
    if by_id or not key:
        return by_id
    return [z.id for z in zones if z.name and _key(z.name) == key]
