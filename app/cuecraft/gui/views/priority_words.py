"""The words of the priority matrix, in the language of the moment: its axes, cells and
legend, each chip's owner line and tooltip, the tab's summary and empty state.

Nothing here sorts or judges cues: the order and the numbers are the elimination
plan's (`core.plan.open_plan`), whether a cue has an owner is `core.plan.has_owner`
(as ELI004 decides it), and a chip warns about a missing owner only when a finding
(ELI004) says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cuecraft.core.findings import Finding
from cuecraft.core.i18n import _, ngettext, pgettext
from cuecraft.core.model import Cue, Design
from cuecraft.core.names import full_name
from cuecraft.core.plan import LEVELS, has_owner, open_plan, rated
from cuecraft.core.words import level_word, severity_word, status_word

from ._style import count_text, empty_html, html_escape

OWNER_RULE = "ELI004"  # an active negative cue of high severity has no owner


def capitalised(word: str) -> str:
    """A level word as a heading ("low" → "Low"); Chinese has no case and is unchanged."""
    return word[:1].upper() + word[1:]


@dataclass(frozen=True)
class MatrixWords:
    """Every word the drawing shows, in the language of the moment."""

    impact: str
    effort: str
    levels: dict[int, str]
    quick_wins: str
    tray: str
    tray_note: str
    legend: str
    severities: list[tuple[str, str]]
    numbers: str

    @classmethod
    def now(cls) -> MatrixWords:
        return cls(
            # TRANSLATORS: the priority matrix's vertical axis (its rows, high at the top)
            impact=_("Impact on guests"),
            # TRANSLATORS: the priority matrix's horizontal axis (its columns, low at the left)
            effort=_("Effort to remove"),
            levels={n: capitalised(level_word(n)) for n in LEVELS},
            # TRANSLATORS: the priority matrix's cell of high impact and low effort
            quick_wins=pgettext("priority matrix", "Quick wins"),
            # TRANSLATORS: the tray beside the priority matrix holding the cues without an
            # impact or an effort
            tray=_("Not rated yet"),
            tray_note=_("Drop a cue here to clear its impact and effort."),
            # TRANSLATORS: the priority matrix's legend, before the colours of the severities
            legend=pgettext("legend", "Severity"),
            severities=[(s, severity_word(s)) for s in ("high", "medium", "low")],
            # TRANSLATORS: the priority matrix's legend: what the number on each cue means
            numbers=_("place in the elimination plan"),
        )


@dataclass(frozen=True)
class ChipWords:
    """What one chip says."""

    cue: Cue
    number: int  # its place in the elimination plan, from 1
    meta: str  # the owner, or the words for none; with the status when mitigating
    owned: bool
    warned: bool  # a finding says it needs an owner (ELI004)
    tooltip: str


def _level(value: int | None) -> str:
    # TRANSLATORS: a negative cue's impact or effort nobody has estimated yet
    return level_word(value) if value is not None else pgettext("impact or effort", "not rated")


def chip_words(cue: Cue, number: int, warning: str) -> ChipWords:
    """What the chip of one cue says, and its tooltip (`warning`: a finding's message)."""
    owned = has_owner(cue)
    # TRANSLATORS: on a chip of the priority matrix: nobody answers for removing the cue
    meta = " ".join((cue.owner or "").split()) if owned else _("no owner")
    if cue.effective_status == "mitigating":
        meta = f"{meta} · {status_word('mitigating')}"
    facts = [
        pgettext("priority matrix", "Severity: {value}").format(
            value=severity_word(cue.effective_severity)
        ),
        pgettext("priority matrix", "Impact: {value}").format(value=_level(cue.impact)),
        pgettext("priority matrix", "Effort: {value}").format(value=_level(cue.effort)),
    ]
    lines = [f"<b>{html_escape(full_name(cue))}</b>", html_escape(" · ".join(facts))]
    if owned:
        owner = pgettext("priority matrix", "Owner: {value}").format(value=cue.owner)
        lines.append(html_escape(owner))
    if cue.remedy:
        remedy = pgettext("priority matrix", "Remedy: {value}").format(value=cue.remedy)
        lines.append(html_escape(remedy))
    if warning:
        lines.append(f"<i>{html_escape(warning)}</i>")
    return ChipWords(cue, number, meta, owned, bool(warning), "<br>".join(lines))


def owner_warnings(findings: Iterable[Finding]) -> dict[str, str]:
    """The findings the chips show (a cue nobody answers for): message by cue id."""
    warnings: dict[str, str] = {}
    for finding in findings:
        if finding.code == OWNER_RULE:
            for item_id in finding.ids:
                warnings.setdefault(item_id, finding.message)
    return warnings


def matrix_cards(design: Design, findings: Iterable[Finding]) -> list[ChipWords]:
    """A chip's words for each open negative cue, in plan order, numbered from 1."""
    warnings = owner_warnings(findings)
    return [
        chip_words(cue, number, warnings.get(cue.id, ""))
        for number, cue in enumerate(open_plan(design), start=1)
    ]


def empty_text(any_negative: bool) -> str:
    """What the tab says with no open negative cue."""
    if any_negative:
        return empty_html(
            _("Nothing left to eliminate"),
            _("Every negative cue of this design is eliminated."),
        )
    return empty_html(
        _("No negative cues to eliminate"),
        _(
            "Add the negative cues that spoil the experience with Edit ▸ Add ▸ Negative cue; "
            "here they are ranked by their impact on guests and the effort to remove them."
        ),
    )


def hint_text() -> str:
    return _("Drag a cue to rate it, or use the arrow keys.")


def keys_text() -> str:
    return _("Arrow keys move the selected cue one cell; Page Up and Page Down select another.")


def summary_parts(plan: list[Cue]) -> list[tuple[str, str]]:
    """The summary's parts, each with what it counts ("open", "waiting", "ownerless"):
    "6 open negative cues", "2 not rated yet", "1 without an owner"."""
    waiting = sum(1 for cue in plan if not rated(cue))
    ownerless = sum(1 for cue in plan if not has_owner(cue))
    # TRANSLATORS: the priority matrix's summary: the cues still to eliminate
    opened = ngettext("{n} open negative cue", "{n} open negative cues", len(plan))
    parts = [("open", opened.format(n=count_text(len(plan))))]
    if waiting:
        # TRANSLATORS: the priority matrix's summary: cues without an impact or an effort
        not_rated = ngettext("{n} not rated yet", "{n} not rated yet", waiting)
        parts.append(("waiting", not_rated.format(n=count_text(waiting))))
    if ownerless:
        # TRANSLATORS: the priority matrix's summary: cues nobody answers for
        no_owner = ngettext("{n} without an owner", "{n} without an owner", ownerless)
        parts.append(("ownerless", no_owner.format(n=count_text(ownerless))))
    return parts


def summary_text(plan: list[Cue]) -> str:
    """ "6 open negative cues · 2 not rated yet · 1 without an owner"."""
    return " · ".join(text for _kind, text in summary_parts(plan))
