"""What people call an item: its name or text, shortened for a sentence or a label.

Ids are the file's handles for the design team; a client reads names. Every view,
the brief and the client's wording of findings take an item's name from here, so
that the same cue is called the same in the graph, the findings and the tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from cuecraft.core.model import Action, Cue, Design, Item

ELLIPSIS = "…"
# Characters written without spaces between words (Chinese, Japanese, Korean): a name
# in them is cut at any character, not at a space.
_NO_SPACES = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|(?<=[。！？；])")
NAME_LIMIT = 48  # characters of a name inside a sentence
# Never at the start of a line in Chinese: closing punctuation stays with the word before.
_NO_LINE_START = set("，。、；：！？）」』》〉】”’…,.;:!?)")
_TRIM = " ,;:—–-(，、；：（"


def full_name(item: Item) -> str:
    """The item's name (a cue's text), on one line; its id only when it has none."""
    words = item.text if isinstance(item, (Cue, Action)) else getattr(item, "name", "")
    flat = " ".join((words or "").split())
    return flat or item.id


def width(text: str) -> int:
    """How wide `text` reads, in Latin characters: a Chinese character counts two."""
    if text.isascii():
        return len(text)
    return len(text) + len(_NO_SPACES.findall(text))


def _char_width(char: str) -> int:
    """`width` of one character, without a regular expression (names are cut per character)."""
    code = ord(char)
    wide = 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF
    return 2 if wide or 0xFF00 <= code <= 0xFFEF else 1


def _says_something(sentence: str) -> bool:
    """Whether a first sentence can stand for the whole text: three words or more (four
    characters in Chinese); “Cha!” of “Cha! Cha! the tree frog …” cannot."""
    return len(sentence.split()) >= 3 or len(_NO_SPACES.findall(sentence)) >= 4


def short(text: str, limit: int = NAME_LIMIT) -> str:
    """`text` on one line, at most `limit` Latin characters wide (see `width`): its first
    sentence when that is short enough, else cut at the last word that fits (at any
    character in Chinese) and ended with “…”."""
    flat = " ".join(text.split())
    if width(flat) <= limit:
        return flat
    first = _SENTENCE_END.split(flat, maxsplit=1)[0].rstrip(" .。！？；")
    if 0 < width(first) <= limit and _says_something(first):
        return first
    end, used = 0, 0
    while end < len(flat) and used + _char_width(flat[end]) <= limit - 1:
        used += _char_width(flat[end])
        end += 1
    cut = flat[:end]
    if not _NO_SPACES.search(flat[max(end - 1, 0) : end + 1]) and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-(，、；：（") + ELLIPSIS


def short_name(item: Item, limit: int = NAME_LIMIT) -> str:
    """The item's name shortened for a sentence or a label; never its id unless it has
    no name."""
    return short(full_name(item), limit)


class Names(Mapping[str, str]):
    """Every item id of a design with its short name, each shortened when first asked
    for: a sentence names a few items of thousands."""

    def __init__(self, design: Design, limit: int = NAME_LIMIT) -> None:
        self._items = design.index()
        self._limit = limit
        self._named: dict[str, str] = {}

    def __getitem__(self, item_id: str) -> str:
        name = self._named.get(item_id)
        if name is None:
            name = self._named[item_id] = short_name(self._items[item_id], self._limit)
        return name

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def names(design: Design, limit: int = NAME_LIMIT) -> dict[str, str]:
    """Every item id of the design with its short name."""
    out: dict[str, str] = {}
    for group in (
        design.zones,
        design.touchpoints,
        design.cues,
        design.layers,
        design.souvenirs,
        design.actions,
        design.personas,
    ):
        for item in group:
            out.setdefault(item.id, short_name(item, limit))
    return out


def label_lines(name: str, fits: Callable[[str], bool], lines: int = 2) -> list[str]:
    """A name as a label of at most `lines` lines that each `fits` (a drawing's own
    measure: points on a page, pixels on screen).

    The whole name if it fits; else its first sentence if that fits and says something
    (three words or more: not "Cha!" of "Cha! Cha! the tree frog…"); else as many whole
    words as fit, the last line ended with “…”. Lines break between words (anywhere in
    Chinese), so a label never ends mid-word unless a single word is wider than a line.
    """
    flat = " ".join(name.split())
    whole = _wrap(flat, fits, lines)
    if whole is not None:
        return whole
    first = _SENTENCE_END.split(flat, maxsplit=1)[0].rstrip(" .。！？；")
    if first != flat and _says_something(first):
        sentence = _wrap(first, fits, lines)
        if sentence is not None:
            return sentence
    return _wrap_cut(flat, fits, lines)


def _breaks(text: str) -> list[int]:
    """Where a line may end: before a space, or between characters of Chinese text; never
    after a one-letter word (Polish "w", "z", English "a"), which keeps to the next."""
    if text.isascii():  # only spaces break Latin text: find them, not every character
        return [
            i
            for i in _spaces(text)
            if i > 0 and not (text[i - 1].isalpha() and (i == 1 or text[i - 2] == " "))
        ] + [len(text)]
    out = []
    for i in range(1, len(text)):
        if text[i] == " ":
            if not (text[i - 1].isalpha() and (i == 1 or text[i - 2] == " ")):
                out.append(i)
        elif text[i - 1] != " " and text[i] not in _NO_LINE_START:
            pair = text[i - 1 : i + 1]
            if _NO_SPACES.search(pair):
                out.append(i)
    out.append(len(text))
    return out


def _spaces(text: str) -> list[int]:
    """Where the spaces of `text` are."""
    out, at = [], text.find(" ")
    while at != -1:
        out.append(at)
        at = text.find(" ", at + 1)
    return out


def _longest(text: str, fits: Callable[[str], bool], ending: str = "") -> int:
    """The longest break position whose line (plus `ending`) fits; 0 if none does.

    A longer line is never narrower, so the breaks are searched by halving: a few
    measures per line rather than one per word (the brief's graph matrix measures
    thousands of names)."""

    def fitting(end: int) -> bool:
        line = text[:end].rstrip()
        if ending:
            line = line.rstrip(_TRIM) + ending
        return fits(line)

    breaks = _breaks(text)
    count = _count_fitting(len(breaks), lambda k: fitting(breaks[k]))
    return breaks[count - 1] if count else 0


def _count_fitting(n: int, fitting: Callable[[int], bool]) -> int:
    """How many of the first candidates 0..n-1 fit, when the ones that fit come first."""
    low, high = 0, n
    while low < high:
        middle = (low + high) // 2
        if fitting(middle):
            low = middle + 1
        else:
            high = middle
    return low


def _wrap(text: str, fits: Callable[[str], bool], lines: int) -> list[str] | None:
    """`text` broken into at most `lines` lines that fit, or None if it needs more."""
    out: list[str] = []
    rest = text
    while rest:
        if len(out) == lines:
            return None
        if fits(rest):
            out.append(rest)
            break
        end = _longest(rest, fits)
        if end == 0:
            return None
        out.append(rest[:end].rstrip())
        rest = rest[end:].lstrip()
    return out


def _wrap_cut(text: str, fits: Callable[[str], bool], lines: int) -> list[str]:
    """`text` shortened to `lines` lines, the last ended with “…” after a whole word
    (after any character when one word is wider than a line)."""
    out: list[str] = []
    rest = text
    while len(out) < lines - 1:
        end = _longest(rest, fits)
        if end == 0:
            break
        out.append(rest[:end].rstrip())
        rest = rest[end:].lstrip()
    end = _longest(rest, fits, ELLIPSIS)
    if end:
        out.append(rest[:end].rstrip().rstrip(_TRIM) + ELLIPSIS)
        return out
    # One word wider than a line: cut it at any character.
    end = _count_fitting(len(rest), lambda k: fits(rest[: k + 1] + ELLIPSIS))
    if end:
        out.append(rest[:end].rstrip(_TRIM) + ELLIPSIS)
    return out or [ELLIPSIS]
