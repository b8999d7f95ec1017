"""The journey view: phases as lanes, touchpoints as cards, the emotion curve beneath.

Cards stand in the graph's journey order (`DesignGraph.journey_order`, the
order of the brief too: every arrow forward, then phase, then steps from an
entry, unreachable touchpoints last), one column each, in the lane of their
phase. `next` edges are arrows, return edges dashed loops over the top;
under the lanes the emotion curve runs across the same columns with the peak
and the end labelled (the peak–end rule). When the design has guest feedback,
each card shows its touchpoint's Net Promoter Score and the chart the measured
NPS beside the designed emotion (journey_nps). When the design has personas, a
switch over the drawing overlays their curves or follows one of them
(journey_personas); following one, the NPS shown is their answers' when the
survey says who answered (journey_answers). While comparing with another design
(File ▸ Compare with…), its emotion curve runs dashed and grey over the same columns
(journey_compare).

Every word is written in the current language (`cuecraft.core.i18n`) when the
scene is made or painted; `retranslate()` (also run on Qt's LanguageChange)
makes the scene again in the language now set.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.feedback import Nps
from cuecraft.core.i18n import _, current_language
from cuecraft.core.model import PHASES
from cuecraft.gui.document import Document

from ._style import empty_html, empty_state, retranslate_empty_state
from .journey_answers import series_of
from .journey_arrows import EdgeItem, add_arrows, add_unreachable_divider
from .journey_canvas import JourneyCanvas
from .journey_cards import card_infos, journey_summary
from .journey_chart import CurvePoint, EmotionChart
from .journey_compare import AsIs, AsIsCurve, as_is_label
from .journey_items import CardInfo, CardItem, Geometry
from .journey_nps import MeasuredPoint, nps_y
from .journey_nps_chip import NpsChipItem
from .journey_personas_view import PersonaPart


def empty_text() -> str:
    """What the view says with no touchpoints, in the current language."""
    return empty_html(
        _("No touchpoints yet"),
        _(
            "Add the moments of the guest’s visit — before, during and after — "
            "and their journey and emotion curve appear here."
        ),
    )


class JourneyView(QWidget):
    """The guest's journey across the three phases, with the emotion curve.

    `retranslate()` redraws every text in the language now set (lane names, counts,
    the chart's scale and marks, cards, tooltips, the NPS legend); it runs by itself
    on Qt's LanguageChange event, and the scene is made again whenever the language
    differs from the one it was made in.
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._canvas = JourneyCanvas(self)
        self._scene = QGraphicsScene(self)
        self._canvas.setScene(self._scene)
        self._personas = PersonaPart(self, self._canvas)
        self._page = QWidget(self)
        column = QVBoxLayout(self._page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._personas.switch)
        column.addWidget(self._canvas, 1)
        self._empty = empty_state(empty_text(), self)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self._page)
        self._stack.addWidget(self._empty)
        self._cards: dict[str, CardItem] = {}
        self._order: list[str] = []
        self._markers: dict[str, str] = {}
        self._measured: list[MeasuredPoint] = []
        self._hotspots: list[str] = []
        self._chart: EmotionChart | None = None
        self._as_is: AsIs | None = None  # while comparing: the other design (view state)
        self._as_is_curve: AsIsCurve | None = None
        self._signature: object = None
        self._dirty = True
        self._personas.switch.chosen.connect(self._on_checked)
        self._personas.relayout.connect(self._on_checked)  # their legend fits the width
        self._canvas.clicked.connect(self._select)
        self._canvas.step.connect(self._step)
        document.checked.connect(self._on_checked)
        document.selection_changed.connect(self._on_selection)
        self._name_widgets()

    def retranslate(self) -> None:
        """Redraw every text in the current language (also run on LanguageChange)."""
        self._name_widgets()
        self._canvas.retranslate()
        self._personas.switch.retranslate()
        retranslate_empty_state(self._empty, empty_text())
        self._on_checked()  # the scene's signature holds the language: it is made again

    def _name_widgets(self) -> None:
        self.setAccessibleName(_("Journey view"))

    # -- read-only helpers (tests, other panels) ---------------------------------

    def card_ids(self) -> list[str]:
        """Touchpoint ids of the cards, in journey order."""
        self._ensure_fresh()
        return list(self._order)

    def card_item(self, tp_id: str) -> CardItem | None:
        self._ensure_fresh()
        return self._cards.get(tp_id)

    def card_center(self, tp_id: str) -> QPoint:
        """Where the card is in viewport coordinates (scrolled into view first)."""
        card = self._cards[tp_id]
        self._canvas.ensureVisible(card, 40, 40)
        return self._canvas.mapFromScene(card.sceneBoundingRect().center())

    def markers(self) -> dict[str, str]:
        """The labelled points of the emotion curve: touchpoint id → "peak", "end", ..."""
        self._ensure_fresh()
        return dict(self._markers)

    def marker_labels(self) -> dict[str, str]:
        """The words the curve writes at its marked points, in the current language."""
        self._ensure_fresh()
        theirs = self._personas.marker_labels()
        if theirs is not None:
            return theirs
        return self._chart.marker_labels() if self._chart is not None else {}

    def personas(self) -> PersonaPart:
        """The persona switch and what it shows (their curves, legend and marks)."""
        self._ensure_fresh()
        return self._personas

    def pinned_texts(self) -> list[str]:
        """The lane titles and counts and the chart's title pinned at the left, as drawn."""
        self._ensure_fresh()
        return self._canvas.pinned_texts()

    def scene_texts(self) -> list[str]:
        """The texts of the scene's text items and labelled arrows (return visits, the
        unreachable divider)."""
        self._ensure_fresh()
        out = []
        for item in self._scene.items():
            if isinstance(item, QGraphicsSimpleTextItem):
                out.append(item.text())
            elif isinstance(item, EdgeItem) and item.label:
                out.append(item.label)
        return out

    def measured(self) -> dict[str, tuple[float, float, float, int]]:
        """Guests' NPS per touchpoint in the chart: id → (score, low, high, responses)."""
        self._ensure_fresh()
        return {p.tp_id: (p.score, p.low, p.high, p.responses) for p in self._measured}

    def nps_center(self, tp_id: str) -> QPoint:
        """Where a touchpoint's measured NPS is drawn, in viewport coordinates (scrolled to)."""
        self._ensure_fresh()
        geo = self._canvas.geo
        point = next(p for p in self._measured if p.tp_id == tp_id)
        assert geo is not None
        centre = QPointF(point.x, nps_y(geo, point.score))
        self._canvas.ensureVisible(QRectF(centre, centre).adjusted(-40, -40, 40, 40))
        return self._canvas.mapFromScene(centre)

    def hotspots(self) -> list[str]:
        """Touchpoints marked as detractor hotspots (FBK001, every guest's), in journey order."""
        self._ensure_fresh()
        return list(self._hotspots)

    def legend(self) -> list[str]:
        """The texts of the chart's legend (none without feedback)."""
        self._ensure_fresh()
        legend = self._canvas.legend
        return legend.texts if legend is not None else []

    def nps_chips(self) -> dict[str, str]:
        """The NPS chip text of each card (none without feedback)."""
        self._ensure_fresh()
        return {
            i: item.text
            for i, c in self._cards.items()
            for item in c.childItems()
            if isinstance(item, NpsChipItem)
        }

    def badges(self) -> dict[str, str]:
        """Touchpoints with a findings badge and its severity."""
        self._ensure_fresh()
        return {i: c.info.badge for i, c in self._cards.items() if c.info.badge}

    def selected_card(self) -> str:
        return next((i for i, c in self._cards.items() if c.selected), "")

    def canvas(self) -> QGraphicsView:
        return self._canvas

    # -- comparing ----------------------------------------------------------------

    def set_as_is(self, as_is: AsIs | None) -> None:
        """Overlay the other design's emotion curve (File ▸ Compare with…); None: stop."""
        self._as_is = as_is
        self._on_checked()

    def as_is_drawn(self) -> dict[str, int | None]:
        """The other design's emotion at each column its curve has a point in."""
        self._ensure_fresh()
        return self._as_is_curve.felt() if self._as_is_curve is not None else {}

    # -- refresh ------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        themed = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_canvas"):
            self.retranslate()
        elif event.type() in themed and hasattr(self, "_canvas"):
            self._on_checked()  # the scene's signature holds the font and palette

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_fresh()

    def _on_checked(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._ensure_fresh()

    def _ensure_fresh(self) -> None:
        if self._dirty:
            self._dirty = False
            self._rebuild()

    def _rebuild(self) -> None:
        result = self.document.result
        graph = result.graph
        feedback = self.document.feedback
        order = graph.journey_order
        self._personas.as_is = as_is_label(self._as_is.name) if self._as_is else ""
        personas = self._personas.read(self.document.design, result, feedback is not None)
        cards = self._personas.cards(card_infos(result, self._personas.answers(feedback)))
        signature = (
            tuple(cards),
            personas,
            tuple(graph.journey.edges),
            tuple(graph.return_edges),
            tuple(graph.ends),
            feedback.overall if feedback is not None else None,
            self.font().key(),
            self.palette().cacheKey(),
            current_language(),
            self._as_is,
        )
        self._order = order
        if not order:
            self._stack.setCurrentWidget(self._empty)
            self._scene.clear()
            self._cards, self._markers, self._chart = {}, {}, None
            self._as_is_curve = None
            self._measured, self._hotspots = [], []
            self._signature = signature
            self._canvas.geo = None
            self._canvas.legend = None
            self._personas.clear()
            return
        self._stack.setCurrentWidget(self._page)
        if signature != self._signature:
            self._signature = signature
            self._build_scene(
                cards,
                order,
                graph.journey.edges,
                graph.return_edges,
                graph.ends,
                graph.peak,
                feedback.overall if feedback is not None else None,
            )
        self._on_selection(self.document.selected, scroll=False)

    def _build_scene(
        self,
        infos: list[CardInfo],
        order: list[str],
        edges: Iterable[tuple[str, str]],
        returns: list[tuple[str, str]],
        ends: list[str],
        peak: str | None,
        overall: Nps | None,
    ) -> None:
        scene, pal, font = self._scene, self.palette(), self.font()
        scene.clear()
        geo = Geometry.for_font(font, len(returns), overall is not None, self._personas.rows)
        self._canvas.geo = geo
        self._canvas.lane_counts = {p: sum(1 for i in infos if i.phase == p) for p in PHASES}
        width = geo.width(len(order))
        height = geo.chart_top + geo.chart_h + geo.pad * 2
        scene.setSceneRect(0, 0, width, height)
        column = {tp_id: i for i, tp_id in enumerate(order)}
        rects = {info.tp_id: geo.card_rect(column[info.tp_id], info.phase) for info in infos}
        self._cards = {}
        for info in infos:
            card = CardItem(info, rects[info.tp_id], pal, font)
            scene.addItem(card)
            self._cards[info.tp_id] = card
            if info.nps is not None:
                NpsChipItem(info.nps, card.nps_row_rect(), pal, font, card)
        reached = [i for i in infos if not i.unreachable]
        if len(reached) < len(infos):
            add_unreachable_divider(scene, geo, rects[infos[len(reached)].tp_id], pal, font)

        add_arrows(scene, geo, rects, column, edges, returns, self._personas.skipped, pal, font)

        self._markers = {}
        for tp_id in ends:
            self._markers[tp_id] = "end"
        if peak is not None:
            self._markers[peak] = "peak · end" if peak in self._markers else "peak"
        designed = self.document.result.graph.touchpoints  # the cards may be a persona's
        points = [
            CurvePoint(
                i.tp_id,
                rects[i.tp_id].center().x(),
                designed[i.tp_id].emotion,
                self._personas.design_marks(self._markers.get(i.tp_id, "")),
                i.unreachable,
            )
            for i in infos
        ]
        # Measured NPS stands just right of the designed emotion of its column.
        xs = {tp_id: r.center().x() + geo.pad * 2.2 for tp_id, r in rects.items()}
        answers = self._personas.answers(self.document.feedback)
        series = series_of(answers, infos, xs, column) if answers is not None else None
        self._measured = series.points if series is not None else []
        self._hotspots = series.hotspots if series is not None else []
        self._canvas.legend = self._personas.feedback_legend(series.legend if series else None)
        shown, marks = self._personas.shown, series.marks if series is not None else []
        self._chart = EmotionChart(
            geo, width, points, pal, font, self._measured, bool(shown), marks
        )
        scene.addItem(self._chart)
        self._personas.draw(scene, geo, width, points)
        self._as_is_curve = None
        if self._as_is is not None:
            journey = self._as_is.journey(shown.persona if shown else None)
            label = self._personas.as_is
            self._as_is_curve = AsIsCurve(geo, width, tuple(points), journey, label, pal, font)
            scene.addItem(self._as_is_curve)
        self._markers, peak, ends = self._personas.marks(self._markers, peak, ends)
        words = journey_summary(infos, peak, ends, self._hotspots, shown.title if shown else "")
        self._canvas.setAccessibleDescription(words)

    # -- selection ----------------------------------------------------------------

    def _select(self, tp_id: str) -> None:
        self._canvas.setFocus(Qt.FocusReason.MouseFocusReason)
        self.document.select(tp_id)

    def _step(self, delta: int) -> None:
        if not self._order:
            return
        current = self.document.selected
        index = self._order.index(current) if current in self._order else -1
        if index < 0:
            index = 0 if delta > 0 else len(self._order) - 1
        else:
            index = max(0, min(len(self._order) - 1, index + delta))
        self.document.select(self._order[index])

    def _on_selection(self, item_id: str, scroll: bool = True) -> None:
        for tp_id, each in self._cards.items():
            each.set_selected(tp_id == item_id)
        card = self._cards.get(item_id)
        if self._chart is not None:
            self._chart.set_selected_x(card.sceneBoundingRect().center().x() if card else None)
        if card is not None and scroll:
            self._canvas.ensureVisible(card, 60, 30)
