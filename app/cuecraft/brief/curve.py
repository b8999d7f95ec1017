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

from collections.abc import Sequence

from reportlab.lib.colors import Color, HexColor, white

from cuecraft.brief import text
from cuecraft.brief.curve_layout import (
    LABEL_SIZE,
    LEGEND_LINE,
    TOP_ROW,
    Box,
    CurvePoint,
    JourneyChart,
    Layout,
    Measured,
    Scale,
    flow_legend,
    minus,
)
from cuecraft.brief.styles import ERROR, FAINT, INK, MUTED, RULE, UNIT, Palette, mix
from cuecraft.core.feedback import MIN_RESPONSES
from cuecraft.core.i18n import _, ngettext, pgettext

__all__ = ["CurvePoint", "EmotionCurve", "Layout", "Measured", "minus"]

MEASURED = HexColor("#3C4654")  # slate: apart from any accent, and from the curve in grey print
NPS_TICKS = (-100, -50, 0, 50, 100)
PANEL_GAP = 6 * UNIT  # between the feeling and the NPS panels


class EmotionCurve(JourneyChart):
    """Emotion (−3..3) along the journey; with feedback, the measured NPS on a panel below."""

    def __init__(self, points: Sequence[CurvePoint], palette: Palette, height: float) -> None:
        super().__init__(points, palette)
        self.chart_height = height  # the phase row and the panels; names and legend come under
        self.dual = any(p.measured is not None for p in self.points)
        self.layout: Layout | None = None
        self._legend: list[tuple[float, int, str, str]] = []  # x, line, kind, label

    # -- geometry ------------------------------------------------------------------

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        left, right, step_x, xs, names, names_height, lift = self._frame(avail_width)
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
            names,
            names_height,
            feeling=feeling,
            nps=nps,
            feeling_zero=(feeling[1] + feeling[3]) / 2,
            nps_zero=(nps[1] + nps[3]) / 2 if nps else None,
        )
        return avail_width, self.height

    def draw(self) -> None:
        layout = self.layout
        if layout is None or not self.points:
            return
        self._taken = []
        f0, f1 = layout.feeling[1], layout.feeling[3]

        def py(emotion: float) -> float:
            return f0 + (f1 - f0) * (emotion + 3) / 6

        self._bands(layout, [p for p in (layout.feeling, layout.nps) if p is not None])
        self._feeling_axis(layout, py)
        if layout.nps is not None:
            n0, n1 = layout.nps[1], layout.nps[3]

            def pn(score: float) -> float:
                return n0 + (n1 - n0) * (score + 100) / 200

            self._nps_axis(layout, layout.nps, pn)
            self._measured_under(layout, pn)
        self._x_axis(layout, (layout.nps or layout.feeling)[1])
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
        self._legend, height = flow_legend(entries, 5 * UNIT, width)
        return height

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
