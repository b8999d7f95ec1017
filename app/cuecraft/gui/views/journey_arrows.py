"""The routes the journey's arrows take, and the arrows themselves.

Each column holds one card, so an arrow (`EdgeItem`) runs through the empty
space between cards, never under one: from a card's right edge along the gap
under its lane, or over the lanes for a return visit (a dashed loop).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from cuecraft.core.i18n import _

from ._style import accent, mix, muted_text, scaled_font, with_alpha
from .journey_items import PHASE_HUES, Geometry


def add_arrows(
    scene: QGraphicsScene,
    geo: Geometry,
    rects: dict[str, QRectF],
    column: dict[str, int],
    edges: Iterable[tuple[str, str]],
    returns: list[tuple[str, str]],
    skipped: frozenset[str],
    pal: QPalette,
    font: QFont,
) -> None:
    """The journey's `next` arrows between the cards at `rects`, and the return visits'
    dashed loops; an arrow to or from a touchpoint in `skipped` is faint."""
    base = pal.color(QPalette.ColorRole.Base)
    edge_pen = QPen(mix(muted_text(pal), base, 0.15), 1.6)
    edge_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    for src, dst in edges:
        path = next_path(rects[src], rects[dst], column[src], column[dst], geo)
        edge = EdgeItem(path, edge_pen, ends=(src, dst))
        edge.setOpacity(0.35 if {src, dst} & skipped else 1.0)  # a way they do not go
        scene.addItem(edge)
    return_pen = QPen(accent(pal, PHASE_HUES["after"]), 1.6, Qt.PenStyle.DashLine)
    label_font = scaled_font(font, 0.86)
    for k, (src, dst) in enumerate(returns):
        path, label_at = return_path(rects[src], rects[dst], geo, k)
        # TRANSLATORS: the label of a dashed loop from the journey's end back to its start
        label = _("return visit")
        scene.addItem(EdgeItem(path, return_pen, label, label_at, label_font))


def next_path(a: QRectF, b: QRectF, ca: int, cb: int, geo: Geometry) -> QPainterPath:
    """An arrow from card `a` to card `b`, routed only through empty space.

    Each column holds one card, so the gaps between columns are free in every
    lane, and so are the margins above and below the cards of a lane: arrows
    run along those, with rounded corners, and never under a card.
    """
    gap = geo.col_w - geo.card_w
    lane_pad = (geo.lane_h - geo.card_h) / 2
    start = QPointF(a.right() + 2, a.center().y())
    end = QPointF(b.left() - 3, b.center().y())
    after_a = a.right() + gap / 2
    before_b = b.left() - gap / 2
    if cb == ca + 1:
        points = [start, QPointF(after_a, start.y()), QPointF(after_a, end.y()), end]
    else:
        if cb < ca:  # a loop back inside the journey runs under its own lane
            channel = a.bottom() + lane_pad / 2
        elif b.top() < a.top():
            channel = b.bottom() + lane_pad / 2
        else:
            channel = b.top() - lane_pad / 2
        points = [
            start,
            QPointF(after_a, start.y()),
            QPointF(after_a, channel),
            QPointF(before_b, channel),
            QPointF(before_b, end.y()),
            end,
        ]
    return _rounded(points, 8.0)


def _rounded(points: list[QPointF], radius: float) -> QPainterPath:
    """A polyline through `points` with its corners rounded."""
    clean = [points[0]]
    for p in points[1:]:
        if abs(p.x() - clean[-1].x()) > 0.01 or abs(p.y() - clean[-1].y()) > 0.01:
            clean.append(p)
    path = QPainterPath(clean[0])
    for prev, corner, nxt in zip(clean, clean[1:], clean[2:], strict=False):
        d_in = _length(prev, corner)
        d_out = _length(corner, nxt)
        r = min(radius, d_in / 2, d_out / 2)
        p_in = corner + (prev - corner) * (r / d_in)
        p_out = corner + (nxt - corner) * (r / d_out)
        path.lineTo(p_in)
        path.quadTo(corner, p_out)
    path.lineTo(clean[-1])
    return path


def _length(a: QPointF, b: QPointF) -> float:
    return max(1e-6, math.hypot(a.x() - b.x(), a.y() - b.y()))


def return_path(a: QRectF, b: QRectF, geo: Geometry, k: int) -> tuple[QPainterPath, QPointF]:
    """A dashed loop from the top of `a`, over the lanes, down into the top of `b`.

    The way up runs through the source's own column, empty in the other lanes.
    """
    line = geo.unit / 1.35
    y = geo.top - line * 0.9 * (k + 1) + line * 0.2
    sx, tx = a.center().x() + geo.pad * (k + 1), b.center().x() + geo.pad * (k + 1)
    path = _rounded(
        [QPointF(sx, a.top() - 3), QPointF(sx, y), QPointF(tx, y), QPointF(tx, b.top() - 4)], 10.0
    )
    return path, QPointF(min(sx, tx) + 14, y - 5)


class EdgeItem(QGraphicsItem):
    """A journey arrow (or a dashed return loop) drawn under the cards."""

    def __init__(
        self,
        path: QPainterPath,
        pen: QPen,
        label: str = "",
        label_at: QPointF | None = None,
        font: QFont | None = None,
        ends: tuple[str, str] = ("", ""),
    ) -> None:
        super().__init__()
        self.ends = ends  # the touchpoints it joins
        self.path = path
        self.pen = pen
        self.label = label
        self.label_at = label_at or QPointF()
        self.font = font or QFont()
        self.setZValue(5)
        end = path.pointAtPercent(1.0)
        angle = path.angleAtPercent(1.0)
        head = QPolygonF([QPointF(0, 0), QPointF(-9, -4.5), QPointF(-9, 4.5)])
        self.head = QPolygonF([_rotate(head.at(i), -angle) + end for i in range(head.size())])
        bounds = path.boundingRect().united(self.head.boundingRect())
        if label:
            fm = QFontMetricsF(self.font)
            bounds = bounds.united(
                QRectF(
                    self.label_at.x(),
                    self.label_at.y() - fm.ascent(),
                    fm.horizontalAdvance(label) + 4,
                    fm.lineSpacing(),
                )
            )
        self._bounds = bounds.adjusted(-4, -4, 4, 4)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.pen.color())
        painter.drawPolygon(self.head)
        if self.label:
            painter.setFont(self.font)
            painter.setPen(self.pen.color())
            painter.drawText(self.label_at, self.label)


def _rotate(p: QPointF, degrees: float) -> QPointF:
    a = math.radians(degrees)
    return QPointF(
        p.x() * math.cos(a) - p.y() * math.sin(a), p.x() * math.sin(a) + p.y() * math.cos(a)
    )


def add_unreachable_divider(
    scene: QGraphicsScene, geo: Geometry, first: QRectF, pal: QPalette, font: QFont
) -> None:
    """A dashed line before the first card no entry reaches, with what it means over it."""
    x = first.left() - geo.pad * 1.3
    pen = QPen(with_alpha(muted_text(pal), 0.7), 1, Qt.PenStyle.DashLine)
    scene.addLine(x, geo.top - geo.pad, x, geo.chart_top + geo.chart_h, pen)
    # TRANSLATORS: over the journey's touchpoints that no entry reaches
    words = _("Not reachable from an entry")
    text = scene.addSimpleText(words, scaled_font(font, 0.86))
    text.setBrush(muted_text(pal))
    text.setPos(x + 6, geo.top - geo.pad - QFontMetricsF(text.font()).height())
