"""The closing sections: the full consistency report (with the scoring formulas) and the graph."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from cuecraft.brief import blocks, text
from cuecraft.brief.context import BriefContext
from cuecraft.brief.graphdraw import GraphDrawing
from cuecraft.brief.sections_overview import findings_table, ranked
from cuecraft.brief.styles import UNIT
from cuecraft.core import score
from cuecraft.core.findings import PRINCIPLES

PRINCIPLE_NAMES = {
    "references": "References",
    "theme": "Theme",
    "harmonize": "Harmonize with positive cues",
    "eliminate": "Eliminate negative cues",
    "memorabilia": "Mix in memorabilia",
    "senses": "Engage all five senses",
    "journey": "Journey",
    "feedback": "Guest feedback",
}


def formulas() -> list[tuple[str, str]]:
    """How each score is computed, in words, from the constants the scorecard uses."""
    half = f"×{score.ERROR_FACTOR:g}"
    pen = score.OPEN_PENALTY
    return [
        (
            "theme",
            "Share of positive cues and layers that carry a theme motif; "
            f"{half} for each THM002 (an anti-motif).",
        ),
        (
            "harmonize",
            "Share of touchpoints with a positive cue present; "
            f"{half} for each HAR001 (conflict) and HAR002 (character seen twice).",
        ),
        (
            "eliminate",
            f"100 minus {pen['low']}, {pen['medium']} or {pen['high']} for each open negative cue "
            "of low, medium or high severity (half while mitigating), minus 5 for each "
            "ELI001 and ELI003. Any ELI002 makes it 0: 6 − 1 = 0.",
        ),
        (
            "memorabilia",
            "Share of souvenirs with a theme motif that evoke a cue; "
            f"×{score.MISSING_AFTER_FACTOR:g} with no souvenir after the visit (MEM003); "
            "0 without souvenirs.",
        ),
        (
            "senses",
            "Senses engaged ÷ 5 × share of touchpoints where a sense is engaged; "
            f"×{score.OVERLOAD_FACTOR:g} for each overload (SEN003).",
        ),
        (
            "journey",
            "Phases with a touchpoint ÷ 3 × share of touchpoints reachable from an entry; "
            f"×{score.OPEN_LOOP_FACTOR:g} with no return visit (JRN003), "
            f"×{score.LOW_END_FACTOR:g} for each low end (JRN004).",
        ),
        (
            "overall",
            "Geometric mean of the six scores: one principle at 0 makes the experience 0.",
        ),
    ]


def report(ctx: BriefContext) -> list[Flowable]:
    st = ctx.styles
    findings = ctx.result.findings
    out = ctx.opening(
        "report",
        "Every finding of the consistency checks, grouped by principle: what is wrong, "
        "where it is in the design file and how to fix it.",
    )
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    out.append(
        blocks.KeyFigures(
            [
                (str(counts["error"]), "errors"),
                (str(counts["warning"]), "warnings"),
                (str(counts["info"]), "notes"),
                (str(ctx.result.scorecard.overall), "overall score"),
            ],
            st,
        )
    )
    scores = ctx.result.scorecard.scores
    for principle in ("references", *PRINCIPLES, "feedback"):
        mine = ranked([f for f in findings if f.principle == principle])
        if principle == "references" and not mine:
            continue
        if principle == "feedback" and not mine and ctx.feedback is None:
            continue  # no feedback imported: nothing was checked
        n = len(mine)
        sub = f"{n} finding{'s' if n != 1 else ''}" if n else "No findings"
        if principle in scores:
            sub += f" · score {scores[principle]}"
        elif principle == "feedback":
            sub += " · guests' answers, not part of the score"
        if mine:
            out += ctx.headed(PRINCIPLE_NAMES[principle], sub, findings_table(ctx, mine), n)
        else:
            out.append(Paragraph(text.escape(PRINCIPLE_NAMES[principle]), st.h3))
            out.append(Paragraph(sub + ".", st.small))
    rows = [
        [text.fixed(f"<b>{p.capitalize()}</b>", st.cell), text.fixed(f, st.cell)]
        for p, f in formulas()
    ]
    table = blocks.data_table(
        ["Score", "How it is computed"], rows, [ctx.width * 0.2, ctx.width * 0.8], st
    )
    out += ctx.headed("How the scores are computed", "", table, 0)  # a reference: kept whole
    return out


def graph(ctx: BriefContext) -> list[Flowable]:
    # The drawing takes the rest of a page of its own; an empty graph is one line.
    out = ctx.opening("graph", new_page=ctx.graph.network.number_of_nodes() > 0)
    out.append(
        Paragraph(
            "The design as the consistency checks see it: theme motifs, the cues, layers and "
            "souvenirs that carry them, and the places and steps of the journey where they "
            "are present.",
            ctx.styles.small,
        )
    )
    out.append(Spacer(1, 2 * UNIT))
    flagged = {i for f in ctx.result.findings if f.severity == "error" for i in f.ids}
    out.append(GraphDrawing(ctx.graph, flagged, ctx.styles.palette))
    return out
