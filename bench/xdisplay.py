"""Where the workbench benches run: a real X server with a window manager when there is one.

SPEC §7 measures the design visible and typing "under a real X server with a window
manager": Xvfb with openbox (tests/xserver/display.py), the workbench in a child process
with QT_QPA_PLATFORM=xcb. Without Xvfb, openbox, xdotool or xprop the benches fall back
to Qt's offscreen platform and every row says so in its name; they never skip silently.

Keys are typed through the XTEST extension, as xdotool types them (the X server delivers
them to the focused window as a keyboard would), but from this process through libXtst:
one `xdotool` process per key would add its own start (a few ms, varying) to every
keystroke's measured latency.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.xserver.display import Display, missing_tools, start_display

from bench import process_env

# The X names of the keys for characters that are not their own name.
KEYSYMS = {" ": "space", ",": "comma"}
# A common laptop screen; the bare window and ours start on the same one.
SCREEN = (1366, 768)


@dataclass
class Screen:
    """Where the child processes run: `display` (Xvfb + openbox) or None for offscreen,
    with `why` saying why not (for the rows' names)."""

    display: Display | None
    why: str = ""

    @property
    def real(self) -> bool:
        return self.display is not None

    def env(self, folder: Path) -> dict[str, str]:
        """A child's environment: this screen, and a settings, recovery and lock folder of
        its own under `folder`, made fresh (a first start: no recovery offered, no lock
        left by an earlier run)."""
        data = Path(tempfile.mkdtemp(prefix="data-", dir=folder))
        if self.display is not None:
            env = {k: v for k, v in self.display.env().items() if k != "PYTHONDONTWRITEBYTECODE"}
            env["QT_QPA_PLATFORM"] = "xcb"
        else:
            env = {**process_env(), "QT_QPA_PLATFORM": "offscreen"}
        env["CUECRAFT_DATA_DIR"] = str(data)
        return env

    def named(self, name: str) -> str:
        """A row's name, saying where it was measured when it was not under X."""
        return f"{name} ({self.why})" if self.why else name


@contextmanager
def screen(folder: Path) -> Iterator[Screen]:
    """Xvfb with openbox for the duration, stopped after; or offscreen, saying why."""
    missing = missing_tools()
    if missing:
        why = "offscreen: no Xvfb" if "xvfb" in missing else f"offscreen: no {', '.join(missing)}"
        print(f"bench: {why} (install: {' '.join(missing)}); measuring offscreen", file=sys.stderr)
        yield Screen(None, why)
        return
    try:
        display = start_display(*SCREEN, Path(tempfile.mkdtemp(prefix="x-", dir=folder)))
    except (OSError, RuntimeError) as error:
        print(f"bench: Xvfb did not start ({error}); measuring offscreen", file=sys.stderr)
        yield Screen(None, "offscreen: Xvfb failed to start")
        return
    try:
        yield Screen(display)
    finally:
        display.stop()


def forget_lock(design: Path) -> None:
    """Remove the lock a child left beside the design (it ends with os._exit, or is
    killed): each run opens the file as a first start does."""
    design.with_name(f".~{design.name}.cuecraft-lock").unlink(missing_ok=True)


class Keyboard:
    """Real key presses on an X display, through XTEST (what xdotool uses)."""

    def __init__(self, display: str) -> None:
        x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x11.XStringToKeysym.restype = ctypes.c_ulong
        x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x11.XFlush.argtypes = [ctypes.c_void_p]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        xtst.XTestFakeKeyEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        self._x11, self._xtst = x11, xtst
        self._display = x11.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")

    def keycode(self, keysym: str) -> int:
        """The key that types `keysym` (an X keysym name: "a", "space")."""
        symbol = self._x11.XStringToKeysym(keysym.encode())
        code = int(self._x11.XKeysymToKeycode(self._display, symbol))
        if code == 0:
            raise ValueError(f"no key types {keysym!r} on this display")
        return code

    def keycodes(self, text: str) -> list[int]:
        """The key that types each character of `text` (letters, digits, spaces, commas)."""
        return [self.keycode(KEYSYMS.get(char, char)) for char in text]

    def tap(self, keycode: int) -> None:
        """Press and release one key, sent to the server at once."""
        self._xtst.XTestFakeKeyEvent(self._display, keycode, 1, 0)
        self._xtst.XTestFakeKeyEvent(self._display, keycode, 0, 0)
        self._x11.XFlush(self._display)

    def close(self) -> None:
        if self._display:
            self._x11.XCloseDisplay(self._display)
            self._display = None
