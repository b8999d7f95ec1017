"""Motifs typed with the Graph tab on screen: the motif nodes and their edges are drawn
again in place, into the very drawing a fresh Graph tab makes of the design as it is now
(issue 19: at 10,000 cues the whole graph was laid out again on every key typed into a
motifs field, most of a second a key)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtGui import QImage, QPainterPath

from cuecraft.core.edits import SetField
from cuecraft.gui.document import Document
from cuecraft.gui.views import GraphView
from cuecraft.gui.views.graph_items import EDGE_ORDER
from tests.gui.test_graph_repaint import cafe_graph


def lines(path: QPainterPath) -> Counter[tuple[tuple[float, float], ...]]:
    """A path's strokes (each from a move to the next), in any order."""
    strokes: list[list[tuple[float, float]]] = []
    for index in range(path.elementCount()):
        element = path.elementAt(index)
        point = (round(element.x, 6), round(element.y, 6))
        if element.isMoveTo():
            strokes.append([])
        strokes[-1].append(point)
    return Counter(tuple(stroke) for stroke in strokes)


def drawing(view: GraphView) -> dict[str, Any]:
    """What a graph view draws: every node's place and look, the edges, the motif edges'
    strokes and the scene's rectangle."""
    view.node_ids()  # brought up to date
    layer = view._edge_layer
    assert layer is not None
    assert layer.layers[EDGE_ORDER.index("motif")][0].isEmpty()  # drawn motif by motif
    assert layer.motifs is layer.motif_part.by_motif
    return {
        "nodes": {
            node: (item.pos().x(), item.pos().y(), item.info, item.label_line_count)
            for node, item in view._nodes.items()
        },
        "edges": Counter(view._edges),
        "motif lines": {motif: lines(path) for motif, path in layer.motifs.items() if lines(path)},
        "edge bounds": [
            part.boundingRect() for part in (layer, layer.motif_part, layer.upper_part)
        ],
        "links of the selected": lines(view._focus_edges.path()) if view._focus_edges else None,
        "scene": view._scene.sceneRect(),
        "summary": view.bar_texts()[0],
        "structure": view._structure,  # what a later check is compared with
    }


def shown_graph(qtbot: Any, width: int, height: int) -> tuple[Document, GraphView]:
    """The rainforest café's Graph tab on show at this size, drawn."""
    document, view = cafe_graph(qtbot, width, height)
    view.show()
    qtbot.waitUntil(lambda: view._edge_layer is not None)
    return document, view


def fresh_drawing(qtbot: Any, document: Document) -> dict[str, Any]:
    fresh = GraphView(document)
    qtbot.addWidget(fresh)
    fresh.resize(1200, 800)
    return drawing(fresh)


def typed(owner: str, before: list[str], word: str) -> list[SetField]:
    """A word typed key by key at the end of a motifs field."""
    return [
        SetField(owner, "motifs", [*before, word[:end]], merge=True)
        for end in range(1, len(word) + 1)
    ]


def test_motifs_typed_draw_what_a_fresh_graph_draws(qtbot: Any) -> None:
    document, view = shown_graph(qtbot, 1200, 800)
    layer = view._edge_layer
    design = document.design
    cue = next(c for c in design.cues if c.motifs)
    motifs = list(design.theme.motifs)
    document.select(cue.id)  # its links drawn highlighted
    other = next(c for c in design.cues if c.motifs and c is not cue)
    point = design.touchpoints[0]
    keys = [
        *typed(cue.id, cue.motifs, "waterfall"),  # no motif, then one: a new edge
        SetField(cue.id, "motifs", [], merge=True),  # its edges gone
        *typed("theme", motifs, "jungle"),  # a new motif node renamed key by key
        SetField(cue.id, "motifs", ["jungle", "jungle"]),  # tagged twice
        # A feeling checks the design in full: a new network, of the same nodes and edges,
        # whose motifs typed next are drawn as well.
        SetField(point.id, "emotion", -2 if point.emotion != -2 else 2),
        SetField(other.id, "motifs", ["jungle"]),
        SetField("theme", "motifs", motifs[1:]),  # a motif items carry, gone
        SetField("theme", "motifs", [*reversed(motifs[1:]), motifs[0]]),  # back, reordered
        SetField("theme", "motifs", motifs),  # reordered alone
    ]
    for key in keys:
        assert document.push(key) is None
        document.flush()
        assert drawing(view) == fresh_drawing(qtbot, document), key
        assert view._edge_layer is layer  # drawn again in place, not laid out again
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    document.flush()
    assert drawing(view) == fresh_drawing(qtbot, document)


def test_the_fitted_graph_keeps_every_motif_in_view_once_typing_pauses(qtbot: Any) -> None:
    # A motif named at length grows its label: in a narrow view, fitted to its width, the
    # label would reach past the edge. The view fits again, but not under the designer's
    # keys: once the typing pauses (at 10,000 cues fitting again froze a keystroke).
    from cuecraft.gui.views.graph_layout import fits
    from cuecraft.gui.views.graph_zoom import REFIT_AFTER_TYPING_MS

    document, view = shown_graph(qtbot, 700, 1000)
    view.fit()
    scale = view.scale()
    long_name = "an-unusually-long-motif-that-names-the-whole-rainforest-expedition"
    motifs = list(document.design.theme.motifs)

    def fitted() -> bool:
        room = view.canvas().maximumViewportSize()
        items = [view.node_item(node) for node in view.node_ids()]
        return fits(items, view._scene.sceneRect(), room.width(), room.height(), view.scale())

    typing = [
        SetField("theme", "motifs", [long_name[:-1], *motifs]),
        SetField("theme", "motifs", [long_name, *motifs]),
        SetField("theme", "tagline", "Into the wild"),  # typing on, elsewhere
    ]
    for key in typing:
        assert document.push(key) is None
        document.flush()
        assert view.scale() == scale and not fitted()  # as it was, while typing
        qtbot.wait(REFIT_AFTER_TYPING_MS * 2 // 3)  # each key puts the pause off again
    assert f"motif:{long_name}" in view.node_ids()
    assert view.scale() == scale
    qtbot.waitUntil(fitted, timeout=REFIT_AFTER_TYPING_MS * 4)
    assert view.scale() < scale

    # Zoomed by the designer meanwhile: the view stays as they left it.
    view.fit()
    assert document.push(SetField("theme", "motifs", [long_name + "-too", *motifs])) is None
    document.flush()
    view.zoom_by(1.25)
    zoomed = view.scale()
    qtbot.wait(REFIT_AFTER_TYPING_MS * 2)
    assert view.scale() == zoomed


def test_the_lines_typed_in_and_out_are_painted_as_a_fresh_graph_paints_them(qtbot: Any) -> None:
    # Only the picture of the motif edges is made again, none of the others'.
    document, view = shown_graph(qtbot, 1000, 700)
    qtbot.wait(50)
    view.canvas().grab()  # the picture of the edges, made
    layer = view._edge_layer
    design = document.design
    tagged = [c for c in design.cues if c.motifs][:3]
    for cue in tagged:
        assert document.push(SetField(cue.id, "motifs", ["waterfall"], merge=True)) is None
        document.flush()
        view.canvas().grab()
    assert view._edge_layer is layer

    fresh = GraphView(document)
    qtbot.addWidget(fresh)
    fresh.resize(view.size())
    fresh.show()
    qtbot.waitUntil(lambda: fresh._edge_layer is not None)
    qtbot.wait(50)
    assert fresh.canvas().transform() == view.canvas().transform()  # both fitted alike
    assert (
        fresh.canvas().horizontalScrollBar().value() == view.canvas().horizontalScrollBar().value()
    )
    assert fresh.canvas().verticalScrollBar().value() == view.canvas().verticalScrollBar().value()

    def picture(each: GraphView) -> QImage:
        return each.canvas().viewport().grab().toImage()

    shown = view.canvas().viewport().rect()
    before_lines = [view.canvas().mapFromScene(view.node_item(c.id).pos()) for c in tagged]
    assert all(shown.contains(point) for point in before_lines)  # the lines are in sight

    assert not differing(picture(view), picture(fresh), by=0)


def differing(a: QImage, b: QImage, by: int) -> list[tuple[int, int]]:
    """The pixels where two pictures differ by more than `by` in a colour channel."""
    assert a.size() == b.size()
    out = []
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
                > by
            ):
                out.append((x, y))
    return out


def test_the_motif_last_clicked_stays_ringed_when_typed_away_and_back(qtbot: Any) -> None:
    document, view = shown_graph(qtbot, 1000, 700)
    motifs = list(document.design.theme.motifs)
    view._clicked(f"motif:{motifs[-1]}")  # selects the theme, ringing that motif
    assert document.selected == "theme"
    assert view.selected_node() == f"motif:{motifs[-1]}"
    for value in (motifs[:-1], motifs):  # a key taken back, the motif typed again
        assert document.push(SetField("theme", "motifs", value, merge=True)) is None
        document.flush()
        view.node_ids()
    assert view.selected_node() == f"motif:{motifs[-1]}"


def worked_out(view: GraphView) -> None:
    """The motifs typed worked out now, not drawn: the slices that tag them in the network
    (`DesignGraph.retag_later`) and work the drawing out."""
    view._draw_motifs()  # the network tagged
    view._draw_motifs()  # the drawing worked out


def test_motifs_drawn_and_a_full_check_before_the_view_caught_up(qtbot: Any) -> None:
    # The motif edges are drawn first and the view's account of them follows a moment
    # later: whatever comes in between, the view ends as a fresh one.
    document, view = shown_graph(qtbot, 1000, 700)
    design = document.design
    cue = next(c for c in design.cues if c.motifs)
    point = design.touchpoints[0]
    tags = list(cue.motifs)
    assert document.push(SetField(cue.id, "motifs", [*tags, "waterfall"])) is None
    document.flush()
    worked_out(view)
    view._draw_planned()  # drawn now, the rest of the view a moment later
    # Taken back, and then a full check: a new network, of the nodes and edges the view
    # had before the motif was typed, not of those it draws.
    assert document.push(SetField(cue.id, "motifs", tags)) is None
    assert document.push(SetField(point.id, "emotion", -2 if point.emotion != -2 else 2)) is None
    document.flush()
    assert drawing(view) == fresh_drawing(qtbot, document)


def test_motifs_worked_out_then_typed_again_before_they_were_drawn(qtbot: Any) -> None:
    document, view = shown_graph(qtbot, 1000, 700)
    cue = next(c for c in document.design.cues if c.motifs)
    tags = list(cue.motifs)
    assert document.push(SetField(cue.id, "motifs", [*tags, "waterfall"], merge=True)) is None
    document.flush()
    worked_out(view)  # for "waterfall"
    assert view._plan
    assert document.push(SetField(cue.id, "motifs", [*tags, "rainforest"], merge=True)) is None
    document.flush()
    view._draw_planned()  # what was worked out no longer holds: worked out anew
    layer = view._edge_layer
    assert layer is not None
    node = view._nodes[cue.id].pos()
    start = (round(node.x(), 6), round(node.y(), 6))
    starts = {motif: {stroke[0] for stroke in lines(path)} for motif, path in layer.motifs.items()}
    assert start in starts["motif:rainforest"]  # drawn at once as typed last
    assert start not in starts.get("motif:waterfall", set())
    assert drawing(view) == fresh_drawing(qtbot, document)


def test_a_large_designs_graph_catches_up_on_its_own(qtbot: Any, monkeypatch: Any) -> None:
    # A large design's Graph tab follows a keystroke in slices of its own; nothing asks
    # it for its nodes meanwhile (which would bring it up to date at once): it must get
    # there itself, also when a motif needs the whole graph laid out again, and when the
    # findings stay as they were but an edge came.
    from cuecraft.gui import document as document_module

    monkeypatch.setattr(document_module, "BIG_DESIGN", 0)
    document, view = shown_graph(qtbot, 1000, 700)
    design = document.design
    motifs = list(design.theme.motifs)
    souvenir = next(s for s in design.souvenirs if set(s.motifs) & set(motifs))
    other = next(m for m in motifs if m not in souvenir.motifs)
    keys = [
        SetField(souvenir.id, "motifs", [*souvenir.motifs, other]),  # an edge, no finding
        SetField("theme", "motifs", []),  # the motif column gone: laid out again
        SetField("theme", "motifs", motifs),  # and back
    ]
    for key in keys:
        edges = len(view._edges)
        assert document.push(key) is None

        def caught_up() -> bool:
            return not document.checking and document.slices.idle and not view._dirty

        qtbot.waitUntil(caught_up, timeout=5000)
        if key.owner == souvenir.id:
            assert len(view._edges) == edges + 1
        assert drawing(view) == fresh_drawing(qtbot, document), key
