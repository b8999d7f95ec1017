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
  break by the rules of Chinese typesetting (kinsoku), in `linebreak.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines

from cuecraft.brief import fonts, linebreak
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


class Para(Paragraph):  # type: ignore[misc]
    """A paragraph that remembers its line breaks for the width it was last wrapped to,
    and breaks Chinese text by the rules of Chinese typesetting.

    A table wraps each cell to size its rows, again when it splits across a
    page and again to draw it; line breaking depends on the width alone, so
    doing it once per width makes a long brief a good deal faster.
    """

    _wrapped_for: float | None = None
    _cjk: bool | None = None
    _flat: linebreak.Flat | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width == self._wrapped_for and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        self._wrapped_for = avail_width if size[1] != 0x7FFFFFFF else None
        return size

    def _breaks_cjk(self) -> bool:
        if self._cjk is None:
            self._cjk = self.style.wordWrap == "CJK" or any(
                linebreak.HAS_CJK.search(getattr(f, "text", "") or "") for f in self.frags
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
            self._flat = linebreak.Flat(self.frags)
        flat = self._flat
        return ParaLines(kind=1, lines=linebreak.cjk_lines(flat, widths, self.style))

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
    if len(text) > 1 and text.endswith(ELLIPSIS) and text[:-1].isascii():
        # A Latin name cut short: measured without cutting it into runs per character
        # (labels are fitted by measuring many such candidates).
        return width(text[:-1], size, base) + width(ELLIPSIS, size, base)
    pieces = fonts.runs(clean(text), base)
    return float(sum(stringWidth(chunk, face, size) for face, chunk in pieces))


def measure(value: str, size: float, base: str = fonts.TEXT) -> Callable[[str], float]:
    """`width` for the lines a label makes of `value`: a line that is a piece of `value`
    (one line, spaces as in `value`: its start, or a later line of a wrapped label),
    with or without “…”, is measured from the widths of `value`'s characters, added up
    once; any other line as `width` does. Fitting a name tries several such lines, the
    graph matrix fits a thousand names and the blueprint wraps every action's text."""
    flat = clean(value)
    sums = [0.0]
    fonts.register_text_faces()
    for face, chunk in fonts.runs(flat, base):
        font = getFont(face)
        if not isinstance(font, TTFont):
            return lambda line: width(line, size, base)
        widths, default, scale = font.face.charWidths, font.face.defaultWidth, size / 1000.0
        total = sums[-1]
        for char in chunk:
            total += widths.get(ord(char), default) * scale
            sums.append(total)
    ellipsis = width(ELLIPSIS, size, base)

    def line_width(line: str) -> float:
        start, extra = (line[:-1], ellipsis) if line.endswith(ELLIPSIS) else (line, 0.0)
        if len(sums) == len(flat) + 1:
            if flat.startswith(start):
                return sums[len(start)] + extra
            at = flat.find(start)
            if at > 0:
                return sums[at + len(start)] - sums[at] + extra
        return width(line, size, base)

    return line_width


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
    kept = line[:low].rstrip().rstrip(linebreak.NO_LINE_END + " ")  # no "（…" nor "„…"
    return kept + ELLIPSIS if kept else ""


def add_line(
    lines: Any, x: float, y: float, value: str, size: float, base: str = fonts.TEXT
) -> None:
    """Add one line of `value` at baseline `y` to a text object (`canvas.beginText()`),
    its faces switched per run as `draw` switches them. Many short lines in one text
    object write a page faster than a `draw` each (the graph matrix's row names)."""
    lines.setTextOrigin(x, y)
    for face, chunk in fonts.runs(clean(value).replace("\n", " "), base):
        lines.setFont(face, size)
        lines.textOut(chunk)


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
    widths = [stringWidth(chunk, face, size) for face, chunk in pieces]
    total = float(sum(widths))
    if anchor == "middle":
        x -= total / 2
    elif anchor == "end":
        x -= total
    for (face, chunk), wide in zip(pieces, widths, strict=True):
        canvas.setFont(face, size)
        canvas.drawString(x, y, chunk)
        x += wide
    return total
