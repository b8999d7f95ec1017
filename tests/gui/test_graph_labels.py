"""The graph view labels nodes as the brief does (issue 14): the items' names from
`cuecraft.core.names`, never their ids, on at most two lines, shortened at a whole word
with "…" rather than cut mid-word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetricsF

from cuecraft.core.fileformat import load_design
from cuecraft.core.names import full_name
from cuecraft.gui.document import Document
from cuecraft.gui.views import GraphView
from cuecraft.gui.views.graph_items import LABEL_WIDTH

DESIGNS = Path(__file__).resolve().parents[2] / "designs"
TRIM = " ,;:—–-(，、；：（"


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def a_shortening_of(label: str, name: str) -> bool:
    """`label` (lines joined by spaces) is `name`, its first sentence, or its first words
    followed by "…"."""
    flat = " ".join(name.split())
    shown = " ".join(label.split("\n"))
    if shown == flat:
        return True
    words = flat.split(" ")
    heads = {" ".join(words[:k]).rstrip(TRIM) + "…" for k in range(1, len(words))}
    first = re.split(r"(?<=[.!?])\s", flat, maxsplit=1)[0].rstrip(" .")
    return shown in heads or shown == first


@pytest.mark.parametrize("name", ["rainforest-cafe.yaml", "boutique-hotel.yaml"])
def test_graph_node_labels_are_names_shortened_at_whole_words(qtbot, name):
    doc = Document(load_design(DESIGNS / name))
    view = shown(qtbot, GraphView(doc))
    design = doc.design
    items = [*design.zones, *design.touchpoints, *design.cues, *design.layers, *design.souvenirs]
    for item in items:
        node = view.node_item(item.id)
        assert node is not None
        label = node.label_text()
        lines = label.split("\n")
        assert 1 <= len(lines) <= 2, label
        if item.id not in full_name(item):
            assert item.id not in label
        assert a_shortening_of(label, full_name(item)), (item.id, label)
        metrics = QFontMetricsF(node._fonts.plain)
        assert all(metrics.horizontalAdvance(line) <= LABEL_WIDTH for line in lines)


def test_a_long_name_in_a_roomy_column_wraps_to_two_lines_before_it_is_shortened(qtbot):
    doc = Document(load_design(DESIGNS / "rainforest-cafe.yaml"))
    view = shown(qtbot, GraphView(doc))
    long = [t for t in doc.design.touchpoints if len(t.name) > 36]
    assert long
    for touchpoint in long:
        label = view.node_item(touchpoint.id).label_text()
        assert label.count("\n") == 1, label
        assert label.endswith("…") or " ".join(label.split("\n")) in touchpoint.name


def test_a_crowded_column_keeps_its_labels_on_one_line(qtbot):
    """Two-line labels need twice the room: in the crowded cue column they would only
    show zoomed in far, so there names take one line; the roomy touchpoint column keeps
    two."""
    doc = Document(load_design(DESIGNS / "rainforest-cafe.yaml"))
    view = shown(qtbot, GraphView(doc))
    design = doc.design
    cues = [view.node_item(c.id) for c in design.cues]
    assert all(node is not None and node.label_line_count == 1 for node in cues)
    touchpoints = [view.node_item(t.id) for t in design.touchpoints]
    assert any(node is not None and node.label_line_count == 2 for node in touchpoints)
    one_line_from = max(node.label_from for node in cues if node is not None)
    long_name = next(c for c in design.cues if len(c.text) > 60)
    node = view.node_item(long_name.id)
    assert node is not None and node.label_text().endswith("…")
    assert one_line_from < 2.5  # shows within a few zoom steps, not only at the largest
