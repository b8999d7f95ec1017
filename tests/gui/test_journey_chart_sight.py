"""The journey's emotion chart paints only the columns in sight (a renamed card or a
scroll repainted all 2,000 columns of a 10,000-cue design), and what it paints there is
what painting the whole chart gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from cuecraft.core.fileformat import load_design
from cuecraft.gui.document import Document
from cuecraft.gui.views.journey import JourneyView
from cuecraft.gui.views.journey_chart import CurvePoint, EmotionChart, in_sight

RAINFOREST = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"


def points(*xs: float) -> list[CurvePoint]:
    return [CurvePoint(f"t{i}", x, 1, "") for i, x in enumerate(xs)]


def test_in_sight_keeps_one_point_beyond_each_side() -> None:
    row = points(0, 100, 200, 300, 400, 500, 600)
    assert [p.x for p in in_sight(row, 250, 450)] == [200, 300, 400, 500]
    assert [p.x for p in in_sight(row, 110, 190)] == [100, 200]  # a stretch crosses it
    assert in_sight(row, 700, 900) == []
    assert [p.x for p in in_sight(row, -50, 0)] == [0, 100]


def painted(chart: EmotionChart, exposed: QRectF, clip: QRectF) -> QImage:
    """The chart painted as the view asks it to, for `exposed`, the painter clipped to
    `clip` (as the view clips to the part it repaints)."""
    whole = chart.boundingRect()
    image = QImage(int(whole.right()) + 1, int(whole.bottom()) + 1, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setClipRect(clip)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = exposed
    chart.paint(painter, option)
    painter.end()
    return image


def test_a_part_of_the_chart_is_painted_as_the_whole_chart_paints_it(qtbot: Any) -> None:
    document = Document(load_design(RAINFOREST))
    view = JourneyView(document)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    chart = next(i for i in view._canvas.scene().items() if isinstance(i, EmotionChart))
    whole = chart.boundingRect()
    for share in (0.1, 0.37, 0.6):
        part = QRectF(whole.left() + round(whole.width() * share), whole.top(), 301, whole.height())
        in_part = painted(chart, part, part)
        assert in_part == painted(chart, whole, part)  # as if it painted everything
        assert in_part != painted(chart, whole, part.translated(QPointF(-150, 0)))
