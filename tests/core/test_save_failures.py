"""A failed save leaves the previous file byte-identical and says why."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import textwrap
import uuid
from pathlib import Path

import pytest

from cuecraft.core import writer
from cuecraft.core.fileformat import DesignSaveError, load_design, parse_design, save_design

SOURCE = "cuecraft: 1\ntitle: Before\ntheme:\n  name: N\n"


def _big_design():
    design = parse_design(SOURCE)
    design.title = "After " + "x" * 200_000
    return design


def test_disk_failing_mid_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "d.yaml"
    target.write_text(SOURCE, encoding="utf-8")
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        real_fsync(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writer.os, "fsync", failing_fsync)
    with pytest.raises(DesignSaveError, match="No space left on device"):
        save_design(_big_design(), target)
    assert target.read_text(encoding="utf-8") == SOURCE
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"], "temporary file left behind"


@pytest.fixture
def full_disk():
    """A real 64 KB filesystem, when this machine lets us mount one."""
    folder = Path(tempfile.mkdtemp(prefix="cuecraft-full-"))
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
        ).returncode
        == 0
    )
    if not mounted:
        folder.rmdir()
        pytest.skip("cannot mount a small filesystem here; the simulated ENOSPC test covers it")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)
    folder.rmdir()


def test_a_really_full_disk_leaves_the_old_file(full_disk):
    target = full_disk / "d.yaml"
    target.write_text(SOURCE, encoding="utf-8")
    with pytest.raises(DesignSaveError, match="No space left on device"):
        save_design(_big_design(), target)
    assert target.read_text(encoding="utf-8") == SOURCE
    assert [p.name for p in full_disk.iterdir()] == ["d.yaml"]


def test_a_read_only_folder_leaves_the_old_file():
    folder = Path(tempfile.gettempdir()) / f"cuecraft-ro-{uuid.uuid4().hex}"
    folder.mkdir()
    target = folder / "d.yaml"
    target.write_text(SOURCE, encoding="utf-8")
    folder.chmod(0o555)
    code = textwrap.dedent(f"""
        import os, sys
        from cuecraft.core.fileformat import parse_design, save_design, DesignSaveError
        if os.getuid() == 0:  # root ignores permissions: save as an ordinary user
            os.setgid(65534); os.setuid(65534)
        design = parse_design({SOURCE!r})
        design.title = "After"
        try:
            save_design(design, {str(target)!r})
        except DesignSaveError as error:
            print(error)
            sys.exit(0)
        sys.exit(3)
    """)
    try:
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith(f"could not save {target}")
        assert target.read_text(encoding="utf-8") == SOURCE
        assert sorted(p.name for p in folder.iterdir()) == ["d.yaml"]
    finally:
        folder.chmod(0o755)
        target.unlink()
        folder.rmdir()


def test_a_successful_save_keeps_the_file_mode(tmp_path):
    target = tmp_path / "d.yaml"
    target.write_text(SOURCE, encoding="utf-8")
    target.chmod(0o640)
    save_design(_big_design(), target)
    assert target.stat().st_mode & 0o777 == 0o640
    assert load_design(target).title.startswith("After")


def test_saving_twice_writes_identical_bytes(tmp_path):
    design = _big_design()
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    save_design(design, first)
    save_design(load_design(first), second)
    assert first.read_bytes() == second.read_bytes()
