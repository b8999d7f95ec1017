"""The central views of the workbench: journey, blueprint, sensory map, consistency graph,
value and priorities.

Each view takes the `Document`, redraws when its checks are fresh
(`document.checked`) and when the selection moves, and changes the design
only by pushing edits on the document's undo stack.

The package imports none of them itself: a start imports the journey alone, and each
other view when its tab is first shown (gui/view_tabs.py). `from cuecraft.gui.views
import GraphView` still works, importing that view then.
"""

from __future__ import annotations

import importlib
from typing import Any

_MODULES = {
    "GraphView": "cuecraft.gui.views.graph_view",
    "JourneyView": "cuecraft.gui.views.journey",
    "SensoryMapView": "cuecraft.gui.views.sensory_map",
}

__all__ = ["GraphView", "JourneyView", "SensoryMapView"]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
