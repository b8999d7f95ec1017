"""Typing bars of SPEC §7 at 10,000 cues, with real key events: each keystroke handled
within 50 ms, the window never frozen longer than 50 ms, and the findings following
within 250 ms of the last keystroke.

The workbench runs in a child process (bench/keystrokes_child.py) with the keyboard
focus in one field of the inspector; this process types into it through XTEST at a
human pace, noting when each key was sent. Without an X server the child types into
itself with QTest, and the rows say so.

How each row is measured:
- keystroke latency: from the moment a key was sent to the moment the child's event
  loop was idle again after the window received it (a 0 ms timer posted when the key
  arrived), over every key of every run (p50, p99);
- longest freeze: the longest gap of a 2 ms heartbeat timer in the child, from the first
  key sent until the findings were shown after the last one; the worst run counts;
- findings after the last keystroke: from the last key sent until the findings panel
  painted after the last `checked` of the document (the check of the final design; the
  child confirms its findings equal a fresh full check). Had the panel nothing to redraw
  then, the `checked` itself; had no check followed the last edit (an edit no rule
  reads), the moment the last key was handled, provided the findings shown still equal
  a fresh check; otherwise the findings never followed and the row fails. Worst run.
"""

from __future__ import annotations

import json
import select
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.generate import MOTIFS as GENERATED_MOTIFS
from bench.keystrokes_child import INTERVAL
from bench.table import Row
from bench.xdisplay import Keyboard, Screen, forget_lock, screen

ROOT = Path(__file__).resolve().parents[1]
TEXT = "the duty manager on the late front shift"  # 40 keys: letters and spaces
# Typed into a cue's motifs: the theme's motifs of the generated designs, each an edge of
# the graph as its last letter is typed.
MOTIFS = "".join(f", {motif}" for motif in GENERATED_MOTIFS[:4])  # the theme's
RUNS = 2
# (field, polarity of the cue or "touchpoint" or "theme", what the rows call it, whether the
# bars apply, the view on show: its tab's English title, "" for the Journey, the first; and
# the text typed, TEXT unless given)
FIELDS = (
    ("owner", "negative", "a negative cue's owner", True, ""),
    ("text", "positive", "a positive cue's text", True, ""),
    ("name", "touchpoint", "a touchpoint's name", True, ""),
    # The other views that draw every cue or touchpoint, each with what it shows of them.
    ("text", "positive", "a positive cue's text, Blueprint tab", True, "Blueprint"),
    ("owner", "negative", "a negative cue's owner, Graph tab", True, "Graph"),
    ("owner", "negative", "a negative cue's owner, Priorities tab", True, "Priorities"),
    # Motifs are the graph's nodes and edges: a word typed into them changes the graph.
    ("motifs", "positive", "a positive cue's motifs, Graph tab", True, "Graph", MOTIFS),
    ("motifs", "theme", "the theme's motifs, Graph tab", True, "Graph"),
)


@dataclass
class Typed:
    """One run: every key's latency, the longest freeze, the findings' delay (seconds)."""

    latencies: list[float]
    freeze: float
    findings: float
    how: str  # how the findings' moment was found


def bench_typing(paths: dict[int, Path]) -> list[Row]:
    design = paths[10_000]
    rows = []
    with screen(design.parent) as where:
        if where.display is not None:
            # The X server's first keyboard client costs it a moment (its keymap), during
            # which it answers no other client: not the workbench's freeze.
            warm = Keyboard(where.display.name)
            warm.keycodes(TEXT + MOTIFS)
            warm.close()
        for field, polarity, called, barred, tab, *words in FIELDS:
            text = words[0] if words else TEXT
            runs = [_run(where, design, field, polarity, tab, text) for _ in range(RUNS)]
            rows.extend(_rows(where, runs, called, barred))
    return rows


def _rows(where: Screen, runs: list[Typed], called: str, barred: bool) -> list[Row]:
    keys = sorted(latency for run in runs for latency in run.latencies)
    p50 = statistics.median(keys)
    p99 = statistics.quantiles(keys, n=100, method="inclusive")[98]
    freeze = max(run.freeze for run in runs)
    findings = max(run.findings for run in runs)
    how = "; ".join(sorted({run.how for run in runs}))
    print(
        f"bench: typing into {called}: {len(keys)} keys, latency ms "
        f"{[round(k * 1000) for k in keys]}, freezes {[round(r.freeze * 1000) for r in runs]}, "
        f"findings {[round(r.findings * 1000) for r in runs]} ({how})",
        file=sys.stderr,
    )
    keyed = "X keys" if where.real else "QTest keys"
    measured = (
        (f"keystroke latency p50, {keyed} into {called}, 10,000 cues", p50, 50.0),
        (f"keystroke latency p99, {keyed} into {called}, 10,000 cues", p99, 50.0),
        (f"longest freeze of the window while typing into {called}, 10,000 cues", freeze, 50.0),
        (f"findings after the last keystroke into {called}, 10,000 cues", findings, 250.0),
    )
    return [
        Row(
            where.named(name),
            seconds * 1000,
            "ms",
            limit,
            "ms (absolute bar)",
            seconds * 1000 / limit,
            bar=1.0 if barred else float("inf"),
        )
        for name, seconds, limit in measured
    ]


def _run(
    where: Screen, design: Path, field: str, polarity: str, tab: str = "", text: str = TEXT
) -> Typed:
    folder = Path(tempfile.mkdtemp(prefix="typing-", dir=design.parent))
    report, errors = folder / "report.json", folder / "stderr.txt"
    mode = "x" if where.display is not None else "qtest"
    forget_lock(design)
    command = [sys.executable, "-m", "bench.keystrokes_child", str(design), field, polarity]
    with errors.open("w") as stderr:
        child = subprocess.Popen(
            [*command, text, mode, str(report), *([tab] if tab else [])],
            env=where.env(folder),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        sent: list[float] = []
        if where.display is not None:
            _wait_ready(child, 300, errors)
            sent = _type(where.display.name, text)
        child.wait(timeout=len(text) * INTERVAL + 120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    if child.returncode != 0 or not report.exists():
        raise RuntimeError(
            f"typing child exited with {child.returncode} (3: not every key reached the "
            f"window):\n{errors.read_text()[-3000:]}"
        )
    data = json.loads(report.read_text())
    return _judge(data, sent or data["sent"], text)


def _wait_ready(child: subprocess.Popen[str], timeout: float, errors: Path) -> None:
    """Until the child has the focus where the keys go (it prints READY)."""
    assert child.stdout is not None
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if child.poll() is not None:
            break
        ready, _, _ = select.select([child.stdout], [], [], 0.5)
        if ready and child.stdout.readline().strip() == "READY":
            return
    raise RuntimeError(f"typing child never got ready:\n{errors.read_text()[-3000:]}")


def _type(display: str, text: str) -> list[float]:
    """Type `text` at a human pace through XTEST; the moment each key was sent."""
    keyboard = Keyboard(display)
    try:
        codes = keyboard.keycodes(text)
        sent = []
        first = time.monotonic() + 0.1
        for index, code in enumerate(codes):
            time.sleep(max(0.0, first + index * INTERVAL - time.monotonic()))
            sent.append(time.monotonic())
            keyboard.tap(code)
    finally:
        keyboard.close()
    return sent


def _judge(data: dict[str, Any], sent: list[float], text: str = TEXT) -> Typed:
    arrived, idle = data["arrived"], data["idle"]
    if len(arrived) != len(sent) or None in idle:
        raise RuntimeError(f"{len(arrived)} of {len(sent)} keys reached the window")
    if data["typed"] != data["before"] + text or data["model"] != data["typed"]:
        raise RuntimeError(
            f"the keys did not land in the field: it shows {data['typed'][-60:]!r}, the "
            f"design holds {str(data['model'])[-60:]!r}"
        )
    latencies = [done - start for start, done in zip(sent, idle, strict=True)]
    last_edit = data["changes"][-1] if data["changes"] else sent[0]
    checks = [moment for moment in data["checks"] if moment >= last_edit]
    if not data["final"]:
        end, how = float("inf"), "the findings shown are not the final design's"
    elif checks:
        paints = [moment for moment in data["findings_paints"] if moment >= checks[-1]]
        end, how = (paints[0], "painted") if paints else (checks[-1], "checked, nothing to redraw")
    else:
        end, how = idle[-1], "no check needed"
    until = end if end != float("inf") else idle[-1]
    freezes = [b - a for a, b in data["stalls"] if b > sent[0] and a < until]
    return Typed(latencies, max(freezes, default=0.0), end - sent[-1], how)
