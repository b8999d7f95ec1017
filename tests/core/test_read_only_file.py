"""A read-only design is never replaced by a save, though its folder allows a rename.

Run as a user the file is read-only for: root may write anything, so as root the save
runs in a child process that drops to the 'nobody' user first.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOTEL = ROOT / "designs" / "boutique-hotel.yaml"

SAVE = """
import os, sys
from cuecraft.core.fileformat import DesignSaveError, load_design, save_design
from cuecraft.core.writer import dump_design
design = load_design(sys.argv[1])
design.title = "Overwritten"
dump_design(design)  # everything a save imports is loaded while Python's files are readable
uid = int(sys.argv[3])
if uid >= 0:
    os.setgid(uid); os.setuid(uid)
try:
    save_design(design, sys.argv[2])
except DesignSaveError as error:
    print("refused:", error)
    sys.exit(3)
print("saved")
"""


def nobody() -> int:
    import pwd

    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        pytest.skip("no 'nobody' user to drop to")


def test_a_read_only_file_in_a_writable_folder_is_not_replaced():
    # In the system's temporary folder: pytest's own is closed to other users.
    with tempfile.TemporaryDirectory(prefix="cuecraft-ro-") as name:
        check_refused(Path(name))


def check_refused(folder: Path) -> None:
    folder.chmod(0o777)
    target = folder / "hotel.yaml"
    target.write_bytes(HOTEL.read_bytes())
    target.chmod(0o444)
    uid = nobody() if os.geteuid() == 0 else -1
    env = {**os.environ, "PYTHONPATH": str(ROOT / "app")}
    done = subprocess.run(
        [sys.executable, "-c", SAVE, str(HOTEL), str(target), str(uid)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 3, done.stdout + done.stderr
    assert "read-only" in done.stdout
    assert target.read_bytes() == HOTEL.read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == ["hotel.yaml"]
