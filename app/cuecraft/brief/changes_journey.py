"""The steps of the as-is/to-be chart: both designs' touchpoints on one step axis.

The design's (to-be) touchpoints stand in its journey order, numbered as in the
guest journey (`DesignGraph.journey_order`, the core's). A touchpoint of the
baseline (as-is) that the design no longer has stands where it stood: right
after the touchpoint before it in the baseline's own journey order (the first
one the chart already has), or first if none comes before it; it is marked
“−” instead of a number. A touchpoint renamed (its id changed, nothing else,
`DesignDiff.renamed`) is one touchpoint on both sides.

As on the journey chart, the alternatives of a branch share a step: a
touchpoint stands one step after the furthest of those before it (in the order
above) that lead to it in either design, so a touchpoint dropped between two
others keeps a step of its own and one replaced by another shares its step
with it. Touchpoints no entry reaches (in their design) come last. Feelings,
peaks, ends and links are each design's own, read from its `DesignGraph`.
"""

from __future__ import annotations

from dataclasses import dataclass

from cuecraft.brief.context import BriefContext
from cuecraft.brief.curve_layout import CurvePoint, minus
from cuecraft.core.diff import DesignDiff
from cuecraft.core.graph import DesignGraph
from cuecraft.core.names import short_name

NAME_ON_AXIS = 32  # characters of a touchpoint's name along the axis, as on the journey chart
ONLY_BEFORE = minus("-")  # the mark of a step only the baseline has, for its number


@dataclass(frozen=True)
class BothJourneys:
    """The chart's points (the design's curve) and the baseline's curve on them."""

    points: list[CurvePoint]
    as_is: list[int | None]  # the baseline's feeling at each point
    as_is_links: list[tuple[int, int]]  # the baseline's journey links, as point indices
    only_before: int  # how many points only the baseline has


def merged_order(new: list[str], old: list[str]) -> list[str]:
    """`new` (the design's journey order) with each touchpoint of `old` (the baseline's
    order, its ids renamed as the design names them) that `new` lacks put right after the
    one before it in `old` (the first it has), or first when none is before it."""
    kept = set(new)
    following: dict[str | None, list[str]] = {}  # the touchpoints put right after each
    after: str | None = None
    for tp in old:
        if tp not in kept:
            following.setdefault(after, []).append(tp)
        after = tp
    order: list[str] = []
    stack = list(reversed([*following.get(None, ()), *new]))
    while stack:  # each touchpoint, then those put after it (and after them), in turn
        tp = stack.pop()
        order.append(tp)
        stack += reversed(following.get(tp, ()))
    return order


def step_columns(
    order: list[str], leads_to_it: dict[str, set[str]], reached: set[str]
) -> dict[str, int]:
    """Each touchpoint's place along the x-axis, from 0 (as the journey chart's): one after
    the furthest of the touchpoints before it in `order` that lead to it; those not
    `reached` last, one place each."""
    column: dict[str, int] = {}
    for tp in order:
        if tp in reached:
            before = [column[p] for p in leads_to_it.get(tp, ()) if p in column]
            column[tp] = max(before, default=-1) + 1
    last = max(column.values(), default=-1)
    for tp in order:
        if tp not in column:
            last += 1
            column[tp] = last
    return column


def both_journeys(ctx: BriefContext, diff: DesignDiff) -> BothJourneys:
    """The design's points and the baseline's curve on one step axis (see the module)."""
    new, old = ctx.graph, diff.old_result.graph
    renamed = {r.old_id: r.new_id for r in diff.renamed if r.kind == "touchpoint"}

    def as_new(tp: str) -> str:
        return renamed.get(tp, tp)

    order = merged_order(ctx.journey, [as_new(t) for t in old.journey_order])
    index = {tp: i for i, tp in enumerate(order)}
    old_id = {as_new(t): t for t in old.touchpoints}
    leads_to_it: dict[str, set[str]] = {}
    for a, b in new.journey.edges:
        leads_to_it.setdefault(b, set()).add(a)
    for a, b in old.journey.edges:
        leads_to_it.setdefault(as_new(b), set()).add(as_new(a))
    reached = set(new.reachable) | {
        as_new(t) for t in old.reachable if as_new(t) not in new.touchpoints
    }
    column = step_columns(order, leads_to_it, reached)
    low_ends = {i for f in ctx.result.findings if f.code == "JRN004" for i in f.ids}
    ends = set(new.ends)
    points = []
    for tp_id in order:
        tp = new.touchpoints.get(tp_id)
        if tp is None:  # only in the baseline: where it stood, without a feeling of the design's
            before = old.touchpoints[old_id[tp_id]]
            points.append(
                CurvePoint(
                    ONLY_BEFORE,
                    before.phase,
                    None,
                    reached=tp_id in reached,
                    name=short_name(before, NAME_ON_AXIS),
                    column=column[tp_id],
                    leads_to=(),
                )
            )
            continue
        points.append(
            CurvePoint(
                str(ctx.step[tp_id]),
                tp.phase,
                tp.emotion,
                tp_id in ends,
                tp_id in low_ends,
                None,
                tp_id == new.peak,
                tp_id in new.reachable,
                name=short_name(tp, NAME_ON_AXIS),
                column=column[tp_id],
                leads_to=tuple(index[n] for n in new.journey.successors(tp_id)),
            )
        )
    return BothJourneys(
        points,
        [_feeling(old, old_id.get(tp)) for tp in order],
        [(index[as_new(a)], index[as_new(b)]) for a, b in old.journey.edges],
        len(order) - len(ctx.journey),
    )


def _feeling(graph: DesignGraph, tp_id: str | None) -> int | None:
    tp = graph.touchpoints.get(tp_id) if tp_id is not None else None
    return tp.emotion if tp is not None else None
