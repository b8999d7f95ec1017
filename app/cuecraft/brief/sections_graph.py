"""The design graph section: the design as the consistency checks see it."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from cuecraft.brief import text
from cuecraft.brief.context import BriefContext
from cuecraft.brief.graphdraw import GraphDrawing
from cuecraft.brief.styles import UNIT
from cuecraft.core.i18n import _


def graph(ctx: BriefContext) -> list[Flowable]:
    # The drawing takes the rest of a page of its own; an empty graph is one line.
    out = ctx.opening("graph", new_page=ctx.graph.network.number_of_nodes() > 0)
    out.append(
        text.para(
            _(
                "The design as the consistency checks see it: theme motifs, the cues, layers "
                "and souvenirs that carry them, and the places and steps of the journey where "
                "they are present."
            ),
            ctx.styles.small,
        )
    )
    out.append(Spacer(1, 2 * UNIT))
    flagged = {i for f in ctx.result.findings if f.severity == "error" for i in f.ids}
    out.append(GraphDrawing(ctx.graph, flagged, ctx.styles.palette))
    return out
