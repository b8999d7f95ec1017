"""Code run in a fresh interpreter, in isolated mode (-I: no PYTHONPATH, no user site, no
sitecustomize from the environment), so that nothing else preloads what it looks for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fresh_python(code: str, *args: str) -> str:
    """What `code` printed, run with `args` from the repository's root; it must succeed."""
    result = subprocess.run(
        [sys.executable, "-I", "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()
