"""Findings: what the checks say about a design, in the designer's words."""

from __future__ import annotations

from dataclasses import dataclass

from cuecraft.core.model import Item, Location

PRINCIPLES = ("theme", "harmonize", "eliminate", "memorabilia", "senses", "journey")
PRINCIPLE_OF_PREFIX = {
    "REF": "references",
    "THM": "theme",
    "HAR": "harmonize",
    "ELI": "eliminate",
    "MEM": "memorabilia",
    "SEN": "senses",
    "JRN": "journey",
    "FBK": "feedback",
}
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One thing a rule noticed: stable code, severity, message, ids, location, hint."""

    code: str
    severity: str  # error | warning | info
    message: str
    ids: tuple[str, ...]
    line: int
    column: int
    hint: str

    @property
    def principle(self) -> str:
        return PRINCIPLE_OF_PREFIX[self.code[:3]]

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "principle": self.principle,
            "message": self.message,
            "ids": list(self.ids),
            "line": self.line,
            "column": self.column,
            "hint": self.hint,
        }


def finding(
    code: str,
    severity: str,
    message: str,
    ids: tuple[str, ...] | list[str],
    where: Item | Location | None,
    hint: str,
) -> Finding:
    """A finding located at an item (its first line) or at an explicit location."""
    if where is None:
        loc = Location(1, 1)
    elif isinstance(where, Location):
        loc = where
    else:
        loc = where.where.get("", Location(1, 1))
    return Finding(code, severity, message, tuple(ids), loc.line, loc.column, hint)


def quote_list(ids: list[str] | tuple[str, ...]) -> str:
    """“a”, “b” and “c” — ids as a designer reads them in a sentence."""
    quoted = [f"“{i}”" for i in ids]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def matches(code: str, patterns: list[str]) -> bool:
    """Whether a code is selected by any pattern (a full code or a prefix such as ELI)."""
    return any(code.startswith(p) for p in patterns)
