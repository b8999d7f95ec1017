"""Where each card of the brief's blueprint stands: core's grid laid out in points.

The grid (columns, rows, cards, flow, needs) is core's (`cuecraft.core.blueprint`);
this module only measures it for a page: which columns share a page, each
card's lines at the sizes the drawing uses, and how the cards of one row stack
when their runs overlap. blueprintdraw.py draws what it lays out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reportlab.lib.colors import Color

from cuecraft.brief import fonts, text
from cuecraft.brief.blueprintwords import Words
from cuecraft.brief.styles import INK, MUTED, UNIT, Palette
from cuecraft.core.blueprint import CUSTOMER, EVIDENCE, LINES, ROWS, Blueprint, Card
from cuecraft.core.graph import DesignGraph
from cuecraft.core.names import full_name, label_lines

SIZE = 8.0  # touchpoint names and action texts
SMALL = 7.5  # everything else: the brief's smallest text style (caption, cell_small, label)
LEADING = 1.25
HEAD_W = 19 * UNIT  # the row headings
MIN_COLUMN = 22 * UNIT  # narrower, and a column would break names into crumbs
INSET = 1.5 * UNIT  # a card's distance from its column's edges
PAD = 3.0  # inside a card
ROW_PAD = 1.5 * UNIT
MIN_BAND = 8 * UNIT
# A row is cut with "+N more" past this height, so the rows above the line of
# visibility, and those below it, each fit a Letter page.
BAND_MAX = 60 * UNIT
ARC_ROOM = 4 * UNIT  # under the touchpoints, for steps that skip a column
BADGE = 9.0  # the "F" of a fail point
EVIDENCE_SHOWN = 3
TEXT_LINES = 12  # an action is printed whole, bar the absurdly long
NAME_LINES = 3
LANES = ROWS[2:]
LINE_ABOVE = {below: name for name, _above, below in LINES}  # a row: the line above it


class Line(NamedTuple):
    text: str
    size: float = SIZE
    face: str = fonts.TEXT
    colour: Color = INK
    bullet: bool = False  # the first line of a cue in the evidence row
    indent: bool = False  # its further lines


@dataclass
class Block:
    """One thing drawn in a row: a cell of evidence, a touchpoint, an action or a note."""

    id: str
    kind: str  # "evidence", "touchpoint", "action", "note"
    x: float
    w: float
    lines: list[Line]
    top: float = 0.0  # below the top of its row
    h: float = 0.0
    fail: bool = False
    wait: str = ""  # "W 20 min"

    @property
    def boxed(self) -> bool:
        return self.kind in ("touchpoint", "action")

    def measure(self) -> float:
        self.h = sum(line.size * LEADING for line in self.lines) + (2 * PAD if self.boxed else 0)
        return self.h


@dataclass
class Band:
    """One row of a group of columns, laid out."""

    row: str
    height: float
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Sheet:
    """What every part of one blueprint shares: the grid, the words, columns per part."""

    bp: Blueprint
    graph: DesignGraph
    palette: Palette
    words: Words
    per: int  # columns a part holds, at most
    parts: int  # parts the drawing takes
    by_cell: dict[tuple[str, int], list[Card]] = field(default_factory=dict)
    needs: dict[str, list[str]] = field(default_factory=dict)  # action: the actions it needs
    # Actions a crowded lane had no room for ("+N more"), in the order met: listed under
    # the drawing, so none is left out of the brief.
    cut: dict[str, Card] = field(default_factory=dict)
    _groups: dict[tuple[int, float], Group] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for card in self.bp.cards:
            self.by_cell.setdefault((card.row, card.column), []).append(card)
        for needer, needed in self.bp.needs:
            self.needs.setdefault(needer, []).append(needed)

    def group(self, start: int, end: int, width: float) -> Group:
        """The layout of columns start..end for a frame `width` wide, worked out once
        for every piece a page break cuts it into."""
        key = (start, width)
        if key not in self._groups:
            self._groups[key] = Group(self, start, end, (width - HEAD_W) / self.per)
        return self._groups[key]


def fits(size: float, room: float, face: str = fonts.TEXT) -> Callable[[str], bool]:
    """Whether a line fits `room` points, for labels of any text."""
    return lambda line: text.width(line, size, face) <= room


def wrapped(value: str, size: float, room: float, lines: int) -> list[str]:
    """`value` in at most `lines` lines `room` points wide (core's label_lines), measured
    from its characters' widths once (`text.measure`)."""
    flat = " ".join(value.split())
    width = text.measure(flat, size)
    return label_lines(flat, lambda line: width(line) <= room, lines)


class Group:
    """Columns start..end, every row laid out at `colw` points a column."""

    def __init__(self, sheet: Sheet, start: int, end: int, colw: float) -> None:
        self.sheet = sheet
        self.start, self.end = start, end
        self.colw = colw
        self.bands = {EVIDENCE: self._evidence(), CUSTOMER: self._customer()}
        lanes = self.cards_in(LANES)
        shown = {card.id for card in lanes}
        for lane in LANES:
            self.bands[lane] = self._lane(lane, [c for c in lanes if c.row == lane], shown)

    @property
    def columns(self) -> range:
        return range(self.start, self.end + 1)

    def x(self, column: int) -> float:
        return HEAD_W + (column - self.start) * self.colw

    def cards_in(self, rows: Sequence[str]) -> list[Card]:
        """The cards of `rows` shown in these columns (an action reaching over columns
        shows wherever its run does), row by row."""
        return [
            card
            for row in rows
            for card in self.sheet.bp.cards
            if card.row == row and card.column <= self.end and card.last >= self.start
        ]

    def _evidence(self) -> Band:
        sheet, band = self.sheet, Band(EVIDENCE, MIN_BAND)
        room = self.colw - 2 * INSET - 6
        for column in self.columns:
            cues = sheet.by_cell.get((EVIDENCE, column), [])
            lines: list[Line] = []
            for card in cues[:EVIDENCE_SHOWN]:
                shown = wrapped(full_name(sheet.graph.cues[card.id]), SMALL, room, 2)
                lines += [Line(s, SMALL, bullet=i == 0, indent=True) for i, s in enumerate(shown)]
            if len(cues) > EVIDENCE_SHOWN:
                more = sheet.words.more(len(cues) - EVIDENCE_SHOWN)
                lines.append(Line(more, SMALL, colour=MUTED))
            if lines:
                block = Block("", "evidence", self.x(column) + INSET, 0.0, lines, top=ROW_PAD)
                band.blocks.append(block)
                band.height = max(band.height, block.measure() + 2 * ROW_PAD)
        return band

    def _customer(self) -> Band:
        sheet, words = self.sheet, self.sheet.words
        bp, band = sheet.bp, Band(CUSTOMER, MIN_BAND)
        w = self.colw - 2 * INSET
        shown = set(self.columns)
        returns = dict(bp.returns)
        for column in self.columns:
            x = self.x(column) + INSET
            if column >= len(bp.columns):  # the actions that serve no touchpoint
                note = [Line(words.unplaced, SMALL, colour=MUTED)]
                band.blocks.append(Block("", "note", x, w, note, top=ROW_PAD))
                continue
            tp = sheet.graph.touchpoints[bp.columns[column]]
            lines = [Line(str(column + 1), SMALL, fonts.BOLD, sheet.palette.accent_text)]
            lines += [Line(s) for s in wrapped(full_name(tp), SIZE, w - 2 * PAD, NAME_LINES)]
            # Steps to and from other pages, and the return to a next visit.
            marks = [f"{a + 1} →" for a, b in bp.flow if b == column and a not in shown]
            marks += [f"→ {b + 1}" for a, b in bp.flow if a == column and b not in shown]
            if column in returns:
                marks.append(f"↺ {returns[column] + 1}")
            if marks:
                lines.append(Line("  ".join(marks), SMALL, colour=MUTED))
            wait = words.wait(tp.wait) if tp.wait else ""
            band.blocks.append(Block(tp.id, "touchpoint", x, w, lines, top=ROW_PAD, wait=wait))
        high = max((b.measure() for b in band.blocks), default=0.0)
        for block in band.blocks:
            if block.boxed:
                block.h = high  # one height, so the arrows between them run straight
        arcs = any(a in shown and b in shown and b != a + 1 for a, b in bp.flow)
        band.height = max(MIN_BAND, high + 2 * ROW_PAD + (ARC_ROOM if arcs else 0.0))
        return band

    def _lane(self, lane: str, cards: list[Card], shown: set[str]) -> Band:
        """A lane's actions, each over its run of columns, stacked where runs overlap."""
        sheet, words = self.sheet, self.sheet.words
        band = Band(lane, MIN_BAND)
        skyline = dict.fromkeys(self.columns, ROW_PAD)
        hidden = dict.fromkeys(self.columns, 0)
        for card in cards:
            c0, c1 = max(card.column, self.start), min(card.last, self.end)
            span = range(c0, c1 + 1)
            w = (c1 - c0 + 1) * self.colw - 2 * INSET
            action = sheet.graph.actions[card.id]
            room = w - 2 * PAD - (BADGE + 2 if card.fail else 0)
            lines = [Line(s) for s in wrapped(full_name(action), SIZE, room, TEXT_LINES)]
            said = [words.joined([m for m in (action.owner, words.minutes(action)) if m])]
            if card.also:
                said.append(words.also([c + 1 for c in card.also]))
            far = [n for n in sheet.needs.get(card.id, []) if n not in shown]
            if far:  # on another page: named, as no arrow can reach it
                said.append(words.needs([full_name(sheet.graph.actions[n]) for n in far]))
            for item in filter(None, said):
                small = wrapped(item, SMALL, w - 2 * PAD, 3)
                lines += [Line(s, SMALL, colour=MUTED) for s in small]
            block = Block(card.id, "action", self.x(c0) + INSET, w, lines, fail=card.fail)
            top = max(skyline[c] for c in span)
            if top + block.measure() > BAND_MAX:
                for c in span:
                    hidden[c] += 1
                sheet.cut.setdefault(card.id, card)
                continue
            block.top = top
            for c in span:
                skyline[c] = top + block.h + UNIT
            band.blocks.append(block)
        for column, count in hidden.items():
            if count:
                line = Line(words.more(count), SMALL, colour=MUTED)
                note = Block("", "note", self.x(column) + INSET, 0.0, [line], top=skyline[column])
                skyline[column] += note.measure()
                band.blocks.append(note)
        band.height = max(MIN_BAND, max(skyline.values(), default=0.0) - UNIT + ROW_PAD)
        return band
