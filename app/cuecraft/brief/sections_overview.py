"""The first sections: executive summary, theme and realms, guest journey."""

from __future__ import annotations

from reportlab.lib.colors import white
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from cuecraft.brief import blocks, text, words
from cuecraft.brief.charts import RealmsChart, ScoreBars
from cuecraft.brief.context import BriefContext
from cuecraft.brief.curve import CurvePoint, EmotionCurve, minus
from cuecraft.brief.sections_guests import (
    measured,
    nps_colour,
    number_cell,
    summary_callout,
    with_answers,
)
from cuecraft.brief.styles import ERROR, SEVERITY_COLOURS, UNIT
from cuecraft.core.feedback import MIN_RESPONSES
from cuecraft.core.findings import PRINCIPLES, SEVERITY_RANK, Finding
from cuecraft.core.i18n import N_, _, format_number, ngettext, pgettext
from cuecraft.core.model import PHASES, REALMS
from cuecraft.core.rules.senses import engaged_senses

TOP_FINDINGS = 5

REALM_MEANING = {  # in the reading order of the chart; translated where shown
    "entertainment": N_("Passive absorption: guests take in what is performed for them."),
    "educational": N_("Active absorption: guests learn by taking part, mind engaged."),
    "esthetic": N_("Passive immersion: guests simply want to be there and soak it in."),
    "escapist": N_("Active immersion: guests act within the staged world."),
}
SENTENCE_ENDS = ".!?…。！？"


def full_stop(markup: str, last_word: str) -> str:
    """A sentence's markup with the language's full stop, unless `last_word` already ends it."""
    if last_word.rstrip()[-1:] in SENTENCE_ENDS:
        return markup
    # TRANSLATORS: the full stop closing a sentence (“.”, “。”)
    return markup + text.markup(pgettext("end of a sentence", "."))


def ranked(findings: list[Finding]) -> list[Finding]:
    """Findings most severe first, then in principle order, then by line."""
    order = {p: i for i, p in enumerate(("references", *PRINCIPLES, "feedback"))}
    return sorted(
        findings,
        key=lambda f: (SEVERITY_RANK[f.severity], order.get(f.principle, 99), f.line, f.column),
    )


def sentence(value: str) -> str:
    """A rule's message as a sentence: capital first letter (ids keep their case)."""
    return value[:1].upper() + value[1:] if value[:1].islower() else value


def findings_table(ctx: BriefContext, findings: list[Finding], with_code: bool = True) -> Table:
    st = ctx.styles
    w = ctx.width
    severity_head = pgettext("table head", "Severity")
    finding_head = pgettext("table head", "Finding and how to fix it")
    where_head = pgettext("table head", "Where")
    if with_code:
        code_head = pgettext("table head", "Code")
        head, shares = [severity_head, code_head, finding_head, where_head], [0.14, 0.1, 0.62]
    else:
        head, shares = [severity_head, finding_head, where_head], [0.14, 0.72]
    shares.append(1 - sum(shares))
    badges = [words.severity(s) for s in SEVERITY_COLOURS]
    badge = max(blocks.Badge.width_of(b) for b in badges)
    widths = blocks.columns(head, [w * x for x in shares], {0: badge}, donor=len(head) - 2)
    rows = []
    for f in findings:
        finding = [text.para(sentence(f.message), st.cell)]
        if f.hint:
            finding.append(text.para(sentence(f.hint), st.cell_small))
        where = _("line {line}").format(line=f.line) if f.line else ""
        severity = blocks.coloured(words.severity(f.severity), SEVERITY_COLOURS[f.severity], st)
        row: list[object] = [severity]
        if with_code:
            row.append(f.code)
        row += [finding, text.cell(where, st.cell, widths[-1]) if where else ""]
        rows.append(row)
    return blocks.data_table(head, rows, widths, st)


def summary(ctx: BriefContext) -> list[Flowable]:
    design, st, card = ctx.design, ctx.styles, ctx.result.scorecard
    out = ctx.opening("summary", new_page=True)
    values = {
        "title": words.bold(design.title),
        "venue": words.plain(design.venue or ""),
        "client": words.plain(design.client or ""),
    }
    if design.venue and design.client:
        intro = _("{title} — {venue}, for {client}")
    elif design.client:
        intro = _("{title}, for {client}")
    elif design.venue:
        intro = _("{title} — {venue}")
    else:
        intro = "{title}"
    last = design.client or design.venue or design.title
    markup = full_stop(words.rich(intro, st.lead.fontName, **values), last)
    out.append(text.fixed(markup, st.lead))
    positives = [c for c in design.cues if not c.is_negative]
    negatives = [c for c in design.cues if c.is_negative and c.is_active]
    errors = sum(1 for f in ctx.result.findings if f.severity == "error")
    touchpoints = len(design.touchpoints)
    out.append(
        blocks.KeyFigures(
            [
                (format_number(card.overall), _("overall score (of 100)")),
                (
                    format_number(touchpoints),
                    ngettext(
                        "touchpoint on the journey", "touchpoints on the journey", touchpoints
                    ),
                ),
                (
                    format_number(len(positives)),
                    ngettext("positive cue", "positive cues", len(positives)),
                ),
                (
                    format_number(len(negatives)),
                    ngettext("negative cue to remove", "negative cues to remove", len(negatives)),
                ),
                (f"{len(engaged_senses(ctx.graph))}/5", _("senses engaged")),
                (format_number(errors), ngettext("error found", "errors found", errors)),
            ],
            st,
        )
    )
    out.append(
        KeepTogether(
            [
                text.para(_("Scorecard"), st.h3),
                ScoreBars([(p, card.scores[p]) for p in PRINCIPLES], card.overall, st.palette),
                Spacer(1, 2 * UNIT),
                text.para(
                    _(
                        "Each principle scores 0–100 from its findings and coverage. The overall "
                        "score is their geometric mean, so one principle at zero makes the whole "
                        "experience zero. The formulas close the consistency report."
                    ),
                    st.small,
                ),
            ]
        )
    )
    if any(f.code == "ELI002" for f in ctx.result.findings):
        out.append(Spacer(1, 2 * UNIT))
        said = _(
            "{rule} A high-severity negative cue sits on the guest’s path, so the eliminate "
            "score — and with it the overall score — is zero until it is eliminated. See the "
            "elimination plan."
        )
        # TRANSLATORS: Pine & Gilmore’s rule: one bad touchpoint cancels the whole experience
        rule = words.bold(_("6 − 1 = 0."))
        out.append(blocks.callout(words.rich(said, rule=rule), ctx))
    out += summary_callout(ctx)
    top = ranked([f for f in ctx.result.findings if f.severity != "info"])[:TOP_FINDINGS]
    fix_first = _("What to fix first")
    if top:
        shown = len(top)
        total = len(ctx.result.findings)
        if total > shown:
            note = ngettext(
                "The {shown} most pressing of {total} finding; the consistency report lists "
                "every one.",
                "The {shown} most pressing of {total} findings; the consistency report lists "
                "every one.",
                total,
            ).format(shown=shown, total=format_number(total))
        else:
            note = _("All findings; the consistency report lists every one.")
        # The few findings a reader must see stay together, on this page or the next.
        out += ctx.headed(fix_first, note, findings_table(ctx, top), 0)
    else:
        out.append(text.para(fix_first, st.h3))
        out.append(
            text.para(_("Nothing to fix: no errors or warnings. Every check passes."), st.body)
        )
    return out


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
    chart_w = chart.wrap(ctx.width, ctx.height)[0]
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
    grid = blocks.BriefTable(
        [[chart, notes]],
        colWidths=[chart_w + 4 * UNIT, ctx.width - chart_w - 4 * UNIT],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
        hAlign="LEFT",
    )
    out.append(KeepTogether([text.para(_("The four realms"), st.h3), grid]))
    return ctx.whole(out)


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
    points = []
    for tp_id in ctx.journey:
        tp = graph.touchpoints[tp_id]
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
            )
        )
    chart = EmotionCurve(points, st.palette, 62 * UNIT)
    if chart.dual:
        caption = _(
            "Designed: the target feeling at each step, from −3 to +3. Measured: the Net "
            "Promoter Score guests gave the step, from −100 to +100, its 95% interval as a "
            "whisker. The two scales share their zero."
        )
    else:
        caption = _("Target feeling at each step, from −3 to +3.")
    out += [chart, text.para(caption, st.caption)]
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
    return out


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
