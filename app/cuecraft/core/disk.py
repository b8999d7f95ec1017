"""What a design file on disk was when it was read or written: to notice outside changes.

A design opened in the workbench may be changed on disk meanwhile (a text editor, a git
checkout, another program). Saving over it would silently drop that work, so the
workbench remembers the file's state when it reads or writes it and compares before
every save and when the folder watcher says something moved.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DiskState:
    """Size, modification time and content hash of a file (the hash settles ties:
    a `git checkout` can restore the same bytes with a new time, and a fast rewrite can
    keep the time)."""

    size: int
    mtime_ns: int
    sha256: str

    def same_content(self, other: DiskState | None) -> bool:
        return other is not None and (self.size, self.sha256) == (other.size, other.sha256)


def disk_state(path: str | os.PathLike[str]) -> DiskState | None:
    """The file's state now, or None when it does not exist (or cannot be read)."""
    import hashlib  # 6 ms of OpenSSL: not before the workbench's first paint

    try:
        with open(path, "rb") as stream:
            info = os.fstat(stream.fileno())
            digest = hashlib.sha256(stream.read()).hexdigest()
    except OSError:
        return None
    return DiskState(info.st_size, info.st_mtime_ns, digest)


def changed_since(path: str | os.PathLike[str], known: DiskState | None) -> bool:
    """True when the file at `path` is no longer what was read or written (changed,
    replaced or deleted). A file that only got a new time with the same bytes has not
    changed. With nothing known (never read), a file that exists now counts as changed."""
    now = disk_state(Path(path))
    if known is None:
        return now is not None
    return not known.same_content(now)
