"""A finding's tooltip in the findings panel speaks as the brief does (issue 14): the
items' names, not their ids; the hint without file keys (core/explain.py, one source)."""

from __future__ import annotations

from pathlib import Path

from cuecraft.core.fileformat import load_design
from cuecraft.core.names import short_name
from cuecraft.gui.document import Document
from cuecraft.gui.findings_panel import ROLE_FINDING, FindingsPanel

HAIDILAO = Path(__file__).resolve().parents[2] / "designs" / "haidilao-hotpot.yaml"


def test_resting_the_pointer_on_a_finding_sets_its_tip(qtbot):
    document = Document(load_design(HAIDILAO))
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    group = panel.tree.topLevelItem(0)
    row = group.child(0)
    at = panel.tree.visualItemRect(row).center()
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    event = QHelpEvent(QEvent.Type.ToolTip, at, panel.tree.viewport().mapToGlobal(at))
    panel.tree.viewportEvent(event)
    assert row.toolTip(0) and row.toolTip(0) == row.tip()


def test_a_finding_tip_names_the_item_and_leaves_file_keys_out(qtbot):
    design = load_design(HAIDILAO)
    document = Document(design)
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    rows = {}
    for g in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(g)
        for r in range(group.childCount()):
            row = group.child(r)
            rows[row.data(0, ROLE_FINDING).code] = row
    nanny = next(c for c in design.cues if c.id == "kids-nanny")
    thm = rows["THM001"]
    assert "kids-nanny" in thm.text(0)  # the row itself is the design team's
    assert thm.toolTip(0) == ""  # worked out when the pointer rests on the row
    assert "kids-nanny" not in thm.tip()
    assert short_name(nanny, 60) in thm.tip()
    assert thm.toolTip(0) == thm.tip()  # what Qt then shows
    keychain = rows["MEM002"].tip()
    assert "logo-keychain" not in keychain
    assert "(motifs" not in keychain and "evokes" not in keychain
