"""The design graph of a large design as a table of marks: where each item is present.

Past some 80 cues a node-link drawing on one page stops being legible: labels
shrink to nothing and the cue column becomes a solid bar. So a large design is
shown as a matrix instead. Rows are the cues, layers and souvenirs by name,
grouped by the first zone they are present in; columns are the theme motifs
they carry and the zones they are present in; a mark sits where an item is.
Text keeps one legible size (ROW_SIZE) and the matrix runs over as many pages
as it needs, the column heads repeated on each and a group continued as
"(cont.)". With more zones than fit across the page, the zones are shown in
bands of columns, each band listing only the items present in its zones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, white
from reportlab.platypus import Flowable

from cuecraft.brief import fonts, text
from cuecraft.brief.graphdraw import EVOKES, node_shape
from cuecraft.brief.styles import ERROR, FAINT, INK, MUTED, RULE, UNIT, Palette
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, pgettext
from cuecraft.core.names import full_name, label_lines

ROW = 9.5  # points per row
ROW_SIZE = 6.5  # the size of every name in the matrix, points
HEAD_SIZE = 6.5
HEAD_ROOM = 24 * UNIT  # the longest column head, rotated
KEY_HEIGHT = 5 * UNIT
NAME_SHARE = 0.42  # of the width, for the names
MIN_COLUMN = 10.0  # points per column, at least
MAX_COLUMN = 16.0
MIN_ROWS = 4  # rows a part keeps on a page before moving to the next


@dataclass(frozen=True)
class Row:
    """One line of the matrix: a group head (a zone's name) or an item."""

    kind: str  # "group" or the item's kind: "cue", "layer", "souvenir"
    node: str  # the item's id, or the zone's for a group ("" for the unplaced)
    name: str
    continued: bool = False


@dataclass(frozen=True)
class Column:
    kind: str  # "motif" or "zone"
    key: str  # the motif word or the zone id
    name: str


class Matrix:
    """What every part of one band of the matrix shares: its columns, marks and geometry."""

    def __init__(
        self, graph: DesignGraph, columns: list[Column], flagged: set[str], palette: Palette
    ) -> None:
        self.graph = graph
        self.columns = columns
        self.flagged = flagged
        self.palette = palette
        # Room for the rotated column heads: the longest of them, up to HEAD_ROOM.
        longest = max((text.width(c.name, HEAD_SIZE) for c in columns), default=0.0)
        self.head_room = min(HEAD_ROOM, longest + 2 * UNIT)

    def marks(self, node: str) -> dict[int, str]:
        """Per column index, the mark an item gets there: "motif", "placed" (at the zone
        itself) or "passing" (at one of its touchpoints)."""
        graph = self.graph
        item = graph.cues.get(node) or graph.layers.get(node) or graph.souvenirs.get(node)
        if item is None:
            return {}
        direct = set(item.at)
        via = {graph.zone_of[t] for t in item.at if t in graph.zone_of}
        motifs = set(item.motifs)
        out: dict[int, str] = {}
        for i, column in enumerate(self.columns):
            if column.kind == "motif" and column.key in motifs:
                out[i] = "motif"
            elif column.kind == "zone" and column.key in direct:
                out[i] = "placed"
            elif column.kind == "zone" and column.key in via:
                out[i] = "passing"
        return out

    def colour(self, node: str) -> Color:
        cue = self.graph.cues.get(node)
        if cue is not None:
            return ERROR if cue.is_negative else self.palette.mark
        return EVOKES if node in self.graph.souvenirs else self.palette.mark


def matrix_parts(
    graph: DesignGraph, flagged: Iterable[str], palette: Palette, width: float
) -> list[tuple[str, Flowable]]:
    """The matrix of a large design: per band of zones, a caption (empty when all zones
    fit one band) and the flowable that splits itself over pages."""
    flagged = set(flagged)
    motifs = [Column("motif", m, m) for m in graph.design.theme.motifs]
    zones = [Column("zone", z, full_name(zone)) for z, zone in graph.zones.items()]
    column = min(
        MAX_COLUMN, max(MIN_COLUMN, width * (1 - NAME_SHARE) / max(1, len(motifs) + len(zones)))
    )
    across = max(1, int((width * (1 - NAME_SHARE) - column * (len(motifs) + 1)) // column))
    bands = [zones[i : i + across] for i in range(0, len(zones), across)] or [[]]
    out: list[tuple[str, Flowable]] = []
    for number, band in enumerate(bands):
        matrix = Matrix(graph, [*motifs, *band], flagged, palette)
        rows = _rows(graph, [c.key for c in band], unplaced=number == 0)
        caption = ""
        if len(bands) > 1:
            caption = _("Zones {first}–{last} of {total}").format(
                first=number * across + 1, last=number * across + len(band), total=len(zones)
            )
        out.append((caption, MatrixPart(matrix, rows, column)))
    return out


def _rows(graph: DesignGraph, band: list[str], unplaced: bool) -> list[Row]:
    """Items present in the band's zones, grouped by the first of them they are in (zone
    order); with `unplaced`, items present nowhere at the end."""
    zones = set(graph.zones)
    groups: dict[str, list[Row]] = {z: [] for z in band}
    nowhere: list[Row] = []
    items: list[tuple[str, Any]] = [
        *(("cue", c) for c in graph.design.cues),
        *(("layer", lay) for lay in graph.design.layers),
        *(("souvenir", s) for s in graph.design.souvenirs),
    ]
    for kind, item in items:
        places = set(item.at) | {graph.zone_of[t] for t in item.at if t in graph.zone_of}
        first = next((z for z in band if z in places), None)
        row = Row(kind, item.id, full_name(item))
        if first is not None:
            groups[first].append(row)
        elif unplaced and not places & zones:
            nowhere.append(row)
    out: list[Row] = []
    for zone, members in groups.items():
        if members:
            out.append(Row("group", zone, full_name(graph.zones[zone])))
            out.extend(members)
    if nowhere:
        out.append(Row("group", "", pgettext("graph matrix", "Not present in any zone")))
        out.extend(nowhere)
    return out


class MatrixPart(Flowable):  # type: ignore[misc]
    """Rows of one band of the matrix under its column heads; splits between rows."""

    def __init__(self, matrix: Matrix, rows: list[Row], column: float) -> None:
        super().__init__()
        self.matrix = matrix
        self.rows = rows
        self.column = column

    def _head_height(self) -> float:
        return KEY_HEIGHT + self.head_room + UNIT

    @property
    def head_room(self) -> float:
        return self.matrix.head_room

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._head_height() + ROW * len(self.rows)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int((avail_height - self._head_height()) // ROW)
        if fits >= len(self.rows):
            return [self]
        if fits < MIN_ROWS:
            return []
        # A group head never ends a page; the next page repeats it as "(cont.)".
        while fits > 1 and self.rows[fits - 1].kind == "group":
            fits -= 1
        head = next((r for r in reversed(self.rows[:fits]) if r.kind == "group"), None)
        rest = self.rows[fits:]
        if head is not None and rest and rest[0].kind != "group":
            rest = [Row("group", head.node, head.name, continued=True), *rest]
        return [
            MatrixPart(self.matrix, self.rows[:fits], self.column),
            MatrixPart(self.matrix, rest, self.column),
        ]

    def draw(self) -> None:
        canvas = self.canv
        matrix = self.matrix
        # The names take what the columns leave.
        names_w = self.width - len(matrix.columns) * self.column
        top = self.height
        self._key(canvas, top)
        grid_top = top - self._head_height()
        columns_x = [names_w + (i + 0.5) * self.column for i in range(len(matrix.columns))]
        # Column heads, rotated to read upwards; motifs in the accent, zones in ink.
        for x, column in zip(columns_x, matrix.columns, strict=True):
            room = self.head_room - UNIT

            def fits(line: str, room: float = room) -> bool:
                return text.width(line, HEAD_SIZE) <= room

            shown = label_lines(column.name, fits, 1)
            canvas.saveState()
            canvas.translate(x + HEAD_SIZE * 0.35, grid_top + UNIT)
            canvas.rotate(90)
            canvas.setFillColor(matrix.palette.accent_text if column.kind == "motif" else INK)
            text.draw(canvas, 0, 0, shown[0] if shown else "", HEAD_SIZE)
            canvas.restoreState()
        # Zebra rows and column rules, so a mark is read against its row and column.
        canvas.setFillColor(matrix.palette.wash)
        right = names_w + len(matrix.columns) * self.column
        for i, row in enumerate(self.rows):
            if row.kind != "group" and i % 2:
                canvas.rect(0, grid_top - (i + 1) * ROW, right, ROW, stroke=0, fill=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        bottom = grid_top - len(self.rows) * ROW
        for i in range(len(matrix.columns) + 1):
            x = names_w + i * self.column
            canvas.line(x, grid_top, x, bottom)
        motifs = sum(1 for c in matrix.columns if c.kind == "motif")
        if motifs:
            canvas.setStrokeColor(FAINT)
            canvas.setLineWidth(0.8)
            x = names_w + motifs * self.column
            canvas.line(x, grid_top + self.head_room, x, bottom)
        # By colour: (colour, filled shapes, rings, dots of the rows' cues, dots of the
        # marks). A dot is a round-capped point, two numbers in the PDF where a circle
        # takes fourteen: a thousand-cue matrix has thousands of them.
        paths: dict[str, tuple[Color, Any, Any, Any, Any]] = {}
        labels = canvas.beginText()  # the rows' names: one text object for the page
        for i, row in enumerate(self.rows):
            base = grid_top - (i + 1) * ROW + ROW * 0.28
            if row.kind == "group":
                self._group(canvas, row, base, names_w)
                continue
            colour = matrix.colour(row.node)
            key = colour.hexval()
            if key not in paths:
                paths[key] = (colour, *(canvas.beginPath() for _ in range(4)))
            _colour, filled, rings, row_dots, mark_dots = paths[key]
            middle = base + ROW * 0.22
            if row.kind in ("motif", "layer", "souvenir"):
                node_shape(filled, row.kind, UNIT, middle, 2.0)
            else:
                _dot(row_dots, UNIT, middle)
            for index, mark in matrix.marks(row.node).items():
                x = columns_x[index]
                if mark == "passing":
                    rings.circle(x, middle, 1.9)
                elif mark == "motif":
                    node_shape(filled, "motif", x, middle, 1.85)
                else:
                    _dot(mark_dots, x, middle)
            room = names_w - 3 * UNIT

            name = " ".join(row.name.split())  # as label_lines takes it
            shown = label_lines(name, _fits(text.measure(name, ROW_SIZE), room), 1)
            labels.setFillColor(ERROR if row.node in matrix.flagged else INK)
            text.add_line(labels, 2.5 * UNIT, base, shown[0] if shown else "", ROW_SIZE)
        canvas.drawText(labels)
        for colour, filled, rings, row_dots, mark_dots in paths.values():
            canvas.setFillColor(colour)
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(0.8)
            canvas.drawPath(filled, stroke=0, fill=1)
            canvas.drawPath(rings, stroke=1, fill=0)
            canvas.setLineCap(1)  # round: a point becomes a dot its line width across
            canvas.setLineWidth(2 * 2.2)
            canvas.drawPath(row_dots, stroke=1, fill=0)
            canvas.setLineWidth(2 * 2.4)
            canvas.drawPath(mark_dots, stroke=1, fill=0)
            canvas.setLineCap(0)

    def _group(self, canvas: Any, row: Row, base: float, names_w: float) -> None:
        name = row.name
        if row.continued:
            name = pgettext("graph matrix", "{zone} (cont.)").format(zone=name)
        canvas.setFillColor(white)
        canvas.rect(0, base - ROW * 0.28, names_w, ROW, stroke=0, fill=1)
        canvas.setFillColor(MUTED)
        room = names_w - UNIT

        def fits(line: str) -> bool:
            return text.width(line, ROW_SIZE + 0.5, fonts.BOLD) <= room

        shown = label_lines(name, fits, 1)
        text.draw(canvas, 0, base, shown[0] if shown else "", ROW_SIZE + 0.5, fonts.BOLD)

    def _key(self, canvas: Any, top: float) -> None:
        """What the marks mean, above the column heads."""
        size = 7.0
        y = top - KEY_HEIGHT + UNIT
        x = 0.0
        canvas.setLineWidth(0.8)
        entries = [
            ("placed", pgettext("graph matrix", "placed in the zone")),
            ("passing", pgettext("graph matrix", "at one of its touchpoints")),
            ("motif", pgettext("graph matrix", "carries the theme motif")),
            ("negative", pgettext("graph legend", "negative cue")),
        ]
        for mark, label in entries:
            middle = y + 2.3
            colour = ERROR if mark == "negative" else self.matrix.palette.mark
            canvas.setFillColor(colour)
            canvas.setStrokeColor(colour)
            path = canvas.beginPath()
            if mark == "passing":
                path.circle(x + 3, middle, 1.9)
                canvas.drawPath(path, stroke=1, fill=0)
            else:
                node_shape(path, "motif" if mark == "motif" else "cue", x + 3, middle, 2.2)
                canvas.drawPath(path, stroke=0, fill=1)
            canvas.setFillColor(MUTED)
            x += 9 + text.draw(canvas, x + 9, y, label, size) + 4 * UNIT


def _dot(path: Any, x: float, y: float) -> None:
    """A dot at (x, y): a point, drawn with round caps as wide as the dot (see `draw`)."""
    path.moveTo(x, y)
    path.lineTo(x, y)


def _fits(line_width: Callable[[str], float], room: float) -> Callable[[str], bool]:
    """Whether a line of a label fits `room` points, measured by `line_width`."""
    return lambda line: line_width(line) <= room
