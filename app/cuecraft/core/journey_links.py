"""The journey's links: touchpoints in file order and the `next` links between them.

`DesignGraph.journey` is this small directed graph (return edges left out), read by
the rules on every check, the views and the brief. It answers exactly what those
ask of it — successors, predecessors, the links in order, degrees — with plain
dicts, so a check never imports networkx (140 ms of a process's start); networkx
stays for the whole-design network (`DesignGraph.network`).

Orders are the ones networkx's DiGraph gives for the same calls, so the pictures
and the brief draw the same: touchpoints in the order they were added, each one's
successors (and `links`) in the order its links were added, predecessors in the
order the links into it were added. A link given twice is one link.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, KeysView


class JourneyLinks:
    """Touchpoints and the `next` links of a journey, as a directed graph."""

    __slots__ = ("_next", "_previous")

    def __init__(self, touchpoints: Iterable[str] = ()) -> None:
        # Dicts with None values keep insertion order and drop a repeated link.
        self._next: dict[str, dict[str, None]] = {}
        self._previous: dict[str, dict[str, None]] = {}
        for touchpoint in touchpoints:
            self.add_touchpoint(touchpoint)

    def add_touchpoint(self, touchpoint: str) -> None:
        """Add a touchpoint without links (a second add changes nothing)."""
        if touchpoint not in self._next:
            self._next[touchpoint] = {}
            self._previous[touchpoint] = {}

    def add_link(self, source: str, target: str) -> None:
        """Link `source` to `target`, adding either touchpoint if it is new."""
        self.add_touchpoint(source)
        self.add_touchpoint(target)
        self._next[source][target] = None
        self._previous[target][source] = None

    def successors(self, touchpoint: str) -> KeysView[str]:
        """The touchpoints `touchpoint` links to; KeyError for an unknown touchpoint."""
        return self._next[touchpoint].keys()

    def predecessors(self, touchpoint: str) -> KeysView[str]:
        """The touchpoints linking to `touchpoint`; KeyError for an unknown touchpoint."""
        return self._previous[touchpoint].keys()

    @property
    def edges(self) -> list[tuple[str, str]]:
        """Every link as (source, target): by source in the order touchpoints were added,
        then in the order that source's links were added (networkx's DiGraph order)."""
        return [(source, target) for source, targets in self._next.items() for target in targets]

    def has_edge(self, source: str, target: str) -> bool:
        targets = self._next.get(source)
        return targets is not None and target in targets

    def in_degree(self, touchpoint: str) -> int:
        return len(self._previous[touchpoint])

    def out_degree(self, touchpoint: str) -> int:
        return len(self._next[touchpoint])

    def __contains__(self, touchpoint: object) -> bool:
        try:
            return touchpoint in self._next
        except TypeError:  # an unhashable value is no touchpoint, as in networkx
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(self._next)

    def __len__(self) -> int:
        return len(self._next)

    def __repr__(self) -> str:
        return f"<JourneyLinks: {len(self)} touchpoints, {len(self.edges)} links>"
