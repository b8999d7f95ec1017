"""The NPS chip on each journey card, and its tooltip with the strongest comments.

The chip says the score and the number of answers of whoever's answers the
journey reads (journey_answers): every guest's, or the one persona's followed,
whose name the tooltip then gives. A hotspot (FBK001) is every guest's, so a
persona's chip is never red: its tooltip says when the touchpoint is one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cuecraft.core.feedback import (
    MIN_RESPONSES,
    Comment,
    Nps,
    describe,
    enough_answers,
    is_hotspot,
    signed,
)
from cuecraft.core.i18n import _, ngettext

from ._style import (
    ERROR,
    count_text,
    html_escape,
    muted_text,
    scaled_font,
    severity_color,
    with_alpha,
)
from .journey_answers import Answers
from .journey_nps import minus, nps_color


@dataclass(frozen=True)
class NpsChip:
    """What a card shows of its touchpoint's feedback: every guest's, or one persona's."""

    result: Nps
    tooltip: str
    hotspot: bool = False  # a detractor hotspot (FBK001), drawn so: every guest's answers only
    persona: str = ""  # the name of the persona whose answers these are; "" every guest's
    known: bool = True  # False: the survey does not say what this persona answered

    @property
    def score(self) -> float | None:
        return self.result.score

    @property
    def responses(self) -> int:
        return self.result.responses

    @property
    def few(self) -> bool:
        return not enough_answers(self.result)

    def label(self, long: bool) -> str:
        """'NPS −30 · 60 answers' (long) or 'NPS −30 · 60', in the current language."""
        if not self.known:
            return "NPS —"  # the tooltip says why: nobody said who answered
        if self.score is None:
            # TRANSLATORS: the NPS chip of a journey card whose touchpoint has no answers
            return _("NPS — · no answers")
        score, n = minus(signed(self.score)), count_text(self.responses)
        if not long:
            return f"NPS {score} · {n}"
        # TRANSLATORS: the NPS chip of a journey card: the score and how many guests answered
        return ngettext(
            "NPS {score} · {n} answer", "NPS {score} · {n} answers", self.responses
        ).format(score=score, n=n)


def nps_chip(answers: Answers, tp_id: str, name: str) -> NpsChip:
    """The chip of touchpoint `tp_id` from `answers` (its strongest comments: theirs too)."""
    result = answers.nps_at(tp_id)
    bucket = answers.at(tp_id)
    comments = strongest_comments(bucket.comments if bucket else [], result)
    tooltip = chip_tooltip(answers, tp_id, name or tp_id, result, comments)
    if not answers.persona:
        return NpsChip(result, tooltip, is_hotspot(result))
    who = answers.name or answers.persona
    return NpsChip(result, tooltip, False, who, answers.known)


def unknown_who() -> str:
    # TRANSLATORS: in the journey view while one persona is followed, when the imported
    # survey has no column saying which persona answered
    return _("the survey does not say who answered")


def strongest_comments(comments: list[Comment], result: Nps, limit: int = 2) -> list[Comment]:
    """The comment or two that say most: where guests are unhappy the two lowest-scored,
    otherwise the highest-scored promoter's and the lowest-scored detractor's."""
    if not comments:
        return []
    by_low = sorted(comments, key=lambda c: (c.score, c.line or 0))
    by_high = sorted(comments, key=lambda c: (-c.score, c.line or 0))
    if result.score is not None and result.score < 0:
        return by_low[:limit]
    picked = [by_high[0]]
    if by_low[0].score <= 6 and by_low[0] is not by_high[0]:
        picked.append(by_low[0])
    return picked[:limit]


def chip_tooltip(
    answers: Answers, tp_id: str, name: str, result: Nps, comments: list[Comment]
) -> str:
    if answers.persona:
        who = answers.name or answers.persona
        # TRANSLATORS: the title of a tooltip on one persona's answers at one touchpoint
        title = _("{persona} at {touchpoint}").format(persona=who, touchpoint=name)
    else:
        # TRANSLATORS: the title of a tooltip on guests' answers at one touchpoint
        title = _("Guests at {touchpoint}").format(touchpoint=name)
    said = describe(result) if answers.known else unknown_who()
    lines = [f"<b>{html_escape(title)}</b>", html_escape(said)]
    if result.responses and not enough_answers(result):
        few = ngettext(
            "fewer than {n} answer: not yet evidence",
            "fewer than {n} answers: not yet evidence",
            MIN_RESPONSES,
        ).format(n=MIN_RESPONSES)
        lines.append(f"<i>{html_escape(few)}</i>")
    if not answers.persona and is_hotspot(result):
        hotspot = _("detractor hotspot: more critics than fans")
        lines.append(f"<b>FBK001</b> {html_escape(hotspot)}")
    elif answers.persona and answers.hotspot_at(tp_id):
        everyone = describe(answers.feedback.nps_at(tp_id))
        # TRANSLATORS: in the tooltip of one persona's NPS chip: the touchpoint is a
        # detractor hotspot (rule FBK001) by every guest's answers; {nps}: theirs, described
        hotspot = _("detractor hotspot for all guests: {nps}").format(nps=everyone)
        lines.append(f"<b>FBK001</b> {html_escape(hotspot)}")
    for c in comments:
        text = c.text if len(c.text) <= 140 else c.text[:139] + "…"
        # TRANSLATORS: a guest's comment in quotes and the score they gave (0–10)
        quoted = _("“{comment}” — {score}/10").format(comment=text, score=c.score)
        lines.append(html_escape(quoted))
    return "<br>".join(lines)


class NpsChipItem(QGraphicsItem):
    """The chip on a card's bottom row: 'NPS −30 · 60 answers', with its own tooltip."""

    def __init__(
        self, chip: NpsChip, row: QRectF, palette: QPalette, font: QFont, parent: QGraphicsItem
    ) -> None:
        super().__init__(parent)
        self.chip = chip
        self._palette = palette
        self._font = scaled_font(font, 0.88)
        fm = QFontMetricsF(self._font)
        self.text = chip.label(long=True)
        if fm.horizontalAdvance(self.text) + 14 > row.width():
            self.text = chip.label(long=False)
        width = min(row.width(), fm.horizontalAdvance(self.text) + 14)
        self._rect = QRectF(row.left(), row.top(), width, row.height())
        self.setToolTip(chip.tooltip)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        pal, chip, rect = self._palette, self.chip, self._rect.adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = rect.height() / 2
        if chip.score is None or chip.few:
            color = muted_text(pal)
            pen = QPen(with_alpha(color, 0.8), 1.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            color = severity_color(pal, ERROR) if chip.hotspot else nps_color(pal)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(with_alpha(color, 0.16))
        painter.drawRoundedRect(rect, radius, radius)
        painter.setFont(self._font)
        painter.setPen(color)
        fm = QFontMetricsF(self._font)
        text = fm.elidedText(self.text, Qt.TextElideMode.ElideRight, rect.width() - 12)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
