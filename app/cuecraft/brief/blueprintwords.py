"""The words of the brief's blueprint, in the brief's language: rows, lines, marks, times.

Made once per brief, inside the brief's language (`cuecraft.core.i18n.language`),
which also holds while the document is laid out and drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

from cuecraft.brief.options import SECTION_TITLES
from cuecraft.brief.words import capital, listing
from cuecraft.core.i18n import _, format_number, ngettext, pgettext
from cuecraft.core.model import Action
from cuecraft.core.words import lane_word


class Words:
    """Every word the blueprint drawing prints, in the language it was made in."""

    def __init__(self) -> None:
        self.title = _(SECTION_TITLES["blueprint"])
        self.rows = {
            "evidence": pgettext("blueprint row", "Physical evidence"),
            "customer": pgettext("blueprint row", "Customer actions"),
            **{lane: capital(lane_word(lane)) for lane in ("frontstage", "backstage", "support")},
        }
        self.lines = {
            "interaction": pgettext("blueprint line", "Line of interaction"),
            "visibility": pgettext("blueprint line", "Line of visibility"),
            "internal": pgettext("blueprint line", "Line of internal interaction"),
        }
        # TRANSLATORS: the mark of a fail point in the blueprint: one letter (F for “fail”)
        self.fail = pgettext("blueprint mark", "F")
        # TRANSLATORS: the column of a blueprint for actions that serve no touchpoint
        self.unplaced = pgettext("blueprint", "Not at a step")
        # TRANSLATORS: a wait point in the blueprint: “W” for wait, then its minutes
        self._wait = pgettext("blueprint mark", "W {minutes} min")
        self._minutes = pgettext("blueprint", "{minutes} min")
        self._tolerance = pgettext("blueprint", "{minutes} ± {tolerance} min")
        # TRANSLATORS: which touchpoints one page of the blueprint shows, e.g. “Steps 1–4 of 14”
        self._steps = pgettext("blueprint", "Steps {first}–{last} of {total}")
        # TRANSLATORS: a heading repeated at the top of a page, continued from the page before
        self._continued = _("{heading} (cont.)")
        # TRANSLATORS: between an action's owner and its standard time (“kitchen · 8 min”)
        self._joined = pgettext("blueprint", " · ")

    def more(self, n: int) -> str:
        # TRANSLATORS: the last line of a crowded blueprint cell: how many items are not shown
        return ngettext("+{n} more", "+{n} more", n).format(n=format_number(n))

    def steps(self, first: int, last: int, total: int) -> str:
        if first == last:
            return pgettext("blueprint", "Step {first} of {total}").format(
                first=format_number(first), total=format_number(total)
            )
        return self._steps.format(
            first=format_number(first), last=format_number(last), total=format_number(total)
        )

    def continued(self, heading: str) -> str:
        return self._continued.format(heading=heading)

    def wait(self, minutes: int) -> str:
        return self._wait.format(minutes=format_number(minutes))

    def minutes(self, action: Action) -> str:
        """An action's standard time and its tolerance: “8 ± 2 min”; "" without one."""
        minutes, tolerance = action.minutes, action.tolerance
        if minutes is None:
            return ""
        if tolerance:
            return self._tolerance.format(
                minutes=format_number(minutes), tolerance=format_number(tolerance)
            )
        return self._minutes.format(minutes=format_number(minutes))

    def joined(self, parts: Sequence[str]) -> str:
        return self._joined.join(parts)

    def also(self, steps: Sequence[int]) -> str:
        return ngettext("also at step {steps}", "also at steps {steps}", len(steps)).format(
            steps=listing([format_number(s) for s in steps])
        )

    def needs(self, names: Sequence[str]) -> str:
        # TRANSLATORS: under an action in the blueprint: the actions it depends on, by name
        return pgettext("blueprint", "needs: {actions}").format(actions=listing(list(names)))
