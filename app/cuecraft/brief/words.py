"""The brief's own words in its language: value words, and sentences set as markup.

The brief is written inside `cuecraft.core.i18n.language(...)`, so every function
here answers in the brief's language. File-format values (`before`, `sight`,
`high`, `open`) stay codes in the design; only their display goes through here.
"""

from __future__ import annotations

from string import Formatter

from cuecraft.brief import fonts, text
from cuecraft.core.findings import principle_title, severity_title
from cuecraft.core.i18n import _, format_number, pgettext
from cuecraft.core.words import (
    phase_word,
    realm_word,
    sense_word,
    severity_word,
    status_word,
)


def phase(value: str) -> str:
    """A journey phase as a client reads it ("before" → "before the visit")."""
    return phase_word(value)


def sense(value: str) -> str:
    return sense_word(value)


def impact(value: str) -> str:
    """The severity of a negative cue: low, medium, high."""
    return severity_word(value)


def status(value: str) -> str:
    """The status of a negative cue: open, mitigating, eliminated."""
    return status_word(value)


def severity(value: str) -> str:
    """The severity of a finding: error, warning, info."""
    return severity_title(value)


def realm(value: str) -> str:
    """One of Pine & Gilmore's four realms, as a name ("Entertainment")."""
    known = value in ("entertainment", "educational", "esthetic", "escapist")
    return capital(realm_word(value)) if known else value


def principle(value: str) -> str:
    """A principle as the scorecard names it, short ("Harmonize")."""
    return principle_title(value)


def listing(items: list[str]) -> str:
    """Words joined as a list ("a, b, c"; "甲、乙、丙")."""
    # TRANSLATORS: between the items of a list of names or words
    return pgettext("list separator", ", ").join(items)


def sentences(*parts: str) -> str:
    """Sentences (text or markup alike) one after the other: a space between them in
    English and Polish, none in Chinese."""
    out = ""
    for part in parts:
        if not out:
            out = part
        elif part:
            # TRANSLATORS: two sentences one after the other (no space between them in Chinese)
            out = _("{first} {second}").format(first=out, second=part)
    return out


def capital(value: str) -> str:
    """The first letter in upper case (a value word as a table head); CJK unchanged."""
    return value[:1].upper() + value[1:]


def decimal(value: float) -> str:
    """A number as short as it can be written, in the brief's locale ("0.5", "0,5", "2")."""
    if float(value).is_integer():
        return format_number(value)
    for decimals in (1, 2, 3):
        if abs(round(value, decimals) - value) < 1e-9:
            return format_number(value, decimals)
    return format_number(value, 3)


def rich(template: str, base: str = fonts.TEXT, **values: str) -> str:
    """Paragraph markup of a translated `template`: its own words set literally (in a face
    that has each character), each `{name}` replaced by `values[name]`, already markup."""
    out: list[str] = []
    for literal, name, _spec, _conversion in Formatter().parse(template):
        if literal:
            out.append(text.markup(literal, base))
        if name is not None:
            out.append(values[name])
    return "".join(out)


def plain(value: str, base: str = fonts.TEXT) -> str:
    """Markup printing `value` as it is (user text or our own words)."""
    return text.markup(value, base)


def bold(value: str) -> str:
    """Markup printing `value` in bold."""
    return f"<b>{text.markup(value, fonts.BOLD)}</b>"
