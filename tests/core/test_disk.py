"""A file's state on disk: what changed since it was read, and what did not."""

from __future__ import annotations

import os

from cuecraft.core.disk import changed_since, disk_state


def test_same_bytes_with_a_new_time_are_not_a_change(tmp_path):
    path = tmp_path / "cafe.yaml"
    path.write_bytes(b"cuecraft: 1\n")
    known = disk_state(path)
    os.utime(path, ns=(1, 1))
    path.write_bytes(b"cuecraft: 1\n")
    assert not changed_since(path, known)


def test_new_bytes_even_with_the_old_time_and_size_are_a_change(tmp_path):
    path = tmp_path / "cafe.yaml"
    path.write_bytes(b"title: A\n")
    known = disk_state(path)
    assert known is not None
    path.write_bytes(b"title: B\n")
    os.utime(path, ns=(known.mtime_ns, known.mtime_ns))
    assert changed_since(path, known)


def test_a_deleted_file_is_a_change_and_an_unknown_file_that_exists_is_one_too(tmp_path):
    path = tmp_path / "cafe.yaml"
    path.write_bytes(b"x")
    known = disk_state(path)
    path.unlink()
    assert disk_state(path) is None
    assert changed_since(path, known)
    assert not changed_since(path, None)
    path.write_bytes(b"x")
    assert changed_since(path, None)
