"""The cue sections: positive cues by place, elimination plan, sensory map, memorabilia."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reportlab.lib.colors import white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from cuecraft.brief import blocks, fonts, text
from cuecraft.brief.context import BriefContext
from cuecraft.brief.styles import (
    IMPACT_COLOURS,
    STATUS_COLOURS,
    UNIT,
    mix,
)
from cuecraft.core.model import SENSES, SEVERITIES, STATUSES, Cue
from cuecraft.core.rules.senses import OVERLOAD, is_overload

PLAIN_CELL_CHARS = 18  # a list of short ASCII words can go in a table as plain strings


def word_list(words: list[str], ctx: BriefContext, column: float) -> Any:
    """A list of words for a narrow cell.

    Short ASCII words are set as plain lines (much faster than a paragraph, and
    a 1,000-cue brief has thousands of these cells); anything else is a paragraph.
    """
    room = column - 3 * UNIT
    plain = all(w.isascii() and w.isprintable() and len(w) <= PLAIN_CELL_CHARS for w in words)
    if not plain or any(stringWidth(w + ",", fonts.TEXT, 8.5) > room for w in words):
        return text.para(", ".join(words), ctx.styles.cell)
    lines: list[str] = []
    for word in words:
        trial = f"{lines[-1]}, {word}" if lines else word
        if lines and stringWidth(trial + ",", fonts.TEXT, 8.5) <= room:
            lines[-1] = trial
        else:
            lines.append(word)
    return ",\n".join(lines)


def cue_cell(cue: Cue, ctx: BriefContext, note: str = "") -> Flowable | list[Flowable]:
    first = text.para(cue.text or cue.id, ctx.styles.cell)
    if not note:
        return first
    return [first, text.fixed(note, ctx.styles.cell_small)]


def cues(ctx: BriefContext) -> list[Flowable]:
    design, graph, st = ctx.design, ctx.graph, ctx.styles
    out = ctx.opening(
        "cues",
        "Positive cues harmonize with the theme: each says it in a sight, sound, smell, "
        "touch or taste. They are listed where they are placed, zone by zone, each "
        "touchpoint in journey order.",
    )
    placed: dict[str, list[Cue]] = defaultdict(list)
    unplaced: list[Cue] = []
    for cue in design.cues:
        if cue.is_negative:
            continue
        places = [p for p in dict.fromkeys(cue.at) if p in graph.zones or p in graph.touchpoints]
        for place in places:
            placed[place].append(cue)
        if not places:
            unplaced.append(cue)
    if not placed and not unplaced:
        out.append(Paragraph("No positive cues yet.", st.body))
        return out
    w = ctx.width
    widths = [w * 0.6, w * 0.17, w * 0.23]

    def row(cue: Cue) -> list[Any]:
        note = "A character: never seen twice at once." if cue.unique else ""
        return [
            cue_cell(cue, ctx, note),
            word_list(cue.senses, ctx, widths[1]),
            word_list(cue.motifs, ctx, widths[2]),
        ]

    groups: list[tuple[str, str, list[str]]] = []  # heading, sub-heading, places in order
    for zone in design.zones:
        tps = [t for t in ctx.journey if graph.zone_of.get(t) == zone.id]
        count = f"{len(tps)} touchpoint{'s' if len(tps) != 1 else ''}" if tps else "zone"
        groups.append((zone.name or zone.id, f"Zone · {count}", [zone.id, *tps]))
    loose = [t for t in ctx.journey if t not in graph.zone_of]
    if loose:
        groups.append(("Beyond the venue", "Touchpoints without a zone", loose))
    for heading, sub, places in groups:
        rows: list[list[Any]] = []
        bands: list[int] = []
        for place in places:
            items = placed.get(place, [])
            if not items:
                continue
            if place in graph.touchpoints:
                tp = graph.touchpoints[place]
                bands.append(len(rows))
                label = f"Step {ctx.step[place]} · {tp.name or tp.id} · {tp.phase}"
                rows.append([text.cell(label, st.cell_bold, w), "", ""])
            rows.extend(row(c) for c in items)
        if rows:
            table = blocks.data_table(
                ["Cue", "Senses", "Motifs"], rows, widths, st, band_rows=bands
            )
            out += ctx.headed(heading, sub, table, len(rows))
    if unplaced:
        table = blocks.data_table(
            ["Cue", "Senses", "Motifs"], [row(c) for c in unplaced], widths, st
        )
        out += ctx.headed("Not placed yet", "", table, len(unplaced))
    return out


def elimination(ctx: BriefContext) -> list[Flowable]:
    design, st = ctx.design, ctx.styles
    out = ctx.opening(
        "elimination",
        "Negative cues contradict the theme and must go. “6 − 1 = 0”: one high-severity "
        "negative cue on the guest's path cancels the whole experience.",
    )
    negatives = [c for c in design.cues if c.is_negative]
    if not negatives:
        out.append(
            Paragraph(
                "No negative cues are recorded. Walk the venue as a guest and list everything "
                "that contradicts the theme: a design with none has not looked yet.",
                st.body,
            )
        )
        return out
    on_path = {i for f in ctx.result.findings if f.code == "ELI002" for i in f.ids}
    by_status = {s: sum(1 for c in negatives if c.effective_status == s) for s in STATUSES}
    out.append(
        blocks.KeyFigures(
            [
                (str(by_status["open"]), "open"),
                (str(by_status["mitigating"]), "being mitigated"),
                (str(by_status["eliminated"]), "eliminated"),
                (str(len(on_path)), "high, on the guest path"),
            ],
            st,
        )
    )
    out.append(Spacer(1, 3 * UNIT))
    rank_status = {s: i for i, s in enumerate(STATUSES)}
    rank_severity = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    order = {c.id: i for i, c in enumerate(negatives)}
    negatives.sort(
        key=lambda c: (
            rank_status[c.effective_status],
            rank_severity[c.effective_severity],
            order[c.id],
        )
    )
    rows = []
    for cue in negatives:
        places = ", ".join(ctx.place_name(p) for p in cue.at)
        cell = [text.para(cue.text or cue.id, st.cell)]
        if places:
            cell.append(text.para(f"at {places}", st.cell_small))
        if cue.id in on_path:
            cell.append(
                text.fixed('<font color="#B4372B"><b>On the guest path</b></font>', st.cell_small)
            )
        remedy: Any = (
            text.para(cue.remedy, st.cell)
            if cue.remedy
            else text.fixed('<font color="#B4372B">No remedy yet</font>', st.cell)
        )
        rows.append(
            [
                cell,
                blocks.coloured(cue.effective_severity, IMPACT_COLOURS[cue.effective_severity], st),
                blocks.coloured(cue.effective_status, STATUS_COLOURS[cue.effective_status], st),
                remedy,
            ]
        )
    w = ctx.width
    out.append(
        blocks.data_table(
            ["Negative cue", "Severity", "Status", "Remedy"],
            rows,
            [w * 0.37, w * 0.13, w * 0.17, w * 0.33],
            st,
        )
    )
    return out


def senses(ctx: BriefContext) -> list[Flowable]:
    design, graph, st = ctx.design, ctx.graph, ctx.styles
    out = ctx.opening(
        "senses",
        "The more senses an experience engages, the more memorable it is. Each cell counts "
        "the positive cues present in a zone for one sense, and the intensity of the "
        f"sensory layers there (above {OVERLOAD} is overload).",
    )
    if not design.zones:
        out.append(Paragraph("No zones yet: the sensory map needs places.", st.body))
    else:
        rows = []
        extra: list[tuple[Any, ...]] = [("ALIGN", (1, 0), (-1, -1), "CENTER")]
        for r, zone in enumerate(design.zones, start=1):
            row: list[Any] = [text.para(zone.name or zone.id, st.cell)]
            present = [c for c in graph.cues_at.get(zone.id, ()) if not c.is_negative]
            for col, sense in enumerate(SENSES, start=1):
                count = sum(1 for c in present if sense in c.senses)
                level = graph.intensity_in(zone.id, sense)
                strength = min(6, count + level)
                if strength:
                    share = 0.08 + 0.07 * strength
                    extra.append(
                        ("BACKGROUND", (col, r), (col, r), mix(st.palette.accent, white, share))
                    )
                row.append(_sense_cell(count, level, ctx))
            rows.append(row)
        w = ctx.width
        sense_w = (w * 0.7) / 5
        out.append(
            blocks.data_table(
                ["Zone", *[s.capitalize() for s in SENSES]],
                rows,
                [w * 0.3] + [sense_w] * 5,
                st,
                extra=extra,
            )
        )
    if design.layers:
        rows = []
        for layer in design.layers:
            zones = ", ".join(ctx.place_name(p) for p in layer.at)
            pips = "●" * max(0, min(3, layer.intensity)) + "○" * max(0, 3 - layer.intensity)
            rows.append(
                [
                    text.para(layer.name or layer.id, st.cell),
                    layer.sense,
                    text.para(zones, st.cell_small),
                    pips if layer.intensity <= 3 else str(layer.intensity),
                ]
            )
        w = ctx.width
        table = blocks.data_table(
            ["Layer", "Sense", "Zones", "Intensity"],
            rows,
            [w * 0.36, w * 0.1, w * 0.42, w * 0.12],
            st,
        )
        out += ctx.headed("Sensory layers", "", table, len(rows))
    return out


def _sense_cell(count: int, level: int, ctx: BriefContext) -> Any:
    if not count and not level:
        return "—"
    parts = []
    if count:
        parts.append(f"<b>{count}</b> cue{'s' if count != 1 else ''}")
    if level:
        colour = "#B4372B" if is_overload(level) else "#5F6670"
        parts.append(f'<font size="7" color="{colour}">layer {level}</font>')
    return text.fixed("<br/>".join(parts), ctx.styles.cell)


def memorabilia(ctx: BriefContext) -> list[Flowable]:
    design, graph, st = ctx.design, ctx.graph, ctx.styles
    out = ctx.opening(
        "memorabilia",
        "Memorabilia let guests take the experience home. Each souvenir should carry a motif "
        "of the theme and evoke a cue the guest lived.",
    )
    if not design.souvenirs:
        out.append(
            Paragraph(
                "No souvenirs yet. Without memorabilia the experience ends at the door.", st.body
            )
        )
        return out
    w = ctx.width
    rows = []
    for souvenir in design.souvenirs:
        where = ", ".join(ctx.place_name(p) for p in souvenir.at)
        evoked = [graph.cues[c].text or c for c in graph.evoked.get(souvenir.id, [])]
        evokes: Any = (
            [text.para(f"• {e}", st.cell_small) for e in evoked]
            if evoked
            else text.fixed('<font color="#B4372B">evokes no cue</font>', st.cell_small)
        )
        rows.append(
            [
                text.para(souvenir.name or souvenir.id, st.cell_bold),
                text.para(where, st.cell_small) if where else "",
                evokes,
                word_list(souvenir.motifs, ctx, w * 0.16),
            ]
        )
    w = ctx.width
    out.append(
        blocks.data_table(
            ["Souvenir", "Available at", "Evokes", "Motifs"],
            rows,
            [w * 0.28, w * 0.2, w * 0.36, w * 0.16],
            st,
        )
    )
    return out
