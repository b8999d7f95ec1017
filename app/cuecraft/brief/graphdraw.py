"""The design graph as a vector drawing that fills the rest of its page.

Positions come from `cuecraft.core.layout` (the same picture as the graph
view). Columns are spread over the page width with room for labels to the
right of each node; edges are light curves so the nodes and labels stay the
figure. Labels shrink with the space a column gives each node and are left out
once they would be smaller than 4 pt (a 1,000-cue design keeps its zone labels
and drops the cue ids). Nodes named by an error finding get a red ring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from reportlab.lib.colors import Color, HexColor, white
from reportlab.platypus import Flowable

from cuecraft.brief import fonts, text
from cuecraft.brief.styles import ERROR, FAINT, INK, MUTED, UNIT, Palette
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import N_, _, pgettext
from cuecraft.core.layout import layout
from cuecraft.core.names import label_lines

EVOKES = HexColor("#7A5BA6")
COLUMN_TITLES = {  # translated where drawn
    0: N_("Theme motifs"),
    1: N_("Cues, layers, souvenirs"),
    2: N_("Zones"),
    3: N_("Touchpoints"),
}
HEAD_HEIGHT = 6 * UNIT
MIN_LABEL = 4.0
DOT = UNIT + 6  # from a column's left edge past its shapes to its labels
LABEL_GAP = 2.5  # between a shape and its label
GUTTER = 6.5 * UNIT  # between one column's labels and the next column's shapes: the edges
WISH_WIDTH = 140.0  # the widest a column asks for, in points
LEADING = 1.15

# The blueprint's actions have a section of their own (sections_blueprint): the graph page
# shows the experience as the guest meets it, and keeps room for its names.
LEFT_OUT = frozenset({"action"})


class GraphDrawing(Flowable):  # type: ignore[misc]
    """Every node and edge of the design graph, scaled to the space left on the page."""

    def __init__(self, graph: DesignGraph, flagged: Iterable[str], palette: Palette) -> None:
        super().__init__()
        self.graph = graph
        self.flagged = set(flagged)
        self.palette = palette

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = max(40 * UNIT, avail_height - UNIT)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        network = self.graph.network_without(LEFT_OUT)
        positions = layout(self.graph, network)
        if not positions:
            canvas.setFillColor(MUTED)
            text.draw(canvas, 0, self.height - 6 * UNIT, _("The design has no nodes yet."), 9)
            return
        xs = sorted({x for x, _y in positions.values()})
        column_of_x = {x: i for i, x in enumerate(xs)}
        kinds = {node: data.get("kind", "") for node, data in network.nodes(data=True)}
        column_of = {node: column_of_x[positions[node][0]] for node in kinds}
        legend_h = self._legend(canvas, draw=False)
        top = self.height - HEAD_HEIGHT - 2 * UNIT
        bottom = legend_h + 4 * UNIT
        span = top - bottom
        members: dict[int, list[str]] = {}
        for node, column in column_of.items():
            members.setdefault(column, []).append(node)
        pitch = {c: span / len(nodes) for c, nodes in members.items()}
        radius = max(0.7, min(3.2, min(pitch.values()) * 0.38))
        names = {node: str(network.nodes[node].get("label", node)) for node in kinds}
        size_of = {c: min(7.0, pitch[c] * 0.8) for c in members}
        # Two-line labels where a column's rows leave room for them.
        lines_of = {c: 2 if pitch[c] >= 2 * size_of[c] * LEADING + 1 else 1 for c in members}
        # Each column as wide as its labels ask (its longest name on its lines, up to a
        # limit); narrow ones get all they ask, the rest share what is left equally
        # (max-min fair). Gutters between columns are kept for the edges.
        widest: list[float] = []
        for c in range(len(xs)):
            size = size_of[c]
            w = 0.0
            if size >= MIN_LABEL:
                sample = sorted(members[c], key=lambda n: -len(names[n]))[:40]
                wish = max((text.width(names[n], size) for n in sample), default=0.0)
                wish /= lines_of[c]
                wish *= 1.35 if lines_of[c] > 1 else 1  # lines break between words
                words = [w for n in sample for w in names[n].split()[:8]]
                word = max((text.width(w, size) for w in words), default=0.0)  # blank names
                # A word is not split (a Chinese run is, so it asks no more than a few).
                w = min(max(wish, min(word, 70.0)), WISH_WIDTH) + 2
            title = _column_title([kinds[n] for n in members[c]])
            widest.append(max(w, text.width(title, 7, fonts.BOLD) - 3 * UNIT))
        room = _share_fairly(widest, self.width - (DOT + GUTTER) * len(xs) + GUTTER)
        left = [sum(room[:c]) + (DOT + GUTTER) * c for c in range(len(xs))]

        labels: dict[str, list[str]] = {}
        for node, column in column_of.items():
            size = size_of[column]
            if size >= MIN_LABEL:

                def fits(line: str, size: float = size, room: float = room[column]) -> bool:
                    return text.width(line, size) <= room

                labels[node] = [x for x in label_lines(names[node], fits, lines_of[column]) if x]

        def dot(node: str) -> tuple[float, float]:
            x, y = positions[node]
            return left[column_of_x[x]] + UNIT, top - y * span

        # Where a node's edges to the right begin: past the end of the widest label of its
        # column, so that no edge runs through a label of its own column.
        port_x = [left[c] + DOT + room[c] + 1 for c in range(len(xs))]

        # Column heads, named by the kind that fills them.
        canvas.setFillColor(MUTED)
        for column, nodes in members.items():
            head = _column_title([kinds[n] for n in nodes])
            text.draw(
                canvas,
                left[column],
                self.height - HEAD_HEIGHT + UNIT,
                text.fit(head, room[column] + DOT + GUTTER / 2, 7, fonts.BOLD),
                7,
                fonts.BOLD,
            )
        ends: dict[str, float] = {}
        for node, lines in labels.items():
            size = size_of[column_of[node]]
            x = dot(node)[0] + radius + LABEL_GAP
            ends[node] = x + max((text.width(line, size) for line in lines), default=0.0)
        self._edges(canvas, network, column_of, dot, port_x, ends, radius)
        self._nodes(canvas, [(kind, node, *dot(node)) for node, kind in kinds.items()], radius)
        # Labels on an opaque ground: an edge passing a column (cue to touchpoint, across
        # the zones) goes under them, never through their words.
        for node, lines in labels.items():
            size = size_of[column_of[node]]
            x, y = dot(node)
            x += radius + LABEL_GAP
            lead = size * LEADING
            first = y - size * 0.33 + lead * (len(lines) - 1) / 2
            canvas.setFillColor(white)
            canvas.rect(
                x - 1,
                first - lead * (len(lines) - 1) - size * 0.25,
                ends[node] - x + 2,
                lead * (len(lines) - 1) + size * 1.05,
                stroke=0,
                fill=1,
            )
            canvas.setFillColor(ERROR if node in self.flagged else INK)
            for i, line in enumerate(lines):
                text.draw(canvas, x, first - i * lead, line, size)
        self._legend(canvas, draw=True)

    def _edges(
        self,
        canvas: Any,
        network: Any,
        column_of: dict[str, int],
        dot: Callable[[str], tuple[float, float]],
        port_x: list[float],
        ends: dict[str, float],
        radius: float,
    ) -> None:
        """Edges between columns leave a node at the right of its column (a short lead from
        the end of its label) and reach the other at its shape, on the left of its label;
        edges within a column bow out to the left of the shapes."""
        styles: dict[str, tuple[Color, float, float, tuple[float, ...]]] = {
            "at": (self.palette.mark, 0.45, 0.5, ()),
            "motif": (FAINT, 0.5, 0.4, ()),
            "zone": (INK, 0.5, 0.6, ()),
            "next": (INK, 0.75, 0.7, ()),
            "sees": (FAINT, 0.7, 0.6, (2, 2)),
            "conflicts": (ERROR, 0.85, 0.8, (3, 1.5)),
            "evokes": (EVOKES, 0.7, 0.6, ()),
        }
        # Fewer, lighter strokes when the drawing is dense. Edges of one style
        # go into one path: a 1,000-cue design has thousands of them.
        dense = network.number_of_edges() > 600
        groups: dict[tuple[str, bool], list[tuple[float, float, float, float]]] = {}
        leads: dict[str, tuple[float, float, float]] = {}
        for src, dst, data in network.edges(data=True):
            key = (str(data.get("kind", "")), bool(data.get("returns")))
            if column_of[src] > column_of[dst]:
                src, dst = dst, src
            x1, y1 = dot(src)
            x2, y2 = dot(dst)
            if column_of[src] != column_of[dst]:
                start = ends.get(src, x1 + radius)
                x1 = port_x[column_of[src]]
                leads[src] = (start + 1, x1, y1)
                x2 -= radius
            groups.setdefault(key, []).append((x1, y1, x2, y2))
        # The leads from label ends to the column's edge, light and in the ink of labels.
        canvas.setStrokeColor(FAINT)
        canvas.setStrokeAlpha(0.8)
        canvas.setLineWidth(0.4)
        path = canvas.beginPath()
        for start, end, y in leads.values():
            if end > start:
                path.moveTo(start, y)
                path.lineTo(end, y)
        canvas.drawPath(path, stroke=1, fill=0)
        for (kind, returns), lines in groups.items():
            colour, alpha, width, dash = styles.get(kind, (FAINT, 0.5, 0.4, ()))
            if returns:
                dash = (3, 2)
            canvas.setStrokeColor(colour)
            canvas.setStrokeAlpha(alpha * (0.6 if dense else 1))
            canvas.setLineWidth(width * (0.6 if dense else 1))
            canvas.setDash(*dash) if dash else canvas.setDash()
            path = canvas.beginPath()
            for x1, y1, x2, y2 in lines:
                path.moveTo(x1, y1)
                if abs(x1 - x2) < 1:
                    # Same column: a bow to the left, deeper for distant nodes.
                    bow = min(GUTTER * 0.8, 3 * UNIT + abs(y2 - y1) * 0.15)
                    path.curveTo(x1 - bow, y1, x2 - bow, y2, x2, y2)
                else:
                    mid = (x1 + x2) / 2
                    path.curveTo(mid, y1, mid, y2, x2, y2)
            canvas.drawPath(path, stroke=1, fill=0)
        canvas.setDash()
        canvas.setStrokeAlpha(1)

    def _fill_of(self, kind: str, node: str) -> Color:
        if kind == "motif":
            return self.palette.accent_text
        if kind == "cue":
            cue = self.graph.cues.get(node)
            return ERROR if cue is not None and cue.is_negative else self.palette.mark
        if kind == "layer":
            return self.palette.mark
        if kind == "souvenir":
            return EVOKES
        return INK

    def _nodes(self, canvas: Any, nodes: list[tuple[str, str, float, float]], r: float) -> None:
        """Nodes as shapes, one path per colour; error rings on top."""
        paths: dict[str, tuple[Color, Any]] = {}
        rings = canvas.beginPath()
        ringed = False
        for kind, node, x, y in nodes:
            colour = self._fill_of(kind, node)
            key = colour.hexval()
            if key not in paths:
                paths[key] = (colour, canvas.beginPath())
            node_shape(paths[key][1], kind, x, y, r)
            if node in self.flagged:
                rings.circle(x, y, r * 1.9)
                ringed = True
        for colour, path in paths.values():
            canvas.setFillColor(colour)
            canvas.drawPath(path, stroke=0, fill=1)
        if ringed:
            canvas.setStrokeColor(ERROR)
            canvas.setLineWidth(max(0.6, r * 0.35))
            canvas.drawPath(rings, stroke=1, fill=0)

    def _legend(self, canvas: Any, draw: bool) -> float:
        """Draw the key of shapes and lines along the bottom; return its height."""
        size = 7.0
        entries: list[tuple[str, Any, str]] = [
            ("node", "motif", pgettext("graph legend", "motif")),
            ("node", "cue", pgettext("graph legend", "positive cue")),
            ("node", "negative", pgettext("graph legend", "negative cue")),
            ("node", "layer", pgettext("graph legend", "sensory layer")),
            ("node", "souvenir", pgettext("graph legend", "souvenir")),
            ("node", "zone", pgettext("graph legend", "zone")),
            ("node", "touchpoint", pgettext("graph legend", "touchpoint")),
            ("node", "flagged", pgettext("graph legend", "named by an error")),
            ("line", (self.palette.mark, ()), pgettext("graph legend", "placed at")),
            ("line", (INK, ()), pgettext("graph legend", "journey step, zone of")),
            ("line", (INK, (3, 2)), pgettext("graph legend", "return visit")),
            ("line", (FAINT, (2, 2)), pgettext("graph legend", "line of sight")),
            ("line", (ERROR, (3, 1.5)), pgettext("graph legend", "conflict")),
            ("line", (EVOKES, ()), pgettext("graph legend", "evokes")),
            ("line", (FAINT, ()), pgettext("graph legend", "carries motif")),
        ]
        line_h = 5 * UNIT
        x, y = 0.0, 0.0
        placed: list[tuple[float, float, str, Any, str]] = []
        for shape, what, label in entries:
            sample = 8.0 if shape == "node" else 16.0
            w = sample + text.width(label, size) + 3 * UNIT
            if x > 0 and x + w > self.width:
                x, y = 0.0, y + line_h
            placed.append((x, y, shape, what, label))
            x += w
        height = y + line_h
        if not draw:
            return height
        for x, y, shape, what, label in placed:
            base = height - y - line_h + UNIT
            if shape == "node" and what == "negative":
                canvas.setFillColor(ERROR)
                canvas.circle(x + 3, base + 2.5, 2.6, stroke=0, fill=1)
            elif shape == "node" and what == "flagged":
                canvas.setStrokeColor(ERROR)
                canvas.setLineWidth(0.8)
                canvas.circle(x + 3, base + 2.5, 3.5, stroke=1, fill=0)
            elif shape == "node":
                self._nodes(canvas, [(what, "", x + 3, base + 2.5)], 2.6)
            else:
                colour, dash = what
                canvas.setStrokeColor(colour)
                canvas.setLineWidth(1)
                if dash:
                    canvas.setDash(*dash)
                canvas.line(x, base + 2.5, x + 12, base + 2.5)
                canvas.setDash()
            canvas.setFillColor(MUTED)
            text.draw(canvas, x + (8 if shape == "node" else 16), base, label, size)
        return height


def node_shape(path: Any, kind: str, x: float, y: float, r: float) -> None:
    """Add one node's shape to a path: diamond, circle, square, triangle or rounded square."""
    if kind == "motif":
        path.moveTo(x, y + r * 1.3)
        path.lineTo(x + r * 1.3, y)
        path.lineTo(x, y - r * 1.3)
        path.lineTo(x - r * 1.3, y)
        path.close()
    elif kind == "layer":
        path.rect(x - r, y - r, 2 * r, 2 * r)
    elif kind == "souvenir":
        path.moveTo(x, y + r * 1.3)
        path.lineTo(x + r * 1.2, y - r)
        path.lineTo(x - r * 1.2, y - r)
        path.close()
    elif kind == "zone":
        path.roundRect(x - r * 1.2, y - r * 1.2, r * 2.4, r * 2.4, r * 0.5)
    elif r < 1.5:
        path.rect(x - r, y - r, 2 * r, 2 * r)  # as round as a circle at this size, and cheaper
    else:
        path.circle(x, y, r)


def _share_fairly(wants: list[float], total: float) -> list[float]:
    """Split `total` so that small wants are met in full and large ones share the rest."""
    out = [0.0] * len(wants)
    left = total
    order = sorted(range(len(wants)), key=lambda i: wants[i])
    for k, i in enumerate(order):
        out[i] = min(wants[i], left / (len(wants) - k))
        left -= out[i]
    if left > 0:  # everything fits: spread the spare room evenly
        out = [w + left / len(out) for w in out]
    return out


def _column_title(kinds: list[str]) -> str:
    present = set(kinds)
    if present <= {"motif"}:
        return _(COLUMN_TITLES[0])
    if present <= {"cue", "layer", "souvenir"}:
        return _(COLUMN_TITLES[1])
    if present <= {"zone"}:
        return _(COLUMN_TITLES[2])
    if present <= {"touchpoint"}:
        return _(COLUMN_TITLES[3])
    return pgettext("graph column", "Other")
