"""What the graph view draws: node shapes by kind, edge styles, the legend, a fallback layout."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cuecraft.core.findings import Finding
from cuecraft.core.i18n import pgettext
from cuecraft.core.names import label_lines
from cuecraft.core.words import lane_word

from ._style import (
    accent,
    findings_tooltip,
    html_escape,
    mix,
    scaled_font,
    severity_color,
    with_alpha,
)

KINDS = ("motif", "zone", "touchpoint", "cue", "layer", "souvenir", "action")
KIND_HUES = {
    "motif": "#8a5fc8",
    "zone": "#5b7490",
    "touchpoint": "#3f7fc6",
    "cue": "#2a9b78",
    "negative": "#d0572f",
    "layer": "#1a9fb0",
    "souvenir": "#c24f98",
    "action": "#9a6a2f",
}


def kind_title(kind: str) -> str:
    """The name of a node kind (the graph's `motif`, `zone`, …; `negative` for a negative
    cue) in the current language."""
    if kind == "motif":
        return pgettext("graph node", "Motif")
    if kind == "zone":
        return pgettext("graph node", "Zone")
    if kind == "touchpoint":
        return pgettext("graph node", "Touchpoint")
    if kind == "cue":
        return pgettext("graph node", "Positive cue")
    if kind == "negative":
        return pgettext("graph node", "Negative cue")
    if kind == "layer":
        return pgettext("graph node", "Layer")
    if kind == "souvenir":
        return pgettext("graph node", "Souvenir")
    if kind == "action":
        # TRANSLATORS: graph legend: what staff or systems do (a line of the service blueprint)
        return pgettext("graph node", "Action")
    return kind


RADIUS = {
    "motif": 11.0,
    "zone": 13.0,
    "touchpoint": 11.0,
    "cue": 8.0,
    "layer": 9.0,
    "souvenir": 10.0,
    "action": 10.0,
}
LABEL_WIDTH = 150.0
LABEL_LINES = 2  # a name wraps to two lines before it is shortened
# Edge kinds, back to front: light structure first, the ones that matter on top.
EDGE_ORDER = (
    "at",
    "zone",
    "happens",
    "motif",
    "evokes",
    "serves",
    "sees",
    "needs",
    "next",
    "return",
    "conflicts",
)
ARROWED = ("next", "return", "needs")  # edges whose direction is read: an arrow head each


def node_shape(kind: str, r: float) -> QPainterPath:
    """The outline of a node of this kind, centred on the origin."""
    path = QPainterPath()
    if kind == "motif":  # diamond
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(0, -r * 1.15),
                    QPointF(r * 1.15, 0),
                    QPointF(0, r * 1.15),
                    QPointF(-r * 1.15, 0),
                ]
            )
        )
        path.closeSubpath()
    elif kind == "zone":  # rounded square
        path.addRoundedRect(QRectF(-r, -r * 0.85, 2 * r, 1.7 * r), 3.5, 3.5)
    elif kind == "touchpoint":  # hexagon
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(r * math.cos(a), r * math.sin(a))
                    for a in (math.pi / 3 * k + math.pi / 6 for k in range(6))
                ]
            )
        )
        path.closeSubpath()
    elif kind == "layer":  # capsule
        path.addRoundedRect(QRectF(-r * 1.35, -r * 0.62, r * 2.7, r * 1.24), r * 0.62, r * 0.62)
    elif kind == "action":  # a process step pointing left, at the touchpoints it serves
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(-r * 1.25, 0),
                    QPointF(-r * 0.4, -r * 0.85),
                    QPointF(r * 1.1, -r * 0.85),
                    QPointF(r * 1.1, r * 0.85),
                    QPointF(-r * 0.4, r * 0.85),
                ]
            )
        )
        path.closeSubpath()
    elif kind == "souvenir":  # five-pointed star
        points = []
        for k in range(10):
            radius = r * 1.2 if k % 2 == 0 else r * 0.52
            angle = -math.pi / 2 + k * math.pi / 5
            points.append(QPointF(radius * math.cos(angle), radius * math.sin(angle)))
        path.addPolygon(QPolygonF(points))
        path.closeSubpath()
    else:  # cue: circle
        path.addEllipse(QPointF(0, 0), r, r)
    return path


def paint_node_glyph(
    painter: QPainter, kind: str, negative: bool, centre: QPointF, r: float, palette: QPalette
) -> None:
    """A node's filled shape (also used by the legend)."""
    hue = accent(palette, KIND_HUES["negative" if negative else kind])
    painter.save()
    painter.setPen(QPen(mix(hue, QColor("black"), 0.25), 1.0))
    painter.setBrush(hue)
    painter.drawPath(node_shape(kind, r).translated(centre))
    if negative:
        painter.setPen(
            QPen(
                QColor("white"), max(1.4, r * 0.22), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap
            )
        )
        painter.drawLine(centre + QPointF(-r * 0.45, 0), centre + QPointF(r * 0.45, 0))
    painter.restore()


def edge_pen(kind: str, palette: QPalette) -> QPen:
    """Cosmetic pens: edges stay crisp hairlines at any zoom."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    styles: dict[str, tuple[QColor, float, Qt.PenStyle]] = {
        "at": (mix(base, text, 0.22), 0.9, Qt.PenStyle.SolidLine),
        "zone": (mix(base, accent(palette, KIND_HUES["zone"]), 0.45), 1.0, Qt.PenStyle.SolidLine),
        "motif": (mix(base, accent(palette, KIND_HUES["motif"]), 0.35), 0.9, Qt.PenStyle.SolidLine),
        "evokes": (
            mix(base, accent(palette, KIND_HUES["souvenir"]), 0.6),
            1.0,
            Qt.PenStyle.DashLine,
        ),
        "sees": (mix(base, accent(palette, KIND_HUES["zone"]), 0.85), 1.5, Qt.PenStyle.DotLine),
        "next": (accent(palette, KIND_HUES["touchpoint"]), 1.8, Qt.PenStyle.SolidLine),
        "return": (accent(palette, KIND_HUES["motif"]), 1.6, Qt.PenStyle.DashLine),
        "conflicts": (severity_color(palette, "error"), 2.2, Qt.PenStyle.SolidLine),
        # The blueprint: an action serves touchpoints, happens in a zone, needs actions.
        "serves": (
            mix(base, accent(palette, KIND_HUES["action"]), 0.7),
            1.3,
            Qt.PenStyle.SolidLine,
        ),
        "happens": (mix(base, accent(palette, KIND_HUES["action"]), 0.8), 1.4, Qt.PenStyle.DotLine),
        "needs": (accent(palette, KIND_HUES["action"]), 1.6, Qt.PenStyle.DashLine),
    }
    color, width, style = styles.get(kind, styles["at"])
    pen = QPen(color, width, style, Qt.PenCapStyle.RoundCap)
    pen.setCosmetic(True)
    return pen


@dataclass
class NodeInfo:
    node_id: str
    kind: str
    label: str
    negative: bool = False
    dimmed: bool = False  # an eliminated negative cue
    severity: str | None = None  # the worst of its findings' (they are the view's)
    lane: str = ""  # an action's lane of the blueprint (a code: frontstage, …)

    def tooltip(self, findings: Sequence[Finding] = ()) -> str:
        """Rich text for the node's tooltip with its `findings`, in the current language
        (built on demand: cheap to keep 1,000 current)."""
        title = kind_title("negative" if self.kind == "cue" and self.negative else self.kind)
        item_id = self.node_id.split(":", 1)[1] if self.kind == "motif" else self.node_id
        tip = f"<b>{html_escape(self.label)}</b><br>{html_escape(title)} · {html_escape(item_id)}"
        if self.lane:
            tip += " · " + html_escape(lane_word(self.lane))
        if self.dimmed:
            # TRANSLATORS: the status of a negative cue the design has eliminated
            tip += " · " + html_escape(pgettext("cue status", "eliminated"))
        if findings:
            tip += "<br>" + findings_tooltip(findings)
        return tip


# A node's reach, the zoom from which its label shows, the zoom below which it keeps its
# screen size, and the label's offset and box (left, right, top, bottom) before that
# scaling: what a fit needs of it, around its centre (`NodeItem.fit_extent`).
FitExtent = tuple[float, float, float, float, float, float, float, float]


@dataclass(frozen=True)
class NodeFonts:
    """The label fonts, made once per scene rather than once per node."""

    plain: QFont
    bold: QFont
    line: float

    @classmethod
    def from_font(cls, font: QFont) -> NodeFonts:
        bold = scaled_font(font, 0.9, bold=True)
        return cls(scaled_font(font, 0.9), bold, QFontMetricsF(bold).lineSpacing())


class NodeItem(QGraphicsItem):
    """One node of the consistency graph: shape, findings ring, label."""

    def __init__(
        self,
        info: NodeInfo,
        palette: QPalette,
        fonts: NodeFonts,
        label_left: bool = False,
        label_from: float = 0.7,
    ) -> None:
        super().__init__()
        self.node_id = info.node_id
        self.kind = info.kind
        self.info = info
        self.selected = False
        self._palette = palette
        self._fonts = fonts
        self._r = RADIUS.get(info.kind, 8.0)
        self._elided: str | None = None
        self._lines = LABEL_LINES
        self._label_cache: tuple[tuple[str, bool], str, float] | None = None
        self._fit: FitExtent | None = None  # `fit_extent`, until the label or its place changes
        self.at = (0.0, 0.0)  # where `put` placed it in the scene
        self.setZValue(20)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.place(label_left, label_from)

    def place(self, label_left: bool, label_from: float) -> None:
        """Which side the label goes, and from which zoom it shows (when labels stop
        overlapping their neighbours)."""
        self.prepareGeometryChange()
        self._fit = None
        self.label_left = label_left
        self.label_from = max(0.05, label_from)
        # Labels keep their screen size when zoomed out, so at the smallest zoom
        # that shows them they reach furthest: the bounds allow for that.
        grow = 1 / min(1.0, self.label_from)
        reach = self._r * 1.4 + 12
        height = max(reach * 2, (self._fonts.line * LABEL_LINES + 6) * grow)
        width = reach + self._r * 1.2 + 5 + (LABEL_WIDTH + 14) * grow
        left = -width + reach if label_left else -reach
        self._bounds = QRectF(left, -height / 2, width, height)

    @property
    def radius(self) -> float:
        return self._r

    @property
    def severity(self) -> str | None:
        return self.info.severity

    def set_lines(self, lines: int) -> None:
        """At most how many lines the label takes: one in a crowded column, where two
        would show only when zoomed in far."""
        if lines != self._lines:
            self._lines = lines
            self._elided = None
            self._label_cache = None
            self._fit = None

    def set_info(self, info: NodeInfo) -> None:
        if info.label != self.info.label:
            self._elided = None
            self._fit = None
        self.info = info
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self._fit = None
            self.setZValue(30 if selected else 20)
            self.update()

    def label_text(self) -> str:
        """The label as drawn: the item's name (`cuecraft.core.names`, as in the brief) on
        at most two lines of the label width, shortened at a whole word with "…"."""
        if self._elided is None:
            lines = _label_lines(self.info.label, self._fonts.plain, self._lines)
            self._elided = "\n".join(lines)
        return self._elided

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _label_at(self, lod: float) -> tuple[str, QFont, QRectF, float] | None:
        """The label drawn at this zoom: text, font, box (before scaling) and scale; None
        where labels would overlap their neighbours. Zoomed out, labels keep their
        screen size."""
        if not (self.selected or lod >= self.label_from):
            return None
        scale = 1 / max(lod, self.label_from) if lod < 1 else 1.0
        font = self._fonts.bold if self.selected else self._fonts.plain
        key = (self.label_text(), self.selected)
        if self._label_cache is None or self._label_cache[0] != key:
            lines = key[0].split("\n")
            if self.selected:  # bold is wider: break the name again
                lines = _label_lines(self.info.label, font, self._lines)
            fm = QFontMetricsF(font)
            wide = max(fm.horizontalAdvance(line) for line in lines)
            self._label_cache = (key, "\n".join(lines), wide + 10)
        _key, text, w = self._label_cache
        height = self._fonts.line * (text.count("\n") + 1)
        box = QRectF(-w if self.label_left else 0, -height / 2 - 1, w, height + 2)
        return text, font, box, scale

    @property
    def label_line_count(self) -> int:
        return self.label_text().count("\n") + 1

    @property
    def reach(self) -> float:
        """How far the node paints around its centre: its shape and the selection ring."""
        return self._r + 11

    def label_geometry(self) -> tuple[float, QRectF]:
        """Where the label goes: its offset from the centre, and its box before the
        zoom-dependent scale (see `_label_at`)."""
        label = self._label_at(max(1.0, self.label_from))
        assert label is not None
        shift = -(self._r * 1.2 + 5) if self.label_left else self._r * 1.2 + 5
        return shift, label[2]

    def put(self, x: float, y: float) -> None:
        """Place the node's centre at this point of the scene."""
        self.at = (x, y)
        self.setPos(x, y)

    def fit_extent(self) -> FitExtent:
        """What `graph_layout.fits` needs of this node, kept until its label or its
        place changes (a fit asks it of every node, on every motif typed)."""
        if self._fit is None:
            shift, box = self.label_geometry()
            shows_from = 0.0 if self.selected else self.label_from
            self._fit = (
                self.reach,
                shows_from,
                self.label_from,
                shift,
                box.left(),
                box.right(),
                box.top(),
                box.bottom(),
            )
        return self._fit

    def painted_rect(self, lod: float) -> QRectF:
        """What this node paints at this zoom, in its own coordinates: its shape with
        room for the rings, and its label if the zoom shows it."""
        reach = self.reach
        rect = QRectF(-reach, -reach, 2 * reach, 2 * reach)
        label = self._label_at(lod)
        if label is not None:
            _text, _font, box, scale = label
            shift = -(self._r * 1.2 + 5) if self.label_left else self._r * 1.2 + 5
            left, top = box.left() * scale + shift, box.top() * scale
            rect = rect.united(QRectF(left, top, box.width() * scale, box.height() * scale))
        return rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), self._r + 4, self._r + 4)
        return path

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        pal, r = self._palette, self._r
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.info.severity in ("error", "warning"):
            ring = severity_color(pal, self.info.severity)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(with_alpha(ring, 0.22))
            painter.drawEllipse(QPointF(0, 0), r + 7, r + 7)
            painter.setPen(QPen(ring, 2.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 4.5, r + 4.5)
        if self.selected:
            pen = QPen(pal.color(QPalette.ColorRole.Highlight), 3.0)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), r + 9, r + 9)
        if self.info.dimmed:
            painter.setOpacity(0.4)
        paint_node_glyph(painter, self.kind, self.info.negative, QPointF(0, 0), r, pal)
        painter.setOpacity(1.0)
        label = self._label_at(lod)
        if label is None:
            return
        text, font, box, scale = label
        painter.save()
        painter.translate(-(r * 1.2 + 5) if self.label_left else r * 1.2 + 5, 0)
        painter.scale(scale, scale)
        painter.setPen(Qt.PenStyle.NoPen)
        # An opaque ground: edges pass under a label, never through its words.
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(box, 4, 4)
        painter.setFont(font)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def _label_lines(name: str, font: QFont, lines: int = LABEL_LINES) -> list[str]:
    """A node's name as label lines in `font`: whole words, “…” where it is shortened."""
    metrics = QFontMetricsF(font)

    def fits(line: str) -> bool:
        return metrics.horizontalAdvance(line) <= LABEL_WIDTH

    return label_lines(name, fits, lines)
