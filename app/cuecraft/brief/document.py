"""The page machinery: templates, running header and footer, contents, outline.

The brief is laid out in one pass. Pages are kept on the canvas instead of
being written at once (`DeferredCanvas`), so when the last page is known the
footers can say "page X of Y", the contents page can be filled in with the
pages every section landed on, and the PDF outline can point at them. The
contents page has a fixed height (one row per section), so filling it in later
moves nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from cuecraft.brief import fitting, fonts, tables, text
from cuecraft.brief.options import BriefCancelled
from cuecraft.brief.styles import (
    FAINT,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    RULE,
    UNIT,
    Palette,
)
from cuecraft.core.i18n import _

CONTENTS_ROW = 8 * UNIT
HEADER_LOGO_WIDTH = 18 * UNIT  # the logo in the running header, at most
HEADER_LOGO_HEIGHT = 4.5 * UNIT


@dataclass
class Landmark:
    """Where a section title landed: for the contents, the outline and links."""

    key: str
    title: str
    number: str
    page: int = 0
    y: float = 0.0
    listed: bool = True  # shown in the contents (the contents page itself is not)
    level: int = 0  # in the outline: 0 a section, 1 a subsection (a zone, a principle), 2 a step


@dataclass
class Furniture:
    """Everything drawn on pages once the whole brief is laid out."""

    header_left: str
    header_right: str
    footer_left: str
    palette: Palette
    has_cover: bool
    landmarks: list[Landmark] = field(default_factory=list)
    contents_at: tuple[int, float, float, float] | None = None  # page, x, top y, width
    pages: int = 0
    logo: ImageReader | None = None  # small in the running header, as on the cover

    def mark(self, mark: Landmark) -> None:
        """Note where a section or subsection landed; the outline never skips a level."""
        last = self.landmarks[-1].level if self.landmarks else -1
        mark.level = min(mark.level, last + 1)
        self.landmarks.append(mark)

    def finish_page(self, canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        if not (self.has_cover and page == 1):
            self._header_footer(canvas, page, total)
        for mark in self._marks_on(page):
            canvas.bookmarkPage(mark.key, fit="XYZ", left=0, top=mark.y + 4 * UNIT, zoom=0)
            canvas.addOutlineEntry(mark.title, mark.key, level=mark.level, closed=mark.level > 0)
        if self.contents_at and self.contents_at[0] == page:
            self._contents(canvas)
        canvas.restoreState()

    def _marks_on(self, page: int) -> list[Landmark]:
        if getattr(self, "_by_page", None) is None:
            self._by_page: dict[int, list[Landmark]] = {}
            for mark in self.landmarks:
                self._by_page.setdefault(mark.page, []).append(mark)
        return self._by_page.get(page, [])

    def _header_footer(self, canvas: Canvas, page: int, total: int) -> None:
        width, height = canvas._pagesize
        left, right = MARGIN_X, width - MARGIN_X
        top = height - MARGIN_TOP + 9 * UNIT
        if self.logo is not None:
            right -= self._header_logo(canvas, right, top - UNIT) + 3 * UNIT
        canvas.setFillColor(MUTED)
        client = text.fit(self.header_right, (right - left) * 0.38, 7.5)
        client_w = text.width(client, 7.5) if client else 0.0
        title_room = right - left - client_w - (6 * UNIT if client else 0)
        title = text.fit(self.header_left, title_room, 7.5, fonts.BOLD)
        text.draw(canvas, left, top, title, 7.5, fonts.BOLD)
        if client:
            text.draw(canvas, right, top, client, 7.5, anchor="end")
        right = width - MARGIN_X
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, top - 2 * UNIT, right, top - 2 * UNIT)
        canvas.setFillColor(self.palette.mark)
        canvas.rect(left, top - 2 * UNIT - 0.75, 12 * UNIT, 1.5, stroke=0, fill=1)
        bottom = MARGIN_BOTTOM - 9 * UNIT
        canvas.setFillColor(FAINT)
        text.draw(canvas, left, bottom, text.fit(self.footer_left, (right - left) * 0.6, 7.5), 7.5)
        canvas.setFillColor(MUTED)
        folio = _("page {page} of {total}").format(page=page, total=total)
        text.draw(canvas, right, bottom, folio, 7.5, anchor="end")

    def _header_logo(self, canvas: Canvas, right: float, bottom: float) -> float:
        """The logo, small, ending at `right`; returns its width."""
        assert self.logo is not None
        iw, ih = self.logo.getSize()
        scale = min(HEADER_LOGO_WIDTH / iw, HEADER_LOGO_HEIGHT / ih)
        w, h = iw * scale, ih * scale
        canvas.drawImage(self.logo, right - w, bottom, w, h, mask="auto")
        return float(w)

    def _contents(self, canvas: Canvas) -> None:
        assert self.contents_at is not None
        _page, x, top, width = self.contents_at
        y = top
        for mark in (m for m in self.landmarks if m.listed):
            baseline = y - CONTENTS_ROW + 2.5 * UNIT
            canvas.setFillColor(self.palette.accent_text)
            text.draw(canvas, x, baseline, mark.number, 11, fonts.BOLD)
            canvas.setFillColor(INK)
            title_w = text.draw(canvas, x + 10 * UNIT, baseline, mark.title, 11)
            number = str(mark.page)
            canvas.setFillColor(INK)
            number_w = text.draw(canvas, x + width, baseline, number, 11, fonts.BOLD, anchor="end")
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.8)
            canvas.setDash(0.8, 3)
            lead_from = x + 10 * UNIT + title_w + 2 * UNIT
            lead_to = x + width - number_w - 2 * UNIT
            if lead_to > lead_from:
                canvas.line(lead_from, baseline + 1, lead_to, baseline + 1)
            canvas.setDash()
            canvas.linkRect(
                "", mark.key, (x, y - CONTENTS_ROW, x + width, y), relative=0, thickness=0
            )
            y -= CONTENTS_ROW


class DeferredCanvas(Canvas):  # type: ignore[misc]
    """A canvas that keeps its pages until save, then lets `Furniture` finish each one."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._kept: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._kept.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._kept)
        self._furniture.pages = total
        for number, state in enumerate(self._kept, start=1):
            self.__dict__.update(state)
            self._furniture.finish_page(self, number, total)
            Canvas.showPage(self)
            _deflate_only(self._doc)
        self.showOutline()
        Canvas.save(self)


def _deflate_only(doc: Any) -> None:
    """Compress the page just added without ASCII85 on top (smaller, and faster to write).

    reportlab would pick the filters when the page is formatted, from a global
    setting; setting them on the page keeps that setting alone.
    """
    try:
        page = doc.Pages.pages[-1]
        if page.compression and not page.Contents:
            stream = PDFStream(content=page.stream, filters=[PDFZCompress])
            stream.__Comment__ = "page stream"
            page.Contents = stream
    except AttributeError:  # another reportlab: leave the page as it is
        pass


class SectionTitle(Flowable):  # type: ignore[misc]
    """A section opening: its number in the accent, the title, a short accent rule."""

    def __init__(self, mark: Landmark, palette: Palette) -> None:
        super().__init__()
        self.mark = mark
        self.palette = palette
        self.keepWithNext = 1
        self.spaceBefore = 14 * UNIT  # dropped at the top of a page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 18 * UNIT
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(self.palette.accent_text)
        if self.mark.number:
            text.draw(canvas, 0, 14 * UNIT, self.mark.number, 11, fonts.BOLD)
        canvas.setFillColor(INK)
        text.draw(canvas, 0, 6 * UNIT, self.mark.title, 24, fonts.BOLD)
        canvas.setFillColor(self.palette.mark)
        canvas.rect(0, 2 * UNIT, 10 * UNIT, 2, stroke=0, fill=1)


class ContentsPlaceholder(Flowable):  # type: ignore[misc]
    """Room for the contents rows, filled in when the page numbers are known."""

    def __init__(self, furniture: Furniture, rows: int) -> None:
        super().__init__()
        self.furniture = furniture
        self.rows = rows

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.rows * CONTENTS_ROW

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, self.rows * CONTENTS_ROW)
        self.furniture.contents_at = (self.canv.getPageNumber(), x, y, self.width)


Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class BriefDocument(BaseDocTemplate):  # type: ignore[misc]
    """Cover and body page templates; reports progress and honours cancel.

    Headings are kept with the start of what follows them by `fitting.KeepWithNext`.
    """

    def __init__(
        self,
        target: Any,
        pagesize: tuple[float, float],
        furniture: Furniture,
        progress: Progress | None,
        cancel: Cancel | None,
        **meta: Any,
    ) -> None:
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            initialFontName=fonts.TEXT,
            initialFontSize=9.5,
            creator="Cuecraft",
            keepTogetherClass=fitting.KeepWithNext,
            **meta,
        )
        width, height = pagesize
        cover = Frame(0, 0, width, height, 0, 0, 0, 0, id="cover")
        body = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            width - 2 * MARGIN_X,
            height - MARGIN_TOP - MARGIN_BOTTOM,
            0,
            0,
            0,
            0,
            id="body",
        )
        templates = [PageTemplate("body", [body])]
        if furniture.has_cover:
            templates.insert(0, PageTemplate("cover", [cover]))
        self.addPageTemplates(templates)
        self.furniture = furniture
        self._progress = progress
        self._cancel = cancel
        self._total = 0
        self._reported = -1
        self._story: list[Flowable] = []
        self._subsections = 0

    def build(self, flowables: list[Flowable], **kwargs: Any) -> None:
        self._total = len(flowables) + 1
        self._story = flowables
        super().build(flowables, **kwargs)
        if self._progress is not None:
            self._progress(self._total, self._total)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if self._cancel is not None and self._cancel():
            raise BriefCancelled(_("the export was cancelled"))
        # Only the story's own list counts: containers hand their parts in sub-lists.
        if self._progress is not None and flowables is self._story:
            done = max(0, self._total - 1 - len(flowables))
            if done * 100 // self._total > self._reported:
                self._reported = done * 100 // self._total
                self._progress(done, self._total)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:
        """Note where sections, subsections (h3 headings) and steps (sub-heading rows) land."""
        if isinstance(flowable, SectionTitle):
            mark = flowable.mark
            mark.page = self.page
            mark.y = self.frame._y + flowable.height
            self.furniture.mark(mark)
        elif isinstance(flowable, Paragraph) and flowable.style.name == "h3":
            top = self.frame._y + flowable.getSpaceAfter() + flowable.height
            self._subsection(flowable.getPlainText(), top, 1)
        elif isinstance(flowable, tables.BriefTable):
            bottom = self.frame._y + flowable.getSpaceAfter()
            for row, cells in enumerate(flowable._cellvalues):
                label = tables.band_label(cells[0])
                if tables.is_band(label) and not getattr(label, "continued", False):
                    top = bottom + flowable._rowpositions[row]
                    self._subsection(getattr(label, "band_text", ""), top, 2)

    def _subsection(self, title: str, top: float, level: int) -> None:
        self._subsections += 1
        key = f"sub-{self._subsections}"
        mark = Landmark(key, " ".join(title.split()), "", self.page, top, False, level)
        self.furniture.mark(mark)
