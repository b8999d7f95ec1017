"""Keeping a heading with what follows it, and charts drawn smaller to fit the page.

reportlab moves a group kept together to the next page whole; here charts shrink
(down to `SHRINK_AT_MOST`) and tables split under their heading first, so a heading
never ends a page and no page is left half empty for want of a few points.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, KeepTogether

from cuecraft.brief.styles import UNIT
from cuecraft.brief.tables import BriefTable

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
