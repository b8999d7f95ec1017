"""Speed bars of issue 17: `cuecraft diff` and `cuecraft merge` of two 10,000-cue designs as
whole processes, each at most 2× `cuecraft check` of one of them measured in the same run.

Run on its own with `python -m bench.diffmerge`; `bench_diffmerge(paths)` gives the rows
for the table of `python -m bench`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench import process_env
from bench.core import _best, write_designs
from bench.table import Row, render
from cuecraft.core.fileformat import load_design, save_design
from cuecraft.core.model import Cue, Design

BAR = 2.0
EDITS = 12  # of each kind below: a few dozen edits per side, as a branch of a team's work


def edited(path: Path, out: Path, side: int) -> Path:
    """The design at `path` with a few dozen edits of one side of a branch, saved to `out`.

    `side` 0 and 1 touch different items (a clean three-way merge), except the first
    touchpoint's emotion, which both change differently (one recorded conflict)."""
    design: Design = load_design(path)
    step = 2 * EDITS + 1
    for n in range(EDITS):
        design.cues[side + 2 * n * step].text += " (revised)"
        touchpoint = design.touchpoints[side + 2 * n * 7 + 1]
        touchpoint.emotion = 3 if touchpoint.emotion != 3 else 2
        design.zones[side + 2 * n * 5].name += " (renamed)"
    design.touchpoints[0].emotion = -1 - side
    # Removed from the end, where the other side edits nothing; added with ids of its own.
    removed = {c.id for c in design.cues[-(side + 1) * EDITS : len(design.cues) - side * EDITS]}
    design.cues = [c for c in design.cues if c.id not in removed]
    for n in range(EDITS):
        design.cues.append(
            Cue(
                f"side-{side}-cue-{n}",
                f"A cue added on side {side}",
                senses=["sight"],
                motifs=[design.theme.motifs[0]],
                at=[design.touchpoints[n].id],
            )
        )
    save_design(design, out)
    return out


def _run(command: list[str]) -> Callable[[], int]:
    def run() -> int:
        return subprocess.run(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            env=process_env(),
        ).returncode

    return run


def bench_diffmerge(paths: dict[int, Path]) -> list[Row]:
    base = paths[10_000]
    folder = base.parent
    ours = edited(base, folder / "generated-10000-ours.yaml", 0)
    theirs = edited(base, folder / "generated-10000-theirs.yaml", 1)
    merged = folder / "generated-10000-merged.yaml"
    cli = [sys.executable, "-m", "cuecraft.cli"]
    commands = {
        "check": [*cli, "check", str(base), "--format", "json"],
        "diff": [*cli, "diff", str(base), str(ours), "--format", "json"],
        "merge": [*cli, "merge", str(base), str(ours), str(theirs), "-o", str(merged)],
    }
    runs = {name: _run(command) for name, command in commands.items()}
    # Warm the file cache and .pyc files, and make sure each does the whole work: the diff
    # finds differences, the merge its one conflict (a command that stopped at an unreadable
    # file, exit 2, would be timed as fast).
    codes = {name: run() for name, run in runs.items()}
    if (codes["diff"], codes["merge"]) != (1, 1) or codes["check"] > 1:
        raise RuntimeError(f"unexpected exit codes {codes}")
    best = {name: _best(run, 5) for name, run in runs.items()}
    check_ms = best["check"] * 1000
    limit = "ms `cuecraft check` of one, whole process"
    return [
        Row(
            "`cuecraft diff`, two 10,000-cue designs, whole process",
            best["diff"] * 1000,
            "ms",
            check_ms,
            limit,
            best["diff"] / best["check"],
            bar=BAR,
        ),
        Row(
            "`cuecraft merge`, 10,000-cue designs, whole process",
            best["merge"] * 1000,
            "ms",
            check_ms,
            limit,
            best["merge"] / best["check"],
            bar=BAR,
        ),
    ]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cuecraft-bench-") as folder:
        rows = bench_diffmerge(write_designs(Path(folder)))
    print(render(rows))
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
