"""The first sections: executive summary, theme and realms, guest journey."""

from __future__ import annotations

from reportlab.lib.colors import white
from reportlab.platypus import Flowable, Spacer

from cuecraft.brief import blocks, fitting, sections_personas, text, words
from cuecraft.brief.charts import RealmsChart
from cuecraft.brief.context import BriefContext
from cuecraft.brief.curve import CurvePoint, EmotionCurve, minus
from cuecraft.brief.sections_guests import (
    measured,
    nps_colour,
    number_cell,
    with_answers,
)
from cuecraft.brief.styles import ERROR, UNIT
from cuecraft.brief.value_chart import value_staircase
from cuecraft.core.feedback import MIN_RESPONSES
from cuecraft.core.i18n import N_, _, format_number, ngettext, pgettext
from cuecraft.core.model import PHASES, REALMS
from cuecraft.core.names import short_name

TOP_FINDINGS = 5
NAME_ON_AXIS = 32  # characters of a touchpoint's name along the journey chart's axis

REALM_MEANING = {  # in the reading order of the chart; translated where shown
    "entertainment": N_("Passive absorption: guests take in what is performed for them."),
    "educational": N_("Active absorption: guests learn by taking part, mind engaged."),
    "esthetic": N_("Passive immersion: guests simply want to be there and soak it in."),
    "escapist": N_("Active immersion: guests act within the staged world."),
}
SENTENCE_ENDS = ".!?…。！？"


def theme(ctx: BriefContext) -> list[Flowable]:
    design, st = ctx.design, ctx.styles
    th = design.theme
    out = ctx.opening("theme")
    out.append(ctx.para(th.name, "h2"))
    if th.tagline:
        out.append(ctx.para(th.tagline, "lead"))
    if th.storyline:
        out.append(ctx.para(th.storyline.strip(), "body"))
    out.append(Spacer(1, 2 * UNIT))
    out.append(text.para(_("Theme motifs").upper(), st.label))
    if th.motifs:
        out.append(blocks.Chips(th.motifs, st.palette.tint))
    else:
        out.append(text.para(_("No motifs yet: name the words the theme is made of."), st.small))
    if th.avoid:
        out.append(Spacer(1, 3 * UNIT))
        out.append(text.para(_("To avoid").upper(), st.label))
        out.append(blocks.Chips(th.avoid, white, ERROR, outline=ERROR))
    realms = th.realms.as_dict()
    out.append(Spacer(1, 2 * UNIT))
    chart = RealmsChart(realms, st.palette)
    notes: list[Flowable] = []
    for realm in REALM_MEANING:
        level = _("{realm} · {level} of 3")
        notes.append(
            ctx.rich(
                level,
                "cell_bold",
                realm=words.plain(words.realm(realm), st.cell_bold.fontName),
                level=format_number(realms[realm]),
            )
        )
        notes.append(text.para(_(REALM_MEANING[realm]), st.small))
        notes.append(Spacer(1, UNIT))
    reached = len([r for r in REALMS if realms[r] > 0])
    notes.append(
        text.para(
            ngettext(
                "The design reaches into {n} of the four realms. The richest experiences touch "
                "all four: the sweet spot in the middle of the square.",
                "The design reaches into {n} of the four realms. The richest experiences touch "
                "all four: the sweet spot in the middle of the square.",
                reached,
            ).format(n=reached),
            st.small,
        )
    )
    # The chart is drawn smaller rather than leave the page half empty; its heading stays with it.
    out += [text.para(_("The four realms"), st.h3), fitting.Beside(chart, notes)]
    # What the theme is worth: the experience it stages is what guests pay a premium for.
    out += value_staircase(ctx)
    return out


def journey(ctx: BriefContext) -> list[Flowable]:
    st, graph, feedback = ctx.styles, ctx.graph, ctx.feedback
    out = ctx.opening(
        "journey",
        _(
            "The experience continuum, before, during and after the visit. Guests remember "
            "an experience by its most intense moment and by its end (the peak–end rule)."
        ),
    )
    if not ctx.journey:
        out.append(text.para(_("No touchpoints yet: the journey is still to be drawn."), st.body))
        return out
    low_ends = {i for f in ctx.result.findings if f.code == "JRN004" for i in f.ids}
    ends = set(graph.ends)
    column = _columns(ctx)
    index = {tp_id: i for i, tp_id in enumerate(ctx.journey)}
    points = []
    for tp_id in ctx.journey:
        tp = graph.touchpoints[tp_id]
        leads_to = tuple(index[n] for n in graph.journey.successors(tp_id) if n in index)
        points.append(
            CurvePoint(
                str(ctx.step[tp_id]),
                tp.phase,
                tp.emotion,
                tp_id in ends,
                tp_id in low_ends,
                measured(feedback.nps_at(tp_id)) if feedback is not None else None,
                tp_id == graph.peak,
                tp_id in graph.reachable,
                name=short_name(tp, NAME_ON_AXIS),
                column=column[tp_id],
                leads_to=leads_to,
            )
        )
    chart = EmotionCurve(points, st.palette, 62 * UNIT)
    if chart.dual:
        caption = _(
            "Above, designed: the target feeling at each step, from −3 to +3. Below, "
            "measured: the Net Promoter Score guests gave the step, from −100 to +100, its "
            "95% interval as a whisker. Each has its own scale and its own zero: read them "
            "step by step, not one against the other."
        )
    else:
        caption = _("Target feeling at each step, from −3 to +3.")
    if chart.branches:
        caption = words.sentences(
            caption,
            _(
                "Where the journey branches, its alternatives stand side by side at one "
                "step, and the line forks to each of them."
            ),
        )
    # Drawn a little smaller rather than leave the page before it half empty.
    out += [fitting.Shrinkable(chart), text.para(caption, st.caption)]
    ctx.whole(out)  # the title never ends a page with its chart on the next
    out.append(Spacer(1, 3 * UNIT))
    out += _journey_table(ctx)
    if graph.return_edges:
        note = _("↺ marks a return visit: the journey loops back to its start.")
    else:
        note = _("No return visit is designed yet: the loop is open.")
    if feedback is not None:
        note = words.sentences(
            note,
            ngettext(
                "NPS (answers): the Net Promoter Score guests gave the step and how many "
                "answered; red: a detractor hotspot; grey: fewer than {n} answer, not yet "
                "evidence.",
                "NPS (answers): the Net Promoter Score guests gave the step and how many "
                "answered; red: a detractor hotspot; grey: fewer than {n} answers, not yet "
                "evidence.",
                MIN_RESPONSES,
            ).format(n=MIN_RESPONSES),
        )
    out.append(Spacer(1, 2 * UNIT))
    out.append(text.para(note, st.small))
    out += sections_personas.personas(ctx, points)
    return out


def _columns(ctx: BriefContext) -> dict[str, int]:
    """Each touchpoint's place along the chart's x-axis, from 0.

    The journey order (core) puts alternatives one after the other, as a list
    must; the chart draws them side by side. A touchpoint stands one place after
    the furthest of the touchpoints before it in the journey order that lead to
    it, so the alternatives of a branch share a place and a detour (a → b → c
    beside a → c) takes one of its own. Links back into a loop are left out;
    touchpoints no entry reaches come last, one place each.
    """
    graph = ctx.graph
    column: dict[str, int] = {}
    for tp_id in ctx.journey:
        if tp_id in graph.reachable:
            before = [column[p] for p in graph.journey.predecessors(tp_id) if p in column]
            column[tp_id] = max(before, default=-1) + 1
    last = max(column.values(), default=-1)
    for tp_id in ctx.journey:
        if tp_id not in column:
            last += 1
            column[tp_id] = last
    return column


def _journey_table(ctx: BriefContext) -> list[Flowable]:
    st, graph, feedback, w = ctx.styles, ctx.graph, ctx.feedback, ctx.width
    returns = {src: dst for src, dst in graph.return_edges}
    head = [
        "#",
        pgettext("table head", "Touchpoint"),
        pgettext("table head", "Phase"),
        pgettext("table head", "Zone"),
        pgettext("table head", "Feeling"),
        pgettext("table head", "Next"),
    ]
    shares = [0.06, 0.37, 0.1, 0.26, 0.1, 0.11]
    if feedback is not None:
        head.insert(5, pgettext("table head", "NPS (answers)"))
        shares = [0.06, 0.29, 0.09, 0.2, 0.1, 0.14, 0.12]
    phases = [words.phase(p) for p in PHASES]
    # The phases and the heads keep their words whole, in every language.
    widths = blocks.columns(
        head, [w * x for x in shares], {2: blocks.longest_word(phases, 8.5)}, donor=1
    )
    rows = []
    extra: list[tuple[object, ...]] = []
    for r, tp_id in enumerate(ctx.journey, start=1):
        tp = graph.touchpoints[tp_id]
        nexts = [str(ctx.step[n]) for n in tp.next if n in ctx.step and returns.get(tp_id) != n]
        leads = ", ".join(nexts)
        if tp_id in returns:
            leads = (leads + ", " if leads else "") + f"↺ {ctx.step[returns[tp_id]]}"
        zone = ctx.place_name(tp.zone) if tp.zone else ""
        feeling = "—" if tp.emotion is None else (f"{tp.emotion:+d}" if tp.emotion else "0")
        row: list[object] = [
            str(ctx.step[tp_id]),
            text.cell(tp.name or tp.id, st.cell, widths[1]),
            text.cell(words.phase(tp.phase), st.cell, widths[2]),
            text.cell(zone, st.cell, widths[3]) if zone else "",
            minus(feeling),
        ]
        if feedback is not None:
            result = feedback.nps_at(tp_id)
            colour = nps_colour(result)
            row.append(number_cell(with_answers(result), st.cell, widths[5], colour))
            if colour is not None:
                extra.append(("TEXTCOLOR", (5, r), (5, r), colour))
        row.append(leads if len(leads) <= 8 else text.para(leads, st.cell))
        rows.append(row)
    return [blocks.data_table(head, rows, widths, st, extra=extra)]
