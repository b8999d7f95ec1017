"""Building blocks shared by the sections: tables that split well, chips, key figures."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from cuecraft.brief import fonts, text
from cuecraft.brief.styles import ERROR, INK, MUTED, PANEL, RULE, UNIT, Styles
from cuecraft.core.i18n import _

# A row shorter than this moves to the next page whole; a taller one (say a
# cell holding a 5,000-character word) is split inside the row, across pages.
SPLIT_INSIDE_ROWS_TALLER_THAN = 420.0
MIN_ROW_PIECE = 3 * UNIT
# Widows and orphans of a table: at least this many rows (not counting sub-heading
# rows) stay on each side of a split, unless the table starts at the top of a page.
ROWS_AT_A_SPLIT = 3


class BriefTable(Table):  # type: ignore[misc]
    """A table set in the text face that splits well across pages.

    Every table of the brief is one: reportlab's Table otherwise selects
    Helvetica for its cells, which would sit unembedded in the PDF.

    Where a table splits, at least `ROWS_AT_A_SPLIT` rows stay on each side, a
    sub-heading row (a step of the journey) never ends a page, and when the page
    breaks between a step's rows its sub-heading is repeated overleaf, marked
    "(cont.)". A table that cannot split so moves to the next page whole; at the
    top of a page it splits as best it can.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not kwargs.get("normalizedData"):  # the parts of a split keep their cells' faces
            self.setStyle([("FONT", (0, 0), (-1, -1), fonts.TEXT, 8.5)])

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        return self.split_rows(avail_width, avail_height, bool(getattr(frame, "_atTop", False)))

    def split_rows(self, avail_width: float, avail_height: float, at_top: bool) -> list[Flowable]:
        """The table's parts for `avail_height` points, by the rules above; [] to move it."""
        self._calc(avail_width, avail_height)
        head = self._head_rows()
        if self._too_tall(min(head, len(self._rowHeights) - 1)):
            return self._split(avail_width, avail_height, inside=True)
        for least in (ROWS_AT_A_SPLIT, 1) if at_top else (ROWS_AT_A_SPLIT,):
            rest = self._split_row(avail_height, least)
            if rest:
                return self._split_before(avail_width, rest)
        if at_top:  # no row fits: cut the first one where the page ends
            return self._split(avail_width, avail_height, inside=True)
        return []

    def _head_rows(self) -> int:
        repeat = self.repeatRows
        return repeat if isinstance(repeat, int) else len(repeat)

    def _split_row(self, avail_height: float, least: int) -> int:
        """The first row overleaf of the lowest split that fits and keeps `least` rows on
        each side, with no sub-heading row last on the page; 0 if there is none."""
        heights = self._rowHeights
        head, total = self._head_rows(), len(heights)
        bands = [_is_band(row[0]) for row in self._cellvalues]
        rows_before = [0] * (total + 1)  # rows (not sub-headings) above each row
        for i in range(total):
            rows_before[i + 1] = rows_before[i] + (0 if bands[i] or i < head else 1)
        rows = rows_before[total]
        used, fits = 0.0, head
        for i in range(total):
            used += heights[i] or 0
            if used > avail_height:
                break
            fits = i + 1
        for rest in range(min(fits, total - 1), head, -1):
            if bands[rest - 1]:
                continue
            if rows_before[rest] >= least and rows - rows_before[rest] >= least:
                return rest
        return 0

    def _split_before(self, avail_width: float, rest: int) -> list[Flowable]:
        """The table split before row `rest`, the step's sub-heading repeated if the page
        breaks inside a step."""
        head = self._head_rows()
        band = next(
            (i for i in range(rest - 1, head - 1, -1) if _is_band(self._cellvalues[i][0])), None
        )
        repeat = band is not None and not _is_band(self._cellvalues[rest][0])
        if band is not None and repeat:
            self.repeatRows: int | tuple[int, ...] = (*range(head), band)
        try:
            parts = self._split(avail_width, sum(self._rowHeights[:rest]) + 0.25, inside=False)
        finally:
            self.repeatRows = head
        for part in parts:
            part.repeatRows = head
        if repeat and len(parts) == 2:
            over = parts[1]
            over._cellvalues[head] = [_continued(self._cellvalues[band][0])] + [""] * (
                len(over._cellvalues[head]) - 1
            )
            over._argH[head] = None  # "(cont.)" may take another line
        return parts

    def _too_tall(self, row: int) -> bool:
        heights = self._rowHeights
        return row < len(heights) and (heights[row] or 0) > SPLIT_INSIDE_ROWS_TALLER_THAN

    def _split(self, avail_width: float, avail_height: float, inside: bool) -> list[Flowable]:
        """Split between rows, or (`inside`) inside the row where the page ends."""
        self._calc(avail_width, avail_height)
        self.splitInRow = MIN_ROW_PIECE if inside else 0
        self.splitByRow = 0 if inside else 1
        parts: list[Flowable] = Table.split(self, avail_width, avail_height)
        return parts


class BandLabel(str):
    """The text of a sub-heading row spanning a table (see `data_table`)."""

    is_band = True
    band_text = ""


def band_label(cell: Any) -> Any:
    """The label of a sub-heading row's cell (reportlab may hand it in a tuple)."""
    if isinstance(cell, list | tuple) and cell:
        return cell[0]
    return cell


def _continued(cell: Any) -> Any:
    """A sub-heading row's cell again, marked as continued from the page before."""
    label = band_label(cell)
    heading = getattr(label, "band_text", "") or (
        str(label) if isinstance(label, str) else label.getPlainText()
    )
    # TRANSLATORS: a heading repeated at the top of a page, its table continued from the page before
    again = _("{heading} (cont.)").format(heading=heading)
    style = getattr(label, "style", None)
    out: Any = BandLabel(again) if style is None else text.para(again, style)
    out.is_band = True
    out.band_text = heading
    out.continued = True
    return out


def _is_band(cell: Any) -> bool:
    return bool(getattr(band_label(cell), "is_band", False))


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
        spans = _is_band(row[0])
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


# --- keeping things together, and charts that fit the page ------------------------------

SHRINK_AT_MOST = 0.6  # a chart is drawn no smaller than this share of its size


class Shrinkable(Flowable):  # type: ignore[misc]
    """A chart drawn smaller, down to `least` of its size, to fit the room left on the page.

    A chart that misses the page foot by a little would otherwise jump to the next
    page and leave a gap; scaled a little, it stays. Only below `least` does it move.
    """

    def __init__(self, child: Flowable, least: float = SHRINK_AT_MOST) -> None:
        super().__init__()
        self.child = child
        self.least = least
        self.scale = 1.0
        self.most = float("inf")  # a height asked for by `KeepWithNext`

    def natural(self, avail_width: float) -> tuple[float, float]:
        """The chart's own size, unscaled."""
        w, h = self.child.wrap(avail_width, 1e6)
        return float(w), float(h)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = self.natural(avail_width)
        room = min(avail_height, self.most)
        self.scale = 1.0 if h <= room else max(self.least, room / h)
        self.width, self.height = w * self.scale, h * self.scale
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.scale, self.scale)
        self.child.drawOn(canvas, 0, 0)
        canvas.restoreState()


class Beside(Flowable):  # type: ignore[misc]
    """A chart with notes beside it, both vertically centred; the chart shrinks to fit
    the room left on the page (`Shrinkable`), the notes keep their size."""

    def __init__(
        self, chart: Flowable, notes: Sequence[Flowable], gap: float = 4 * UNIT, **kw: Any
    ) -> None:
        super().__init__()
        self.chart = chart if isinstance(chart, Shrinkable) else Shrinkable(chart, **kw)
        self.notes = list(notes)
        self.gap = gap
        self._placed: list[tuple[Flowable, float]] = []

    @property
    def most(self) -> float:
        return self.chart.most

    @most.setter
    def most(self, value: float) -> None:
        self.chart.most = value

    @property
    def least(self) -> float:
        return self.chart.least

    def natural(self, avail_width: float) -> tuple[float, float]:
        chart_w, chart_h = self.chart.natural(avail_width)
        return avail_width, max(chart_h, self._notes_height(avail_width - chart_w - self.gap))

    def _notes_height(self, width: float) -> float:
        self._placed = []
        y = 0.0
        for note in self.notes:
            _w, h = note.wrap(width, 1e6)
            y += note.getSpaceBefore() if self._placed else 0.0
            self._placed.append((note, y + h))
            y += h + note.getSpaceAfter()
        return y

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._chart_w = self.chart.natural(avail_width)[0]
        self._notes_h = self._notes_height(avail_width - self._chart_w - self.gap)
        _w, chart_h = self.chart.wrap(avail_width, max(avail_height, self._notes_h))
        self.height = max(chart_h, self._notes_h)
        return self.width, self.height

    def draw(self) -> None:
        chart = self.chart
        chart.drawOn(self.canv, (self._chart_w - chart.width) / 2, (self.height - chart.height) / 2)
        left = self._chart_w + self.gap
        top = self.height - (self.height - self._notes_h) / 2
        for note, bottom in self._placed:
            note.drawOn(self.canv, left, top - bottom)


class KeepWithNext(KeepTogether):  # type: ignore[misc]
    """Headings kept with the start of what follows them (reportlab's `keepWithNext` group).

    reportlab moves a whole group to the next page when it does not fit. Here the
    group stays when its charts, drawn smaller (`Shrinkable`), make it fit, or when
    the last block splits with its first part under the headings (a table keeps at
    least `ROWS_AT_A_SPLIT` rows there). Only otherwise does it move: a heading never
    ends a page, and a long table never jumps whole leaving a half-empty page.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        content: list[Flowable] = list(self._content)
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        sizes = [_natural_height(f, aW) for f in content]
        gaps = _gaps(content)
        over = sum(sizes) + sum(gaps) - aH
        if over <= 0:
            return content
        spare = sum(h * (1 - f.least) for f, h in zip(content, sizes, strict=True) if _shrinks(f))
        if spare >= over + FIT_MARGIN:
            for f, h in zip(content, sizes, strict=True):
                if _shrinks(f):
                    f.most = h - (over + FIT_MARGIN) * h * (1 - f.least) / spare
            return content
        *heads, last = content
        room = aH - sum(sizes[:-1]) - sum(gaps)
        parts: list[Flowable] = []
        if room > 0:
            last.canv = self.canv
            if isinstance(last, BriefTable):
                parts = last.split_rows(aW, room, at_top=at_top)
            else:
                parts = last.split(aW, room)
        if len(parts) > 1:
            return [*heads, *parts]
        if at_top:
            return content
        return [self.FrameBreak(), *content]


FIT_MARGIN = 0.5  # points: what rounding may take


def _shrinks(flowable: Flowable) -> bool:
    return isinstance(flowable, Shrinkable | Beside)


def _natural_height(flowable: Flowable, width: float) -> float:
    """The height a flowable takes at its full size."""
    if _shrinks(flowable):
        return float(flowable.natural(width)[1])
    return float(flowable.wrap(width, 1e6)[1])


def _gaps(content: Sequence[Flowable]) -> list[float]:
    """The space a frame leaves above each flowable of a run (the larger of the space
    after the one before and its own space before; none above the first)."""
    gaps = [0.0]
    for before, flowable in itertools.pairwise(content):
        gaps.append(max(float(before.getSpaceAfter()), float(flowable.getSpaceBefore())))
    return gaps
