"""The elimination plan: the negative cues in the order to remove them, with who answers
for each, and the priority matrix (impact × effort) when the cues are rated.

The order is `core.plan.elimination_plan`'s (severity, then impact, then the lowest
effort; eliminated cues last), the one every view of the plan shows: this section
numbers the rows in that order and never sorts them itself.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Spacer

from cuecraft.brief import blocks, text, words
from cuecraft.brief.context import BriefContext
from cuecraft.brief.priority_matrix import priority_matrix
from cuecraft.brief.styles import IMPACT_COLOURS, STATUS_COLOURS, UNIT
from cuecraft.core.i18n import _, format_number, ngettext, pgettext
from cuecraft.core.model import SEVERITIES, STATUSES, Cue
from cuecraft.core.plan import elimination_plan, has_owner
from cuecraft.core.words import level_word

RED = '<font color="#B4372B">{}</font>'


def elimination(ctx: BriefContext) -> list[Flowable]:
    design, st = ctx.design, ctx.styles
    out = ctx.opening(
        "elimination",
        _(
            "Negative cues contradict the theme and must go. “6 − 1 = 0”: one high-severity "
            "negative cue on the guest’s path cancels the whole experience."
        ),
    )
    plan = elimination_plan(design)
    if not plan:
        out.append(
            text.para(
                _(
                    "No negative cues are recorded. Walk the venue as a guest and list "
                    "everything that contradicts the theme: a design with none has not "
                    "looked yet."
                ),
                st.body,
            )
        )
        return out
    out.append(_key_figures(ctx, plan))
    out.append(Spacer(1, 3 * UNIT))
    matrix = priority_matrix(ctx, plan)
    out += matrix
    order = _(
        "In the order to remove them: the most severe first, then the most harmful to "
        "guests, then the cheapest to fix; those already eliminated close the list."
    )
    table = _plan_table(ctx, plan)
    if matrix:
        out += ctx.headed(_("The plan, in order of priority"), order, table)
    else:
        out.append(text.para(order, st.small))
        out[-1].keepWithNext = 1
        out.append(table)
    return out


def _key_figures(ctx: BriefContext, plan: list[Cue]) -> Flowable:
    on_path = _finding_ids(ctx, "ELI002")
    by_status = {s: sum(1 for c in plan if c.effective_status == s) for s in STATUSES}
    opened, mitigating = by_status["open"], by_status["mitigating"]
    eliminated, high = by_status["eliminated"], len(on_path)
    return blocks.KeyFigures(
        [
            (format_number(opened), ngettext("still open", "still open", opened)),
            (
                format_number(mitigating),
                ngettext("being mitigated", "being mitigated", mitigating),
            ),
            (
                format_number(eliminated),
                ngettext("already eliminated", "already eliminated", eliminated),
            ),
            (
                format_number(high),
                ngettext("high, on the guest path", "high, on the guest path", high),
            ),
        ],
        ctx.styles,
    )


def _finding_ids(ctx: BriefContext, code: str) -> set[str]:
    """The items a rule's findings name (ELI002: high on the guest path; ELI004: high
    without an owner): the check decides, the brief only marks them."""
    return {i for f in ctx.result.findings if f.code == code for i in f.ids}


def _plan_table(ctx: BriefContext, plan: list[Cue]) -> Flowable:
    st, w = ctx.styles, ctx.width
    head = [
        "#",
        pgettext("table head", "Negative cue"),
        pgettext("table head", "Severity"),
        pgettext("table head", "Status"),
        pgettext("table head", "Remedy"),
    ]
    # The badges, the heads and the numbers keep their words whole, in every language.
    needs = {
        0: text.width(format_number(len(plan)), 8.5),
        2: max(blocks.Badge.width_of(words.impact(s)) for s in SEVERITIES),
        3: max(blocks.Badge.width_of(words.status(s)) for s in STATUSES),
    }
    shares = [0.05, 0.36, 0.13, 0.16, 0.30]
    widths = blocks.columns(head, [w * x for x in shares], needs, donor=1)
    on_path, no_owner = _finding_ids(ctx, "ELI002"), _finding_ids(ctx, "ELI004")
    no_remedy = RED.format(words.plain(_("No remedy yet"), st.cell.fontName))
    rows = []
    for number, cue in enumerate(plan, start=1):
        remedy: Any = (
            text.para(cue.remedy, st.cell) if cue.remedy else text.fixed(no_remedy, st.cell)
        )
        severity, status = cue.effective_severity, cue.effective_status
        rows.append(
            [
                format_number(number),
                _cue_cell(ctx, cue, cue.id in on_path, cue.id in no_owner),
                blocks.coloured(words.impact(severity), IMPACT_COLOURS[severity], st),
                blocks.coloured(words.status(status), STATUS_COLOURS[status], st),
                remedy,
            ]
        )
    return blocks.data_table(head, rows, widths, st)


def _cue_cell(ctx: BriefContext, cue: Cue, on_path: bool, no_owner: bool) -> list[Flowable]:
    """The cue's text; where it is; on the guest path; who answers for it; its rating."""
    st = ctx.styles
    small = st.cell_small.fontName
    cell = [text.para(cue.text or cue.id, st.cell)]
    places = words.listing([ctx.place_name(p) for p in cue.at])
    if places:
        cell.append(text.para(_("at {places}").format(places=places), st.cell_small))
    if on_path:
        cell.append(text.fixed(RED.format(words.bold(_("On the guest path"))), st.cell_small))
    if cue.owner and has_owner(cue):
        # TRANSLATORS: who answers for eliminating a negative cue (a team or a role)
        owner = words.rich(_("Owner: {owner}"), small, owner=words.bold(cue.owner))
        cell.append(text.fixed(owner, st.cell_small))
    elif no_owner:
        cell.append(text.fixed(RED.format(words.plain(_("No owner yet"), small)), st.cell_small))
    rating = _rating(cue)
    if rating:
        cell.append(text.para(rating, st.cell_small))
    return cell


def _rating(cue: Cue) -> str:
    """“Impact high · effort low”, or whichever of the two the cue has."""
    if cue.impact is not None and cue.effort is not None:
        return _("Impact {impact} · effort {effort}").format(
            impact=level_word(cue.impact), effort=level_word(cue.effort)
        )
    if cue.impact is not None:
        return _("Impact {impact}").format(impact=level_word(cue.impact))
    if cue.effort is not None:
        return _("Effort {effort}").format(effort=level_word(cue.effort))
    return ""
