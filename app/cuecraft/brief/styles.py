"""The typographic system of the brief: one face, a scale of sizes, a grid, an accent.

Sizes follow a scale (7.5, 8.5, 9.5, 12, 16, 26, 34 pt) and every leading is a
multiple of the 4 pt baseline unit, so text on facing blocks lines up. Colours
are the accent, tints of it, and a warm neutral ink; severity colours are
muted so a page of findings does not shout.

The styles follow the brief's language (`current_language()` while it is
built, or `lang`): in Chinese every style breaks lines between characters
(`wordWrap="CJK"`; `text.Para` applies the Chinese line-breaking rules, and a
plain reportlab `Paragraph` at least breaks Chinese text), and the bold
styles set Chinese in the bold Chinese face (fonts.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle

from cuecraft.brief import fonts
from cuecraft.core.i18n import current_language, normalize_language

UNIT = 4.0  # baseline unit, points
PAGE_SIZES = {"a4": A4, "letter": LETTER}
MARGIN_X = 15 * UNIT
MARGIN_TOP = 20 * UNIT
MARGIN_BOTTOM = 17 * UNIT

INK = HexColor("#1F2328")
MUTED = HexColor("#5F6670")
FAINT = HexColor("#9AA1AA")
RULE = HexColor("#D9DDE2")
PANEL = HexColor("#F4F5F7")
ERROR = HexColor("#B4372B")
WARNING = HexColor("#B86E00")
INFO = HexColor("#2F6DB5")
GOOD = HexColor("#2E7D4F")
SEVERITY_COLOURS = {"error": ERROR, "warning": WARNING, "info": INFO}
IMPACT_COLOURS = {"high": ERROR, "medium": WARNING, "low": INFO}
STATUS_COLOURS = {"open": ERROR, "mitigating": WARNING, "eliminated": GOOD}


def mix(colour: Color, other: Color, share: float) -> Color:
    """`share` of `colour` over `other` (0 = other, 1 = colour)."""
    return Color(
        colour.red * share + other.red * (1 - share),
        colour.green * share + other.green * (1 - share),
        colour.blue * share + other.blue * (1 - share),
    )


def luminance(colour: Color) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red)
        + 0.7152 * channel(colour.green)
        + 0.0722 * channel(colour.blue)
    )


@dataclass(frozen=True)
class Palette:
    accent: Color  # bands and fills behind text
    accent_text: Color  # the accent dark enough to read as text on white
    mark: Color  # bars, lines and dots on white: the accent, darkened if it is pale
    on_accent: Color  # text on an accent band
    tint: Color  # a light wash of the accent: table heads, quadrant fills
    wash: Color  # the lightest wash: zebra rows, panels


def palette(accent_hex: str) -> Palette:
    accent = HexColor(accent_hex)
    light = luminance(accent)
    # A pale accent still reads as text once darkened toward the ink.
    accent_text = accent if light < 0.18 else mix(accent, INK, 0.55)
    on_accent = white if light < 0.45 else INK
    mark = accent if light < 0.4 else mix(accent, INK, 0.7)
    return Palette(
        accent, accent_text, mark, on_accent, mix(accent, white, 0.16), mix(accent, white, 0.07)
    )


@dataclass(frozen=True)
class Styles:
    palette: Palette
    body: ParagraphStyle
    lead: ParagraphStyle  # an introduction under a section title
    small: ParagraphStyle
    caption: ParagraphStyle
    label: ParagraphStyle  # small bold label above a block
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_small: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    big_number: ParagraphStyle


def word_wrap(lang: str | None = None) -> str | None:
    """reportlab's `wordWrap` for paragraphs in `lang` (default: the current language)."""
    return "CJK" if normalize_language(lang or current_language()) == "zh" else None


def para_style(name: str, **kw: object) -> ParagraphStyle:
    """A ParagraphStyle for the brief's own blocks that breaks lines as its language does."""
    kw.setdefault("wordWrap", word_wrap())
    return ParagraphStyle(name, **kw)


def make_styles(accent_hex: str, lang: str | None = None) -> Styles:
    """The paragraph styles of one brief, for its accent colour and language.

    `lang` defaults to the language the brief is being written in.
    """
    fonts.register_text_faces()
    pal = palette(accent_hex)
    wrap = word_wrap(lang)

    def style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
        kw.setdefault("fontName", fonts.TEXT)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontSize=size, leading=leading, wordWrap=wrap, **kw)

    return Styles(
        palette=pal,
        body=style("body", 9.5, 14, spaceAfter=UNIT * 2),
        lead=style("lead", 12, 17, textColor=MUTED, spaceAfter=UNIT * 5),
        small=style("small", 8.5, 12, textColor=MUTED, spaceAfter=UNIT),
        caption=style("caption", 7.5, 10, textColor=MUTED),
        label=style(
            "label",
            7.5,
            12,
            fontName=fonts.BOLD,
            textColor=pal.accent_text,
            spaceAfter=UNIT,
            keepWithNext=1,
        ),
        h2=style(
            "h2",
            16,
            20,
            fontName=fonts.BOLD,
            textColor=INK,
            spaceBefore=UNIT * 4,
            spaceAfter=UNIT * 2,
            keepWithNext=1,
        ),
        h3=style(
            "h3",
            12,
            16,
            fontName=fonts.BOLD,
            textColor=pal.accent_text,
            spaceBefore=UNIT * 4,
            spaceAfter=UNIT * 2,
            keepWithNext=1,
        ),
        cell=style("cell", 8.5, 12),
        cell_bold=style("cell_bold", 8.5, 12, fontName=fonts.BOLD),
        cell_small=style("cell_small", 7.5, 10, textColor=MUTED),
        cell_head=style("cell_head", 7.5, 10, fontName=fonts.BOLD, textColor=pal.accent_text),
        cell_right=style("cell_right", 8.5, 12, alignment=TA_RIGHT),
        big_number=style(
            "big_number", 26, 28, fontName=fonts.BOLD, textColor=pal.accent_text, alignment=TA_LEFT
        ),
    )
