"""Feedback: what guests said, read beside the design — FBK001 to FBK004.

These rules need imported feedback (cuecraft.core.feedback, docs/feedback.md);
without it they say nothing. A touchpoint's NPS counts as evidence only with
at least `MIN_RESPONSES` answers, the usual minimum sample in survey practice:
even at 30 answers a typical 95% interval is about ±30 points wide, so the
messages quote it. That test and the hotspot test (FBK001) live in
cuecraft.core.feedback.evidence, which the journey view and the brief read too.
"""

from __future__ import annotations

import difflib

from cuecraft.core.feedback.evidence import MIN_RESPONSES, enough_answers, is_hotspot
from cuecraft.core.feedback.model import OVERALL, Feedback
from cuecraft.core.feedback.nps import Nps, describe, signed
from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, format_number, format_percent, ngettext
from cuecraft.core.reads import PRESENCE, Reads, fields

__all__ = ["MIN_RESPONSES", "READS", "check_feedback"]

BLIND_SPOT_NPS = -20.0  # FBK002: NPS below this ...
BLIND_SPOT_DETRACTORS = 40.0  # ... or at least this share (%) of detractors
GOOD_NPS = 50.0  # FBK003: guests are happy from here on

READS: Reads = PRESENCE | fields("touchpoints", "name")
"""What the FBK rules read of the design when there is feedback (without it, nothing):
where negative cues are present, and the touchpoints' names, by which FBK004 tells that
the feedback names a touchpoint by its name instead of its id."""


def check_feedback(graph: DesignGraph, feedback: Feedback | None) -> list[Finding]:
    """The FBK findings of a design and its imported feedback (none without feedback)."""
    if feedback is None:
        return []
    out: list[Finding] = []
    scored = {tp: feedback.nps_at(tp) for tp in graph.touchpoints}
    for tp in graph.design.touchpoints:
        result = scored[tp.id]
        if not enough_answers(result) or result.score is None:
            continue
        worst = _lowest_comment(feedback, tp.id)
        if is_hotspot(result):
            if worst is None:
                hint = _("find the negative cue behind it and eliminate it")
            else:
                hint = _(
                    "find the negative cue behind it and eliminate it; a guest said "
                    "({score}/10): “{comment}”"
                ).format(score=worst[0], comment=worst[1])
            out.append(
                finding(
                    "FBK001",
                    "error",
                    _(
                        "detractor hotspot: guests give “{touchpoint}” {nps} — more critics than "
                        "fans; 6 − 1 = 0, one bad touchpoint spoils the whole experience"
                    ).format(touchpoint=tp.id, nps=describe(result)),
                    (tp.id,),
                    tp,
                    hint,
                )
            )
        detractors = result.share("detractors") or 0.0
        negative_here = any(c.is_negative for c in graph.cues_at.get(tp.id, ()))
        if (result.score < BLIND_SPOT_NPS or detractors >= BLIND_SPOT_DETRACTORS) and (
            not negative_here
        ):
            if worst is None:
                hint = _("add the negative cue guests meet there, with a remedy")
            else:
                hint = _(
                    "add the negative cue guests meet there, with a remedy; a guest said "
                    "({score}/10): “{comment}”"
                ).format(score=worst[0], comment=worst[1])
            out.append(
                finding(
                    "FBK002",
                    "warning",
                    _(
                        "blind spot: guests are unhappy at “{touchpoint}” — {nps}, {detractors} "
                        "detractors — but the design records no active negative cue there"
                    ).format(
                        touchpoint=tp.id,
                        nps=describe(result),
                        detractors=format_percent(round(detractors) / 100),
                    ),
                    (tp.id,),
                    tp,
                    hint,
                    ("polarity: negative", f"at: [{tp.id}]", "remedy"),
                )
            )
    for cue in graph.design.cues:
        if not (cue.is_negative and cue.effective_status == "open"):
            continue
        places = graph.cue_places.get(cue.id, set())
        present = sorted((p for p in places if p in graph.touchpoints), key=graph.order.__getitem__)
        if present and all(_good(scored[tp]) for tp in present):
            shown = [
                # TRANSLATORS: a touchpoint and its NPS in a list, e.g. “order” +75
                _("“{touchpoint}” {nps}").format(touchpoint=tp, nps=signed(scored[tp].score))
                for tp in present[:5]
            ]
            listed = ", ".join(shown)
            if len(present) > 5:
                listed = _("{list} and more").format(list=listed)
            out.append(
                finding(
                    "FBK003",
                    "info",
                    _(
                        "the open negative cue “{cue}” is present only where guests are happy "
                        "(NPS {scores}) — perhaps it is already fixed"
                    ).format(cue=cue.id, scores=listed),
                    (cue.id,),
                    cue,
                    _(
                        "check on site; if guests no longer meet it, mark it eliminated (or "
                        "mitigating)"
                    ),
                    ("status",),
                )
            )
    anchor = graph.design.where.get("touchpoints") or graph.design.where.get("")
    names = {tp.name.casefold(): tp.id for tp in graph.design.touchpoints if tp.name}
    for key, bucket in feedback.touchpoints.items():
        if key == OVERALL or key in graph.touchpoints:
            continue
        named = names.get(key.casefold())
        if named is not None:
            hint = _("it is the name of “{id}”: import the feedback again to link it").format(
                id=named
            )
        else:
            close = difflib.get_close_matches(key, list(graph.touchpoints), n=1, cutoff=0.6)
            hint = (
                _("did you mean “{id}”? rename it in the CSV and import again").format(id=close[0])
                if close
                else _(
                    "add the touchpoint to the design, or fix the CSV’s touchpoint column "
                    "and import again"
                )
            )
        answers = bucket.responses
        out.append(
            finding(
                "FBK004",
                "warning",
                ngettext(
                    "the feedback names the touchpoint “{touchpoint}” ({n} answer), which is not "
                    "in the design; its answers count only towards the overall NPS",
                    "the feedback names the touchpoint “{touchpoint}” ({n} answers), which is not "
                    "in the design; its answers count only towards the overall NPS",
                    answers,
                ).format(touchpoint=key, n=format_number(answers)),
                (key,),
                anchor,
                hint,
            )
        )
    out.sort(key=lambda f: (f.code, f.line, f.column))
    return out


def _good(result: Nps) -> bool:
    return enough_answers(result) and result.score is not None and result.score >= GOOD_NPS


def _lowest_comment(feedback: Feedback, touchpoint: str) -> tuple[int, str] | None:
    """The score and words of the unhappiest comment at a touchpoint (below 7), if any."""
    bucket = feedback.at(touchpoint)
    if bucket is None or not bucket.comments:
        return None
    worst = min(bucket.comments, key=lambda c: (c.score, c.line or 0))
    if worst.score >= 7:
        return None
    text = worst.text if len(worst.text) <= 80 else worst.text[:79] + "…"
    return worst.score, text
