"""Whose answers the journey shows: every guest's, or the one persona's followed (issue 16).

With "All guests" on the persona switch the chips, the measured points and
the legend read the survey's answers per touchpoint, as they always did. With
one persona followed they read that persona's answers only
(`Feedback.persona_nps_at`, `Feedback.persona_at`), named as theirs; where
the persona gave no answers there is no point for them — never the other
guests' in their place. A survey that does not say who answered (no persona
column) has nothing to show for one persona, and the legend says why.

The detractor hotspot is the FBK001 rule's, which reads every guest's answers
per touchpoint: with a persona followed it stays that, a ring at the
touchpoint's all-guests NPS labelled as all guests', apart from the
persona's own diamond. Every number is the core's; nothing is worked out here.
"""

from __future__ import annotations

from dataclasses import dataclass

from cuecraft.core.feedback import (
    MIN_RESPONSES,
    Feedback,
    Nps,
    TouchpointFeedback,
    has_personas,
    is_hotspot,
    signed,
)
from cuecraft.core.i18n import _, ngettext

from ._style import count_text
from .journey_items import CardInfo
from .journey_nps import HotspotMark, Legend, MeasuredPoint, measured_point, minus


@dataclass(frozen=True)
class Answers:
    """The answers the journey reads: every guest's (`persona` empty) or one persona's."""

    feedback: Feedback
    persona: str = ""  # the persona's id; "" for every guest
    name: str = ""  # the persona's name, as the chips and the legend write it

    @property
    def known(self) -> bool:
        """Whether the survey can say what this persona answered (it says who answered)."""
        return not self.persona or has_personas(self.feedback)

    def nps_at(self, tp_id: str) -> Nps:
        if not self.persona:
            return self.feedback.nps_at(tp_id)
        return self.feedback.persona_nps_at(self.persona, tp_id)

    def at(self, tp_id: str) -> TouchpointFeedback | None:
        if not self.persona:
            return self.feedback.at(tp_id)
        return self.feedback.persona_at(self.persona, tp_id)

    @property
    def overall(self) -> Nps:
        if not self.persona:
            return self.feedback.overall
        return self.feedback.persona_nps(self.persona)

    def hotspot_at(self, tp_id: str) -> bool:
        """Whether the touchpoint is a detractor hotspot (FBK001: every guest's answers)."""
        return is_hotspot(self.feedback.nps_at(tp_id))


@dataclass(frozen=True)
class Series:
    """What the chart draws of the answers: points, hotspot rings apart, and the legend."""

    points: list[MeasuredPoint]
    marks: list[HotspotMark]  # every guest's hotspots while one persona is followed
    legend: Legend

    @property
    def hotspots(self) -> list[str]:
        """The touchpoints marked as detractor hotspots (FBK001), in journey order."""
        if self.marks:
            return [m.tp_id for m in self.marks]
        return [p.tp_id for p in self.points if p.hotspot]


def series_of(
    answers: Answers, infos: list[CardInfo], xs: dict[str, float], column: dict[str, int]
) -> Series:
    """The measured points at `xs` (touchpoint id → where its NPS stands) from the cards' chips."""
    points = [
        measured_point(
            i.tp_id, column[i.tp_id], xs[i.tp_id], i.nps.result, i.unreachable, i.nps.hotspot
        )
        for i in infos
        if i.nps is not None
    ]
    kept = [p for p in points if p is not None]
    marks = []
    if answers.persona:
        for i in infos:
            if answers.hotspot_at(i.tp_id):
                everyone = answers.feedback.nps_at(i.tp_id)
                assert everyone.score is not None  # a hotspot has a score
                marks.append(HotspotMark(i.tp_id, xs[i.tp_id], everyone.score))
    return Series(kept, marks, legend_for(answers, kept, marks))


def legend_for(answers: Answers, points: list[MeasuredPoint], marks: list[HotspotMark]) -> Legend:
    """The legend's entries in the current language."""
    entries = [
        # TRANSLATORS: legend of the journey chart: the emotion curve the design sets
        ("curve", _("designed emotion")),
    ]
    who = answers.name or answers.persona
    if not answers.persona:
        # TRANSLATORS: legend of the journey chart: the guests' NPS with its 95% interval
        entries.append(("nps", _("measured NPS (guests), 95% interval")))
    elif not answers.known:
        # TRANSLATORS: legend of the journey chart while one persona is followed and the
        # imported survey has no column saying which persona answered
        no_column = _("no NPS for {persona}: the survey does not say who answered")
        entries.append(("", no_column.format(persona=who)))
    elif answers.overall.responses == 0:
        # TRANSLATORS: legend of the journey chart: the persona followed answered nothing
        entries.append(("", _("no answers from {persona} in the survey").format(persona=who)))
    else:
        # TRANSLATORS: legend of the journey chart: one persona's NPS with its 95% interval
        theirs = _("measured NPS ({persona}), 95% interval").format(persona=who)
        entries.append(("nps", theirs))
    if any(p.few for p in points):
        few = ngettext("fewer than {n} answer", "fewer than {n} answers", MIN_RESPONSES)
        entries.append(("few", few.format(n=MIN_RESPONSES)))
    if marks:
        # TRANSLATORS: legend of the journey chart while one persona is followed: the red
        # ring marks a touchpoint where every guest's NPS is below 0 (rule FBK001)
        entries.append(("ring", _("all guests below 0: detractor hotspot (FBK001)")))
    elif any(p.hotspot for p in points):
        entries.append(("hotspot", _("below 0: detractor hotspot (FBK001)")))
    overall = answers.overall
    if overall.score is not None:
        score, n = minus(signed(overall.score)), count_text(overall.responses)
        if answers.persona:
            # TRANSLATORS: legend of the journey chart: all the answers of one persona
            text = ngettext(
                "overall NPS ({persona}) {score} · {n} answer",
                "overall NPS ({persona}) {score} · {n} answers",
                overall.responses,
            ).format(persona=who, score=score, n=n)
        else:
            text = ngettext(
                "overall NPS {score} · {n} answer",
                "overall NPS {score} · {n} answers",
                overall.responses,
            ).format(score=score, n=n)
        entries.append(("", text))
    return Legend(tuple(entries))
