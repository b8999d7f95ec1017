"""The graph's legend: a strip under the drawing, never on top of it.

Node kinds, then edge kinds, left to right, wrapping to as many rows as the
width needs (the strip asks its layout for that height). The titles are written
in the current language on every layout and paint; `retranslate()` lays the strip
out again after the language changes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

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
                nodes=join_names(self._node_title(k, n) for k, n in NODE_KEYS),
                edges=join_names(edge_title(k) for k in EDGE_KEYS),
            )
        )
        self.updateGeometry()
        self.update()

    def texts(self) -> list[str]:
        """The titles of the entries, in order, as drawn."""
        return [self._node_title(k, n) for k, n in NODE_KEYS] + [edge_title(k) for k in EDGE_KEYS]

    @staticmethod
    def _node_title(kind: str, negative: bool) -> str:
        return kind_title("negative" if negative else kind)

    def _entries(self) -> list[tuple[str, str, bool, float]]:
        """(what, kind, negative, width) per entry; what is "node" or "edge"."""
        fm = QFontMetricsF(scaled_font(self.font(), 0.86))
        out = []
        for kind, negative in NODE_KEYS:
            title = self._node_title(kind, negative)
            out.append(("node", kind, negative, ICON + fm.horizontalAdvance(title)))
        for kind in EDGE_KEYS:
            out.append(("edge", kind, False, ICON + fm.horizontalAdvance(edge_title(kind))))
        return out

    def _row_height(self) -> float:
        return max(18.0, QFontMetricsF(scaled_font(self.font(), 0.86)).lineSpacing() + 4)

    def _layout(self, width: float) -> list[QRectF]:
        """Where each entry goes for this width."""
        rects, x, y, row = [], PAD, PAD, self._row_height()
        for _what, _kind, _negative, w in self._entries():
            if x > PAD and x + w > width - PAD:
                x, y = PAD, y + row
            rects.append(QRectF(x, y, w, row))
            x += w + GAP
        return rects

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self._layout(float(width))
        return int(rects[-1].bottom() + PAD + 0.5) if rects else 0

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
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Window))
        rule = mix(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Text), 0.2)
        painter.setPen(QPen(rule, 1))
        painter.drawLine(0, 0, self.width(), 0)
        painter.setFont(scaled_font(self.font(), 0.86))
        text = pal.color(QPalette.ColorRole.WindowText)
        entries = self._entries()
        for (what, kind, negative, _w), rect in zip(
            entries, self._layout(float(self.width())), strict=True
        ):
            y = rect.center().y()
            if what == "node":
                paint_node_glyph(painter, kind, negative, QPointF(rect.left() + 10, y), 6.5, pal)
                title = self._node_title(kind, negative)
            else:
                pen = edge_pen(kind, pal)
                pen.setWidthF(max(1.2, pen.widthF()))
                painter.setPen(pen)
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.left() + ICON - 6, y))
                title = edge_title(kind)
            painter.setPen(text)
            painter.drawText(
                rect.adjusted(ICON, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                title,
            )
        painter.end()
