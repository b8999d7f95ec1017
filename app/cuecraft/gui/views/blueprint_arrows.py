"""The blueprint's arrows as painter paths, from where the cards stand: the journey along
the customer row (a step to the next, over the steps between, under them going back),
its return visits, and an arrow from each needed action to the action needing it.
`BlueprintScene` (blueprint_scene.py) adds them to the scene, and draws the actions'
arrows again where the lanes stood again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from cuecraft.core.blueprint import Blueprint

from .blueprint_items import CardItem

ARC = 18.0  # room above the customer row for arrows that skip columns

Pairs = list[tuple[str, str]]


@dataclass
class JourneyArrows:
    flow: QPainterPath  # a step to the next, or over (under) the steps between
    back: QPainterPath  # return visits, under the row
    heads: QPainterPath  # the heads of both
    flow_pairs: Pairs  # (from, to) touchpoints, as drawn
    return_pairs: Pairs


def journey_paths(grid: Blueprint, cards: Mapping[str, CardItem]) -> JourneyArrows:
    """The journey's arrows between the customer row's cards (`cards`: by touchpoint)."""
    drawn = JourneyArrows(QPainterPath(), QPainterPath(), QPainterPath(), [], [])
    flow, heads = drawn.flow, drawn.heads
    for a, b in grid.flow:
        start, end = cards[grid.columns[a]], cards[grid.columns[b]]
        drawn.flow_pairs.append((start.item_id, end.item_id))
        s, e = start.sceneBoundingRect(), end.sceneBoundingRect()
        if b == a + 1:
            p, q = QPointF(s.right() - 3, s.center().y()), QPointF(e.left() + 3, e.center().y())
            flow.moveTo(p)
            flow.lineTo(q)
            heads.addPolygon(_head(QPointF(q.x() - 1, q.y()), q))
        else:  # over the steps between, or under them going back
            over = b > a
            y0 = s.top() + 3 if over else s.bottom() - 3
            lift = -ARC + 4 if over else ARC - 4
            p = QPointF(s.right() - 24 if over else s.left() + 24, y0)
            q = QPointF(e.left() + 24 if over else e.right() - 24, y0)
            flow.moveTo(p)
            flow.cubicTo(p.x(), y0 + lift * 1.6, q.x(), y0 + lift * 1.6, q.x(), q.y())
            heads.addPolygon(_head(QPointF(q.x(), q.y() + lift), q))
    back = drawn.back
    for a, b in grid.returns:
        start, end = cards[grid.columns[a]], cards[grid.columns[b]]
        drawn.return_pairs.append((start.item_id, end.item_id))
        s, e = start.sceneBoundingRect(), end.sceneBoundingRect()
        p, q = QPointF(s.center().x(), s.bottom() - 3), QPointF(e.center().x(), e.bottom() - 3)
        back.moveTo(p)
        back.cubicTo(p.x(), p.y() + ARC * 1.5, q.x(), q.y() + ARC * 1.5, q.x(), q.y())
        heads.addPolygon(_head(QPointF(q.x(), q.y() + 4), q))
    return drawn


def needs_paths(
    grid: Blueprint, cards: Mapping[str, CardItem]
) -> tuple[QPainterPath, QPainterPath, Pairs]:
    """An arrow from each needed action's card to the card of the action needing it, its
    heads, and the (action, needed) pairs drawn."""
    needs, heads = QPainterPath(), QPainterPath()
    pairs: Pairs = []
    for action, needed in grid.needs:
        pairs.append((action, needed))
        s = cards[needed].sceneBoundingRect().adjusted(3, 3, -3, -3)
        e = cards[action].sceneBoundingRect().adjusted(3, 3, -3, -3)
        p, q, bend = _ends(s, e)
        needs.moveTo(p)
        needs.cubicTo(p + bend, q - bend, q)
        heads.addPolygon(_head(q - bend, q))
    return needs, heads, pairs


def _ends(s: QRectF, e: QRectF) -> tuple[QPointF, QPointF, QPointF]:
    """Where an arrow from card `s` to card `e` leaves and arrives, and its bend."""
    if e.top() >= s.bottom():
        p, q = QPointF(s.center().x(), s.bottom()), QPointF(e.center().x(), e.top())
        return p, q, QPointF(0, max(12.0, (q.y() - p.y()) / 2))
    if e.bottom() <= s.top():
        p, q = QPointF(s.center().x(), s.top()), QPointF(e.center().x(), e.bottom())
        return p, q, QPointF(0, min(-12.0, (q.y() - p.y()) / 2))
    if e.left() >= s.right():
        p, q = QPointF(s.right(), s.center().y()), QPointF(e.left(), e.center().y())
        return p, q, QPointF(max(12.0, (q.x() - p.x()) / 2), 0)
    p, q = QPointF(s.left(), s.center().y()), QPointF(e.right(), e.center().y())
    return p, q, QPointF(min(-12.0, (q.x() - p.x()) / 2), 0)


def _head(towards: QPointF, tip: QPointF, size: float = 7.0) -> QPolygonF:
    """An arrow head at `tip`, pointing from `towards` to `tip`."""
    dx, dy = tip.x() - towards.x(), tip.y() - towards.y()
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    base = QPointF(tip.x() - ux * size, tip.y() - uy * size)
    side = QPointF(-uy * size * 0.5, ux * size * 0.5)
    return QPolygonF([tip, base + side, base - side, tip])
