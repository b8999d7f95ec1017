"""The priority matrix's drawing: a 3×3 grid of impact (rows, high at the top) by effort
(columns, low at the left), each open negative cue a chip in its cell, and a tray of the
cues not rated yet.

The scene is laid out for a given width (the view's), so the words stay at their
reading size and only a long list scrolls; the tray sits beside the grid when there
is room and under it otherwise. The order of chips in a cell, and their numbers, are
the elimination plan's (`core.plan.open_plan`): the scene never sorts cues itself.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPalette
from PySide6.QtWidgets import QGraphicsScene

from cuecraft.core.findings import Finding
from cuecraft.core.model import Cue, Design
from cuecraft.core.plan import LEVELS, QUICK_WIN, rated

from ._style import mix
from .priority_items import ChipItem, MatrixStyle, TileItem, title_height
from .priority_labels import LabelItem, LegendItem
from .priority_words import ChipWords, MatrixWords, matrix_cards

Spot = tuple[int | None, int | None]
"""Where a cue sits: (impact, effort); the tray of cues not rated yet is (None, None)."""
TRAY: Spot = (None, None)
QUICK_WINS: Spot = QUICK_WIN  # high impact, low effort: act on these first (core/plan.py)

MARGIN = 14.0
GAP = 8.0  # between tiles
CELL_PAD = 8.0  # inside a tile
CHIP_GAP = 6.0
MIN_CHIP = 130.0  # a chip narrower than this no longer says what the cue is
MIN_WIDTH = 460.0  # the narrowest layout; a narrower view shows it scaled down
COMPACT_BELOW = 700.0  # narrower than this, margins shrink and the row words run up the side
BESIDE_FROM = 840.0  # from this width the tray stands beside the grid, not under it
PICTURE_WIDTH = 1100.0  # a saved picture: the tray beside the grid, chips at reading size


def spot_of(cue: Cue) -> Spot:
    """Where a cue sits: its cell if it has both an impact and an effort, else the tray."""
    return (cue.impact, cue.effort) if rated(cue) else TRAY


def _columns(width: float, pad: float) -> tuple[int, float]:
    """How many chips a tile of `width` holds side by side, and how wide each is."""
    inner = width - 2 * pad
    n = max(1, int((inner + CHIP_GAP) // (MIN_CHIP + CHIP_GAP)))
    return n, (inner - CHIP_GAP * (n - 1)) / n


class PriorityScene(QGraphicsScene):
    """The matrix of one design's open negative cues, laid out for one width."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tiles: dict[Spot, TileItem] = {}
        self.chips: dict[str, ChipItem] = {}
        self.beside = False  # the tray stands beside the grid (else under it)
        self.layout_width = 0.0
        self._pad = CELL_PAD

    # -- queries ---------------------------------------------------------------------

    def chip(self, cue_id: str) -> ChipItem | None:
        return self.chips.get(cue_id)

    def spot_rect(self, spot: Spot) -> QRectF:
        tile = self.tiles.get(spot)
        return tile.rect if tile is not None else QRectF()

    def target_at(self, point: QPointF) -> Spot | None:
        """The cell (or the tray) a chip dropped at `point` lands in; None outside them."""
        for spot, tile in self.tiles.items():
            if tile.rect.adjusted(-GAP / 2, -GAP / 2, GAP / 2, GAP / 2).contains(point):
                return spot
        return None

    def set_hot(self, spot: Spot | None) -> None:
        for each, tile in self.tiles.items():
            tile.set_hot(each == spot)

    def select(self, cue_id: str) -> ChipItem | None:
        for each, chip in self.chips.items():
            chip.set_selected(each == cue_id)
        return self.chips.get(cue_id)

    # -- drawing ---------------------------------------------------------------------

    def build(
        self,
        cards: Sequence[ChipWords],
        words: MatrixWords,
        width: float,
        style: MatrixStyle,
        interactive: bool = True,
    ) -> None:
        """Draw the matrix again, `cards` in plan order, `width` wide. A picture for a file
        (not `interactive`) shows the tray only when some cue waits in it."""
        self.clear()
        self.tiles, self.chips = {}, {}
        width = max(MIN_WIDTH, width)
        self.layout_width = width
        placed: dict[Spot, list[ChipWords]] = {}
        for card in cards:
            placed.setdefault(spot_of(card.cue), []).append(card)
        waiting = placed.get(TRAY, [])
        show_tray = interactive or bool(waiting)
        self.beside = show_tray and width >= BESIDE_FROM

        # Narrow, every pixel goes to the chips' words: thinner margins, and the row words
        # run up the side like the axis's title unless they are short (Chinese).
        compact = width < COMPACT_BELOW
        margin, pad, gap = (8.0, 5.0, 6.0) if compact else (MARGIN, CELL_PAD, GAP)
        heading = style.line(style.heading)
        bold = QFontMetricsF(style.bold)
        axis_w = heading + 6
        widest = max(bold.horizontalAdvance(w) for w in words.levels.values())
        rows_upright = not compact or widest <= 30
        label_w = max(40.0, widest + 16) if rows_upright else bold.lineSpacing() + 8
        left = margin + axis_w + label_w
        tray_w = min(300.0, max(210.0, width * 0.24)) if self.beside else 0.0
        grid_w = width - left - margin - (tray_w + 2 * gap if self.beside else 0.0)
        cell_w = (grid_w - 2 * gap) / 3
        chip_h = style.chip_height()
        per_row, chip_w = _columns(cell_w, pad)
        title_h = title_height(style)
        self._pad = pad

        def content_height(count: int, titled: bool, across: int) -> float:
            rows = max(1, math.ceil(count / across))
            return (title_h if titled else 0.0) + 2 * pad + rows * (chip_h + CHIP_GAP) - CHIP_GAP

        # The header: the effort axis over the column words.
        top = margin
        self.addItem(
            LabelItem(
                f"{words.effort}  →",
                QRectF(left, top, grid_w, heading),
                style.heading,
                style.ink,
                Qt.AlignmentFlag.AlignHCenter,
            )
        )
        top += heading + 2
        level_h = bold.lineSpacing() + 4
        for column, effort in enumerate(LEVELS):
            self.addItem(
                LabelItem(
                    words.levels[effort],
                    QRectF(left + column * (cell_w + gap), top, cell_w, level_h),
                    style.bold,
                    style.muted,
                    Qt.AlignmentFlag.AlignHCenter,
                )
            )
        grid_top = top + level_h + 4

        # The grid, high impact at the top.
        y = grid_top
        for impact in reversed(LEVELS):
            height = max(
                content_height(len(placed.get((impact, e), [])), (impact, e) == QUICK_WINS, per_row)
                for e in LEVELS
            )
            self.addItem(
                LabelItem(
                    words.levels[impact],
                    QRectF(margin + axis_w, y, label_w - 8, height),
                    style.bold,
                    style.muted,
                    Qt.AlignmentFlag.AlignRight if rows_upright else Qt.AlignmentFlag.AlignHCenter,
                    upright=rows_upright,
                )
            )
            for column, effort in enumerate(LEVELS):
                spot: Spot = (impact, effort)
                rect = QRectF(left + column * (cell_w + gap), y, cell_w, height)
                tile = self._tile(spot, rect, words, style)
                self._chips(placed.get(spot, []), tile, per_row, chip_w, style)
            y += height + gap
        grid_bottom = y - gap
        self.addItem(
            LabelItem(
                f"{words.impact}  →",
                QRectF(margin, grid_top, axis_w, grid_bottom - grid_top),
                style.heading,
                style.ink,
                Qt.AlignmentFlag.AlignHCenter,
                upright=False,
            )
        )

        # The tray of cues not rated yet.
        if self.beside:
            across, tray_chip = _columns(tray_w, pad)
            tray = QRectF(width - margin - tray_w, grid_top, tray_w, 0.0)
        else:
            across, tray_chip = _columns(grid_w, pad)
            tray = QRectF(left, grid_bottom + 2 * gap, grid_w, 0.0)
        needed = content_height(len(waiting), True, across)
        tray.setHeight(max(needed, grid_bottom - grid_top if self.beside else 0.0))
        if show_tray:
            tile = self._tile(TRAY, tray, words, style, note="" if waiting else words.tray_note)
            self._chips(waiting, tile, across, tray_chip, style)
        else:
            tray = QRectF(left, grid_bottom, grid_w, 0.0)

        # The legend, under everything.
        legend = LegendItem(words.legend, words.severities, words.numbers, style)
        bottom = max(grid_bottom, tray.bottom())
        legend.setPos(left, bottom + 12)
        self.addItem(legend)
        total = bottom + 12 + legend.boundingRect().height() + margin
        self.setSceneRect(QRectF(0, 0, width, total))

    def _tile(
        self, spot: Spot, rect: QRectF, words: MatrixWords, style: MatrixStyle, note: str = ""
    ) -> TileItem:
        if spot == QUICK_WINS:
            hue = style.quick_win
            tile = TileItem(
                rect,
                mix(style.base, hue, 0.13),
                mix(style.base, hue, 0.55),
                style,
                words.quick_wins,
                hue,
            )
        elif spot == TRAY:
            tile = TileItem(
                rect,
                mix(style.base, style.ink, 0.02),
                mix(style.base, style.ink, 0.35),
                style,
                words.tray,
                style.muted,
                dashed=True,
                note=note,
            )
        else:
            tile = TileItem(
                rect, mix(style.base, style.ink, 0.04), mix(style.base, style.ink, 0.13), style
            )
        self.addItem(tile)
        self.tiles[spot] = tile
        return tile

    def _chips(
        self,
        cards: Sequence[ChipWords],
        tile: TileItem,
        across: int,
        chip_w: float,
        style: MatrixStyle,
    ) -> None:
        """The cards of one tile, in plan order, left to right and then down."""
        rect, title_h, pad = tile.rect, tile.title_height(), self._pad
        chip_h = style.chip_height()
        for index, card in enumerate(cards):
            row, column = divmod(index, across)
            chip = ChipItem(
                card.cue.id,
                str(card.number),
                card.cue.text or card.cue.id,
                card.meta,
                card.owned,
                card.warned,
                card.cue.effective_severity,
                chip_w,
                style,
            )
            chip.setToolTip(card.tooltip)
            chip.setPos(
                rect.left() + pad + column * (chip_w + CHIP_GAP),
                rect.top() + title_h + pad + row * (chip_h + CHIP_GAP),
            )
            self.addItem(chip)
            self.chips[card.cue.id] = chip


def priority_scene(
    design: Design,
    findings: Iterable[Finding],
    palette: QPalette | None = None,
    font: QFont | None = None,
    width: float = PICTURE_WIDTH,
) -> PriorityScene:
    """The matrix of `design`'s open negative cues as a picture for a file: the tab's own
    drawing, without selection or tray hint; without a palette, dark ink on white."""
    from .blueprint_scene import light_palette

    palette = palette if palette is not None else light_palette()
    style = MatrixStyle.make(palette, font if font is not None else QGuiApplication.font())
    scene = PriorityScene()
    scene.build(matrix_cards(design, findings), MatrixWords.now(), width, style, False)
    scene.setBackgroundBrush(style.base)
    return scene
