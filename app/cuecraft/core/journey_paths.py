"""Walking the journey: breadth-first trees from the entries or the ends, and searches
that avoid some touchpoints, for the journey paths findings name (`DesignGraph.path_through`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable


class Tree:
    """Breadth-first tree from some roots: parent, depth and root of every node reached."""

    def __init__(self, roots: list[str], neighbours: Callable[[str], Iterable[str]]) -> None:
        self.parent: dict[str, str | None] = dict.fromkeys(roots)
        self.depth: dict[str, int] = dict.fromkeys(roots, 0)
        self.root: dict[str, str] = {r: r for r in roots}
        queue = deque(roots)
        while queue:
            node = queue.popleft()
            for other in neighbours(node):
                if other not in self.parent:
                    self.parent[other] = node
                    self.depth[other] = self.depth[node] + 1
                    self.root[other] = self.root[node]
                    queue.append(other)

    def walk(self, node: str, around: int | None) -> list[str]:
        """From `node` back to its root; with `around`, only that many steps, then "…", root."""
        steps: list[str] = []
        current: str | None = node
        while current is not None:
            if around is not None and len(steps) > around and self.depth[current] > 0:
                if self.depth[current] > 1 or steps[-1] != "…":
                    steps.append("…")
                steps.append(self.root[node])
                break
            steps.append(current)
            current = self.parent[current]
        return steps


def search(
    start: str, neighbours: Callable[[str], Iterable[str]], targets: set[str], blocked: set[str]
) -> list[str] | None:
    """Breadth-first path from `start` to any target, never entering `blocked`."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node in targets:
            path: list[str] = []
            step: str | None = node
            while step is not None:
                path.append(step)
                step = parent[step]
            path.reverse()
            return path
        for other in neighbours(node):
            if other not in parent and other not in blocked:
                parent[other] = node
                queue.append(other)
    return None


def shorten(path: list[str], focus: str, around: int | None) -> list[str]:
    """Keep the first, the last and `around` steps either side of `focus`; "…" between."""
    if around is None:
        return path
    at = path.index(focus)
    keep = {0, len(path) - 1, *range(max(0, at - around), min(len(path), at + around + 1))}
    out: list[str] = []
    for index, step in enumerate(path):
        if index in keep:
            out.append(step)
        elif out[-1] != "…":
            out.append("…")
    return out
