"""The journey drawn into a scene: the one drawing the Journey tab shows and pictures write.

`JourneyDrawing.build` lays a checked design's journey out in a scene: the
cards in journey order in the lanes of their phases, the arrows, the emotion
chart with the peak and end marked, the measured NPS with guest feedback, the
personas' curves (`Personas`) and, while comparing, the other design's curve. The
Journey tab (journey.py) keeps one drawing for its canvas, which pins the lane
names, the scales and the legends at the edges of what it shows (journey_pinned);
`journey_picture` makes a new one for a file, in the light palette and the picture
font, with the pinned parts and the backdrop as items over the whole scene.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGraphicsScene

from cuecraft.core.feedback.model import Feedback
from cuecraft.core.i18n import current_language
from cuecraft.core.model import PHASES, Design

from .journey_answers import series_of
from .journey_arrows import add_arrows, add_unreachable_divider
from .journey_cards import card_info, card_infos, journey_summary, touchpoint_findings
from .journey_chart import CurvePoint, EmotionChart
from .journey_compare import AsIs, AsIsCurve, as_is_label
from .journey_items import CardInfo, CardItem, Geometry
from .journey_nps import Legend, MeasuredPoint
from .journey_nps_chip import NpsChipItem
from .journey_personas import Guest
from .journey_personas_view import Personas
from .journey_pinned import BackdropItem, Frame, Pinned, PinnedItem

if TYPE_CHECKING:  # a type only: the checks load after the first frame
    from cuecraft.core.check import CheckResult


class JourneyDrawing:
    """A design's journey in `scene`; after `build`, what it drew (for the tab's canvas,
    its selection and its read-only helpers)."""

    def __init__(self, scene: QGraphicsScene, personas: Personas) -> None:
        self.scene = scene
        self.personas = personas
        self.geo: Geometry | None = None
        self.order: list[str] = []
        self.cards: dict[str, CardItem] = {}
        self.markers: dict[str, str] = {}
        self.measured: list[MeasuredPoint] = []
        self.hotspots: list[str] = []
        self.chart: EmotionChart | None = None
        self.as_is_curve: AsIsCurve | None = None
        self.legend: Legend | None = None  # the feedback's, under the chart
        self.lane_counts: dict[str, int] = {}
        self.summary = ""  # the drawing told in words (screen readers)
        self._signature: object = None
        self._summed: tuple[Any, Any, str] = (None, (), "")  # what the summary said besides cards

    def pinned(self) -> Pinned:
        """What the pinned parts say for this drawing."""
        return Pinned(self.lane_counts, self.legend, self.personas.legend)

    def build(
        self,
        design: Design,
        result: CheckResult,
        feedback: Feedback | None,
        palette: QPalette,
        font: QFont,
        as_is: AsIs | None = None,
    ) -> None:
        """Draw the journey (again, when anything it shows changed since the last build);
        with no touchpoints the scene is emptied and `order` is empty."""
        graph = result.graph
        personas = self.personas
        order = graph.journey_order
        personas.as_is = as_is_label(as_is.name) if as_is else ""
        state = personas.read(design, result, feedback is not None, font)
        cards = personas.cards(card_infos(result, personas.answers(feedback)))
        signature = (
            tuple(cards),
            state,
            # What the curves are drawn from besides the cards: the design's feelings (a
            # persona followed shows its own on the cards, the design's curve faint).
            tuple(graph.touchpoints[t].emotion for t in order),
            tuple(graph.journey.edges),
            tuple(graph.return_edges),
            tuple(graph.ends),
            feedback.overall if feedback is not None else None,
            font.key(),
            palette.cacheKey(),
            current_language(),
            as_is,
        )
        self.order = order
        if not order:
            self.scene.clear()
            self.cards, self.markers, self.chart, self.as_is_curve = {}, {}, None, None
            self.measured, self.hotspots, self.legend, self.geo = [], [], None, None
            self._signature = signature
            personas.clear()
            return
        if signature == self._signature:
            return
        before, self._signature = self._signature, signature
        changed = self._changed_cards(before, signature, cards)
        if changed is None:
            self._draw(design, result, feedback, cards, palette, font, as_is)
            return
        # Only the words, findings badges or feelings of some cards (a touchpoint or a zone
        # renamed as someone types its name, a finding settled, the first check of a
        # start, an emotion set): those cards show them in place, and a new feeling
        # draws the curves again; nothing is laid out again — the whole journey of a
        # 10,000-cue design takes a third of a second to draw.
        assert isinstance(before, tuple)  # a drawing's signature (`_changed_cards`)
        felt = any(info.emotion != self.cards[info.tp_id].info.emotion for info in changed)
        for info in changed:
            self.cards[info.tp_id].reword(info)
        if felt or before[1:3] != signature[1:3]:  # a card's, a persona's, the design's
            self._redraw_curves(result, feedback, cards, palette, font, as_is)
        else:
            peak, ends, title = self._summed
            self.summary = journey_summary(cards, peak, ends, self.hotspots, title)

    def rename(self, result: CheckResult, feedback: Feedback | None, tp_ids: set[str]) -> None:
        """The cards of these touchpoints say their names (and zones' names) anew: only
        names were typed, and `result` is the one drawn (nothing else changed)."""
        concerns = touchpoint_findings(result)
        answers = self.personas.answers(feedback)
        infos = [card_info(result, t, concerns, answers) for t in tp_ids if t in self.cards]
        for info in self.personas.cards(infos):
            self.cards[info.tp_id].reword(info)
        peak, ends, title = self._summed
        cards = [self.cards[t].info for t in self.order if t in self.cards]
        self.summary = journey_summary(cards, peak, ends, self.hotspots, title)

    def _changed_cards(
        self, before: object, now: tuple[object, ...], cards: list[CardInfo]
    ) -> list[CardInfo] | None:
        """The cards whose words, badge or feeling changed, when nothing else the drawing
        shows did; else None (the journey is drawn again)."""
        if not isinstance(before, tuple) or len(before) != len(now) or len(now) < 3:
            return None
        if before[3:] != now[3:] or _unfelt(before[1]) != _unfelt(now[1]):
            return None
        old = before[0]
        if not isinstance(old, tuple) or len(old) != len(cards):
            return None
        changed = []
        for was, info in zip(old, cards, strict=True):
            if was == info:
                continue
            kept = replace(
                info,
                name=was.name,
                zone=was.zone,
                tooltip=was.tooltip,
                badge=was.badge,
                emotion=was.emotion,
            )
            if kept != was or info.tp_id not in self.cards:
                return None  # its place, reach or chip moved
            changed.append(info)
        return changed

    def _redraw_curves(
        self,
        result: CheckResult,
        feedback: Feedback | None,
        infos: list[CardInfo],
        pal: QPalette,
        font: QFont,
        as_is: AsIs | None,
    ) -> None:
        """The emotion curve, its marks and the curves drawn over it, again where they are."""
        geo = self.geo
        assert geo is not None  # drawn before
        for item in (self.chart, self.personas.curves, self.as_is_curve):
            if item is not None and item.scene() is self.scene:
                self.scene.removeItem(item)
        column = {tp_id: i for i, tp_id in enumerate(self.order)}
        rects = {info.tp_id: geo.card_rect(column[info.tp_id], info.phase) for info in infos}
        self._draw_curves(result, feedback, infos, rects, column, pal, font, as_is)

    def _draw(
        self,
        design: Design,
        result: CheckResult,
        feedback: Feedback | None,
        infos: list[CardInfo],
        pal: QPalette,
        font: QFont,
        as_is: AsIs | None,
    ) -> None:
        graph, scene, personas, order = result.graph, self.scene, self.personas, self.order
        overall = feedback.overall if feedback is not None else None
        returns = graph.return_edges
        scene.clear()
        geo = self.geo = Geometry.for_font(font, len(returns), overall is not None, personas.rows)
        self.lane_counts = {p: sum(1 for i in infos if i.phase == p) for p in PHASES}
        width = geo.width(len(order))
        height = geo.chart_top + geo.chart_h + geo.pad * 2
        scene.setSceneRect(0, 0, width, height)
        column = {tp_id: i for i, tp_id in enumerate(order)}
        rects = {info.tp_id: geo.card_rect(column[info.tp_id], info.phase) for info in infos}
        self.cards = {}
        for info in infos:
            card = CardItem(info, rects[info.tp_id], pal, font)
            scene.addItem(card)
            self.cards[info.tp_id] = card
            if info.nps is not None:
                NpsChipItem(info.nps, card.nps_row_rect(), pal, font, card)
        reached = [i for i in infos if not i.unreachable]
        if len(reached) < len(infos):
            add_unreachable_divider(scene, geo, rects[infos[len(reached)].tp_id], pal, font)

        add_arrows(
            scene, geo, rects, column, graph.journey.edges, returns, personas.skipped, pal, font
        )

        self._draw_curves(result, feedback, infos, rects, column, pal, font, as_is)

    def _draw_curves(
        self,
        result: CheckResult,
        feedback: Feedback | None,
        infos: list[CardInfo],
        rects: dict[str, QRectF],
        column: dict[str, int],
        pal: QPalette,
        font: QFont,
        as_is: AsIs | None,
    ) -> None:
        """The emotion chart (the design's curve, its peak and end, the measured NPS) and
        the personas' and the compared design's curves over it, with what they sum up."""
        graph, scene, personas, geo = result.graph, self.scene, self.personas, self.geo
        assert geo is not None
        ends, peak = graph.ends, graph.peak
        width = geo.width(len(self.order))
        self.markers = {}
        for tp_id in ends:
            self.markers[tp_id] = "end"
        if peak is not None:
            self.markers[peak] = "peak · end" if peak in self.markers else "peak"
        designed = graph.touchpoints  # the cards may be a persona's
        points = [
            CurvePoint(
                i.tp_id,
                rects[i.tp_id].center().x(),
                designed[i.tp_id].emotion,
                personas.design_marks(self.markers.get(i.tp_id, "")),
                i.unreachable,
            )
            for i in infos
        ]
        # Measured NPS stands just right of the designed emotion of its column.
        xs = {tp_id: r.center().x() + geo.pad * 2.2 for tp_id, r in rects.items()}
        answers = personas.answers(feedback)
        series = series_of(answers, infos, xs, column) if answers is not None else None
        self.measured = series.points if series is not None else []
        self.hotspots = series.hotspots if series is not None else []
        self.legend = personas.feedback_legend(series.legend if series else None)
        shown, marks = personas.shown, series.marks if series is not None else []
        self.chart = EmotionChart(geo, width, points, pal, font, self.measured, bool(shown), marks)
        scene.addItem(self.chart)
        personas.draw(scene, geo, width, points, pal, font)
        self.as_is_curve = None
        if as_is is not None:
            journey = as_is.journey(shown.persona if shown else None)
            label = personas.as_is
            self.as_is_curve = AsIsCurve(geo, width, tuple(points), journey, label, pal, font)
            scene.addItem(self.as_is_curve)
        self.markers, peak, ends = personas.marks(self.markers, peak, ends)
        title = shown.title if shown else ""
        self._summed = (peak, ends, title)
        self.summary = journey_summary(infos, peak, ends, self.hotspots, title)


def _unfelt(state: object) -> object:
    """What the personas' part of a drawing depends on (`Personas.read`), but their
    feelings: those only move their curves and marks (`_draw_curves`)."""
    if not isinstance(state, tuple) or not state or not isinstance(state[0], tuple):
        return state
    guests = tuple(replace(g, journey=replace(g.journey, emotion={})) for g in state[0])
    return (guests, *state[1:])


def following(persona: str) -> Callable[[list[Guest]], str]:
    """Who a picture follows: `persona` when the design has them, else every guest."""
    return lambda guests: persona if any(g.persona == persona for g in guests) else ""


def journey_picture(
    design: Design,
    result: CheckResult,
    feedback: Feedback | None,
    palette: QPalette,
    font: QFont,
    persona: str = "",
    as_is: AsIs | None = None,
) -> QGraphicsScene:
    """A new scene of the journey as the tab shows it scrolled to its start, at its own
    size: the drawing, its backdrop, and the pinned parts over the whole of it."""
    scene = QGraphicsScene()
    drawing = JourneyDrawing(scene, Personas(following(persona), _legend_room))
    drawing.build(design, result, feedback, palette, font, as_is)
    geo = drawing.geo
    if geo is None:  # no touchpoints: the lanes and the chart, empty
        geo = Geometry.for_font(font, 0)
        scene.setSceneRect(0, 0, geo.width(0), geo.chart_top + geo.chart_h + geo.pad * 2)
    rect = QRectF(scene.sceneRect())
    scene.addItem(BackdropItem(geo, rect, palette))
    scene.addItem(PinnedItem(geo, rect, drawing.pinned(), palette, font))
    return scene


def _legend_room(geo: Geometry, scene_width: float) -> float:
    """The legends' width in a picture: the whole scene's, as in a tab wide enough."""
    return Frame.whole(scene_width).legend_width(geo)
