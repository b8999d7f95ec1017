"""The workbench's views, one per tab: their titles and how each is built.

Each view is imported and built when its tab is first shown (`MainWindow.view_at`): a
start draws the journey without waiting for the others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cuecraft.core.i18n import pgettext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from cuecraft.gui.document import Document


def _journey(document: Document) -> QWidget:
    from cuecraft.gui.views.journey import JourneyView

    return JourneyView(document)


def _blueprint(document: Document) -> QWidget:
    from cuecraft.gui.views.blueprint_view import BlueprintView

    return BlueprintView(document)


def _senses(document: Document) -> QWidget:
    from cuecraft.gui.views.sensory_map import SensoryMapView

    return SensoryMapView(document)


def _graph(document: Document) -> QWidget:
    from cuecraft.gui.views.graph_view import GraphView

    return GraphView(document)


def _value(document: Document) -> QWidget:
    from cuecraft.gui.views.value_view import ValueView

    return ValueView(document)


def _priorities(document: Document) -> QWidget:
    from cuecraft.gui.views.priority_matrix import PriorityMatrixView

    return PriorityMatrixView(document)


# (the English title, the key of `tab_title`; how to build the view), in tab order.
VIEWS: tuple[tuple[str, Callable[[Document], QWidget]], ...] = (
    ("Journey", _journey),
    ("Blueprint", _blueprint),
    ("Sensory map", _senses),
    ("Graph", _graph),
    ("Value", _value),
    ("Priorities", _priorities),
)

# The tabs' own words, short enough that six tabs fit a 1024-pixel window in every
# language (context "view tab": Polish "Ścieżka" in the tab, "Ścieżka gościa" elsewhere).
_TAB_TITLES = {
    "Journey": lambda: pgettext("view tab", "Journey"),
    "Blueprint": lambda: pgettext("view tab", "Blueprint"),
    "Sensory map": lambda: pgettext("view tab", "Sensory map"),
    "Graph": lambda: pgettext("view tab", "Graph"),
    "Value": lambda: pgettext("view tab", "Value"),
    "Priorities": lambda: pgettext("view tab", "Priorities"),
}


def tab_title(view: str) -> str:
    """A view's tab title in the current language."""
    return _TAB_TITLES[view]()
