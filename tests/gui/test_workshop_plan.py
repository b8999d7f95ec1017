"""Workshop, negative cues step: the elimination plan as the room works through it —
numbered in priority order (severity, impact, lowest effort, then the file's order), who
answers for each, the eliminated ones counted at the end, the plan's head in sight on a
1024×768 projector, and the order following every edit at once."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design
from cuecraft.gui.document import Document
from cuecraft.gui.workshop import STEPS, WorkshopMode

DESIGN = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain]}
zones:
  - {id: hall, name: Dining hall}
touchpoints:
  - {id: dine, name: Dine under the storm, zone: hall}
cues:
  - {id: mist, text: Fine mist over the tables, motifs: [rain], at: [hall]}
  - {id: muzak, text: Mall pop playlist at the arch, polarity: negative, at: [hall],
     severity: medium, status: mitigating, impact: 2, effort: 1, owner: store manager}
  - {id: queue, text: Queue in the corridor, polarity: negative, at: [hall], severity: high,
     impact: 2, effort: 2, owner: front of house}
  - {id: fryer, text: Fryer smell over the front tables, polarity: negative, at: [hall],
     severity: medium, impact: 3, effort: 3, owner: head chef}
  - {id: beep, text: Card terminal beeps, polarity: negative, at: [hall], severity: medium,
     impact: 3, effort: 1}
  - {id: foam, text: Foam take-away boxes, polarity: negative, at: [hall], severity: high,
     status: eliminated, impact: 3, effort: 1}
  - {id: sticky, text: Sticky menus, polarity: negative, at: [hall], severity: low}
  - {id: straws, text: Plastic straws, polarity: negative, at: [hall], severity: high,
     status: eliminated}
"""


def plain(text: str) -> str:
    """Text without the word joiners and no-break spaces that keep a word whole."""
    return text.replace("\u2060", "").replace("\u00a0", " ")


def numbered(workshop: WorkshopMode) -> list[str]:
    """The body's numbered lines, as the room reads them."""
    body = plain(workshop.body.text())
    return [m.group(0) for m in re.finditer(r"\d+\. [^<]*", body)]


def type_line(qtbot, workshop: WorkshopMode, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(workshop.capture, event)
    qtbot.keyClick(workshop.capture, Qt.Key.Key_Return)


@pytest.fixture
def workshop(qtbot, tmp_path) -> WorkshopMode:
    path = tmp_path / "storm.yaml"
    path.write_text(DESIGN, encoding="utf-8")
    document = Document(load_design(path), path)
    shown = WorkshopMode(document)
    qtbot.addWidget(shown)
    shown.step_index = [s.key for s in STEPS].index("negative")
    shown.show_step()
    return shown


def test_negative_cues_are_listed_in_plan_order_with_their_owners(workshop):
    assert numbered(workshop) == [
        "1. Queue in the corridor — high, open · front of house",
        "2. Card terminal beeps — medium, open",  # impact 3, effort 1: before the fryer's 3
        "3. Fryer smell over the front tables — medium, open · head chef",
        "4. Mall pop playlist at the arch — medium, mitigating · store manager",  # impact 2
        "5. Sticky menus — low, open",
    ]
    body = plain(workshop.body.text())
    assert "2 negative cues eliminated" in body
    assert "Foam take-away boxes" not in body and "Plastic straws" not in body
    assert body.index("5. Sticky menus") < body.index("eliminated")


def test_the_order_follows_an_edit_and_its_undo_at_once(workshop):
    document = workshop.document
    document.push(SetField("sticky", "severity", "high"))
    document.flush()
    # High now, its impact not estimated: after the queue, whose impact is known.
    assert numbered(workshop)[1] == "2. Sticky menus — high, open"
    document.push(SetField("sticky", "impact", 3))
    document.flush()
    assert numbered(workshop)[0].startswith("1. Sticky menus")
    document.push(SetField("queue", "status", "eliminated"))
    document.flush()
    assert "Queue in the corridor" not in plain(workshop.body.text())
    assert "3 negative cues eliminated" in plain(workshop.body.text())
    for _ in range(3):
        document.undo_stack.undo()
    document.flush()
    assert numbered(workshop)[0] == "1. Queue in the corridor — high, open · front of house"


def test_a_cue_typed_in_the_room_takes_its_place_in_the_plan(qtbot, workshop):
    type_line(qtbot, workshop, "Flickering exit sign")
    lines = numbered(workshop)
    # Typed: medium and open, impact and effort not yet estimated — after the estimated
    # medium ones, before the low one.
    assert lines[4] == "5. Flickering exit sign — medium, open"
    assert lines[5] == "6. Sticky menus — low, open"


def test_a_long_plan_on_a_projector_keeps_its_head_in_the_big_type(qtbot, workshop):
    """1024×768, a long first cue and owner, nine cues to eliminate: the first ones are
    shown, shortened to a line each, the rest counted — the head is never pushed off."""
    document = workshop.document
    long_text = (
        "On Saturdays the queue spills into the mall corridor under fluorescent light, "
        "and nobody tells the families how long it will be"
    )
    document.push(SetField("queue", "text", long_text))
    document.push(SetField("queue", "owner", "the front-of-house manager on duty that evening"))
    for n in range(4):
        type_line(qtbot, workshop, f"Problem {n} the room noticed")
    document.flush()
    workshop.show()
    workshop.setGeometry(0, 0, 1024, 768)
    workshop._scale_type(768)
    workshop.show_step()
    qtbot.waitUntil(lambda: workshop.body.height() > 100)
    workshop.show_step()
    body = plain(workshop.body.text())
    assert "earlier" not in body
    lines = numbered(workshop)
    assert [line.split(" — ")[0] for line in lines] == [
        "1. On Saturdays the queue spills into…",
        "2. Card terminal beeps",
        "3. Fryer smell over the front tables",
        "4. Mall pop playlist at the arch",
        "5. Problem 0 the room noticed",
        "6. Problem 1 the room noticed",
    ]
    assert lines[0].endswith(" · the front-of-house…")  # a role, not a sentence
    assert "… and 3 more" in body and "2 negative cues eliminated" in body
    assert workshop.body.font().pixelSize() == workshop.base_px  # the big type is kept
