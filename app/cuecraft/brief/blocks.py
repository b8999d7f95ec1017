"""Building blocks shared by the sections: tables that split well, chips, key figures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Table, TableStyle

from cuecraft.brief import fonts, tables, text
from cuecraft.brief.styles import ERROR, INK, MUTED, PANEL, RULE, UNIT, Styles
from cuecraft.brief.tables import BandLabel, BriefTable


def data_table(
    head: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    st: Styles,
    *,
    band_rows: Sequence[int] = (),
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A table of user data: a tinted head row repeated on every page, hairlines between rows.

    `band_rows` are indexes (into `rows`) of sub-heading rows spanning the whole width.
    """
    data: list[list[Any]] = [[text.para(h, st.cell_head) for h in head]]
    data.extend(list(row) for row in rows)
    commands: list[tuple[Any, ...]] = [
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * UNIT),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5 * UNIT),
        ("TOPPADDING", (0, 0), (-1, -1), 1.25 * UNIT),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * UNIT),
        ("BACKGROUND", (0, 0), (-1, 0), st.palette.wash),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, st.palette.mark),
        ("LINEBELOW", (0, 1), (-1, -1), 0.35, RULE),
    ]
    for index in band_rows:
        row = index + 1
        label = data[row][0]
        data[row][0] = BandLabel(label) if isinstance(label, str) else label
        data[row][0].band_text = label if isinstance(label, str) else label.getPlainText()
        if not isinstance(label, str):
            label.is_band = True
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("FONT", (0, row), (-1, row), fonts.BOLD, 8.5),
            ("BACKGROUND", (0, row), (-1, row), PANEL),
            ("TOPPADDING", (0, row), (-1, row), 1.5 * UNIT),
        ]
    commands.extend(extra)
    table = BriefTable(
        data,
        colWidths=list(widths),
        repeatRows=1,
        style=TableStyle(commands),
        hAlign="LEFT",
    )
    return table


CELL_PADDING = 3 * UNIT  # left and right, as data_table sets them
ROW_PADDING = 2.75 * UNIT  # top and bottom
CELL_LEADING = 8.5 * 1.2  # a plain string in a cell: the table's 8.5 pt face


def first_rows_height(table: Table, rows: int) -> float:
    """The height of the first `rows` rows of a `data_table` (its head row included), as
    they will be laid out: what a heading needs below it so it never ends a page alone."""
    widths = [float(w) for w in table._colWidths]
    total = 0.0
    for row in table._cellvalues[:rows]:
        spans = tables.is_band(row[0])
        tallest = 0.0
        for value, width in zip(row[:1] if spans else row, widths, strict=False):
            room = (sum(widths) if spans else width) - CELL_PADDING
            tallest = max(tallest, _cell_height(value, room))
        total += tallest + ROW_PADDING
    return total


def _cell_height(value: Any, room: float) -> float:
    if isinstance(value, str):
        return CELL_LEADING * (value.count("\n") + 1)
    if isinstance(value, list | tuple):
        return sum(_cell_height(v, room) for v in value)
    if isinstance(value, Flowable):
        height = float(value.wrap(room, 1e6)[1])
        return height + float(value.getSpaceBefore()) + float(value.getSpaceAfter())
    return CELL_LEADING


def longest_word(values: Sequence[str], size: float, face: str = fonts.TEXT) -> float:
    """The width in points of the widest word (or unbreakable run) among `values`.

    A one-letter word counts with the next one: the typography keeps the two on one
    line (Polish “w trakcie”)."""
    widest = 0.0
    for value in values:
        pieces: list[str] = []
        for word in value.split():
            if pieces and len(pieces[-1]) == 1:
                pieces[-1] += " " + word
            else:
                pieces.append(word)
        widest = max([widest, *(text.width(piece, size, face) for piece in pieces)])
    return widest


def widened(widths: Sequence[float], needs: dict[int, float], donor: int) -> list[float]:
    """Column widths (points) with column i at least `needs[i]` wide: a word of the
    brief's own (a phase, a head) is never broken inside, whatever its language.
    The room comes from the `donor` column, which keeps at least half of its width."""
    out = list(widths)
    for column, need in needs.items():
        grow = min(max(0.0, need + 0.5 - out[column]), out[donor] / 2)
        out[column] += grow
        out[donor] -= grow
    return out


def columns(
    head: Sequence[str],
    widths: Sequence[float],
    needs: dict[int, float] | None = None,
    donor: int | None = None,
) -> list[float]:
    """Column widths (points) for a `data_table` with `head`: every head word whole, and
    column i at least `needs[i]` wide (its content's longest word, say), cell paddings
    included here. The room comes from `donor`, by default the widest column.

    Call it before making the cells: `text.cell` decides by the column's width."""
    wanted = {
        i: longest_word([name], 7.5, fonts.BOLD) + CELL_PADDING for i, name in enumerate(head)
    }
    for i, need in (needs or {}).items():
        wanted[i] = max(wanted.get(i, 0.0), need + CELL_PADDING)
    if donor is None:
        donor = max(range(len(widths)), key=lambda i: widths[i])
    wanted.pop(donor, None)
    return widened(widths, wanted, donor)


def callout(markup: str, ctx: Any, colour: Color | None = None) -> Table:
    """A panel with a coloured rule on its left, for the one thing a reader must not miss."""
    st = ctx.styles
    table = BriefTable(
        [[text.fixed(markup, st.body)]],
        colWidths=[ctx.width],
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PANEL),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, colour or ERROR),
                ("LEFTPADDING", (0, 0), (-1, -1), 4 * UNIT),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4 * UNIT),
                ("TOPPADDING", (0, 0), (-1, -1), 3 * UNIT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1 * UNIT),
            ]
        ),
        hAlign="LEFT",
    )
    return table


class Badge(Flowable):  # type: ignore[misc]
    """A short fixed word (a severity, a status) after a coloured dot; cheap to lay out."""

    SIZE = 8.5

    def __init__(self, word: str, colour: Color) -> None:
        super().__init__()
        self.word = word
        self.colour = colour

    @classmethod
    def width_of(cls, word: str) -> float:
        """The width a badge of `word` takes, dot included."""
        return 9 + text.width(word, cls.SIZE, fonts.BOLD)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, self.width_of(self.word))
        self.height = 10.0
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.colour)
        canvas.circle(2.8, 5.2, 2.8, stroke=0, fill=1)
        canvas.setFillColor(INK)
        text.draw(canvas, 9, 2.2, self.word, self.SIZE, fonts.BOLD)


def coloured(word: str, colour: Color, st: Styles) -> Badge:
    """A short fixed word (a severity, a status) with a coloured dot."""
    del st
    return Badge(word, colour)


class Chips(Flowable):  # type: ignore[misc]
    """Words as rounded tags that wrap onto lines: motifs, senses."""

    SIZE = 8.0
    HEIGHT = 5 * UNIT
    GAP = 1.5 * UNIT

    def __init__(
        self, words: Sequence[str], fill: Color, ink: Color = INK, outline: Color | None = None
    ) -> None:
        super().__init__()
        self.words = list(words)
        self.fill = fill
        self.ink = ink
        self.outline = outline
        self._placed: list[tuple[float, float, float, str]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._placed = []
        x, line = 0.0, 0
        pad = 2.5 * UNIT
        for word in self.words:
            label = text.fit(word, avail_width - 2 * pad, self.SIZE)
            w = text.width(label, self.SIZE) + 2 * pad
            if x > 0 and x + w > avail_width:
                x, line = 0.0, line + 1
            self._placed.append((x, float(line), w, label))
            x += w + self.GAP
        lines = line + 1 if self.words else 0
        self.height = lines * self.HEIGHT + max(0, lines - 1) * self.GAP
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for x, line, w, label in self._placed:
            y = self.height - (line + 1) * self.HEIGHT - line * self.GAP
            canvas.setFillColor(self.fill)
            if self.outline is not None:
                canvas.setStrokeColor(self.outline)
                canvas.setLineWidth(0.6)
            canvas.roundRect(
                x, y, w, self.HEIGHT, self.HEIGHT / 2, stroke=int(self.outline is not None), fill=1
            )
            canvas.setFillColor(self.ink)
            text.draw(canvas, x + w / 2, y + 1.45 * UNIT, label, self.SIZE, anchor="middle")


class KeyFigures(Flowable):  # type: ignore[misc]
    """A strip of big numbers with small labels under them."""

    def __init__(self, figures: Sequence[tuple[str, str]], st: Styles) -> None:
        super().__init__()
        self.figures = list(figures)
        self.st = st

    LABEL_LINES = 3  # a label longer than this is cut with an ellipsis
    LABEL_LEADING = 9.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        cell = avail_width / max(1, len(self.figures))
        self._labels = [
            wrap_words(label, cell - 4 * UNIT, 7.5, lines=self.LABEL_LINES)
            for _value, label in self.figures
        ]
        lines = max((len(lines) for lines in self._labels), default=1)
        # Room for two lines of label under the figures; a third (a long word in Polish) adds one.
        self._extra = max(0, lines - 2) * self.LABEL_LEADING
        self.height = 16 * UNIT + self._extra
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        n = max(1, len(self.figures))
        cell = self.width / n
        up = self._extra
        for i, (value, _label) in enumerate(self.figures):
            x = i * cell
            if i:
                canvas.setStrokeColor(RULE)
                canvas.setLineWidth(0.5)
                canvas.line(x - 2 * UNIT, 2 * UNIT, x - 2 * UNIT, self.height - 2 * UNIT)
            canvas.setFillColor(self.st.palette.accent_text)
            text.draw(canvas, x, 8 * UNIT + up, value, 22, fonts.BOLD)
            canvas.setFillColor(MUTED)
            for k, line in enumerate(self._labels[i]):
                text.draw(canvas, x, 4.5 * UNIT + up - k * self.LABEL_LEADING, line, 7.5)


# The pieces a label may break between: a Chinese character (or kana, hangul), or a
# run of other letters up to a space, each with the opening marks before it and the
# closing marks after it (no line starts with “。” or ends with “（”).
_OPEN = "「『《〈【“‘\uff08\uff3b"
_CLOSE = "。，、；：？！」』》〉】”’%\uff05\uff09\uff0c\uff1a\uff1b\uff01\uff1f\uff3d·"
_CJK = "\u2e80-\u2fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_PIECES = re.compile(f"[{_OPEN}]*(?:[{_CJK}]|[^\\s{_CJK}{_OPEN}{_CLOSE}]+)[{_CLOSE}]*|\\S")


def wrap_words(value: str, room: float, size: float, lines: int) -> list[str]:
    """`value` broken into at most `lines` lines of `room` points (the last cut): at spaces,
    and between Chinese characters (never before a closing mark)."""
    out: list[str] = []
    current = ""
    pieces = [(m.group(), m.start()) for m in _PIECES.finditer(value)]
    for piece, start in pieces:
        spaced = start > 0 and value[start - 1].isspace()
        trial = f"{current} {piece}" if current and spaced else current + piece
        if current and text.width(trial, size) > room:
            out.append(current)
            current = piece
            if len(out) == lines - 1:
                current = value[start:].strip()
                break
        else:
            current = trial
    if current:
        out.append(text.fit(current, room, size))
    return out
