"""The bundled fonts, so every script renders on a machine with no fonts of its own."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from cuecraft.resources import resource_dir

_done = False
# Faces only the PDF brief needs: the window draws Chinese bold from the regular face, and
# reading a 10 MB font before the design shows would cost the start its time.
BRIEF_ONLY = frozenset({"NotoSansSC-Bold.ttf"})


def register_bundled_fonts() -> None:
    """Make the bundled faces (Latin, Polish, Chinese, symbols) available and fall back on
    them for any family, so Chinese text never shows as boxes. Safe to call repeatedly."""
    global _done
    if _done:
        return
    _done = True
    families: list[str] = []
    for path in sorted(resource_dir("fonts").glob("*.tt[fc]")):
        if path.name in BRIEF_ONLY:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    # Latin and Polish from DejaVu Sans, then Chinese, then symbols: in that order.
    ordered = sorted(
        set(families), key=lambda f: (0 if "DejaVu" in f else 2 if "Symbola" in f else 1, f)
    )
    QFont.insertSubstitutions(QFont().family(), ordered)
