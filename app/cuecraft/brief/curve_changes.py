"""The guest's feeling as is and to be: both emotion curves on one chart ("What changes").

The journey chart of curve.py, drawn by its own code: the same step axis,
phase bands, scale, beads, peak and ends. The design (to be) is its curve as
ever, solid, with the peak and ends ringed; the baseline (as is) is drawn under
it, dashed and with hollow beads, along the baseline's own links, so it is told
apart in print without colour. Where the two agree the solid line covers the
dashed one: what is left to see of the dashed line is what changes. A legend
under the names says which is which. The steps and what each point is come from
whoever builds the chart (sections_changes.py): the chart recomputes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import white

from cuecraft.brief import text
from cuecraft.brief.curve import EmotionCurve
from cuecraft.brief.curve_layout import (
    LABEL_SIZE,
    LEGEND_LINE,
    CurvePoint,
    Layout,
    Scale,
    flow_legend,
)
from cuecraft.brief.styles import MUTED, UNIT, Palette

AS_IS_DASH = (4.0, 2.0)  # none of the personas' patterns, nor the zero line's (2, 2)
AS_IS_COLOUR = MUTED
SAMPLE = 7 * UNIT  # a stretch of line drawn in the legend


class ChangesCurve(EmotionCurve):
    """The design's curve (its `points`, solid) over the baseline's (dashed).

    `as_is` is the baseline's feeling at each point (None where it has no such
    touchpoint or sets no feeling), `as_is_links` its journey's links between
    points; `legend` names the two curves (as is, to be)."""

    def __init__(
        self,
        points: Sequence[CurvePoint],
        as_is: Sequence[int | None],
        as_is_links: Sequence[tuple[int, int]],
        legend: tuple[str, str],
        palette: Palette,
        height: float,
    ) -> None:
        self.as_is = list(as_is)
        self.as_is_links = list(as_is_links)
        self.legend_labels = legend
        super().__init__(points, palette, height)
        # Kept for tests: the links the dashed line was drawn along, as point indices.
        self.drawn_as_is: list[tuple[int, int]] = []

    def _designed(self, layout: Layout, py: Scale) -> bool:
        """The baseline's dashed curve first, then the design's over it."""
        felt_before = self._as_is_curve(layout, py)
        return super()._designed(layout, py) or felt_before

    def _as_is_curve(self, layout: Layout, py: Scale) -> bool:
        canvas, xs = self.canv, layout.xs
        canvas.setStrokeColor(AS_IS_COLOUR)
        canvas.setLineWidth(1.3 if len(self.points) <= 40 else 0.7)
        canvas.setDash(list(AS_IS_DASH))
        self.drawn_as_is = []
        for i, j in self.as_is_links:
            a, b = self.as_is[i], self.as_is[j]
            if a is None or b is None or self.columns[j] <= self.columns[i]:
                continue  # a link back into a loop is no step forward on the chart
            canvas.line(xs[i], py(a), xs[j], py(b))
            self._segment(xs[i], py(a), xs[j], py(b))
            self.drawn_as_is.append((i, j))
        canvas.setDash()
        felt = [(i, e) for i, e in enumerate(self.as_is) if e is not None]
        radius = max(1.2, min(3.0, self._spacing(layout) / 4))
        for i, emotion in felt if len(self.points) <= 60 else ():
            self._hollow(xs[i], py(emotion), radius)
        return bool(felt)

    def _hollow(self, x: float, y: float, radius: float) -> None:
        """A bead of the baseline: hollow, so one of the design's covers it where they agree."""
        canvas = self.canv
        canvas.setFillColor(white)
        canvas.setStrokeColor(AS_IS_COLOUR)
        canvas.setLineWidth(0.9)
        canvas.circle(x, y, radius, stroke=1, fill=1)
        r = radius + 1
        self._taken.append((x - r, y - r, x + r, y + r))

    # -- legend ------------------------------------------------------------------------

    def _layout_legend(self, width: float) -> float:
        """The two curves' entries on lines under the names; the height they take."""
        entries = list(zip(("as-is", "to-be"), self.legend_labels, strict=True))
        self._legend, height = flow_legend(entries, SAMPLE + 2 * UNIT, width)
        return height

    def _draw_legend(self, layout: Layout) -> None:
        canvas = self.canv
        bottom = layout.feeling[1] - 5 * UNIT - layout.names_height
        for x, line, kind, label in self._legend:
            y = bottom - 4 * UNIT - line * LEGEND_LINE
            mid = y + 2.5
            if kind == "as-is":
                canvas.setStrokeColor(AS_IS_COLOUR)
                canvas.setLineWidth(1.3)
                canvas.setDash(list(AS_IS_DASH))
                canvas.line(x, mid, x + SAMPLE, mid)
                canvas.setDash()
                self._hollow(x + SAMPLE / 2, mid, 2.4)
            else:
                canvas.setStrokeColor(self.palette.mark)
                canvas.setLineWidth(1.6)
                canvas.line(x, mid, x + SAMPLE, mid)
                canvas.setFillColor(self.palette.mark)
                canvas.setStrokeColor(white)
                canvas.setLineWidth(0.8)
                canvas.circle(x + SAMPLE / 2, mid, 2.4, stroke=1, fill=1)
            canvas.setFillColor(MUTED)
            room = self.width - x - SAMPLE - 2 * UNIT
            said = text.fit(label, room, LABEL_SIZE)
            text.draw(canvas, x + SAMPLE + 2 * UNIT, y, said, LABEL_SIZE)
