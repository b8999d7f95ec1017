"""What the journey pins at the edges of what is shown: lane names and counts, the emotion
scale and the chart's title at the left, the NPS scale at the right, the legends under
the chart; and the backdrop the lanes and the chart sit on.

One painting for both surfaces: the Journey tab's canvas paints it over its viewport
(`JourneyCanvas.drawForeground`, a `Frame` of where the scene is scrolled to and how
far it is zoomed), and a picture of the journey (`journey_scene.journey_picture`, for
`cuecraft render` and View ▸ Save view as image…) carries it as scene items whose
frame is the whole scene at its own size, as the tab shows it scrolled to the start.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cuecraft.core.model import PHASES

from ._style import accent, mix, muted_text, scaled_font
from .journey_chart import paint_backdrop
from .journey_items import (
    EMOTION_MAX,
    EMOTION_MIN,
    PHASE_HUES,
    Geometry,
    chart_title,
    emotion_text,
    lane_count,
    phase_title,
)
from .journey_nps import SCALE_LABELS, Legend, nps_y, paint_legend, paint_nps_scale
from .journey_personas_chart import PersonaLegend, paint_persona_legend


@dataclass(frozen=True)
class Frame:
    """Where the scene lies on the surface painted on: `left` and `scene_right` are the x
    of the scene's left and right edges there, `vy` maps a scene y, `width` is the
    surface's width, `zoom` the scene's scale."""

    left: float
    scene_right: float
    width: float
    zoom: float
    vy: Callable[[float], float]

    @classmethod
    def whole(cls, scene_width: float) -> Frame:
        """The whole scene at its own size: a picture. Heights are whole pixels, as the
        canvas maps them (`QGraphicsView.mapFromScene` rounds to a point)."""
        return cls(0.0, scene_width, scene_width, 1.0, lambda y: float(math.floor(y + 0.5)))

    def legend_width(self, geo: Geometry, scene_width: float | None = None) -> float:
        """How wide the legend rows under the chart are (`scene_width`: that of a scene
        about to be made, when it differs from the one this frame shows)."""
        scene_right = self.scene_right
        if scene_width is not None:
            scene_right = self.left + scene_width * self.zoom
        right = min(self.width, scene_right)
        left = max(self.left, 0) + geo.gutter * self.zoom
        return right - geo.right_gutter * self.zoom - left - 24


@dataclass(frozen=True)
class Pinned:
    """What the pinned parts say: each lane's count and the legends (None: not drawn)."""

    lane_counts: dict[str, int]
    legend: Legend | None = None
    persona_legend: PersonaLegend | None = None


def paint_pinned(
    painter: QPainter,
    frame: Frame,
    geo: Geometry,
    pinned: Pinned,
    pal: QPalette,
    font: QFont,
) -> None:
    """The lane names and counts, the emotion scale and the chart's title in the gutter
    at the left; the personas' and the feedback's legends and the NPS scale."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    vy = frame.vy
    right = max(frame.left, 0) + round(geo.gutter * frame.zoom)
    top, bottom = vy(geo.top), vy(geo.chart_top + geo.chart_h)
    gutter = QRectF(0, top, right, bottom - top)
    painter.fillRect(gutter, pal.color(QPalette.ColorRole.Window))
    painter.setPen(
        QPen(mix(pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Text), 0.18), 1)
    )
    painter.drawLine(QPointF(right - 0.5, top), QPointF(right - 0.5, bottom))

    title_font = scaled_font(font, 1.0, bold=True)
    small = scaled_font(font, 0.86)
    tfm, sfm = QFontMetricsF(title_font), QFontMetricsF(small)
    inner = right - 24
    for phase in PHASES:
        lane_top = vy(geo.lane_top(phase))
        lane_bottom = vy(geo.lane_top(phase) + geo.lane_h)
        mid = (lane_top + lane_bottom) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent(pal, PHASE_HUES[phase]))
        painter.drawRoundedRect(QRectF(12, mid - tfm.height() + 2, 4, tfm.height() * 2 - 4), 2, 2)
        painter.setFont(title_font)
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRectF(22, mid - tfm.height(), inner, tfm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            tfm.elidedText(phase_title(phase), Qt.TextElideMode.ElideRight, inner),
        )
        painter.setFont(small)
        painter.setPen(muted_text(pal))
        label = lane_count(pinned.lane_counts.get(phase, 0))
        painter.drawText(
            QRectF(22, mid + 1, inner, sfm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            sfm.elidedText(label, Qt.TextElideMode.ElideRight, inner),
        )

    painter.setFont(title_font)
    painter.setPen(pal.color(QPalette.ColorRole.WindowText))
    chart_title_y = vy(geo.chart_top) + tfm.ascent() + 6
    painter.drawText(
        QPointF(22, chart_title_y),
        tfm.elidedText(chart_title(), Qt.TextElideMode.ElideRight, right - 26),
    )
    painter.setFont(small)
    painter.setPen(muted_text(pal))
    for value in range(EMOTION_MIN, EMOTION_MAX + 1):
        text = emotion_text(value)
        y = vy(geo.emotion_y(value))
        painter.drawText(
            QRectF(0, y - sfm.height() / 2, right - 10, sfm.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
    if pinned.persona_legend is not None and geo.persona_rows:
        top = vy(geo.chart_top + geo.plot_h)
        bottom = vy(geo.chart_top + geo.plot_h + geo.persona_rows * geo.legend_row)
        area = QRectF(right + 14, top, frame.legend_width(geo), bottom - top)
        paint_persona_legend(painter, pinned.persona_legend, area, geo.persona_rows, pal, small)
    if pinned.legend is not None:
        _paint_feedback(painter, frame, geo, pinned.legend, right, chart_title_y, pal, font)
    painter.restore()


def _paint_feedback(
    painter: QPainter,
    frame: Frame,
    geo: Geometry,
    legend: Legend,
    left: float,
    title_y: float,
    pal: QPalette,
    font: QFont,
) -> None:
    """The NPS scale pinned at the right of the chart, the legend in the row under it."""
    vy, zoom = frame.vy, frame.zoom
    right = min(frame.width, frame.scene_right)
    top, bottom = vy(geo.chart_top), vy(geo.chart_top + geo.chart_h)
    strip = QRectF(right - geo.right_gutter * zoom, top, geo.right_gutter * zoom, bottom - top)
    ys = {v: vy(nps_y(geo, v)) for v in SCALE_LABELS}
    paint_nps_scale(painter, strip, ys, title_y, pal, font)
    row_top = vy(geo.chart_top + geo.plot_h + geo.persona_rows * geo.legend_row)
    area = QRectF(left + 14, row_top, strip.left() - left - 24, bottom - row_top)
    paint_legend(painter, legend, area, pal, scaled_font(font, 0.86))


class PinnedItem(QGraphicsItem):
    """The pinned parts as an item over a picture's whole scene (the tab's canvas paints
    them over its viewport instead)."""

    def __init__(
        self, geo: Geometry, rect: QRectF, pinned: Pinned, palette: QPalette, font: QFont
    ) -> None:
        super().__init__()
        self.geo, self.pinned = geo, pinned
        self._rect, self._palette, self._font = QRectF(rect), palette, font
        self.setZValue(1_000)  # over the cards and curves, as the canvas's foreground is

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        frame = Frame.whole(self._rect.width())
        paint_pinned(painter, frame, self.geo, self.pinned, self._palette, self._font)


class BackdropItem(QGraphicsItem):
    """The lane bands and the chart's grid under a picture's whole scene (the tab's
    canvas paints them as its background)."""

    def __init__(self, geo: Geometry, rect: QRectF, palette: QPalette) -> None:
        super().__init__()
        self.geo, self._rect, self._palette = geo, QRectF(rect), palette
        self.setZValue(-1_000)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        paint_backdrop(painter, self._rect, self.geo, self._palette)
