"""The priority matrix's canvas: clicking, dragging and the keys that move a chip.

A press on a chip selects its cue (the inspector then edits it, its owner
included); dragging it past the platform's drag distance lifts it, the cell
under the pointer lights up, and letting go there sets the cue's impact and
effort (in the tray: clears them) as one undo step. Escape puts a lifted chip
back. With the canvas focused, the arrow keys move the selected chip one cell
(Up: more impact, Right: more effort) and Page Up / Page Down select the chip
before or after it in the elimination plan, so all of it works without a mouse.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView

from .priority_items import ChipItem
from .priority_scene import PriorityScene

if TYPE_CHECKING:
    from .priority_matrix import PriorityMatrixView

EDGE = 28  # pixels from the viewport's edge where a dragged chip scrolls the view
EDGE_STEP = 18

# Arrow key → (change of impact, change of effort): up is more impact, right more effort.
MOVES = {
    Qt.Key.Key_Up: (1, 0),
    Qt.Key.Key_Down: (-1, 0),
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
}


class MatrixCanvas(QGraphicsView):
    def __init__(self, view: PriorityMatrixView) -> None:
        self._pressed: ChipItem | None = None
        self._grab = QPointF()  # where in the chip it was taken
        self._press_at = QPoint()
        self.dragging = False
        super().__init__(view)
        # Weakly: a cycle with the view would leave it to the garbage collector, which may
        # run in the middle of a paint and delete the window being painted.
        self._view = weakref.ref(view)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The matrix is laid out to the view's width less a scroll bar's (shown or not, so
        # the bar coming and going never lays it out again): only a long list scrolls.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    @property
    def view(self) -> PriorityMatrixView:
        view = self._view()
        if view is None:  # pragma: no cover - the canvas dies with its view
            raise RuntimeError("the priority matrix of this canvas is gone")
        return view

    def matrix(self) -> PriorityScene:
        scene = self.scene()
        assert isinstance(scene, PriorityScene)
        return scene

    def chip_at(self, point: QPoint) -> ChipItem | None:
        for item in self.items(point):
            found: QGraphicsItem | None = item
            while found is not None and not isinstance(found, ChipItem):
                found = found.parentItem()
            if isinstance(found, ChipItem):
                return found
        return None

    # -- the mouse -------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            point = event.position().toPoint()
            chip = self.chip_at(point)
            if chip is not None:
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.view.document.select(chip.cue_id)
                self._pressed = chip
                self._grab = self.mapToScene(point) - chip.pos()
                self._press_at = point
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        chip = self._pressed
        if chip is None:
            super().mouseMoveEvent(event)
            return
        point = event.position().toPoint()
        if not self.dragging:
            if (point - self._press_at).manhattanLength() < QApplication.startDragDistance():
                return
            self.dragging = True
            chip.setZValue(50)
            chip.setOpacity(0.92)
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        self._scroll_near_edge(point)
        at = self.mapToScene(point)
        chip.setPos(at - self._grab)
        self.matrix().set_hot(self.matrix().target_at(at))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        chip = self._pressed
        if chip is None:
            super().mouseReleaseEvent(event)
            return
        dragged = self.dragging
        self._end_drag()
        if dragged:
            spot = self.matrix().target_at(self.mapToScene(event.position().toPoint()))
            self.view.drop(chip.cue_id, spot)
        event.accept()

    def _end_drag(self) -> None:
        self._pressed = None
        self.dragging = False
        self.viewport().unsetCursor()

    def cancel_drag(self) -> None:
        """Put a lifted chip back where it was."""
        if self._pressed is not None:
            lifted = self.dragging
            self._end_drag()
            if lifted:
                self.view.redraw()

    def _scroll_near_edge(self, point: QPoint) -> None:
        """A chip dragged to the top or bottom edge scrolls the matrix, so a cell out of
        sight (the tray under the grid in a small window) can still be reached."""
        bar = self.verticalScrollBar()
        if point.y() < EDGE:
            bar.setValue(bar.value() - EDGE_STEP)
        elif point.y() > self.viewport().height() - EDGE:
            bar.setValue(bar.value() + EDGE_STEP)

    # -- the keys --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        plain = not (
            event.modifiers()
            & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.NoModifier)
        )
        if key == Qt.Key.Key_Escape and self._pressed is not None:
            self.cancel_drag()
        elif key in MOVES and plain and not self.dragging:
            self.view.nudge(*MOVES[key])
        elif key == Qt.Key.Key_PageDown and plain:
            self.view.step_selection(1)
        elif key == Qt.Key.Key_PageUp and plain:
            self.view.step_selection(-1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Also sent while the window is torn down, after Python let go of our attributes.
        if getattr(self, "_pressed", None) is not None:
            self.cancel_drag()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.relayout_soon()
