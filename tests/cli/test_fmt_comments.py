"""`cuecraft fmt` keeps what a person wrote: comments, line endings, the BOM, symlinks."""

from __future__ import annotations

import os

import pytest

from tests.cli.test_files_cli import cuecraft

MESSY = """\
# Rainforest Café
cuecraft: 1
theme:
    name: Into the rainforest
    tagline:   Your adventure is about to begin   # tagline approved by client
title: Rainforest Café
# ZONE NOTES
zones:
-   id: entrance
    # TODO: measure the arch
    name: Entrance arch
"""

TIDY = """\
# Rainforest Café
cuecraft: 1
title: Rainforest Café
theme:
  name: Into the rainforest
  tagline: Your adventure is about to begin   # tagline approved by client
# ZONE NOTES
zones:
  - id: entrance
    # TODO: measure the arch
    name: Entrance arch
touchpoints: []
cues: []
layers: []
souvenirs: []
"""


def test_fmt_rewrites_a_commented_file_and_keeps_every_comment(tmp_path):
    path = tmp_path / "cafe.yaml"
    path.write_text(MESSY, encoding="utf-8")
    assert cuecraft("fmt", "--check", str(path)).returncode == 1
    result = cuecraft("fmt", str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == TIDY
    assert cuecraft("fmt", "--check", str(path)).returncode == 0


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
def test_fmt_keeps_line_endings_and_the_byte_order_mark(tmp_path, newline, bom):
    path = tmp_path / "cafe.yaml"
    path.write_bytes(bom + MESSY.encode("utf-8").replace(b"\n", newline))
    assert cuecraft("fmt", str(path)).returncode == 0
    assert path.read_bytes() == bom + TIDY.encode("utf-8").replace(b"\n", newline)
    check = cuecraft("fmt", "--check", str(path))
    assert check.returncode == 0, check.stdout


def test_fmt_on_a_symlink_writes_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "designs" / "cafe.yaml"
    target.parent.mkdir()
    target.write_text(MESSY, encoding="utf-8")
    link = tmp_path / "current.yaml"
    link.symlink_to(os.path.relpath(target, tmp_path))
    result = cuecraft("fmt", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8") == TIDY
    assert sorted(p.name for p in target.parent.iterdir()) == ["cafe.yaml"]  # no temp left


def test_fmt_drop_comments_still_drops_them_but_keeps_the_header(tmp_path):
    path = tmp_path / "cafe.yaml"
    path.write_text(MESSY, encoding="utf-8")
    assert cuecraft("fmt", "--drop-comments", str(path)).returncode == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Rainforest Café\ncuecraft: 1\n")
    assert text.count("#") == 1
