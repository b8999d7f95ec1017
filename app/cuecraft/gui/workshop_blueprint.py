"""The workshop's Blueprint step: what staff and systems do at each touchpoint (SPEC §2.1).

The step stands on one touchpoint at a time, in the journey's order
(`DesignGraph.journey_order`, the one every view shows); ↑/↓ move to the previous or
next one (Page Up/Page Down and ←/→ keep moving between steps, as on every step). A
typed line is an action serving that touchpoint: `back: restock napkins @ kitchen` is a
backstage action done in the zone `kitchen` (core/capture.py reads it). The touchpoint's
actions are listed lane by lane, as the blueprint reads from the guest inwards.
"""

from __future__ import annotations

from cuecraft.core.capture import capture_action, zones_called
from cuecraft.core.edits import AddItem, Edit, new_id
from cuecraft.core.i18n import _, format_number, pgettext
from cuecraft.core.model import LANES, Action, Touchpoint
from cuecraft.core.names import short
from cuecraft.gui.document import Document
from cuecraft.gui.views.blueprint_words import fail_mark, row_title, wait_mark
from cuecraft.gui.widgets import unbroken
from cuecraft.gui.workshop_steps import some_ids, spellings
from cuecraft.gui.workshop_widgets import ACCENT, ERROR, QUIET, escape

# Latin characters of an action's text and of its zone's name on the projector.
ACTION_LIMIT = 80
ZONE_LIMIT = 40


def lane_words() -> dict[str, str]:
    """The lane words a facilitator may type before a colon in the current language (the
    English ones always count), each to its lane: {"zaplecze": "backstage", …}."""
    return spellings(
        {
            # TRANSLATORS: typed before a colon in the workshop to add a frontstage action
            # ("front: greet in character"); give several spellings separated by |
            "front": pgettext("lane typed in the workshop", "front"),
            # TRANSLATORS: typed before a colon to add a backstage action; spellings by |
            "back": pgettext("lane typed in the workshop", "back"),
            # TRANSLATORS: typed before a colon to add a support action; spellings by |
            "support": pgettext("lane typed in the workshop", "support"),
        }
    )


# The value each typed lane word stands for: "front" and "back" are short for the lanes.
_LANE_OF = {"front": "frontstage", "back": "backstage", "support": "support"}


class BlueprintStep:
    """The touchpoint the room is on, its actions, and the action a typed line adds."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.touchpoint_id: str | None = None

    # -- the touchpoint --------------------------------------------------------------------

    def order(self) -> list[str]:
        """The touchpoints' ids in journey order (one just added and not checked yet last)."""
        known = {tp.id for tp in self.document.design.touchpoints}
        ordered = [t for t in self.document.result.graph.journey_order if t in known]
        seen = set(ordered)
        return ordered + [tp.id for tp in self.document.design.touchpoints if tp.id not in seen]

    def current(self) -> Touchpoint | None:
        """The touchpoint the step stands on: the first of the journey until the room moves."""
        order = self.order()
        if self.touchpoint_id not in order:
            self.touchpoint_id = order[0] if order else None
        return next(
            (tp for tp in self.document.design.touchpoints if tp.id == self.touchpoint_id), None
        )

    def move(self, delta: int) -> None:
        """Stand on the previous (-1) or next (+1) touchpoint of the journey; stay at the ends."""
        order = self.order()
        if not order:
            return
        self.current()
        index = order.index(self.touchpoint_id) if self.touchpoint_id in order else 0
        self.touchpoint_id = order[max(0, min(len(order) - 1, index + delta))]

    def actions(self) -> list[Action]:
        """The actions serving the current touchpoint, in the design's order."""
        touchpoint = self.current()
        if touchpoint is None:
            return []
        return [a for a in self.document.design.actions if touchpoint.id in a.at]

    # -- showing ---------------------------------------------------------------------------

    def where_line(self) -> str:
        """Rich text: which touchpoint of how many, by name, and its wait point if any."""
        touchpoint = self.current()
        if touchpoint is None:
            return escape(_("No touchpoints yet: add one on the Journey step first."))
        order = self.order()
        # TRANSLATORS: the workshop's blueprint step stands on one touchpoint of the journey,
        # e.g. "Touchpoint 3 of 9: Check in at the podium"; ↑/↓ move to another
        where = _("Touchpoint {n} of {count}: {touchpoint}").format(
            n=format_number(order.index(touchpoint.id) + 1),
            count=format_number(len(order)),
            touchpoint=" ".join((touchpoint.name or touchpoint.id).split()),
        )
        shown = f"↑↓ {escape(where)}"
        if touchpoint.wait:
            shown += f"  <span style='color:{QUIET}'>{escape(wait_mark(touchpoint.wait))}</span>"
        return shown

    def lines(self) -> list[str]:
        """Rich-text lines: each lane's heading, then its actions, with F at a fail point; an
        empty lane is its heading and a dash. Long texts are shortened: the room needs the
        gist, the inspector has the whole."""
        actions = self.actions()
        zones = {z.id: z.name or z.id for z in self.document.design.zones}
        lines: list[str] = []
        for lane in LANES:
            heading = f"<b style='color:{ACCENT}'>{escape(row_title(lane))}</b>"
            in_lane = [a for a in actions if a.lane == lane]
            if not in_lane:
                lines.append(f"{heading}&nbsp;&nbsp;<span style='color:{QUIET}'>—</span>")
                continue
            lines.append(heading)
            for action in in_lane:
                line = "•&nbsp;" + escape(short(action.text or action.id, ACTION_LIMIT))
                if action.zone:
                    zone = short(zones.get(action.zone, action.zone), ZONE_LIMIT)
                    # The zone stays whole on one line, after the text or under it.
                    where = escape(unbroken(f"@ {zone}"))
                    line += f" <span style='color:{QUIET}'>{where}</span>"
                if action.has_fail_point:
                    line += f" <b style='color:{ERROR}'>{escape(fail_mark())}</b>"
                lines.append(line)
        return lines

    # -- capture ---------------------------------------------------------------------------

    def edit_for(self, line: str) -> Edit | str:
        """The action a typed line adds to the current touchpoint, or why it adds none."""
        touchpoint = self.current()
        if touchpoint is None:
            return _("No touchpoints yet: add one on the Journey step first.")
        words = {word: _LANE_OF[value] for word, value in lane_words().items()}
        typed = capture_action(line, words)
        if not typed.text:
            return _("Type what is done too, not only its lane or zone.")
        zone = None
        if typed.place is not None:
            design = self.document.design
            if not typed.place:
                return _("Type a zone's id or name after the @, or leave the @ out.")
            found = zones_called(design.zones, typed.place)
            if not found:
                # TRANSLATORS: a zone typed after @ in the workshop is not in the design;
                # {zones} lists the ids of those it has
                return _("There is no zone “{zone}”. Zones: {zones}").format(
                    zone=typed.place, zones=some_ids([z.id for z in design.zones])
                )
            if len(found) > 1:
                # TRANSLATORS: several zones have the name typed after @; {zones} are their ids
                return _("Several zones are called “{zone}”: type one's id ({zones}).").format(
                    zone=typed.place,
                    zones=pgettext("list separator", ", ").join(unbroken(z) for z in found),
                )
            zone = found[0]
        action = Action(
            new_id(self.document.design, "action"),
            typed.text,
            typed.lane,
            [touchpoint.id],
            zone=zone,
        )
        return AddItem("actions", action)

    def focus_ids(self) -> list[str]:
        """The items the room is looking at: the touchpoint and its actions."""
        touchpoint = self.current()
        return [] if touchpoint is None else [touchpoint.id, *(a.id for a in self.actions())]
