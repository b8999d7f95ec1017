"""The Blueprint tab: the design's service blueprint (SPEC §2.1, §5), drawn by BlueprintScene.

Clicking a card selects its touchpoint, action or cue (the inspector then edits
it); a selection made elsewhere (the outline, a BLU finding) highlights the card
and scrolls to it. The drawing is made again whenever the checks are fresh, and
only while the tab is shown. Wheel or Ctrl+= / Ctrl+- zoom, dragging pans,
Ctrl+0 fits. The row headings stay at the left edge as the drawing scrolls
sideways. `retranslate()` redraws every word; it runs by itself on LanguageChange.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.edits import Change
from cuecraft.core.i18n import _, ngettext
from cuecraft.gui.document import Document
from cuecraft.gui.picture import light_palette, picture_font

from ._style import count_text, show_summary, with_shortcut
from .blueprint_items import BlueprintStyle, CardItem
from .blueprint_scene import BlueprintScene
from .zoom_keys import add_zoom_keys

if TYPE_CHECKING:  # a type only: the checks load after the first frame
    from cuecraft.core.check import CheckResult

MIN_SCALE, MAX_SCALE = 0.05, 4.0
READABLE = 0.85  # the first view never starts smaller than this: a person reads it at once
ADD_ACTION_KEY = "Ctrl+Shift+B"  # Edit ▸ Add ▸ Action (blueprint), main_window.py


# Fields the graph does not read that move something on the grid when edited: an
# action's lane, zone, steps or needs. Editing one draws the blueprint again; the other
# fields it shows are words (names, an action's owner and times, a wait or fail point),
# changed in place (an action's card that grows or shrinks has the lanes stood again
# around it) unless a mark comes or goes.
MOVES = frozenset({("actions", name) for name in ("lane", "at", "zone", "needs")})


def hint_text() -> str:
    """What the empty lanes say: how to add the first action."""
    key = QKeySequence(ADD_ACTION_KEY).toString(QKeySequence.SequenceFormat.NativeText)
    return _(
        "No actions yet: add what staff and systems do to stage each step with "
        "Edit ▸ Add ▸ Action (blueprint) ({key})."
    ).format(key=key)


def blueprint_picture(result: CheckResult, palette: QPalette, font: QFont) -> QGraphicsScene:
    """A new scene of the blueprint as the tab draws it, findings ringed, on the palette's
    base: for `cuecraft render --view blueprint` and View ▸ Save view as image… (without
    the empty lanes' hint on adding an action, which no one can follow in a file)."""
    scene = BlueprintScene()
    scene.setBackgroundBrush(palette.base())
    scene.build(result.graph, BlueprintStyle.make(palette, font), result.findings)
    return scene


class _Canvas(QGraphicsView):
    def __init__(self, view: BlueprintView) -> None:
        super().__init__(view)
        self.view = view
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def card_at(self, point: QPoint) -> CardItem | None:
        for item in self.items(point):
            found: QGraphicsItem | None = item
            while found is not None and not isinstance(found, CardItem):
                found = found.parentItem()
            if isinstance(found, CardItem):
                return found
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            card = self.card_at(event.position().toPoint())
            if card is not None:
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.view.document.select(card.item_id)
                event.accept()
                return
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.view.zoom_by(1.0015 ** event.angleDelta().y())
        event.accept()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.view._pin_headings()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view._pin_headings()


class BlueprintView(QWidget):
    """The service blueprint of the document's design."""

    picture_view = "blueprint"  # View ▸ Save view as image… (gui/picture.py)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._scene = BlueprintScene(self)
        self._canvas = _Canvas(self)
        self._canvas.setScene(self._scene)
        self._dirty = True
        self._placed = False

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 8, 6)
        bar.setSpacing(4)
        self._summary = QLabel(self)
        bar.addWidget(self._summary, 1)
        self._buttons: dict[str, QToolButton] = {}
        for name, slot in (
            ("out", lambda: self.zoom_by(1 / 1.25)),
            ("in", lambda: self.zoom_by(1.25)),
            ("fit", self.fit),
        ):
            button = QToolButton(self)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self._buttons[name] = button
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self._canvas, 1)
        self._name_widgets()

        add_zoom_keys(self, lambda: self.zoom_by(1.25), lambda: self.zoom_by(1 / 1.25), self.fit)
        # The items typed into since last drawn (None: draw it all again): where the graph
        # stays, their words change in place (`BlueprintScene.refresh`).
        self._edited: set[str] | None = None
        document.changed.connect(self._note_change)
        document.checked.connect(self._on_checked)
        document.selection_changed.connect(self._on_selection)

    def retranslate(self) -> None:
        """Redraw every word in the current language (also run on LanguageChange)."""
        self._name_widgets()
        self._redraw()

    def _name_widgets(self) -> None:
        self.setAccessibleName(_("Blueprint view"))
        self._canvas.setAccessibleName(_("Service blueprint"))
        texts = {
            "out": ("−", _("Zoom out"), "Ctrl+-"),
            "in": ("+", _("Zoom in"), "Ctrl+="),
            # TRANSLATORS: a short button that zooms the blueprint to show all of it
            "fit": (_("Fit"), _("Show the whole blueprint"), "Ctrl+0"),
        }
        for name, (text, action, key) in texts.items():
            button = self._buttons[name]
            button.setText(text)
            button.setToolTip(with_shortcut(action, key))
            button.setAccessibleName(action)

    # -- read-only helpers (tests, other panels) -----------------------------------------

    def scene(self) -> BlueprintScene:
        self._ensure_fresh()
        return self._scene

    def canvas(self) -> QGraphicsView:
        return self._canvas

    def summary(self) -> str:
        return self._summary.text()

    def card_point(self, item_id: str) -> QPoint:
        """Where an item's card is in the canvas viewport (scrolled into view first)."""
        card = self.scene().card(item_id)
        assert card is not None, item_id
        self._canvas.ensureVisible(card, 8, 8)
        return self._canvas.mapFromScene(card.sceneBoundingRect().center())

    def is_in_view(self, item_id: str) -> bool:
        card = self.scene().card(item_id)
        if card is None:
            return False
        shown = self._canvas.mapToScene(self._canvas.viewport().rect()).boundingRect()
        return shown.intersects(card.sceneBoundingRect())

    def scale(self) -> float:
        return self._canvas.transform().m11()

    # -- pictures (View ▸ Save view as image…) -------------------------------------------

    def has_picture(self) -> bool:
        """Always: with no touchpoints the lanes still stand (the tab shows them too)."""
        return True

    def picture_scene(self) -> QGraphicsScene:
        """The whole blueprint, as `cuecraft render --view blueprint` draws it."""
        return blueprint_picture(self.document.result, light_palette(), picture_font())

    # -- zoom ----------------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        current = self.scale()
        target = max(MIN_SCALE, min(MAX_SCALE, current * factor))
        if current > 0 and not math.isclose(target, current):
            self._canvas.scale(target / current, target / current)
            self._pin_headings()

    def fit(self) -> None:
        """Show the whole blueprint (never blown up past its natural size)."""
        rect = self._scene.sceneRect()
        if rect.isEmpty():
            return
        room = self._canvas.maximumViewportSize()
        scale = min(room.width() / rect.width(), room.height() / rect.height(), 1.0)
        self._set_scale(max(MIN_SCALE, scale))
        self._canvas.centerOn(rect.center())
        self._pin_headings()

    def _first_view(self) -> None:
        """As tall as the view, if that is still readable; from the top-left."""
        rect = self._scene.sceneRect()
        if rect.isEmpty():
            return
        room = self._canvas.maximumViewportSize()
        scale = min(1.0, max(READABLE, room.height() / rect.height()))
        self._set_scale(scale)
        self._canvas.horizontalScrollBar().setValue(self._canvas.horizontalScrollBar().minimum())
        self._canvas.verticalScrollBar().setValue(self._canvas.verticalScrollBar().minimum())
        self._placed = True
        self._pin_headings()

    def _set_scale(self, scale: float) -> None:
        self._canvas.resetTransform()
        self._canvas.scale(scale, scale)

    def _pin_headings(self) -> None:
        """Keep the row headings at the left edge of what is shown."""
        band = self._scene.band
        if band is not None and shiboken6.isValid(band):  # not while the window closes
            left = self._canvas.mapToScene(QPoint(0, 0)).x()
            band.setPos(max(0.0, left), 0.0)

    # -- refresh -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        themed = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_summary"):
            self.retranslate()
        elif event.type() in themed and hasattr(self, "_scene"):
            self._redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_fresh()
        if not self._placed:
            self._first_view()

    def _on_checked(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._ensure_fresh()

    def _redraw(self) -> None:
        """Draw it all again when next shown (new words, fonts or colours everywhere)."""
        self._edited = None
        self._on_checked()

    def _note_change(self, change: Change) -> None:
        if self._edited is None:
            return
        if change.fields is None or any(
            (section, name) in MOVES for section in change.sections for name in change.fields
        ):
            self._edited = None
        else:
            self._edited |= change.ids

    def _ensure_fresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        result = self.document.result
        edited, self._edited = self._edited, set()
        if edited is not None and self._scene.refresh(result.graph, edited, result.findings):
            self._update_summary()
            return
        style = BlueprintStyle.make(self.palette(), self.font())
        self._scene.build(result.graph, style, result.findings, hint_text())
        self._canvas.setBackgroundBrush(self.palette().base())
        self._scene.select(self.document.selected)
        self._pin_headings()
        self._update_summary()

    def _update_summary(self) -> None:
        """ "14 steps · 9 actions · 2 fail points · 1 wait point", in the current language."""
        grid = self._scene.grid
        if grid is None:
            return
        design = self.document.design
        steps, actions = len(grid.columns), len(design.actions)
        fails = sum(1 for a in design.actions if a.has_fail_point)
        waits = sum(1 for kind, _id, _text in self._scene.marks() if kind == "wait")
        parts = [
            # TRANSLATORS: the blueprint's summary: how many touchpoints (steps) it shows
            ngettext("{n} step", "{n} steps", steps).format(n=count_text(steps)),
            ngettext("{n} action", "{n} actions", actions).format(n=count_text(actions)),
        ]
        if fails:
            parts.append(
                ngettext("{n} fail point", "{n} fail points", fails).format(n=count_text(fails))
            )
        if waits:
            parts.append(
                ngettext("{n} wait point", "{n} wait points", waits).format(n=count_text(waits))
            )
        text = " · ".join(parts)
        show_summary(self._summary, self._canvas, text, self.palette())

    # -- selection -----------------------------------------------------------------------

    def _on_selection(self, item_id: str) -> None:
        if self._dirty:
            return  # the next build selects it
        card = self._scene.select(item_id)
        if card is not None and not self.is_in_view(item_id):
            self._canvas.ensureVisible(card, 40, 40)
