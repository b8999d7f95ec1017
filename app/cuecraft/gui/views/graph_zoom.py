"""Zoom and fit of the Graph tab: wheel and keys zoom, Fit shows the whole graph (every
node and every label it draws), and a graph too tall to read fitted starts at its top, as
wide as the view. A view placed so stays so as it is resized and as the graph changes,
until the designer zooms or pans."""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGraphicsScene

from .graph_canvas import GraphCanvas
from .graph_items import NodeItem
from .graph_layout import fit_scale, fits

MIN_SCALE, MAX_SCALE = 0.01, 6.0
FIT_MAX = 1.6  # Fit never blows a small graph up past a comfortable reading size
HAIRLINE = 0.3  # below this a fitted graph is too small to read: start at its top instead
# A motif typed that no longer fits the placed view is placed again only once the typing
# pauses: the drawing does not zoom under the designer's keys, and at 10,000 cues placing
# it again takes longer than a keystroke may keep the window waiting.
REFIT_AFTER_TYPING_MS = 800


class GraphZoom:
    """The zoom of the Graph tab's canvas (a part of `GraphView`)."""

    _canvas: GraphCanvas
    _scene: QGraphicsScene
    _nodes: dict[str, NodeItem]
    # "fit" or "top" while the view shows what Fit (or the first view) chose; None once the
    # designer zooms or pans. A resize then keeps the whole graph in view.
    _auto_view: str | None
    _fitted: bool
    _refit: QTimer  # runs `_reapply_view` once motifs typed pause (`refit_after_typing`)

    def scale(self) -> float:
        return self._canvas.transform().m11()

    def zoom_by(self, factor: float) -> None:
        current = self.scale()
        target = max(MIN_SCALE, min(MAX_SCALE, current * factor))
        if current > 0 and not math.isclose(target, current):
            self._auto_view = None
            self._canvas.scale(target / current, target / current)

    def fit(self) -> None:
        """Show the whole graph: every node and every label it draws, in the middle of
        the view (never blown up past a comfortable reading size)."""
        if self._nodes:
            self._place("fit")

    def _first_view(self) -> None:
        """Fit; a graph so tall that fitting makes it a hairline starts at its top, as wide
        as the view instead."""
        self.fit()
        if self._nodes and self.scale() < HAIRLINE:
            self._place("top")

    def _place(self, mode: str) -> None:
        self._refit.stop()  # placed now
        bounds = self._scene.sceneRect()
        width, height = self._room(mode)
        items = list(self._nodes.values())
        self._canvas.placing = True
        try:
            if mode == "fit":
                self._set_scale(fit_scale(items, bounds, width, height, MIN_SCALE, FIT_MAX))
                self._canvas.centerOn(bounds.center())
            else:  # as wide as the view (beside its vertical scroll bar), from the top
                scale = fit_scale(items, bounds, width, height, MIN_SCALE, 1.0)
                self._set_scale(scale)
                half = self._canvas.viewport().height() / 2 / scale
                self._canvas.centerOn(bounds.center().x(), bounds.top() + half)
        finally:
            self._canvas.placing = False
        self._auto_view = mode
        self._fitted = True

    def _room(self, mode: str) -> tuple[float, float]:
        """The room a drawing placed so has: the viewport without scroll bars for "fit"
        (a fitted drawing needs none); for "top", its width beside the vertical bar, and
        no end downwards."""
        room = self._canvas.maximumViewportSize()
        if mode == "fit":
            return float(room.width()), float(room.height())
        # Qt centres a narrow scene on the width the bar leaves or on the whole width:
        # keep clear of the bar on both sides either way.
        bar = self._canvas.verticalScrollBar().sizeHint().width()
        return float(room.width() - 2 * bar), math.inf

    def _shows(self, nodes: Iterable[str]) -> bool:
        """Whether the nodes (and their labels) lie in the room of the view as it is placed
        now (always, once the designer has zoomed or panned)."""
        if self._auto_view is None:
            return True
        width, height = self._room(self._auto_view)
        items = [self._nodes[node] for node in nodes]
        return fits(items, self._scene.sceneRect(), width, height, self.scale())

    def refit_after_typing(self) -> None:
        """Place the view again as Fit (or the first view) did, once the typing pauses
        (`REFIT_AFTER_TYPING_MS`); not if the designer zooms or pans meanwhile."""
        self._refit.start()

    def _reapply_view(self) -> None:
        if self._auto_view is not None and self._nodes:
            self._place(self._auto_view)

    def _set_scale(self, scale: float) -> None:
        self._canvas.resetTransform()
        self._canvas.scale(scale, scale)
