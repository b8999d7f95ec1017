"""User text, printed exactly as typed.

reportlab's `Paragraph` reads its text as markup: an unescaped `<` crashes it,
`&amp;` turns into `&`, `<font size=40>` is obeyed and `<img src=...>` opens a
local file. So user text never reaches a paragraph except through `markup()`,
which escapes every `<`, `>` and `&`, keeps line breaks as `<br/>`, and wraps
each run of characters the text face lacks in a `<font face=...>` tag of our
own (see fonts.py). Text drawn straight on the canvas (headers, charts, the
graph) goes through `draw()`, which switches faces per run the same way.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from cuecraft.brief import fonts

ELLIPSIS = "…"
_NEWLINES = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\t": " ", "\v": " "})


def clean(text: str) -> str:
    """Text as typed, minus what no PDF can carry: control characters and lone surrogates."""
    text = text.replace("\r\n", "\n").translate(_NEWLINES)
    if text.isascii() and text.isprintable():
        return text
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))


def escape(text: str) -> str:
    """`&`, `<` and `>` as entities, so the paragraph parser prints them."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def markup(text: str, base: str = fonts.TEXT) -> str:
    """Paragraph markup that prints `text` literally, every character in a face that has it."""
    lines = clean(text).split("\n")
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


class Para(Paragraph):  # type: ignore[misc]
    """A paragraph that remembers its line breaks for the width it was last wrapped to.

    A table wraps each cell to size its rows, again when it splits across a
    page and again to draw it; line breaking depends on the width alone, so
    doing it once per width makes a long brief a good deal faster.
    """

    _wrapped_for: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width == self._wrapped_for:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        self._wrapped_for = avail_width if size[1] != 0x7FFFFFFF else None
        return size


def para(text: str, style: Any) -> Paragraph:
    """A paragraph of user text in `style`, printed as typed."""
    return Para(markup(text, style.fontName), style)


def fixed(markup_text: str, style: Any) -> Paragraph:
    """A paragraph of the brief's own markup (never user text)."""
    return Para(markup_text, style)


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
    return line[:low].rstrip() + ELLIPSIS if low else ""


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
