"""One YAML value as the writer writes it: plain when that reads back as the same text,
else double-quoted with escapes, multi-line text as a literal block (`writer.py`)."""

from __future__ import annotations

import functools
import re

import yaml

from cuecraft.core.yamltree import Plain

# What must never appear as written (only escaped, in double quotes): characters outside
# YAML's printable set, a byte-order mark inside text, and the Unicode line breaks
# U+0085, U+2028 and U+2029, which YAML would read as the end of a line.
_PRINTABLE = re.compile(
    "[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\ufeff\u2028\u2029]"
)
_PLAIN_START_BAD = set("-?:,[]{}#&*!|>'\"%@`")
# Inside [a, b] PyYAML also refuses a plain ':' followed by anything but a space.
_FLOW_BAD = set(",[]{}:")
_RESOLVER = yaml.resolver.Resolver()
_ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\r": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


@functools.lru_cache(maxsize=65536)
def _plain_ok(text: str, flow: bool) -> bool:
    """Whether `text` can be written unquoted and still read back as this text."""
    if not text or text != text.strip() or text[0] in _PLAIN_START_BAD:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if flow and any(ch in _FLOW_BAD for ch in text):
        return False
    if _PRINTABLE.search(text) or "\n" in text or "\xa0" in text:
        return False
    if text.startswith(("---", "...")):
        return False
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`."""
    out = []
    for ch in text:
        escape = _ESCAPES.get(ch)
        if escape is not None:
            out.append(escape)
        elif _PRINTABLE.match(ch):
            code = ord(ch)
            out.append(
                f"\\x{code:02X}"
                if code < 0x100
                else f"\\u{code:04X}"
                if code < 0x10000
                else f"\\U{code:08X}"
            )
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def scalar(text: str, flow: bool = False) -> str:
    """One-line form of a text value: plain when safe, else double-quoted."""
    if isinstance(text, Plain) and plain_verbatim_ok(text, flow):
        return str(text)
    return text if _plain_ok(text, flow) else quoted(text)


def plain_verbatim_ok(text: str, flow: bool) -> bool:
    # A scalar that was plain in the source keeps its meaning only if still plain.
    if not text or text != text.strip() or _PRINTABLE.search(text) or "\n" in text:
        return False
    if text[0] in _PLAIN_START_BAD and not (len(text) > 1 and text[0] in "-?:" and text[1] != " "):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (flow and any(ch in _FLOW_BAD for ch in text))


def _block_ok(text: str) -> bool:
    if "\n" not in text or text[0] in " \n" or _PRINTABLE.search(text):
        return False
    if "\r" in text or "\t" in text:
        return False
    body = text.rstrip("\n")
    # Lines made only of spaces confuse indentation detection; trailing spaces survive.
    return "\n" in body or text.endswith("\n")


def text_value(text: str, indent: str) -> str:
    """A text field's value: a literal block for multi-line text, else one line."""
    if not _block_ok(text):
        return " " + scalar(text)
    body = text.rstrip("\n")
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    lines = body.split("\n") + [""] * (trailing - 1 if trailing > 1 else 0)
    inner = indent + "  "
    rendered = "\n".join(inner + line if line else "" for line in lines)
    return f" |{chomp}\n{rendered}"


def word_list(words: list[str]) -> str:
    return "[" + ", ".join(scalar(word, flow=True) for word in words) + "]"
