"""User text, printed exactly as typed, and the typography of the brief's language.

reportlab's `Paragraph` reads its text as markup: an unescaped `<` crashes it,
`&amp;` turns into `&`, `<font size=40>` is obeyed and `<img src=...>` opens a
local file. So user text never reaches a paragraph except through `markup()`,
which escapes every `<`, `>` and `&`, keeps line breaks as `<br/>`, and wraps
each run of characters the text face lacks in a `<font face=...>` tag of our
own (see fonts.py). The brief's own markup goes through `fixed()`, which gives
its words the same faces (a Chinese heading in the bold Chinese face). Text
drawn straight on the canvas (headers, charts, the graph) goes through
`draw()`, which switches faces per run the same way.

Typography follows the language the brief is written in (`current_language()`
while it is built):

- Polish: a one-letter word (w, z, i, o, u, a) is tied to the next word with a
  no-break space, in user text and the brief's own alike, so no line ends with
  one. Only the text between tags is touched; escaping is never undone.
- Chinese (and any paragraph holding Chinese, Japanese or Korean text): lines
  break between characters, never inside a Latin word, and by the rules of
  Chinese typesetting (kinsoku): no line starts with closing punctuation
  (。，、；：？！」』）” …) and none ends with opening punctuation (「『（“ …);
  "——" and "……" are never split. A character that cannot start a line takes
  the one before it to the next line. reportlab's own wordWrap="CJK" only
  hangs one closing mark, ignores opening ones and cuts Latin words anywhere,
  so `Para` breaks such paragraphs itself (`_cjk_lines`).
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
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines
from reportlab.rl_config import _FUZZ

from cuecraft.brief import fonts
from cuecraft.core.i18n import current_language

ELLIPSIS = "…"
_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " ", "\v": " "})
NBSP = "\u00a0"


def clean(text: str) -> str:
    """Text as typed, minus what no PDF can carry: control characters and lone surrogates."""
    text = text.replace("\r\n", "\n").translate(_NEWLINES)
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities, so the paragraph parser prints them."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- Polish: one-letter words keep to the next word -------------------------------------

_ONE_LETTER = "wzioauWZIOUA"
# After a start, a space, an opening bracket or quote, or the end of one of our tags.
_BEFORE_WORD = r"(?<![^\s>(\[{„“‚‘\"'«»—–])"
_PL_PLAIN = re.compile(_BEFORE_WORD + f"([{_ONE_LETTER}]) +(?=\\S)")
# In markup: tags are matched first and kept whole, so nothing inside a tag changes;
# a closing tag may sit between the letter and its space (`<b>w</b> domu`).
_PL_MARKUP = re.compile(
    r"(<[^>]*>)|" + _BEFORE_WORD + f"([{_ONE_LETTER}](?:</[^>]*>)*) +(?=[^\\s<]|<[^/])"
)


def _pl_markup_sub(match: re.Match[str]) -> str:
    tag = match.group(1)
    return tag if tag is not None else match.group(2) + NBSP


def tie_single_letters(text: str) -> str:
    """Plain `text` with a no-break space after each Polish one-letter word."""
    return _PL_PLAIN.sub("\\1" + NBSP, text) if " " in text else text


def tie_single_letters_markup(markup_text: str) -> str:
    """Paragraph markup with a no-break space after each one-letter word outside the tags."""
    return _PL_MARKUP.sub(_pl_markup_sub, markup_text) if " " in markup_text else markup_text


def _typeset(text: str) -> str:
    """Plain text as the brief's language sets it (before escaping)."""
    return tie_single_letters(text) if current_language() == "pl" else text


# --- faces -------------------------------------------------------------------------------


def markup(text: str, base: str = fonts.TEXT) -> str:
    """Paragraph markup that prints `text` literally, every character in a face that has it.

    `base` is the face the paragraph sets it in: `fonts.BOLD` for a bold style or a
    `<b>` around the result, so Chinese in it takes the bold Chinese face.
    """
    lines = _typeset(clean(text)).split("\n")
    out: list[str] = []
    for line in lines:
        parts: list[str] = []
        for face, chunk in fonts.runs(line, base):
            if face == base:
                parts.append(escape(chunk))
            else:
                parts.append(f'<font face="{face}">{escape(chunk)}</font>')
        out.append("".join(parts))
    return "<br/>".join(out)


_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z]+)")
_FACE_ATTR = re.compile(r"""\b(face|name|fontName|fontname)\s*=\s*(["'])([^"']*)\2""")
_BOLD_TAGS = frozenset(("b", "strong"))
_FACE_TAGS = frozenset(("font", "span"))


def faces(markup_text: str, base: str = fonts.TEXT) -> str:
    """The brief's own paragraph markup with every character in a face that has it.

    Text between tags is cut into runs as `markup()` cuts user text (it is already
    escaped: entities are ASCII and stay in the base face). Inside `<b>` or in a bold
    style the runs take the bold faces, and a `<font face>` of a regular Chinese run
    inside bold is turned into the bold Chinese cut (reportlab's `<font>` resets bold).
    """
    if markup_text.isascii():
        return markup_text
    out: list[str] = []
    bold = 1 if base == fonts.BOLD else 0
    stack: list[tuple[str, str | None]] = []  # open <b>/<font> tags: (name, face or None)
    for token in _TOKEN.findall(markup_text):
        if token[0] != "<":
            chosen = next((face for name, face in reversed(stack) if face), None)
            if chosen is not None and chosen not in (fonts.TEXT, fonts.BOLD):
                out.append(token)  # already in a face of its own
                continue
            run_base = chosen or (fonts.bold_of(base) if bold else base)
            if run_base not in (fonts.TEXT, fonts.BOLD):
                out.append(token)
                continue
            for face, chunk in fonts.runs(token, run_base):
                out.append(chunk if face == run_base else f'<font face="{face}">{chunk}</font>')
            continue
        tag = _TAG_NAME.match(token)
        if tag is None or token.endswith("/>"):
            out.append(token)
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in _BOLD_TAGS or name in _FACE_TAGS:
            if closing:
                while stack:
                    opened, _ = stack.pop()
                    if opened in _BOLD_TAGS:
                        bold -= 1
                    if opened == name:
                        break
            else:
                tag_face: str | None = None
                if name in _FACE_TAGS:
                    found = _FACE_ATTR.search(token)
                    if found is not None:
                        tag_face = found.group(3)
                        if bold and tag_face == fonts.CJK:
                            tag_face = fonts.CJK_BOLD
                            token = token[: found.start(3)] + tag_face + token[found.end(3) :]
                elif name in _BOLD_TAGS:
                    bold += 1
                stack.append((name, tag_face))
        out.append(token)
    return "".join(out)


# --- line breaking of Chinese text -------------------------------------------------------


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
    """The offsets in `value` where a line may break (for the tests and `_cjk_lines`)."""
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


class _Flat:
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


def _emergency(flat: _Flat, start: int, end: int, stop: int, max_width: float) -> int:
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


def _cjk_lines(flat: _Flat, max_widths: Sequence[float], style: Any) -> list[Any]:
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


class Para(Paragraph):  # type: ignore[misc]
    """A paragraph that remembers its line breaks for the width it was last wrapped to,
    and breaks Chinese text by the rules of Chinese typesetting.

    A table wraps each cell to size its rows, again when it splits across a
    page and again to draw it; line breaking depends on the width alone, so
    doing it once per width makes a long brief a good deal faster.
    """

    _wrapped_for: float | None = None
    _cjk: bool | None = None
    _flat: _Flat | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width == self._wrapped_for and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        self._wrapped_for = avail_width if size[1] != 0x7FFFFFFF else None
        return size

    def _breaks_cjk(self) -> bool:
        if self._cjk is None:
            self._cjk = self.style.wordWrap == "CJK" or any(
                HAS_CJK.search(getattr(f, "text", "") or "") for f in self.frags
            )
        return self._cjk

    def breakLines(self, width: Any) -> Any:
        if self._breaks_cjk():
            return self.breakLinesCJK(width)
        return super().breakLines(width)

    def breakLinesCJK(self, max_widths: Any) -> Any:
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        self._cjk = True
        widths = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
        self.height = 0
        if self._flat is None:  # the same for every width
            self._flat = _Flat(self.frags)
        flat = self._flat
        return ParaLines(kind=1, lines=_cjk_lines(flat, widths, self.style))

    def _get_split_blParaFunc(self) -> Any:
        if self._flat is not None and self.blPara.kind == 1:
            return self._split_cjk
        return super()._get_split_blParaFunc()

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        parts: list[Any] = super().split(avail_width, avail_height)
        if len(parts) == 2 and self._flat is not None:
            parts[0]._flat, parts[0]._cjk = self._flat, True  # its lines index our text
        return parts

    def _split_cjk(self, bl_para: Any, start: int, stop: int) -> list[Any]:
        """The fragments of lines start..stop, as they were (no space added at line ends)."""
        assert self._flat is not None
        lines = bl_para.lines
        if not stop:
            return []
        first = lines[start]._span[0]
        last = lines[stop - 1]._span[1]
        return self._flat.frags(first, last, keep_breaks=True)


def para(text: str, style: Any) -> Paragraph:
    """A paragraph of user text in `style`, printed as typed."""
    return Para(markup(text, style.fontName), style)


def fixed(markup_text: str, style: Any) -> Paragraph:
    """A paragraph of the brief's own markup (never user text unless through `markup()`).

    Its words are set in faces that have them (Chinese in the Chinese faces, bold
    where the style or a `<b>` is bold) and by the language's rules.
    """
    if current_language() == "pl":
        markup_text = tie_single_letters_markup(markup_text)
    return Para(faces(markup_text, style.fontName), style)


def cell(value: str, style: Any, column: float) -> Any:
    """User text for a table cell set in the table's own face and size (8.5 pt).

    A short ASCII text that fits the column on one line is handed over as a
    plain string, which a table draws without the paragraph machinery;
    anything else becomes a paragraph.
    """
    room = column - 12.5  # the cell paddings of blocks.data_table
    if value.isascii() and value.isprintable() and stringWidth(value, style.fontName, 8.5) <= room:
        return value
    return para(value, style)


def width(text: str, size: float, base: str = fonts.TEXT) -> float:
    """Width in points of one line of `text` drawn by `draw()`."""
    pieces = fonts.runs(clean(text), base)
    return float(sum(stringWidth(chunk, face, size) for face, chunk in pieces))


def fit(text: str, room: float, size: float, base: str = fonts.TEXT) -> str:
    """`text` on one line, cut with an ellipsis if it is wider than `room` points."""
    line = " ".join(clean(text).split())
    if width(line, size, base) <= room:
        return line
    low, high = 0, len(line)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if width(line[:mid].rstrip() + ELLIPSIS, size, base) <= room:
            low = mid
        else:
            high = mid - 1
    kept = line[:low].rstrip().rstrip(NO_LINE_END + " ")  # no "（…" nor "„…"
    return kept + ELLIPSIS if kept else ""


def draw(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    size: float,
    base: str = fonts.TEXT,
    anchor: str = "start",
) -> float:
    """Draw one line of `text` at baseline `y`, anchored at its "start", "middle" or "end".

    Returns its width.
    """
    pieces = fonts.runs(clean(text).replace("\n", " "), base)
    total = float(sum(stringWidth(chunk, face, size) for face, chunk in pieces))
    if anchor == "middle":
        x -= total / 2
    elif anchor == "end":
        x -= total
    for face, chunk in pieces:
        canvas.setFont(face, size)
        canvas.drawString(x, y, chunk)
        x += stringWidth(chunk, face, size)
    return total
