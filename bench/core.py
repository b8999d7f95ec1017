"""Speed bars of the core: re-check on every edit, open, and `cuecraft check` as a process."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bench import process_env
from bench.generate import generate
from bench.table import Row
from cuecraft.core.check import check
from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design, save_design
from cuecraft.core.recheck import recheck


def _median(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _best(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def write_designs(folder: Path) -> dict[int, Path]:
    """The generated designs of 200, 1,000 and 10,000 cues, saved to `folder`."""
    shapes = {200: (40, 10), 1000: (200, 50), 10_000: (2000, 500)}
    paths = {}
    for cues, (touchpoints, zones) in shapes.items():
        path = folder / f"generated-{cues}.yaml"
        save_design(generate(cues, touchpoints, zones), path)
        paths[cues] = path
    return paths


def bench_recheck(paths: dict[int, Path]) -> list[Row]:
    rows = []
    for cues, limit_ms, repeat in ((1000, 16.0, 41), (10_000, 200.0, 7)):
        design = load_design(paths[cues])
        check(design)  # warm caches (the resolver, imports) as the running app would be
        median = _median(lambda design=design: check(design), repeat)
        rows.append(
            Row(
                f"full re-check, {cues:,} cues (median)",
                median * 1000,
                "ms",
                limit_ms,
                "ms (absolute bar)",
                median * 1000 / limit_ms,
            )
        )
    rows.append(_typing_row(paths[10_000]))
    return rows


def _typing_row(path: Path, limit_ms: float = 50.0, keystrokes: int = 21) -> Row:
    """`recheck` after one keystroke in a negative cue's owner, 10,000 cues: a character
    typed into a blank owner, then erased, and so on — each keystroke adds or removes an
    ELI004, so the eliminate rule and the scorecard run every time (typing on in a
    written owner changes no finding and costs less)."""
    design = load_design(path)
    result = check(design)
    cue = next(
        c for c in design.cues if c.is_negative and c.is_active and c.effective_severity == "high"
    )
    times = []
    for typed in range(keystrokes):
        edit = SetField(cue.id, "owner", "x" if typed % 2 == 0 else "", merge=True)
        edit.apply(design)
        start = time.perf_counter()
        new = recheck(result, design, [edit])
        times.append(time.perf_counter() - start)
        assert new is not result  # the edit changed a finding: not the cheap path
        result = new
    median = statistics.median(times)
    return Row(
        "re-check after typing one character of a negative cue's owner, 10,000 cues (median)",
        median * 1000,
        "ms",
        limit_ms,
        "ms (absolute bar)",
        median * 1000 / limit_ms,
    )


def bench_open(paths: dict[int, Path]) -> list[Row]:
    path = paths[10_000]
    data = path.read_bytes()
    bare = _best(lambda: yaml.load(data, Loader=yaml.CSafeLoader), 5)
    ours = _best(lambda: load_design(path), 5)
    return [
        Row(
            "open a 10,000-cue design",
            ours * 1000,
            "ms",
            bare * 1000,
            "ms bare CSafeLoader parse",
            ours / bare,
            bar=1.25,
        )
    ]


BARE_CHECK = (
    "import sys, networkx, yaml\nyaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)\n"
)


def bench_check_process(paths: dict[int, Path]) -> list[Row]:
    path = str(paths[10_000])
    ours = [sys.executable, "-m", "cuecraft.cli", "check", path, "--format", "json"]
    bare = [sys.executable, "-c", BARE_CHECK, path]

    def run(command: list[str]) -> None:
        subprocess.run(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
            env=process_env(),
        )

    run(ours), run(bare)  # warm the file cache and .pyc files
    ours_s = _best(lambda: run(ours), 5)
    bare_s = _best(lambda: run(bare), 5)
    return [
        Row(
            "`cuecraft check`, 10,000 cues, whole process",
            ours_s * 1000,
            "ms",
            bare_s * 1000,
            "ms bare networkx + CSafeLoader process",
            ours_s / bare_s,
            bar=1.5,
        )
    ]
