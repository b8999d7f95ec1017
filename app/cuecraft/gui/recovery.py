"""Autosave to a recovery file, crash recovery, and the lock that detects a file open twice.

Paths live in the user's data folder (`CUECRAFT_DATA_DIR` overrides it, for tests
and portable installs). Recovery files are named after the process that wrote
them, so a file whose process is gone is work that was never saved.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths


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


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class Recovered:
    data: Path  # the design text
    meta: Path
    original: Path | None
    saved_at: float

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.saved_at))
        name = str(self.original) if self.original else "an untitled design"
        return f"{name} (autosaved {when})"

    def discard(self) -> None:
        for path in (self.data, self.meta):
            path.unlink(missing_ok=True)


class Autosave:
    """This process's recovery file: write the current text, remove it when saved."""

    def __init__(self) -> None:
        stem = f"recovery-{os.getpid()}"
        self.data = recovery_dir() / f"{stem}.yaml"
        self.meta = recovery_dir() / f"{stem}.json"

    def write(self, text: str, original: Path | None) -> None:
        write_atomically(self.data, text.encode("utf-8"))
        meta = {
            "original": str(original) if original else None,
            "saved_at": time.time(),
            "pid": os.getpid(),
        }
        write_atomically(self.meta, json.dumps(meta).encode("utf-8"))

    def clear(self) -> None:
        for path in (self.data, self.meta):
            path.unlink(missing_ok=True)


def orphaned_recoveries() -> list[Recovered]:
    """Recovery files left by processes that are no longer running, newest first."""
    found = []
    for meta_path in recovery_dir().glob("recovery-*.json"):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            pid = int(meta["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        data = meta_path.with_suffix(".yaml")
        if process_alive(pid) or not data.exists():
            continue
        original = Path(meta["original"]) if meta.get("original") else None
        found.append(Recovered(data, meta_path, original, float(meta.get("saved_at", 0))))
    return sorted(found, key=lambda r: -r.saved_at)


# -- the lock: one editor per file -------------------------------------------------------


def lock_path(design: Path) -> Path:
    return design.with_name(f".~{design.name}.cuecraft-lock")


def lock_holder(design: Path) -> str | None:
    """Who else has this file open ("process 123 on host"), or None if nobody alive does."""
    path = lock_path(design)
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        pid, host = int(info["pid"]), str(info["host"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if host == socket.gethostname() and (pid == os.getpid() or not process_alive(pid)):
        return None
    return f"another Cuecraft (process {pid} on {host})"


def take_lock(design: Path) -> None:
    info = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
    with contextlib.suppress(OSError):  # a read-only folder: nothing to protect against
        write_atomically(lock_path(design), json.dumps(info).encode("utf-8"))


def release_lock(design: Path) -> None:
    path = lock_path(design)
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        if int(info["pid"]) == os.getpid() and info["host"] == socket.gethostname():
            path.unlink()
    except (OSError, ValueError, KeyError, TypeError):
        pass
