"""The journey chart: the designed feeling at each step and, when guests answered, their NPS.

Designed (the upper panel): the target feeling (−3..+3) as a line of beads,
phases as bands, the peak and the ends ringed (peak–end rule). Measured (a
panel of its own below, on the same steps): the Net Promoter Score guests gave
each step (−100..+100) as a diamond with its 95% interval as a whisker —
hollow with fewer than `MIN_RESPONSES` answers (not yet evidence), in the
error colour at a detractor hotspot (NPS below 0 from enough answers,
FBK001) — and a legend under the chart. The two are on separate panels with
their own zero lines: a feeling of +1 and an NPS of +17 say different things,
and one shared zero would invite the reader to compare them.

Along the x-axis: each step's number and its touchpoint's name, slanted so long
names fit. The line follows the journey's `next` links, not the list: where the
journey branches, the alternatives share one step, side by side, and the line
forks to each of them and joins again after them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor, white
from reportlab.platypus import Flowable

from cuecraft.brief import fonts, text, words
from cuecraft.brief.styles import ERROR, FAINT, INK, MUTED, PANEL, RULE, UNIT, Palette, mix
from cuecraft.core.feedback import MIN_RESPONSES
from cuecraft.core.i18n import _, ngettext, pgettext

MEASURED = HexColor("#3C4654")  # slate: apart from any accent, and from the curve in grey print
NPS_TICKS = (-100, -50, 0, 50, 100)
LEGEND_LINE = 3.5 * UNIT
LABEL_SIZE = 7.5
NAME_SIZE = 6.5  # the touchpoint names along the x-axis
NAME_SLANT = 45.0  # degrees: long names fit, and still read left to right
NAME_ROOM = 27 * UNIT  # the longest name along the axis, in points of its slanted line
NAME_GAP = 3.25 * UNIT  # between two names along the axis: closer ones are left out
TOP_ROW = 8 * UNIT  # the row of the phase names above the panels
PANEL_GAP = 6 * UNIT  # between the feeling and the NPS panels
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
class Layout:
    """Where everything goes, worked out in `wrap` for the width given (flowable coordinates).

    Kept on the chart so that tests read what is drawn: the x of every point
    (alternatives share their step's x, spread a little either side of it), the
    panels and their zero lines."""

    left: float
    right: float
    columns: int
    step_x: list[float]  # each point's step: the middle of its column
    xs: list[float]  # each point as drawn: its step's x, alternatives spread either side
    feeling: Box  # the panel of the designed feeling
    nps: Box | None  # the panel of the guests' NPS, below (None without feedback)
    feeling_zero: float
    nps_zero: float | None
    # The points whose step number and name the axis shows, with the name as fitted.
    names: list[tuple[int, str]] = field(default_factory=list)
    names_height: float = 0.0


def minus(value: str) -> str:
    """A number as typeset: a true minus sign, not a hyphen."""
    return value.replace("-", "−")


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class EmotionCurve(Flowable):  # type: ignore[misc]
    """Emotion (−3..3) along the journey; with feedback, the measured NPS on a panel below."""

    def __init__(self, points: Sequence[CurvePoint], palette: Palette, height: float) -> None:
        super().__init__()
        self.points = list(points)
        self.palette = palette
        self.chart_height = height  # the phase row and the panels; names and legend come under
        self.dual = any(p.measured is not None for p in self.points)
        self.columns = [p.column if p.column is not None else i for i, p in enumerate(points)]
        self.edges = self._edges()
        self.layout: Layout | None = None
        self._legend: list[tuple[float, int, str, str]] = []  # x, line, kind, label
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

    @property
    def branches(self) -> bool:
        """Whether two points share a step: the journey offers alternatives there."""
        return len(set(self.columns)) < len(self.columns)

    # -- geometry ------------------------------------------------------------------

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        left, right = LEFT, avail_width - 2 * UNIT
        step_x, xs = self._across(left, right)
        names, names_height = self._names(xs) if xs else ([], 0.0)
        legend = self._layout_legend(avail_width)
        lift = 5 * UNIT + names_height + legend  # the step numbers, the names, the legend
        self.height = self.chart_height + lift
        top = self.height - TOP_ROW
        if self.dual:
            feeling_h = 0.56 * (self.chart_height - TOP_ROW - PANEL_GAP)
            feeling: Box = (left, top - feeling_h, right, top)
            nps: Box | None = (left, lift, right, feeling[1] - PANEL_GAP)
        else:
            feeling, nps = (left, lift, right, top), None
        self.layout = Layout(
            left,
            right,
            max(self.columns, default=-1) + 1,
            step_x,
            xs,
            feeling,
            nps,
            (feeling[1] + feeling[3]) / 2,
            (nps[1] + nps[3]) / 2 if nps else None,
            names,
            names_height,
        )
        return avail_width, self.height

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

    def draw(self) -> None:
        layout = self.layout
        if layout is None or not self.points:
            return
        self._taken = []
        f0, f1 = layout.feeling[1], layout.feeling[3]

        def py(emotion: float) -> float:
            return f0 + (f1 - f0) * (emotion + 3) / 6

        self._bands(layout)
        self._feeling_axis(layout, py)
        if layout.nps is not None:
            n0, n1 = layout.nps[1], layout.nps[3]

            def pn(score: float) -> float:
                return n0 + (n1 - n0) * (score + 100) / 200

            self._nps_axis(layout, layout.nps, pn)
            self._measured_under(layout, pn)
        self._x_axis(layout)
        felt = self._designed(layout, py)
        if layout.nps is not None:
            self._measured_over(layout, pn)
        if self._legend:
            self._draw_legend(layout)
        frame = (layout.left, layout.right, f0, f1)
        if felt:
            self._peak_and_ends(layout.xs, py, frame)
        else:
            self.canv.setFillColor(MUTED)
            text.draw(
                self.canv,
                (layout.left + layout.right) / 2,
                py(0) + 3 * UNIT,
                _("no emotions set"),
                8,
                anchor="middle",
            )
        if layout.nps is not None and len(self.points) <= 40:
            self._hotspot_labels(layout, pn, (layout.left, layout.right, n0, n1))

    def _spacing(self, layout: Layout) -> float:
        """The least room between two points side by side, for the size of the marks."""
        step = (layout.right - layout.left) / max(1, layout.columns)
        widest = max((self.columns.count(c) for c in set(self.columns)), default=1)
        return step / widest

    def _designed(self, layout: Layout, py: Scale) -> bool:
        """The designed curve along the journey's links, broken where a touchpoint has no
        emotion, and its beads; whether any touchpoint has one."""
        canvas, xs, n = self.canv, layout.xs, len(self.points)
        canvas.setStrokeColor(self.palette.mark)
        canvas.setLineWidth(1.6 if n <= 40 else 0.8)
        for i, j in self.edges:
            a, b = self.points[i].emotion, self.points[j].emotion
            if a is not None and b is not None:
                canvas.line(xs[i], py(a), xs[j], py(b))
                self._segment(xs[i], py(a), xs[j], py(b))
        felt = [(i, p.emotion) for i, p in enumerate(self.points) if p.emotion is not None]
        radius = max(1.2, min(3.0, self._spacing(layout) / 4))
        for i, emotion in felt if n <= 60 else ():  # a long journey is a line, not beads
            canvas.setFillColor(self.palette.mark)
            canvas.setStrokeColor(white)
            canvas.setLineWidth(0.8)
            x, y = xs[i], py(emotion)
            canvas.circle(x, y, radius, stroke=1, fill=1)
            r = radius + 1
            self._taken.append((x - r, y - r, x + r, y + r))
        return bool(felt)

    def _peak_and_ends(self, xs: list[float], py: Scale, frame: Box) -> None:
        """Ring the peak and the ends of the designed curve and name them."""
        peak = pgettext("emotion curve", "Peak")
        marks: dict[int, tuple[str, Color]] = {
            i: (peak, self.palette.accent_text) for i, p in enumerate(self.points) if p.is_peak
        }
        peak_i = next(iter(marks), None)
        for i, point in enumerate(self.points):
            if point.is_end and point.emotion is not None:
                colour = ERROR if point.low_end else INK
                end = (
                    pgettext("emotion curve", "Peak · End")
                    if i == peak_i
                    else pgettext("emotion curve", "End")
                )
                marks[i] = (end, colour)
        placed = [
            (xs[i], py(at), label, colour)
            for i, (label, colour) in marks.items()
            if (at := self.points[i].emotion) is not None
        ]
        for x, y, _label, colour in placed:  # every ring first, so no label covers one
            self._ring(x, y, colour)
        side = 1.5 * UNIT
        for x, y, label, colour in placed:
            spots = [
                (x + side, y + 6.5, "start"),
                (x - side, y + 6.5, "end"),
                (x + side, y - 12, "start"),
                (x - side, y - 12, "end"),
            ]
            self._place(spots, label, LABEL_SIZE, colour, frame)

    def _bands(self, layout: Layout) -> None:
        """A band for each stretch of one phase along the journey (usually one per phase),
        and one over the touchpoints no entry reaches, which come last; the phase names
        above. A step shared by alternatives of different phases takes the first one's."""
        canvas = self.canv
        first: dict[int, CurvePoint] = {}
        for i, c in enumerate(self.columns):
            first.setdefault(c, self.points[i])
        step = (layout.right - layout.left) / max(1, layout.columns)
        panels = [p for p in (layout.feeling, layout.nps) if p is not None]
        top = layout.feeling[3]

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
            w = text.draw(canvas, x0 + UNIT, top + 4 * UNIT, label, 7, fonts.BOLD)
            self._taken.append(self._box(x0 + UNIT, top + 4 * UNIT, w, 7, "start"))
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

    def _feeling_axis(self, layout: Layout, py: Scale) -> None:
        canvas = self.canv
        left, right = layout.left, layout.right
        ink = self.palette.accent_text
        labels = []
        for level in range(-3, 4):
            y = py(level)
            canvas.setStrokeColor(RULE if level else FAINT)
            canvas.setLineWidth(0.35 if level else 0.6)
            if level == 0:
                canvas.setDash(2, 2)
            canvas.line(left, y, right, y)
            canvas.setDash()
            canvas.setFillColor(ink)
            label = minus(f"{level:+d}") if level else "0"
            labels.append(text.draw(canvas, left - 2 * UNIT, y - 2.5, label, 7, anchor="end"))
        # TRANSLATORS: the title of the journey chart's upper panel, upright beside its
        # −3..+3 scale; short (it is written in capitals)
        title = pgettext("emotion curve axis", "Designed feeling").upper()
        self._title(layout.feeling, title, ink, max(labels))

    def _nps_axis(self, layout: Layout, panel: Box, pn: Scale) -> None:
        canvas = self.canv
        labels = []
        for tick in NPS_TICKS:
            y = pn(tick)
            canvas.setStrokeColor(RULE if tick else FAINT)
            canvas.setLineWidth(0.35 if tick else 0.6)
            if tick == 0:
                canvas.setDash(2, 2)
            canvas.line(layout.left, y, layout.right, y)
            canvas.setDash()
            canvas.setFillColor(MEASURED)
            label = minus(f"{tick:+d}") if tick else "0"
            labels.append(
                text.draw(canvas, layout.left - 2 * UNIT, y - 2.5, label, 7, anchor="end")
            )
        # TRANSLATORS: the title of the journey chart's lower panel, upright beside its
        # −100..+100 scale of Net Promoter Scores; short (it is written in capitals)
        title = pgettext("emotion curve axis", "Guests’ NPS").upper()
        self._title(panel, title, MEASURED, max(labels))

    def _x_axis(self, layout: Layout) -> None:
        """Under the lowest panel: each step's number and its touchpoint's name, slanted."""
        canvas = self.canv
        bottom = (layout.nps or layout.feeling)[1]
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

    # -- the measured series ---------------------------------------------------------

    def _measured_under(self, layout: Layout, pn: Scale) -> None:
        """The dashed line through the measured points and the interval whiskers."""
        canvas, xs = self.canv, layout.xs
        canvas.setStrokeColor(mix(MEASURED, white, 0.55))
        canvas.setLineWidth(0.8)
        canvas.setDash(2.5, 1.5)
        for i, j in self.edges:
            a, b = self.points[i].measured, self.points[j].measured
            if a is not None and b is not None:
                canvas.line(xs[i], pn(a.score), xs[j], pn(b.score))
                self._segment(xs[i], pn(a.score), xs[j], pn(b.score))
        canvas.setDash()
        spacing = self._spacing(layout)
        cap = min(2.0, spacing * 0.12)
        for i, point in enumerate(self.points):
            m = point.measured
            if m is None:
                continue
            colour = mix(ERROR if m.hotspot else MEASURED, white, 0.75)
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(0.8 if spacing >= 4 else 0.4)
            x, y0, y1 = xs[i], pn(m.low), pn(m.high)
            canvas.line(x, y0, x, y1)
            if cap >= 1:
                canvas.line(x - cap, y0, x + cap, y0)
                canvas.line(x - cap, y1, x + cap, y1)
            self._taken.append((x - cap - 0.5, y0, x + cap + 0.5, y1))

    def _measured_over(self, layout: Layout, pn: Scale) -> None:
        if len(self.points) > 60:
            return  # a long journey: the dashed line and whiskers say it
        size = max(1.8, min(3.6, self._spacing(layout) / 3.5))
        for i, point in enumerate(self.points):
            m = point.measured
            if m is not None:
                x, y = layout.xs[i], pn(m.score)
                self._diamond(x, y, size, ERROR if m.hotspot else MEASURED, m.thin)
                self._taken.append((x - size - 1, y - size - 1, x + size + 1, y + size + 1))

    def _diamond(self, x: float, y: float, size: float, colour: Color, hollow: bool) -> None:
        canvas = self.canv
        path = canvas.beginPath()
        path.moveTo(x, y + size)
        path.lineTo(x + size, y)
        path.lineTo(x, y - size)
        path.lineTo(x - size, y)
        path.close()
        canvas.setFillColor(white if hollow else colour)
        canvas.setStrokeColor(colour if hollow else white)
        canvas.setLineWidth(1.0 if hollow else 0.6)
        canvas.drawPath(path, stroke=1, fill=1)

    def _hotspot_labels(self, layout: Layout, pn: Scale, frame: Box) -> None:
        """The NPS of each hotspot, beside it where nothing else is drawn."""
        gap = max(1.8, min(3.6, self._spacing(layout) / 3.5)) + 1.5
        for i, point in enumerate(self.points):
            m = point.measured
            if m is None or not m.hotspot:
                continue
            label = minus(f"{round(m.score):+d}") if round(m.score) else "0"
            x, y = layout.xs[i], pn(m.score)
            spots = [
                (x + gap, y - 2.5, "start"),
                (x - gap, y - 2.5, "end"),
                (x, pn(m.low) - 8.5, "middle"),
                (x, pn(m.high) + 3, "middle"),
            ]
            self._place(spots, label, 7, ERROR, frame)

    # -- labels ------------------------------------------------------------------------

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
        fitting = [s for s in spots if _inside(self._box(s[0], s[1], w, size, s[2]), limit)]
        clear = [
            s
            for s in fitting
            if not any(_overlaps(self._box(s[0], s[1], w, size, s[2]), t) for t in self._taken)
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

    # -- legend ------------------------------------------------------------------------

    def _layout_legend(self, width: float) -> float:
        """Place the legend's entries on lines under the chart; return the height it takes."""
        self._legend = []
        if not self.dual:
            return 0.0
        measured = [p.measured for p in self.points if p.measured is not None]
        entries = [("measured", _("Guests’ NPS with its 95% interval"))]
        if any(m.thin for m in measured):
            thin = ngettext("Fewer than {n} answer", "Fewer than {n} answers", MIN_RESPONSES)
            entries.append(("thin", thin.format(n=MIN_RESPONSES)))
        if any(m.hotspot for m in measured):
            entries.append(("hotspot", _("NPS below 0: a detractor hotspot")))
        x, line = LEFT, 0
        for kind, label in entries:
            w = 5 * UNIT + text.width(label, LABEL_SIZE)
            if x > LEFT and x + w > width:
                x, line = LEFT, line + 1
            self._legend.append((x, line, kind, label))
            x += w + 5 * UNIT
        return (line + 1) * LEGEND_LINE + 2 * UNIT

    def _draw_legend(self, layout: Layout) -> None:
        canvas = self.canv
        bottom = (layout.nps or layout.feeling)[1] - 5 * UNIT - layout.names_height
        for x, line, kind, label in self._legend:
            y = bottom - 4 * UNIT - line * LEGEND_LINE
            mid = y + 2.5
            cx = x + 1.75 * UNIT
            if kind == "measured":
                canvas.setStrokeColor(mix(MEASURED, white, 0.75))
                canvas.setLineWidth(0.8)
                canvas.line(cx, mid - 4.5, cx, mid + 4.5)
                canvas.line(cx - 2, mid - 4.5, cx + 2, mid - 4.5)
                canvas.line(cx - 2, mid + 4.5, cx + 2, mid + 4.5)
            colour = ERROR if kind == "hotspot" else MEASURED
            self._diamond(cx, mid, 3.2, colour, kind == "thin")
            canvas.setFillColor(MUTED)
            text.draw(canvas, x + 5 * UNIT, y, label, LABEL_SIZE)


def _inside(box: Box, limit: Box) -> bool:
    return box[0] >= limit[0] and box[1] >= limit[1] and box[2] <= limit[2] and box[3] <= limit[3]
