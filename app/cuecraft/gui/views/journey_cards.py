"""What each card of the journey says: name, zone, emotion, findings badge, guests' NPS.

The words are written in the current language when the cards are made: the view
makes them again when the language changes (`JourneyView.retranslate`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from cuecraft.core.feedback import describe
from cuecraft.core.findings import Finding
from cuecraft.core.i18n import _, current_language, ngettext, pgettext

from ._style import findings_tooltip, html_escape, join_names
from .journey_answers import Answers
from .journey_items import CardInfo, emotion_text, phase_title
from .journey_nps_chip import NpsChip, nps_chip, unknown_who

if TYPE_CHECKING:  # a type only: the checks load after the first frame
    from cuecraft.core.check import CheckResult


def card_infos(result: CheckResult, answers: Answers | None) -> list[CardInfo]:
    """One card per touchpoint, in the graph's journey order (unreachable ones last);
    with feedback, `answers` says whose NPS the chips show (journey_answers)."""
    concerns = touchpoint_findings(result)
    return [card_info(result, tp_id, concerns, answers) for tp_id in result.graph.journey_order]


def card_info(
    result: CheckResult,
    tp_id: str,
    concerns: dict[str, list[Finding]],
    answers: Answers | None,
) -> CardInfo:
    """The card of one touchpoint (`concerns`: `touchpoint_findings` of the result)."""
    graph = result.graph
    tp = graph.touchpoints[tp_id]
    found = [f for f in concerns.get(tp_id, []) if f.severity in ("error", "warning")]
    badge = "error" if any(f.severity == "error" for f in found) else ("warning" if found else None)
    zone = graph.zones.get(tp.zone or "")
    # TRANSLATORS: on a journey card whose touchpoint lies in no zone
    zone_name = (zone.name or zone.id) if zone else (tp.zone or _("no zone"))
    chip = nps_chip(answers, tp_id, tp.name) if answers is not None else None
    unreachable = tp_id not in graph.reachable
    return CardInfo(
        tp_id,
        tp.name or tp_id,
        zone_name,
        tp.phase,
        tp.emotion,
        badge,
        unreachable,
        _tooltip(
            tp_id,
            tp.name,
            tp.phase,
            zone_name,
            tp.emotion,
            unreachable,
            concerns.get(tp_id, []),
            chip,
        ),
        chip,
    )


def touchpoint_findings(result: CheckResult) -> dict[str, list[Finding]]:
    """Findings that concern each touchpoint.

    Those naming it, and ELI002 ("6 − 1 = 0") for every journey touchpoint
    where the offending negative cue is present: that is where the guest meets it.
    """
    graph = result.graph
    out: dict[str, list[Finding]] = {}
    for f in result.findings:
        concerned = {i for i in f.ids if i in graph.touchpoints}
        if f.code == "ELI002":
            for cue_id in f.ids:
                places = graph.cue_places.get(cue_id, set())
                concerned |= places & graph.on_entry_to_end_path
        for tp_id in concerned:
            out.setdefault(tp_id, []).append(f)
    return out


def _tooltip(
    tp_id: str,
    name: str,
    phase: str,
    zone: str,
    emotion: int | None,
    unreachable: bool,
    found: list[Finding],
    chip: NpsChip | None,
) -> str:
    """A card's tooltip, written once for what it says: the cards are made again at
    every check, and at 10,000 cues writing 2,000 tooltips took a third of a re-check."""
    language = current_language()
    return _written(language, tp_id, name, phase, zone, emotion, unreachable, tuple(found), chip)


@lru_cache(maxsize=16_384)
def _written(
    language: str,
    tp_id: str,
    name: str,
    phase: str,
    zone: str,
    emotion: int | None,
    unreachable: bool,
    found: tuple[Finding, ...],
    chip: NpsChip | None,
) -> str:
    where = f"{tp_id} · {phase_title(phase)} · {zone}"
    lines = [f"<b>{html_escape(name or tp_id)}</b>", f"<span>{html_escape(where)}</span>"]
    if emotion is not None:
        # TRANSLATORS: in a journey card's tooltip: the designed feeling, −3 … +3
        lines.append(html_escape(_("emotion {value}").format(value=emotion_text(emotion))))
    if chip is not None and chip.persona:
        said = describe(chip.result) if chip.known else unknown_who()
        # TRANSLATORS: in a journey card's tooltip: what one persona's answers say (NPS)
        lines.append(html_escape(_("{persona}: {nps}").format(persona=chip.persona, nps=said)))
    elif chip is not None:
        # TRANSLATORS: in a journey card's tooltip: what the guests' answers say (NPS)
        guests = _("guests: {nps}").format(nps=describe(chip.result))
        lines.append(html_escape(guests))
    if unreachable:
        unreached = _("not reachable from an entry of the journey")
        lines.append(f"<i>{html_escape(unreached)}</i>")
    if found:
        lines.append(findings_tooltip(list(found)))
    return "<br>".join(lines)


def journey_summary(
    infos: list[CardInfo],
    peak: str | None,
    ends: list[str],
    hotspots: list[str],
    persona: str = "",
) -> str:
    """The drawing told in words, for screen readers (`persona`: the one persona shown)."""
    names = {i.tp_id: i.name for i in infos}
    n = len(infos)
    parts = [ngettext("{n} touchpoint", "{n} touchpoints", n).format(n=n)]
    if persona:
        # TRANSLATORS: screen-reader summary of the journey while one persona is shown
        parts.insert(0, _("the journey of {persona}").format(persona=persona))
        skipped = [i.name for i in infos if i.skipped]
        if skipped:
            parts.append(_("skips {touchpoints}").format(touchpoints=join_names(skipped)))
    if peak:
        # TRANSLATORS: screen-reader summary of the journey: the emotion curve's peak
        parts.append(_("peak: {touchpoint}").format(touchpoint=names[peak]))
    if ends:
        ended = join_names(names[e] for e in ends if e in names)
        # TRANSLATORS: screen-reader summary of the journey: where it ends
        parts.append(_("end: {touchpoints}").format(touchpoints=ended))
    if hotspots:
        parts.append(
            _("detractor hotspot (NPS below 0): {touchpoints}").format(
                touchpoints=join_names(names[h] for h in hotspots)
            )
        )
    # TRANSLATORS: between the parts of the journey's screen-reader summary
    return pgettext("list separator", "; ").join(parts)
