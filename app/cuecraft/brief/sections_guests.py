"""What guests say: the Net Promoter Score of the visit and of each step, and guests' own words.

Printed only for a design with imported feedback (cuecraft.core.feedback). The
numbers come from the tally of answers per touchpoint; the comments are the
strongest the import kept, quoted exactly as typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from cuecraft.brief import blocks, fonts, text
from cuecraft.brief.context import BriefContext
from cuecraft.brief.curve import Measured, minus
from cuecraft.brief.options import MONTHS
from cuecraft.brief.styles import ERROR, GOOD, MUTED, UNIT, WARNING
from cuecraft.core.feedback import (
    MIN_RESPONSES,
    OVERALL,
    Comment,
    Feedback,
    Nps,
    enough_answers,
    hotspots,
    is_hotspot,
    signed,
)
from cuecraft.core.feedback.nps import PASSIVE_MIN, PROMOTER_MIN, rounded

COMMENTS_EACH = 2  # the lowest- and the highest-scored comments shown per touchpoint
HOTSPOT_LOWEST = 4  # ... and the lowest where guests' NPS is below 0

LEAD = (
    "What guests answered when asked how likely they are to recommend the experience, "
    "from 0 to 10, at each step of the journey. Promoters answer 9 or 10, passives 7 or 8, "
    "detractors 0 to 6; the Net Promoter Score is the share of promoters minus the share of "
    "detractors, from −100 to +100."
)


def nps_text(value: float | None) -> str:
    """An NPS as typeset: '+23', '−7', '0'; '—' when nobody answered."""
    return minus(signed(value))


def interval_text(result: Nps) -> str:
    if result.low is None or result.high is None:
        return "—"
    return f"{nps_text(result.low)} to {nps_text(result.high)}"


def share_text(result: Nps, group: str) -> str:
    share = result.share(group)
    return "—" if share is None else f"{rounded(share)}%"


def with_answers(result: Nps) -> str:
    """'−30 (60)': the NPS and how many answered; '—' without answers."""
    if result.score is None:
        return "—"
    return f"{nps_text(result.score)} ({result.responses:,})"


def number_cell(
    value: str, style: Any, column: float, colour: Any = None, padding: float = 3 * UNIT
) -> Any:
    """A figure of ours for a table cell: a plain string (coloured by the table's
    TEXTCOLOR) when it fits the column on one line, else a paragraph that wraps."""
    if stringWidth(value, style.fontName, 8.5) <= column - padding - 0.5:
        return value
    markup = text.escape(value)
    if colour is not None:
        markup = f'<font color="#{colour.hexval()[2:]}">{markup}</font>'
    return text.fixed(markup, style)


def measured(result: Nps) -> Measured | None:
    """A step's NPS for the journey chart, or None when nobody answered."""
    if result.score is None or result.low is None or result.high is None:
        return None
    return Measured(
        result.score,
        result.low,
        result.high,
        result.responses,
        thin=not enough_answers(result),
        hotspot=is_hotspot(result),
    )


def nps_colour(result: Nps) -> Any:
    """Grey with too few answers to count, red at a detractor hotspot (FBK001), else None."""
    if not enough_answers(result):
        return MUTED
    return ERROR if is_hotspot(result) else None


def day(iso: str | None, short: bool = False) -> str:
    """'5 Sep 2026' (short) or '5 September 2026'; the text itself if it is not a date."""
    if not iso:
        return ""
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    month = MONTHS[date.month - 1]
    return f"{date.day} {month[:3] if short else month} {date.year}"


def strongest(comments: list[Comment], lowest: int, highest: int) -> list[Comment]:
    """The `lowest` lowest- and `highest` highest-scored comments, lowest first."""
    ranked = sorted(comments, key=lambda c: c.score)  # stable: the file's order among equals
    if len(ranked) <= lowest + highest:
        return ranked
    return ranked[:lowest] + (ranked[-highest:] if highest else [])


def buckets(ctx: BriefContext, feedback: Feedback) -> list[tuple[str, str, str]]:
    """(key, step, label) of every bucket of answers: the journey, unknown keys, the visit."""
    graph = ctx.graph
    out = []
    for tp_id in ctx.journey:
        tp = graph.touchpoints[tp_id]
        out.append((tp_id, str(ctx.step[tp_id]), tp.name or tp.id))
    for key in feedback.touchpoints:
        if key != OVERALL and key not in graph.touchpoints:
            out.append((key, "", f"{key} (not in the design)"))
    if OVERALL in feedback.touchpoints:
        out.append((OVERALL, "", "The visit as a whole"))
    return out


def guests(ctx: BriefContext) -> list[Flowable]:
    feedback = ctx.feedback
    if feedback is None:
        return []
    st = ctx.styles
    out = ctx.opening("guests", LEAD)
    overall = feedback.overall
    hot = hotspots(feedback, ctx.journey)
    out.append(
        blocks.KeyFigures(
            [
                (nps_text(overall.score), f"overall NPS · 95% interval {interval_text(overall)}"),
                (f"{overall.responses:,}", "answers" if overall.responses != 1 else "answer"),
                (
                    share_text(overall, "promoters"),
                    f"promoters · {share_text(overall, 'detractors')} detractors",
                ),
                (
                    str(len(hot)),
                    "step below 0: a detractor hotspot"
                    if len(hot) == 1
                    else "steps below 0: detractor hotspots",
                ),
            ],
            st,
        )
    )
    out.append(Spacer(1, 2 * UNIT))
    out.append(text.fixed(_source(feedback), st.small))
    out += _score_table(ctx, feedback)
    out += _comments(ctx, feedback)
    return out


def summary_callout(ctx: BriefContext) -> list[Flowable]:
    """For the executive summary: the overall NPS and the detractor hotspots, if any."""
    feedback = ctx.feedback
    if feedback is None:
        return []
    overall = feedback.overall
    if overall.score is None:
        return []
    said = (
        f"<b>Guests: NPS {nps_text(overall.score)}</b> (95% interval "
        f"{interval_text(overall)}, {overall.responses:,} answers)."
    )
    hot = hotspots(feedback, ctx.journey)
    for tp_id in hot[:3]:
        tp = ctx.graph.touchpoints[tp_id]
        said += (
            f" Step {ctx.step[tp_id]}, {text.markup(tp.name or tp.id)}, is a detractor hotspot: "
            f"NPS {nps_text(feedback.nps_at(tp_id).score)}."
        )
    if len(hot) > 3:
        said += f" {len(hot) - 3} more steps are below 0."
    if not hot:
        said += " No step has more detractors than promoters."
    said += " See what guests say."
    colour = ERROR if hot else ctx.styles.palette.mark
    return [Spacer(1, 2 * UNIT), blocks.callout(said, ctx, colour)]


def _source(feedback: Feedback) -> str:
    src = feedback.source
    n = src.imported_rows
    said = f"{n:,} answer{'s' if n != 1 else ''} imported from {text.markup(src.file)}"
    if src.imported:
        said += f" on {day(src.imported)}"
    if src.first_date and src.last_date:
        if src.first_date == src.last_date:
            said += f", all given on {day(src.first_date)}"
        else:
            said += f", given between {day(src.first_date)} and {day(src.last_date)}"
    return (
        said + ". The 95% interval says how far the score of all guests may be from the one "
        f"measured; with fewer than {MIN_RESPONSES} answers it is too wide to read much into."
    )


def _score_table(ctx: BriefContext, feedback: Feedback) -> list[Flowable]:
    st, w = ctx.styles, ctx.width
    # Figures need less room than words: narrower paddings make room for the names.
    widths = [0.055, 0.314, 0.095, 0.07, 0.13, 0.112, 0.112, 0.112]
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = [
        ("LEFTPADDING", (2, 0), (-1, -1), 1 * UNIT),
        ("RIGHTPADDING", (1, 0), (-1, -1), 1 * UNIT),
    ]
    results = [(step, label, feedback.nps_at(key)) for key, step, label in buckets(ctx, feedback)]
    results.append(("", "All answers", feedback.overall))
    for r, (step, label, result) in enumerate(results, start=1):
        colour = nps_colour(result)
        rows.append(
            [
                step,
                text.cell(label, st.cell, widths[1] * w),
                f"{result.responses:,}",
                nps_text(result.score),
                number_cell(
                    interval_text(result),
                    st.cell,
                    widths[4] * w,
                    colour if colour is MUTED else None,
                    padding=2 * UNIT,
                ),
                share_text(result, "promoters"),
                share_text(result, "passives"),
                share_text(result, "detractors"),
            ]
        )
        if colour is MUTED:
            extra.append(("TEXTCOLOR", (2, r), (-1, r), MUTED))
        elif colour is not None:
            extra.append(("TEXTCOLOR", (3, r), (3, r), colour))
    last = len(rows)
    extra += [
        ("FONT", (0, last), (-1, last), fonts.BOLD, 8.5),
        ("LINEABOVE", (0, last), (-1, last), 0.8, ctx.styles.palette.mark),
    ]
    table = blocks.data_table(
        [
            "#",
            "Touchpoint",
            "Answers",
            "NPS",
            "95% interval",
            "Promoters",
            "Passives",
            "Detractors",
        ],
        rows,
        [w * x for x in widths],
        st,
        extra=extra,
    )
    sub = (
        "In journey order. Red: a detractor hotspot, more detractors than promoters. "
        f"Grey: fewer than {MIN_RESPONSES} answers, not yet evidence."
    )
    return ctx.headed("Net Promoter Score by step", sub, table, len(rows))


def _comments(ctx: BriefContext, feedback: Feedback) -> list[Flowable]:
    st, w = ctx.styles, ctx.width
    widths = [w * 0.1, w * 0.74, w * 0.16]
    rows: list[list[Any]] = []
    bands: list[int] = []
    for key, step, label in buckets(ctx, feedback):
        bucket = feedback.at(key)
        if bucket is None or not bucket.comments:
            continue
        result = bucket.nps
        where = f"Step {step} · {label}" if step else label
        bands.append(len(rows))
        rows.append([text.cell(f"{where} · {_from(result)}", st.cell_bold, w), "", ""])
        lowest = HOTSPOT_LOWEST if is_hotspot(result) else COMMENTS_EACH
        for comment in strongest(bucket.comments, lowest, COMMENTS_EACH):
            quoted = f"“{text.markup(comment.text)}”"
            rows.append(
                [
                    blocks.coloured(str(comment.score), _group_colour(comment.score), st),
                    text.fixed(quoted, st.cell),
                    day(comment.date, short=True),
                ]
            )
    heading = "In guests’ own words"
    if not rows:
        why = (
            "The survey had no comment column."
            if feedback.columns.comment is None
            else "No guest left a comment."
        )
        return [ctx.para(heading, "h3"), Paragraph(why, st.small)]
    table = blocks.data_table(
        ["Score", "What the guest wrote", "Date"], rows, widths, st, band_rows=bands
    )
    sub = (
        "The lowest- and the highest-scored comments at each step (more of the lowest at a "
        "detractor hotspot), quoted as guests typed them."
    )
    return ctx.headed(heading, sub, table, len(rows))


def _group_colour(score: int) -> Any:
    if score >= PROMOTER_MIN:
        return GOOD
    return WARNING if score >= PASSIVE_MIN else ERROR


def _from(result: Nps) -> str:
    """'NPS −30 from 60 answers' for a band over a step's comments."""
    n = result.responses
    return f"NPS {nps_text(result.score)} from {n:,} answer{'s' if n != 1 else ''}"
