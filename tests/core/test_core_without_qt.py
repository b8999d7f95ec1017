"""The core is Qt-free: its tests pass with PySide6 not importable (ARCHITECTURE.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOCKER = """
import sys
class _NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"{name} is blocked: the core must not import Qt")
        return None
sys.meta_path.insert(0, _NoQt())
"""


def test_core_tests_pass_with_pyside6_blocked(tmp_path):
    if os.environ.get("CUECRAFT_NO_QT_RUN"):
        return  # this test is running inside the blocked run itself
    (tmp_path / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "CUECRAFT_NO_QT_RUN": "1"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:pytest-qt",
            "-p",
            "no:cacheprovider",
            "-x",
            str(ROOT / "tests" / "core"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout


def test_the_blocker_really_blocks(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", "import PySide6"], capture_output=True, text=True, env=env
    )
    assert result.returncode != 0
    assert "blocked" in result.stderr


def test_core_modules_do_not_import_qt():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "app" / "cuecraft" / "core").rglob("*.py")
        if any(
            line.lstrip().startswith(("import PySide6", "from PySide6", "import shiboken6"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
