"""A real X server for the workbench: Xvfb at a given screen size with openbox managing it.

Each `Display` is one Xvfb (a display number Xvfb picks itself, so parallel runs never
collide) and one openbox on it, isolated from the user's own settings. The tests start
the workbench in a child process on it (see driver.py): one process can hold only one
Qt platform, and the main test run is offscreen.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xprop": "x11-utils"}
INSTALL_HINT = "sudo apt-get install xvfb openbox xdotool x11-utils"


def missing_tools() -> list[str]:
    """The Debian packages whose programs are not on PATH."""
    return sorted({package for tool, package in TOOLS.items() if shutil.which(tool) is None})


@dataclass
class Display:
    name: str  # ":12"
    width: int
    height: int
    home: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        """The environment for a program on this display: X only, nothing of the caller's
        screen or desktop (Wayland, scaling, a desktop's native dialogs, its session bus)
        leaking in."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(
                ("QT_", "WAYLAND_", "XDG_", "KDE_", "GNOME_", "DESKTOP_SESSION", "DBUS_")
            )
        }
        env["DISPLAY"] = self.name
        env["XDG_CONFIG_HOME"] = str(self.home / "config")
        env["XDG_RUNTIME_DIR"] = str(self.home / "runtime")
        return env

    def run(self, *args: str, timeout: float = 10) -> str:
        """Run an X client (xprop, xdotool) on this display; its standard output."""
        result = subprocess.run(
            args, env=self.env(), capture_output=True, text=True, timeout=timeout, check=True
        )
        return result.stdout

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(5)
        self.processes.clear()


def start_display(width: int, height: int, home: Path) -> Display:
    """Xvfb with one screen of width×height (24-bit), and openbox, ready for windows."""
    for sub in ("config", "runtime"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "runtime").chmod(0o700)
    log = open(home / "x.log", "wb")  # noqa: SIM115 - kept open by the processes
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_end),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_end,),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    os.close(write_end)
    display = Display("", width, height, home, [xvfb])
    try:
        number = _read_display_number(read_end, xvfb)
        display.name = f":{number}"
        openbox = subprocess.Popen(
            ["openbox", "--sm-disable"], env=display.env(), stdout=log, stderr=subprocess.STDOUT
        )
        display.processes.append(openbox)
        _wait_for_window_manager(display, openbox)
    except BaseException:
        display.stop()
        raise
    finally:
        os.close(read_end)
    return display


def _read_display_number(read_end: int, xvfb: subprocess.Popen[bytes]) -> int:
    deadline = time.monotonic() + 15
    data = b""
    while not data.endswith(b"\n"):
        if time.monotonic() > deadline or xvfb.poll() is not None:
            raise RuntimeError(f"Xvfb did not start (exit code {xvfb.poll()})")
        ready, _, _ = select.select([read_end], [], [], 0.2)
        if ready:
            chunk = os.read(read_end, 64)
            if not chunk:
                raise RuntimeError("Xvfb closed -displayfd without a display number")
            data += chunk
    return int(data.strip())


def _wait_for_window_manager(display: Display, openbox: subprocess.Popen[bytes]) -> None:
    """Until openbox has announced itself on the root window (EWMH)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if openbox.poll() is not None:
            raise RuntimeError(f"openbox exited with code {openbox.returncode}")
        try:
            if "window id" in display.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK"):
                return
        except subprocess.CalledProcessError:
            pass
        time.sleep(0.1)
    raise RuntimeError("openbox did not take over the screen within 15 s")
