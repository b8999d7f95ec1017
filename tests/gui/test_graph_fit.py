"""Fitting the Graph tab asks two dozen times whether the drawing fits at a zoom; at
10,000 cues asking of every node took a tenth of a second, so it asks of the few nodes
that can decide (`graph_layout._binding`), which must give the very same answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF

from cuecraft.gui.views.graph_layout import _binding, _Extent, _fit_scale

# A column: its x, its nodes' reach, the zoom from which their labels show, and the side
# the labels go.
columns = st.tuples(
    st.floats(-900.0, 900.0),
    st.sampled_from([19.0, 21.0, 25.0]),
    st.sampled_from([0.05, 0.3, 0.45, 0.9, 1.3]),
    st.booleans(),
)


@st.composite
def drawings(draw: st.DrawFn) -> list[_Extent]:
    """Nodes in a few columns, as the graph lays them out; one of them maybe selected
    (its label shown at any zoom)."""
    laid = draw(st.lists(columns, min_size=1, max_size=4))
    out: list[_Extent] = []
    for _ in range(draw(st.integers(1, 80))):
        x, reach, label_from, left_side = draw(st.sampled_from(laid))
        width = draw(st.floats(20.0, 220.0))
        half = 8.0 * draw(st.sampled_from([1, 2])) + 1  # a label of one line or two
        shift = -15.0 if left_side else 15.0
        left, right = (-width, 0.0) if left_side else (0.0, width)
        y = draw(st.floats(-3000.0, 3000.0))
        out.append((x, y, reach, label_from, label_from, shift, left, right, -half, half))
    if draw(st.booleans()):
        selected = draw(st.integers(0, len(out) - 1))
        out[selected] = (*out[selected][:3], 0.0, *out[selected][4:])
    return out


@settings(max_examples=300, deadline=None)
@given(
    drawings(),
    st.floats(300.0, 3000.0),
    st.floats(300.0, 3000.0) | st.just(float("inf")),  # "top": no end downwards
)
def test_the_few_deciding_nodes_answer_as_all_of_them(
    extents: list[_Extent], width: float, height: float
) -> None:
    # The largest zoom that fits, searched for: the answers near the edge of fitting
    # are those a node left out would change.
    xs = [e[0] for e in extents]
    bounds = QRectF(min(xs) - 300.0, -3100.0, max(xs) - min(xs) + 600.0, 6200.0)
    deciding = _binding(extents)
    assert all(e in extents for e in deciding)
    for low, high in ((0.01, 1.6), (0.01, 1.0)):
        assert _fit_scale(deciding, bounds, width, height, low, high) == _fit_scale(
            extents, bounds, width, height, low, high
        )
