"""What people call an item: its name or text, shortened for a sentence or a label.

Ids are the file's handles for the design team; a client reads names. Every view,
the brief and the client's wording of findings take an item's name from here, so
that the same cue is called the same in the graph, the findings and the tables.
"""

from __future__ import annotations

import re

from cuecraft.core.model import Cue, Design, Item

ELLIPSIS = "…"
# Characters written without spaces between words (Chinese, Japanese, Korean): a name
# in them is cut at any character, not at a space.
_NO_SPACES = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s|(?<=[。！？；])")
NAME_LIMIT = 48  # characters of a name inside a sentence


def full_name(item: Item) -> str:
    """The item's name (a cue's text), on one line; its id only when it has none."""
    words = item.text if isinstance(item, Cue) else getattr(item, "name", "")
    flat = " ".join((words or "").split())
    return flat or item.id


def width(text: str) -> int:
    """How wide `text` reads, in Latin characters: a Chinese character counts two."""
    return len(text) + len(_NO_SPACES.findall(text))


def short(text: str, limit: int = NAME_LIMIT) -> str:
    """`text` on one line, at most `limit` Latin characters wide (see `width`): its first
    sentence when that is short enough, else cut at the last word that fits (at any
    character in Chinese) and ended with “…”."""
    flat = " ".join(text.split())
    if width(flat) <= limit:
        return flat
    first = _SENTENCE_END.split(flat, maxsplit=1)[0].rstrip(" .。！？；")
    if 0 < width(first) <= limit:
        return first
    end, used = 0, 0
    while end < len(flat) and used + width(flat[end]) <= limit - 1:
        used += width(flat[end])
        end += 1
    cut = flat[:end]
    if not _NO_SPACES.search(flat[max(end - 1, 0) : end + 1]) and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:—–-(，、；：（") + ELLIPSIS


def short_name(item: Item, limit: int = NAME_LIMIT) -> str:
    """The item's name shortened for a sentence or a label; never its id unless it has
    no name."""
    return short(full_name(item), limit)


def names(design: Design, limit: int = NAME_LIMIT) -> dict[str, str]:
    """Every item id of the design with its short name."""
    out: dict[str, str] = {}
    for group in (design.zones, design.touchpoints, design.cues, design.layers, design.souvenirs):
        for item in group:
            out.setdefault(item.id, short_name(item, limit))
    return out
