"""The personas' curves: each persona's designed feeling on the steps of the design's chart.

One small panel per persona, stacked on the same step axis as the design's
journey chart (curve.py), rather than every persona overlaid on one panel: a
persona overrides the feeling at a few steps only, so overlaid curves lie on
one another at every other step and hide each other, dash patterns or not. In a
panel of its own a persona's curve is seen whole, over the design's own curve
in light grey, so where they feel otherwise stands out; and the panels stay
readable with any number of personas (`PANELS_AT_MOST` to a chart, a chart
after another beyond that).

Each persona keeps one dash pattern and one marker shape (by its place among
the design's personas) for print without colour; the row above its panel is its
legend: the line as drawn, its name and its share of guests. A step the persona
skips is a gap in the panel with a cross on the design's curve, and their line
goes straight on to the step they take next (their journey's bridged links).
Everything is read from `DesignGraph.persona_journeys`; nothing is recomputed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, white

from cuecraft.brief import fonts, text
from cuecraft.brief.curve_layout import (
    LABEL_SIZE,
    LEGEND_LINE,
    TOP_ROW,
    Axis,
    Box,
    CurvePoint,
    JourneyChart,
    Scale,
    flow_legend,
    inside_box,
    minus,
    overlapping,
)
from cuecraft.brief.styles import ERROR, FAINT, INK, MUTED, RULE, UNIT, Palette, mix
from cuecraft.core.i18n import _, pgettext

PANELS_AT_MOST = 4  # personas in one chart; more make another chart, with its own axis
PANEL_HEIGHT = 20 * UNIT  # one persona's −3..+3: room for a label beside a line
TITLE_ROW = 5 * UNIT  # the persona's line, name and share, over their panel
PANEL_GAP = 2 * UNIT
PEAK_END_SIZE = 7.0  # a little smaller than on the design's chart: a small panel
SAMPLE = 7 * UNIT  # the length of a line drawn as a legend
# Told apart in print without colour: a dash pattern and a marker per persona, none of
# them the design's solid line and round beads, nor the dashes of the zero lines (2, 2).
DASHES: tuple[tuple[float, ...], ...] = (
    (6, 2),
    (1.2, 1.6),
    (6, 1.6, 1.2, 1.6),
    (3, 1.5),
    (10, 2.5),
    (6, 1.6, 1.2, 1.6, 1.2, 1.6),
)
MARKERS = ("square", "triangle", "diamond", "down", "bar")


@dataclass(frozen=True)
class PersonaSeries:
    """One persona's curve, on the points of the design's chart (indices into its points)."""

    title: str  # their name and share, as their legend writes it
    style: int  # their dash pattern and marker: their place among the design's personas
    emotion: tuple[int | None, ...]  # at each point; None where they skip it or feel nothing set
    skipped: frozenset[int]
    links: tuple[tuple[int, int], ...]  # their journey's links, skipped touchpoints bridged
    peak: int | None
    ends: tuple[int, ...]
    low_ends: frozenset[int]  # ends the peak–end test flags for them (PER002)


def dash(style: int) -> tuple[float, ...]:
    return DASHES[style % len(DASHES)]


def marker(style: int) -> str:
    return MARKERS[style % len(MARKERS)]


class PersonaCurves(JourneyChart):
    """Up to `PANELS_AT_MOST` personas' curves, one panel each, on the design's step axis."""

    def __init__(
        self, points: Sequence[CurvePoint], series: Sequence[PersonaSeries], palette: Palette
    ) -> None:
        super().__init__(points, palette)
        self.series = list(series)
        self.axis: Axis | None = None
        self.panels: list[Box] = []  # each persona's panel, top to bottom
        # Kept for tests: the links each persona's line was drawn along, as point indices.
        self.drawn: list[list[tuple[int, int]]] = []
        self._legend_entries: list[tuple[float, int, str, str]] = []  # x, line, kind, label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        left, right, step_x, xs, names, names_height, lift = self._frame(avail_width)
        n = len(self.series)
        stack = n * (TITLE_ROW + PANEL_HEIGHT) + max(0, n - 1) * PANEL_GAP
        self.height = TOP_ROW + stack + lift
        self.axis = Axis(left, right, max(self.columns, default=-1) + 1, step_x, xs, names)
        self.axis.names_height = names_height
        self.panels = []
        top = self.height - TOP_ROW
        for _series in self.series:
            panel = (left, top - TITLE_ROW - PANEL_HEIGHT, right, top - TITLE_ROW)
            self.panels.append(panel)
            top = panel[1] - PANEL_GAP
        return avail_width, self.height

    def draw(self) -> None:
        axis = self.axis
        if axis is None or not self.points or not self.series:
            return
        self._taken = []
        self.drawn = []
        self._bands(axis, self.panels, names_at=self.height - TOP_ROW + 2 * UNIT)
        for series, panel in zip(self.series, self.panels, strict=True):
            self._panel(axis, series, panel)
        self._x_axis(axis, self.panels[-1][1])
        self._legend(axis)

    # -- one persona -----------------------------------------------------------------

    def _panel(self, axis: Axis, series: PersonaSeries, panel: Box) -> None:
        bottom, top = panel[1], panel[3]

        def py(emotion: float) -> float:
            return bottom + (top - bottom) * (emotion + 3) / 6

        self._scale(axis, py)
        self._gaps(axis, series, panel, py)
        self._reference(axis, py)
        self._line(axis, series, py)
        self._heading(axis, series, top)
        # Labels stay under the row of the persona's name.
        frame = (axis.left, axis.right, bottom, top + 1 - 3.25 * UNIT)
        self._peak_and_ends(axis, series, py, frame)

    def _scale(self, axis: Axis, py: Scale) -> None:
        """Light lines at every level, the zero dashed; +3, 0 and −3 written (a small panel)."""
        canvas = self.canv
        for level in range(-3, 4):
            y = py(level)
            canvas.setStrokeColor(RULE if level else FAINT)
            canvas.setLineWidth(0.35 if level else 0.6)
            if level == 0:
                canvas.setDash(2, 2)
            canvas.line(axis.left, y, axis.right, y)
            canvas.setDash()
            if level in (-3, 0, 3):
                canvas.setFillColor(self.palette.accent_text)
                label = minus(f"{level:+d}") if level else "0"
                text.draw(canvas, axis.left - 2 * UNIT, y - 2.5, label, 7, anchor="end")

    def _gaps(self, axis: Axis, series: PersonaSeries, panel: Box, py: Scale) -> None:
        """A skipped step: a gap through the panel, and a cross where the design's guest is."""
        canvas = self.canv
        half = min(1.25 * UNIT, self._spacing(axis) * 0.3)
        for i in sorted(series.skipped):
            x = axis.xs[i]
            canvas.setFillColor(white)
            canvas.rect(x - half, panel[1], 2 * half, panel[3] - panel[1], stroke=0, fill=1)
            emotion = self.points[i].emotion
            self._cross(x, py(emotion if emotion is not None else 0), MUTED)

    def _cross(self, x: float, y: float, colour: Color, size: float = 2.6) -> None:
        canvas = self.canv
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(1.1)
        canvas.line(x - size, y - size, x + size, y + size)
        canvas.line(x - size, y + size, x + size, y - size)
        self._taken.append((x - size - 1, y - size - 1, x + size + 1, y + size + 1))

    def _reference(self, axis: Axis, py: Scale) -> None:
        """The design's own curve, thin and light behind the persona's."""
        canvas, xs = self.canv, axis.xs
        canvas.setStrokeColor(mix(MUTED, white, 0.4))
        canvas.setLineWidth(0.8)
        for i, j in self.edges:
            a, b = self.points[i].emotion, self.points[j].emotion
            if a is not None and b is not None:
                canvas.line(xs[i], py(a), xs[j], py(b))

    def _line(self, axis: Axis, series: PersonaSeries, py: Scale) -> None:
        """The persona's curve along their links, in their dash pattern, with their markers."""
        canvas, xs = self.canv, axis.xs
        canvas.setStrokeColor(self.palette.mark)
        canvas.setLineWidth(1.4)
        canvas.setDash(list(dash(series.style)))
        drawn = []
        for i, j in series.links:
            a, b = series.emotion[i], series.emotion[j]
            if a is None or b is None or self.columns[j] <= self.columns[i]:
                continue
            canvas.line(xs[i], py(a), xs[j], py(b))
            self._segment(xs[i], py(a), xs[j], py(b))
            drawn.append((i, j))
        canvas.setDash()
        self.drawn.append(drawn)
        size = max(1.6, min(2.8, self._spacing(axis) / 4))
        for i, emotion in enumerate(series.emotion):
            if emotion is not None and len(self.points) <= 60:  # a long journey: the line
                self._marker(xs[i], py(emotion), size, series.style)

    def _marker(self, x: float, y: float, size: float, style: int) -> None:
        canvas = self.canv
        shape = marker(style)
        canvas.setFillColor(self.palette.mark)
        canvas.setStrokeColor(white)
        canvas.setLineWidth(0.7)
        corners = {
            "square": ((-1, -1), (1, -1), (1, 1), (-1, 1)),
            "triangle": ((-1.15, -0.9), (1.15, -0.9), (0, 1.2)),
            "diamond": ((0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)),
            "down": ((-1.15, 0.9), (1.15, 0.9), (0, -1.2)),
            "bar": ((-1.4, -0.6), (1.4, -0.6), (1.4, 0.6), (-1.4, 0.6)),
        }[shape]
        path = canvas.beginPath()
        path.moveTo(x + corners[0][0] * size, y + corners[0][1] * size)
        for cx, cy in corners[1:]:
            path.lineTo(x + cx * size, y + cy * size)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
        r = 1.4 * size + 1
        self._taken.append((x - r, y - r, x + r, y + r))

    def _sample(self, x: float, y: float, style: int) -> None:
        """The persona's line as their legend draws it: a stretch of it with one marker."""
        canvas = self.canv
        canvas.setStrokeColor(self.palette.mark)
        canvas.setLineWidth(1.4)
        canvas.setDash(list(dash(style)))
        canvas.line(x, y, x + SAMPLE, y)
        canvas.setDash()
        self._marker(x + SAMPLE / 2, y, 2.4, style)

    def _heading(self, axis: Axis, series: PersonaSeries, top: float) -> None:
        """Over the panel: the persona's line, name and share (their legend)."""
        y = top + 2 * UNIT  # clear of a ring at +3, which reaches 5.5 pt over the panel
        self._sample(axis.left, y + 2.5, series.style)
        x = axis.left + SAMPLE + 2 * UNIT
        label = text.fit(series.title, axis.right - x, LABEL_SIZE, fonts.BOLD)
        self.canv.setFillColor(INK)
        text.draw(self.canv, x, y, label, LABEL_SIZE, fonts.BOLD)

    def _peak_and_ends(self, axis: Axis, series: PersonaSeries, py: Scale, frame: Box) -> None:
        """Ring their peak and their ends, named as on the design's chart; a low end in red."""
        marks: dict[int, tuple[str, Color]] = {}
        if series.peak is not None:
            marks[series.peak] = (pgettext("emotion curve", "Peak"), self.palette.accent_text)
        for i in series.ends:
            if series.emotion[i] is None:
                continue
            colour = ERROR if i in series.low_ends else INK
            if i == series.peak:
                marks[i] = (pgettext("emotion curve", "Peak · End"), colour)
            else:
                marks[i] = (pgettext("emotion curve", "End"), colour)
        placed = [
            (axis.xs[i], py(at), label, colour)
            for i, (label, colour) in marks.items()
            if (at := series.emotion[i]) is not None
        ]
        for x, y, _label, colour in placed:
            self._ring(x, y, colour)
        side = 1.5 * UNIT
        for x, y, label, colour in placed:
            # A small panel: beside the ring, then further up or down, before a label
            # may cover a line.
            spots = [(x + side, y + 5, "start"), (x - side, y + 5, "end")]
            spots += [(x + side, y - 10, "start"), (x - side, y - 10, "end")]
            spots += [(x + 2 * side, y - 2.5, "start"), (x - 2 * side, y - 2.5, "end")]
            for dy in (-19, 14, -28, -37, -46, -55, -64, -73):
                spots += [(x + side, y + dy, "start"), (x - side, y + dy, "end")]
            self._place_least(spots, label, colour, frame)

    def _place_least(
        self, spots: Sequence[tuple[float, float, str]], label: str, colour: Color, frame: Box
    ) -> None:
        """Draw `label` at the spot in the panel that covers the least already drawn (the
        first such): in a small panel every spot may touch something."""
        w = text.width(label, PEAK_END_SIZE, fonts.BOLD)
        limit = (frame[0], frame[2] + 0.5, frame[1] + 1.5 * UNIT, frame[3] + 3.25 * UNIT)
        boxes = [self._box(x, y, w, PEAK_END_SIZE, anchor) for x, y, anchor in spots]
        inside = [k for k, box in enumerate(boxes) if inside_box(box, limit)] or [0]
        best = min(inside, key=lambda k: sum(overlapping(boxes[k], t) for t in self._taken))
        self._place([spots[best]], label, PEAK_END_SIZE, colour, frame)

    # -- legend ------------------------------------------------------------------------

    def _layout_legend(self, width: float) -> float:
        """Place the legend's entries on lines under the chart; return the height it takes."""
        # TRANSLATORS: the legend of the light grey line behind each persona's curve
        entries = [("reference", _("The design’s curve, for comparison"))]
        if any(series.skipped for series in self.series):
            skipped = _("A step they skip: their line goes on to their next step")
            entries.append(("skipped", skipped))
        self._legend_entries, height = flow_legend(entries, SAMPLE + 2 * UNIT, width)
        return height

    def _legend(self, axis: Axis) -> None:
        """Under the names: what the grey line and the crosses are."""
        canvas = self.canv
        bottom = self.panels[-1][1] - 5 * UNIT - axis.names_height
        for x, line, kind, label in self._legend_entries:
            y = bottom - 4 * UNIT - line * LEGEND_LINE
            if kind == "reference":
                canvas.setStrokeColor(mix(MUTED, white, 0.4))
                canvas.setLineWidth(0.8)
                canvas.line(x, y + 2.5, x + SAMPLE, y + 2.5)
            else:
                self._cross(x + SAMPLE / 2, y + 2.5, MUTED)
            canvas.setFillColor(MUTED)
            room = self.width - x - SAMPLE - 2 * UNIT
            said = text.fit(label, room, LABEL_SIZE)
            text.draw(canvas, x + SAMPLE + 2 * UNIT, y, said, LABEL_SIZE)
