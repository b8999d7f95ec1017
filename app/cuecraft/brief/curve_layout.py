"""The step axis the brief's journey charts share, and what they draw along it.

Every journey chart (the design's feeling and guests' NPS in curve.py, the
personas' feelings in curve_personas.py) puts the journey's steps along one
x-axis: each step's number and its touchpoint's name, slanted so long names
fit, alternatives of a branch side by side at one step, phases as bands. Kept
here so that a persona's curve stands on exactly the steps of the design's.
Labels are placed where they cover nothing already drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, white
from reportlab.platypus import Flowable

from cuecraft.brief import fonts, text, words
from cuecraft.brief.styles import FAINT, MUTED, PANEL, UNIT, Palette
from cuecraft.core.i18n import _

LABEL_SIZE = 7.5
LEGEND_LINE = 3.5 * UNIT  # one line of a chart's legend
NAME_SIZE = 6.5  # the touchpoint names along the x-axis
NAME_SLANT = 45.0  # degrees: long names fit, and still read left to right
NAME_ROOM = 27 * UNIT  # the longest name along the axis, in points of its slanted line
NAME_GAP = 3.25 * UNIT  # between two names along the axis: closer ones are left out
TOP_ROW = 8 * UNIT  # the row of the phase names above the panels
LEFT = 13 * UNIT  # room for the panels' titles and scales
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Scale = Callable[[float], float]  # a value to a height on the page


@dataclass(frozen=True)
class Measured:
    """The NPS guests gave one step, its 95% interval and how many answered.

    `thin` and `hotspot` are the core's tests (cuecraft.core.feedback.evidence),
    decided by whoever builds the point, so the chart agrees with FBK001."""

    score: float
    low: float
    high: float
    responses: int
    thin: bool  # too few answers to read much into: drawn hollow
    hotspot: bool  # a detractor hotspot (FBK001): drawn in the error colour


@dataclass(frozen=True)
class CurvePoint:
    label: str  # the step number, under the point
    phase: str
    emotion: int | None
    is_end: bool = False
    low_end: bool = False  # flagged by JRN004
    measured: Measured | None = None
    is_peak: bool = False  # the design's peak (DesignGraph.peak)
    reached: bool = True  # False for a touchpoint no entry reaches (JRN002): last, apart
    name: str = ""  # the touchpoint's name as the axis writes it (short, never its id)
    # Its place along the x-axis, from 0: alternatives of one branch share one (None: its index).
    column: int | None = None
    # The points (indices) it leads to along the journey (None: the next one, a straight line).
    leads_to: tuple[int, ...] | None = None


@dataclass
class Axis:
    """The steps along the x-axis, worked out in `wrap` for the width given (flowable
    coordinates), kept on the chart so that tests read what is drawn: the x of every
    point (alternatives share their step's x, spread a little either side of it)."""

    left: float
    right: float
    columns: int
    step_x: list[float]  # each point's step: the middle of its column
    xs: list[float]  # each point as drawn: its step's x, alternatives spread either side
    # The points whose step number and name the axis shows, with the name as fitted.
    names: list[tuple[int, str]] = field(default_factory=list)
    names_height: float = 0.0


@dataclass
class Layout(Axis):
    """The design's chart: the axis, its panels and their zero lines."""

    feeling: Box = (0.0, 0.0, 0.0, 0.0)  # the panel of the designed feeling
    nps: Box | None = None  # the panel of the guests' NPS, below (None without feedback)
    feeling_zero: float = 0.0
    nps_zero: float | None = None


def minus(value: str) -> str:
    """A number as typeset: a true minus sign, not a hyphen."""
    return value.replace("-", "−")


def overlapping(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class JourneyChart(Flowable):  # type: ignore[misc]
    """A chart over the journey's steps: the axis, the phase bands and placed labels."""

    def __init__(self, points: Sequence[CurvePoint], palette: Palette) -> None:
        super().__init__()
        self.points = list(points)
        self.palette = palette
        self.columns = [p.column if p.column is not None else i for i, p in enumerate(points)]
        self.edges = self._edges()
        self._taken: list[Box] = []  # what labels must not cover

    def _edges(self) -> list[tuple[int, int]]:
        """The links the line follows: forward along the journey, between reached steps."""
        n, out = len(self.points), []
        for i, point in enumerate(self.points):
            targets = point.leads_to if point.leads_to is not None else (i + 1,)
            for j in targets:
                joined = j < n and point.reached and self.points[j].reached
                if joined and self.columns[j] > self.columns[i]:
                    out.append((i, j))
        return out

    def _frame(
        self, avail_width: float
    ) -> tuple[float, float, list[float], list[float], list[tuple[int, str]], float, float]:
        """What every chart on the steps lays out first: its left and right edges, each
        point's step and its x as drawn, the names along the axis and the height under the panels
        (the step numbers, the names, the legend: `_layout_legend`, by each chart) and the
        names' own height."""
        self.width = avail_width
        left, right = LEFT, avail_width - 2 * UNIT
        step_x, xs = self._across(left, right)
        names, names_height = self._names(xs) if xs else ([], 0.0)
        legend = self._layout_legend(avail_width)
        return left, right, step_x, xs, names, names_height, 5 * UNIT + names_height + legend

    def _layout_legend(self, width: float) -> float:
        """The legend's height under the chart, laid out for `width` (each chart has one)."""
        raise NotImplementedError

    @property
    def branches(self) -> bool:
        """Whether two points share a step: the journey offers alternatives there."""
        return len(set(self.columns)) < len(self.columns)

    def _across(self, left: float, right: float) -> tuple[list[float], list[float]]:
        """Each point's step along the x-axis, and its x as drawn: alternatives sharing a
        step stand side by side within it, as far apart as two names along the axis."""
        count = max(self.columns, default=-1) + 1
        step = (right - left) / max(1, count)
        members: dict[int, list[int]] = {}
        for i, c in enumerate(self.columns):
            members.setdefault(c, []).append(i)
        step_x = [left + step * (c + 0.5) for c in self.columns]
        xs = list(step_x)
        gap = self._gap() if self.branches else 0.0
        for alternatives in members.values():
            k = len(alternatives)
            spread = min(gap, step / k) if k > 1 else 0.0
            for j, i in enumerate(alternatives):
                xs[i] += (j - (k - 1) / 2) * spread
        return step_x, xs

    def _gap(self) -> float:
        """The least room between two names along the axis, and so between two step numbers."""
        longest = max((p.label for p in self.points), key=len, default="")
        return max(NAME_GAP, text.width(longest, 6.5) + 0.75 * UNIT)

    def _names(self, xs: list[float]) -> tuple[list[tuple[int, str]], float]:
        """The names written along the axis, fitted, and the height they take.

        Names closer than `_gap` to the one before are left out (a long journey
        shows every few), the last step always kept; only those shown are measured."""
        gap = self._gap()
        order = sorted(range(len(xs)), key=lambda i: (xs[i], i))
        shown: list[int] = []
        for i in order:
            if not shown or xs[i] - xs[shown[-1]] >= gap - 0.01:
                shown.append(i)
        last = order[-1]
        if shown[-1] != last:
            if xs[last] - xs[shown[-1]] < gap and len(shown) > 1:
                shown.pop()
            shown.append(last)
        slant = math.radians(NAME_SLANT)
        out, tallest = [], 0.0
        for i in shown:
            name = self.points[i].name
            room = min(NAME_ROOM, (xs[i] - NAME_SIZE) / math.cos(slant))
            fitted = text.fit(name, room, NAME_SIZE) if name else ""
            out.append((i, fitted))
            if fitted:
                tallest = max(tallest, text.width(fitted, NAME_SIZE) * math.sin(slant))
        return out, (tallest + 1.5 * UNIT if tallest else 0.0)

    def _spacing(self, layout: Axis) -> float:
        """The least room between two points side by side, for the size of the marks."""
        step = (layout.right - layout.left) / max(1, layout.columns)
        widest = max((self.columns.count(c) for c in set(self.columns)), default=1)
        return step / widest

    def _bands(self, layout: Axis, panels: Sequence[Box], names_at: float | None = None) -> None:
        """A band for each stretch of one phase along the journey (usually one per phase),
        and one over the touchpoints no entry reaches, which come last, on every panel;
        the phase names above the highest (or on the baseline `names_at`). A step shared
        by alternatives of different phases takes the first one's."""
        canvas = self.canv
        first: dict[int, CurvePoint] = {}
        for i, c in enumerate(self.columns):
            first.setdefault(c, self.points[i])
        step = (layout.right - layout.left) / max(1, layout.columns)
        top = max(panel[3] for panel in panels)
        names_y = top + 4 * UNIT if names_at is None else names_at

        def stretch(p: CurvePoint) -> str:
            return words.phase(p.phase) if p.reached else _("not reachable")

        start = 0
        count = layout.columns
        for c in range(1, count + 1):
            here = first.get(start)
            if here is None:  # a column nobody stands in (not made by the brief)
                start = c
                continue
            nxt = first.get(c)
            if c < count and nxt is not None and stretch(nxt) == stretch(here):
                continue
            shade = self.palette.wash if here.phase != "during" else PANEL
            canvas.setFillColor(shade if here.reached else white)
            x0 = layout.left + step * start
            for panel in panels:
                canvas.rect(x0, panel[1], step * (c - start), panel[3] - panel[1], 0, 1)
            canvas.setFillColor(MUTED)
            room = step * (c - start) - 2 * UNIT
            label = text.fit(stretch(here).upper(), room, 7, fonts.BOLD)
            w = text.draw(canvas, x0 + UNIT, names_y, label, 7, fonts.BOLD)
            self._taken.append(self._box(x0 + UNIT, names_y, w, 7, "start"))
            start = c

    def _title(self, panel: Box, label: str, colour: Color, scale_width: float) -> None:
        """A panel's title, upright along its left side, outside its scale."""
        canvas = self.canv
        x = panel[0] - 2 * UNIT - scale_width - 1.5 * UNIT
        canvas.saveState()
        canvas.translate(x, (panel[1] + panel[3]) / 2)
        canvas.rotate(90)
        canvas.setFillColor(colour)
        fitted = text.fit(label, panel[3] - panel[1], 6.5, fonts.BOLD)
        text.draw(canvas, 0, 0, fitted, 6.5, fonts.BOLD, "middle")
        canvas.restoreState()

    def _x_axis(self, layout: Axis, bottom: float) -> None:
        """Under the lowest panel (at `bottom`): each step's number and its touchpoint's
        name, slanted."""
        canvas = self.canv
        slant = NAME_SLANT
        lift = 0.35 * NAME_SIZE  # the slanted name's middle, not its baseline, on the tick
        dx, dy = lift * math.sin(math.radians(slant)), lift * math.cos(math.radians(slant))
        canvas.setStrokeColor(FAINT)
        canvas.setLineWidth(0.5)
        for i, name in layout.names:
            x = layout.xs[i]
            canvas.line(x, bottom, x, bottom - UNIT)
            canvas.setFillColor(FAINT)
            text.draw(canvas, x, bottom - 4 * UNIT, self.points[i].label, 6.5, anchor="middle")
            if not name:
                continue
            canvas.saveState()
            canvas.translate(x + dx, bottom - 5.5 * UNIT - dy)
            canvas.rotate(slant)
            canvas.setFillColor(MUTED)
            text.draw(canvas, 0, 0, name, NAME_SIZE, anchor="end")
            canvas.restoreState()

    def _box(self, x: float, y: float, w: float, size: float, anchor: str) -> Box:
        x0 = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
        return (x0, y - 0.22 * size, x0 + w, y + 0.76 * size)

    def _place(
        self,
        spots: Sequence[tuple[float, float, str]],
        label: str,
        size: float,
        colour: Color,
        frame: Box,
    ) -> None:
        """Draw `label` at the first spot where it stays in its panel and covers nothing."""
        left, right, bottom, top = frame
        w = text.width(label, size, fonts.BOLD)
        # Inside the panel, a little over its top (the row of phase names, or the gap).
        limit = (left, bottom + 0.5, right + 1.5 * UNIT, top + 3.25 * UNIT)
        fitting = [s for s in spots if inside_box(self._box(s[0], s[1], w, size, s[2]), limit)]
        clear = [
            s
            for s in fitting
            if not any(overlapping(self._box(s[0], s[1], w, size, s[2]), t) for t in self._taken)
        ]
        x, y, anchor = (clear or fitting or list(spots))[0]
        self.canv.setFillColor(colour)
        text.draw(self.canv, x, y, label, size, fonts.BOLD, anchor)
        self._taken.append(self._box(x, y, w, size, anchor))

    def _segment(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """Keep labels off a line: small boxes along it."""
        pieces = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / 3))
        for k in range(pieces + 1):
            x, y = x0 + (x1 - x0) * k / pieces, y0 + (y1 - y0) * k / pieces
            self._taken.append((x - 1, y - 1, x + 1, y + 1))

    def _ring(self, x: float, y: float, colour: Color) -> None:
        """A ring around a marked point (the peak, an end)."""
        canvas = self.canv
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(1.2)
        canvas.circle(x, y, 5.5, stroke=1, fill=0)
        self._taken.append((x - 6, y - 6, x + 6, y + 6))


def inside_box(box: Box, limit: Box) -> bool:
    return box[0] >= limit[0] and box[1] >= limit[1] and box[2] <= limit[2] and box[3] <= limit[3]


Placed = tuple[float, int, str, str]
"""A legend entry as laid out: its x, its line, its kind and its label."""


def flow_legend(
    entries: Sequence[tuple[str, str]], sample: float, width: float
) -> tuple[list[Placed], float]:
    """Legend entries (kind, label) placed left to right on lines under a chart, each after
    a sample `sample` points wide; the places and the height the lines take."""
    placed: list[Placed] = []
    x, line = LEFT, 0
    for kind, label in entries:
        w = sample + text.width(label, LABEL_SIZE)
        if x > LEFT and x + w > width:
            x, line = LEFT, line + 1
        placed.append((x, line, kind, label))
        x += w + 5 * UNIT
    return placed, (line + 1) * LEGEND_LINE + 2 * UNIT
