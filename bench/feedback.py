"""Speed bar of issue 8: import 100,000 survey answers in well under a few seconds (≤ 3 s).

Run on its own with `python -m bench.feedback`; `bench_feedback(folder)` gives
the rows for the table of `python -m bench`.
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import process_env
from bench.generate import generate
from bench.table import Row, render
from cuecraft.core.feedback import import_csv, save_feedback, side_file_path
from cuecraft.core.fileformat import load_design, save_design

ROWS = 100_000
LIMIT_S = 3.0
COMMENTS = [
    "",
    "",
    "",
    "Great storm show, the kids loved it",
    'Waited 40 minutes, "reservation" meant nothing',
    "Kolejka do kasy, za długa; obsługa miła",
    "Świetna atmosfera, wrócimy!",
    "服务很好，环境也不错",
    "太吵了，排队时间太长",
    "Too loud,\nand the music was mall pop",
]


def write_survey(path: Path, design_path: Path, rows: int = ROWS, seed: int = 8) -> None:
    """A deterministic survey CSV: timestamps, scores, touchpoint ids or names, comments.

    About 1 in 100 rows is unreadable (no score, 11, a bad date) as in real exports.
    """
    design = load_design(design_path)
    rng = random.Random(seed)
    values = [tp.id for tp in design.touchpoints] + [tp.name for tp in design.touchpoints] + [""]
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(
            ["Timestamp", "How likely are you to recommend us to a friend?", "Stage", "Comment"]
        )
        for i in range(rows):
            minute, second = divmod(i, 60)
            hour, minute = divmod(minute, 60)
            day = (
                f"2024-{1 + i % 12:02d}-{1 + i % 28:02d} {hour % 24:02d}:{minute:02d}:{second:02d}"
            )
            score: object = rng.choice((0, 3, 5, 6, 7, 8, 8, 9, 9, 10, 10, 10))
            roll = rng.random()
            if roll < 0.003:
                score = ""
            elif roll < 0.006:
                score = 11
            elif roll < 0.01:
                day = "yesterday"
            out.writerow([day, score, rng.choice(values), rng.choice(COMMENTS)])


def bench_feedback(folder: Path) -> list[Row]:
    """Time the import of a 100,000-row CSV: in process (best of 3) and as a whole command."""
    design_path = folder / "feedback-design.yaml"
    save_design(generate(1000, 200, 50), design_path)
    survey = folder / "survey-100k.csv"
    write_survey(survey, design_path)
    design = load_design(design_path)

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        result = import_csv(survey, design)
        save_feedback(result.feedback, side_file_path(design_path))
        best = min(best, time.perf_counter() - start)
    assert result.feedback.source.read == ROWS

    command = [
        sys.executable,
        "-m",
        "cuecraft.feedbackcmd",
        "import",
        str(design_path),
        str(survey),
    ]
    process = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            timeout=120,
            env=process_env(),
        )
        process = min(process, time.perf_counter() - start)
    return [
        Row(
            f"feedback import, {ROWS:,} CSV rows (read, tally, write)",
            best * 1000,
            "ms",
            LIMIT_S * 1000,
            "ms (absolute bar)",
            best / LIMIT_S,
        ),
        Row(
            f"`cuecraft feedback import`, {ROWS:,} rows, whole process",
            process * 1000,
            "ms",
            LIMIT_S * 1000,
            "ms (absolute bar)",
            process / LIMIT_S,
        ),
    ]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cuecraft-bench-") as folder:
        rows = bench_feedback(Path(folder))
    print(render(rows))
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
