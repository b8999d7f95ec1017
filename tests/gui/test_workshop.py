"""Workshop mode: step with keys, capture on three steps, leave, everything is in the design."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from cuecraft.core.fileformat import load_design
from cuecraft.gui.document import Document
from cuecraft.gui.workshop import STEPS, WorkshopMode

ROOT = Path(__file__).resolve().parents[2]


def type_text(widget, text: str) -> None:
    """Type like a keyboard (QKeyEvent with text: safe for non-ASCII, unlike keyClicks)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot, widget, key) -> None:
    qtbot.keyClick(widget, key)


def test_step_capture_and_leave(qtbot):
    document = Document(load_design(ROOT / "designs" / "boutique-hotel.yaml"))
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    left = []
    workshop.closed.connect(lambda: left.append(True))
    workshop.enter()
    capture = workshop.capture
    seen = []
    for _ in STEPS:
        seen.append(workshop.step.key)
        press(qtbot, capture, Qt.Key.Key_PageDown)
    assert seen == [s.key for s in STEPS]
    assert [s.title for s in STEPS] == [
        "Theme",
        "Positive cues",
        "Negative cues",
        "The five senses",
        "Memorabilia",
        "Journey",
        "Blueprint",
        "Personas",
        "Scorecard",
    ]
    assert workshop.step.key == "scorecard"
    assert not capture.isEnabled() or capture.placeholderText().startswith("The scorecard")
    for _ in STEPS:
        press(qtbot, capture, Qt.Key.Key_Left)  # arrows step while the line is empty
    assert workshop.step.key == "theme"

    type_text(capture, "mgła poranna")  # Polish, typed as key events
    press(qtbot, capture, Qt.Key.Key_Return)
    press(qtbot, capture, Qt.Key.Key_PageDown)
    type_text(capture, "Zapach świeżego chleba 火")
    press(qtbot, capture, Qt.Key.Key_Right)  # with text, arrows move the cursor, not the step
    assert workshop.step.key == "positive"
    press(qtbot, capture, Qt.Key.Key_Return)
    for _ in range(3):
        press(qtbot, capture, Qt.Key.Key_PageDown)
    assert workshop.step.key == "memorabilia"
    type_text(capture, "Pocztówka z widokiem")
    press(qtbot, capture, Qt.Key.Key_Return)
    assert "Pocztówka z widokiem" in workshop.body.text()
    press(qtbot, capture, Qt.Key.Key_Escape)
    assert left == [True]

    design = document.design
    assert design.theme.motifs[-1] == "mgła poranna"
    assert design.cues[-1].text == "Zapach świeżego chleba 火"
    assert design.souvenirs[-1].name == "Pocztówka z widokiem"
    assert document.undo_stack.count() == 3
    for _ in range(3):
        document.undo_stack.undo()
    assert design == load_design(ROOT / "designs" / "boutique-hotel.yaml")


def test_senses_and_journey_capture_understand_prefixes(qtbot):
    document = Document(load_design(ROOT / "designs" / "museum-exhibition.yaml"))
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    workshop.step_index = [s.key for s in STEPS].index("senses")
    workshop.show_step()
    type_text(workshop.capture, "smell: old paper and beeswax")
    press(qtbot, workshop.capture, Qt.Key.Key_Return)
    assert document.design.cues[-1].senses == ["smell"]
    assert document.design.cues[-1].text == "old paper and beeswax"
    workshop.go(+2)
    type_text(workshop.capture, "after: thank-you postcard")
    press(qtbot, workshop.capture, Qt.Key.Key_Return)
    assert document.design.touchpoints[-1].phase == "after"


def test_the_session_timer_starts_pauses_and_resets(qtbot):
    document = Document(load_design(ROOT / "designs" / "museum-exhibition.yaml"))
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    assert workshop.clock.text() == "00:00  (paused)"
    press(qtbot, workshop.capture, Qt.Key.Key_F6)
    assert workshop.timer.running
    qtbot.wait(1100)
    assert workshop.timer.seconds() >= 1
    press(qtbot, workshop.capture, Qt.Key.Key_F6)
    assert not workshop.timer.running
    press(qtbot, workshop.capture, Qt.Key.Key_F7)
    assert workshop.clock.text() == "00:00  (paused)"


def test_findings_are_told_in_plain_words_and_update_live(qtbot):
    document = Document(load_design(ROOT / "designs" / "rainforest-cafe.yaml"))
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    workshop.step_index = [s.key for s in STEPS].index("negative")
    workshop.show_step()
    assert "6 − 1 = 0" in workshop.verdict.text()
    # The room is the client's: the queue by its words, never its id (issue 14).
    assert "saturday-queue" not in workshop.verdict.text()
    assert "On Saturdays the queue" in workshop.verdict.text()
    assert "→" not in workshop.verdict.text()  # the room hears the point, not the path
    queue = next(c for c in document.design.cues if c.id == "saturday-queue")
    from cuecraft.core.edits import SetField

    document.push(SetField(queue.id, "status", "eliminated"))
    document.flush()
    assert "6 − 1 = 0" not in workshop.verdict.text()


def test_typed_items_carry_only_what_was_typed_so_the_checks_stay_honest(qtbot):
    """A cue or souvenir typed without a motif is not tagged behind the room's back."""
    document = Document(load_design(ROOT / "designs" / "rainforest-cafe.yaml"))
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    before = document.result.scorecard.scores["theme"]
    workshop.step_index = [s.key for s in STEPS].index("positive")
    workshop.show_step()
    type_text(workshop.capture, "Parrot greets at the door")
    press(qtbot, workshop.capture, Qt.Key.Key_Return)
    bare = document.design.cues[-1]
    assert (bare.text, bare.motifs) == ("Parrot greets at the door", [])
    thm001 = [f for f in document.result.findings if f.code == "THM001"]
    assert bare.id in {i for f in thm001 for i in f.ids}
    assert document.result.scorecard.scores["theme"] < before

    type_text(workshop.capture, "Mist over the canopy #Canopy #mgła")
    press(qtbot, workshop.capture, Qt.Key.Key_Return)
    tagged = document.design.cues[-1]
    assert (tagged.text, tagged.motifs) == ("Mist over the canopy", ["canopy", "mgła"])
    assert tagged.id not in {
        i for f in document.result.findings if f.code == "THM001" for i in f.ids
    }

    workshop.step_index = [s.key for s in STEPS].index("memorabilia")
    workshop.show_step()
    type_text(workshop.capture, "Plush tree frog")
    press(qtbot, workshop.capture, Qt.Key.Key_Return)
    assert document.design.souvenirs[-1].motifs == []

    count = document.undo_stack.count()
    type_text(workshop.capture, "#wildlife")
    press(qtbot, workshop.capture, Qt.Key.Key_Return)
    assert document.undo_stack.count() == count  # only a tag: nothing added, and it says why
    assert "only its #motifs" in workshop.verdict.text()
