"""What `cuecraft feedback show` and `import` print: the NPS tables (per touchpoint, per
persona, per persona × touchpoint), the strongest comments, the FBK findings and the JSON
document (docs/feedback.md). `feedbackcmd.py` reads the files and runs the commands."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from cuecraft.core.i18n import _, pgettext

if TYPE_CHECKING:  # the core (networkx) is imported only when a command runs
    from cuecraft.core.feedback import (
        Feedback,
        Nps,
        PersonaAnswers,
        TouchpointFeedback,
    )
    from cuecraft.core.graph import DesignGraph
    from cuecraft.core.personas import PersonaJourney

JSON_FORMAT_VERSION = 1


def _rows(graph: DesignGraph, feedback: Feedback) -> list[tuple[str, str, Nps]]:
    """(key, label, NPS) per design touchpoint, then unknown touchpoints, then no touchpoint."""
    from cuecraft.core.feedback import OVERALL

    rows = [(tp, tp, feedback.nps_at(tp)) for tp in graph.touchpoints]
    for key, bucket in feedback.touchpoints.items():
        if key != OVERALL and key not in graph.touchpoints:
            rows.append((key, _("{key} (not in the design)").format(key=key), bucket.nps))
    if OVERALL in feedback.touchpoints:
        rows.append((OVERALL, _("(no touchpoint)"), feedback.nps_at(OVERALL)))
    return rows


def count(n: int) -> str:
    """A whole number in the language's form (thousands separated)."""
    from cuecraft.core.i18n import format_number

    return format_number(n)


def format_percent(share: float) -> str:
    from cuecraft.core.i18n import format_percent as cldr_percent

    return cldr_percent(share)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def _share(result: Nps, group: str) -> str:
    share = result.share(group)
    return "—" if share is None else format_percent(share / 100)


def _nps_cells(result: Nps) -> tuple[str, ...]:
    """The columns after a row's label and emotion: answers, NPS, interval, the three shares."""
    from cuecraft.core.feedback import signed

    interval = (
        ""
        if result.low is None
        else _("{low} to {high}").format(low=signed(result.low), high=signed(result.high))
    )
    return (
        count(result.responses),
        signed(result.score),
        interval,
        _share(result, "promoters"),
        _share(result, "passives"),
        _share(result, "detractors"),
    )


def _nps_header(first: str, second: str) -> tuple[str, ...]:
    return (
        first,
        second,
        _("answers"),
        _("NPS"),
        _("95% CI"),
        _("promoters"),
        _("passives"),
        _("detractors"),
    )


def _print_grid(lines: list[tuple[str, ...]], indent: str = "") -> None:
    """Columns aligned (wide characters count twice); the first left, the rest right."""
    widths = [max(_width(line[i]) for line in lines) for i in range(len(lines[0]))]
    for line in lines:
        cells = [_pad(line[0], widths[0])]
        cells += [_pad(cell, w, right=True) for cell, w in zip(line[1:], widths[1:], strict=True)]
        print(indent + "  ".join(cells).rstrip())


def print_table(graph: DesignGraph, feedback: Feedback) -> None:
    from cuecraft.core.feedback import describe

    print(_("overall {nps}").format(nps=describe(feedback.overall)))
    lines = [_nps_header(_("touchpoint"), _("emotion"))]
    for key, label, result in _rows(graph, feedback):
        tp = graph.touchpoints.get(key)
        emotion = "" if tp is None or tp.emotion is None else f"{tp.emotion:+d}"
        lines.append((label, emotion, *_nps_cells(result)))
    print()
    _print_grid(lines)
    print()


def _persona_label(answers: PersonaAnswers) -> str:
    """“Family with toddlers (family)”; the id alone without a name; a value not in the
    design marked as such."""
    persona = answers.persona
    if persona is None:
        return _("{key} (not in the design)").format(key=answers.key)
    name = " ".join(persona.name.split())
    return f"{name} ({persona.id})" if name and name != persona.id else persona.id


def print_personas(graph: DesignGraph, feedback: Feedback) -> None:
    """NPS per persona, then per persona × touchpoint (only where they answered)."""
    from cuecraft.core.feedback import OVERALL, answers_by_persona, describe

    personas = answers_by_persona(graph, feedback)
    if not personas:
        return
    lines = [_nps_header(_("persona"), pgettext("percent of guests", "share"))]
    for answers in personas:
        share = answers.persona.share if answers.persona is not None else None
        shown = "" if share is None else format_percent(share / 100)
        lines.append((_persona_label(answers), shown, *_nps_cells(answers.nps)))
    lines.append((_("(no persona)"), "", *_nps_cells(feedback.other_guests)))
    _print_grid(lines)
    print()
    for answers in personas:
        if not answers.cells:
            continue
        print(
            _("{persona}: {nps}").format(persona=_persona_label(answers), nps=describe(answers.nps))
        )
        journey = graph.persona_journeys.get(answers.key)
        lines = [_nps_header(_("touchpoint"), _("emotion"))]
        for cell in answers.cells:
            key = cell.touchpoint
            if key == OVERALL:
                label = _("(no touchpoint)")
            elif not cell.in_design:
                label = _("{key} (not in the design)").format(key=key)
            elif journey is not None and key in journey.skipped:
                label = _("{key} (skipped by this persona)").format(key=key)
            else:
                label = key
            felt = _designed(graph, journey, key)
            lines.append((label, "" if felt is None else f"{felt:+d}", *_nps_cells(cell.nps)))
        _print_grid(lines, indent="  ")
        print()


def print_comments(graph: DesignGraph, feedback: Feedback) -> None:
    for key, label, _nps in _rows(graph, feedback):
        bucket = feedback.at(key)
        if bucket is None or not bucket.comments:
            continue
        print(f"{label}:")
        for c in bucket.comments:
            when = f", {c.date}" if c.date else ""
            print(f"  {c.score:>2}/10{when}: {c.text}")
    print()


def print_findings(design_name: str, graph: DesignGraph, feedback: Feedback) -> None:
    from cuecraft.core.rules.feedback import check_feedback

    for f in check_feedback(graph, feedback):
        print(f"{design_name}:{f.line}:{f.column}: {f.code} {f.message}")


def _nps_json(result: Nps) -> dict[str, Any]:
    return {
        "responses": result.responses,
        "promoters": result.promoters,
        "passives": result.passives,
        "detractors": result.detractors,
        "nps": result.score,
        "low": result.low,
        "high": result.high,
    }


def as_json(design_name: str, graph: DesignGraph, feedback: Feedback) -> dict[str, Any]:
    from cuecraft.core.feedback import TouchpointFeedback, side_file_path
    from cuecraft.core.rules.feedback import check_feedback

    src = feedback.source
    touchpoints = [
        {
            "id": key,
            "in_design": key in graph.touchpoints,
            **_nps_json(result),
            **_bucket_json(feedback.at(key) or TouchpointFeedback()),
        }
        for key, _label, result in _rows(graph, feedback)
    ]
    return {
        "cuecraft-feedback-show": JSON_FORMAT_VERSION,
        "design": design_name,
        "feedback_file": str(side_file_path(design_name)),
        "source": {
            "file": src.file,
            "sha256": src.sha256,
            "imported": src.imported,
            "rows": {"read": src.read, "imported": src.imported_rows, "skipped": src.skipped},
            "first_date": src.first_date,
            "last_date": src.last_date,
        },
        "mapping": feedback.columns.as_dict(),
        "overall": _nps_json(feedback.overall),
        "touchpoints": touchpoints,
        "findings": [f.as_dict() for f in check_feedback(graph, feedback)],
        **_personas_json(graph, feedback),
    }


def _bucket_json(bucket: TouchpointFeedback) -> dict[str, Any]:
    return {
        "scores": list(bucket.scores),
        "comments": [
            {"score": c.score, "date": c.date, "line": c.line, "text": c.text}
            for c in bucket.comments
        ],
    }


def _designed(graph: DesignGraph, journey: PersonaJourney | None, touchpoint: str) -> int | None:
    """The persona's designed emotion at a touchpoint (none where they skip it); for a value
    that names no persona, the touchpoint's own; None without one."""
    if journey is not None:
        return journey.emotion.get(touchpoint)
    tp = graph.touchpoints.get(touchpoint)
    return tp.emotion if tp is not None else None


def _personas_json(graph: DesignGraph, feedback: Feedback) -> dict[str, Any]:
    """`personas` (each with its touchpoints) and `other_guests`, as docs/feedback.md shows."""
    from cuecraft.core.feedback import answers_by_persona, has_personas

    personas = []
    for answers in answers_by_persona(graph, feedback):
        persona = answers.persona
        journey = graph.persona_journeys.get(persona.id) if persona is not None else None
        personas.append(
            {
                "id": answers.key,
                "in_design": answers.in_design,
                "name": persona.name if persona is not None else None,
                "share": persona.share if persona is not None else None,
                **_nps_json(answers.nps),
                "touchpoints": [
                    {
                        "id": cell.touchpoint,
                        "in_design": cell.in_design,
                        # What the text's table shows beside the answers: whether this
                        # persona skips the touchpoint, and their own designed emotion there.
                        "skipped": journey is not None and cell.touchpoint in journey.skipped,
                        "emotion": _designed(graph, journey, cell.touchpoint),
                        **_nps_json(cell.nps),
                        **_bucket_json(cell.answers),
                    }
                    for cell in answers.cells
                ],
            }
        )
    other = _nps_json(feedback.other_guests) if has_personas(feedback) else None
    return {"personas": personas, "other_guests": other}
