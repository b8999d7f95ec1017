"""The journey chart: the designed feeling at each step and, when guests answered, their NPS.

Designed: the target feeling (−3..+3, left axis) as a line of beads, phases as
bands, the peak and the ends ringed (peak–end rule). Measured: the Net
Promoter Score guests gave each step (−100..+100, right axis) as a diamond
with its 95% interval as a whisker — hollow with fewer than `MIN_RESPONSES`
answers (not yet evidence), in the error colour at a detractor hotspot (NPS
below 0 from enough answers, FBK001) — and a legend under the chart. The two
scales share their zero, so "above the line" means the same on both.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Scale = Callable[[float], float]  # a value to a height on the page
Across = Callable[[int], float]  # a step's index to its x


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
    label: str  # the x-axis label, a step number
    phase: str
    emotion: int | None
    is_end: bool = False
    low_end: bool = False  # flagged by JRN004
    measured: Measured | None = None
    is_peak: bool = False  # the design's peak (DesignGraph.peak)
    reached: bool = True  # False for a touchpoint no entry reaches (JRN002): last, apart


def minus(value: str) -> str:
    """A number as typeset: a true minus sign, not a hyphen."""
    return value.replace("-", "−")


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class EmotionCurve(Flowable):  # type: ignore[misc]
    """Emotion (−3..3) along the journey; with feedback, the measured NPS on a second axis."""

    def __init__(self, points: Sequence[CurvePoint], palette: Palette, height: float) -> None:
        super().__init__()
        self.points = list(points)
        self.palette = palette
        self.chart_height = height
        self.dual = any(p.measured is not None for p in self.points)
        self._legend: list[tuple[float, int, str, str]] = []  # x, line, kind, label
        self._taken: list[Box] = []  # what labels must not cover

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.chart_height + self._layout_legend(avail_width)
        return avail_width, self.height

    # -- geometry ------------------------------------------------------------------

    def _plot_area(self) -> tuple[float, float, float, float]:
        """left, right, bottom, top of the plot area."""
        legend = self.height - self.chart_height
        right = self.width - (10 * UNIT if self.dual else 2 * UNIT)
        return 9 * UNIT, right, 7 * UNIT + legend, self.height - 8 * UNIT

    def draw(self) -> None:
        canvas = self.canv
        left, right, bottom, top = self._plot_area()
        n = len(self.points)
        if n == 0:
            return
        step = (right - left) / n
        self._taken = []

        def px(i: int) -> float:
            return left + step * (i + 0.5)

        def py(emotion: float) -> float:
            return bottom + (top - bottom) * (emotion + 3) / 6

        def pn(score: float) -> float:
            return bottom + (top - bottom) * (score + 100) / 200

        self._bands(left, step, bottom, top)
        self._axes(left, right, bottom, top, py, pn)
        # X labels: step numbers, thinned out so they never touch.
        every = max(1, math.ceil(n / max(1, (right - left) / (4 * UNIT))))
        shown = [i for i in range(n) if i % every == 0]
        if shown[-1] != n - 1:  # always the last step, in place of a neighbour too close
            if n - 1 - shown[-1] < max(1, every * 0.6):
                shown.pop()
            shown.append(n - 1)
        canvas.setFillColor(FAINT)
        for i in shown:
            text.draw(canvas, px(i), bottom - 4 * UNIT, self.points[i].label, 7, anchor="middle")
        offset = min(0.22 * step, 2.2 * UNIT) if step >= 8 else 0.0
        if self.dual:
            self._measured_under(n, step, lambda i: px(i) + offset, pn)
        # The curve, broken where a touchpoint has no emotion.
        canvas.setStrokeColor(self.palette.mark)
        canvas.setLineWidth(1.6 if n <= 40 else 0.8)
        for i in range(n - 1):
            a, b = self.points[i].emotion, self.points[i + 1].emotion
            if a is not None and b is not None and self._joined(i):
                canvas.line(px(i), py(a), px(i + 1), py(b))
                self._segment(px(i), py(a), px(i + 1), py(b))
        felt = [(i, p.emotion) for i, p in enumerate(self.points) if p.emotion is not None]
        radius = max(1.2, min(3.0, step / 4))
        for i, emotion in felt if n <= 60 else ():  # a long journey is a line, not beads
            canvas.setFillColor(self.palette.mark)
            canvas.setStrokeColor(white)
            canvas.setLineWidth(0.8)
            canvas.circle(px(i), py(emotion), radius, stroke=1, fill=1)
            x, y, r = px(i), py(emotion), radius + 1
            self._taken.append((x - r, y - r, x + r, y + r))
        if self.dual:
            self._measured_over(n, step, lambda i: px(i) + offset, pn)
        if self._legend:
            self._draw_legend()
        frame = (left, right, bottom, top)
        if felt:
            self._peak_and_ends(px, py, frame)
        else:
            canvas.setFillColor(MUTED)
            text.draw(
                canvas,
                (left + right) / 2,
                py(0) + 3 * UNIT,
                _("no emotions set"),
                8,
                anchor="middle",
            )
        if self.dual and n <= 40:
            self._hotspot_labels(lambda i: px(i) + offset, pn, step, frame)

    def _peak_and_ends(self, px: Across, py: Scale, frame: Box) -> None:
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
            (px(i), py(at), label, colour)
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

    def _joined(self, i: int) -> bool:
        """Whether the line runs from step i to the next: not to or from an unreachable one."""
        return self.points[i].reached and self.points[i + 1].reached

    def _bands(self, left: float, step: float, bottom: float, top: float) -> None:
        """A band for each stretch of one phase along the journey order (usually one per
        phase), and one over the touchpoints no entry reaches, which come last."""
        canvas = self.canv
        n = len(self.points)
        start = 0

        def stretch(p: CurvePoint) -> str:
            return words.phase(p.phase) if p.reached else _("not reachable")

        for i in range(1, n + 1):
            if i == n or stretch(self.points[i]) != stretch(self.points[start]):
                shade = self.palette.wash if self.points[start].phase != "during" else PANEL
                canvas.setFillColor(shade if self.points[start].reached else white)
                canvas.rect(left + step * start, bottom, step * (i - start), top - bottom, 0, 1)
                canvas.setFillColor(MUTED)
                room = step * (i - start) - 2 * UNIT
                label = text.fit(stretch(self.points[start]).upper(), room, 7, fonts.BOLD)
                text.draw(canvas, left + step * start + UNIT, top + 4 * UNIT, label, 7, fonts.BOLD)
                start = i

    def _axes(
        self, left: float, right: float, bottom: float, top: float, py: Scale, pn: Scale
    ) -> None:
        canvas = self.canv
        left_ink = self.palette.accent_text if self.dual else FAINT
        for level in range(-3, 4):
            y = py(level)
            canvas.setStrokeColor(RULE if level else FAINT)
            canvas.setLineWidth(0.35 if level else 0.6)
            if level == 0:
                canvas.setDash(2, 2)
            canvas.line(left, y, right, y)
            canvas.setDash()
            canvas.setFillColor(left_ink)
            label = minus(f"{level:+d}") if level else "0"
            text.draw(canvas, left - 2 * UNIT, y - 2.5, label, 7, anchor="end")
        if not self.dual:
            return
        canvas.setStrokeColor(MEASURED)
        canvas.setLineWidth(0.5)
        canvas.line(right, bottom, right, top)
        for tick in NPS_TICKS:
            y = pn(tick)
            canvas.line(right, y, right + UNIT, y)
            canvas.setFillColor(MEASURED)
            label = minus(f"{tick:+d}") if tick else "0"
            text.draw(canvas, right + 1.75 * UNIT, y - 2.5, label, 7)
        # Axis titles, on the row of the phase names, outside the plot.
        canvas.setFillColor(self.palette.accent_text)
        feeling = pgettext("emotion curve axis", "Feeling").upper()
        text.draw(canvas, left - 2 * UNIT, top + 4 * UNIT, feeling, 6.5, fonts.BOLD, "end")
        canvas.setFillColor(MEASURED)
        text.draw(canvas, right + 1.75 * UNIT, top + 4 * UNIT, "NPS", 6.5, fonts.BOLD)

    # -- the measured series ---------------------------------------------------------

    def _measured_under(self, n: int, step: float, mx: Across, pn: Scale) -> None:
        """The dashed line through the measured points and the interval whiskers."""
        canvas = self.canv
        canvas.setStrokeColor(mix(MEASURED, white, 0.55))
        canvas.setLineWidth(0.8)
        canvas.setDash(2.5, 1.5)
        for i in range(n - 1):
            a, b = self.points[i].measured, self.points[i + 1].measured
            if a is not None and b is not None and self._joined(i):
                canvas.line(mx(i), pn(a.score), mx(i + 1), pn(b.score))
                self._segment(mx(i), pn(a.score), mx(i + 1), pn(b.score))
        canvas.setDash()
        cap = min(2.0, step * 0.12)
        for i, point in enumerate(self.points):
            m = point.measured
            if m is None:
                continue
            colour = mix(ERROR if m.hotspot else MEASURED, white, 0.75)
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(0.8 if step >= 4 else 0.4)
            x, y0, y1 = mx(i), pn(m.low), pn(m.high)
            canvas.line(x, y0, x, y1)
            if cap >= 1:
                canvas.line(x - cap, y0, x + cap, y0)
                canvas.line(x - cap, y1, x + cap, y1)
            self._taken.append((x - cap - 0.5, y0, x + cap + 0.5, y1))

    def _measured_over(self, n: int, step: float, mx: Across, pn: Scale) -> None:
        if n > 60:
            return  # a long journey: the dashed line and whiskers say it
        size = max(1.8, min(3.6, step / 3.5))
        for i, point in enumerate(self.points):
            m = point.measured
            if m is not None:
                x, y = mx(i), pn(m.score)
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

    def _hotspot_labels(self, mx: Across, pn: Scale, step: float, frame: Box) -> None:
        """The NPS of each hotspot, beside it where nothing else is drawn."""
        for i, point in enumerate(self.points):
            m = point.measured
            if m is None or not m.hotspot:
                continue
            label = minus(f"{round(m.score):+d}") if round(m.score) else "0"
            x, y = mx(i), pn(m.score)
            gap = max(1.8, min(3.6, step / 3.5)) + 1.5
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
        """Draw `label` at the first spot where it stays in the chart and covers nothing."""
        left, right, bottom, top = frame
        w = text.width(label, size, fonts.BOLD)
        # Under the row of phase names, above the step numbers; with a right axis, left of it.
        edge = right - 1 if self.dual else right + 1.5 * UNIT
        limit = (left, bottom - 1.5 * UNIT, edge, top + 3.25 * UNIT)
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
        entries = [
            ("designed", _("Designed feeling (left axis)")),
            ("measured", _("Guests’ NPS with its 95% interval (right axis)")),
        ]
        if any(m.thin for m in measured):
            thin = ngettext("Fewer than {n} answer", "Fewer than {n} answers", MIN_RESPONSES)
            entries.append(("thin", thin.format(n=MIN_RESPONSES)))
        if any(m.hotspot for m in measured):
            entries.append(("hotspot", _("NPS below 0: a detractor hotspot")))
        x, line = 9 * UNIT, 0
        for kind, label in entries:
            w = 5 * UNIT + text.width(label, LABEL_SIZE)
            if x > 9 * UNIT and x + w > width:
                x, line = 9 * UNIT, line + 1
            self._legend.append((x, line, kind, label))
            x += w + 5 * UNIT
        return (line + 1) * LEGEND_LINE + 2 * UNIT

    def _draw_legend(self) -> None:
        canvas = self.canv
        bottom = self._plot_area()[2]
        for x, line, kind, label in self._legend:
            y = bottom - 9 * UNIT - line * LEGEND_LINE
            mid = y + 2.5
            if kind == "designed":
                canvas.setStrokeColor(self.palette.mark)
                canvas.setLineWidth(1.6)
                canvas.line(x, mid, x + 3.5 * UNIT, mid)
                canvas.setFillColor(self.palette.mark)
                canvas.setStrokeColor(white)
                canvas.setLineWidth(0.8)
                canvas.circle(x + 1.75 * UNIT, mid, 2.6, stroke=1, fill=1)
            else:
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
