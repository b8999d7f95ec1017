"""The brief's tables: set in the text face, split across pages with at least three rows
on each side, a step's sub-heading repeated as “(cont.)” on the next page."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Table

from cuecraft.brief import fonts, text
from cuecraft.brief.styles import UNIT
from cuecraft.core.i18n import _

# A row shorter than this moves to the next page whole; a taller one (say a
# cell holding a 5,000-character word) is split inside the row, across pages.
SPLIT_INSIDE_ROWS_TALLER_THAN = 420.0
MIN_ROW_PIECE = 3 * UNIT
# Widows and orphans of a table: at least this many rows (not counting sub-heading
# rows) stay on each side of a split, unless the table starts at the top of a page.
ROWS_AT_A_SPLIT = 3


class BriefTable(Table):  # type: ignore[misc]
    """A table set in the text face that splits well across pages.

    Every table of the brief is one: reportlab's Table otherwise selects
    Helvetica for its cells, which would sit unembedded in the PDF.

    Where a table splits, at least `ROWS_AT_A_SPLIT` rows stay on each side, a
    sub-heading row (a step of the journey) never ends a page, and when the page
    breaks between a step's rows its sub-heading is repeated overleaf, marked
    "(cont.)". A table that cannot split so moves to the next page whole; at the
    top of a page it splits as best it can.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not kwargs.get("normalizedData"):  # the parts of a split keep their cells' faces
            self.setStyle([("FONT", (0, 0), (-1, -1), fonts.TEXT, 8.5)])

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        return self.split_rows(avail_width, avail_height, bool(getattr(frame, "_atTop", False)))

    def split_rows(self, avail_width: float, avail_height: float, at_top: bool) -> list[Flowable]:
        """The table's parts for `avail_height` points, by the rules above; [] to move it."""
        self._calc(avail_width, avail_height)
        head = self._head_rows()
        if self._too_tall(min(head, len(self._rowHeights) - 1)):
            return self._split(avail_width, avail_height, inside=True)
        for least in (ROWS_AT_A_SPLIT, 1) if at_top else (ROWS_AT_A_SPLIT,):
            rest = self._split_row(avail_height, least)
            if rest:
                return self._split_before(avail_width, rest)
        if at_top:  # no row fits: cut the first one where the page ends
            return self._split(avail_width, avail_height, inside=True)
        return []

    def _head_rows(self) -> int:
        repeat = self.repeatRows
        return repeat if isinstance(repeat, int) else len(repeat)

    def _split_row(self, avail_height: float, least: int) -> int:
        """The first row overleaf of the lowest split that fits and keeps `least` rows on
        each side, with no sub-heading row last on the page; 0 if there is none."""
        heights = self._rowHeights
        head, total = self._head_rows(), len(heights)
        bands = [is_band(row[0]) for row in self._cellvalues]
        rows_before = [0] * (total + 1)  # rows (not sub-headings) above each row
        for i in range(total):
            rows_before[i + 1] = rows_before[i] + (0 if bands[i] or i < head else 1)
        rows = rows_before[total]
        used, fits = 0.0, head
        for i in range(total):
            used += heights[i] or 0
            if used > avail_height:
                break
            fits = i + 1
        for rest in range(min(fits, total - 1), head, -1):
            if bands[rest - 1]:
                continue
            if rows_before[rest] >= least and rows - rows_before[rest] >= least:
                return rest
        return 0

    def _split_before(self, avail_width: float, rest: int) -> list[Flowable]:
        """The table split before row `rest`, the step's sub-heading repeated if the page
        breaks inside a step."""
        head = self._head_rows()
        band = next(
            (i for i in range(rest - 1, head - 1, -1) if is_band(self._cellvalues[i][0])), None
        )
        repeat = band is not None and not is_band(self._cellvalues[rest][0])
        if band is not None and repeat:
            self.repeatRows: int | tuple[int, ...] = (*range(head), band)
        try:
            parts = self._split(avail_width, sum(self._rowHeights[:rest]) + 0.25, inside=False)
        finally:
            self.repeatRows = head
        for part in parts:
            part.repeatRows = head
        if repeat and len(parts) == 2:
            over = parts[1]
            over._cellvalues[head] = [_continued(self._cellvalues[band][0])] + [""] * (
                len(over._cellvalues[head]) - 1
            )
            over._argH[head] = None  # "(cont.)" may take another line
        return parts

    def _too_tall(self, row: int) -> bool:
        heights = self._rowHeights
        return row < len(heights) and (heights[row] or 0) > SPLIT_INSIDE_ROWS_TALLER_THAN

    def _split(self, avail_width: float, avail_height: float, inside: bool) -> list[Flowable]:
        """Split between rows, or (`inside`) inside the row where the page ends."""
        self._calc(avail_width, avail_height)
        self.splitInRow = MIN_ROW_PIECE if inside else 0
        self.splitByRow = 0 if inside else 1
        parts: list[Flowable] = Table.split(self, avail_width, avail_height)
        return parts


class BandLabel(str):
    """The text of a sub-heading row spanning a table (see `data_table`)."""

    is_band = True
    band_text = ""


def band_label(cell: Any) -> Any:
    """The label of a sub-heading row's cell (reportlab may hand it in a tuple)."""
    if isinstance(cell, list | tuple) and cell:
        return cell[0]
    return cell


def _continued(cell: Any) -> Any:
    """A sub-heading row's cell again, marked as continued from the page before."""
    label = band_label(cell)
    heading = getattr(label, "band_text", "") or (
        str(label) if isinstance(label, str) else label.getPlainText()
    )
    # TRANSLATORS: a heading repeated at the top of a page, its table continued from the page before
    again = _("{heading} (cont.)").format(heading=heading)
    style = getattr(label, "style", None)
    out: Any = BandLabel(again) if style is None else text.para(again, style)
    out.is_band = True
    out.band_text = heading
    out.continued = True
    return out


def is_band(cell: Any) -> bool:
    return bool(getattr(band_label(cell), "is_band", False))
