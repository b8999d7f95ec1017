"""Comments in a three-way merge: what theirs wrote comes in, nothing either side wrote is lost.

Per key of each kind of comment (the lines above a key, its end-of-line
comment, the lines at the end of a mapping or list): where only theirs changed
it, theirs is taken; where both changed it, ours stays and theirs' lines
are added after ours (an end-of-line comment of theirs becomes a line above).
"""

from __future__ import annotations

from cuecraft.core.model import Comments


def merge_comments(
    base: Comments | None, ours: Comments | None, theirs: Comments | None
) -> Comments | None:
    """The merged comments of one mapping; `ours` itself when theirs changed nothing."""
    if theirs is base:  # most often both None: nothing written on either side
        return ours
    b, o, t = base or Comments(), ours or Comments(), theirs or Comments()
    if (t.above, t.eol, t.end) == (b.above, b.eol, b.end):
        return ours
    out = Comments(dict(o.above), dict(o.eol), dict(o.end))
    for lines_of in ("above", "end"):
        mine: dict[str, list[str]] = getattr(out, lines_of)
        was: dict[str, list[str]] = getattr(b, lines_of)
        for key, lines in getattr(t, lines_of).items():
            _merge_lines(mine, key, was.get(key), lines)
        for key in was:
            if key not in getattr(t, lines_of) and mine.get(key) == was[key]:
                del mine[key]  # theirs removed lines ours left alone
    for key, comment in t.eol.items():
        before = b.eol.get(key)
        if comment == before or out.eol.get(key) == comment:
            continue
        if o.eol.get(key) == before:
            out.eol[key] = comment
        else:
            _merge_lines(out.above, key, None, [comment.lstrip(" \t")])
    for key in b.eol:
        if key not in t.eol and out.eol.get(key) == b.eol[key]:
            del out.eol[key]
    return out if out or ours is not None else None


def _merge_lines(
    mine: dict[str, list[str]], key: str, was: list[str] | None, theirs: list[str]
) -> None:
    ours = mine.get(key)
    if theirs in (was, ours):
        return
    if ours == was:
        mine[key] = list(theirs)
        return
    kept = list(ours or [])
    mine[key] = kept + [line for line in theirs if line not in kept]


def merge_preamble(base: str, ours: str, theirs: str) -> str:
    """The comment block at the top of the file."""
    if theirs in (base, ours):
        return ours
    if ours == base:
        return theirs
    kept = ours.split("\n")
    return "\n".join(kept + [line for line in theirs.split("\n") if line not in kept])
