"""Stage the service: BLU001, BLU002, BLU003, BLU004 (the service blueprint, SPEC §2.1).

Pine & Gilmore's theatre, Disney's "never take the head off in front of
guests", a fail point with its recovery script, the strict control of a
standard process, and Haidilao's filled waits, as checks on the blueprint.
"""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, ngettext
from cuecraft.core.model import Action
from cuecraft.core.reads import PRESENCE, Reads, fields
from cuecraft.core.words import lane_word

LONG_WAIT = 10  # minutes: a wait this long or longer is a wait point that must be filled (BLU004)
FILLED_WAIT = 2  # positive cues present that fill a long wait (BLU004)


READS: Reads = (
    PRESENCE
    | fields("actions", "lane", "zone", "fail", "recovery", "owner", "minutes")
    | fields("touchpoints", "wait")
    | fields("zones", "sees")
)


def check(graph: DesignGraph) -> list[Finding]:
    out: list[Finding] = []
    for action in graph.design.actions:
        seen = _in_sight(graph, action)
        if seen is not None:
            out.append(seen)
        if action.has_fail_point and not _said(action.recovery):
            out.append(
                finding(
                    "BLU002",
                    "warning",
                    _("the action “{action}” names a fail point but no recovery").format(
                        action=action.id
                    ),
                    (action.id,),
                    action,
                    _(
                        "write down what staff do when it goes wrong, so the guest is "
                        "recovered the same way every time"
                    ),
                    ("recovery",),
                )
            )
        if action.lane == "frontstage" and (not _said(action.owner) or action.minutes is None):
            out.append(_uncontrolled(action))
    out.extend(_empty_waits(graph))
    return out


def _said(text: str | None) -> bool:
    """Whether a text field holds words (blank counts as not written)."""
    return bool(text and text.strip())


def _in_sight(graph: DesignGraph, action: Action) -> Finding | None:
    """BLU001: a backstage or support action in a zone guests are in or can see."""
    zone = action.zone
    if not action.is_hidden or zone is None or zone not in graph.guest_sight:
        return None
    lane = lane_word(action.lane)
    if zone in graph.guest_zones:
        message = _(
            "never take the head off in front of guests: the {lane} action “{action}” happens "
            "in “{zone}”, where guests are"
        ).format(lane=lane, action=action.id, zone=zone)
    else:
        seen_from = sorted(graph.sees[zone] & graph.guest_zones, key=list(graph.zones).index)
        message = _(
            "never take the head off in front of guests: the {lane} action “{action}” happens "
            "in “{zone}”, which guests can see from “{seen_from}”"
        ).format(lane=lane, action=action.id, zone=zone, seen_from=seen_from[0])
    return finding(
        "BLU001",
        "error",
        message,
        (action.id, zone),
        action,
        _("move it out of the guests’ sight, or screen the place off from the guests"),
        ("zone", "lane"),
    )


def _uncontrolled(action: Action) -> Finding:
    """BLU003: a frontstage action without an owner or a standard time."""
    if not _said(action.owner) and action.minutes is None:
        message = _("the frontstage action “{action}” has no owner and no standard time")
        fields: tuple[str, ...] = ("owner", "minutes")
    elif not _said(action.owner):
        message = _("the frontstage action “{action}” has no owner")
        fields = ("owner",)
    else:
        message = _("the frontstage action “{action}” has no standard time")
        fields = ("minutes",)
    return finding(
        "BLU003",
        "warning",
        message.format(action=action.id),
        (action.id,),
        action,
        _(
            "strict control: name the team that answers for it and the minutes it should "
            "take, so it is done the same way every time"
        ),
        fields,
    )


def _empty_waits(graph: DesignGraph) -> list[Finding]:
    """BLU004: a touchpoint with a long wait and fewer than two positive cues present."""
    out = []
    for tp in graph.design.touchpoints:
        if tp.wait is None or tp.wait < LONG_WAIT:
            continue
        positive = {c.id for c in graph.cues_at.get(tp.id, ()) if not c.is_negative}
        if len(positive) >= FILLED_WAIT:
            continue
        out.append(
            finding(
                "BLU004",
                "warning",
                ngettext(
                    "an empty wait: guests wait {minutes} minutes at “{touchpoint}” with "
                    "{count} positive cue to fill it",
                    "an empty wait: guests wait {minutes} minutes at “{touchpoint}” with "
                    "{count} positive cues to fill it",
                    len(positive),
                ).format(minutes=tp.wait, touchpoint=tp.id, count=len(positive)),
                (tp.id,),
                tp,
                _(
                    "fill the wait with at least two positive cues (snacks, a show, something "
                    "to do), as Haidilao does, or shorten it"
                ),
            )
        )
    return out
