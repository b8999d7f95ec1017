"""The real-X-server smoke set: Xvfb with openbox, the workbench in a child process.

The rest of the suite runs Qt offscreen in the pytest process itself (tests/conftest.py);
a process holds one Qt platform and one screen setup, so every scenario here runs the
workbench in a child process (driver.py) on a display of the size it needs, with
QT_QPA_PLATFORM=xcb and fresh settings, recovery and lock folders (a first start).

Without Xvfb, openbox, xdotool or xprop these tests skip with the command that installs
them; with CI or CUECRAFT_REQUIRE_X=1 set, they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.xserver.display import INSTALL_HINT, Display, missing_tools, start_display

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("driver.py")
XCB_LIBS_HINT = (
    "sudo apt-get install libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 "
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
)

# name: (width, height, QT_SCALE_FACTOR or None)
SCREENS: dict[str, tuple[int, int, str | None]] = {
    "1024x768": (1024, 768, None),
    "1366x768": (1366, 768, None),
    "3840x2160@200%": (3840, 2160, "2"),
}


def x_required() -> bool:
    return bool(os.environ.get("CI")) or os.environ.get("CUECRAFT_REQUIRE_X") == "1"


def unavailable(message: str) -> None:
    if x_required():
        pytest.fail(f"{message} (required here: CI or CUECRAFT_REQUIRE_X=1 is set)", pytrace=False)
    pytest.skip(message)


@dataclass
class Run:
    """One scenario's child process: its exit code, its report and its stderr."""

    scenario: str
    returncode: int
    report: dict[str, Any]
    stderr: str

    def explain(self) -> str:
        return (
            f"scenario {self.scenario}: exit code {self.returncode}\n"
            f"report: {json.dumps(self.report, indent=1)[-3000:]}\n"
            f"stderr: {self.stderr[-3000:]}"
        )

    def check_ran(self) -> dict[str, Any]:
        """The report, after failing the test if the workbench crashed or the scenario broke."""
        assert self.returncode == 0, "the workbench process died\n" + self.explain()
        assert "error" not in self.report, "the scenario broke\n" + self.explain()
        assert self.report.get("platform") == "xcb", self.explain()
        return self.report


@pytest.fixture(scope="session")
def x_display(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Display]]:
    """`x_display("1024x768")`: a display of that screen (started once per session)."""
    missing = missing_tools()
    if missing:
        unavailable(
            f"the real-X-server tests need {', '.join(missing)}; install with: {INSTALL_HINT}"
        )
    started: dict[tuple[int, int], Display] = {}
    checked_qt: list[bool] = []

    def get(screen: str) -> Display:
        width, height, _ = SCREENS[screen]
        if (width, height) not in started:
            started[(width, height)] = start_display(
                width, height, tmp_path_factory.mktemp(f"x{width}x{height}")
            )
        display = started[(width, height)]
        if not checked_qt:
            _check_qt_on(display)
            checked_qt.append(True)
        return display

    yield get
    for display in started.values():
        display.stop()


def _check_qt_on(display: Display) -> None:
    env = {**display.env(), "QT_QPA_PLATFORM": "xcb"}
    probe = subprocess.run(
        [sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if probe.returncode != 0:
        unavailable(
            f"Qt cannot open the X display (its xcb libraries?): {probe.stderr.strip()[-600:]}; "
            f"install with: {XCB_LIBS_HINT}"
        )


@pytest.fixture(scope="session")
def run_scenario(
    x_display: Callable[[str], Display], tmp_path_factory: pytest.TempPathFactory
) -> Callable[..., Run]:
    """`run_scenario(name, screen, design)`: the workbench on `design` (copied into a fresh
    folder, with its feedback side file) on a display of `screen`, driven by driver.py."""

    def run(scenario: str, screen: str, design: Path, timeout: float = 120) -> Run:
        display = x_display(screen)
        _, _, scale = SCREENS[screen]
        home = tmp_path_factory.mktemp(scenario)
        work = home / "designs"
        work.mkdir()
        copy = work / design.name
        shutil.copyfile(design, copy)
        side = design.with_name(design.stem + ".feedback.yaml")
        if side.exists():
            shutil.copyfile(side, work / side.name)
        env = display.env()
        env.update(
            QT_QPA_PLATFORM="xcb",
            CUECRAFT_DATA_DIR=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "share"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
            NO_AT_BRIDGE="1",
        )
        if scale:
            env["QT_SCALE_FACTOR"] = scale
        out = home / "report.json"
        try:
            child = subprocess.run(
                [sys.executable, str(DRIVER), scenario, str(out), str(copy)],
                env=env,
                cwd=work,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
            returncode, stderr = child.returncode, child.stderr
        except subprocess.TimeoutExpired as expired:
            returncode = -999
            partial = expired.stderr or b""
            if isinstance(partial, bytes):
                partial = partial.decode("utf-8", "replace")
            stderr = f"timed out after {timeout} s\n{partial}"
        report = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        report["work_files"] = sorted(p.name for p in work.iterdir())
        return Run(scenario, returncode, report, stderr)

    return run
