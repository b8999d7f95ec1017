"""The personas in the guest-journey section: their curves and a table of who they are.

Printed only for a design with personas (SPEC §2.2); without any, the section
is what it was. Each persona's journey and feelings are the core's
(`DesignGraph.persona_journeys`): what they skip, their links with skipped
touchpoints bridged, their peak and ends. Their curves stand on the steps of
the design's chart (the same points), so a step reads the same in both.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer, Table

from cuecraft.brief import blocks, fitting, text, words
from cuecraft.brief.context import BriefContext
from cuecraft.brief.curve import CurvePoint, minus
from cuecraft.brief.curve_personas import PANELS_AT_MOST, PersonaCurves, PersonaSeries
from cuecraft.brief.sections_guests import interval_text, nps_colour, number_cell, with_answers
from cuecraft.brief.styles import ERROR, UNIT
from cuecraft.core.feedback import MIN_RESPONSES, has_personas
from cuecraft.core.i18n import _, format_percent, ngettext, pgettext
from cuecraft.core.model import Persona
from cuecraft.core.personas import PersonaJourney


def persona_name(persona: Persona) -> str:
    return persona.name or persona.id


def share_of_guests(persona: Persona) -> str:
    """'55%' in the brief's locale; '—' for a persona whose share is not given."""
    return "—" if persona.share is None else format_percent(persona.share / 100)


def legend_title(persona: Persona) -> str:
    """Their name and share, as their curve's legend writes it: 'Family with toddlers · 55%'."""
    if persona.share is None:
        return persona_name(persona)
    return f"{persona_name(persona)} · {share_of_guests(persona)}"


def low_ends(journey: PersonaJourney) -> frozenset[str]:
    """Their ends that fail the peak–end test (core's `PersonaJourney.low_ends`, PER002's)."""
    return frozenset(journey.low_ends)


def series_of(ctx: BriefContext) -> list[PersonaSeries]:
    """Each persona's curve on the points of the design's chart (ctx.journey's order)."""
    index = {tp_id: i for i, tp_id in enumerate(ctx.journey)}
    out = []
    for style, persona in enumerate(ctx.design.personas):
        journey = ctx.graph.persona_journeys[persona.id]
        low = low_ends(journey)
        out.append(
            PersonaSeries(
                title=legend_title(persona),
                style=style,
                emotion=tuple(journey.emotion.get(t) for t in ctx.journey),
                skipped=frozenset(index[t] for t in journey.skipped if t in index),
                links=tuple(
                    (index[a], index[b]) for a, b in journey.edges if a in index and b in index
                ),
                peak=index.get(journey.peak) if journey.peak is not None else None,
                ends=tuple(index[t] for t in journey.ends if t in index),
                low_ends=frozenset(index[t] for t in low if t in index),
            )
        )
    return out


def personas(ctx: BriefContext, points: list[CurvePoint]) -> list[Flowable]:
    """The personas' curves on the design chart's `points`, and the table of personas."""
    if not ctx.design.personas or not ctx.journey:
        return []
    st = ctx.styles
    series = series_of(ctx)
    charts: list[Flowable] = [
        fitting.Shrinkable(PersonaCurves(points, series[k : k + PANELS_AT_MOST], st.palette))
        for k in range(0, len(series), PANELS_AT_MOST)
    ]
    caption = _(
        "Each persona’s designed feeling at each step, from −3 to +3, on the steps of the "
        "chart above, over the design’s own curve in grey. Where a persona skips a step, "
        "their panel has a gap there and their line goes straight on to the step they take "
        "next."
    )
    head: list[Flowable] = [
        text.para(_("The journey as each persona lives it"), st.h3),
        text.para(caption, st.caption),
        Spacer(1, UNIT),
    ]
    for flowable in head:
        flowable.keepWithNext = 1  # the heading never ends a page without its first chart
    out = [*head, charts[0]]
    for chart in charts[1:]:
        out += [Spacer(1, 2 * UNIT), chart]
    out.append(Spacer(1, 3 * UNIT))
    sub = _(
        "Their share of all guests, the touchpoints they skip, where they feel most and "
        "where their journey ends."
    )
    if measured(ctx):
        sub = words.sentences(
            sub,
            ngettext(
                "NPS (answers): the Net Promoter Score of every answer the persona’s guests "
                "gave, and how many answered; red: more detractors than promoters; grey: fewer "
                "than {n} answer, not yet evidence.",
                "NPS (answers): the Net Promoter Score of every answer the persona’s guests "
                "gave, and how many answered; red: more detractors than promoters; grey: fewer "
                "than {n} answers, not yet evidence.",
                MIN_RESPONSES,
            ).format(n=MIN_RESPONSES),
        )
    if any(low_ends(ctx.graph.persona_journeys[p.id]) for p in ctx.design.personas):
        sub = words.sentences(
            sub,
            _(
                "Red: an end they remember badly (peak–end), below +1 or 3 or more below "
                "their peak."
            ),
        )
    out += ctx.headed(_("The personas"), sub, _table(ctx))
    return out


def _touchpoint_name(ctx: BriefContext, tp_id: str) -> str:
    tp = ctx.graph.touchpoints[tp_id]
    return tp.name or tp.id


def _felt_at(ctx: BriefContext, journey: PersonaJourney, tp_id: str) -> str:
    """'+3 · The thunderstorm breaks': their feeling at a touchpoint, and its name."""
    felt = journey.emotion.get(tp_id)
    feeling = "—" if felt is None else minus(f"{felt:+d}") if felt else "0"
    return f"{feeling} · {_touchpoint_name(ctx, tp_id)}"


def measured(ctx: BriefContext) -> bool:
    """Whether guests' answers say which persona gave them (a persona column was imported)."""
    return ctx.feedback is not None and has_personas(ctx.feedback)


def _table(ctx: BriefContext) -> Table:
    st, w, feedback = ctx.styles, ctx.width, ctx.feedback
    head = [
        pgettext("table head", "Persona"),
        pgettext("table head", "Share"),
        pgettext("table head", "Skips"),
        pgettext("table head", "Peak"),
        pgettext("table head", "End"),
    ]
    shares = [0.25, 0.09, 0.24, 0.21, 0.21]
    if feedback is not None and measured(ctx):
        head += [pgettext("table head", "NPS (answers)"), pgettext("table head", "95% interval")]
        shares = [0.15, 0.07, 0.18, 0.17, 0.17, 0.12, 0.14]
    widths = blocks.columns(head, [w * x for x in shares], donor=0)
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    for r, persona in enumerate(ctx.design.personas, start=1):
        journey = ctx.graph.persona_journeys[persona.id]
        skipped = [_touchpoint_name(ctx, t) for t in ctx.journey if t in journey.skipped]
        low = low_ends(journey)
        ends: list[Flowable] = []
        for end in journey.ends:
            said = text.markup(_felt_at(ctx, journey, end), st.cell.fontName)
            if end in low:  # a low end (PER002): red, as on their curve
                said = f'<font color="#{ERROR.hexval()[2:]}">{said}</font>'
            ends.append(text.fixed(said, st.cell))
        row: list[Any] = [
            text.cell(persona_name(persona), st.cell, widths[0]),
            share_of_guests(persona),
            text.cell(words.listing(skipped), st.cell, widths[2]) if skipped else "—",
            text.cell(_felt_at(ctx, journey, journey.peak), st.cell, widths[3])
            if journey.peak is not None
            else "—",
            ends or "—",
        ]
        if len(head) > 5 and feedback is not None:
            result = feedback.persona_nps(persona.id)
            colour = nps_colour(result) if result.score is not None else None
            row += [
                number_cell(with_answers(result), st.cell, widths[5], colour),
                number_cell(interval_text(result), st.cell, widths[6], colour),
            ]
            if colour is not None:
                extra.append(("TEXTCOLOR", (5, r), (6, r), colour))
        rows.append(row)
    return blocks.data_table(head, rows, widths, st, extra=extra)
