"""What the real world does to files: a process killed mid-save never leaves a mix."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from cuecraft.core.fileformat import load_design

ROOT = Path(__file__).resolve().parents[2]

SAVER = textwrap.dedent("""
    import sys
    from bench.generate import generate
    from cuecraft.core.fileformat import save_design
    path = sys.argv[1]
    first, second = generate(400, seed=1), generate(400, seed=2)
    first.title, second.title = "first", "second"
    save_design(first, path)
    print("ready", flush=True)
    while True:
        save_design(second, path)
        save_design(first, path)
""")


def test_killed_during_save_the_file_is_always_the_old_or_the_new_design(tmp_path):
    path = tmp_path / "design.yaml"
    rng = random.Random(20261123)
    titles = set()
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        child.stdin = None
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.3))
        finally:
            child.kill()  # SIGKILL at a random point of a save
            child.wait()
        design = load_design(path)
        assert design.title in ("first", "second")
        assert len(design.cues) == 400
        titles.add(design.title)
        leftovers = [p.name for p in tmp_path.iterdir() if p.name != "design.yaml"]
        for name in leftovers:  # a killed save may leave its temporary file, never a mix
            assert name.startswith(".design.yaml.") and name.endswith(".tmp")
            (tmp_path / name).unlink()
    assert titles, "the loop ran"
