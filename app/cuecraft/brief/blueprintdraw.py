"""The service blueprint as a drawing: core's grid (core/blueprint.py), readable at one size.

A column per touchpoint in the journey order, five rows from the guest down
(physical evidence, customer actions, frontstage, backstage, support) and the
three lines between them, labelled. Text is never smaller than the brief's
smallest style (`SMALL`): when the columns do not fit the page at that size,
the grid is cut into parts of neighbouring columns, each repeating the row
headings and saying which steps it shows ("Steps 1–4 of 14"). A part taller
than the room left splits at the line of visibility, its steps named again
overleaf. Positions come from blueprintlayout.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.colors import Color, white
from reportlab.platypus import Flowable

from cuecraft.brief import fonts, text
from cuecraft.brief.blueprintlayout import (
    ARC_ROOM,
    BADGE,
    HEAD_W,
    INSET,
    LEADING,
    LINE_ABOVE,
    MIN_COLUMN,
    PAD,
    ROW_PAD,
    SMALL,
    Block,
    Group,
    Sheet,
    fits,
)
from cuecraft.brief.blueprintwords import Words
from cuecraft.brief.styles import ERROR, FAINT, INK, MUTED, PANEL, RULE, UNIT, WARNING, Palette
from cuecraft.core.blueprint import CUSTOMER, ROWS, Blueprint, Card
from cuecraft.core.graph import DesignGraph
from cuecraft.core.names import full_name, label_lines

LINE_BAND = 5 * UNIT
TITLE_H = 5 * UNIT
STRIP_H = 2 * SMALL * LEADING + 2 * UNIT  # the steps named again over a part's lower rows
PART_GAP = 5 * UNIT
SPLIT_BEFORE = "backstage"  # a part too tall for the room left splits at the line of visibility

Box = tuple[float, float, float, float]  # x, bottom, width, height


def parts(
    bp: Blueprint, graph: DesignGraph, palette: Palette, words: Words, width: float
) -> list[BlueprintPart]:
    """The drawing of `bp` for a frame `width` points wide: one part per group of
    neighbouring columns, as few groups as keep every column `MIN_COLUMN` wide, and
    as even as they can be."""
    fit = max(1, int((width - HEAD_W) // MIN_COLUMN))
    total = max(bp.width, 1)
    count = math.ceil(total / fit)
    per, extra = divmod(total, count)  # the first `extra` parts take one column more
    sheet = Sheet(bp, graph, palette, words, per + (1 if extra else 0), count)
    out, start = [], 0
    for i in range(count):
        end = start + per + (1 if i < extra else 0) - 1
        part = BlueprintPart(sheet, start, end)
        part.spaceBefore = PART_GAP if start else 0
        out.append(part)
        start = end + 1
    return out


class BlueprintPart(Flowable):  # type: ignore[misc]
    """Columns `start`..`end` of the blueprint, in `rows` (all, or those above or below
    the line of visibility when a page break cuts the part in two)."""

    def __init__(
        self, sheet: Sheet, start: int, end: int, rows: Sequence[str] = ROWS, cont: bool = False
    ) -> None:
        super().__init__()
        self.sheet = sheet
        self.start, self.end = start, end
        self.rows = tuple(rows)
        self.cont = cont  # the lower rows, continued from the page before
        self.sizes: set[float] = set()  # every text size drawn: none below SMALL
        self.group: Group | None = None

    @property
    def columns(self) -> range:
        return range(self.start, self.end + 1)

    def _lay_out(self, width: float) -> Group:
        self.group = self.sheet.group(self.start, self.end, width)
        return self.group

    def title(self) -> str:
        """Which steps the part shows, when the blueprint takes more than one part."""
        sheet, words = self.sheet, self.sheet.words
        steps = [c + 1 for c in self.columns if c < len(sheet.bp.columns)]
        if sheet.parts == 1:
            heading = words.title if self.cont else ""
        elif steps:
            heading = words.steps(steps[0], steps[-1], len(sheet.bp.columns))
        else:
            heading = words.unplaced
        return words.continued(heading) if self.cont and heading else heading

    def _strip(self) -> bool:
        """Whether the steps are named above the rows: overleaf, without the guest's row."""
        return self.cont and CUSTOMER not in self.rows

    def _height(self, group: Group, rows: Sequence[str]) -> float:
        top = (TITLE_H if self.title() else 0.0) + (STRIP_H if self._strip() else 0.0)
        return top + sum(
            group.bands[r].height + (LINE_BAND if r in LINE_ABOVE else 0.0) for r in rows
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        group = self._lay_out(avail_width)
        self.width = avail_width
        self.height = self._height(group, self.rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        group = self._lay_out(avail_width)
        if self._height(group, self.rows) <= avail_height:
            return [self]
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        cuts = [self.rows.index(SPLIT_BEFORE)] if SPLIT_BEFORE in self.rows[1:] else []
        if at_top:  # too tall for a whole page: any row boundary will do
            cuts = list(range(len(self.rows) - 1, 0, -1))
        for cut in cuts:
            if self._height(group, self.rows[:cut]) <= avail_height:
                first = BlueprintPart(self.sheet, self.start, self.end, self.rows[:cut], self.cont)
                first.spaceBefore = self.spaceBefore
                rest = BlueprintPart(self.sheet, self.start, self.end, self.rows[cut:], True)
                return [first, rest]
        return []

    def draw(self) -> None:
        canvas, pal = self.canv, self.sheet.palette
        group = self.group
        assert group is not None  # wrapped before it is drawn
        # Every word of the part in one text object, written over the shapes at the end.
        self._words = canvas.beginText()
        self._colour: Color | None = None
        y = self.height
        title = self.title()
        if title:
            self._text(0, y - SMALL - 2, title, SMALL, fonts.BOLD, pal.accent_text)
            y -= TITLE_H
        if self._strip():
            self._steps_strip(group, y)
            y -= STRIP_H
        right = HEAD_W + len(self.columns) * group.colw
        boxes: dict[str, Box] = {}
        for row in self.rows:
            if row in LINE_ABOVE:
                self._line(y - LINE_BAND / 2, LINE_ABOVE[row], right)
                y -= LINE_BAND
            band = group.bands[row]
            if row in ("backstage", "support"):  # out of the guest's sight
                canvas.setFillColor(PANEL)
                canvas.rect(0, y - band.height, right, band.height, stroke=0, fill=1)
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.35)
            for i in range(len(self.columns) + 1):
                x = HEAD_W + i * group.colw
                canvas.line(x, y, x, y - band.height)
            room = fits(SMALL, HEAD_W - 2 * UNIT, fonts.BOLD)
            for i, line in enumerate(label_lines(self.sheet.words.rows[row], room, 3)):
                baseline = y - ROW_PAD - SMALL - i * SMALL * LEADING
                self._text(0, baseline, line, SMALL, fonts.BOLD, pal.accent_text)
            for block in band.blocks:
                self._block(block, y - block.top)
                if block.boxed:
                    boxes[block.id] = (block.x, y - block.top - block.h, block.w, block.h)
            if row == CUSTOMER:
                self._flow(boxes)
            y -= band.height
        self._needs(boxes)
        canvas.drawText(self._words)

    def _text(
        self,
        x: float,
        y: float,
        value: str,
        size: float,
        face: str = fonts.TEXT,
        colour: Color = INK,
        anchor: str = "start",
    ) -> None:
        """One line of text at baseline `y`, anchored at its start, middle or end."""
        self.sizes.add(size)
        if anchor != "start":
            wide = text.width(value, size, face)
            x -= wide / 2 if anchor == "middle" else wide
        if colour is not self._colour:
            self._words.setFillColor(colour)
            self._colour = colour
        text.add_line(self._words, x, y, value, size, face)

    def _steps_strip(self, group: Group, y: float) -> None:
        """Each column's step and name, above the lower rows of a part continued overleaf."""
        sheet = self.sheet
        room = fits(SMALL, group.colw - 2 * INSET, fonts.BOLD)
        for column in self.columns:
            if column < len(sheet.bp.columns):
                name = full_name(sheet.graph.touchpoints[sheet.bp.columns[column]])
                said = f"{column + 1} · {name}"
            else:
                said = sheet.words.unplaced
            for i, line in enumerate(label_lines(said, room, 2)):
                baseline = y - SMALL - 2 - i * SMALL * LEADING
                self._text(group.x(column) + INSET, baseline, line, SMALL, fonts.BOLD)

    def _line(self, y: float, name: str, right: float) -> None:
        """One of the blueprint's three lines across the grid, its name at its start."""
        canvas = self.canv
        label = self.sheet.words.lines[name]
        self._text(0, y - SMALL * 0.35, label, SMALL, fonts.BOLD, self.sheet.palette.accent_text)
        wide = text.width(label, SMALL, fonts.BOLD)
        canvas.saveState()
        canvas.setStrokeColor(self.sheet.palette.mark)
        canvas.setLineWidth(1.0 if name == "visibility" else 0.7)
        if name == "visibility":
            canvas.setDash(4, 2)
        elif name == "internal":
            canvas.setDash(1, 1.5)
        if wide + 1.5 * UNIT < right:
            canvas.line(wide + 1.5 * UNIT, y, right, y)
        canvas.restoreState()

    def _block(self, block: Block, top: float) -> None:
        canvas, pal = self.canv, self.sheet.palette
        if block.boxed:
            canvas.setFillColor(pal.tint if block.kind == "touchpoint" else white)
            canvas.setStrokeColor(FAINT)
            canvas.setLineWidth(0.5)
            stroke = 1 if block.kind == "action" else 0
            canvas.roundRect(block.x, top - block.h, block.w, block.h, 2.5, stroke=stroke, fill=1)
        inner = PAD if block.boxed else 0.0
        y = top - inner
        for line in block.lines:
            y -= line.size * LEADING
            x = block.x + inner
            if line.bullet:
                canvas.setFillColor(pal.mark)
                canvas.circle(x + 1.5, y + line.size * 0.32, 1.2, stroke=0, fill=1)
            if line.indent:
                x += 6
            self._text(x, y + line.size * 0.22, line.text, line.size, line.face, line.colour)
        if block.wait:
            first = top - inner - SMALL * LEADING + SMALL * 0.22
            right = block.x + block.w - PAD
            self._text(right, first, block.wait, SMALL, fonts.BOLD, WARNING, "end")
        if block.fail:
            x, y = block.x + block.w - PAD - BADGE, top - PAD - BADGE
            canvas.setFillColor(ERROR)
            canvas.roundRect(x, y, BADGE, BADGE, 1.5, stroke=0, fill=1)
            fail = self.sheet.words.fail
            self._text(x + BADGE / 2, y + 2.3, fail, SMALL, fonts.BOLD, white, "middle")

    def _flow(self, boxes: dict[str, Box]) -> None:
        """The guest's path: an arrow to the next column, an arc under the steps to a
        column further on (a branch's alternatives stand side by side)."""
        canvas, bp = self.canv, self.sheet.bp
        canvas.setStrokeColor(self.sheet.palette.mark)
        canvas.setFillColor(self.sheet.palette.mark)
        canvas.setLineWidth(0.8)
        for a, b in bp.flow:
            if a not in self.columns or b not in self.columns:
                continue
            xa, ya, wa, ha = boxes[bp.columns[a]]
            xb, yb, wb, _hb = boxes[bp.columns[b]]
            if b == a + 1:
                mid = ya + ha / 2
                canvas.line(xa + wa, mid, xb - 1, mid)
                _head(canvas, xb, mid, 0.0)
                continue
            depth = min(ARC_ROOM - 2, 6 + 3 * (abs(b - a) - 2))
            x0, x1 = xa + wa / 2 + 4, xb + wb / 2 - 4
            path = canvas.beginPath()
            path.moveTo(x0, ya)
            path.curveTo(x0, ya - depth, x1, yb - depth, x1, yb - 1)
            canvas.drawPath(path, stroke=1, fill=0)
            _head(canvas, x1, yb, math.pi / 2)

    def _needs(self, boxes: dict[str, Box]) -> None:
        """A dashed arrow from each action to the action that needs it."""
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(MUTED)
        canvas.setFillColor(MUTED)
        canvas.setLineWidth(0.7)
        canvas.setDash(2, 1.5)
        for action, other in self.sheet.bp.needs:
            if action not in boxes or other not in boxes:
                continue
            (sx, sy, sw, sh), (dx, dy, dw, dh) = boxes[other], boxes[action]
            low, high = max(sx, dx), min(sx + sw, dx + dw)
            if high - low > 8:  # one above the other
                x = (low + high) / 2
                start, end = (sy, dy + dh) if sy > dy else (sy + sh, dy)
                canvas.line(x, start, x, end + (1 if sy > dy else -1))
                _head(canvas, x, end, -math.pi / 2 if sy > dy else math.pi / 2)
                continue
            sm, dm = sy + sh / 2, dy + dh / 2
            rightwards = sx + sw <= dx
            x0 = sx + sw if rightwards else sx
            x1 = dx if rightwards else dx + dw
            angle = math.atan2(dm - sm, x1 - x0)
            canvas.line(x0, sm, x1 - math.cos(angle), dm - math.sin(angle))
            _head(canvas, x1, dm, angle)
        canvas.restoreState()


def _head(canvas: Any, x: float, y: float, angle: float, size: float = 4.0) -> None:
    """A filled arrowhead with its tip at (x, y), pointing along `angle` (radians)."""
    cos, sin = math.cos(angle), math.sin(angle)
    back_x, back_y = x - size * cos, y - size * sin
    half = size * 0.55
    path = canvas.beginPath()
    path.moveTo(x, y)
    path.lineTo(back_x - half * sin, back_y + half * cos)
    path.lineTo(back_x + half * sin, back_y - half * cos)
    path.close()
    canvas.saveState()
    canvas.setDash()
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class CutActions(Flowable):  # type: ignore[misc]
    """What `told` makes of the actions crowded lanes had no room for ("+N more"), under
    the drawing; nothing when every action was drawn. Made when laid out, after the parts
    above it, which find the cut ones."""

    def __init__(self, sheet: Sheet, told: Callable[[list[Card]], Flowable]) -> None:
        super().__init__()
        self.sheet = sheet
        self.told = told
        self._said: Flowable | None = None

    def _flowable(self) -> Flowable | None:
        if self._said is None and self.sheet.cut:
            self._said = self.told(sorted(self.sheet.cut.values(), key=lambda c: c.column))
        return self._said

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        said = self._flowable()
        if said is None:
            return 0.0, 0.0
        width, height = said.wrap(avail_width, avail_height)
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        said = self._flowable()
        return [] if said is None else list(said.split(avail_width, avail_height))

    def draw(self) -> None:
        said = self._flowable()
        if said is not None:
            said.drawOn(self.canv, 0, 0)
