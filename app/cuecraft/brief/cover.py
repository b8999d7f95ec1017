"""The cover: an accent band with the title and client, the theme below, date and logo.

The cover fills its page (its frame is the whole page), so it draws in page
coordinates. The title's size shrinks to fit the band; a title too long even at
the smallest size is cut with an ellipsis here (it is printed in full in the
executive summary).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from cuecraft.brief import blocks, fonts, text
from cuecraft.brief.styles import INK, MARGIN_X, MUTED, RULE, UNIT, Palette
from cuecraft.core.i18n import _, pgettext
from cuecraft.core.model import Design

TITLE_SIZES = (34, 30, 26, 22, 18, 15, 12)
LOGO_MAX_PIXELS = 800
BAND_SHARE = 0.55
LOGO_WIDTH = 40 * UNIT
VENUE_LINES = 4  # a longer venue is cut on the fourth line
VENUE_LEADING = 11.0


class Cover(Flowable):  # type: ignore[misc]
    """The whole first page."""

    def __init__(
        self, design: Design, date_text: str, logo: ImageReader | None, palette: Palette
    ) -> None:
        super().__init__()
        self.design = design
        self.date_text = date_text
        self.logo = logo
        self.palette = palette

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height
        return avail_width, avail_height

    def draw(self) -> None:
        canvas = self.canv
        w, h = self.width, self.height
        pal = self.palette
        band_bottom = h * (1 - BAND_SHARE)
        inner = w - 2 * MARGIN_X
        canvas.setFillColor(pal.accent)
        canvas.rect(0, band_bottom, w, h - band_bottom, stroke=0, fill=1)

        canvas.setFillColor(pal.on_accent)
        canvas.setFillAlpha(0.8)
        label = _("Experience design brief").upper()
        text.draw(canvas, MARGIN_X, h - 18 * UNIT, label, 8, fonts.BOLD)
        canvas.setFillAlpha(1)

        # Client under the title, both set from the bottom of the band upwards.
        y = band_bottom + 12 * UNIT
        if self.design.client:
            client = text.Para(
                text.markup(self.design.client),
                ParagraphStyle(
                    "cover-client",
                    fontName=fonts.TEXT,
                    fontSize=13,
                    leading=17,
                    textColor=pal.on_accent,
                ),
            )
            _w, ch = client.wrap(inner, 40 * UNIT)
            if ch > 40 * UNIT:  # absurdly long: one line, cut
                client = _line(self.design.client, inner, 13, pal)
                _w, ch = client.wrap(inner, 40 * UNIT)
            client.drawOn(canvas, MARGIN_X, y)
            y += ch + 4 * UNIT
        room = h - 26 * UNIT - y
        title = _fitted_title(self.design.title, inner, room, pal)
        _w, th = title.wrap(inner, room)
        title.drawOn(canvas, MARGIN_X, y)
        canvas.setFillColor(pal.on_accent)
        canvas.rect(MARGIN_X, y + th + 3 * UNIT, 12 * UNIT, 2.5, stroke=0, fill=1)

        # The theme, below the band.
        theme = self.design.theme
        y = band_bottom - 14 * UNIT
        canvas.setFillColor(pal.accent_text)
        text.draw(canvas, MARGIN_X, y, pgettext("cover label", "Theme").upper(), 8, fonts.BOLD)
        name_style = ParagraphStyle(
            "cover-theme", fontName=fonts.BOLD, fontSize=22, leading=27, textColor=INK
        )
        below = y - 3 * UNIT
        name = _bounded(theme.name, name_style, inner, 3 * 27)
        _w, nh = name.wrap(inner, 200)
        name.drawOn(canvas, MARGIN_X, below - nh)
        below -= nh + 2 * UNIT
        if theme.tagline:
            tag_style = ParagraphStyle(
                "cover-tagline", fontName=fonts.TEXT, fontSize=13, leading=18, textColor=MUTED
            )
            tagline = _bounded(theme.tagline, tag_style, inner, 3 * 18)
            _w, tgh = tagline.wrap(inner, 200)
            tagline.drawOn(canvas, MARGIN_X, below - tgh)

        # Footer: date and venue left, logo right, over a hairline. The venue is
        # printed whole, on as many lines as it takes (up to VENUE_LINES).
        logo_room = LOGO_WIDTH + 6 * UNIT if self.logo is not None else 0.0
        venue = blocks.wrap_words(self.design.venue or "", inner - logo_room, 8.5, VENUE_LINES)
        base = 16 * UNIT + max(0, len(venue) - 1) * VENUE_LEADING
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, base + 6 * UNIT, w - MARGIN_X, base + 6 * UNIT)
        canvas.setFillColor(INK)
        text.draw(canvas, MARGIN_X, base, self.date_text, 9, fonts.BOLD)
        canvas.setFillColor(MUTED)
        for k, line in enumerate(venue):
            text.draw(canvas, MARGIN_X, base - 5 * UNIT - k * VENUE_LEADING, line, 8.5)
        text.draw(canvas, MARGIN_X, 6 * UNIT, _("Prepared with Cuecraft"), 7.5)
        if self.logo is not None:
            self._logo(canvas, w - MARGIN_X, 6 * UNIT, LOGO_WIDTH, base - 1 * UNIT)

    def _logo(
        self, canvas: object, right: float, bottom: float, max_w: float, max_h: float
    ) -> None:
        assert self.logo is not None
        image = self.logo
        iw, ih = image.getSize()
        scale = min(max_w / iw, max_h / ih)
        dw, dh = iw * scale, ih * scale
        canvas.drawImage(  # type: ignore[attr-defined]
            image, right - dw, bottom, dw, dh, mask="auto", preserveAspectRatio=True
        )


def logo_reader(path: Path | None) -> ImageReader | None:
    """The logo, read once for the cover and every page's running header (one image in the PDF)."""
    return None if path is None else ImageReader(_logo_image(path))


def _logo_image(path: Path) -> Image.Image:
    """The logo at no more pixels than print needs (a 40 × 22 mm box at 300 dpi or so)."""
    with Image.open(path) as opened:
        image = opened.copy()
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA")
    image.thumbnail((LOGO_MAX_PIXELS, LOGO_MAX_PIXELS))
    return image


def _line(value: str, width: float, size: float, pal: Palette) -> Paragraph:
    style = ParagraphStyle(
        "cover-line",
        fontName=fonts.TEXT,
        fontSize=size,
        leading=size * 1.3,
        textColor=pal.on_accent,
    )
    return text.Para(text.markup(text.fit(value, width, size)), style)


def _fitted_title(title: str, width: float, room: float, pal: Palette) -> Paragraph:
    """The title at the largest size that fits the band; cut if none does."""
    for size in TITLE_SIZES:
        style = ParagraphStyle(
            f"cover-title-{size}",
            fontName=fonts.BOLD,
            fontSize=size,
            leading=size * 1.15,
            textColor=pal.on_accent,
        )
        para = text.Para(text.markup(title, fonts.BOLD), style)
        if para.wrap(width, room)[1] <= room:
            return para
    return _bounded(title, style, width, room)


def _bounded(value: str, style: ParagraphStyle, width: float, room: float) -> Paragraph:
    """A paragraph of `value` no taller than `room`, cut with an ellipsis if need be."""
    para = text.Para(text.markup(value, style.fontName), style)
    if para.wrap(width, room)[1] <= room:
        return para
    lines = max(1, int(room // style.leading))
    budget = max(1, int(width / (style.fontSize * 0.5)) * lines)  # a generous first guess
    cut = text.clean(value)[:budget]
    while cut:
        para = text.Para(text.markup(cut.rstrip() + text.ELLIPSIS, style.fontName), style)
        if para.wrap(width, room)[1] <= room:
            return para
        cut = cut[: int(len(cut) * 0.85)]
    return text.Para(text.ELLIPSIS, style)
