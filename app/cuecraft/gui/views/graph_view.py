"""The consistency graph: every motif, zone, touchpoint, cue, layer, souvenir and action.

Nodes have a shape and colour per kind (see the legend), typed edges their own
style, and nodes named by a finding a red (error) or amber (warning) ring.
Wheel or Ctrl+= / Ctrl+- zoom, dragging pans, Ctrl+0 fits: every node and
every label it draws then lies in the view, and stays so as the view is
resized until the designer zooms or pans. The legend is a strip under the
drawing, never over it. The scene is rebuilt only when the set of nodes or
edges changes, but for motifs typed, which redraw only the motif column and its
edges (graph_retag.py); an edit that only changes a label or the findings
updates the items in place. Words are written in the current language when
shown (tooltips when asked for); `retranslate()` redraws the bar, the legend and
the summary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QTimer
from PySide6.QtGui import (
    QPainterPath,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.edits import Change
from cuecraft.core.i18n import _, ngettext
from cuecraft.gui.document import Document
from cuecraft.gui.picture import light_palette, picture_font

from ._style import (
    count_text,
    empty_html,
    empty_state,
    findings_by_id,
    retranslate_empty_state,
    show_summary,
    with_shortcut,
)
from .graph_canvas import EdgeLayer, GraphCanvas, GraphScene
from .graph_items import NodeFonts, NodeInfo, NodeItem
from .graph_layout import Edge, Structure, add_edge, edge_list, node_info, node_infos
from .graph_legend import GraphLegend
from .graph_motifs_typed import GraphMotifsTyped
from .graph_scene import LaidOut, graph_picture, lay_out
from .graph_zoom import REFIT_AFTER_TYPING_MS, GraphZoom
from .zoom_keys import add_zoom_keys

if TYPE_CHECKING:  # a type only: the checks load after the first frame
    from cuecraft.core.check import CheckResult
    from cuecraft.core.findings import Finding


def empty_text() -> str:
    """What the view says with nothing to draw, in the current language."""
    return empty_html(
        _("Nothing to draw yet"),
        _(
            "Add motifs to the theme, or zones, touchpoints and cues, "
            "and the consistency graph that links them appears here."
        ),
    )


_GONE = NodeInfo("", "", "")


class GraphView(GraphMotifsTyped, GraphZoom, QWidget):
    """The design as its consistency graph, findings highlighted.

    `retranslate()` redraws every text in the language now set (the bar's buttons
    and summary, the legend, names; node tooltips are written when shown); it runs
    by itself on Qt's LanguageChange.
    """

    picture_view = "graph"  # View ▸ Save view as image… (gui/picture.py)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._scene = GraphScene(self)
        self._canvas = GraphCanvas(self)
        self._canvas.setScene(self._scene)
        self._nodes: dict[str, NodeItem] = {}
        self._fonts: NodeFonts | None = None
        self._edges: list[Edge] = []
        self._structure: Structure | None = None
        self._edge_layer: EdgeLayer | None = None
        self._focus_edges: QGraphicsPathItem | None = None
        self._laid: LaidOut | None = None
        self._retagged = False  # motifs typed since the drawing was last brought up to date
        self._flagged: int | None = None  # nodes with findings, as the summary says
        self._pending = None  # motifs drawn anew, not yet accounted for (`GraphMotifsTyped`)
        self._plan = None  # motifs worked out, not drawn yet
        self._settled_apart = False  # motifs drawn accounted for in a slice of their own
        self._chased = -1  # the network's motif changes last worked out in slices
        self._last_motif = ""
        self._ringed = ""  # the node drawn selected
        self._dirty = True
        self._fitted = False
        self._auto_view = None  # placed by Fit or the first view (`GraphZoom`)
        self._refit = QTimer(self)  # placed again once motifs typed pause (`GraphZoom`)
        self._refit.setSingleShot(True)
        self._refit.setInterval(REFIT_AFTER_TYPING_MS)
        self._refit.timeout.connect(self._reapply_view)

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
        legend = self._legend_button = QToolButton(self)
        legend.setCheckable(True)
        legend.setChecked(True)
        legend.setAutoRaise(True)
        legend.toggled.connect(self._toggle_legend)
        bar.addWidget(legend)
        self._legend = GraphLegend(self)
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self._canvas, 1)
        column.addWidget(self._legend)
        self._page = page
        self._empty = empty_state(empty_text(), self)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(page)
        self._stack.addWidget(self._empty)
        self._name_widgets()

        add_zoom_keys(self, lambda: self.zoom_by(1.25), lambda: self.zoom_by(1 / 1.25), self.fit)
        # What the scene was last made from, and the items edited since (None: more than
        # fields of items): typing a name relabels its node alone.
        self._drawn: tuple[object, object] = (None, None)
        self._concerns: dict[str, list[Finding]] = {}  # the findings drawn, by node
        self._worst: dict[str, str] = {}  # and the worst of their severities, by node
        self._edited: set[str] | None = None
        document.changed.connect(self._note_change)
        document.checked.connect(self._on_checked)
        document.selection_changed.connect(self._on_selection)

    def retranslate(self) -> None:
        """Redraw every text in the current language (also run on LanguageChange)."""
        self._name_widgets()
        self._legend.retranslate()
        retranslate_empty_state(self._empty, empty_text())
        self._update_summary()
        self._canvas.viewport().update()

    def _name_widgets(self) -> None:
        self.setAccessibleName(_("Graph view"))
        self._canvas.setAccessibleName(_("Consistency graph"))
        self._summary.setAccessibleName(_("Graph summary"))
        texts = {
            # TRANSLATORS: the graph's zoom buttons
            "out": ("−", _("Zoom out"), "Ctrl+-"),
            "in": ("+", _("Zoom in"), "Ctrl+="),
            # TRANSLATORS: a short button that zooms the graph to show all of it
            "fit": (_("Fit"), _("Show the whole graph"), "Ctrl+0"),
        }
        for name, (text, action, key) in texts.items():
            button = self._buttons[name]
            button.setText(text)
            button.setToolTip(with_shortcut(action, key))
            button.setAccessibleName(action)
        # TRANSLATORS: a toggle button showing or hiding the graph's legend
        self._legend_button.setText(_("Legend"))
        self._legend_button.setAccessibleName(_("Show legend"))

    # -- read-only helpers (tests, other panels) ---------------------------------

    def bar_texts(self) -> list[str]:
        """The texts of the bar above the drawing: summary, then the buttons."""
        return [
            self._summary.text(),
            *(b.text() for b in self._buttons.values()),
            self._legend_button.text(),
        ]

    def node_ids(self) -> list[str]:
        self._ensure_fresh()
        return list(self._nodes)

    def node_item(self, node_id: str) -> NodeItem | None:
        self._ensure_fresh()
        return self._nodes.get(node_id)

    def node_tooltip(self, node_id: str) -> str:
        """What hovering over the node shows: what it is, and its findings."""
        item = self._nodes[node_id]
        return item.info.tooltip(() if item.kind == "motif" else self._concerns.get(node_id, ()))

    def node_center(self, node_id: str) -> QPoint:
        """Where a node is in the canvas viewport (centred on it first)."""
        item = self._nodes[node_id]
        self._canvas.centerOn(item)
        return self._canvas.mapFromScene(item.scenePos())

    def highlighted(self) -> dict[str, str]:
        """Nodes with a findings ring, and its severity."""
        self._ensure_fresh()
        return {n: i.severity for n, i in self._nodes.items() if i.severity}

    def selected_node(self) -> str:
        return next((n for n, i in self._nodes.items() if i.selected), "")

    def canvas(self) -> QGraphicsView:
        return self._canvas

    def legend(self) -> QWidget:
        return self._legend

    # -- pictures (View ▸ Save view as image…) -------------------------------------

    def has_picture(self) -> bool:
        """Whether there is a graph to draw (the tab shows its empty state otherwise)."""
        return bool(node_infos(self.document.result))

    def picture_scene(self) -> QGraphicsScene:
        """The whole graph with its legend, as `cuecraft render --view graph` draws it."""
        return graph_picture(self.document.result, light_palette(), picture_font())

    def _toggle_legend(self, on: bool) -> None:
        self._legend.setVisible(on)

    # -- refresh ------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        themed = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_empty"):
            self.retranslate()
        elif event.type() in themed and hasattr(self, "_nodes"):
            # Items keep the palette and fonts they were made with: make them again.
            for item in self._nodes.values():
                self._scene.removeItem(item)
            self._nodes, self._fonts, self._structure = {}, None, None
            self._drawn = (None, None)
            self._on_checked()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_fresh()
        if not self._fitted:
            self._first_view()

    def _on_checked(self) -> None:
        self._dirty = True
        if not self.isVisible():
            return
        if self._retagged:
            # Motifs typed: their nodes and edges are drawn a moment later, after the
            # findings and whatever the window has waiting (`Document.slices`), and the
            # rest of the view follows it: a keystroke's work in three parts, each well
            # within what a key may keep the window waiting (at 10,000 cues, together
            # they were not).
            self.document.slices.add(self._draw_motifs)
        elif self.document.is_big:  # after the findings, in a moment of its own
            self.document.slices.add(self._fresh_slice)
        else:
            self._ensure_fresh()

    def _note_change(self, change: Change) -> None:
        if self._refit.isActive():  # still typing: placed again once it pauses
            self._refit.start()
        if change.fields is None or self._edited is None:
            self._edited = None
        else:
            self._edited |= change.ids
            # Motifs are the network's edges, changed in place (`core.recheck`).
            self._retagged |= "motifs" in change.fields

    def _fresh_slice(self) -> None:
        """`_ensure_fresh` as a slice of a large design's keystroke (`Document.slices`)."""
        self._ensure_fresh(in_slices=True)

    def _ensure_fresh(self, in_slices: bool = False) -> None:
        """The view brought up to the document's result. `in_slices`: motifs typed since
        they were last drawn are worked out and drawn in slices of their own first."""
        if not self._dirty:
            return
        result = self.document.result
        drawn_result, drawn_network = self._drawn
        same = drawn_network is not None and drawn_network is result.graph.built_network()
        if in_slices and self._pending is not None:
            # The motifs drawn a moment ago; the rest of the view next.
            self._settled_apart |= self._settle()
            self.document.slices.add(self._fresh_slice)
            return
        typing = same and self._retagged and self._edited is not None
        if in_slices and typing and self._motifs_to_draw(result):
            self.document.slices.add(self._draw_motifs)  # typed since they were drawn
            return
        self._dirty = False
        settled = self._settle() or self._settled_apart  # motifs drawn a moment ago
        self._settled_apart = False
        edited, self._edited = self._edited, set()
        retagged, self._retagged = self._retagged, False
        # Motifs drawn anew (True), none to draw (False), or more to do than that (None).
        retag: bool | None = settled
        if same and retagged and edited is not None:
            retag = self._retag(result)
            if retag is not None:
                retag = retag or settled
        if edited is not None and same and retag is not None:
            # The same network (nodes, edges and labels): only the items typed into and
            # those whose worst finding changed look different (findings told in other
            # words, as a hint naming the theme's motifs retyped, only in their tooltips).
            touched = set(edited)
            rings_as_before = True
            if result is not drawn_result:
                before = self._worst
                self._concerns = findings_by_id(result.findings)
                self._worst = _worst(self._concerns)
                if self._worst != before:
                    rings_as_before = False
                    touched |= {
                        node
                        for node in self._worst.keys() | before.keys()
                        if self._worst.get(node) != before.get(node)
                    }
            for node in touched & self._nodes.keys():
                info = node_info(result, node, self._concerns)
                if info != self._nodes[node].info:
                    self._nodes[node].set_info(info)
            self._drawn = (result, drawn_network)
            if result is not drawn_result or retag:
                self._update_summary(flagged_as_before=rings_as_before)
            return
        self._drawn = (result, result.graph.network)
        self._concerns = findings_by_id(result.findings)
        self._worst = _worst(self._concerns)
        infos = node_infos(result)
        edges = edge_list(result)
        structure = _structure(((n, i.kind) for n, i in infos.items()), edges)
        if structure != self._structure:
            self._structure = structure
            self._rebuild(result, infos, edges)
        else:
            for node, info in infos.items():
                item = self._nodes[node]
                if info != item.info:
                    item.set_info(info)
            if self._laid is not None:  # drawn as this network, whose changes count anew
                self._laid = self._laid.of(result.graph.network)
        self._stack.setCurrentWidget(self._page if self._nodes else self._empty)
        self._update_summary()
        self._on_selection(self.document.selected, center=False)

    def _rebuild(self, result: CheckResult, infos: dict[str, NodeInfo], edges: list[Edge]) -> None:
        """Lay the graph out again; nodes that stay keep their items (and cached labels)."""
        for edge_item in (self._edge_layer, self._focus_edges):
            if edge_item is not None:
                self._scene.removeItem(edge_item)
        self._edges, self._edge_layer, self._focus_edges, self._laid = edges, None, None, None
        self._pending = self._plan = None  # what they say of the old drawing no longer holds
        for node in [n for n, i in self._nodes.items() if infos.get(n, _GONE).kind != i.kind]:
            self._scene.removeItem(self._nodes.pop(node))
        if not infos:
            self._fitted = False
            return
        pal = self.palette()
        if self._fonts is None:
            self._fonts = NodeFonts.from_font(self.font())
        self._canvas.setBackgroundBrush(pal.base())
        self._laid = lay_out(self._scene, result, infos, edges, self._nodes, self._fonts, pal)
        self._edge_layer, self._focus_edges = self._laid.edge_layer, self._laid.focus_edges
        self._edge_layer.keep_painted()
        if not self._fitted and self.isVisible():
            self._first_view()
        else:
            self._reapply_view()  # new nodes stay in view while the view is fitted

    def _update_summary(self, flagged_as_before: bool = False) -> None:
        """ "12 nodes · 30 edges · 2 with findings", in the current language
        (`flagged_as_before`: no node's worst finding changed since it was last written)."""
        if not flagged_as_before or self._flagged is None:
            rings = ("error", "warning")
            self._flagged = sum(1 for i in self._nodes.values() if i.severity in rings)
        flagged = self._flagged
        nodes, edges = len(self._nodes), len(self._edges)
        parts = [
            ngettext("{n} node", "{n} nodes", nodes).format(n=count_text(nodes)),
            ngettext("{n} edge", "{n} edges", edges).format(n=count_text(edges)),
        ]
        if flagged:
            # TRANSLATORS: how many nodes of the graph are named by a finding
            found = ngettext("{n} with findings", "{n} with findings", flagged)
            parts.append(found.format(n=count_text(flagged)))
        text = " · ".join(parts)
        show_summary(self._summary, self._canvas, text, self.palette())

    # -- selection ----------------------------------------------------------------

    def _clicked(self, node_id: str) -> None:
        item = self._nodes.get(node_id)
        if item is not None and item.kind == "motif":
            self._last_motif = node_id
            if self.document.selected == "theme":
                self._on_selection("theme", center=False)
            self.document.select("theme")
        else:
            self.document.select(node_id)

    def _on_selection(self, item_id: str, center: bool = True) -> None:
        target = self._target(item_id)
        # Only the nodes ringed before and now (an item made anew comes unringed).
        for node in (self._ringed, target):
            item = self._nodes.get(node)
            if item is not None:
                item.set_selected(node == target)
        self._ringed = target
        self._draw_links(target, center)

    def _target(self, item_id: str) -> str:
        """The node that stands for a selected item (the theme: the motif last clicked)."""
        return self._last_motif if item_id == "theme" else item_id

    def _draw_links(self, target: str, center: bool) -> None:
        """Highlight the selected node's links (and bring it into view if `center`)."""
        if self._focus_edges is None:
            return
        path = QPainterPath()
        item = self._nodes.get(target)
        if item is not None:
            for u, v, kind in self._edges:
                if target in (u, v):
                    add_edge(path, self._nodes[u].pos(), self._nodes[v].pos(), kind)
            visible = self._canvas.mapToScene(self._canvas.viewport().rect()).boundingRect()
            if center and not visible.contains(item.pos()):
                self._canvas.centerOn(item)
        self._focus_edges.setPath(path)


def _worst(concerns: dict[str, list[Finding]]) -> dict[str, str]:
    """The worst severity of each id's findings (`findings_by_id`: worst first)."""
    return {item_id: found[0].severity for item_id, found in concerns.items()}


def _structure(nodes: Iterable[tuple[str, str]], edges: list[Edge]) -> Structure:
    """What a drawing is laid out from: the nodes (their order breaks the layout's ties)
    and kinds, and the edges in any order (motifs typed add theirs at the end)."""
    return tuple(nodes), Counter(edges)
