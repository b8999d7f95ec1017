"""Which characters a text of a design may hold, and how a message shows a value.

Text is stricter at the door than at the loader: an edit may not bring in a
character that YAML cannot hold as written (control characters other than tab
and line break, halves of surrogate pairs, U+FFFE/U+FFFF). The writer could
escape most of them, but they are invisible, come from pasting, and a lone
surrogate cannot be encoded at all. Files that already hold such a character
in a quoted escape still open, and an edit keeps what was already there (see
`text_problem`'s `kept`), so no field gets stuck. Characters YAML carries only
quoted (U+0085, U+2028, U+2029) are allowed: the writer quotes them.
"""

from __future__ import annotations

import re

from cuecraft.core.i18n import _

# Outside YAML's printable set, or C0 controls a person never means to type; tab and
# line break stay allowed. Found by one regex search, so a keystroke costs microseconds.
_REFUSED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Shown by their code in messages, so an invisible character can be found.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
SHOWN_MAX = 100


def shown(value: str) -> str:
    """A value as a message quotes it: invisible characters by their code, long ones cut."""
    text = _INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)
    return text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 1] + "…"


def _refused_character(char: str, name: str, position: int) -> str:
    code = ord(char)
    values = {"code": f"U+{code:04X}", "field": name, "position": position}
    if 0xD800 <= code <= 0xDFFF:
        return _(
            "{code} (half of a surrogate pair, not a character) cannot be saved in “{field}”: "
            "remove it (character {position})"
        ).format(**values)
    if code in (0xFFFE, 0xFFFF):
        return _(
            "{code} (not a character) cannot be saved in “{field}”: remove it "
            "(character {position})"
        ).format(**values)
    return _(
        "{code} (a control character) cannot be saved in “{field}”: remove it "
        "(character {position})"
    ).format(**values)


def text_problem(value: str, name: str, kept: str = "") -> str | None:
    """Why this text cannot be saved, naming the field and the character; else None.

    A refused character that also occurs in `kept` (the field's text before the edit)
    is let through: it came from the file, and editing around it must stay possible.
    """
    for found in _REFUSED.finditer(value):
        char = found.group()
        if char in kept:
            continue
        return _refused_character(char, name, found.start() + 1)
    return None
