"""The service blueprint of a design, worked out once for every drawing of it (SPEC §2.1).

A blueprint (Shostack 1984; Bitner, Ostrom & Morgan 2008) is a grid: one
column per touchpoint, in the journey order of `DesignGraph.journey_order`
(the one every view shows), and five rows from the guest down:

    evidence    the positive cues present at the touchpoint (physical evidence)
    customer    the touchpoint itself: what the guest does
    ——— line of interaction ———
    frontstage  what staff do in front of the guest
    ——— line of visibility ———
    backstage   what staff do out of the guest's sight
    ——— line of internal interaction ———
    support     the systems and teams behind them

An action stands in its lane at the first touchpoint it serves (in journey
order) and reaches over a run of neighbouring touchpoints it serves; further
touchpoints it serves are listed in `also`. Actions that serve no touchpoint
stand in one more column at the end. The workbench's Blueprint tab, the
brief's Blueprint section and `cuecraft render --view blueprint` all draw this
grid; none works out its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from cuecraft.core.graph import DesignGraph

EVIDENCE = "evidence"
CUSTOMER = "customer"
ROWS = (EVIDENCE, CUSTOMER, "frontstage", "backstage", "support")
# The three lines of a blueprint: (name, the row above it, the row below it).
LINES = (
    ("interaction", CUSTOMER, "frontstage"),
    ("visibility", "frontstage", "backstage"),
    ("internal", "backstage", "support"),
)


@dataclass(frozen=True)
class Card:
    """One entry of the grid: a cue (evidence), a touchpoint (customer) or an action."""

    id: str
    row: str
    column: int
    last: int  # the last column of the neighbouring run it reaches over (== column if one)
    also: tuple[int, ...] = ()  # further columns an action serves, apart from its run
    fail: bool = False  # an action with a fail point (F)
    wait: int | None = None  # a touchpoint's minutes of waiting: a wait point (W)


@dataclass(frozen=True)
class Blueprint:
    """The grid of a design's service blueprint."""

    columns: tuple[str, ...]  # touchpoint ids, in journey order
    cards: tuple[Card, ...]  # by row, then column, then file order
    flow: tuple[tuple[int, int], ...]  # journey steps between columns (the customer's path)
    returns: tuple[tuple[int, int], ...]  # return edges: the loop back to a next visit
    needs: tuple[tuple[str, str], ...]  # (action, the action it needs), both in the grid
    unplaced: bool  # whether actions serving no touchpoint stand in a last column

    @property
    def width(self) -> int:
        """Columns the grid takes, the column of actions that serve no touchpoint included."""
        return len(self.columns) + (1 if self.unplaced else 0)

    def cell(self, row: str, column: int) -> list[Card]:
        """The cards that start in one cell, in file order."""
        return [c for c in self.cards if c.row == row and c.column == column]

    def card(self, item_id: str) -> Card | None:
        """The card of an action or touchpoint (cues may stand in several columns)."""
        return next((c for c in self.cards if c.id == item_id and c.row != EVIDENCE), None)

    @property
    def has_actions(self) -> bool:
        return any(c.row not in (EVIDENCE, CUSTOMER) for c in self.cards)


def blueprint(graph: DesignGraph) -> Blueprint:
    """The blueprint grid of a checked design's graph."""
    columns = tuple(graph.journey_order)
    index = {tp: i for i, tp in enumerate(columns)}
    cards: list[Card] = []
    for tp in columns:
        i = index[tp]
        seen: set[str] = set()
        for cue in graph.cues_at.get(tp, ()):
            if not cue.is_negative and cue.id not in seen:
                seen.add(cue.id)
                cards.append(Card(cue.id, EVIDENCE, i, i))
    for tp in columns:
        wait = graph.touchpoints[tp].wait
        cards.append(Card(tp, CUSTOMER, index[tp], index[tp], wait=wait or None))
    unplaced = False
    for lane in ROWS[2:]:
        for action in graph.design.actions:
            if action.lane != lane or not action.id:
                continue
            served = sorted({index[tp] for tp in graph.action_at.get(action.id, ())})
            if not served:
                unplaced = True
                home = last = len(columns)
                also: tuple[int, ...] = ()
            else:
                home = last = served[0]
                while last + 1 in served:
                    last += 1
                also = tuple(c for c in served if c > last)
            cards.append(Card(action.id, lane, home, last, also, fail=action.has_fail_point))
    cards.sort(key=lambda c: (ROWS.index(c.row), c.column))  # stable: file order kept
    flow = tuple((index[a], index[b]) for a, b in graph.journey.edges if a in index and b in index)
    returns = tuple((index[a], index[b]) for a, b in graph.return_edges)
    needs = tuple(
        (action, other)
        for action, needed in graph.needs.items()
        for other in dict.fromkeys(needed)
        if action in graph.actions and other in graph.actions
    )
    return Blueprint(columns, tuple(cards), tuple(sorted(flow)), returns, needs, unplaced)
