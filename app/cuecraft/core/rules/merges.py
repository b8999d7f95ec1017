"""MRG001: the file holds merge conflicts that are not resolved yet (SPEC §3, §4).

`cuecraft merge` keeps ours where both sides changed one thing differently and
records theirs in `x-merge-conflicts` (`core/conflicts.py`); one finding per
entry until it is resolved (take theirs or keep ours, or the entry removed).
"""

from __future__ import annotations

from typing import Any

from cuecraft.core.conflicts import CODE, Recorded, recorded_conflicts
from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _
from cuecraft.core.itemfields import CONFLICTS_KEY, one_line
from cuecraft.core.model import Location
from cuecraft.core.reads import Reads
from cuecraft.core.yamltree import Plain

READS: Reads = frozenset({("design", CONFLICTS_KEY)})
"""The recorded conflicts (`x-merge-conflicts`): only SetExtra and DropConflict change
them, and every edit but SetField is a full check (`cuecraft.core.recheck`)."""


def check(graph: DesignGraph) -> list[Finding]:
    design = graph.design
    if CONFLICTS_KEY not in design.extra:
        return []
    index = design.index()
    out = []
    for conflict in recorded_conflicts(design):
        where = design.where.get(
            f"{CONFLICTS_KEY}[{conflict.index}]", design.where.get(CONFLICTS_KEY)
        )
        ids = (conflict.id,) if conflict.id in index else ()
        out.append(
            finding(
                CODE,
                "error",
                message(conflict),
                ids,
                where or (index[conflict.id] if ids else Location(1, 1)),
                _(
                    "choose Take theirs or Keep ours in the workbench, or set the value "
                    "and delete the entry"
                ),
                (CONFLICTS_KEY,),
            )
        )
    return out


def message(conflict: Recorded) -> str:
    """What a recorded conflict is about, in the designer's words."""
    if not conflict.readable:
        return _("the file holds a merge conflict entry that is not in the form a merge writes")
    if conflict.field is None:
        if _absent(conflict.ours):
            return _(
                "merge conflict: “{id}” was deleted here and changed on the other side; "
                "it stays deleted"
            ).format(id=conflict.id)
        if _absent(conflict.theirs):
            return _(
                "merge conflict: “{id}” was changed here and deleted on the other side; it is kept"
            ).format(id=conflict.id)
        return _(
            "merge conflict: “{id}” was added on both sides as different items; ours is kept"
        ).format(id=conflict.id)
    if conflict.id == "":
        return _(
            "merge conflict: “{field}” was changed on both sides; ours is kept ({ours}), "
            "theirs is {theirs}"
        ).format(field=conflict.field, ours=shown(conflict.ours), theirs=shown(conflict.theirs))
    return _(
        "merge conflict: “{field}” of “{id}” was changed on both sides; ours is kept ({ours}), "
        "theirs is {theirs}"
    ).format(
        field=conflict.field,
        id=conflict.id,
        ours=shown(conflict.ours),
        theirs=shown(conflict.theirs),
    )


def _absent(value: Any) -> bool:
    return value is None or (isinstance(value, Plain) and str(value) in ("null", "~", ""))


def shown(value: Any) -> str:
    """A recorded value, short enough for one line."""
    return _("nothing") if _absent(value) else one_line(value)
