"""The service blueprint (SPEC §2.1, §6): who stages each step of the journey, and how.

Printed for a design with actions or wait points. The drawing is core's grid
(`cuecraft.core.blueprint`), the one every view of the blueprint draws; here
it gets a lead for the client, the staging score with what lowers it, a key to
its marks and the fail points with their recovery.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer

from cuecraft.brief import blocks, text, words
from cuecraft.brief.blueprintdraw import CutActions, parts
from cuecraft.brief.blueprintwords import Words
from cuecraft.brief.context import BriefContext
from cuecraft.brief.options import staged
from cuecraft.brief.sections_summary import full_stop, listing_of
from cuecraft.brief.styles import ERROR, UNIT
from cuecraft.core.blueprint import ROWS, Blueprint, Card, blueprint
from cuecraft.core.explain import why_below_100
from cuecraft.core.i18n import _, format_number, ngettext, pgettext
from cuecraft.core.names import full_name

REASONS_SHOWN = 5
__all__ = ["blueprint_section", "staged"]


def blueprint_section(ctx: BriefContext) -> list[Flowable]:
    st = ctx.styles
    grid = blueprint(ctx.graph)
    out = ctx.opening(
        "blueprint",
        _(
            "What it takes to stage each step of the journey. Read each column from the top: "
            "what the guest sees and does, then what staff do in front of the guest, what "
            "happens behind the scenes, and the systems and teams that support it. The lines "
            "show where the guest’s view ends."
        ),
    )
    said = _staging_score(ctx)
    if said is not None:
        said.keepWithNext = 1
        out.append(said)
    said_by = Words()
    drawing = parts(grid, ctx.graph, st.palette, said_by, ctx.width)
    out += drawing
    ctx.whole(out, len(out) - len(drawing) + 1)  # the title never ends a page alone
    if drawing:
        out.append(CutActions(drawing[0].sheet, lambda cut: _cut(ctx, grid, said_by, cut)))
    out.append(Spacer(1, 2 * UNIT))
    out.append(text.para(_key(grid), st.caption))
    out += _fail_points(ctx, grid)
    return out


def _cut(ctx: BriefContext, grid: Blueprint, said_by: Words, cut: list[Card]) -> Flowable:
    """The actions a crowded lane of the drawing had no room for, one a line: step, lane,
    what is done, by whom and in what time; so the brief leaves none out."""
    lines = []
    for card in cut:
        action = ctx.graph.actions[card.id]
        steps = _steps(card.column, card.last, card.also, len(grid.columns))
        who = said_by.joined([m for m in (action.owner, said_by.minutes(action)) if m])
        parts = [steps, said_by.rows[card.row], full_name(action), who]
        lines.append(text.markup(said_by.joined([p for p in parts if p])))
    lead = ngettext(
        "{n} more action, for lack of room in the drawing:",
        "{n} more actions, for lack of room in the drawing:",
        len(cut),
    ).format(n=format_number(len(cut)))
    return text.fixed(words.bold(lead) + "<br/>" + "<br/>".join(lines), ctx.styles.caption)


def _key(grid: Blueprint) -> str:
    """What the drawing's marks mean, for the marks it has."""
    key = [
        _(
            "Arrows follow the guest from step to step; where the journey branches, an arc "
            "leads under the steps to the alternative further on."
        )
    ]
    if any(c.fail for c in grid.cards):
        key.append(_("F marks a fail point, listed below with its recovery."))
    if any(c.wait for c in grid.cards):
        key.append(_("W marks a wait point and the minutes guests wait there."))
    if grid.needs:
        key.append(_("A dashed arrow leads from an action to one that needs it."))
    if grid.returns:
        key.append(_("↺ marks a return visit: the journey loops back to its start."))
    return words.sentences(*key)


def _staging_score(ctx: BriefContext) -> Flowable | None:
    """The staging score and what lowers it (core/explain.py), when the design is scored."""
    scores = ctx.result.scorecard.scores
    if "staging" not in scores:
        return None
    st = ctx.styles
    score = scores["staging"]
    head = words.bold(
        _("{principle} {score}").format(
            principle=words.principle("staging"), score=format_number(score)
        )
    )
    lowered = next((i for i in why_below_100(ctx.result) if i.principle == "staging"), None)
    if lowered is None:
        reasons = _(
            "every fail point has a recovery, every frontstage action an owner and a standard "
            "time, nothing backstage is in the guests’ sight and no wait is empty"
        )
    else:
        shown = lowered.reasons[:REASONS_SHOWN]
        reasons = listing_of(shown)
        more = len(lowered.reasons) - len(shown)
        if more:
            reasons = ngettext("{reasons}; and {n} more", "{reasons}; and {n} more", more).format(
                reasons=reasons, n=format_number(more)
            )
    said = words.rich(
        _("{principle}: {reasons}"), st.body.fontName, principle=head, reasons=words.plain(reasons)
    )
    return text.fixed(full_stop(said, reasons), st.body)


def _fail_points(ctx: BriefContext, grid: Blueprint) -> list[Flowable]:
    """Every fail point in grid order: its step, its action, what can go wrong, the recovery."""
    st, graph = ctx.styles, ctx.graph
    lanes = {row: i for i, row in enumerate(ROWS)}
    failing = sorted((c for c in grid.cards if c.fail), key=lambda c: (c.column, lanes[c.row]))
    if not failing:
        return []
    head = [
        pgettext("table head", "Step"),
        pgettext("table head", "Action"),
        pgettext("table head", "What can go wrong"),
        pgettext("table head", "Recovery"),
    ]
    widths = blocks.columns(head, [ctx.width * x for x in (0.1, 0.34, 0.28, 0.28)], donor=1)
    missing = ParagraphStyle("missing", parent=st.cell, textColor=ERROR)
    rows = []
    for card in failing:
        action = graph.actions[card.id]
        recovery = (action.recovery or "").strip()
        steps = _steps(card.column, card.last, card.also, len(grid.columns))
        rows.append(
            [
                text.cell(steps, st.cell, widths[0]),
                text.para(full_name(action), st.cell),
                text.para(action.fail or "", st.cell),
                text.para(recovery, st.cell)
                if recovery
                else text.para(_("no recovery yet"), missing),
            ]
        )
    sub = _(
        "What can go wrong at each fail point (F) and how staff recover the guest’s "
        "experience when it does."
    )
    out: list[Flowable] = [Spacer(1, 2 * UNIT)]
    out += ctx.headed(_("Fail points and recovery"), sub, blocks.data_table(head, rows, widths, st))
    return out


def _steps(first: int, last: int, also: tuple[int, ...], touchpoints: int) -> str:
    """The steps an action serves, as numbers: “3–4, 7”; “—” for none."""
    if first >= touchpoints:
        return "—"
    run = format_number(first + 1)
    if last > first:
        run = f"{run}–{format_number(last + 1)}"
    return words.listing([run, *(format_number(c + 1) for c in also)])
