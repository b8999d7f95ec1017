"""REF001: references that name no id, or an id of the wrong kind."""

from __future__ import annotations

import difflib

from cuecraft.core.findings import Finding, finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, pgettext
from cuecraft.core.reads import REFERENCES, Reads

READS: Reads = REFERENCES
"""Every reference field (`DesignGraph.broken`), and the ids, which no SetField changes."""


def check(graph: DesignGraph) -> list[Finding]:
    out = []
    for ref in graph.broken:
        field = ref.field
        if ref.found is None:
            message = _(
                "“{item}” refers in “{field}” to “{target}”, which is not an id in this design"
            ).format(item=ref.item.id, field=field, target=ref.target)
            pool = _ids_of_kind(graph, ref.expected)
            close = difflib.get_close_matches(ref.target, pool, n=1, cutoff=0.6)
            if close:
                hint = _("did you mean “{id}”?").format(id=close[0])
            else:
                hint = _add_hint(ref.expected).format(target=ref.target)
        else:
            message = _(
                "“{item}” refers in “{field}” to “{target}”, which is {found}; “{field}” needs "
                "{expected}"
            ).format(
                item=ref.item.id,
                field=field,
                target=ref.target,
                found=_found_kind(ref.found),
                expected=_needed_kind(ref.expected),
            )
            hint = _("point “{field}” at {expected}").format(
                field=field, expected=_needed_kind(ref.expected)
            )
        out.append(
            finding("REF001", "error", message, (ref.item.id, ref.target), ref.location, hint)
        )
    return out


def _add_hint(expected: str) -> str:
    """The hint for a reference to an id that does not exist, by the kind it needs."""
    if expected == "zone":
        return _("add a zone with id “{target}” or remove the reference")
    if expected == "touchpoint":
        return _("add a touchpoint with id “{target}” or remove the reference")
    if expected == "cue":
        return _("add a cue with id “{target}” or remove the reference")
    if expected == "action":
        return _("add an action with id “{target}” or remove the reference")
    return _("add a zone or touchpoint with id “{target}” or remove the reference")


def _found_kind(kind: str) -> str:
    """The kind a reference's target really is, as in “…, which is a layer”."""
    # TRANSLATORS: REF001, "“x” refers in “at” to “y”, which is {found}"; an item's kind
    if kind == "zone":
        return pgettext("which is", "a zone")
    if kind == "touchpoint":
        return pgettext("which is", "a touchpoint")
    if kind == "cue":
        return pgettext("which is", "a cue")
    if kind == "layer":
        return pgettext("which is", "a layer")
    if kind == "souvenir":
        return pgettext("which is", "a souvenir")
    if kind == "action":
        return pgettext("which is", "an action")
    if kind == "persona":
        return pgettext("which is", "a persona")
    return kind


def _needed_kind(kind: str) -> str:
    """The kind a reference field needs, as in “… needs a zone”."""
    # TRANSLATORS: REF001, "“at” needs {expected}" and "point “at” at {expected}"
    if kind == "zone":
        return pgettext("needs", "a zone")
    if kind == "touchpoint":
        return pgettext("needs", "a touchpoint")
    if kind == "cue":
        return pgettext("needs", "a cue")
    if kind == "zone or touchpoint":
        return pgettext("needs", "a zone or touchpoint")
    if kind == "action":
        return pgettext("needs", "an action")
    return kind


def _ids_of_kind(graph: DesignGraph, expected: str) -> list[str]:
    pool: list[str] = []
    if "zone" in expected:
        pool += list(graph.zones)
    if "touchpoint" in expected:
        pool += list(graph.touchpoints)
    if expected == "cue":
        pool += list(graph.cues)
    if expected == "action":
        pool += list(graph.actions)
    return pool
