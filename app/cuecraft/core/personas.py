"""A persona's journey and feelings (SPEC §2.2), worked out once for rules, views and brief.

A persona's journey is the design's journey (`next` without return edges) with
the touchpoints the persona skips *contracted*: every link into a skipped
touchpoint continues to that touchpoint's successors, through any run of
skipped touchpoints, so the family that skips the bar goes from the door
straight to the table. Entries and ends are read on that journey exactly as
SPEC §3 reads them on the design's: `before` touchpoints with no link in (every
touchpoint with no link in when none of the persona's is `before`), and
touchpoints with no link out. Its feelings are the touchpoints' emotions with
the persona's own overrides. Its order is the design's journey order without
the skipped touchpoints, so every curve of every persona lines up on one axis.

Without a persona (`journey_of(graph)`) this is the design's one implied guest,
the same journey the JRN rules read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cuecraft.core.model import Persona

if TYPE_CHECKING:
    from cuecraft.core.graph import DesignGraph


@dataclass(frozen=True)
class PersonaJourney:
    """The journey as one persona lives it."""

    persona: str | None  # the persona's id; None for the design's implied guest
    order: tuple[str, ...]  # the touchpoints they go through, in the design's journey order
    skipped: frozenset[str]  # touchpoints of the design they skip (existing ones only)
    successors: Mapping[str, tuple[str, ...]]  # their journey's links, skipped ones bridged
    entries: tuple[str, ...]
    ends: tuple[str, ...]
    reachable: frozenset[str]  # touchpoints reached from an entry along their journey
    emotion: Mapping[str, int | None]  # their feeling at each touchpoint they go through

    @property
    def has_path(self) -> bool:
        """Whether some path leads from an entry to an end (PER001 when not)."""
        return any(end in self.reachable for end in self.ends)

    @property
    def peak_emotion(self) -> int | None:
        """The highest of their feelings, None when no touchpoint has one."""
        felt = [e for e in self.emotion.values() if e is not None]
        return max(felt) if felt else None

    @property
    def peak(self) -> str | None:
        """The touchpoint of their highest feeling, the first in journey order among equals."""
        high = self.peak_emotion
        if high is None:
            return None
        return next(t for t in self.order if self.emotion.get(t) == high)

    @property
    def low_ends(self) -> tuple[str, ...]:
        """Their ends that fail the peak–end test (`is_low_end`), in the order of `ends`:
        what PER002 reports unless JRN004 already does, and what the brief marks red."""
        peak = self.peak_emotion
        if peak is None:
            return ()
        return tuple(
            end
            for end in self.ends
            if (felt := self.emotion[end]) is not None and is_low_end(felt, peak)
        )

    @property
    def edges(self) -> list[tuple[str, str]]:
        """Every link of their journey, in journey order of its start."""
        return [(t, n) for t in self.order for n in self.successors.get(t, ())]


def is_low_end(emotion: int, peak: int) -> bool:
    """The peak–end test of JRN004 and PER002: an end below 1, or 3 or more below the peak."""
    return emotion < 1 or peak - emotion >= 3


def persona_journey(graph: DesignGraph, persona: Persona) -> PersonaJourney:
    """The journey of one persona of the design."""
    return journey_of(graph, persona.skips, persona.emotion, persona.id)


def journey_of(
    graph: DesignGraph,
    skips: Iterable[str] = (),
    overrides: Mapping[str, int] | None = None,
    persona: str | None = None,
) -> PersonaJourney:
    """The journey without the touchpoints in `skips`, feelings overridden by `overrides`.

    Skips and overrides that name no touchpoint are left out (REF001 reports them)."""
    touchpoints = graph.touchpoints
    skipped = frozenset(t for t in skips if t in touchpoints)
    journey = graph.journey
    bridged: dict[str, tuple[str, ...]] = {}

    def through(start: str) -> tuple[str, ...]:
        """The touchpoints a guest reaches from skipped `start` without stopping in between."""
        found = bridged.get(start)
        if found is not None:
            return found
        out: list[str] = []
        seen = {start}
        stack = [start]
        while stack:
            for nxt in journey.successors(stack.pop()):
                if nxt in seen:
                    continue
                seen.add(nxt)
                if nxt in skipped:
                    stack.append(nxt)
                else:
                    out.append(nxt)
        bridged[start] = found = tuple(out)
        return found

    kept = [t for t in touchpoints if t not in skipped]
    successors: dict[str, tuple[str, ...]] = {}
    has_link_in: set[str] = set()
    for t in kept:
        links: dict[str, None] = {}
        for nxt in journey.successors(t):
            if nxt not in skipped:
                links[nxt] = None
            else:
                # A link contracted back onto its own start is no step at all.
                links.update((n, None) for n in through(nxt) if n != t)
        successors[t] = tuple(links)
        # A touchpoint's own `next: [itself]` is a link in, as the design's journey reads it;
        # a link contracted back onto its start was dropped above.
        has_link_in.update(links)
    befores = [t for t in kept if touchpoints[t].phase == "before"]
    entries = tuple(t for t in (befores or kept) if t not in has_link_in)
    ends = tuple(t for t in kept if not successors[t])
    reachable = set(entries)
    stack = list(entries)
    while stack:
        for nxt in successors[stack.pop()]:
            if nxt not in reachable:
                reachable.add(nxt)
                stack.append(nxt)
    own = overrides or {}
    emotion = {t: own.get(t, touchpoints[t].emotion) for t in kept}
    order = tuple(t for t in graph.journey_order if t not in skipped)
    return PersonaJourney(
        persona=persona,
        order=order,
        skipped=skipped,
        successors=successors,
        entries=entries,
        ends=ends,
        reachable=frozenset(reachable),
        emotion=emotion,
    )
