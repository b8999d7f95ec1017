"""The value guests pay for: VAL001 (SPEC §2.3, §3). Not scored.

Pine & Gilmore's progression of economic value: a cake's ingredients (commodity)
cost a dollar, the mix (goods) a few, the bakery's cake (service) ten, the party
(experience) a hundred. Haidilao sells a ¥50 meal for ¥100 because of the
experience. When the experience is priced no higher than the service, goods or
commodity below it, guests are not paying for the experience.
"""

from __future__ import annotations

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, format_money
from cuecraft.core.reads import Reads, fields
from cuecraft.core.words import value_step_word

READS: Reads = fields("value", "currency", "commodity", "goods", "service", "experience")


def check(graph: DesignGraph) -> list[Finding]:
    value = graph.design.value
    premium = value.premium()  # the one reading of the premium: views and brief use it too
    if premium is None or premium[1] > 0 or value.experience is None:
        return []  # nothing to compare, or guests pay for the experience
    step, _over = premium
    where = value.where.get("experience") or graph.design.where.get("value")
    return [
        finding(
            "VAL001",
            "warning",
            _(
                "no premium for the experience: it costs {experience}, no more than the {step} "
                "({price})"
            ).format(
                experience=format_money(value.experience, value.currency),
                price=format_money(getattr(value, step), value.currency),
                step=value_step_word(step).lower(),
            ),
            (),
            where,
            _(
                "stage the experience so guests pay for the time they spend, not only for the "
                "goods and service, or check the prices"
            ),
            ("experience",),
        )
    ]
