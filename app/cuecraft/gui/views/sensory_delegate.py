"""How a sensory-map cell looks: short lines, a heat tint, overload and selection marks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from cuecraft.core.i18n import _, ngettext, pgettext

from ._style import accent, mix, muted_text, scaled_font, severity_color, with_alpha, wrap_elide
from .sensory_model import CELL_ROLE, ZONE_ROLE, Cell

AnyIndex = QModelIndex | QPersistentModelIndex
HEAT_HUE = "#2a9b78"


def overload_tag() -> str:
    # TRANSLATORS: a small tag in a sensory-map cell with too much going on (SEN003); short
    return pgettext("sensory map", "overload")


def add_hint() -> str:
    # TRANSLATORS: in an empty sensory-map cell: double-click to add a cue; short
    return _("+ add")


def more_text(n: int) -> str:
    # TRANSLATORS: the last line of a full sensory-map cell: how many items do not fit
    return ngettext("+{n} more", "+{n} more", n).format(n=n)


class CellDelegate(QStyledItemDelegate):
    """Paints a zone name, or a sense cell as short lines with a heat tint."""

    def __init__(self, table: QTableView, marked: Callable[[], str], invite: bool = True) -> None:
        """`marked` tells the id of the selected item: cells where it is present get a ring;
        `invite`: an empty cell says "+ add" (not in a picture, which no one clicks)."""
        super().__init__(table)
        self.table = table
        self.marked = marked
        self.invite = invite

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(160, line * 4 + 22)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        pal = self.table.palette()
        rect = QRect(option.rect)
        state = option.state
        font = option.font
        base = pal.color(QPalette.ColorRole.Base)
        highlight = pal.color(QPalette.ColorRole.Highlight)
        painter.save()
        # The table has already filled a selected cell edge to edge (the style's row
        # panel); this delegate draws its own, quieter selection instead.
        painter.fillRect(rect, base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        cell = index.data(CELL_ROLE)
        inner = QRectF(rect).adjusted(3, 3, -3, -3)
        if isinstance(cell, Cell):
            load = min(1.0, cell.load / 8)
            fill = mix(base, accent(pal, HEAT_HUE), 0.05 + 0.30 * load if not cell.empty else 0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            if not cell.overload:
                painter.drawRoundedRect(inner, 6, 6)
            lines = inner.adjusted(9, 6, -9, -6)
            tag = 0.0
            if cell.overload:
                box = self._paint_overload(painter, inner, font, pal)
                tag = box.width() + 8
                if tag > lines.width() * 0.45:
                    # A long word ("przeciążenie"): the items start under the tag rather
                    # than squeezed beside it.
                    lines.setTop(box.bottom() + 2)
                    tag = 0.0
            marked = self.marked()
            if marked and marked in cell.ids:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(with_alpha(highlight, 0.9))
                painter.drawRoundedRect(inner.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
            self._paint_lines(painter, cell, lines, font, pal, tag)
        else:
            name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            zone_id = str(index.data(ZONE_ROLE) or "")
            self._paint_zone(painter, name, zone_id, inner.adjusted(8, 6, -6, -6), font, pal)
        if state & QStyle.StateFlag.State_Selected:
            painter.setBrush(with_alpha(highlight, 0.10))
            focus = self.table.hasFocus()
            painter.setPen(highlight if focus else mix(highlight, base, 0.45))
            painter.drawRoundedRect(inner.adjusted(-1, -1, 1, 1), 7, 7)
        painter.restore()

    def _paint_overload(
        self, painter: QPainter, rect: QRectF, font: QFont, pal: QPalette
    ) -> QRectF:
        """An amber cell with an "overload" tag in its corner (SEN003); returns the tag."""
        warn = severity_color(pal, "warning")
        painter.setBrush(mix(pal.color(QPalette.ColorRole.Base), warn, 0.16))
        painter.setPen(QPen(warn, 1.6))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
        small = scaled_font(font, 0.8, bold=True)
        fm = QFontMetrics(small)
        # At most half the cell: a long word is shortened rather than covering the items.
        word = fm.elidedText(overload_tag(), Qt.TextElideMode.ElideRight, int(rect.width() - 18))
        tag = QRectF(0, 0, fm.horizontalAdvance(word) + 10, fm.height() + 2)
        tag.moveTopRight(rect.topRight() + QPointF(-4, 4))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(warn)
        painter.drawRoundedRect(tag, tag.height() / 2, tag.height() / 2)
        painter.setFont(small)
        painter.setPen(QColor("#1d1d1d"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, word)
        return tag

    def _paint_zone(
        self, painter: QPainter, name: str, zone_id: str, rect: QRectF, font: QFont, pal: QPalette
    ) -> None:

        bold = scaled_font(font, 1.0, bold=True)
        small = scaled_font(font, 0.86)
        fm, sfm = QFontMetrics(bold), QFontMetrics(small)
        lines = max(1, int((rect.height() - sfm.lineSpacing()) // fm.lineSpacing()))
        y = rect.top()
        painter.setFont(bold)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        for line in wrap_elide(name, bold, rect.width(), min(2, lines)):
            painter.drawText(
                QRectF(rect.left(), y, rect.width(), fm.lineSpacing()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
            y += fm.lineSpacing()
        painter.setFont(small)
        painter.setPen(muted_text(pal))
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), sfm.lineSpacing()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            sfm.elidedText(zone_id, Qt.TextElideMode.ElideMiddle, int(rect.width())),
        )

    def _paint_lines(
        self, painter: QPainter, cell: Cell, rect: QRectF, font: QFont, pal: QPalette, tag: float
    ) -> None:
        """The cell's items, one per line; the first line leaves `tag` pixels for a tag."""
        base_font = scaled_font(font, 0.95)
        fm = QFontMetrics(base_font)
        if cell.empty:
            if self.invite:
                painter.setFont(base_font)
                painter.setPen(with_alpha(muted_text(pal), 0.55))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, add_hint())
            return
        items = cell.lines()
        capacity = max(1, int(rect.height() // fm.lineSpacing()))
        shown = items if len(items) <= capacity else items[: capacity - 1]
        y = rect.top()
        italic = QFont(base_font)
        italic.setItalic(True)
        pens = {
            "layer": mix(pal.color(QPalette.ColorRole.Text), accent(pal, HEAT_HUE), 0.55),
            "positive": pal.color(QPalette.ColorRole.Text),
            "negative": severity_color(pal, "error"),
        }
        prefixes = {"layer": "≈ ", "positive": "", "negative": "− "}
        for number, (kind, _id, label) in enumerate(shown):
            line_font = italic if kind == "layer" else base_font
            width = rect.width() - (tag if number == 0 else 0)
            painter.setFont(line_font)
            painter.setPen(pens[kind])
            elided = QFontMetrics(line_font).elidedText(
                prefixes[kind] + " ".join(label.split()), Qt.TextElideMode.ElideRight, int(width)
            )
            painter.drawText(
                QRectF(rect.left(), y, width, fm.lineSpacing()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            y += fm.lineSpacing()
        if len(shown) < len(items):
            painter.setFont(scaled_font(font, 0.88))
            painter.setPen(muted_text(pal))
            rest = len(items) - len(shown)
            painter.drawText(
                QRectF(rect.left(), y, rect.width(), fm.lineSpacing()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                more_text(rest),
            )
