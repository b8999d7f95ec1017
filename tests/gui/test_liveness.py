"""Whether the Cuecraft behind a lock or recovery file still runs: an OS lock, not a PID.

Real processes: a holder that runs, one killed and left a zombie (not reaped), and a
live process whose number a lock file names (a reused PID).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cuecraft.gui import recovery
from cuecraft.gui.liveness import beacon_alive, pid_alive_posix, sweep

LINUX = sys.platform.startswith("linux")


@pytest.fixture
def data(monkeypatch, tmp_path) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(folder))
    return folder


def holder(design: Path, recovery_text: str | None = None) -> subprocess.Popen[str]:
    """Another Cuecraft: takes the lock on `design` (and autosaves), then waits."""
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from cuecraft.gui.recovery import Autosave, take_lock
        design = Path({str(design)!r})
        take_lock(design)
        if {recovery_text!r} is not None:
            Autosave().write({recovery_text!r}, design)
        print("ready", flush=True)
        time.sleep(120)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    return child


def state(pid: int) -> str:
    stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    return stat.rpartition(")")[2].split()[0]


def zombie(child: subprocess.Popen[str]) -> None:
    """Kill `child` and leave it unreaped: a zombie, which signal 0 still finds."""
    child.send_signal(signal.SIGKILL)
    deadline = time.monotonic() + 10
    while state(child.pid) != "Z":
        assert time.monotonic() < deadline, "the child never became a zombie"
        time.sleep(0.02)
    os.kill(child.pid, 0)  # no error: a PID probe would call it alive


def test_a_running_holder_holds_its_lock_and_its_recovery(data, tmp_path):
    design = tmp_path / "cafe.yaml"
    design.write_text("cuecraft: 1\n", encoding="utf-8")
    child = holder(design, "cuecraft: 1\ntitle: unsaved\n")
    try:
        assert str(child.pid) in (recovery.lock_holder(design) or "")
        assert not recovery.still_mine(design)
        assert recovery.orphaned_recoveries() == [], "a running process's work is not offered"
    finally:
        child.kill()
        child.wait()


@pytest.mark.skipif(not LINUX, reason="a zombie's state is read from /proc")
def test_a_zombie_holds_no_lock_and_does_not_hide_its_recovery(data, tmp_path):
    design = tmp_path / "cafe.yaml"
    design.write_text("cuecraft: 1\n", encoding="utf-8")
    child = holder(design, "cuecraft: 1\ntitle: unsaved\n")
    try:
        zombie(child)
        assert not pid_alive_posix(child.pid), "the fallback probe knows zombies too"
        assert recovery.lock_holder(design) is None
        assert recovery.still_mine(design)
        found = recovery.orphaned_recoveries()
        assert [r.original for r in found] == [design]
        assert found[0].data.read_text(encoding="utf-8") == "cuecraft: 1\ntitle: unsaved\n"
        assert state(child.pid) == "Z", "still a zombie while checked"
    finally:
        child.wait()


def test_a_reused_pid_holds_no_lock_and_hides_no_recovery(data, tmp_path):
    # What a dead Cuecraft's files look like once its PID went to another process:
    # the number is alive, the beacon the files name is not held by anyone.
    design = tmp_path / "cafe.yaml"
    design.write_text("cuecraft: 1\n", encoding="utf-8")
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        dead_beacon = tmp_path / "data" / "running" / f"{other.pid}-0123456789ab.alive"
        dead_beacon.parent.mkdir(parents=True, exist_ok=True)
        dead_beacon.write_bytes(b"")
        written_by = {
            "pid": other.pid,
            "host": recovery.HOST,
            "token": "a-dead-process",
            "beacon": str(dead_beacon),
        }
        recovery.lock_path(design).write_text(json.dumps(written_by), encoding="utf-8")
        folder = recovery.recovery_dir()
        (folder / f"recovery-{other.pid}-dead.yaml").write_text(
            "cuecraft: 1\ntitle: lost?\n", encoding="utf-8"
        )
        meta = {**written_by, "original": str(design), "saved_at": time.time()}
        (folder / f"recovery-{other.pid}-dead.json").write_text(json.dumps(meta), encoding="utf-8")
        assert other.poll() is None, "the PID is in use"
        assert recovery.lock_holder(design) is None
        assert [r.original for r in recovery.orphaned_recoveries()] == [design]
        assert not dead_beacon.exists(), "a dead process's beacon is cleared away"
    finally:
        other.kill()
        other.wait()


def test_my_own_lock_is_mine_and_released(data, tmp_path):
    design = tmp_path / "cafe.yaml"
    recovery.take_lock(design)
    info = json.loads(recovery.lock_path(design).read_text(encoding="utf-8"))
    assert info["pid"] == os.getpid() and beacon_alive(info["beacon"])
    assert recovery.lock_holder(design) is None and recovery.still_mine(design)
    recovery.release_lock(design)
    assert not recovery.lock_path(design).exists()


def test_an_old_lock_file_naming_my_pid_without_my_token_is_stale(data, tmp_path):
    # Written by an earlier Cuecraft that had this process's number.
    design = tmp_path / "cafe.yaml"
    old = {"pid": os.getpid(), "host": recovery.HOST, "since": 0}
    recovery.lock_path(design).write_text(json.dumps(old), encoding="utf-8")
    assert recovery.lock_holder(design) is None


def test_sweep_removes_only_the_beacons_of_ended_processes(data, tmp_path):
    design = tmp_path / "cafe.yaml"
    child = holder(design)
    try:
        running = data / "running"
        live = Path(json.loads(recovery.lock_path(design).read_text(encoding="utf-8"))["beacon"])
        assert live.parent == running
        litter = running / "99999999-deadbeef0000.alive"
        litter.write_bytes(b"")
        sweep(running)
        assert not litter.exists()
        assert live.exists() and beacon_alive(live)
    finally:
        child.kill()
        child.wait()
    assert not beacon_alive(live) and not live.exists()
