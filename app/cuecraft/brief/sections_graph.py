"""The design graph section: the design as the consistency checks see it.

A design of up to LEGIBLE_ROWS nodes in a column is drawn as a node-link
drawing on a page of its own; a larger one as a matrix of where each item is
present, over as many pages as it needs (`graphmatrix`): one drawing of 400
cues would only be a solid bar.
"""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable, Spacer

from cuecraft.brief import text
from cuecraft.brief.context import BriefContext
from cuecraft.brief.graphdraw import LEFT_OUT, GraphDrawing
from cuecraft.brief.graphmatrix import matrix_parts
from cuecraft.brief.styles import UNIT
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.layout import COLUMN_OF_KIND, OTHER_COLUMN

LEGIBLE_ROWS = 80  # nodes in one column of the drawing, at most (decided by looking)


def drawn(graph: DesignGraph) -> bool:
    """Whether the design is small enough for a node-link drawing to stay legible."""
    kinds = Counter(
        COLUMN_OF_KIND.get(str(data.get("kind", "")), OTHER_COLUMN)
        for _node, data in graph.network_without(LEFT_OUT).nodes(data=True)
    )
    return max(kinds.values(), default=0) <= LEGIBLE_ROWS


def graph(ctx: BriefContext) -> list[Flowable]:
    flagged = {i for f in ctx.result.findings if f.severity == "error" for i in f.ids}
    if not drawn(ctx.graph):
        return _matrix(ctx, flagged)
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
    out.append(GraphDrawing(ctx.graph, flagged, ctx.styles.palette))
    return out


def _matrix(ctx: BriefContext, flagged: set[str]) -> list[Flowable]:
    out = ctx.opening("graph", new_page=True)
    out.append(
        text.para(
            _(
                "The design has too many cues for one drawing to stay readable, so it is "
                "shown as a table: each row a cue, layer or souvenir, grouped by the first "
                "zone it is present in; each column a theme motif or a zone; a mark where "
                "the item carries the motif or is present."
            ),
            ctx.styles.small,
        )
    )
    for caption, part in matrix_parts(ctx.graph, flagged, ctx.styles.palette, ctx.width):
        out.append(Spacer(1, 2 * UNIT))
        if caption:
            out.append(text.para(caption, ctx.styles.label))
        out.append(part)
    return out
