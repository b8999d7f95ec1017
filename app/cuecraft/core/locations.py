"""Locations after a save: the lines a design has in the text a save writes.

A design remembers where each object was in the file it was loaded from
(`where`). Once the design is saved, that file is rewritten and those lines are
stale. The writer is deterministic, so the saved text is `saved_text(design)`
(comments, line endings and byte-order mark included, exactly the bytes a save
writes): reading it back gives every object its true location again.
"""

from __future__ import annotations

from cuecraft.core.fileformat import DesignLoadError, parse_design
from cuecraft.core.model import Design
from cuecraft.core.writer import saved_text


def relocate(design: Design) -> bool:
    """Give every object of `design` its location in the text a save of it writes.

    Locations are not part of the design (they never take part in equality), so
    this changes nothing a designer could undo. Returns False, with every location
    dropped, when the text cannot be read back (the saved file would not open either).
    """
    try:
        saved = parse_design(saved_text(design).encode("utf-8"))
    except DesignLoadError:
        saved = None
    mine = design.items()
    theirs = saved.items() if saved is not None else []
    if saved is None or [i.id for i in mine] != [i.id for i in theirs]:
        design.where, design.theme.where, design.value.where = {}, {}, {}
        for item in mine:
            item.where = {}
        return False
    design.where, design.theme.where = saved.where, saved.theme.where
    design.value.where = saved.value.where
    for item, located in zip(mine, theirs, strict=True):
        item.where = located.where
    return True
