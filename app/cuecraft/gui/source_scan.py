"""PySide6 reads the source of every module imported after it, to learn whether the
module uses PySide6 (for its opt-in `from __feature__ import …`). It does so through
`inspect.getsource`, which tokenizes the whole file line by line: about a fifth of a
millisecond a module, 15 ms of a start that imports some 170 modules after Qt.

`scan_sources_quickly` answers the same question for a module with a plain `.py` file by
reading its bytes once and looking for the same word; any other module (no file, a
compiled or zipped one) still goes to PySide6's own check. The answer is the same: the
word is ASCII, and Python source is in an ASCII-compatible encoding.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

_FEATURE = "PySide6.support.feature"


def uses_pyside(module: ModuleType, slow: Any) -> bool:
    """Whether `module`'s source mentions PySide6, as PySide6's `_mod_uses_pyside` says."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return bool(slow(module))


def scan_sources_quickly() -> bool:
    """Install the quicker check in PySide6's import hook; False when this PySide6 has
    no such hook (nothing is changed then)."""
    feature: Any = sys.modules.get(_FEATURE)
    slow = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or slow is None or not hasattr(feature, "feature_imported"):
        return False
    if getattr(feature.feature_imported, "quick", False):
        return True

    def feature_imported(module: ModuleType) -> None:
        # PySide6's own, with the quicker scan: the flag of a module not seen before.
        name = getattr(module, "__name__", None)
        flags = feature.pyside_feature_dict
        if name is not None and name not in flags:
            flags[name] = 0 if uses_pyside(module, slow) else -1

    feature_imported.quick = True  # type: ignore[attr-defined]
    feature.feature_imported = feature_imported
    return True
