"""How a CSV cell names a touchpoint or a persona of the design: by its id or its name.

Survey tools export whatever the survey's author typed — "Check-In",
"arrival and  greeting", "Family with toddlers" — so a cell is matched to an
item's id, then to its name, ignoring case and runs of spaces. A value that
names nothing is kept as written (its first spelling) and reported, never
dropped: its rows still count.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Unmatched:
    """A CSV value that is neither an id nor a name in the design (kept as written)."""

    value: str
    rows: int
    first_line: int


class UnmatchedTouchpoint(Unmatched):
    """A touchpoint value that is neither an id nor a name in the design (kept as written)."""


class UnmatchedPersona(Unmatched):
    """A persona value that is neither a persona's id nor its name (kept as written)."""


class Names:
    """The ids and names of one kind of item, as a cell may give them.

    `resolved` caches a cell as written → its key, for the import's hot loop;
    `unknown` holds the values that named nothing, by the value kept.
    """

    def __init__(
        self,
        items: list[tuple[str, str]],
        unmatched: type[Unmatched],
        reserved: dict[str, str] | None = None,
    ) -> None:
        self.ids: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for item_id, _name in items:
            self.ids.setdefault(item_id.casefold(), item_id)
        for item_id, name in items:
            if name.strip():
                self.names.setdefault(" ".join(name.split()).casefold(), item_id)
        self.reserved = reserved or {}  # words with a meaning of their own (`_overall`)
        self.kind = unmatched
        self.resolved: dict[str, str] = {}
        self.unknown: dict[str, Unmatched] = {}

    def resolve(self, raw: str, line: int) -> str:
        """The key a cell stands for: an item's id, a reserved word's meaning, the value as
        written when it names nothing (first seen on `line`), or "" for a blank cell."""
        value = " ".join(raw.split())
        if not value:
            return ""
        folded = value.casefold()
        found = self.ids.get(folded) or self.names.get(folded) or self.reserved.get(folded)
        if found is not None:
            return found
        for key, seen in self.unknown.items():  # the same value in another case
            if key.casefold() == folded:
                return seen.value
        self.unknown[value] = self.kind(value, 0, line)
        return value
