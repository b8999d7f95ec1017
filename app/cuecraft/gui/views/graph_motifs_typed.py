"""Motifs typed with the Graph tab on show: the part of `GraphView` that draws them.

A motif typed into a cue, layer or souvenir, or into the theme, changes the network in
place (`core.network.retag_motifs`); the view then redraws only the motif column and its
edges (`graph_retag`), in slices a moment apart after the findings: worked out, drawn
(painted next), and the view's own account of them (`_settle`). Each slice stays well
within what a keystroke may keep the window waiting at 10,000 cues; together they did
not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGraphicsScene

from .graph_items import NodeFonts, NodeItem
from .graph_layout import Edge, Structure
from .graph_retag import Plan, Retagged, plan_retag, retag_drawn
from .graph_scene import LaidOut

if TYPE_CHECKING:  # types only: the checks load after the first frame
    from cuecraft.core.check import CheckResult
    from cuecraft.gui.document import Document


class GraphMotifsTyped:
    """Motifs typed, drawn in place (a part of `GraphView`)."""

    document: Document
    _scene: QGraphicsScene
    _nodes: dict[str, NodeItem]
    _edges: list[Edge]
    _fonts: NodeFonts | None
    _laid: LaidOut | None
    _structure: Structure | None
    _dirty: bool
    _edited: set[str] | None
    _auto_view: str | None
    _pending: Retagged | None  # motifs drawn anew, not yet accounted for
    _plan: Plan | Literal[False] | None  # motifs worked out, not drawn yet
    _chased: int  # the network's `motifs_changed` when motifs were last worked out

    if TYPE_CHECKING:  # what GraphView, GraphZoom and QWidget provide (never shadowed)

        def palette(self) -> QPalette: ...
        def _ensure_fresh(self, in_slices: bool = False) -> None: ...
        def _fresh_slice(self) -> None: ...
        def _target(self, item_id: str) -> str: ...
        def _on_selection(self, item_id: str, center: bool = True) -> None: ...
        def _draw_links(self, target: str, center: bool) -> None: ...
        def _shows(self, nodes: Iterable[str]) -> bool: ...
        def refit_after_typing(self) -> None: ...

    def _draw_motifs(self) -> None:
        """Motifs typed, in slices (`Document.slices`): worked out, then drawn (painted
        next, `_draw_planned`), then the view's own account of them (`_settle`, in
        `_ensure_fresh`)."""
        graph = self.document.result.graph
        if graph.retag_waiting:  # the network itself changed first, in a slice of its own
            graph.retag_now()
            self.document.slices.add(self._draw_motifs)
            return
        if self._dirty and self._edited is not None:
            self._plan = self._plan_motifs(self.document.result)
            network = graph.built_network()
            if network is not None:  # worked out, drawn in place or not (laid out again)
                from cuecraft.core.network import motifs_changed  # loaded: there is one

                self._chased = motifs_changed(network)
        self.document.slices.add(self._draw_planned)

    def _draw_planned(self) -> None:
        if self._dirty and self._edited is not None and self._pending is None:
            self._pending = self._retag_scene(self.document.result) or None
        self.document.slices.add(self._fresh_slice)

    def _motifs_to_draw(self, result: CheckResult) -> bool:
        """Whether motifs were typed since they were drawn or last worked out (the
        network's motif nodes or edges changed, or are still to change), without changing
        the network itself. Once worked out, a change that moves more than the motif
        column is laid out again with the rest (`_ensure_fresh`), not worked out anew."""
        if self._laid is None:
            return False
        if result.graph.retag_waiting:
            return True
        from cuecraft.core.network import motifs_changed  # loaded: there is a network

        changed = motifs_changed(self._laid.network)
        return changed not in (self._laid.motifs_changed, self._chased)

    def _retag(self, result: CheckResult) -> bool | None:
        """Motifs typed (into an item or the theme): their nodes and edges drawn again in
        place. True when something was, False when nothing needed it, None when more than
        the motif column would move (then the graph is laid out again)."""
        done = self._retag_scene(result)
        if done is None:
            return None
        if done:
            self._pending = done
            self._settle()
        return bool(done)

    def _plan_motifs(self, result: CheckResult) -> Plan | Literal[False] | None:
        """What drawing the motifs typed takes (`plan_retag`); False when nothing does,
        None when the graph must be laid out again."""
        if self._laid is None or self._fonts is None or self._structure is None:
            return None
        from cuecraft.core.network import motifs_changed  # loaded: there is a network

        result.graph.retag_now()  # the motifs typed, tagged in the network
        network = result.graph.built_network()  # not built here: a slice is no place
        if network is None or self._laid.network is not network:
            return None
        if motifs_changed(network) == self._laid.motifs_changed:
            return False  # not a motif's node or edge changed (a word that is none yet)
        return plan_retag(result, self._laid)

    def _retag_scene(self, result: CheckResult) -> Retagged | Literal[False] | None:
        """The motif nodes and edges in the scene brought up to date (`graph_retag`), as
        worked out a moment ago if that still holds; False when they are, None when the
        graph must be laid out again."""
        plan, self._plan = self._plan, None
        if not plan or not plan.holds(self._laid, result.graph.network):
            plan = self._plan_motifs(result)
        if plan is None or plan is False:
            return plan
        if self._fonts is None:
            return None
        nodes, edges = self._nodes, self._edges
        done = retag_drawn(plan, self._scene, result, nodes, edges, self._fonts, self.palette())
        self._laid = done.laid
        return done

    def _settle(self) -> bool:
        """The view's account of motif nodes and edges drawn anew (`_pending`): its list and
        multiset of edges, the selected node's ring and links, the fit. Whether any."""
        done, self._pending = self._pending, None
        if done is None or self._structure is None or self._laid is None:
            return False
        if done.edges is not self._edges or done.redrawn or done.reordered:
            self._edges = done.edges
            order, counts = self._structure
            if done.reordered:
                order = tuple(self._laid.network.nodes(data="kind"))
            counts.subtract(done.dropped)
            counts.update(done.added)
            self._structure = (order, counts)
            target = self._target(self.document.selected)
            if done.reordered:  # a motif node made anew is ringed if it is the one selected
                self._on_selection(self.document.selected, center=False)
            elif target in done.redrawn or any(
                target == edge[0] for edge in (*done.dropped, *done.added)
            ):
                self._draw_links(target, center=False)
        if self._auto_view is not None and (done.framed or not self._shows(done.redrawn)):
            self.refit_after_typing()
        return True
