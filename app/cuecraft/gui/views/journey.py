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

from typing import TYPE_CHECKING

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

from cuecraft.core.edits import Change
from cuecraft.core.findings import Finding
from cuecraft.core.i18n import _
from cuecraft.gui.document import Document

from ._style import empty_html, empty_state, retranslate_empty_state
from .journey_arrows import EdgeItem
from .journey_canvas import JourneyCanvas
from .journey_cards import touchpoint_findings
from .journey_compare import AsIs
from .journey_items import CardItem
from .journey_nps import nps_y
from .journey_nps_chip import NpsChipItem
from .journey_personas_view import PersonaPart
from .journey_scene import JourneyDrawing, journey_picture

if TYPE_CHECKING:
    from cuecraft.core.check import CheckResult

# The sections whose own fields the journey shows (touchpoints' names, phases, feelings
# and zones, the zones' names, the personas, the design's own); the rest reaches it only
# through the checks' result (presence, findings), which a new result brings.
JOURNEY_SECTIONS = frozenset({"touchpoints", "zones", "personas", "design"})
NAMED = frozenset({"touchpoints", "zones"})  # whose names the cards say


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

    picture_view = "journey"  # View ▸ Save view as image… (gui/picture.py)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._canvas = JourneyCanvas(self)
        self._scene = QGraphicsScene(self)
        self._canvas.setScene(self._scene)
        self._personas = PersonaPart(self, self._canvas)
        self._drawing = JourneyDrawing(self._scene, self._personas.state)
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
        self._as_is: AsIs | None = None  # while comparing: the other design (view state)
        self._dirty = True
        self._personas.switch.chosen.connect(self._on_checked)
        self._personas.relayout.connect(self._on_checked)  # their legend fits the width
        self._canvas.clicked.connect(self._select)
        self._canvas.step.connect(self._step)
        # What the last drawing was made from: a re-check that kept the result, after
        # edits of nothing the journey shows (a cue's text, an owner), draws nothing new.
        self._drawn: CheckResult | None = None
        self._concerns: dict[str, list[Finding]] = {}
        self._shown_edited = True
        # The touchpoints and zones whose names alone were typed since (None: more).
        self._renamed: set[str] | None = None
        document.changed.connect(self._note_change)
        document.checked.connect(self._on_document_checked)
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
        return list(self._drawing.order)

    def card_item(self, tp_id: str) -> CardItem | None:
        self._ensure_fresh()
        return self._drawing.cards.get(tp_id)

    def card_center(self, tp_id: str) -> QPoint:
        """Where the card is in viewport coordinates (scrolled into view first)."""
        card = self._drawing.cards[tp_id]
        self._canvas.ensureVisible(card, 40, 40)
        return self._canvas.mapFromScene(card.sceneBoundingRect().center())

    def markers(self) -> dict[str, str]:
        """The labelled points of the emotion curve: touchpoint id → "peak", "end", ..."""
        self._ensure_fresh()
        return dict(self._drawing.markers)

    def marker_labels(self) -> dict[str, str]:
        """The words the curve writes at its marked points, in the current language."""
        self._ensure_fresh()
        theirs = self._personas.state.marker_labels()
        if theirs is not None:
            return theirs
        chart = self._drawing.chart
        return chart.marker_labels() if chart is not None else {}

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
        return {p.tp_id: (p.score, p.low, p.high, p.responses) for p in self._drawing.measured}

    def nps_center(self, tp_id: str) -> QPoint:
        """Where a touchpoint's measured NPS is drawn, in viewport coordinates (scrolled to)."""
        self._ensure_fresh()
        geo = self._canvas.geo
        point = next(p for p in self._drawing.measured if p.tp_id == tp_id)
        assert geo is not None
        centre = QPointF(point.x, nps_y(geo, point.score))
        self._canvas.ensureVisible(QRectF(centre, centre).adjusted(-40, -40, 40, 40))
        return self._canvas.mapFromScene(centre)

    def hotspots(self) -> list[str]:
        """Touchpoints marked as detractor hotspots (FBK001, every guest's), in journey order."""
        self._ensure_fresh()
        return list(self._drawing.hotspots)

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
            for i, c in self._drawing.cards.items()
            for item in c.childItems()
            if isinstance(item, NpsChipItem)
        }

    def badges(self) -> dict[str, str]:
        """Touchpoints with a findings badge and its severity."""
        self._ensure_fresh()
        return {i: c.info.badge for i, c in self._drawing.cards.items() if c.info.badge}

    def selected_card(self) -> str:
        return next((i for i, c in self._drawing.cards.items() if c.selected), "")

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
        curve = self._drawing.as_is_curve
        return curve.felt() if curve is not None else {}

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

    def _note_change(self, change: Change) -> None:
        if change.fields is None or not change.sections.isdisjoint(JOURNEY_SECTIONS):
            if not self._shown_edited:
                self._renamed = set()
            self._shown_edited = True
            named = change.fields is not None and change.fields <= {"name"}
            if self._renamed is not None and named and change.sections <= NAMED:
                self._renamed |= change.ids
            else:
                self._renamed = None

    def _on_document_checked(self) -> None:
        result, drawn = self.document.result, self._drawn
        renamed, self._renamed = self._renamed, None
        if result is drawn and self._shown_edited and renamed and not self._dirty:
            # Only touchpoints' or zones' names typed, and nothing else changed: their
            # cards say them (at 10,000 cues making every card again took 20 ms a key).
            graph = result.graph
            zones = renamed & graph.zones.keys()
            tp_ids = (renamed & graph.touchpoints.keys()) | {
                t for t, tp in graph.touchpoints.items() if zones and tp.zone in zones
            }
            self._drawing.rename(result, self.document.feedback, tp_ids)
            self._canvas.setAccessibleDescription(self._drawing.summary)
            self._shown_edited = False
            return
        if drawn is not None and not self._shown_edited:
            if result is drawn:
                return  # typing in a field the journey does not show: nothing to draw again
            # The same graph (a re-check of rules only): the journey draws nothing else
            # of a result than the findings that concern touchpoints (its badges).
            if result.graph is drawn.graph and touchpoint_findings(result) == self._concerns:
                self._drawn = result
                return
        self._on_checked()

    def _on_checked(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._ensure_fresh()

    def _ensure_fresh(self) -> None:
        if self._dirty:
            self._dirty = False
            self._rebuild()

    def _rebuild(self) -> None:
        drawing, canvas = self._drawing, self._canvas
        document = self.document
        result, feedback = document.result, document.feedback
        self._drawn, self._shown_edited = result, False
        self._concerns = touchpoint_findings(result)
        drawing.build(document.design, result, feedback, self.palette(), self.font(), self._as_is)
        canvas.geo = drawing.geo
        canvas.lane_counts = drawing.lane_counts
        canvas.legend = drawing.legend
        canvas.persona_legend = self._personas.state.legend
        if not drawing.order:
            self._stack.setCurrentWidget(self._empty)
            return
        self._stack.setCurrentWidget(self._page)
        canvas.setAccessibleDescription(drawing.summary)
        self._on_selection(document.selected, scroll=False)

    # -- pictures (View ▸ Save view as image…) -------------------------------------

    def has_picture(self) -> bool:
        """Whether there is a journey to draw (the tab shows its empty state otherwise)."""
        return bool(self.document.result.graph.journey_order)

    def picture_scene(self) -> QGraphicsScene:
        """The journey as this tab shows it (the persona it follows, the design it compares
        with), drawn for a file as `cuecraft render --view journey` draws it."""
        from cuecraft.gui.picture import light_palette, picture_font  # saving a picture only

        document = self.document
        return journey_picture(
            document.design,
            document.result,
            document.feedback,
            light_palette(),
            picture_font(),
            self._personas.state.shown.persona if self._personas.state.shown else "",
            self._as_is,
        )

    # -- selection ----------------------------------------------------------------

    def _select(self, tp_id: str) -> None:
        self._canvas.setFocus(Qt.FocusReason.MouseFocusReason)
        self.document.select(tp_id)

    def _step(self, delta: int) -> None:
        order = self._drawing.order
        if not order:
            return
        current = self.document.selected
        index = order.index(current) if current in order else -1
        if index < 0:
            index = 0 if delta > 0 else len(order) - 1
        else:
            index = max(0, min(len(order) - 1, index + delta))
        self.document.select(order[index])

    def _on_selection(self, item_id: str, scroll: bool = True) -> None:
        cards, chart = self._drawing.cards, self._drawing.chart
        for tp_id, each in cards.items():
            each.set_selected(tp_id == item_id)
        card = cards.get(item_id)
        if chart is not None:
            chart.set_selected_x(card.sceneBoundingRect().center().x() if card else None)
        if card is not None and scroll:
            self._canvas.ensureVisible(card, 60, 30)
