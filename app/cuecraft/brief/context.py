"""What every section builder reads: the design, its check, its feedback, the styles, the grid."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreakIfNotEmpty,
    Spacer,
)

from cuecraft.brief import blocks, text, words
from cuecraft.brief.document import Furniture, Landmark, SectionTitle
from cuecraft.brief.options import SECTION_TITLES, CheckedOptions
from cuecraft.brief.styles import UNIT, Styles
from cuecraft.core.check import CheckResult
from cuecraft.core.feedback import Feedback
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.model import Design

SHARE_TO_CONTINUE = 0.62  # a section starts on the same page when this much of it is free
SHORT_TABLE_ROWS = 3  # a table this short moves to the next page with its heading
HEADING_ROOM = 36 * UNIT  # a heading starts a new page unless this much room is left


@dataclass
class BriefContext:
    design: Design
    result: CheckResult
    styles: Styles
    options: CheckedOptions
    furniture: Furniture
    width: float  # of the body frame, points
    height: float
    feedback: Feedback | None = None  # imported guest feedback, if any
    _numbered: int = field(default=0)

    @property
    def graph(self) -> DesignGraph:
        return self.result.graph

    @property
    def journey(self) -> list[str]:
        """Touchpoint ids in journey order (the order of the chart, the table and the graph):
        `DesignGraph.journey_order`, the one the workbench shows too."""
        return self.graph.journey_order

    @cached_property
    def step(self) -> dict[str, int]:
        """Each touchpoint's step number in the journey, from 1."""
        return {tp: i for i, tp in enumerate(self.journey, start=1)}

    def place_name(self, place: str) -> str:
        """A zone's or touchpoint's name, or the id itself if it names nothing."""
        zone = self.graph.zones.get(place)
        if zone is not None:
            return zone.name or zone.id
        tp = self.graph.touchpoints.get(place)
        if tp is not None:
            return tp.name or tp.id
        return place

    def opening(
        self, section: str, lead: str | None = None, new_page: bool = False
    ) -> list[Flowable]:
        """The numbered section title and an optional lead paragraph (our words, translated).

        A section starts on a new page, unless the page before ends high enough
        that most of it would stay empty: then it starts there, after a gap.
        """
        self._numbered += 1
        mark = Landmark(section, _(SECTION_TITLES[section]), f"{self._numbered:02d}")
        brk: Flowable = (
            PageBreakIfNotEmpty() if new_page else CondPageBreak(self.height * SHARE_TO_CONTINUE)
        )
        out: list[Flowable] = [brk, SectionTitle(mark, self.styles.palette)]
        if lead:
            out.append(text.para(lead, self.styles.lead))
        return out

    def whole(self, out: list[Flowable], upto: int | None = None) -> list[Flowable]:
        """A section opened by `opening` whose start (`upto` flowables, or all) reads as one.

        It starts on a new page unless all of that fits on the one before (when it
        is taller than a page, the usual rule applies), so a title never ends a
        page with its chart on the next, nor a page its first half alone.
        """
        start = out[: len(out) if upto is None else upto]
        need = sum(_height(f, self.width, self.height) for f in start[1:])
        need -= start[-1].getSpaceAfter()
        on_a_new_page = need - start[1].getSpaceBefore()  # dropped at the top of a page
        if isinstance(out[0], CondPageBreak) and on_a_new_page <= self.height:
            out[0] = CondPageBreak(max(self.height * SHARE_TO_CONTINUE, need))
        return out

    def headed(self, heading: str, sub: str, table: Flowable, rows: int) -> list[Flowable]:
        """A table under a heading that never ends a page.

        A short table moves to the next page with its heading; a long one starts
        under it and splits, its head row repeated.
        """
        head: list[Flowable] = [self.para(heading, "h3")]
        if sub:
            head.append(text.para(sub, self.styles.caption))
        head.append(Spacer(1, UNIT))
        if rows <= SHORT_TABLE_ROWS:
            return [CondPageBreak(HEADING_ROOM), KeepTogether([*head, table])]
        # Room for the heading, the table's head row and two rows under it, however tall.
        need = sum(_height(f, self.width, self.height) for f in head)
        need += blocks.first_rows_height(table, 3)
        return [CondPageBreak(max(HEADING_ROOM, need)), *head, table]

    def para(self, value: str, style_name: str = "body") -> Flowable:
        """Text as typed (user text, or our translated words) in one of the brief's styles."""
        return text.para(value, getattr(self.styles, style_name))

    def rich(self, template: str, style_name: str = "body", **values: str) -> Flowable:
        """A translated sentence with `{placeholders}` filled with markup (see words.rich)."""
        style = getattr(self.styles, style_name)
        return text.fixed(words.rich(template, style.fontName, **values), style)


def _height(flowable: Flowable, width: float, height: float) -> float:
    """The height a flowable takes on the page, with the space around it."""
    if isinstance(flowable, KeepTogether):  # it wraps its content on a canvas it lacks here
        return sum(_height(f, width, height) for f in flowable._content)
    _w, h = flowable.wrap(width, height)
    return float(h + flowable.getSpaceBefore() + flowable.getSpaceAfter())
