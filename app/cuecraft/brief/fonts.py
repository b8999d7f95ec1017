"""The embedded faces of the brief and which one draws each character.

reportlab embeds TrueType outlines only, and prints a missing glyph as an
empty box without a word, so the brief never trusts one face with a user's
text: every character is drawn by the first bundled face whose cmap has it.

- DejaVu Sans (regular and bold): Latin with Polish, Greek, Cyrillic, many
  symbols and a few emoji. The one text face of the brief.
- WenQuanYi Micro Hei: Chinese (and Japanese kana, Korean hangul).
- Noto Sans SC Bold: Chinese in bold text (headings, labels, bold runs), so a
  Chinese heading has the weight of a Latin one. A character it lacks falls
  back to WenQuanYi. Latin bold stays DejaVu Sans Bold.
- Symbola: the emoji of Unicode 9 and other symbols, in monochrome outlines.

Which faces back up a character depends on the face the text is set in: text
in `BOLD` looks in `CJK_BOLD` first, text in `TEXT` in `CJK`. Inside paragraph
markup a `<font face=...>` tag resets reportlab's bold flag, so the bold cut
is always named explicitly (`bold_of`), never left to `<b>`.

A character none of them has (a newer emoji, a rare script) is drawn in the
text face, which shows the empty box but keeps the character in the text
layer, so it still searches and copies as typed. Registration happens once per
process, under a lock: the workbench exports from a background thread, and
reportlab's font registry is the only global state the brief touches.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cuecraft.resources import resource_dir

TEXT = "CuecraftSans"
BOLD = "CuecraftSans-Bold"
CJK = "CuecraftCJK"
CJK_BOLD = "CuecraftCJK-Bold"
SYMBOLS = "CuecraftSymbols"


@dataclass(frozen=True)
class _Face:
    name: str
    file: str
    subfont: int = 0


_TEXT_FACES = (_Face(TEXT, "DejaVuSans.ttf"), _Face(BOLD, "DejaVuSans-Bold.ttf"))
# Loaded only when a text needs them: the Chinese faces take 0.05-0.1 s each to read.
_FACES = {
    CJK: _Face(CJK, "wqy-microhei.ttc", 0),
    CJK_BOLD: _Face(CJK_BOLD, "NotoSansSC-Bold.ttf"),
    SYMBOLS: _Face(SYMBOLS, "Symbola.ttf"),
}
# The faces that back up a character the base face lacks, in order, per base face.
_FALLBACKS = {TEXT: (CJK, SYMBOLS), BOLD: (CJK_BOLD, CJK, SYMBOLS)}
_BOLD_OF = {TEXT: BOLD, BOLD: BOLD, CJK: CJK_BOLD, CJK_BOLD: CJK_BOLD}

# Zero-width joiner and the text/emoji variation selectors.
_JOINERS = frozenset((0x200D, 0xFE0E, 0xFE0F))

_lock = threading.RLock()
_registered: set[str] = set()
_cmaps: dict[str, frozenset[int]] = {}
_face_of_char: dict[tuple[str, int], str] = {}


_WIDE_CODE = re.compile(r"^<([0-9A-F]{2})> <([0-9A-F]{5,6})>$", re.MULTILINE)


def _utf16(match: re.Match[str]) -> str:
    code = int(match.group(2), 16) - 0x10000
    return f"<{match.group(1)}> <{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}>"


class EmbeddedFont(TTFont):  # type: ignore[misc]
    """A TrueType face whose text layer maps emoji back to themselves.

    reportlab writes a character beyond U+FFFF into the ToUnicode map as its
    bare code (`<1F600>`), which readers reject, so copy and paste and search
    lose every emoji. PDF wants UTF-16 there: a surrogate pair.
    """

    def addObjects(self, doc: object) -> None:
        super().addObjects(doc)
        for key, obj in doc.idToObject.items():  # type: ignore[attr-defined]
            if isinstance(key, str) and key.startswith("toUnicodeCMap:"):
                content = getattr(obj, "content", None)
                if isinstance(content, str) and _WIDE_CODE.search(content):
                    obj.content = _WIDE_CODE.sub(_utf16, content)


class FontMissingError(RuntimeError):
    """A bundled font file is missing: the installation is broken."""


def _register(face: _Face) -> None:
    with _lock:
        if face.name in _registered:
            return
        path = resource_dir("fonts") / face.file
        if not path.is_file():
            raise FontMissingError(f"the bundled font {path} is missing; reinstall Cuecraft")
        font = EmbeddedFont(face.name, str(path), subfontIndex=face.subfont)
        pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            face.name, normal=face.name, bold=face.name, italic=face.name, boldItalic=face.name
        )
        _cmaps[face.name] = frozenset(font.face.charToGlyph)
        _registered.add(face.name)
        if face.name in (CJK, CJK_BOLD):
            # Both Chinese cuts at once: `<b>` on text in the Chinese face takes the bold one.
            _register(_FACES[CJK_BOLD if face.name == CJK else CJK])
            pdfmetrics.registerFontFamily(
                CJK, normal=CJK, bold=CJK_BOLD, italic=CJK, boldItalic=CJK_BOLD
            )


def register_text_faces() -> None:
    """Register the text face, regular and bold: from any thread, any number of times."""
    if TEXT in _registered and BOLD in _registered:
        return
    with _lock:
        for face in _TEXT_FACES:
            _register(face)
        # <b> inside a paragraph set in the text face switches to the bold cut.
        pdfmetrics.registerFontFamily(TEXT, normal=TEXT, bold=BOLD, italic=TEXT, boldItalic=BOLD)


def _fallback_for(char: int, base: str) -> str | None:
    for name in _FALLBACKS.get(base, _FALLBACKS[TEXT]):
        _register(_FACES[name])
        if char in _cmaps[name]:
            return name
    return None


def bold_of(face: str) -> str:
    """The bold cut of a bundled face (the face itself if it has none)."""
    return _BOLD_OF.get(face, face)


def register_cjk_faces() -> None:
    """Register the Chinese faces, regular and bold (done on demand by `face_for`)."""
    _register(_FACES[CJK])


def face_for(char: str, base: str) -> str:
    """The face that draws `char` in text set in `base` (TEXT or BOLD)."""
    code = ord(char)
    key = (base, code)
    found = _face_of_char.get(key)
    if found is not None:
        return found
    register_text_faces()
    found = base if code in _cmaps[base] or code < 0x20 else (_fallback_for(code, base) or base)
    _face_of_char[key] = found
    return found


# Chinese, Japanese and Korean characters (and their punctuation and full-width forms).
CJK_RANGES = (
    "\u1100-\u11ff\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f"
    "\u3190-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7af"
    "\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\ufe50-\ufe6f\uff00-\uffef"
    "\U00020000-\U0003ffff"
)
_CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
# Punctuation Chinese and Latin text share, which the text face would draw the Latin way
# (narrow quotes, an ellipsis on the baseline): beside Chinese it takes the Chinese face,
# full-width as Chinese typesetting wants it.
SHARED_PUNCTUATION = "“”‘’…—·"
_SHARED = re.compile(f"[{SHARED_PUNCTUATION}]")
_QUOTES = re.compile("[“”‘’]")


def _shared_in_cjk(text: str, base: str) -> dict[int, str]:
    """The Chinese face for each shared punctuation mark next to Chinese text."""
    cjk_face = _FALLBACKS.get(base, _FALLBACKS[TEXT])[0]
    out: dict[int, str] = {}
    n = len(text)
    for match in _SHARED.finditer(text):
        i = match.start()
        left, right = i - 1, i + 1
        while left >= 0 and text[left] in SHARED_PUNCTUATION:
            left -= 1
        while right < n and text[right] in SHARED_PUNCTUATION:
            right += 1
        if (left >= 0 and _CJK_CHAR.match(text[left])) or (
            right < n and _CJK_CHAR.match(text[right])
        ):
            out[i] = cjk_face
    # A pair of quotes is drawn alike: “Wi-Fi”，with the closing one beside Chinese.
    opened: list[int] = []
    for match in _QUOTES.finditer(text):
        i = match.start()
        if text[i] in "“‘":
            opened.append(i)
        elif opened:
            j = opened.pop()
            if i in out or j in out:
                out[i] = out[j] = cjk_face
    if out:
        _register(_FACES[cjk_face])
    return out


def runs(text: str, base: str = TEXT) -> list[tuple[str, str]]:
    """`text` cut into (face, chunk) runs, each chunk drawable by its face."""
    if not text:
        return []
    if text.isascii():
        return [(base, text)]
    chosen = _shared_in_cjk(text, base) if _SHARED.search(text) else {}
    out: list[tuple[str, str]] = []
    start = 0
    current = chosen.get(0) or face_for(text[0], base)
    for i in range(1, len(text)):
        code = ord(text[i])
        if (code in _JOINERS or 0x300 <= code < 0x370) and code in _cmaps.get(current, ()):
            continue  # a joiner or accent stays with the character it modifies
        face = chosen.get(i) or face_for(text[i], base)
        if face != current:
            out.append((current, text[start:i]))
            start, current = i, face
    out.append((current, text[start:]))
    return out


def is_registered(name: str) -> bool:
    """Whether a face is registered in this process (for tests and diagnostics)."""
    return name in _registered
