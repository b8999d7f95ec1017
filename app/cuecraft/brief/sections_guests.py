"""What guests say: the Net Promoter Score of the visit and of each step, and guests' own words.

Printed only for a design with imported feedback (cuecraft.core.feedback). The
numbers come from the tally of answers per touchpoint; the comments are the
strongest the import kept, quoted exactly as typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from cuecraft.brief import blocks, fonts, text, words
from cuecraft.brief.context import BriefContext
from cuecraft.brief.curve import Measured, minus
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
from cuecraft.core.i18n import (
    N_,
    _,
    cldr_locale,
    format_date,
    format_number,
    format_percent,
    ngettext,
    pgettext,
)

COMMENTS_EACH = 2  # the lowest- and the highest-scored comments shown per touchpoint
HOTSPOT_LOWEST = 4  # ... and the lowest where guests' NPS is below 0

LEAD = N_(
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
    return _("{low} to {high}").format(low=nps_text(result.low), high=nps_text(result.high))


def share_text(result: Nps, group: str) -> str:
    share = result.share(group)
    return "—" if share is None else format_percent(rounded(share) / 100)


def with_answers(result: Nps) -> str:
    """'−30 (60)': the NPS and how many answered; '—' without answers."""
    if result.score is None:
        return "—"
    return f"{nps_text(result.score)} ({format_number(result.responses)})"


def number_cell(
    value: str, style: Any, column: float, colour: Any = None, padding: float = 3 * UNIT
) -> Any:
    """A figure of ours for a table cell: a plain string (coloured by the table's
    TEXTCOLOR) when it fits the column on one line, else a paragraph that wraps."""
    runs = fonts.runs(value, style.fontName)
    plain = all(face == style.fontName for face, _chunk in runs)  # no Chinese “至”, say
    if plain and stringWidth(value, style.fontName, 8.5) <= column - padding - 0.5:
        return value
    markup = text.markup(value, style.fontName)
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
    """A date in the brief's language, “5 Sept 2026” (short) or “5 September 2026”;
    the text itself if it is not a date."""
    if not iso:
        return ""
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    if not short:
        return format_date(date)
    from babel.dates import format_date as cldr_date

    return str(cldr_date(date, format="medium", locale=cldr_locale()))


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
            out.append((key, "", _("{key} (not in the design)").format(key=key)))
    if OVERALL in feedback.touchpoints:
        out.append((OVERALL, "", _("The visit as a whole")))
    return out


def guests(ctx: BriefContext) -> list[Flowable]:
    feedback = ctx.feedback
    if feedback is None:
        return []
    st = ctx.styles
    out = ctx.opening("guests", _(LEAD))
    overall = feedback.overall
    hot = hotspots(feedback, ctx.journey)
    answers = overall.responses
    out.append(
        blocks.KeyFigures(
            [
                (
                    nps_text(overall.score),
                    _("overall NPS · 95% interval {interval}").format(
                        interval=interval_text(overall)
                    ),
                ),
                (format_number(answers), ngettext("answer", "answers", answers)),
                (
                    share_text(overall, "promoters"),
                    _("promoters · {share} detractors").format(
                        share=share_text(overall, "detractors")
                    ),
                ),
                (
                    format_number(len(hot)),
                    ngettext(
                        "step below 0: a detractor hotspot",
                        "steps below 0: detractor hotspots",
                        len(hot),
                    ),
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
    n = overall.responses
    said = [
        words.rich(
            ngettext(
                "{nps} (95% interval {interval}, {n} answer).",
                "{nps} (95% interval {interval}, {n} answers).",
                n,
            ),
            nps=words.bold(_("Guests: NPS {nps}").format(nps=nps_text(overall.score))),
            interval=words.plain(interval_text(overall)),
            n=words.plain(format_number(n)),
        )
    ]
    hot = hotspots(feedback, ctx.journey)
    for tp_id in hot[:3]:
        tp = ctx.graph.touchpoints[tp_id]
        said.append(
            words.rich(
                _("Step {step}, {touchpoint}, is a detractor hotspot: NPS {nps}."),
                step=str(ctx.step[tp_id]),
                touchpoint=words.plain(tp.name or tp.id),
                nps=words.plain(nps_text(feedback.nps_at(tp_id).score)),
            )
        )
    if len(hot) > 3:
        more = len(hot) - 3
        said.append(
            words.plain(
                ngettext("{n} more step is below 0.", "{n} more steps are below 0.", more).format(
                    n=format_number(more)
                )
            )
        )
    if not hot:
        said.append(words.plain(_("No step has more detractors than promoters.")))
    said.append(words.plain(_("See what guests say.")))
    colour = ERROR if hot else ctx.styles.palette.mark
    return [Spacer(1, 2 * UNIT), blocks.callout(words.sentences(*said), ctx, colour)]


def _source(feedback: Feedback) -> str:
    """Where the answers come from and when they were given, as paragraph markup."""
    src = feedback.source
    n = src.imported_rows
    if src.imported:
        imported = ngettext(
            "{n} answer imported from {file} on {day}.",
            "{n} answers imported from {file} on {day}.",
            n,
        )
    else:
        imported = ngettext(
            "{n} answer imported from {file}.", "{n} answers imported from {file}.", n
        )
    said = [
        words.rich(
            imported,
            n=words.plain(format_number(n)),
            file=words.plain(src.file),
            day=words.plain(day(src.imported)),
        )
    ]
    if src.first_date and src.last_date:
        if src.first_date == src.last_date:
            given = _("All were given on {first}.")
        else:
            given = _("They were given between {first} and {last}.")
        first, last = day(src.first_date), day(src.last_date)
        said.append(words.plain(given.format(first=first, last=last)))
    said.append(
        words.plain(
            ngettext(
                "The 95% interval says how far the score of all guests may be from the one "
                "measured; with fewer than {n} answer it is too wide to read much into.",
                "The 95% interval says how far the score of all guests may be from the one "
                "measured; with fewer than {n} answers it is too wide to read much into.",
                MIN_RESPONSES,
            ).format(n=MIN_RESPONSES)
        )
    )
    return words.sentences(*said)


def _score_table(ctx: BriefContext, feedback: Feedback) -> list[Flowable]:
    st, w = ctx.styles, ctx.width
    head = [
        "#",
        pgettext("table head", "Touchpoint"),
        pgettext("table head", "Answers"),
        pgettext("table head", "NPS"),
        pgettext("table head", "95% interval"),
        pgettext("table head", "Promoters"),
        pgettext("table head", "Passives"),
        pgettext("table head", "Detractors"),
    ]
    # Figures need less room than words: narrower paddings make room for the names.
    shares = [0.055, 0.314, 0.095, 0.07, 0.13, 0.112, 0.112, 0.112]
    widths = blocks.columns(head, [w * x for x in shares], donor=1)
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = [
        ("LEFTPADDING", (2, 0), (-1, -1), 1 * UNIT),
        ("RIGHTPADDING", (1, 0), (-1, -1), 1 * UNIT),
    ]
    results = [(step, label, feedback.nps_at(key)) for key, step, label in buckets(ctx, feedback)]
    results.append(("", _("All answers"), feedback.overall))
    for r, (step, label, result) in enumerate(results, start=1):
        colour = nps_colour(result)
        rows.append(
            [
                step,
                text.cell(label, st.cell, widths[1]),
                format_number(result.responses),
                nps_text(result.score),
                number_cell(
                    interval_text(result),
                    st.cell,
                    widths[4],
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
    table = blocks.data_table(head, rows, widths, st, extra=extra)
    sub = ngettext(
        "In journey order. Red: a detractor hotspot, more detractors than promoters. "
        "Grey: fewer than {n} answer, not yet evidence.",
        "In journey order. Red: a detractor hotspot, more detractors than promoters. "
        "Grey: fewer than {n} answers, not yet evidence.",
        MIN_RESPONSES,
    ).format(n=MIN_RESPONSES)
    return ctx.headed(_("Net Promoter Score by step"), sub, table, len(rows))


def _comments(ctx: BriefContext, feedback: Feedback) -> list[Flowable]:
    st, w = ctx.styles, ctx.width
    head = [
        pgettext("guest rating", "Score"),
        pgettext("table head", "What the guest wrote"),
        pgettext("table head", "Date"),
    ]
    widths = blocks.columns(head, [w * 0.1, w * 0.74, w * 0.16], donor=1)
    rows: list[list[Any]] = []
    bands: list[int] = []
    for key, step, label in buckets(ctx, feedback):
        bucket = feedback.at(key)
        if bucket is None or not bucket.comments:
            continue
        result = bucket.nps
        where = (
            _("Step {step} · {touchpoint}").format(step=step, touchpoint=label) if step else label
        )
        bands.append(len(rows))
        band = _("{touchpoint} · {nps}").format(touchpoint=where, nps=_from(result))
        rows.append([text.cell(band, st.cell_bold, w), "", ""])
        lowest = HOTSPOT_LOWEST if is_hotspot(result) else COMMENTS_EACH
        for comment in strongest(bucket.comments, lowest, COMMENTS_EACH):
            # TRANSLATORS: a guest's comment in quotes, as typed
            quoted = words.rich(_("“{comment}”"), comment=text.markup(comment.text))
            rows.append(
                [
                    blocks.coloured(str(comment.score), _group_colour(comment.score), st),
                    text.fixed(quoted, st.cell),
                    text.cell(day(comment.date, short=True), st.cell, widths[2]),
                ]
            )
    heading = _("In guests’ own words")
    if not rows:
        why = (
            _("The survey had no comment column.")
            if feedback.columns.comment is None
            else _("No guest left a comment.")
        )
        return [ctx.para(heading, "h3"), text.para(why, st.small)]
    table = blocks.data_table(head, rows, widths, st, band_rows=bands)
    sub = _(
        "The lowest- and the highest-scored comments at each step (more of the lowest at a "
        "detractor hotspot), quoted as guests typed them."
    )
    return ctx.headed(heading, sub, table, len(rows))


def _group_colour(score: int) -> Any:
    if score >= PROMOTER_MIN:
        return GOOD
    return WARNING if score >= PASSIVE_MIN else ERROR


def _from(result: Nps) -> str:
    """“NPS −30 from 60 answers” for a band over a step’s comments."""
    n = result.responses
    return ngettext("NPS {nps} from {n} answer", "NPS {nps} from {n} answers", n).format(
        nps=nps_text(result.score), n=format_number(n)
    )
