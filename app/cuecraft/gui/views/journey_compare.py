"""The other design's emotion curve on the journey view while comparing (File ▸ Compare with…).

A comparison is view state: no edit, never saved. The curve is the other design's
journey as the core works it out (`cuecraft.core.personas.journey_of` of its graph,
or, while one persona is followed, that persona's journey there if the other design
has them), drawn on the open design's columns: touchpoints are matched by id, and one
the open design does not have has no point. The line is PersonaCurves' drawing with
the as-is look (grey, dashed: journey_personas_chart.as_is_pen) and a legend entry
of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QPainter, QPalette, QPen

from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.personas import PersonaJourney, journey_of

from .journey_chart import CurvePoint
from .journey_items import Geometry
from .journey_personas import Guest, curve_of
from .journey_personas_chart import PersonaCurves, as_is_pen, paint_as_is_marker


def as_is_label(name: str) -> str:
    """The other design's curve in the journey's legend, by its file's name."""
    # TRANSLATORS: legend of the journey chart while comparing designs (File ▸ Compare
    # with…): the other design's emotion curve, drawn dashed; {file} is its file name
    return _("as-is: {file}").format(file=name)


@dataclass(frozen=True, eq=False)
class AsIs:
    """The design compared with: its file's name and its graph (from its check)."""

    name: str
    graph: DesignGraph
    _guest: list[PersonaJourney] = field(default_factory=list, repr=False)

    def journey(self, persona: str | None = None) -> PersonaJourney:
        """The persona's journey there if the other design has them, else its guest's."""
        if persona:
            theirs = self.graph.persona_journeys.get(persona)
            if theirs is not None:
                return theirs
        if not self._guest:
            self._guest.append(journey_of(self.graph))
        return self._guest[0]


class AsIsCurve(PersonaCurves):
    """The other design's curve: one line at its true height (never nudged), over the
    design's own curve and under the personas'."""

    def __init__(
        self,
        geo: Geometry,
        width: float,
        points: tuple[CurvePoint, ...],
        journey: PersonaJourney,
        label: str,
        palette: QPalette,
        font: QFont,
    ) -> None:
        curve = curve_of(Guest("", label, 0, journey), {p.tp_id: p.x for p in points}, {})
        # The other design may order its touchpoints otherwise: its line runs left to
        # right across the open design's columns.
        curve = replace(curve, points=tuple(sorted(curve.points, key=lambda p: p.x)))
        super().__init__(geo, width, [curve], False, palette, font)
        self.setZValue(2.5)

    def felt(self) -> dict[str, int | None]:
        """The other design's emotion at each column it has a point in (for tests)."""
        return {p.tp_id: p.emotion for p in self.curves[0].points}

    def _shifts(self) -> list[float]:
        return [0.0]

    def _pen(self, style: int) -> QPen:
        return as_is_pen(self._palette)

    def _marker(
        self, painter: QPainter, style: int, centre: QPointF, r: float, hollow: bool
    ) -> None:
        paint_as_is_marker(painter, centre, r, self._palette, hollow)
