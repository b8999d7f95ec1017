"""Saving through a symbolic link writes the file it points to and keeps the link."""

from __future__ import annotations

import os

from cuecraft.core.fileformat import load_design, parse_design, save_design

SOURCE = "cuecraft: 1\ntitle: T  # working title\ntheme:\n  name: N\n"


def test_save_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real" / "d.yaml"
    target.parent.mkdir()
    target.write_text(SOURCE, encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "d.yaml"
    link.symlink_to(target)
    design = load_design(link)
    design.title = "New"
    save_design(design, link)
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8").startswith("cuecraft: 1\ntitle: New  # working")
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(os.listdir(tmp_path)) == ["d.yaml", "real"]


def test_a_chain_of_links_and_a_dangling_link_write_the_final_target(tmp_path):
    target = tmp_path / "d.yaml"
    first = tmp_path / "first.yaml"
    second = tmp_path / "second.yaml"
    first.symlink_to(target.name)  # dangling until the save
    second.symlink_to(first.name)
    save_design(parse_design(SOURCE), second)
    assert second.is_symlink() and first.is_symlink()
    assert load_design(target) == parse_design(SOURCE)
