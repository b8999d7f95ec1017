"""The charts of the brief, drawn straight on the canvas in the brief's own type.

- `ScoreBars`: the scorecard, one bar per principle scored and the overall score.
- `RealmsChart`: Pine & Gilmore's four realms, the 2×2 of participation
  (passive ↔ active) and connection (absorption ↔ immersion).

The journey's chart, designed feeling beside guests' NPS, is in curve.py; the personas'
curves in curve_personas.py, on the step axis both share (curve_layout.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from cuecraft.brief import fonts, text, words
from cuecraft.brief.styles import (
    ERROR,
    FAINT,
    INK,
    MUTED,
    PANEL,
    RULE,
    UNIT,
    WARNING,
    Palette,
    luminance,
    mix,
    para_style,
)
from cuecraft.core.i18n import _, format_number


def score_colour(score: int, palette: Palette) -> Color:
    if score >= 70:
        return palette.mark
    if score >= 40:
        return WARNING
    return ERROR


class ScoreBars(Flowable):  # type: ignore[misc]
    """Horizontal bars 0–100: the principles scored (six, seven with staging when the
    design has a blueprint), then the overall score set apart."""

    ROW = 4.5 * UNIT
    BAR = 2.5 * UNIT

    def __init__(self, scores: Sequence[tuple[str, int]], overall: int, palette: Palette) -> None:
        super().__init__()
        self.scores = list(scores)
        self.overall = overall
        self.palette = palette

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = (len(self.scores) + 1) * self.ROW + 3 * UNIT + 5 * UNIT
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        label_w = 28 * UNIT
        x0, x1 = label_w, self.width - 10 * UNIT
        rows = [(words.principle(name), score, False) for name, score in self.scores]
        rows.append((words.principle("overall"), self.overall, True))
        y = self.height
        for name, score, overall in rows:
            if overall:
                y -= 3 * UNIT
                canvas.setStrokeColor(RULE)
                canvas.setLineWidth(0.5)
                canvas.line(0, y + 1.5 * UNIT, self.width, y + 1.5 * UNIT)
            y -= self.ROW
            mid = y + self.ROW / 2
            canvas.setFillColor(INK)
            face = fonts.BOLD if overall else fonts.TEXT
            text.draw(canvas, 0, mid - 3, name, 10 if overall else 9, face)
            bar = self.BAR * (1.4 if overall else 1)
            canvas.setFillColor(PANEL)
            canvas.rect(x0, mid - bar / 2, x1 - x0, bar, stroke=0, fill=1)
            colour = score_colour(score, self.palette)
            canvas.setFillColor(colour)
            end = x0 + (x1 - x0) * max(0, min(100, score)) / 100
            if score > 0:
                canvas.rect(x0, mid - bar / 2, end - x0, bar, stroke=0, fill=1)
            canvas.setFillColor(colour if score < 40 else INK)
            text.draw(
                canvas, self.width, mid - 3, str(score), 10 if overall else 9, fonts.BOLD, "end"
            )
        canvas.setFillColor(FAINT)
        for tick in (0, 25, 50, 75, 100):
            x = x0 + (x1 - x0) * tick / 100
            text.draw(canvas, x, 0, str(tick), 6.5, anchor="middle")
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.35)
            canvas.line(x, 3 * UNIT, x, 3.5 * UNIT)


SWATCHES = 18 * UNIT  # the legend's four shades, before its words

REALM_QUADRANTS = (
    # realm, column (0 passive, 1 active), row (0 absorption, 1 immersion)
    ("entertainment", 0, 0),
    ("educational", 1, 0),
    ("esthetic", 0, 1),
    ("escapist", 1, 1),
)


class RealmsChart(Flowable):  # type: ignore[misc]
    """The four realms as a 2×2, each quadrant as strong as the design makes it (0–3).

    A quadrant's shade and its dots both say how strongly the design stages that
    realm; a legend under the square says so, with the four shades from 0 to 3,
    so the reader need not guess what a darker quadrant means."""

    def __init__(self, realms: dict[str, int], palette: Palette, size: float = 56 * UNIT) -> None:
        super().__init__()
        self.realms = realms
        self.palette = palette
        self.size = size
        self.margin = 6 * UNIT
        style = para_style("realms legend", fontName=fonts.TEXT, fontSize=7, leading=9)
        self.legend = text.para(
            _(
                "Shading: how strongly the design stages each realm, from 0, the palest, "
                "to 3, the darkest; the dots count the same."
            ),
            ParagraphStyle("realms legend muted", parent=style, textColor=MUTED),
        )
        self.legend_height = 0.0
        self.beside = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.size + 2 * self.margin
        # The words beside the shades; under them when the square is drawn small.
        self.beside = self.size - SWATCHES >= 36 * UNIT
        room = self.size - SWATCHES if self.beside else self.size
        words_h = self.legend.wrap(room, avail_height)[1]
        shades_h = 5.5 * UNIT
        legend = max(words_h, shades_h) if self.beside else shades_h + UNIT + words_h
        self.legend_height = legend + UNIT
        self.height = self.size + 2 * self.margin + self.legend_height
        return self.width, self.height

    def _shade(self, strength: int) -> Color:
        return mix(self.palette.accent, white, 0.05 + 0.2 * strength)

    def draw(self) -> None:
        canvas = self.canv
        self._draw_legend()
        canvas.saveState()
        canvas.translate(0, self.legend_height)
        self._draw_square()
        canvas.restoreState()

    def _draw_legend(self) -> None:
        """The four shades, 0 to 3, and what they mean, under the square."""
        canvas, m = self.canv, self.margin
        box = 3 * UNIT
        top = self.legend_height - UNIT
        for strength in range(4):
            x = m + strength * (box + UNIT)
            canvas.setFillColor(self._shade(strength))
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.35)
            canvas.rect(x, top - box, box, box, stroke=1, fill=1)
            canvas.setFillColor(MUTED)
            level = format_number(strength)
            text.draw(canvas, x + box / 2, top - box - 2.5 * UNIT, level, 6.5, anchor="middle")
        if self.beside:
            self.legend.drawOn(canvas, m + SWATCHES, top - self.legend.height)
        else:
            self.legend.drawOn(canvas, m, top - 6.5 * UNIT - self.legend.height)

    def _draw_square(self) -> None:
        canvas = self.canv
        s, m = self.size, self.margin
        half = s / 2
        for realm, col, row in REALM_QUADRANTS:
            strength = max(0, min(3, self.realms.get(realm, 0)))
            fill = self._shade(strength)
            x, y = m + col * half, m + (1 - row) * half
            canvas.setFillColor(fill)
            canvas.rect(x, y, half, half, stroke=0, fill=1)
            ink = white if luminance(fill) < 0.3 else INK
            cx = x + half / 2
            canvas.setFillColor(ink)
            name = text.fit(words.realm(realm), half - 2 * UNIT, 10, fonts.BOLD)
            text.draw(canvas, cx, y + half / 2 + 2, name, 10, fonts.BOLD, "middle")
            for k in range(3):
                px = cx + (k - 1) * 3 * UNIT
                canvas.setStrokeColor(ink)
                canvas.setFillColor(ink)
                canvas.setLineWidth(0.8)
                canvas.circle(px, y + half / 2 - 3 * UNIT, 3.2, stroke=1, fill=int(k < strength))
            canvas.setFillColor(ink)
            level = _("{level} of 3").format(level=format_number(strength))
            text.draw(canvas, cx, y + half / 2 - 7.5 * UNIT, level, 7, anchor="middle")
        # Axes through the middle, labelled at their ends.
        canvas.setStrokeColor(white)
        canvas.setLineWidth(1.5)
        canvas.line(m, m + half, m + s, m + half)
        canvas.line(m + half, m, m + half, m + s)
        canvas.setFillColor(MUTED)
        absorption, immersion = _("Absorption").upper(), _("Immersion").upper()
        text.draw(canvas, m + half, m + s + 2 * UNIT, absorption, 7, fonts.BOLD, "middle")
        text.draw(canvas, m + half, m - 4 * UNIT, immersion, 7, fonts.BOLD, "middle")
        sides = (
            (90, m - 2 * UNIT, _("Passive participation").upper()),
            (-90, m + s + 2 * UNIT, _("Active participation").upper()),
        )
        for angle, x, label in sides:
            canvas.saveState()
            canvas.translate(x, m + half)
            canvas.rotate(angle)
            text.draw(canvas, 0, 0, text.fit(label, s, 7, fonts.BOLD), 7, fonts.BOLD, "middle")
            canvas.restoreState()
