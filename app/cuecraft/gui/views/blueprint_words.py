"""The words of the blueprint drawing, in the current language when asked for.

Row and line names are the terms of the service-blueprint literature (Shostack 1984;
Bitner, Ostrom & Morgan 2008); the tooltips say what a card, a fail point and a wait
point are, with names, never ids.
"""

from __future__ import annotations

from cuecraft.core.i18n import _, ngettext, pgettext
from cuecraft.core.model import Action, Touchpoint
from cuecraft.core.words import lane_word, phase_word

from ._style import count_text, html_escape, join_names


def row_title(row: str) -> str:
    """The heading of a row of the blueprint."""
    if row == "evidence":
        return pgettext("blueprint row", "Physical evidence")
    if row == "customer":
        return pgettext("blueprint row", "Customer actions")
    if row == "frontstage":
        return pgettext("blueprint row", "Frontstage")
    if row == "backstage":
        return pgettext("blueprint row", "Backstage")
    if row == "support":
        return pgettext("blueprint row", "Support processes")
    return row


def line_title(line: str) -> str:
    """The name of one of the three lines of a blueprint."""
    if line == "interaction":
        return pgettext("blueprint line", "Line of interaction")
    if line == "visibility":
        return pgettext("blueprint line", "Line of visibility")
    if line == "internal":
        return pgettext("blueprint line", "Line of internal interaction")
    return line


def no_step_title() -> str:
    # TRANSLATORS: the heading of the blueprint's last column: actions that serve no touchpoint
    return _("Serves no step")


def minutes_text(minutes: int, tolerance: int | None = None) -> str:
    """ "2 min", "2 ± 1 min": a standard time."""
    if tolerance:
        # TRANSLATORS: an action's standard time and its allowed deviation, in minutes
        return _("{minutes} ± {tolerance} min").format(
            minutes=count_text(minutes), tolerance=count_text(tolerance)
        )
    # TRANSLATORS: an action's standard time in minutes
    return _("{minutes} min").format(minutes=count_text(minutes))


def wait_mark(minutes: int) -> str:
    # TRANSLATORS: the mark of a wait point on a touchpoint ("W 20 min"); W for "wait"
    return _("W {minutes} min").format(minutes=count_text(minutes))


def fail_mark() -> str:
    # TRANSLATORS: the one-letter mark of a fail point on a blueprint action; F for "fail"
    return pgettext("blueprint mark", "F")


def more_text(n: int) -> str:
    # TRANSLATORS: under the physical evidence of a step, how many more cues there are
    return _("+{n} more").format(n=count_text(n))


def action_meta(action: Action) -> str:
    """The small line under an action's text: its owner and standard time."""
    parts = []
    if action.owner:
        parts.append(" ".join(action.owner.split()))
    if action.minutes is not None:
        parts.append(minutes_text(action.minutes, action.tolerance))
    return " · ".join(parts)


def fail_tooltip(action: Action) -> str:
    """Rich text: what can go wrong, and the recovery (or that there is none)."""
    fail = html_escape(" ".join((action.fail or "").split()))
    # TRANSLATORS: the label before a blueprint action's fail point (what can go wrong)
    label = html_escape(_("Fail point:"))
    lines = [f"<b>{label}</b> {fail}"]
    if action.recovery:
        recovery = html_escape(" ".join(action.recovery.split()))
        # TRANSLATORS: the label before a fail point's service-recovery script
        label = html_escape(_("Recovery:"))
        lines.append(f"<b>{label}</b> {recovery}")
    else:
        lines.append(html_escape(_("No recovery written yet.")))
    return "<br>".join(lines)


def wait_tooltip(minutes: int) -> str:
    return html_escape(
        # TRANSLATORS: the tooltip of a wait point (W) on a touchpoint of the blueprint
        ngettext(
            "Wait point: guests wait about {minutes} minute here.",
            "Wait point: guests wait about {minutes} minutes here.",
            minutes,
        ).format(minutes=count_text(minutes))
    )


def touchpoint_tooltip(touchpoint: Touchpoint, name: str) -> str:
    lines = [f"<b>{html_escape(name)}</b>", html_escape(phase_word(touchpoint.phase))]
    if touchpoint.wait:
        lines.append(wait_tooltip(touchpoint.wait))
    return "<br>".join(lines)


def action_tooltip(action: Action, text: str, zone: str, served: list[str]) -> str:
    """Rich text: the action's whole text, lane, owner and time, where, what it serves."""
    lines = [f"<b>{html_escape(text)}</b>", html_escape(lane_word(action.lane))]
    meta = action_meta(action)
    if meta:
        lines.append(html_escape(meta))
    if zone:
        # TRANSLATORS: where a blueprint action happens (a zone's name)
        lines.append(html_escape(_("Where: {zone}").format(zone=zone)))
    if served:
        # TRANSLATORS: the touchpoints a blueprint action serves (their names)
        lines.append(html_escape(_("Serves: {steps}").format(steps=join_names(served))))
    if action.has_fail_point:
        lines.append(fail_tooltip(action))
    return "<br>".join(lines)
