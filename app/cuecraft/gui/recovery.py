"""Autosave to a recovery file, crash recovery, and the lock that detects a file open twice.

Paths live in the user's data folder (`CUECRAFT_DATA_DIR` overrides it, for tests
and portable installs). Whether the Cuecraft that wrote a recovery or lock file still
runs is answered by an operating-system lock it holds while it runs (gui/liveness.py),
never by its process number: a killed process lingering as a zombie, or a new process
that got a dead one's number, would fool a number.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QStandardPaths, Signal

from cuecraft.core.disk import DiskState, disk_state
from cuecraft.core.i18n import _
from cuecraft.gui.liveness import beacon_alive, my_beacon, pid_alive_posix, sweep


def write_atomically(path: Path, data: bytes) -> None:
    from cuecraft.core.writer import write_atomically as write  # yaml: not at start-up

    write(path, data)


def data_dir() -> Path:
    override = os.environ.get("CUECRAFT_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(location or Path.home() / ".cuecraft")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def recovery_dir() -> Path:
    folder = data_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def failed_recovery_dir() -> Path:
    """Where recovery files that could not be opened are kept for the user."""
    return data_dir() / "recovery-failed"


def _beacons_dir() -> Path:
    return data_dir() / "running"


# -- who wrote it, and does it still run -----------------------------------------------------


def _host_name() -> str:
    """This machine's name, as `socket.gethostname()` says it (on POSIX without the socket
    module, 3 ms of a start)."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    import socket

    return socket.gethostname()


HOST = _host_name()
# This process, as its lock files name it (its number may be a dead process's too).
_TOKEN = os.urandom(8).hex()


def _signature() -> dict[str, Any]:
    beacon = my_beacon(_beacons_dir())
    return {
        "pid": os.getpid(),
        "host": HOST,
        "token": _TOKEN,
        "beacon": str(beacon) if beacon else None,
    }


def _is_me(info: dict[str, Any]) -> bool:
    return info.get("token") == _TOKEN and info.get("host") == HOST


def _writer_alive(info: dict[str, Any], *, if_unknown: bool) -> bool:
    """Whether the process that wrote `info` (a lock or recovery record) still runs."""
    if _is_me(info):
        return True
    if info.get("host") != HOST:
        return True  # another computer's process cannot be probed from here
    beacon = info.get("beacon")
    if isinstance(beacon, str) and beacon:
        return beacon_alive(beacon)
    # Written before beacons (or where none could be held): only its number is known.
    pid = info.get("pid")
    if not isinstance(pid, int) or pid == os.getpid():
        return False  # my number but not my token: an earlier process with my number
    if sys.platform == "win32":
        return if_unknown  # os.kill(pid, 0) would terminate it on Windows
    return pid_alive_posix(pid)


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))


# -- recovery ----------------------------------------------------------------------------------


def _state_to_json(state: DiskState | None) -> dict[str, Any] | None:
    if state is None:
        return None
    return {"size": state.size, "mtime_ns": state.mtime_ns, "sha256": state.sha256}


def _state_from_json(value: object) -> DiskState | None:
    if not isinstance(value, dict):
        return None
    try:
        return DiskState(int(value["size"]), int(value["mtime_ns"]), str(value["sha256"]))
    except (KeyError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Recovered:
    data: Path  # the design text
    meta: Path
    original: Path | None
    saved_at: float
    # The file as the unsaved work started from it (None: not known, or untitled).
    base: DiskState | None = None

    def file_saved_at(self) -> float | None:
        """When the original file was last written, or None if it is not there."""
        if self.original is None:
            return None
        try:
            return self.original.stat().st_mtime
        except OSError:
            return None

    @property
    def disk_differs(self) -> bool:
        """The original file is no longer the version this work started from."""
        if self.original is None:
            return False
        now = disk_state(self.original)
        if now is None:
            return False
        return self.base is None or not self.base.same_content(now)

    @property
    def file_is_newer(self) -> bool:
        """The original file was saved after this work was autosaved (by another window,
        another program, or this one after the crash that left the recovery hidden)."""
        saved = self.file_saved_at()
        return saved is not None and saved > self.saved_at and self.disk_differs

    def describe(self) -> str:
        # TRANSLATORS: in the question whether to recover work, instead of a file's name
        name = str(self.original) if self.original else _("an untitled design")
        lines = [name, _("Autosaved {time}.").format(time=_when(self.saved_at))]
        saved = self.file_saved_at()
        if self.original is not None and saved is None:
            lines.append(_("The file is no longer there; saving writes it again."))
        elif self.file_is_newer and saved is not None:
            lines.append(
                _(
                    "The file on disk is NEWER: it was saved {saved}, after this "
                    "autosave ({autosaved}). Recovering opens the autosaved work as "
                    "unsaved changes and leaves the newer file as it is; Save asks before "
                    "replacing it."
                ).format(saved=_when(saved), autosaved=_when(self.saved_at))
            )
        elif self.disk_differs and saved is not None:
            lines.append(
                _(
                    "The file on disk (saved {saved}) is not the version this work "
                    "started from; Save asks before replacing it."
                ).format(saved=_when(saved))
            )
        return "\n".join(lines)

    def discard(self) -> None:
        for path in (self.data, self.meta):
            path.unlink(missing_ok=True)

    def set_aside(self) -> Path | None:
        """Move the recovery out of the way, into `failed_recovery_dir()`, so that it is
        not tried again at every start and the user can still read it; where it went, or
        None if it could not be moved (then it is renamed where it is, if possible)."""
        stem = self.original.stem if self.original else "untitled"
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self.saved_at))
        name = f"{stamp}-{stem}-{self.data.stem}"
        for folder in (failed_recovery_dir(), self.data.parent):
            target = folder / f"{name}.yaml"
            try:
                folder.mkdir(parents=True, exist_ok=True)
                os.replace(self.data, target)
            except OSError:
                continue
            with contextlib.suppress(OSError):
                os.replace(self.meta, folder / f"{name}.json")
            return target
        return None


class Autosave:
    """This window's recovery file: write the current text, remove it when saved.

    `base` tells which version of the file the unsaved work started from (the window's
    last read or save), so that recovery can say whether the file changed since."""

    def __init__(self, base: Callable[[], DiskState | None] | None = None) -> None:
        stem = f"recovery-{os.getpid()}-{os.urandom(4).hex()}"
        self.data = recovery_dir() / f"{stem}.yaml"
        self.meta = recovery_dir() / f"{stem}.json"
        self._base = base

    def write(self, text: str, original: Path | None) -> None:
        write_atomically(self.data, text.encode("utf-8"))
        meta = {
            **_signature(),
            "original": str(original) if original else None,
            "saved_at": time.time(),
            "base": _state_to_json(self._base() if self._base and original else None),
        }
        write_atomically(self.meta, json.dumps(meta).encode("utf-8"))

    def clear(self) -> None:
        for path in (self.data, self.meta):
            path.unlink(missing_ok=True)


def orphaned_recoveries() -> list[Recovered]:
    """Recovery files left by processes that are no longer running, newest first."""
    sweep(_beacons_dir())
    found = []
    for meta_path in recovery_dir().glob("recovery-*.json"):
        meta = _read_json(meta_path)
        if meta is None or _writer_alive(meta, if_unknown=False):
            continue
        data = meta_path.with_suffix(".yaml")
        if not data.exists():
            meta_path.unlink(missing_ok=True)  # its text was never written: nothing to offer
            continue
        original = Path(meta["original"]) if isinstance(meta.get("original"), str) else None
        try:
            saved_at = float(meta.get("saved_at", 0))
        except (TypeError, ValueError):
            saved_at = 0.0
        found.append(
            Recovered(data, meta_path, original, saved_at, _state_from_json(meta.get("base")))
        )
    return sorted(found, key=lambda r: -r.saved_at)


# -- the lock: one editor per file -------------------------------------------------------
#
# `.~NAME.cuecraft-lock` beside the design names the Cuecraft that holds it and its
# beacon. Taking over rewrites it: the window that lost it finds another name in it at
# its next save (and at once, through `lock_watch()`), and asks before saving over.


def lock_path(design: Path) -> Path:
    return design.with_name(f".~{design.name}.cuecraft-lock")


def lock_holder(design: Path) -> str | None:
    """Who else has this file open ("another Cuecraft (process 123 on host)"), or None if
    nobody does, or only this process, or only processes that have ended."""
    info = _read_json(lock_path(design))
    if info is None or _is_me(info) or not _writer_alive(info, if_unknown=True):
        return None
    # TRANSLATORS: who holds a file, as in "cafe.yaml is already open in {holder}"
    return _("another Cuecraft (process {pid} on {host})").format(
        pid=info.get("pid"), host=info.get("host")
    )


def still_mine(design: Path) -> bool:
    """Whether saving to `design` writes over nobody else's lock: this process holds it,
    or nobody alive does. False after another Cuecraft took it over."""
    return lock_holder(design) is None


def take_lock(design: Path) -> None:
    """Hold the lock on `design`, over whoever held it ("take over" included)."""
    info = {**_signature(), "since": time.time()}
    try:
        write_atomically(lock_path(design), json.dumps(info).encode("utf-8"))
    except OSError:
        return  # a read-only folder: nothing to protect against
    if QCoreApplication.instance() is not None:
        lock_watch().watch(design)


def release_lock(design: Path) -> None:
    """Give the lock up, if this process still holds it (not if it was taken over)."""
    if _watch is not None:
        _watch.unwatch(design)
    path = lock_path(design)
    info = _read_json(path)
    if info is not None and _is_me(info):
        path.unlink(missing_ok=True)


class LockWatch(QObject):
    """Watches the lock files this process holds: `taken_over(design, holder)` fires as
    soon as another Cuecraft takes one of them over."""

    taken_over = Signal(Path, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._designs: dict[str, Path] = {}

    def watch(self, design: Path) -> None:
        name = str(lock_path(design))
        self._designs[name] = design
        if name not in self._watcher.files():
            self._watcher.addPath(name)

    def unwatch(self, design: Path) -> None:
        name = str(lock_path(design))
        if self._designs.pop(name, None) is not None and name in self._watcher.files():
            self._watcher.removePath(name)

    def _changed(self, name: str) -> None:
        design = self._designs.get(name)
        if design is None:
            return
        # A take-over replaces the file: the watcher then lost it; watch it again.
        if name not in self._watcher.files() and Path(name).exists():
            self._watcher.addPath(name)
        holder = lock_holder(design)
        if holder is not None:
            self.taken_over.emit(design, holder)


_watch: LockWatch | None = None


def lock_watch() -> LockWatch:
    """The process's lock watcher (it lives as long as the application)."""
    global _watch
    if _watch is None:
        _watch = LockWatch(QCoreApplication.instance())
        _watch.destroyed.connect(_forget_watch)
    return _watch


def _forget_watch() -> None:
    global _watch
    _watch = None
