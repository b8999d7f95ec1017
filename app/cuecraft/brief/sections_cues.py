"""The cue sections: positive cues by place, sensory map, memorabilia (the elimination plan
is in sections_elimination.py)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reportlab.lib.colors import white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from cuecraft.brief import blocks, fonts, text, words
from cuecraft.brief.context import BriefContext
from cuecraft.brief.styles import (
    UNIT,
    mix,
)
from cuecraft.core.i18n import _, format_money, format_number, ngettext, pgettext
from cuecraft.core.model import SENSES, Cue, Souvenir
from cuecraft.core.rules.senses import OVERLOAD, is_overload

PLAIN_CELL_CHARS = 18  # a list of short ASCII words can go in a table as plain strings


def word_list(items: list[str], ctx: BriefContext, column: float) -> Any:
    """A list of words for a narrow cell.

    Short ASCII words are set as plain lines (much faster than a paragraph, and
    a 1,000-cue brief has thousands of these cells); anything else is a paragraph.
    """
    room = column - 3 * UNIT
    plain = all(w.isascii() and w.isprintable() and len(w) <= PLAIN_CELL_CHARS for w in items)
    if not plain or any(stringWidth(w + ",", fonts.TEXT, 8.5) > room for w in items):
        return text.para(words.listing(items), ctx.styles.cell)
    lines: list[str] = []
    for word in items:
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
    return [first, text.para(note, ctx.styles.cell_small)]


def cues(ctx: BriefContext) -> list[Flowable]:
    design, graph, st = ctx.design, ctx.graph, ctx.styles
    out = ctx.opening(
        "cues",
        _(
            "Positive cues harmonize with the theme: each says it in a sight, sound, smell, "
            "touch or taste. They are listed where they are placed, zone by zone, each "
            "touchpoint in journey order."
        ),
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
        out.append(text.para(_("No positive cues yet."), st.body))
        return out
    w = ctx.width
    head = [
        pgettext("table head", "Cue"),
        pgettext("table head", "Senses"),
        pgettext("table head", "Motifs"),
    ]
    senses_words = [words.sense(s) for s in SENSES]
    widths = blocks.columns(
        head, [w * 0.6, w * 0.17, w * 0.23], {1: blocks.longest_word(senses_words, 8.5)}, donor=0
    )

    def row(cue: Cue) -> list[Any]:
        note = _("A character: never seen twice at once.") if cue.unique else ""
        return [
            cue_cell(cue, ctx, note),
            word_list([words.sense(s) for s in cue.senses], ctx, widths[1]),
            word_list(cue.motifs, ctx, widths[2]),
        ]

    groups: list[tuple[str, str, list[str]]] = []  # heading, sub-heading, places in order
    for zone in design.zones:
        tps = [t for t in ctx.journey if graph.zone_of.get(t) == zone.id]
        n = len(tps)
        sub = (
            ngettext("Zone · {n} touchpoint", "Zone · {n} touchpoints", n).format(
                n=format_number(n)
            )
            if tps
            else pgettext("a place", "Zone")
        )
        groups.append((zone.name or zone.id, sub, [zone.id, *tps]))
    loose = [t for t in ctx.journey if t not in graph.zone_of]
    if loose:
        groups.append((_("Beyond the venue"), _("Touchpoints without a zone"), loose))
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
                label = _("Step {step} · {touchpoint} · {phase}").format(
                    step=ctx.step[place], touchpoint=tp.name or tp.id, phase=words.phase(tp.phase)
                )
                rows.append([text.cell(label, st.cell_bold, w), "", ""])
            rows.extend(row(c) for c in items)
        if rows:
            table = blocks.data_table(head, rows, widths, st, band_rows=bands)
            out += ctx.headed(heading, sub, table, len(rows))
    if unplaced:
        table = blocks.data_table(head, [row(c) for c in unplaced], widths, st)
        out += ctx.headed(_("Not placed yet"), "", table, len(unplaced))
    return out


def senses(ctx: BriefContext) -> list[Flowable]:
    design, graph, st = ctx.design, ctx.graph, ctx.styles
    out = ctx.opening(
        "senses",
        _(
            "The more senses an experience engages, the more memorable it is. Each cell counts "
            "the positive cues present in a zone for one sense, and the intensity of the "
            "sensory layers there (above {overload} is overload)."
        ).format(overload=format_number(OVERLOAD)),
    )
    if not design.zones:
        out.append(text.para(_("No zones yet: the sensory map needs places."), st.body))
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
        head = [pgettext("table head", "Zone"), *[words.capital(words.sense(s)) for s in SENSES]]
        widths = blocks.columns(head, [w * 0.3] + [sense_w] * 5, donor=0)
        out.append(blocks.data_table(head, rows, widths, st, extra=extra))
    if design.layers:
        w = ctx.width
        head = [
            pgettext("table head", "Layer"),
            pgettext("table head", "Sense"),
            pgettext("table head", "Zones"),
            pgettext("table head", "Intensity"),
        ]
        senses_words = [words.sense(s) for s in SENSES]
        widths = blocks.columns(
            head,
            [w * 0.36, w * 0.1, w * 0.42, w * 0.12],
            {1: blocks.longest_word(senses_words, 8.5)},
            donor=2,
        )
        rows = []
        for layer in design.layers:
            zones = words.listing([ctx.place_name(p) for p in layer.at])
            pips = "●" * max(0, min(3, layer.intensity)) + "○" * max(0, 3 - layer.intensity)
            rows.append(
                [
                    text.para(layer.name or layer.id, st.cell),
                    text.cell(words.sense(layer.sense), st.cell, widths[1]),
                    text.para(zones, st.cell_small),
                    pips if layer.intensity <= 3 else format_number(layer.intensity),
                ]
            )
        table = blocks.data_table(head, rows, widths, st)
        out += ctx.headed(_("Sensory layers"), "", table, len(rows))
    return out


def _sense_cell(count: int, level: int, ctx: BriefContext) -> Any:
    if not count and not level:
        return "—"
    base = ctx.styles.cell.fontName
    parts = []
    if count:
        cues = ngettext("{n} cue", "{n} cues", count)
        parts.append(words.rich(cues, base, n=f"<b>{format_number(count)}</b>"))
    if level:
        colour = "#B4372B" if is_overload(level) else "#5F6670"
        layer = words.rich(_("layer {level}"), base, level=format_number(level))
        parts.append(f'<font size="7" color="{colour}">{layer}</font>')
    return text.fixed("<br/>".join(parts), ctx.styles.cell)


def memorabilia(ctx: BriefContext) -> list[Flowable]:
    design, graph, st = ctx.design, ctx.graph, ctx.styles
    out = ctx.opening(
        "memorabilia",
        _(
            "Memorabilia let guests take the experience home. Each souvenir should carry a "
            "motif of the theme and evoke a cue the guest lived."
        ),
    )
    if not design.souvenirs:
        out.append(
            text.para(
                _("No souvenirs yet. Without memorabilia the experience ends at the door."),
                st.body,
            )
        )
        return out
    w = ctx.width
    head = [
        pgettext("table head", "Souvenir"),
        pgettext("table head", "Available at"),
        pgettext("table head", "Evokes"),
        pgettext("table head", "Motifs"),
    ]
    widths = blocks.columns(head, [w * 0.28, w * 0.2, w * 0.36, w * 0.16], donor=2)
    no_cue = '<font color="#B4372B">{}</font>'.format(
        words.plain(_("evokes no cue"), st.cell_small.fontName)
    )
    rows = []
    for souvenir in design.souvenirs:
        where = words.listing([ctx.place_name(p) for p in souvenir.at])
        evoked = [graph.cues[c].text or c for c in graph.evoked.get(souvenir.id, [])]
        evokes: Any = (
            [text.para(f"• {e}", st.cell_small) for e in evoked]
            if evoked
            else text.fixed(no_cue, st.cell_small)
        )
        named: Any = text.para(souvenir.name or souvenir.id, st.cell_bold)
        priced = _souvenir_price(souvenir, design.value.currency)
        if priced:
            named = [named, text.para(priced, st.cell_small)]
        rows.append(
            [
                named,
                text.para(where, st.cell_small) if where else "",
                evokes,
                word_list(souvenir.motifs, ctx, widths[3]),
            ]
        )
    out.append(blocks.data_table(head, rows, widths, st))
    return out


def _souvenir_price(souvenir: Souvenir, currency: str | None) -> str:
    """What guests pay for a souvenir and, when known, what the plain object costs (MEM004
    compares the two); "" when it is not priced."""
    if souvenir.price is None:
        return ""
    price = format_money(souvenir.price, currency)
    if souvenir.plain_price is None:
        # TRANSLATORS: under a souvenir's name in the brief: what guests pay for it
        return _("Price: {price}").format(price=price)
    # TRANSLATORS: under a souvenir's name: its price, and the same object's price elsewhere
    return _("Price: {price} (the plain object: {plain})").format(
        price=price, plain=format_money(souvenir.plain_price, currency)
    )
