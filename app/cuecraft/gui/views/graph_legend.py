"""The graph's legend: a strip under the drawing, never on top of it.

Node kinds, then edge kinds, left to right, wrapping to as many rows as the
width needs (the strip asks its layout for that height). The titles are written
in the current language on every layout and paint; `retranslate()` lays the strip
out again after the language changes. A picture of the graph carries the same
strip under the drawing as a scene item (`LegendItem`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QSizePolicy, QStyleOptionGraphicsItem, QWidget

from cuecraft.core.i18n import _, pgettext

from ._style import join_names, mix, scaled_font
from .graph_items import edge_pen, kind_title, paint_node_glyph

NARROWEST_USUAL = 480  # px: the central view's width on a 1024-pixel-wide screen, about

NODE_KEYS = [
    ("motif", False),
    ("zone", False),
    ("touchpoint", False),
    ("cue", False),
    ("cue", True),
    ("layer", False),
    ("souvenir", False),
    ("action", False),
]
EDGE_KEYS = [
    "next",
    "return",
    "conflicts",
    "sees",
    "at",
    "evokes",
    "motif",
    "serves",
    "happens",
    "needs",
]


def edge_title(kind: str) -> str:
    """The legend's name of an edge kind, in the current language."""
    if kind == "next":
        # TRANSLATORS: graph legend: the arrow from a touchpoint to the next one
        return pgettext("graph edge", "next")
    if kind == "return":
        # TRANSLATORS: graph legend: the dashed arrow from the journey's end back to its start
        return _("return visit")
    if kind == "conflicts":
        # TRANSLATORS: graph legend: two cues that clash
        return pgettext("graph edge", "conflicts")
    if kind == "sees":
        # TRANSLATORS: graph legend: a zone from which guests see another zone
        return pgettext("graph edge", "sees")
    if kind == "at":
        # TRANSLATORS: graph legend: a cue placed at a zone or touchpoint, a touchpoint in a zone
        return pgettext("graph edge", "at · zone")
    if kind == "evokes":
        # TRANSLATORS: graph legend: a souvenir or cue that evokes a motif
        return pgettext("graph edge", "evokes")
    if kind == "motif":
        # TRANSLATORS: graph legend: an item linked to a motif of the theme
        return pgettext("graph edge", "motif")
    if kind == "serves":
        # TRANSLATORS: graph legend: an action of the blueprint staging a touchpoint
        return pgettext("graph edge", "serves")
    if kind == "happens":
        # TRANSLATORS: graph legend: the zone where an action of the blueprint happens
        return pgettext("graph edge", "happens in")
    if kind == "needs":
        # TRANSLATORS: graph legend: the arrow from an action to an action it depends on
        return pgettext("graph edge", "needs")
    return kind


def node_title(kind: str, negative: bool) -> str:
    """The legend's name of a node kind (a negative cue's own), in the current language."""
    return kind_title("negative" if negative else kind)


ICON = 26.0  # room for a glyph or a stretch of edge before its title
GAP = 12.0  # between entries
PAD = 6.0  # around the strip


class GraphLegend(QWidget):
    """A key to node shapes and edge styles, laid out in rows that fit the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.retranslate()

    def retranslate(self) -> None:
        """Names and layout in the current language (the titles are longer in some)."""
        self.setAccessibleName(_("Graph legend"))
        self.setAccessibleDescription(
            _("Nodes: {nodes}. Edges: {edges}.").format(
                nodes=join_names(node_title(k, n) for k, n in NODE_KEYS),
                edges=join_names(edge_title(k) for k in EDGE_KEYS),
            )
        )
        self.updateGeometry()
        self.update()

    def texts(self) -> list[str]:
        """The titles of the entries, in order, as drawn."""
        return [node_title(k, n) for k, n in NODE_KEYS] + [edge_title(k) for k in EDGE_KEYS]

    def _layout(self, width: float) -> list[QRectF]:
        return legend_layout(self.font(), width)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return legend_height(self.font(), float(width))

    def sizeHint(self) -> QSize:
        width = max(200, self.width())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # The height at the width it has (or a usual one), not at its narrowest: stacked
        # one entry a row, the strip would ask ~440 px, and as a tab's page that minimum
        # holds the whole central area up, squeezing the findings panel (1024×768).
        width = self.width() if self.width() > 120 else NARROWEST_USUAL
        return QSize(120, self.heightForWidth(width))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_graph_legend(painter, QRectF(self.rect()), self.palette(), self.font())
        painter.end()


def _entries(font: QFont) -> list[tuple[str, str, bool, float]]:
    """(what, kind, negative, width) per entry; what is "node" or "edge"."""
    fm = QFontMetricsF(scaled_font(font, 0.86))
    out = []
    for kind, negative in NODE_KEYS:
        title = node_title(kind, negative)
        out.append(("node", kind, negative, ICON + fm.horizontalAdvance(title)))
    for kind in EDGE_KEYS:
        out.append(("edge", kind, False, ICON + fm.horizontalAdvance(edge_title(kind))))
    return out


def legend_layout(font: QFont, width: float) -> list[QRectF]:
    """Where each entry goes in a strip `width` wide (from its top left corner)."""
    row = max(18.0, QFontMetricsF(scaled_font(font, 0.86)).lineSpacing() + 4)
    rects, x, y = [], PAD, PAD
    for _what, _kind, _negative, w in _entries(font):
        if x > PAD and x + w > width - PAD:
            x, y = PAD, y + row
        rects.append(QRectF(x, y, w, row))
        x += w + GAP
    return rects


def legend_height(font: QFont, width: float) -> int:
    """How tall the strip is at `width`."""
    rects = legend_layout(font, width)
    return int(rects[-1].bottom() + PAD + 0.5) if rects else 0


def paint_graph_legend(painter: QPainter, rect: QRectF, pal: QPalette, font: QFont) -> None:
    """The strip: a rule on top, then the entries in the rows that fit its width."""
    painter.save()
    painter.translate(rect.topLeft())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    window = pal.color(QPalette.ColorRole.Window)
    painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), window)
    rule = mix(window, pal.color(QPalette.ColorRole.Text), 0.2)
    painter.setPen(QPen(rule, 1))
    painter.drawLine(QPointF(0, 0), QPointF(rect.width(), 0))
    painter.setFont(scaled_font(font, 0.86))
    text = pal.color(QPalette.ColorRole.WindowText)
    entries = _entries(font)
    for (what, kind, negative, _w), box in zip(
        entries, legend_layout(font, rect.width()), strict=True
    ):
        y = box.center().y()
        if what == "node":
            paint_node_glyph(painter, kind, negative, QPointF(box.left() + 10, y), 6.5, pal)
            title = node_title(kind, negative)
        else:
            pen = edge_pen(kind, pal)
            pen.setWidthF(max(1.2, pen.widthF()))
            painter.setPen(pen)
            painter.drawLine(QPointF(box.left(), y), QPointF(box.left() + ICON - 6, y))
            title = edge_title(kind)
        painter.setPen(text)
        painter.drawText(
            box.adjusted(ICON, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            title,
        )
    painter.restore()


class LegendItem(QGraphicsItem):
    """The strip under a picture of the graph (the tab shows it as a widget)."""

    def __init__(self, rect: QRectF, palette: QPalette, font: QFont) -> None:
        super().__init__()
        self._rect, self._palette, self._font = QRectF(rect), palette, font
        self.setZValue(100)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        paint_graph_legend(painter, self._rect, self._palette, self._font)
