"""What every section builder reads: the design, its check, its feedback, the styles, the grid;
and, for a brief given a baseline, what changes from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from reportlab.platypus import CondPageBreak, Flowable, PageBreakIfNotEmpty, Spacer

from cuecraft.brief import text, words
from cuecraft.brief.document import Furniture, Landmark, SectionTitle
from cuecraft.brief.options import SECTION_TITLES, CheckedOptions
from cuecraft.brief.styles import UNIT, Styles
from cuecraft.core.check import CheckResult
from cuecraft.core.feedback import Feedback
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.model import Design

if TYPE_CHECKING:  # the diff loads only for a brief given a baseline
    from cuecraft.core.diff import DesignDiff

# A section starts on the same page when this much of it is free: no page is left
# more than half empty before a section that could have started on it.
SHARE_TO_CONTINUE = 0.5


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
    # The baseline (as is) compared with the design (to be), for "What changes"; None
    # without one.
    changes: DesignDiff | None = None
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
        that more than half of it would stay empty: then it starts there, after a gap.
        """
        self._numbered += 1
        mark = Landmark(section, _(SECTION_TITLES[section]), f"{self._numbered:02d}")
        brk: Flowable = (
            PageBreakIfNotEmpty() if new_page else CondPageBreak(self.height * SHARE_TO_CONTINUE)
        )
        out: list[Flowable] = [brk, SectionTitle(mark, self.styles.palette)]
        if lead:  # kept with what follows it, as the title is
            out.append(text.para(lead, self.styles.lead))
            out[-1].keepWithNext = 1
        return out

    def whole(self, out: list[Flowable], upto: int | None = None) -> list[Flowable]:
        """A section opened by `opening` whose start (`upto` flowables, or all) reads as one.

        Its title and what follows it up to its `upto`-th flowable are kept
        together (a chart in it drawn smaller if that makes it fit), so a title
        never ends a page with its chart on the next, nor a page its first half
        alone.
        """
        upto = len(out) if upto is None else upto
        for flowable in out[1 : upto - 1]:
            flowable.keepWithNext = 1
        return out

    def headed(
        self, heading: str, sub: str, table: Flowable, rows: int | None = None
    ) -> list[Flowable]:
        """A table under a heading that never ends a page.

        The heading stays with at least the table's first `tables.ROWS_AT_A_SPLIT`
        rows: a table that splits leaves that many on each side, and one too short
        to split moves to the next page with its heading (`fitting.KeepWithNext`).
        `rows` is not needed any more: the table counts its own.
        """
        del rows
        head: list[Flowable] = [self.para(heading, "h3")]
        if sub:
            head.append(text.para(sub, self.styles.caption))
        head.append(Spacer(1, UNIT))
        for flowable in head:
            flowable.keepWithNext = 1
        return [*head, table]

    def para(self, value: str, style_name: str = "body") -> Flowable:
        """Text as typed (user text, or our translated words) in one of the brief's styles."""
        return text.para(value, getattr(self.styles, style_name))

    def rich(self, template: str, style_name: str = "body", **values: str) -> Flowable:
        """A translated sentence with `{placeholders}` filled with markup (see words.rich)."""
        style = getattr(self.styles, style_name)
        return text.fixed(words.rich(template, style.fontName, **values), style)
