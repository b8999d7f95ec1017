"""The findings panel changes only the rows an edit changed (issue 19: rebuilding a
thousand rows on the keystroke that settles one finding froze the window), and what it
then shows is what a panel built afresh shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cuecraft.core.edits import AddItem, RemoveItem, SetField
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Cue
from cuecraft.gui.document import Document
from cuecraft.gui.findings_panel import FindingRow, FindingsPanel

RAINFOREST = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"


def shown(panel: FindingsPanel) -> list[tuple[str, ...]]:
    out = []
    for g in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(g)
        out.append((group.text(0),))
        for r in range(group.childCount()):
            row = group.child(r)
            out.append((row.text(0), row.text(1), row.text(2)))
    return out


def rows(panel: FindingsPanel) -> list[Any]:
    return [
        panel.tree.topLevelItem(g).child(r)
        for g in range(panel.tree.topLevelItemCount())
        for r in range(panel.tree.topLevelItem(g).childCount())
    ]


def test_an_edit_changes_only_its_rows_and_shows_what_a_fresh_panel_shows(qtbot: Any) -> None:
    document = Document(load_design(RAINFOREST))
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    rude = Cue("rude-wait", "staff ignore the queue", polarity="negative", severity="high")
    cold = Cue("cold-tea", "the tea comes cold", polarity="negative", severity="high")
    before: list[FindingRow] = []
    for step, edit in enumerate(
        (
            AddItem("cues", rude),  # a negative cue no one answers for: findings of its own
            AddItem("cues", cold),  # another, among them
            SetField("rude-wait", "owner", "front-of-house lead"),  # settles one of them
            RemoveItem("rude-wait"),
            RemoveItem("cold-tea"),
        )
    ):
        if step == 1:
            before = [row for row in rows(panel) if isinstance(row, FindingRow)]
        assert document.push(edit) is None
        document.flush()
        fresh = FindingsPanel(document)
        qtbot.addWidget(fresh)
        assert shown(panel) == shown(fresh)
        if step == 1:
            # The rows of the findings that were there are the very rows of before: the
            # other cue's findings came in among them.
            now = [row for row in rows(panel) if isinstance(row, FindingRow)]
            assert len(now) > len(before)
            assert all(any(row is old for row in now) for old in before)


def test_a_long_group_keeps_its_first_rows_and_its_count_of_the_rest(qtbot: Any) -> None:
    design = load_design(RAINFOREST)
    for n in range(260):  # two eliminate findings each (no owner, no remedy): a long group
        design.cues.append(Cue(f"rude-{n}", "rude", polarity="negative", severity="high"))
    document = Document(design)
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    first_rows = [
        panel.tree.topLevelItem(g).child(0) for g in range(panel.tree.topLevelItemCount())
    ]
    for edit in (
        SetField("rude-3", "owner", "front-of-house lead"),  # one row goes, one comes up
        SetField("rude-259", "owner", "front-of-house lead"),  # among the rows not listed
        AddItem("cues", Cue("rude-x", "rude", polarity="negative", severity="high")),
        SetField("rude-3", "owner", None),
    ):
        assert document.push(edit) is None
        document.flush()
        fresh = FindingsPanel(document)
        qtbot.addWidget(fresh)
        assert shown(panel) == shown(fresh)
        assert any("more" in line[0] for line in shown(panel))
        # Changed in place: each group's first row is the row it had (no rebuilding).
        groups = range(panel.tree.topLevelItemCount())
        now_first = [panel.tree.topLevelItem(g).child(0) for g in groups]
        assert len(now_first) == len(first_rows)
        assert all(a is b for a, b in zip(now_first, first_rows, strict=True))


def test_rows_taken_out_are_freed(qtbot: Any) -> None:
    # PySide kept every row the panel took out alive, with its finding: at 10,000 cues
    # hundreds a keystroke, whose weight came to slow the collector's passes while typing.
    import gc

    import shiboken6

    document = Document(load_design(RAINFOREST))
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)

    def taken_out_and_kept() -> int:
        gc.collect()
        return sum(
            1
            for o in gc.get_objects()
            if isinstance(o, FindingRow) and shiboken6.isValid(o) and o.treeWidget() is None
        )

    cue = next(c for c in document.design.cues if c.is_negative)
    patched = 0
    for step in range(12):  # an owner typed and cleared: its finding comes and goes
        before = rows(panel)
        owner = "front-of-house lead" if step % 2 else None
        assert document.push(SetField(cue.id, "owner", owner)) is None
        document.flush()
        patched += any(row in before for row in rows(panel))  # patched, not rebuilt
    assert patched
    assert taken_out_and_kept() == 0
