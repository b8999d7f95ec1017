"""The personas' part of the journey view: the switch, what it changes, their curves.

The journey's drawing (journey_scene) asks `Personas`, at each rebuild, who is
followed (`read`), whose answers the NPS shows (`answers`: the persona's own while one is followed),
the cards as the chosen guest meets them (`cards`), and lets it add the
personas' curves and legend to the scene it makes (`draw`). Without personas in
the design every answer is the view's own: the cards as they are, every guest's
NPS, no curves, no legend, the switch hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGraphicsScene, QWidget

from cuecraft.core.feedback import Feedback
from cuecraft.core.model import Design

from ._style import scaled_font
from .journey_answers import Answers
from .journey_canvas import JourneyCanvas
from .journey_chart import CurvePoint
from .journey_items import CardInfo, Geometry
from .journey_nps import Legend
from .journey_personas import (
    Guest,
    PersonaSwitch,
    cards_for,
    curve_of,
    guests_of,
    marks_of,
    what_they_skip,
)
from .journey_personas_chart import PersonaCurves, PersonaLegend, legend_lines, legend_of

if TYPE_CHECKING:  # a type only: the checks load after the first frame
    from cuecraft.core.check import CheckResult


class Personas:
    """Who the journey follows and the personas' curves and legend, with no widget: the
    Journey tab's PersonaPart asks its switch who is followed (`choose`) and its canvas
    how wide the legend may run (`legend_room`); a picture of the journey answers both
    itself. While comparing, the legend names the other design's curve too (`as_is`)."""

    def __init__(
        self,
        choose: Callable[[list[Guest]], str],
        legend_room: Callable[[Geometry, float], float],
        note: Callable[[str], None] | None = None,
    ) -> None:
        self._choose, self._legend_room, self._note = choose, legend_room, note
        self.guests: list[Guest] = []
        self.shown: Guest | None = None  # the one persona followed, None for all guests
        self.rows = 0  # lines of their legend under the chart
        self.feedback = False  # whether the feedback's legend is under theirs
        self.curves: PersonaCurves | None = None
        self.legend: PersonaLegend | None = None  # drawn pinned under the chart
        self.as_is = ""  # while comparing, the other design's curve in their legend

    def read(self, design: Design, result: CheckResult, feedback: bool, font: QFont) -> object:
        """Who is followed now; returns what else the scene depends on."""
        graph = result.graph
        self.feedback = feedback
        self.guests = guests_of(design, graph)
        choice = self._choose(self.guests)
        self.shown = next((g for g in self.guests if g.persona == choice), None)
        names = {t: graph.touchpoints[t].name or t for t in graph.journey_order}
        if self._note is not None:
            self._note(what_they_skip(self.shown, names) if self.shown else "")
        self.rows = self._rows_needed(len(graph.return_edges), len(names), font)
        return (tuple(self.guests), choice, self.rows)

    def answers(self, feedback: Feedback | None) -> Answers | None:
        """Whose answers the NPS shows: the one persona's followed, else every guest's."""
        if feedback is None:
            return None
        if self.shown is None:
            return Answers(feedback)
        return Answers(feedback, self.shown.persona, self.shown.name)

    def cards(self, infos: list[CardInfo]) -> list[CardInfo]:
        """The cards as the chosen guest meets them."""
        return cards_for(infos, self.shown) if self.shown is not None else infos

    @property
    def skipped(self) -> frozenset[str]:
        """The touchpoints the one persona shown skips (none for all guests)."""
        return self.shown.journey.skipped if self.shown is not None else frozenset()

    def design_marks(self, marker: str) -> str:
        """The design's own peak or end mark, kept on its curve only for all guests."""
        return "" if self.shown is not None else marker

    def feedback_legend(self, legend: Legend | None) -> Legend | None:
        """The feedback's legend; while one persona is shown, without its entry for the
        design's curve, which is then faint and named by the personas' legend."""
        if legend is None or self.shown is None:
            return legend
        return replace(legend, entries=tuple(e for e in legend.entries if e[0] != "curve"))

    def draw(
        self,
        scene: QGraphicsScene,
        geo: Geometry,
        width: float,
        points: list[CurvePoint],
        pal: QPalette,
        font: QFont,
    ) -> None:
        """Their curves over the design's (`points`) and their legend."""
        self.curves = None
        self.legend = None
        if not self.guests and not self.as_is:
            return
        if self.guests:
            xs = {p.tp_id: p.x for p in points}
            emotions = {p.tp_id: p.emotion for p in points}
            shown = [self.shown] if self.shown is not None else self.guests
            curves = [curve_of(g, xs, emotions) for g in shown]
            self.curves = PersonaCurves(geo, width, curves, self.shown is not None, pal, font)
            scene.addItem(self.curves)
        self.legend = legend_of(self.guests, self.shown, self.feedback, self.as_is)

    def marks(
        self, markers: dict[str, str], peak: str | None, ends: list[str]
    ) -> tuple[dict[str, str], str | None, list[str]]:
        """The peak and end the view tells: the one persona's, else the design's."""
        if self.shown is None:
            return markers, peak, ends
        journey = self.shown.journey
        return marks_of(journey), journey.peak, list(journey.ends)

    def clear(self) -> None:
        self.curves = None
        self.legend = None

    def _rows_needed(self, returns: int, columns: int, font: QFont) -> int:
        if not self.guests and not self.as_is:
            return 0
        geo = Geometry.for_font(font, returns, feedback=self.feedback)
        legend = legend_of(self.guests, self.shown, self.feedback, self.as_is)
        width = self._legend_room(geo, geo.width(columns))
        return len(legend_lines(legend, scaled_font(font, 0.86), width))

    # -- read-only helpers (tests) -------------------------------------------------------

    def drawn(self) -> dict[str, dict[str, int | None]]:
        return self.curves.drawn() if self.curves is not None else {}

    def marker_labels(self) -> dict[str, str] | None:
        """The words at the one persona's marks; None when the design's curve has them."""
        if self.curves is None or not self.curves.one:
            return None
        return self.curves.marker_labels()

    def legend_texts(self) -> list[str]:
        return self.legend.texts if self.legend is not None else []


class PersonaPart(QObject):
    """The switch over the journey, and `state`: who it follows, their curves and legend.

    `relayout` asks the view for a new scene: the canvas is now so wide or narrow
    that the personas' legend takes other lines under the chart."""

    relayout = Signal()

    def __init__(self, view: QWidget, canvas: JourneyCanvas) -> None:
        super().__init__(view)
        self.view = view
        self.canvas = canvas
        self.switch = PersonaSwitch(view)  # hidden while the design has no personas
        self.state = Personas(self.switch.set_guests, canvas.legend_width, self.switch.set_note)
        canvas.resized.connect(self._resized)

    def _resized(self) -> None:
        legend, geo = self.canvas.persona_legend, self.canvas.geo
        if legend is None or geo is None:
            return
        font = scaled_font(self.view.font(), 0.86)
        if len(legend_lines(legend, font, self.canvas.legend_width(geo))) != geo.persona_rows:
            self.relayout.emit()

    # -- read-only helpers (tests) -------------------------------------------------------

    def drawn(self) -> dict[str, dict[str, int | None]]:
        return self.state.drawn()

    def legend_texts(self) -> list[str]:
        return self.state.legend_texts()
