"""The journey order: the one sequence of touchpoints that every view, the brief and the rules show.

`DesignGraph.journey_order` reads it; nothing else sorts touchpoints into a
journey. The rule (docs/rules.md, "Journey order"):

1. A touchpoint comes after every touchpoint that leads to it along the
   journey, so each `next` arrow points forward, however the journey branches
   and merges. (Breadth-first steps alone would put `d` before `c` in
   `a → b → c → d` with a shortcut `a → d`, and draw `c → d` backwards.)
2. Among the touchpoints free to come next: the earlier phase first (before,
   during, after), then the one fewer steps from an entry, then file order.
3. Where the journey loops (bar → table → bar), no touchpoint of the loop is
   free: the loop is entered at the touchpoint nearest an entry (fewest steps,
   then phase, then file order), which always has a predecessor already placed.
4. Touchpoints no entry reaches come last, by phase, then file order.

It is a topological sort with priorities (Kahn's algorithm over a heap):
O((touchpoints + links) · log touchpoints), no networkx call in the loop.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence


def order_journey(
    touchpoints: Sequence[str],
    phase: Mapping[str, int],
    depth: Mapping[str, int],
    successors: Callable[[str], Iterable[str]],
    predecessors: Callable[[str], Iterable[str]],
) -> list[str]:
    """Touchpoint ids in journey order.

    `touchpoints` in file order; `phase` the index of each one's phase (0 before,
    1 during, 2 after); `depth` the steps from the nearest entry of each touchpoint
    an entry reaches (the entries at 0); `successors` and `predecessors` walk the
    journey's `next` links, return edges left out.
    """
    position = {t: i for i, t in enumerate(touchpoints)}
    reached = [t for t in touchpoints if t in depth]
    waiting = {t: sum(1 for p in predecessors(t) if p != t and p in depth) for t in reached}
    ready = [(phase[t], depth[t], position[t], t) for t in reached if waiting[t] == 0]
    heapq.heapify(ready)
    nearest = sorted(reached, key=lambda t: (depth[t], phase[t], position[t]))
    look_from = 0
    placed: set[str] = set()
    out: list[str] = []
    while len(out) < len(reached):
        if ready:
            node = heapq.heappop(ready)[3]
        else:
            # Every touchpoint left waits for another one left: a loop. Enter it nearest an entry.
            while nearest[look_from] in placed:
                look_from += 1
            node = nearest[look_from]
        placed.add(node)
        out.append(node)
        for nxt in successors(node):
            if nxt in waiting and nxt not in placed and nxt != node:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    heapq.heappush(ready, (phase[nxt], depth[nxt], position[nxt], nxt))
    unreached = [t for t in touchpoints if t not in depth]
    unreached.sort(key=lambda t: (phase[t], position[t]))
    return out + unreached
