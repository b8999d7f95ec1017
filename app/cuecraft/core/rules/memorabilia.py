"""Mix in memorabilia: MEM001, MEM002, MEM003, MEM004.

MEM004 is Pine & Gilmore's proof that memorabilia work: guests pay more for the
object than its normal price because of the memory it holds."""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, format_money
from cuecraft.core.reads import PRESENCE, Reads, fields

READS: Reads = (
    PRESENCE
    | fields("theme", "motifs")
    | fields("souvenirs", "motifs", "evokes", "price", "plain_price")
    | fields("touchpoints", "phase")
    | fields("value", "currency")
)


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    out: list[Finding] = []
    if not design.souvenirs:
        out.append(
            finding(
                "MEM001",
                "warning",
                _("the design has no souvenir: guests take nothing home to remember it by"),
                (),
                design.where.get("souvenirs") or design.where.get(""),
                _("add a souvenir that carries the theme and evokes a cue"),
            )
        )
        return out
    motifs = set(design.theme.motifs)
    for souvenir in design.souvenirs:
        unthemed = bool(motifs) and not motifs.intersection(souvenir.motifs)
        evokes_nothing = not graph.evoked[souvenir.id]
        if unthemed and evokes_nothing:
            message = _(
                "the souvenir “{souvenir}” carries none of the theme’s motifs and evokes no cue"
            )
        elif unthemed:
            message = _("the souvenir “{souvenir}” carries none of the theme’s motifs")
        elif evokes_nothing:
            message = _("the souvenir “{souvenir}” evokes no cue")
        else:
            continue
        out.append(
            finding(
                "MEM002",
                "warning",
                message.format(souvenir=souvenir.id),
                (souvenir.id,),
                souvenir,
                _("a souvenir works when it carries the theme and reminds of a moment"),
                ("motifs", "evokes"),
            )
        )
    for souvenir in design.souvenirs:
        price, plain = souvenir.price, souvenir.plain_price
        if price is None or plain is None or price > plain:
            continue
        out.append(
            finding(
                "MEM004",
                "warning",
                _(
                    "the souvenir “{souvenir}” sells for {price}, not more than the same object "
                    "costs without the memory ({plain}): guests are not paying for the memory"
                ).format(
                    souvenir=souvenir.id,
                    price=format_money(price, design.value.currency),
                    plain=format_money(plain, design.value.currency),
                ),
                (souvenir.id,),
                souvenir,
                _(
                    "tie it closer to a moment of the visit (a name, a date, a photo), or check "
                    "its price"
                ),
                ("price", "plain_price"),
            )
        )
    afters = [t for t, tp in graph.touchpoints.items() if tp.phase == "after"]
    available_after = any(t in places for places in graph.souvenir_places.values() for t in afters)
    if not available_after:
        out.append(
            finding(
                "MEM003",
                "info",
                _("no souvenir is available at an “after” touchpoint"),
                (),
                design.where.get("souvenirs") or design.where.get(""),
                _("offer a souvenir where the guest leaves, or send one after the visit"),
            )
        )
    return out
