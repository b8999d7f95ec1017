"""Findings: what the checks say about a design, in the designer's words."""

from __future__ import annotations

from dataclasses import dataclass

from cuecraft.core.i18n import _, cldr_locale, current_language, pgettext
from cuecraft.core.model import Item, Location

PRINCIPLES = ("theme", "harmonize", "eliminate", "memorabilia", "senses", "journey")
STAGING = "staging"  # the seventh principle, scored when a design has a blueprint (actions)
ALL_PRINCIPLES = (*PRINCIPLES, STAGING)
GROUPS = ("merge", "references", *ALL_PRINCIPLES, "value", "feedback")
"""Findings grouped as every view shows them: unresolved merge conflicts and broken
references first (they make the rest unreliable), then the principles, the value the
guest pays for (not scored), guest feedback last."""
PRINCIPLE_OF_PREFIX = {
    "MRG": "merge",
    "REF": "references",
    "THM": "theme",
    "HAR": "harmonize",
    "ELI": "eliminate",
    "MEM": "memorabilia",
    "SEN": "senses",
    "JRN": "journey",
    "PER": "journey",
    "BLU": "staging",
    "VAL": "value",
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
    # The file keys the hint is about ("remedy", "status: eliminated"), for the design
    # team: shown after the hint where the file is edited (JSON, the findings panel, the
    # brief's appendix), never in the client's words. Keys are the same in every language.
    fields: tuple[str, ...] = ()

    @property
    def principle(self) -> str:
        return PRINCIPLE_OF_PREFIX[self.code[:3]]

    @property
    def designer_hint(self) -> str:
        """The hint with the file keys it is about: “add a remedy (remedy)”."""
        if not self.fields:
            return self.hint
        if current_language() == "en":
            return f"{self.hint} ({', '.join(self.fields)})"
        # TRANSLATORS: a hint and the file keys it is about, e.g. “write down how … (remedy)”
        return _("{hint} ({fields})").format(hint=self.hint, fields=_join(list(self.fields), False))

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "principle": self.principle,
            "message": self.message,
            "ids": list(self.ids),
            "line": self.line,
            "column": self.column,
            "hint": self.designer_hint,
            "fields": list(self.fields),
        }


def finding(
    code: str,
    severity: str,
    message: str,
    ids: tuple[str, ...] | list[str],
    where: Item | Location | None,
    hint: str,
    fields: tuple[str, ...] = (),
) -> Finding:
    """A finding located at an item (its first line) or at an explicit location; `fields`
    are the file keys the hint is about (see `Finding.fields`)."""
    if where is None:
        loc = Location(1, 1)
    elif isinstance(where, Location):
        loc = where
    else:
        loc = where.where.get("", Location(1, 1))
    return Finding(code, severity, message, tuple(ids), loc.line, loc.column, hint, fields)


def quote(name: str) -> str:
    """A name or id quoted the way the language quotes (“x” in English, „x” in Polish)."""
    if current_language() == "en":
        return f"“{name}”"
    # TRANSLATORS: quotation marks around a name or id inside a sentence
    return _("“{name}”").format(name=name)


def quote_list(
    ids: list[str] | tuple[str, ...], limit: int | None = None, alternatives: bool = False
) -> str:
    """“a”, “b” and “c” — ids as a designer reads them in a sentence, in the current
    language (CLDR list patterns: „a”, „b” i „c”; “a”、“b”和“c”); with `alternatives`,
    “a”, “b” or “c”. With `limit`, at most that many are named, then “… and more”."""
    more = limit is not None and len(ids) > limit
    shown = list(ids[:limit] if limit is not None else ids)
    english = current_language() == "en"
    quoted = [f"“{i}”" for i in shown] if english else [quote(i) for i in shown]
    if more:
        # TRANSLATORS: {list} is a list of quoted ids cut short, e.g. “a”, “b”, “c”
        return _("{list} and more").format(list=_join(quoted, english))
    if english:
        if len(quoted) <= 1:
            return "".join(quoted)
        return ", ".join(quoted[:-1]) + (" or " if alternatives else " and ") + quoted[-1]
    from babel.lists import format_list

    if alternatives:
        return str(format_list(quoted, style="or", locale=cldr_locale()))
    return str(format_list(quoted, locale=cldr_locale()))


def quote_join(ids: list[str] | tuple[str, ...]) -> str:
    """“a”, “b”, “c” — quoted ids joined as the middle of a list (no “and”), for a list that
    a sentence goes on from (“… and 3 more touchpoints”)."""
    english = current_language() == "en"
    return _join([f"“{i}”" if english else quote(i) for i in ids], english)


def _join(items: list[str], english: bool) -> str:
    """Items joined as the middle of a list in the current language (“, ” or “、”)."""
    if english or len(items) < 2:
        return ", ".join(items)
    from babel import Locale

    middle = str(Locale.parse(cldr_locale()).list_patterns["standard"]["middle"])
    out = items[0]
    for item in items[1:]:
        out = middle.format(out, item)
    return out


def principle_title(principle: str, full: bool = False) -> str:
    """The name of a principle (or `merge`, `references`, `value`, `feedback`, `overall`) in
    the current language: short as a scorecard row or findings group shows it ("Harmonize"), or with
    `full` as a heading names it ("Harmonize with positive cues"). The one table of these
    names for the workbench, the CLI and the brief; codes stay as they are."""
    if full:
        if principle == "merge":
            return pgettext("principle heading", "Merge conflicts")
        if principle == "references":
            return pgettext("principle heading", "References")
        if principle == "theme":
            return pgettext("principle heading", "Theme")
        if principle == "harmonize":
            return pgettext("principle heading", "Harmonize with positive cues")
        if principle == "eliminate":
            return pgettext("principle heading", "Eliminate negative cues")
        if principle == "memorabilia":
            return pgettext("principle heading", "Mix in memorabilia")
        if principle == "senses":
            return pgettext("principle heading", "Engage all five senses")
        if principle == "journey":
            return pgettext("principle heading", "Journey")
        if principle == "staging":
            return pgettext("principle heading", "Stage the service: the blueprint")
        if principle == "value":
            return pgettext("principle heading", "The value guests pay for")
        if principle == "feedback":
            return pgettext("principle heading", "Guest feedback")
    if principle == "merge":
        return pgettext("principle", "Merge conflicts")
    if principle == "references":
        return pgettext("principle", "References")
    if principle == "theme":
        return pgettext("principle", "Theme")
    if principle == "harmonize":
        return pgettext("principle", "Harmonize")
    if principle == "eliminate":
        return pgettext("principle", "Eliminate")
    if principle == "memorabilia":
        return pgettext("principle", "Memorabilia")
    if principle == "senses":
        return pgettext("principle", "Senses")
    if principle == "journey":
        return pgettext("principle", "Journey")
    if principle == "staging":
        return pgettext("principle", "Staging")
    if principle == "value":
        return pgettext("principle", "Value")
    if principle == "feedback":
        return pgettext("principle", "Guest feedback")
    if principle == "overall":
        return pgettext("principle", "Overall")
    return principle


def severity_title(severity: str) -> str:
    """The severity of a finding as people read it (error, warning, info); the code stays."""
    if severity == "error":
        return pgettext("finding severity", "error")
    if severity == "warning":
        return pgettext("finding severity", "warning")
    if severity == "info":
        return pgettext("finding severity", "info")
    return severity


def matches(code: str, patterns: list[str]) -> bool:
    """Whether a code is selected by any pattern (a full code or a prefix such as ELI)."""
    return any(code.startswith(p) for p in patterns)
