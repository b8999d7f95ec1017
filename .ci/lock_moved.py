"""What moved between two requirement lock files: `package: locked → newest`.

Used by `make outdated`. Reads the `name==version` lines that `uv pip compile` writes
(markers and hashes ignored) and prints one line per package whose version differs,
was added or was dropped; prints that nothing moved otherwise.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pins(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
            found[name] = match.group(2)
    return found


def main(locked_path: str, newest_path: str) -> int:
    locked, newest = pins(Path(locked_path)), pins(Path(newest_path))
    moved = [
        f"  {name}: {locked.get(name, '(not locked)')} → {newest.get(name, '(gone)')}"
        for name in sorted(set(locked) | set(newest))
        if locked.get(name) != newest.get(name)
    ]
    print("\n".join(moved) if moved else "  nothing moved: the lock holds the newest versions")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
