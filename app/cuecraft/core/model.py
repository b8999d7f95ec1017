"""The design as plain dataclasses, in the words of the spec (SPEC §2).

Every object remembers where it came from in the file (`where`), so findings
can point into it, and carries the comments a person wrote around its keys
(`comments`), so a save writes them back with it. Neither takes part in
equality: a design loaded from a re-saved file is equal to the original even
though its lines moved, and a comment is not part of the design.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

FORMAT_VERSION = 1

PHASES = ("before", "during", "after")
SENSES = ("sight", "sound", "smell", "touch", "taste")
POLARITIES = ("positive", "negative")
SEVERITIES = ("low", "medium", "high")
STATUSES = ("open", "mitigating", "eliminated")
REALMS = ("entertainment", "educational", "escapist", "esthetic")
LANES = ("frontstage", "backstage", "support")  # the service blueprint's lanes (SPEC §2.1)
VALUE_STEPS = ("commodity", "goods", "service", "experience")
"""Pine & Gilmore's progression of economic value, lowest first (SPEC §2.3)."""
SECTIONS = ("zones", "touchpoints", "cues", "layers", "souvenirs", "actions", "personas")
"""The sections that hold id-carrying items, in the order a save writes them."""

DEFAULT_SEVERITY = "medium"
DEFAULT_STATUS = "open"


class Location(NamedTuple):
    """A 1-based line and column in the design file."""

    line: int
    column: int


Where = dict[str, Location]
"""Locations by key: "" is the object itself, "name" a field, "at[2]" a list item."""


def _where() -> Where:
    return {}


def _extra() -> dict[str, Any]:
    return {}


@dataclass
class Comments:
    """Comment lines around the keys of one mapping, kept from load to save.

    Keys are the mapping's keys as written ("name", "x-note"); "" is the
    mapping itself (for an item: the lines above its `- `). Whole-line comments
    are kept without their indentation ("# text"); "" stands for a blank line.
    An end-of-line comment keeps the spaces before its '#', so aligned comments
    stay aligned. The object lives on the item it describes, so deleting the
    item deletes its comments and renaming or moving it takes them along.
    """

    above: dict[str, list[str]] = field(default_factory=dict)
    """Lines above a key (or, for "", above the item)."""
    eol: dict[str, str] = field(default_factory=dict)
    """The comment at the end of a key's first line, spaces before '#' included."""
    end: dict[str, list[str]] = field(default_factory=dict)
    """Lines at the end of this mapping (""), or of the list under a key ("zones")."""

    def __bool__(self) -> bool:
        return bool(self.above or self.eol or self.end)


@dataclass
class Realms:
    """The four realms of an experience, each 0..3 (Pine & Gilmore)."""

    entertainment: int = 0
    educational: int = 0
    escapist: int = 0
    esthetic: int = 0

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in REALMS}


Amount = int | float
"""A price: a number ≥ 0 as written (`24` stays an int, `9.5` a float)."""


@dataclass
class Value:
    """The progression of economic value: what a guest pays at each step (SPEC §2.3)."""

    currency: str | None = None
    commodity: Amount | None = None  # the raw materials
    goods: Amount | None = None  # the product a guest could take home and use alone
    service: Amount | None = None  # the same delivered as a service
    experience: Amount | None = None  # staged as this experience
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)

    def __bool__(self) -> bool:
        """Whether the design says anything about its value (a price, a currency, a key)."""
        return (
            self.currency is not None
            or bool(self.extra)
            or any(getattr(self, step) is not None for step in VALUE_STEPS)
        )

    def premium(self) -> tuple[str, Amount] | None:
        """The experience's premium over the dearest step priced below it: (that step,
        experience − its price), which is 0 or less when there is no premium; on equal
        prices the step nearer the experience. None when the experience or every step
        below it is unpriced: nothing to compare."""
        if self.experience is None:
            return None
        below = [(step, price) for step, price in self.prices().items() if step != "experience"]
        if not below:
            return None
        step, price = max(reversed(below), key=lambda pair: pair[1])
        return step, self.experience - price

    def prices(self) -> dict[str, Amount]:
        """The steps priced, lowest step first: {"goods": 50, "experience": 100}."""
        out: dict[str, Amount] = {}
        for step in VALUE_STEPS:
            price = getattr(self, step)
            if price is not None:
                out[step] = price
        return out


@dataclass
class Theme:
    name: str
    tagline: str | None = None
    storyline: str | None = None
    motifs: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)
    realms: Realms = field(default_factory=Realms)
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)


@dataclass
class Zone:
    id: str
    name: str = ""
    sees: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)


@dataclass
class Touchpoint:
    id: str
    name: str = ""
    phase: str = "during"
    zone: str | None = None
    next: list[str] = field(default_factory=list)
    emotion: int | None = None
    wait: int | None = None  # expected minutes of waiting: a wait point of the blueprint
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)


@dataclass
class Cue:
    id: str
    text: str = ""
    polarity: str = "positive"
    senses: list[str] = field(default_factory=list)
    motifs: list[str] = field(default_factory=list)
    at: list[str] = field(default_factory=list)
    unique: bool = False
    conflicts: list[str] = field(default_factory=list)
    severity: str | None = None
    status: str | None = None
    remedy: str | None = None
    owner: str | None = None  # negative only: who answers for eliminating it
    effort: int | None = None  # negative only: 1..3, the cost of the remedy
    impact: int | None = None  # negative only: 1..3, how much guests suffer from it
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)

    @property
    def is_negative(self) -> bool:
        return self.polarity == "negative"

    @property
    def effective_severity(self) -> str:
        return self.severity or DEFAULT_SEVERITY

    @property
    def effective_status(self) -> str:
        return self.status or DEFAULT_STATUS

    @property
    def is_active(self) -> bool:
        """A cue is active unless it is a negative cue already eliminated."""
        return not (self.is_negative and self.effective_status == "eliminated")


@dataclass
class Layer:
    id: str
    sense: str = "sight"
    name: str = ""
    at: list[str] = field(default_factory=list)
    intensity: int = 1
    motifs: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)


@dataclass
class Souvenir:
    id: str
    name: str = ""
    motifs: list[str] = field(default_factory=list)
    evokes: list[str] = field(default_factory=list)
    at: list[str] = field(default_factory=list)
    price: Amount | None = None  # what guests pay for it
    plain_price: Amount | None = None  # what the same object costs without the memory
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)


@dataclass
class Action:
    """What staff or systems do to stage touchpoints: one line of the service blueprint."""

    id: str
    text: str = ""
    lane: str = "frontstage"
    at: list[str] = field(default_factory=list)  # the touchpoints it serves
    zone: str | None = None  # where it happens
    owner: str | None = None  # the team or role that answers for it
    minutes: int | None = None  # the standard time
    tolerance: int | None = None  # minutes of allowed deviation
    fail: str | None = None  # a fail point: what can go wrong
    recovery: str | None = None  # the service-recovery script
    needs: list[str] = field(default_factory=list)  # actions it depends on
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)

    @property
    def has_fail_point(self) -> bool:
        """Whether a fail point is written down (a blank `fail` is none)."""
        return bool(self.fail and self.fail.strip())

    @property
    def is_hidden(self) -> bool:
        """Behind the line of visibility: backstage or support."""
        return self.lane != "frontstage"


@dataclass
class Persona:
    """One kind of guest: the journey as they live it (SPEC §2.2).

    Their journey is the design's with the touchpoints they skip contracted, and their
    feelings are the touchpoints' emotions overridden by their own (`core/personas.py`).
    """

    id: str
    name: str = ""
    share: int | None = None  # percent of guests, 0..100
    skips: list[str] = field(default_factory=list)  # touchpoints this persona does not go through
    emotion: dict[str, int] = field(default_factory=dict)  # target emotion per touchpoint id
    extra: dict[str, Any] = field(default_factory=_extra)
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)


Item = Zone | Touchpoint | Cue | Layer | Souvenir | Action | Persona

KIND_OF: dict[type, str] = {
    Zone: "zone",
    Touchpoint: "touchpoint",
    Cue: "cue",
    Layer: "layer",
    Souvenir: "souvenir",
    Action: "action",
    Persona: "persona",
}


@dataclass
class Design:
    title: str
    theme: Theme
    client: str | None = None
    venue: str | None = None
    language: str | None = None
    value: Value = field(default_factory=Value)
    zones: list[Zone] = field(default_factory=list)
    touchpoints: list[Touchpoint] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    layers: list[Layer] = field(default_factory=list)
    souvenirs: list[Souvenir] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=_extra)
    preamble: str = ""
    """The comment block at the top of the file, kept on every save."""
    where: Where = field(default_factory=_where, compare=False, repr=False)
    comments: Comments | None = field(default=None, compare=False, repr=False)
    """Comments around the top-level keys; `end[""]` is the end of the file."""
    newline: str = field(default="\n", compare=False, repr=False)
    """The file's line ending ("\n" or "\r\n"), written back as found."""
    bom: bool = field(default=False, compare=False, repr=False)
    """Whether the file began with a UTF-8 byte-order mark, written back as found."""

    def items(self) -> list[Item]:
        """Every id-carrying item, in file order of the sections."""
        out: list[Item] = []
        out.extend(self.zones)
        out.extend(self.touchpoints)
        out.extend(self.cues)
        out.extend(self.layers)
        out.extend(self.souvenirs)
        out.extend(self.actions)
        out.extend(self.personas)
        return out

    def index(self) -> dict[str, Item]:
        """Items by id (ids are unique across the whole file)."""
        return {item.id: item for item in self.items()}


def kind_of(item: Item) -> str:
    """The designer's word for an item's kind: "zone", "cue", ..."""
    return KIND_OF[type(item)]
