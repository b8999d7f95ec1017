"""The design as a graph (SPEC §3), with presence derived once.

`DesignGraph` resolves every reference once (remembering the broken ones for
REF001), makes `sees` and `conflicts` symmetric, and derives presence: which
active cues, layers and souvenirs are present in each zone and at each
touchpoint. The journey (`next` without return edges) is a small directed graph
of our own (`JourneyLinks`), so a check never imports networkx. The whole design
as one networkx MultiDiGraph — motifs, zones, touchpoints, cues, layers and
souvenirs with typed edges — is built on first use by `.network`, for the graph
view and the brief (networkx is imported only then); the rules read the derived
indexes, which is what lets a full check of a 1,000-cue design run on every
keystroke.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from cuecraft.core.journey_links import JourneyLinks
from cuecraft.core.journey_order import order_journey
from cuecraft.core.journey_paths import Tree, search, shorten
from cuecraft.core.model import (
    PHASES,
    Action,
    Cue,
    Design,
    Item,
    Layer,
    Location,
    Persona,
    Souvenir,
    Touchpoint,
    Zone,
)
from cuecraft.core.personas import PersonaJourney, persona_journey

if TYPE_CHECKING:  # networkx (140 ms) is imported only when `.network` is built
    import networkx as nx


@dataclass(frozen=True)
class BrokenReference:
    """A reference naming no id, or an id of the wrong kind (REF001)."""

    item: Item
    field: str
    index: int | None
    target: str
    expected: str
    found: str | None  # the kind the target really is, or None if it does not exist

    @property
    def location(self) -> Location:
        key = self.field if self.index is None else f"{self.field}[{self.index}]"
        return (
            self.item.where.get(key)
            or self.item.where.get(self.field)
            or self.item.where.get("", Location(1, 1))
        )


class DesignGraph:
    """One design, its references resolved and its presence derived."""

    def __init__(self, design: Design) -> None:
        self.design = design
        self.zones: dict[str, Zone] = {z.id: z for z in design.zones}
        self.touchpoints: dict[str, Touchpoint] = {t.id: t for t in design.touchpoints}
        self.order: dict[str, int] = {t: i for i, t in enumerate(self.touchpoints)}
        self.cues: dict[str, Cue] = {c.id: c for c in design.cues}
        self.layers: dict[str, Layer] = {lay.id: lay for lay in design.layers}
        self.souvenirs: dict[str, Souvenir] = {s.id: s for s in design.souvenirs}
        self.actions: dict[str, Action] = {a.id: a for a in design.actions}
        self.personas: dict[str, Persona] = {p.id: p for p in design.personas}
        self.broken: list[BrokenReference] = []
        self._network: nx.MultiDiGraph | None = None  # `network`, once built
        self._retag: tuple[set[str], bool] | None = None  # motifs typed since it was read

        self.zone_of: dict[str, str] = {}
        self.touchpoints_in: dict[str, list[str]] = defaultdict(list)
        for tp in design.touchpoints:
            if tp.zone is not None and self._resolve(tp, "zone", None, tp.zone, self.zones, "zone"):
                self.zone_of[tp.id] = tp.zone
                self.touchpoints_in[tp.zone].append(tp.id)

        self.sees: dict[str, set[str]] = defaultdict(set)
        for zone in design.zones:
            for i, other in enumerate(zone.sees):
                if self._resolve(zone, "sees", i, other, self.zones, "zone") and other != zone.id:
                    self.sees[zone.id].add(other)
                    self.sees[other].add(zone.id)

        self.conflicts: dict[str, set[str]] = defaultdict(set)
        # Places (zone and touchpoint ids) where each item is present.
        self.cue_places: dict[str, set[str]] = {}
        self.cues_at: dict[str, list[Cue]] = defaultdict(list)
        for cue in design.cues:
            for i, other in enumerate(cue.conflicts):
                if self._resolve(cue, "conflicts", i, other, self.cues, "cue") and other != cue.id:
                    self.conflicts[cue.id].add(other)
                    self.conflicts[other].add(cue.id)
            places = self._places(cue, cue.at, allow_touchpoints=True)
            if cue.is_active:
                self.cue_places[cue.id] = places
                for place in places:
                    self.cues_at[place].append(cue)

        self.layers_at: dict[str, list[Layer]] = defaultdict(list)
        for layer in design.layers:
            for place in self._places(layer, layer.at, allow_touchpoints=False):
                self.layers_at[place].append(layer)

        self.souvenir_places: dict[str, set[str]] = {}
        self.evoked: dict[str, list[str]] = {}
        for souvenir in design.souvenirs:
            self.souvenir_places[souvenir.id] = self._places(
                souvenir, souvenir.at, allow_touchpoints=True
            )
            self.evoked[souvenir.id] = [
                cue_id
                for i, cue_id in enumerate(souvenir.evokes)
                if self._resolve(souvenir, "evokes", i, cue_id, self.cues, "cue")
            ]

        self._resolve_actions()
        self._build_journey()
        self._resolve_personas()

    def _resolve_actions(self) -> None:
        """The blueprint's references: `at` touchpoints, `zone`, `needs` actions."""
        self.action_at: dict[str, list[str]] = {}
        self.actions_at: dict[str, list[Action]] = defaultdict(list)
        self.needs: dict[str, list[str]] = {}
        for action in self.design.actions:
            served = [
                tp
                for i, tp in enumerate(action.at)
                if self._resolve(action, "at", i, tp, self.touchpoints, "touchpoint")
            ]
            self.action_at[action.id] = served
            for tp in dict.fromkeys(served):
                self.actions_at[tp].append(action)
            if action.zone is not None:
                self._resolve(action, "zone", None, action.zone, self.zones, "zone")
            self.needs[action.id] = [
                other
                for i, other in enumerate(action.needs)
                if self._resolve(action, "needs", i, other, self.actions, "action")
                and other != action.id
            ]

    def _resolve_personas(self) -> None:
        """A persona's references: the touchpoints it skips and those its emotions name."""
        for persona in self.design.personas:
            for i, tp in enumerate(persona.skips):
                self._resolve(persona, "skips", i, tp, self.touchpoints, "touchpoint")
            for i, tp in enumerate(persona.emotion):
                self._resolve(persona, "emotion", i, tp, self.touchpoints, "touchpoint")

    @cached_property
    def persona_journeys(self) -> dict[str, PersonaJourney]:
        """Each persona's journey and feelings (`cuecraft.core.personas`), by persona id:
        the one reading of a persona that the rules, the views and the brief share."""
        return {p.id: persona_journey(self, p) for p in self.design.personas}

    @cached_property
    def guest_zones(self) -> set[str]:
        """Zones guests are in: the zone of some touchpoint."""
        return set(self.touchpoints_in)

    @cached_property
    def guest_sight(self) -> set[str]:
        """Zones guests are in or can see (a zone that `sees` a guest zone)."""
        out = set(self.guest_zones)
        for zone in self.guest_zones:
            out.update(self.sees.get(zone, ()))
        return out

    # -- references and presence -------------------------------------------------

    def _kind_of(self, target: str) -> str | None:
        for kind, table in (
            ("zone", self.zones),
            ("touchpoint", self.touchpoints),
            ("cue", self.cues),
            ("layer", self.layers),
            ("souvenir", self.souvenirs),
            ("action", self.actions),
            ("persona", self.personas),
        ):
            if target in table:
                return kind
        return None

    def _resolve(
        self,
        item: Item,
        field: str,
        index: int | None,
        target: str,
        table: dict[str, Any],
        expected: str,
    ) -> bool:
        if target in table:
            return True
        self.broken.append(
            BrokenReference(item, field, index, target, expected, self._kind_of(target))
        )
        return False

    def _places(self, item: Item, at: list[str], allow_touchpoints: bool) -> set[str]:
        """Zones and touchpoints where an item placed at `at` is present."""
        places: set[str] = set()
        for i, place in enumerate(at):
            if place in self.zones:
                places.add(place)
                places.update(self.touchpoints_in.get(place, ()))
            elif allow_touchpoints and place in self.touchpoints:
                places.add(place)
                zone = self.zone_of.get(place)
                if zone is not None:
                    places.add(zone)
            else:
                expected = "zone or touchpoint" if allow_touchpoints else "zone"
                self.broken.append(
                    BrokenReference(item, "at", i, place, expected, self._kind_of(place))
                )
        return places

    def zones_where(self, places: set[str]) -> list[str]:
        """The zones among a set of places, in file order."""
        return [z for z in self.zones if z in places]

    @cached_property
    def sense_intensity(self) -> dict[str, dict[str, int]]:
        """Per zone, per sense: the intensities of the sensory layers present there, added up.

        Only zones with layers, only their layers' senses; read a missing one as 0
        (`intensity_in`). Above 3 is overload (SEN003); the sensory map and the
        brief show the same totals."""
        totals: dict[str, dict[str, int]] = {}
        for zone in self.zones:
            layers = self.layers_at.get(zone)
            if layers:
                sums = totals[zone] = {}
                for layer in layers:
                    sums[layer.sense] = sums.get(layer.sense, 0) + layer.intensity
        return totals

    def intensity_in(self, zone: str, sense: str) -> int:
        """The added-up intensity of one sense's layers in one zone (0 without any)."""
        return self.sense_intensity.get(zone, {}).get(sense, 0)

    # -- the journey ---------------------------------------------------------------

    def _build_journey(self) -> None:
        journey = JourneyLinks(self.touchpoints)
        self.return_edges: list[tuple[str, str]] = []
        for tp in self.design.touchpoints:
            for i, nxt in enumerate(tp.next):
                if not self._resolve(tp, "next", i, nxt, self.touchpoints, "touchpoint"):
                    continue
                if tp.phase == "after" and self.touchpoints[nxt].phase == "before":
                    self.return_edges.append((tp.id, nxt))
                else:
                    journey.add_link(tp.id, nxt)
        self.journey = journey
        befores = [t for t in self.touchpoints if self.touchpoints[t].phase == "before"]
        candidates = befores or list(self.touchpoints)
        self.entries = [t for t in candidates if journey.in_degree(t) == 0]
        self.ends = [t for t in self.touchpoints if journey.out_degree(t) == 0]

    @cached_property
    def reachable(self) -> set[str]:
        """Touchpoints reachable from an entry along the journey (entries included)."""
        seen: set[str] = set(self.entries)
        stack = list(self.entries)
        while stack:
            for nxt in self.journey.successors(stack.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    @cached_property
    def on_entry_to_end_path(self) -> set[str]:
        """Touchpoints a guest can pass on the way from an entry to an end."""
        reaches_end: set[str] = set(self.ends)
        stack = list(self.ends)
        while stack:
            for prev in self.journey.predecessors(stack.pop()):
                if prev not in reaches_end:
                    reaches_end.add(prev)
                    stack.append(prev)
        return self.reachable & reaches_end

    @cached_property
    def _from_entry(self) -> Tree:
        """Shortest paths from the entries, as breadth-first parents."""
        return Tree(self.entries, self.journey.successors)

    @property
    def journey_depth(self) -> dict[str, int]:
        """Steps from the nearest entry along the journey, for every touchpoint reached."""
        return self._from_entry.depth

    @cached_property
    def journey_order(self) -> list[str]:
        """Every touchpoint id in journey order: the one order the views, the brief and the
        rules show (the rule: cuecraft.core.journey_order, docs/rules.md)."""
        phase_index = {phase: i for i, phase in enumerate(PHASES)}
        phase = {t: phase_index.get(tp.phase, 1) for t, tp in self.touchpoints.items()}
        return order_journey(
            list(self.touchpoints),
            phase,
            self.journey_depth,
            self.journey.successors,
            self.journey.predecessors,
        )

    @cached_property
    def peak_emotion(self) -> int | None:
        """The emotion of the peak (`peak`): the highest of the journey, None without any.

        JRN004 reads this one: it needs no journey order, so the live check stays fast."""
        emotions = [tp.emotion for tp in self.touchpoints.values() if tp.emotion is not None]
        return max(emotions) if emotions else None

    @cached_property
    def peak(self) -> str | None:
        """The touchpoint with the highest emotion, the first in journey order among equals;
        None when no touchpoint has an emotion (the peak of the peak–end rule)."""
        high = self.peak_emotion
        if high is None:
            return None
        at_high = [t for t, tp in self.touchpoints.items() if tp.emotion == high]
        if len(at_high) == 1:
            return at_high[0]
        first = set(at_high)
        return next(t for t in self.journey_order if t in first)

    @cached_property
    def _to_end(self) -> Tree:
        """Shortest paths to the ends, walking the journey backwards."""
        return Tree(self.ends, self.journey.predecessors)

    def path_through(self, touchpoint: str, around: int | None = None) -> list[str]:
        """One shortest journey path from an entry, through `touchpoint`, to an end.

        With `around`, only the entry, the end and `around` steps either side of
        the touchpoint are kept, gaps shown as "…" (long journeys, short messages).
        """
        head = self._from_entry.walk(touchpoint, around)
        tail = self._to_end.walk(touchpoint, around)
        head.reverse()
        path = head + tail[1:]
        shown = [step for step in path if step != "…"]
        if len(set(shown)) < len(shown):
            # The shortest way in and the shortest way out cross (the journey loops):
            # look for a way out that avoids the way in, so the path repeats nothing.
            simple = self._simple_path_through(touchpoint)
            if simple is not None:
                return shorten(simple, touchpoint, around)
        return path

    def _simple_path_through(self, touchpoint: str) -> list[str] | None:
        """A path through `touchpoint` that repeats nothing: keep the shortest way in and
        search a way out that avoids it, or keep the shortest way out and search a way in."""
        head = self._from_entry.walk(touchpoint, None)
        head.reverse()
        tail = search(touchpoint, self.journey.successors, set(self.ends), set(head[:-1]))
        if tail is not None:
            return head + tail[1:]
        tail = self._to_end.walk(touchpoint, None)
        way_in = search(touchpoint, self.journey.predecessors, set(self.entries), set(tail[1:]))
        if way_in is not None:
            way_in.reverse()
            return way_in + tail[1:]
        return None

    # -- the whole design as one networkx graph (views, brief) --------------------

    @property
    def network(self) -> nx.MultiDiGraph:
        """Every node and typed edge of SPEC §3, for drawing and exploring
        (`cuecraft.core.network`), built on first use; motifs typed since it was last read
        are tagged in it now (`retag_later`)."""
        network = self._network
        if network is None:
            from cuecraft.core.network import build_network

            network = self._network = build_network(self)
            self._retag = None  # built as the design is now
        elif self._retag is not None:
            from cuecraft.core.network import retag_motifs

            owners, theme = self._retag
            self._retag = None
            retag_motifs(network, self, owners, theme)
        return network

    @property
    def retag_waiting(self) -> bool:
        """Whether motifs typed are still to be tagged in the network (`retag_later`)."""
        return self._retag is not None

    def retag_now(self) -> None:
        """Tag the motifs typed since in the network now (`retag_later`)."""
        if self._retag is not None:
            self.network  # noqa: B018 - reading it tags them

    def built_network(self) -> nx.MultiDiGraph | None:
        """The network if it was built (motifs typed since may not be tagged in it yet)."""
        return self._network

    def retag_later(self, owners: Iterable[str], theme: bool) -> None:
        """Motifs were typed into the items `owners` (and into the theme's list if `theme`):
        the network changes in place for them when it is next read, not at once. At
        10,000 cues that takes a keystroke several milliseconds, for a view that may not
        be on show (`cuecraft.core.network.retag_motifs`)."""
        if self._network is not None:
            waiting, theme_waiting = self._retag or (set(), False)
            self._retag = (waiting | set(owners), theme_waiting or theme)

    def network_without(self, kinds: frozenset[str]) -> nx.MultiDiGraph:
        """`network` without the nodes of some kinds (and their edges): the brief's graph
        page leaves out the blueprint's actions, which have a section of their own."""
        if not kinds:
            return self.network
        g = self.network
        keep = [n for n, data in g.nodes(data=True) if data.get("kind") not in kinds]
        return g.subgraph(keep)
