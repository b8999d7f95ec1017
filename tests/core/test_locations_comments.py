"""After a save, findings point at the lines of the saved file, comments included."""

from __future__ import annotations

from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design, save_design
from cuecraft.core.locations import relocate

SOURCE = """\
cuecraft: 1
title: T
theme:
  name: N
zones:
  # the first zone
  # has two lines of notes
  - id: a
    # above the name
    name: A

  - id: b   # the second
    name: B
"""


def test_relocate_counts_the_comment_lines_a_save_writes(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_bytes(SOURCE.replace("\n", "\r\n").encode("utf-8"))
    design = load_design(path)
    SetField("a", "name", "A\nsecond line").apply(design)  # one line more
    save_design(design, path)
    assert relocate(design)
    lines = path.read_text(encoding="utf-8").splitlines()
    for item in design.items():
        assert lines[item.where[""].line - 1].startswith(f"  - id: {item.id}"), item.id
        assert lines[item.where["name"].line - 1].lstrip().startswith("name:"), item.id
