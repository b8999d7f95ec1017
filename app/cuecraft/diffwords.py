"""The text `cuecraft diff` prints: one line per change, by id, as a reviewer reads it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from cuecraft.core.diff import DesignDiff, FieldChange
from cuecraft.core.findings import principle_title
from cuecraft.core.i18n import _
from cuecraft.core.itemfields import one_line
from cuecraft.core.model import kind_of
from cuecraft.core.words import kind_word
from cuecraft.core.writer import amount_text


def shown(value: Any) -> str:
    """A field's value on one line: text quoted, lists in brackets, nothing as “—”."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):  # a price, as the file writes it
        return amount_text(value) or "0"
    if isinstance(value, list | dict):
        return one_line(value)
    return f"“{one_line(value)}”"


def field_line(change: FieldChange) -> str:
    """“text: “old” → “new””, or for a set-like list “at: + shop − bar”."""
    if change.is_set:
        parts = [f"+ {v}" for v in change.added] + [f"− {v}" for v in change.removed]
        return f"{change.field}: {' '.join(parts)}"
    return f"{change.field}: {shown(change.old)} → {shown(change.new)}"


def diff_lines(changes: DesignDiff, old_label: str, new_label: str) -> Iterator[str]:
    """The lines of the text report; just a sentence when the designs are the same."""
    if changes.same:
        yield _("{old} and {new} are the same design").format(old=old_label, new=new_label)
        return
    yield f"--- {old_label}"
    yield f"+++ {new_label}"
    for change in changes.design:
        yield field_line(change)
    for item in changes.added:
        yield f"+ {kind_word(kind_of(item))} {item.id}"
    for item in changes.removed:
        yield f"- {kind_word(kind_of(item))} {item.id}"
    for rename in changes.renamed:
        yield _("~ {kind} {old} → {new} (renamed)").format(
            kind=kind_word(rename.kind), old=rename.old_id, new=rename.new_id
        )
    for item_change in changes.changed:
        yield f"~ {kind_word(item_change.kind)} {item_change.id}"
        for change in item_change.fields:
            yield "    " + field_line(change)
    if changes.new_findings:
        yield _("new findings:")
        for f in changes.new_findings:
            yield f"  + {f.code} {f.message}"
    if changes.resolved_findings:
        yield _("resolved findings:")
        for f in changes.resolved_findings:
            yield f"  - {f.code} {f.message}"
    yield _("scorecard: {scores}").format(scores=score_line(changes))


def score_line(changes: DesignDiff) -> str:
    """“overall 40 → 55 · theme 80 → 100”: the overall score and each principle that moved."""
    before, after = changes.before, changes.after
    parts = [f"{principle_title('overall').lower()} {before.overall} → {after.overall}"]
    for principle in dict.fromkeys([*before.principles, *after.principles]):
        old = before.scores.get(principle)
        new = after.scores.get(principle)
        if old == new:
            continue
        parts.append(
            f"{principle_title(principle).lower()} "
            f"{'—' if old is None else old} → {'—' if new is None else new}"
        )
    return " · ".join(parts)
