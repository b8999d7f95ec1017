"""Is the Cuecraft that wrote a lock or recovery file still running? An OS lock says.

Every running Cuecraft holds an exclusive operating-system lock on a small file of its
own, its *beacon*, for as long as it runs, and names that file in the lock and recovery
files it writes. Whoever wants to know whether that writer still runs tries to take the
same lock: if it can, the writer is gone.

The operating system drops the lock the moment a process ends (closed, crashed, killed
with kill -9, or lingering as a zombie nobody reaped: its files are closed before it
becomes one), and the lock belongs to the open file, not to a process number, so a new
process that happens to get a dead one's number (PIDs are reused) holds nothing.
Nothing here ever signals a process: `os.kill(pid, 0)` *terminates* it on Windows.

flock() on macOS and Linux; LockFileEx (through msvcrt.locking) on Windows, where a lock
is also dropped when its process ends. This is what the `filelock` library does.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from pathlib import Path

_BINARY = getattr(os, "O_BINARY", 0)

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # byte 0; may lie past the end
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class Beacon:
    """This process's beacon: a file it holds locked until it ends."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.pid = os.getpid()
        self.path = folder / f"{self.pid}-{os.urandom(6).hex()}.alive"
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _BINARY, 0o644)
        if not _try_lock(fd):  # a file system without locks: no beacon, say so
            os.close(fd)
            self.path.unlink(missing_ok=True)
            raise OSError(f"cannot lock {self.path}")
        self._fd: int | None = fd

    def close(self) -> None:
        """Drop the lock and the file (at exit; the OS drops the lock on a crash)."""
        if self._fd is not None and self.pid == os.getpid():
            os.close(self._fd)
            self._fd = None
            self.path.unlink(missing_ok=True)


_beacon: Beacon | None = None


def my_beacon(folder: Path) -> Path | None:
    """The beacon of this process (created in `folder` the first time), or None when no
    lock can be held there (a read-only folder, a file system without locks)."""
    global _beacon
    if _beacon is None or _beacon.pid != os.getpid():  # a forked child needs its own
        try:
            _beacon = Beacon(folder)
        except OSError:
            return None
        atexit.register(_beacon.close)
    return _beacon.path


def is_mine(beacon: str | os.PathLike[str]) -> bool:
    return _beacon is not None and _beacon.pid == os.getpid() and Path(beacon) == _beacon.path


def beacon_alive(beacon: str | os.PathLike[str]) -> bool:
    """Whether the process that holds `beacon` still runs. Unsure (a file that cannot be
    opened, a file system without locks) counts as running: the caller then asks the user
    instead of acting for them."""
    if is_mine(beacon):
        return True
    try:
        fd = os.open(beacon, os.O_RDONLY | _BINARY)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        if not _try_lock(fd):
            return True
        _unlock(fd)
    finally:
        os.close(fd)
    # Its process is gone: the file is litter now.
    with contextlib.suppress(OSError):
        Path(beacon).unlink()
    return False


def sweep(folder: Path) -> None:
    """Remove the beacons of processes that ended without removing theirs (crashes)."""
    with contextlib.suppress(OSError):
        for path in folder.glob("*.alive"):
            beacon_alive(path)


def pid_alive_posix(pid: int) -> bool:
    """For files written before beacons existed: whether `pid` runs and is not a zombie.
    Only on POSIX systems, where signal 0 probes; never call it on Windows."""
    if sys.platform == "win32":  # pragma: no cover - guarded by the callers
        raise RuntimeError("os.kill(pid, 0) terminates the process on Windows")
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (Linux): ended, not yet reaped
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]
