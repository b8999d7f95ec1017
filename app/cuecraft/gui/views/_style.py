"""Colours, fonts and small helpers shared by the central views.

Every colour starts from the widget's palette, so the views follow light,
dark and high-contrast themes; the few accent hues (phases, node kinds,
severities) are tuned for contrast against whichever base the palette has.

Words are translated where they are shown (`cuecraft.core.i18n`), never at
import time: every view can redraw its texts in another language
(`retranslate()`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

from cuecraft.core.findings import SEVERITY_RANK, Finding
from cuecraft.core.i18n import _, format_number, ngettext, pgettext

ERROR = "error"
WARNING = "warning"
INFO = "info"

_SEVERITY_HUES = {ERROR: "#d33a2c", WARNING: "#e09a00", INFO: "#2f7fd0"}
_SEVERITY_HUES_DARK = {ERROR: "#ff6b5e", WARNING: "#ffc23d", INFO: "#6fb0ff"}


def is_dark(palette: QPalette) -> bool:
    """Whether the palette draws light text on a dark base."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """The colour `t` of the way from `a` to `b` (0 gives `a`, 1 gives `b`)."""
    t = max(0.0, min(1.0, t))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def with_alpha(color: QColor, alpha: float) -> QColor:
    out = QColor(color)
    out.setAlphaF(max(0.0, min(1.0, alpha)))
    return out


class PaletteInks:
    """The ground, the ink and the muted ink a picture's style reads from its palette
    (mixed into each view's style dataclass, which holds `palette`)."""

    palette: QPalette

    @property
    def base(self) -> QColor:
        return self.palette.color(QPalette.ColorRole.Base)

    @property
    def ink(self) -> QColor:
        return self.palette.color(QPalette.ColorRole.Text)

    @property
    def muted(self) -> QColor:
        return muted_text(self.palette)


def accent(palette: QPalette, light_hex: str) -> QColor:
    """An accent hue readable on this palette's base (lifted on dark bases)."""
    color = QColor(light_hex)
    if is_dark(palette):
        h, s, v = color.hsvHueF(), color.hsvSaturationF(), color.valueF()
        color = QColor.fromHsvF(max(0.0, h), s * 0.75, min(1.0, v * 0.55 + 0.5), color.alphaF())
    return color


def severity_color(palette: QPalette, severity: str) -> QColor:
    table = _SEVERITY_HUES_DARK if is_dark(palette) else _SEVERITY_HUES
    return QColor(table.get(severity, table[INFO]))


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: between the text and the base colour, still readable."""
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.42)


def mute(label: QLabel, palette: QPalette) -> None:
    """A label's text muted in a view's `palette` (not the label's own, which its style
    sheet colours), set only when it changes: a style sheet set again polishes the label
    anew, and a view's summary follows every few keystrokes."""
    style = f"color: {muted_text(palette).name()}"
    if style != label.styleSheet():
        label.setStyleSheet(style)


def show_summary(label: QLabel, described: QWidget, text: str, palette: QPalette) -> None:
    """A view's summary line ("12 nodes · 30 edges"), muted, also the accessible
    description of `described`; its words set only when they change."""
    if text != label.text():
        label.setText(text)
        described.setAccessibleDescription(text)
    mute(label, palette)


def worse(a: str | None, b: str) -> str:
    """The more severe of two severities (`a` may be None)."""
    if a is None:
        return b
    return a if SEVERITY_RANK.get(a, 9) <= SEVERITY_RANK.get(b, 9) else b


def severity_by_id(findings: Iterable[Finding]) -> dict[str, str]:
    """The worst severity of the findings that name each id."""
    out: dict[str, str] = {}
    for f in findings:
        for item_id in f.ids:
            out[item_id] = worse(out.get(item_id), f.severity)
    return out


def findings_by_id(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """The findings that name each id, worst first."""
    out: dict[str, list[Finding]] = {}
    for f in findings:
        for item_id in f.ids:
            out.setdefault(item_id, []).append(f)
    for found in out.values():
        found.sort(key=lambda f: SEVERITY_RANK.get(f.severity, 9))
    return out


def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    """`base` resized by `factor` (at least 7 pt), optionally bold."""
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(max(7.0, size * factor))
    font.setBold(bold)
    return font


def html_escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def count_text(n: int) -> str:
    """A whole number in the current language's CLDR form ("12 345", "12,345").

    Below 1,000 no locale of ours groups digits, so Babel is loaded only for the
    rare large count (start-up and most redraws never pay for it).
    """
    if -1000 < n < 1000:
        return str(n)
    return format_number(n)


def list_separator() -> str:
    """What goes between the items of a list of names: ", " (Chinese: "、")."""
    # TRANSLATORS: between the names of a list ("Lobby, Bar, Terrace"); keep the spaces.
    return pgettext("list separator", ", ")


def join_names(names: Iterable[str]) -> str:
    return list_separator().join(names)


def findings_tooltip(findings: Iterable[Finding], limit: int = 6) -> str:
    """Rich-text lines "CODE message" for a tooltip, at most `limit` of them."""
    found = list(findings)
    lines = [f"<b>{html_escape(f.code)}</b> {html_escape(f.message)}" for f in found[:limit]]
    if len(found) > limit:
        rest = len(found) - limit
        lines.append(html_escape(ngettext("… and {n} more", "… and {n} more", rest).format(n=rest)))
    return "<br>".join(lines)


_SPACES = re.compile(r"[ \t\n\r\f\v]+")  # not the no-break space: it holds "48 zł" together


def wrap_elide(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """`text` broken into at most `max_lines` lines of `width`, the last one elided.

    Uses Qt's own line breaking, so words, Chinese text and very long words all
    break where a reader expects. Runs of spaces and line breaks become one space; a
    no-break space stays (“48 zł” never splits). Qt counts in UTF-16 units, so an emoji
    (two units) is cut by those counts, never in half.
    """
    text = _SPACES.sub(" ", text).strip(" ")
    if not text or max_lines < 1:
        return []
    units = text.encode("utf-16-le")

    def part(start: int, length: int | None = None) -> str:
        end = None if length is None else 2 * (start + length)
        return units[2 * start : end].decode("utf-16-le", errors="replace")

    metrics = QFontMetricsF(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1:
            rest = part(start)
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(part(start, length).rstrip(" "))
    layout.endLayout()
    return lines


def elide(text: str, font: QFont, width: float) -> str:
    """One line of `text`, elided to `width`."""
    return QFontMetricsF(font).elidedText(
        " ".join(text.split()), Qt.TextElideMode.ElideRight, width
    )


def empty_html(title: str, body: str) -> str:
    """The rich text of an empty view: a large title over a sentence (both plain text)."""
    return f"<p style='font-size:large'><b>{html_escape(title)}</b></p><p>{html_escape(body)}</p>"


def empty_state(text: str, parent: QWidget | None = None) -> QLabel:
    """A calm, centred message for a view with nothing to show yet."""
    label = QLabel(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMargin(32)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    retranslate_empty_state(label, text)
    return label


def retranslate_empty_state(label: QLabel, text: str) -> None:
    """Give an empty-state label its text (and accessible name) in the current language."""
    label.setText(text)
    label.setAccessibleName(_("Empty view"))


def with_shortcut(action: str, shortcut: str) -> str:
    """A button's tooltip: what it does and its key."""
    # TRANSLATORS: a tooltip: an action and its keyboard shortcut ("Zoom in (Ctrl+=)")
    return _("{action} ({shortcut})").format(action=action, shortcut=shortcut)
