"""The pieces the journey view draws: geometry, cards, arrows and the emotion curve."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cuecraft.core.i18n import _, ngettext, pgettext
from cuecraft.core.model import PHASES

from ._style import accent, mix, muted_text, scaled_font, severity_color, with_alpha, wrap_elide

if TYPE_CHECKING:
    from .journey_nps_chip import NpsChip

PHASE_HUES = {"before": "#3f7fc6", "during": "#2a9b78", "after": "#8a5fc8"}
EMOTION_MIN, EMOTION_MAX = -3, 3


def phase_title(phase: str) -> str:
    """The name of a journey phase (the file's `before`, `during`, `after`) as shown."""
    if phase == "before":
        # TRANSLATORS: the lane of the journey phase before the visit; a short title
        return pgettext("journey phase", "Before")
    if phase == "during":
        # TRANSLATORS: the lane of the journey phase during the visit; a short title
        return pgettext("journey phase", "During")
    if phase == "after":
        # TRANSLATORS: the lane of the journey phase after the visit; a short title
        return pgettext("journey phase", "After")
    return phase


def lane_count(count: int) -> str:
    """What a lane says under its title: how many touchpoints it holds."""
    if not count:
        # TRANSLATORS: under a journey lane that has no touchpoints
        return _("none yet")
    return ngettext("{n} touchpoint", "{n} touchpoints", count).format(n=count)


def chart_title() -> str:
    # TRANSLATORS: the title of the emotion curve's scale (−3 … +3), pinned at its left; short
    return _("Emotion")


def unreachable_word() -> str:
    # TRANSLATORS: on a journey card whose touchpoint no entry of the journey reaches
    return pgettext("touchpoint", "unreachable")


def skipped_word() -> str:
    # TRANSLATORS: on a journey card whose touchpoint the one persona shown skips
    return pgettext("touchpoint", "skipped")


def emotion_text(value: int) -> str:
    """An emotion as the scale writes it: "+2", "0", "−1" (a typographic minus)."""
    return f"+{value}" if value > 0 else ("0" if value == 0 else f"−{-value}")


def emotion_color(palette: QPalette, value: int) -> QColor:
    """Red for low feelings, neutral at zero, green for high ones."""
    if value > 0:
        return mix(muted_text(palette), accent(palette, "#1f9d6a"), 0.45 + value * 0.18)
    if value < 0:
        return mix(muted_text(palette), accent(palette, "#d33a2c"), 0.45 - value * 0.18)
    return muted_text(palette)


@dataclass(frozen=True)
class Geometry:
    """Sizes of the journey drawing, derived from the font so nothing clips."""

    gutter: float
    col_w: float
    card_w: float
    card_h: float
    pad: float
    top: float
    lane_h: float
    chart_gap: float
    unit: float  # pixels per emotion step
    # With guest feedback: a row for the NPS chip on each card, a legend row under
    # the chart and the NPS scale pinned at the right. All 0 without feedback.
    nps_row: float = 0.0
    legend_h: float = 0.0
    right_gutter: float = 0.0
    # With personas: rows of their legend under the chart, over the feedback's (if any).
    persona_rows: int = 0
    legend_row: float = 0.0

    @classmethod
    def for_font(
        cls, font: QFont, returns: int, feedback: bool = False, persona_rows: int = 0
    ) -> Geometry:
        fm = QFontMetricsF(font)
        line = fm.lineSpacing()
        pad = max(8.0, round(line * 0.6))
        card_w = max(172.0, round(fm.averageCharWidth() * 25))
        nps_row = round(QFontMetricsF(scaled_font(font, 0.88)).lineSpacing() + 8) if feedback else 0
        card_h = round(pad * 2 + line * 2 + 6 + line * 0.95) + nps_row
        small = QFontMetricsF(scaled_font(font, 0.86))
        right_gutter = (
            round(
                max(
                    QFontMetricsF(scaled_font(font, 1.0, bold=True)).horizontalAdvance("NPS"),
                    small.horizontalAdvance("+100"),
                )
                + 26
            )
            if feedback
            else 0
        )
        title_fm = QFontMetricsF(scaled_font(font, 1.0, bold=True))
        rows = persona_rows + (1 if feedback else 0)
        return cls(
            # Room for the pinned lane names and their counts ("During", "12 touchpoints")
            # and the chart's title, in the current language.
            gutter=round(
                max(
                    *(title_fm.horizontalAdvance(phase_title(p)) for p in PHASES),
                    title_fm.horizontalAdvance(chart_title()),
                    small.horizontalAdvance(lane_count(100)),
                    small.horizontalAdvance(lane_count(0)),
                )
                + 40
            ),
            col_w=card_w + round(pad * 4),
            card_w=card_w,
            card_h=card_h,
            pad=pad,
            top=round(line * 2.2 + returns * line * 0.9),
            lane_h=card_h + round(pad * 3.4),
            chart_gap=round(line * 1.6),
            unit=round(line * 1.35),
            nps_row=nps_row,
            legend_h=round(small.lineSpacing() * (1.5 * rows + 0.3)) if rows else 0,
            right_gutter=right_gutter,
            persona_rows=persona_rows,
            legend_row=round(small.lineSpacing() * 1.5),
        )

    @property
    def feedback(self) -> bool:
        return self.right_gutter > 0

    def lane_top(self, phase: str) -> float:
        index = PHASES.index(phase) if phase in PHASES else 1
        return self.top + index * self.lane_h

    @property
    def lanes_bottom(self) -> float:
        return self.top + len(PHASES) * self.lane_h

    @property
    def chart_top(self) -> float:
        return self.lanes_bottom + self.chart_gap

    @property
    def plot_h(self) -> float:
        """The chart without its legend row: the scale −3..3 and a margin above and below."""
        return self.unit * (EMOTION_MAX - EMOTION_MIN + 3)

    @property
    def chart_h(self) -> float:
        return self.plot_h + self.legend_h

    def emotion_y(self, value: float) -> float:
        zero = self.chart_top + self.unit * 1.5 + self.unit * EMOTION_MAX
        return zero - value * self.unit

    def card_rect(self, column: int, phase: str) -> QRectF:
        x = self.gutter + self.pad * 2 + column * self.col_w
        y = self.lane_top(phase) + (self.lane_h - self.card_h) / 2
        return QRectF(x, y, self.card_w, self.card_h)

    def width(self, columns: int) -> float:
        return self.gutter + self.pad * 4 + max(1, columns) * self.col_w + self.right_gutter


@dataclass
class CardInfo:
    tp_id: str
    name: str
    zone: str
    phase: str
    emotion: int | None
    badge: str | None  # worst severity of its findings
    unreachable: bool
    tooltip: str
    nps: NpsChip | None = None  # guests' NPS here, when the design has feedback
    skipped: bool = False  # skipped by the one persona shown (journey_personas)


class CardItem(QGraphicsItem):
    """One touchpoint as a card: phase strip, name, zone, emotion, findings badge."""

    def __init__(self, info: CardInfo, rect: QRectF, palette: QPalette, font: QFont) -> None:
        super().__init__()
        self.info = info
        self.tp_id = info.tp_id
        self._rect = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.setZValue(10)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(info.tooltip)
        self._palette = palette
        self._name_font = scaled_font(font, 1.0)
        self._name_font.setWeight(QFont.Weight.DemiBold)
        self._meta_font = scaled_font(font, 0.88)
        self.selected = False
        self._dim()
        self._wrap()

    def _wrap(self) -> None:
        info, width = self.info, self._rect.width()
        pad = _pad(self._name_font)
        badge_room = 22.0 if info.badge else 0.0
        self._lines = wrap_elide(info.name, self._name_font, width - pad * 2 - badge_room, 2)
        chip = QFontMetricsF(self._meta_font).horizontalAdvance("+3") + 16
        self._zone = wrap_elide(info.zone, self._meta_font, width - pad * 2 - chip, 1)

    def reword(self, info: CardInfo) -> None:
        """New words or findings badge on the card (its touchpoint or zone renamed, its
        findings changed), nothing else: drawn in place, without laying out the journey
        again."""
        self.info = info
        self.setToolTip(info.tooltip)
        self._wrap()
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self._dim()
            self.update()

    def _dim(self) -> None:
        """A card the persona shown skips is faint (its NPS chip too), less so when selected."""
        self.setOpacity((0.7 if self.selected else 0.4) if self.info.skipped else 1.0)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def nps_row_rect(self) -> QRectF:
        """The card's bottom row for the NPS chip, in its own coordinates (empty without)."""
        if self.info.nps is None:
            return QRectF()
        pad = _pad(self._name_font)
        h = QFontMetricsF(self._meta_font).lineSpacing() + 4
        return QRectF(pad, self._rect.bottom() - pad - h + 2, self._rect.width() - pad * 2, h)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        pal = self._palette
        info = self.info
        base = pal.color(QPalette.ColorRole.Base)
        text = pal.color(QPalette.ColorRole.Text)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        phase = accent(pal, PHASE_HUES.get(info.phase, PHASE_HUES["during"]))
        rect = self._rect.adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

        # A soft shadow lifts the card off the lane without a heavy border.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(with_alpha(QColor(0, 0, 0), 0.10))
        painter.drawRoundedRect(rect.translated(0, 1.5), 8, 8)

        fill = mix(base, highlight, 0.10) if self.selected else base
        if self.selected:
            border = QPen(highlight, 2.4)
        else:
            border = QPen(mix(pal.color(QPalette.ColorRole.Mid), base, 0.25), 1.0)
        if info.unreachable:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setBrush(fill)
        painter.setPen(border)
        painter.drawRoundedRect(rect, 8, 8)

        # Phase strip along the left edge.
        strip = QPainterPath()
        strip.addRoundedRect(QRectF(rect.left(), rect.top(), 10, rect.height()), 8, 8)
        clip = QPainterPath()
        clip.addRect(QRectF(rect.left(), rect.top(), 4.5, rect.height()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(phase)
        painter.drawPath(strip.intersected(clip))

        pad = _pad(self._name_font)
        x = rect.left() + pad
        width = rect.width() - pad * 2
        fm = QFontMetricsF(self._name_font)
        painter.setFont(self._name_font)
        painter.setPen(muted_text(pal) if info.unreachable else text)
        y = rect.top() + pad
        for line in self._lines:
            painter.drawText(
                QRectF(x, y, width, fm.lineSpacing()), Qt.AlignmentFlag.AlignLeft, line
            )
            y += fm.lineSpacing()

        meta = QFontMetricsF(self._meta_font)
        bottom = rect.bottom() - pad - meta.lineSpacing()
        if info.nps is not None:  # the NPS chip (a child item) has the bottom row
            bottom -= self.nps_row_rect().height() + 4
        painter.setFont(self._meta_font)
        room = meta.horizontalAdvance("+3") + 16 if info.emotion is not None else 0.0
        if info.unreachable or info.skipped:
            word = skipped_word() if info.skipped else unreachable_word()
            painter.setPen(muted_text(pal) if info.skipped else severity_color(pal, "warning"))
            painter.drawText(
                QRectF(x, bottom, width, meta.lineSpacing()),
                meta.elidedText(word, Qt.TextElideMode.ElideRight, width - room),
            )
        else:
            painter.setPen(muted_text(pal))
            zone = self._zone[0] if self._zone else ""
            painter.drawText(QRectF(x, bottom, width, meta.lineSpacing()), zone)
        if info.emotion is not None:
            self._paint_emotion_chip(painter, rect, pad, bottom, meta)
        if info.badge:
            self._paint_badge(painter, rect)

    def _paint_emotion_chip(
        self, painter: QPainter, rect: QRectF, pad: float, top: float, meta: QFontMetricsF
    ) -> None:
        assert self.info.emotion is not None
        value = self.info.emotion
        label = emotion_text(value)
        w = meta.horizontalAdvance(label) + 12
        chip = QRectF(rect.right() - pad - w, top - 1, w, meta.lineSpacing() + 2)
        color = emotion_color(self._palette, value)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(with_alpha(color, 0.16))
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setPen(color)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_badge(self, painter: QPainter, rect: QRectF) -> None:
        assert self.info.badge is not None
        color = severity_color(self._palette, self.info.badge)
        r = 8.5
        centre = QPointF(rect.right() - r - 6, rect.top() + r + 6)
        painter.setPen(QPen(self._palette.color(QPalette.ColorRole.Base), 1.5))
        painter.setBrush(color)
        painter.drawEllipse(centre, r, r)
        font = scaled_font(self._meta_font, 0.95, bold=True)
        painter.setFont(font)
        painter.setPen(QColor("white") if self.info.badge == "error" else QColor("#1d1d1d"))
        painter.drawText(
            QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, "!"
        )


def _pad(font: QFont) -> float:
    return max(8.0, round(QFontMetricsF(font).lineSpacing() * 0.6))
