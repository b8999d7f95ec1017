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

On the personas step a line names a kind of guest and what they skip:
`Family with toddlers 40% skips bar-wait, shop`, `Rodzina z dziećmi pomija bar`,
`带孩子的家庭 跳过 酒吧、商店` (`capture_persona`). The skipped words are matched to
touchpoints by the caller (`items_called`), so a word matching none can be refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

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


class Named(Protocol):
    """An item with an id and a name: a zone, a touchpoint."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


def items_called(items: Iterable[Named], typed: str) -> list[str]:
    """The ids of the items `typed` names: the item with that id, else every item with that
    name; case, `-`, `_` and runs of spaces do not matter (`dining hall` is `dining-hall`)."""
    key = _key(typed)
    items = list(items)
    by_id = [i.id for i in items if _key(i.id) == key]
    if by_id or not key:
        return by_id
    return [i.id for i in items if i.name and _key(i.name) == key]


zones_called = items_called  # a zone typed after `@` on the blueprint step


# -- the personas step: a kind of guest and what they skip ---------------------------------

# The word between a persona and what they skip, in the three languages a room may type
# (whatever language the workbench speaks): English, Polish (singular and plural), Chinese.
SKIP_WORDS: tuple[str, ...] = ("skips", "skip", "pomija", "pomijają", "omija", "omijają", "跳过")
# A share of guests: `40%`, `40 %`, `(40%)`, the full-width `４０％` of Chinese input.
_SHARE = re.compile(r"[(（]?\s*(\d{1,3})\s*[%％]\s*[)）]?")
# What separates the touchpoints a persona skips: commas, the Chinese enumeration comma,
# semicolons.
_SKIP_SEPARATORS = re.compile(r"[,，、;；]")
_NAME_TRIM = " \t,;:—–-(，、；：（"
_SKIP_TRIM = " \t.。"
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class TypedPersona:
    """One typed personas line: who, what share of guests, and the words for what they skip."""

    name: str
    share: int | None = None
    skips: tuple[str, ...] = ()  # as typed: ids or names of touchpoints, not looked up yet


def _skip_word(words: Iterable[str]) -> re.Pattern[str]:
    """The first skip word of a line: a Latin one as a whole word (after a space or a colon,
    `Skip-the-line VIPs` is a name), a Chinese one anywhere (typed without spaces)."""
    alternatives = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        if _CJK.search(word):
            alternatives.append(escaped)
        else:
            alternatives.append(rf"(?:^|(?<=[\s:：])){escaped}(?=$|[\s:：])")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def capture_persona(line: str, skip_words: Iterable[str] = SKIP_WORDS) -> TypedPersona:
    """Read a typed personas line: the name first, a share anywhere (`40%`), then a skip word
    and the touchpoints skipped, separated by commas (`，`, `、` and `;` too). A line with no
    skip word is only a name; a line with only a skip word has no name ("")."""
    share = None
    found = _SHARE.search(line)
    if found is not None:
        share = int(found.group(1))
        line = line[: found.start()] + " " + line[found.end() :]
    skips: tuple[str, ...] = ()
    said = _skip_word(skip_words).search(line)
    if said is not None:
        listed = line[said.end() :].lstrip(" \t:：")
        words = (" ".join(w.split()).strip(_SKIP_TRIM) for w in _SKIP_SEPARATORS.split(listed))
        skips = tuple(w for w in words if w)
        line = line[: said.start()]
    name = " ".join(line.split()).strip(_NAME_TRIM)
    return TypedPersona(name, share, skips)


# Latin letters that do not come apart into a plain letter and an accent.
_PLAIN = str.maketrans(
    dict(zip("łŁđĐøØı", "lLdDoOi", strict=True))
    | {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH"}
)


def latin_slug(name: str, limit: int = 32) -> str:
    """An id made of a Latin name: `Rodzina z dziećmi` -> `rodzina-z-dziecmi`, whole words
    up to `limit` characters; "" when the name has a letter of another script (`带孩子的家庭`),
    which no slug of Latin letters can stand for."""
    folded = unicodedata.normalize("NFKD", name.translate(_PLAIN))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    if any(c.isalpha() and not c.isascii() for c in plain):
        return ""
    words = re.findall(r"[a-z0-9]+", plain.lower())
    slug = words[0][:limit] if words else ""
    for word in words[1:]:
        if len(slug) + 1 + len(word) > limit:
            break
        slug = f"{slug}-{word}"
    return slug
