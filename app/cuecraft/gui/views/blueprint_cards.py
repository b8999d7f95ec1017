"""What each card of the blueprint says: the words of its chips, cards and headings and
their tooltips, worked out one item at a time, for the drawing (`BlueprintScene.build`)
and for words changed in place while someone types (`BlueprintScene.refresh`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Action, Touchpoint
from cuecraft.core.names import full_name, label_lines

from . import blueprint_words as words
from ._style import html_escape
from .blueprint_items import NAME_LINES, PAD, BlueprintStyle

COLUMN = 190.0  # a column's width
TEXT_LINES = 3  # an action's text wraps to three lines before it is shortened


def cue_line(name: str, metrics: QFontMetricsF) -> str:
    """A cue's name on its evidence chip: one line, cut with "…"."""
    return metrics.elidedText(name, Qt.TextElideMode.ElideRight, COLUMN - 2 * PAD)


def head_lines(tp: Touchpoint, style: BlueprintStyle) -> list[str]:
    """A step's name in its column's heading."""
    return label_lines(full_name(tp), fitting(style.bold, COLUMN - 34), NAME_LINES)


def step_lines(tp: Touchpoint, style: BlueprintStyle) -> list[str]:
    """A touchpoint's name on its card in the customer row."""
    return label_lines(full_name(tp), fitting(style.bold, COLUMN - 2 * PAD), NAME_LINES)


def ghost_lines(action: Action, style: BlueprintStyle) -> list[str]:
    """An action's name on the dashed card in a further column it serves."""
    return label_lines("↪ " + full_name(action), fitting(style.text, COLUMN - 2 * PAD), 1)


def action_tip(graph: DesignGraph, action_id: str) -> str:
    """An action card's tooltip: its words, lane, zone and the steps it serves."""
    action = graph.actions[action_id]
    served = [full_name(graph.touchpoints[t]) for t in graph.action_at[action_id]]
    zone = graph.zones.get(action.zone or "")
    return words.action_tooltip(action, full_name(action), full_name(zone) if zone else "", served)


def more_tip(graph: DesignGraph, listed: list[str]) -> str:
    """The tooltip of a step's "+3 more": the names of the cues it counts (the first 12)."""
    return "<br>".join(html_escape(full_name(graph.cues[c])) for c in listed)


def fitting(font: QFont, width: float) -> Callable[[str], bool]:
    """Whether a line of text fits `width` in `font` (the measure `label_lines` takes)."""
    metrics = QFontMetricsF(font)
    return lambda text: metrics.horizontalAdvance(text) <= width


def cue_tip(text: str) -> str:
    return html_escape(text)
