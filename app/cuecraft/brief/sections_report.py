"""The closing sections: the full consistency report (with the scoring formulas) and the graph."""

from __future__ import annotations

from reportlab.platypus import Flowable

from cuecraft.brief import blocks, text, words
from cuecraft.brief.context import BriefContext
from cuecraft.brief.sections_summary import findings_table, full_stop, ranked, sentence
from cuecraft.core import score
from cuecraft.core.explain import why_below_100
from cuecraft.core.findings import GROUPS, principle_title
from cuecraft.core.i18n import _, format_number, ngettext, pgettext


def principle_heading(principle: str) -> str:
    """A principle as the consistency report's heading names it, in full."""
    return principle_title(principle, full=True)


def formulas(staged: bool = False, personas: bool = False) -> list[tuple[str, str]]:
    """How each score is computed, in words, from the constants the scorecard uses;
    `staged`: the design has a blueprint, so staging is scored too; `personas`: the
    design has personas, whose findings lower the journey's score too."""
    half = words.decimal(score.ERROR_FACTOR)
    pen = score.OPEN_PENALTY
    out = [
        (
            "theme",
            _(
                "Share of positive cues and layers that carry a theme motif; ×{factor} for each "
                "THM002 (an anti-motif)."
            ).format(factor=half),
        ),
        (
            "harmonize",
            _(
                "Share of touchpoints with a positive cue present; ×{factor} for each HAR001 "
                "(conflict) and HAR002 (character seen twice)."
            ).format(factor=half),
        ),
        (
            "eliminate",
            _(
                "100 minus {low}, {medium} or {high} for each open negative cue of low, medium "
                "or high severity (half while mitigating), minus 5 for each ELI001 and ELI003. "
                "Any ELI002 makes it 0: 6 − 1 = 0."
            ).format(low=pen["low"], medium=pen["medium"], high=pen["high"]),
        ),
        (
            "memorabilia",
            _(
                "Share of souvenirs with a theme motif that evoke a cue; ×{factor} with no "
                "souvenir after the visit (MEM003); 0 without souvenirs."
            ).format(factor=words.decimal(score.MISSING_AFTER_FACTOR)),
        ),
        (
            "senses",
            _(
                "Senses engaged ÷ 5 × share of touchpoints where a sense is engaged; ×{factor} "
                "for each overload (SEN003)."
            ).format(factor=words.decimal(score.OVERLOAD_FACTOR)),
        ),
        ("journey", _journey_formula(personas)),
    ]
    if staged:
        out.append(
            (
                "staging",
                _(
                    "Share of actions with a recovery for their fail point and, frontstage, an "
                    "owner and a standard time (no BLU002, BLU003); ×{half} for each BLU001 "
                    "(backstage in the guests’ sight), ×{wait} for each BLU004 (an empty wait)."
                ).format(half=half, wait=words.decimal(score.EMPTY_WAIT_FACTOR)),
            )
        )
    out.append(
        (
            "overall",
            _("Geometric mean of the scores: one principle at 0 makes the experience 0."),
        )
    )
    return out


def _journey_formula(personas: bool) -> str:
    open_loop = words.decimal(score.OPEN_LOOP_FACTOR)
    low_end = words.decimal(score.LOW_END_FACTOR)
    if not personas:  # as before personas: their rules cannot fire
        return _(
            "Phases with a touchpoint ÷ 3 × share of touchpoints reachable from an entry; "
            "×{open_loop} with no return visit (JRN003), ×{low_end} for each low end "
            "(JRN004)."
        ).format(open_loop=open_loop, low_end=low_end)
    return _(
        "Phases with a touchpoint ÷ 3 × share of touchpoints reachable from an entry; "
        "×{open_loop} with no return visit (JRN003), ×{low_end} for each low end (JRN004, "
        "and PER002 for a persona’s), ×{stuck} for each persona who cannot get through "
        "(PER001)."
    ).format(
        open_loop=open_loop,
        low_end=low_end,
        stuck=words.decimal(score.STUCK_PERSONA_FACTOR),
    )


def report(ctx: BriefContext) -> list[Flowable]:
    st = ctx.styles
    findings = ctx.result.findings
    out = ctx.opening(
        "report",
        _(
            "For the design team: every finding of the consistency checks, grouped by "
            "principle, with its rule code, the items’ ids and its line in the design file."
        ),
    )
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    errors, warnings, notes = counts["error"], counts["warning"], counts["info"]
    out.append(
        blocks.KeyFigures(
            [
                (format_number(errors), ngettext("error", "errors", errors)),
                (format_number(warnings), ngettext("warning", "warnings", warnings)),
                (format_number(notes), ngettext("note", "notes", notes)),
                (format_number(ctx.result.scorecard.overall), _("overall score")),
            ],
            st,
        )
    )
    scores = ctx.result.scorecard.scores
    lowered = {item.principle: item for item in why_below_100(ctx.result)}
    for principle in GROUPS:
        mine = ranked([f for f in findings if f.principle == principle])
        if principle in ("merge", "references") and not mine:
            continue
        if principle == "feedback" and not mine and ctx.feedback is None:
            continue  # no feedback imported: nothing was checked
        if principle == "staging" and not mine and principle not in scores:
            continue  # no blueprint: nothing to stage
        n = len(mine)
        sub = (
            ngettext("{n} finding", "{n} findings", n).format(n=format_number(n))
            if n
            else _("No findings")
        )
        if principle in scores:
            sub = _("{findings} · score {score}").format(
                findings=sub, score=format_number(scores[principle])
            )
        elif principle == "feedback":
            sub = _("{findings} · guests’ answers, not part of the score").format(findings=sub)
        name = principle_heading(principle)
        if mine:
            out += ctx.headed(name, sub, findings_table(ctx, mine), n)
        else:
            out.append(text.para(name, st.h3))
            out.append(text.fixed(full_stop(text.markup(sub), sub), st.small))
            if principle in lowered:  # below 100 with no finding: the open negative cues
                for reason in lowered[principle].reasons:
                    said = full_stop(text.markup(sentence(reason)), reason)
                    out.append(text.fixed(said, st.small))
    rows = [
        [
            text.fixed(words.bold(words.principle(p)), st.cell),
            text.para(f, st.cell),
        ]
        for p, f in formulas(staged="staging" in scores, personas=bool(ctx.design.personas))
    ]
    head = [pgettext("table head", "Score"), pgettext("table head", "How it is computed")]
    widths = blocks.columns(head, [ctx.width * 0.2, ctx.width * 0.8], donor=1)
    table = blocks.data_table(head, rows, widths, st)
    # A reference: kept whole.
    out += ctx.headed(_("How the scores are computed"), "", table, 0)
    return out
