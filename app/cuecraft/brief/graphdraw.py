"""The design graph as a vector drawing that fills the rest of its page.

Positions come from `cuecraft.core.layout` (the same picture as the graph
view). Columns are spread over the page width with room for labels to the
right of each node; edges are light curves so the nodes and labels stay the
figure. Labels shrink with the space a column gives each node and are left out
once they would be smaller than 4 pt (a 1,000-cue design keeps its zone labels
and drops the cue ids). Nodes named by an error finding get a red ring.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportlab.lib.colors import Color, HexColor, white
from reportlab.platypus import Flowable

from cuecraft.brief import fonts, text
from cuecraft.brief.styles import ERROR, FAINT, INK, MUTED, UNIT, Palette
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import N_, _, pgettext
from cuecraft.core.layout import layout

EVOKES = HexColor("#7A5BA6")
COLUMN_TITLES = {  # translated where drawn
    0: N_("Theme motifs"),
    1: N_("Cues, layers, souvenirs"),
    2: N_("Zones"),
    3: N_("Touchpoints"),
}
HEAD_HEIGHT = 6 * UNIT
MIN_LABEL = 4.0


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
        network = self.graph.network
        positions = layout(self.graph)
        if not positions:
            canvas.setFillColor(MUTED)
            text.draw(canvas, 0, self.height - 6 * UNIT, _("The design has no nodes yet."), 9)
            return
        xs = sorted({x for x, _y in positions.values()})
        column_of_x = {x: i for i, x in enumerate(xs)}
        kinds = {node: data.get("kind", "") for node, data in network.nodes(data=True)}
        legend_h = self._legend(canvas, draw=False)
        top = self.height - HEAD_HEIGHT - 2 * UNIT
        bottom = legend_h + 4 * UNIT
        span = top - bottom
        members: dict[int, list[str]] = {}
        for node, (x, _y) in positions.items():
            members.setdefault(column_of_x[x], []).append(node)
        pitch = {c: span / len(nodes) for c, nodes in members.items()}
        radius = max(0.7, min(3.2, min(pitch.values()) * 0.38))
        labels = {
            node: node if kind == "cue" else str(network.nodes[node].get("label", node))
            for node, kind in kinds.items()
        }
        size_of = {c: min(7.0, pitch[c] * 0.8) for c in members}
        # Each column as wide as its labels need: narrow ones get all they ask,
        # the rest share what is left equally (max-min fair).
        widest: list[float] = []
        for c in range(len(xs)):
            size = size_of[c]
            w = 0.0
            if size >= MIN_LABEL:
                sample = sorted(members[c], key=lambda n: -len(labels[n]))[:40]
                w = max(text.width(labels[n], size) for n in sample) + 2
            title = _column_title([kinds[n] for n in members[c]])
            widest.append(max(w, text.width(title, 7, fonts.BOLD) - 3 * UNIT))
        overhead = 6 * UNIT
        room = _share_fairly(widest, self.width - overhead * len(xs))
        left = [sum(room[:c]) + overhead * c for c in range(len(xs))]
        col_width = min(room) + overhead

        def point(node: str) -> tuple[float, float]:
            x, y = positions[node]
            return left[column_of_x[x]] + 2 * UNIT, top - y * span

        # Column heads, named by the kind that fills them.
        canvas.setFillColor(MUTED)
        for column, nodes in members.items():
            head = _column_title([kinds[n] for n in nodes])
            text.draw(
                canvas,
                left[column] + UNIT,
                self.height - HEAD_HEIGHT + UNIT,
                text.fit(head, room[column] + 3 * UNIT, 7, fonts.BOLD),
                7,
                fonts.BOLD,
            )
        self._edges(canvas, network, point, col_width)
        self._nodes(canvas, [(kind, node, *point(node)) for node, kind in kinds.items()], radius)
        # Labels on a faint white halo, so edges passing under them do not blur them.
        canvas.setFillAlpha(1)
        for node in kinds:
            column = column_of_x[positions[node][0]]
            size = size_of[column]
            if size < MIN_LABEL:
                continue
            x, y = point(node)
            shown = text.fit(labels[node], room[column], size)
            if not shown:
                continue
            w = text.width(shown, size)
            canvas.setFillColor(white)
            canvas.setFillAlpha(0.8)
            canvas.rect(x + radius + 1.5, y - size * 0.45, w + 2, size * 1.05, stroke=0, fill=1)
            canvas.setFillAlpha(1)
            canvas.setFillColor(ERROR if node in self.flagged else INK)
            text.draw(canvas, x + radius + 2.5, y - size * 0.33, shown, size)
        self._legend(canvas, draw=True)

    def _edges(self, canvas: Any, network: Any, point: Any, col_width: float) -> None:
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
        for src, dst, data in network.edges(data=True):
            key = (str(data.get("kind", "")), bool(data.get("returns")))
            groups.setdefault(key, []).append((*point(src), *point(dst)))
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
                    bow = min(col_width * 0.3, 3 * UNIT + abs(y2 - y1) * 0.15)
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
            _shape(paths[key][1], kind, x, y, r)
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


def _shape(path: Any, kind: str, x: float, y: float, r: float) -> None:
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
