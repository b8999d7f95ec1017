"""Where a line of Chinese text may break, and the lines of a paragraph broken there.

Chinese (and any paragraph holding Chinese, Japanese or Korean text) breaks
between characters, never inside a Latin word, and by the rules of Chinese
typesetting (kinsoku): no line starts with closing punctuation (。，、；：？！」』）” …)
and none ends with opening punctuation (「『（“ …); "——" and "……" are never
split. A character that cannot start a line takes the one before it to the
next line. reportlab's own wordWrap="CJK" only hangs one closing mark, ignores
opening ones and cuts Latin words anywhere, so `text.Para` breaks such
paragraphs with `cjk_lines` here.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus.paragraph import FragLine
from reportlab.rl_config import _FUZZ

from cuecraft.brief import fonts


def _chars(*parts: str) -> str:
    """Characters for a regular-expression class."""
    return "".join(re.escape(part) for part in parts)


# Never at the start of a line: closing punctuation, stops, iteration and prolonged-sound
# marks, small kana, percent and degree signs, combining marks and joiners.
NO_LINE_START = (
    "!%),.:;?]}"
    "’”‰‱′″‴℃℉°¢…‥‼⁇⁈⁉·‐–›"
    "、。〃〆々〻〕〗〙〛〞〟」』】〉》〜ゝゞヽヾー・゠"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "！％），．：；？］｝｡｣､･ｰ～￠"
    "︐︑︒︓︔︕︖︘﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞"
)
# Never at the end of a line: opening brackets and quotes, currency signs before a number.
NO_LINE_END = "([{‘“„‚‹$£¥〈《「『【〔〖〘〚〝（［｛｟｢＄￥￡﹙﹛﹝"
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\u3099\u309a\ufe00-\ufe0f\u200c\u200d"
_MODIFIERS = "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef"
# Break after, never before (the space stays at the end of the line, unseen).
_SPACES = " \u3000\u200b\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f"
# Never a break on either side: no-break spaces, word joiners, straight quotes (which
# open or close), an object placeholder (an anchor: it sticks to its text).
_GLUE = "\u00a0\u202f\u2007\u2060\ufeff\"'\ufffc"
# Where a line may break without a space: around Chinese, Japanese and Korean characters.
_CJK_RANGES = fonts.CJK_RANGES
_CJKISH = _CJK_RANGES + _chars("—…‥")

HAS_CJK = re.compile(f"[{_CJK_RANGES}]")
# The places a line may break: after a space, or beside a CJK character, unless a
# kinsoku rule forbids it; never inside "——" ("……" is kept by the no-start rule).
_BREAK = re.compile(
    f"(?:(?<=[{_chars(_SPACES)}{_CJKISH}])|(?=[{_CJKISH}]))"
    f"(?<![{_chars(NO_LINE_END, _GLUE)}\n\u200d])"
    f"(?![{_chars(NO_LINE_START, _SPACES, _GLUE)}{_COMBINING}{_MODIFIERS}\n])"
    "(?!(?<=—)—)"
)
_NO_START = frozenset(NO_LINE_START + "\n\u00a0\u202f\u2007\u2060\ufeff\"'\ufffc")
_NO_END = frozenset(NO_LINE_END + "\n\u00a0\u202f\u2007\u2060\ufeff\"'\ufffc\u200d")
_SPACE_SET = frozenset(_SPACES)
_LEADING = frozenset(" \u200b")  # dropped at the start of a line


def _is_no_start(char: str) -> bool:
    return char in _NO_START or unicodedata.category(char) in ("Mn", "Me", "Sk")


def break_opportunities(value: str) -> list[int]:
    """The offsets in `value` where a line may break (for the tests and `cjk_lines`)."""
    found = [m.start() for m in _BREAK.finditer(value)]
    while found and found[-1] >= len(value):
        found.pop()
    return found[1:] if found and found[0] == 0 else found


def _char_widths(frag: Any) -> Callable[[str], list[float]]:
    font = getFont(frag.fontName)
    size = frag.fontSize
    if isinstance(font, TTFont):
        widths = font.face.charWidths
        default = font.face.defaultWidth
        scale = size / 1000.0
        return lambda t: [widths.get(code, default) * scale for code in map(ord, t)]
    name = frag.fontName
    return lambda t: [stringWidth(ch, name, size) for ch in t]


class Flat:
    """A paragraph's fragments as one string: a character per glyph, placeholders for
    line breaks (`\\n`) and zero-text fragments such as anchors (U+FFFC)."""

    def __init__(self, frags: Sequence[Any]) -> None:
        texts: list[str] = []
        widths: list[float] = []
        self.starts: list[int] = []
        self.pieces: list[tuple[int, int, Any]] = []
        pos = 0
        for frag in frags:
            if getattr(frag, "lineBreak", False):
                piece, piece_widths = "\n", [0.0]
            elif hasattr(frag, "cbDefn"):
                width = getattr(frag.cbDefn, "width", 0) or 0
                piece, piece_widths = "\ufffc", [float(width)]
            else:
                piece = frag.text or ""
                if not piece:
                    continue
                piece_widths = _char_widths(frag)(piece)
            self.starts.append(pos)
            self.pieces.append((pos, pos + len(piece), frag))
            texts.append(piece)
            widths.extend(piece_widths)
            pos += len(piece)
        self.text = "".join(texts)
        self.sums = [0.0, *accumulate(widths)]
        self.breaks = break_opportunities(self.text)
        self.forced = (
            [i for i, ch in enumerate(self.text) if ch == "\n"] if "\n" in self.text else []
        )

    def frags(self, start: int, end: int, keep_breaks: bool = False) -> list[Any]:
        """The fragments of text[start:end], cut to it."""
        out: list[Any] = []
        k = max(bisect_right(self.starts, start) - 1, 0)
        while k < len(self.pieces):
            a, b, frag = self.pieces[k]
            if a >= end:
                break
            k += 1
            if b <= start:
                continue
            if getattr(frag, "lineBreak", False):
                if keep_breaks:
                    out.append(frag)
            elif hasattr(frag, "cbDefn"):
                out.append(frag)
            else:
                out.append(frag.clone(text=self.text[max(a, start) : min(b, end)]))
        return out


def _emergency(flat: Flat, start: int, end: int, stop: int, max_width: float) -> int:
    """Where to end a line whose first unbreakable run, text[start:stop], is wider than it.

    Closing punctuation after a run that fits hangs past the margin (as Chinese
    typesetting allows) rather than start the next line; a run too wide anyway (a long
    Latin word) is cut at the last place where the rules allow, past the margin only
    when there is none before it.
    """
    text, sums = flat.text, flat.sums
    core = stop
    while core > start + 1 and _is_no_start(text[core - 1]):
        core -= 1
    if sums[core] - sums[start] <= max_width + _FUZZ:
        return stop

    def allowed(cut: int) -> bool:
        return not _is_no_start(text[cut]) and text[cut - 1] not in _NO_END

    for cut in range(max(end, start + 1), start, -1):
        if allowed(cut):
            return cut
    return next((cut for cut in range(end + 1, stop) if allowed(cut)), stop)


def cjk_lines(flat: Flat, max_widths: Sequence[float], style: Any) -> list[Any]:
    text, sums, breaks, forced = flat.text, flat.sums, flat.breaks, flat.forced
    n = len(text)
    ascents: dict[tuple[str, float], tuple[float, float]] = {}
    lines: list[Any] = []
    start = 0
    while start < n and text[start] in _LEADING:
        start += 1
    while start < n:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        end = bisect_right(sums, sums[start] + max_width + _FUZZ, lo=start) - 1
        while end < n and text[end] in _SPACE_SET:
            end += 1  # spaces hang past the margin, unseen
        k = bisect_left(forced, start)
        line_break = k < len(forced) and forced[k] <= end
        if line_break:
            stop = nxt = forced[k]
            nxt += 1
        elif end >= n:
            stop = nxt = n
        else:
            b = bisect_right(breaks, end)
            if b > 0 and breaks[b - 1] > start:
                stop = breaks[b - 1]
            else:
                run_end = breaks[b] if b < len(breaks) else n
                if k < len(forced):
                    run_end = min(run_end, forced[k])
                stop = _emergency(flat, start, end, run_end, max_width)
            nxt = stop
        visible = stop
        while visible > start and text[visible - 1] in _SPACE_SET:
            visible -= 1
        words = flat.frags(start, visible)
        used = sums[visible] - sums[start]
        size = max((w.fontSize for w in words), default=style.fontSize)
        ascent, descent = 0.0, 0.0
        for w in words or [style]:
            key = (w.fontName, w.fontSize)
            if key not in ascents:
                ascents[key] = getAscentDescent(w.fontName, w.fontSize)
            ascent = max(ascent, ascents[key][0])
            descent = min(descent, ascents[key][1])
        line = FragLine(
            kind=1,
            extraSpace=max_width - used,
            wordCount=1,
            words=words,
            fontSize=size,
            ascent=ascent,
            descent=descent,
            maxWidth=max_width,
            currentWidth=used,
            lineBreak=line_break,
        )
        line._span = (start, nxt)
        lines.append(line)
        start = nxt
        while start < n and text[start] in _LEADING:
            start += 1
    return lines
