"""Workshop mode's Personas step: after the Journey and Blueprint steps, the room names a
kind of guest and what they skip in one typed line, in English, Polish or Chinese; each
persona is one undo step, a word that names no touchpoint is refused and adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from cuecraft.core.fileformat import load_design, save_design
from cuecraft.core.i18n import set_language
from cuecraft.core.model import Persona
from cuecraft.gui.document import Document
from cuecraft.gui.workshop import STEPS, WorkshopMode

ROOT = Path(__file__).resolve().parents[2]

# Touchpoints named in the three languages a room may type in; no personas yet. The
# journey peaks at dinner and ends well at the farewell: a persona who skips the
# farewell ends their visit at the bill, on a low (PER002).
LODGE = """\
cuecraft: 1
title: Safari lodge
theme:
  name: Into the wild
  motifs: [safari]
touchpoints:
  - id: arrive
    name: Arrive at the arch
    phase: before
    emotion: 1
    next: [bar]
  - id: bar
    name: Bar przy wulkanie
    emotion: 1
    next: [shop]
  - id: shop
    name: Sklep z pamiątkami
    next: [kids-play]
  - id: kids-play
    name: 儿童乐园
    next: [dinner]
  - id: dinner
    name: Dinner under the canopy
    emotion: 3
    next: [pay]
  - id: pay
    name: Settle the bill
    emotion: 0
    next: [farewell]
  - id: photo
    name: Photo at the arch
  - id: photo-2
    name: Photo at the arch
  - id: farewell
    name: Farewell at the arch
    phase: after
    emotion: 3
"""


@pytest.fixture
def lodge(tmp_path) -> Path:
    path = tmp_path / "lodge.yaml"
    path.write_text(LODGE, encoding="utf-8")
    return path


def type_text(widget, text: str) -> None:
    """Type like a keyboard (QKeyEvent with text: safe for non-ASCII, unlike keyClicks)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def on_personas(qtbot, path: Path) -> tuple[Document, WorkshopMode]:
    """The workshop opened on the file and stepped to the Personas step as a facilitator
    does, with the clicker: past the Journey and Blueprint steps."""
    document = Document(load_design(path), path)
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    workshop.enter()
    passed = []
    while workshop.step.key != "personas":
        passed.append(workshop.step.key)
        qtbot.keyClick(workshop.capture, Qt.Key.Key_PageDown)
    assert passed[-2:] == ["journey", "blueprint"]
    return document, workshop


def plain(text: str) -> str:
    """Text without the word joiners and no-break spaces that keep an id or a name whole."""
    return text.replace("\u2060", "").replace("\u00a0", " ")


def add(qtbot, workshop: WorkshopMode, line: str) -> None:
    type_text(workshop.capture, line)
    qtbot.keyClick(workshop.capture, Qt.Key.Key_Return)


def test_the_personas_step_comes_after_the_blueprint_and_shows_each_persona(qtbot):
    keys = [s.key for s in STEPS]
    assert keys[-3:] == ["blueprint", "personas", "scorecard"]
    _document, workshop = on_personas(qtbot, ROOT / "designs" / "rainforest-cafe.yaml")
    assert workshop.heading.text() == "Personas"
    strip = plain(workshop.progress.text())
    assert "Blueprint · <b><u>Personas</u></b> · Scorecard" in strip
    assert not workshop.where.isVisible()  # the blueprint's touchpoint line is its own
    body = plain(workshop.body.text())
    # Each persona by name with their share, what they skip by the touchpoints' names.
    family, couple = body.index("Family with toddlers"), body.index("Couple on a date night")
    assert family < body.index("55% of guests") < body.index("skips Wait at the volcano bar")
    assert body.index("skips Wait at the volcano bar") < couple
    assert "skips Explore the retail village while waiting, Browse the expedition outpost" in body
    assert "bar-wait" not in body and "explore-shop" not in body
    assert "Every persona gets through the experience and ends it well" in workshop.verdict.text()
    assert "skips" in workshop.capture.placeholderText()
    assert "40% gives their share" in workshop.help.text()
    qtbot.keyClick(workshop.capture, Qt.Key.Key_PageDown)
    assert workshop.step.key == "scorecard"
    qtbot.keyClick(workshop.capture, Qt.Key.Key_Left)
    qtbot.keyClick(workshop.capture, Qt.Key.Key_Left)
    assert workshop.step.key == "blueprint"


@pytest.mark.parametrize(
    ("typed", "persona"),
    [
        (
            "Family with toddlers skips bar, shop",
            Persona("family-with-toddlers", "Family with toddlers", None, ["bar", "shop"]),
        ),
        ("Family: skips Sklep z pamiątkami", Persona("family", "Family", None, ["shop"])),
        (
            "Couples 30% skip kids_play, BAR",
            Persona("couples", "Couples", 30, ["kids-play", "bar"]),
        ),
        ("Business travellers", Persona("business-travellers", "Business travellers")),
        (
            "Rodzina z dziećmi (40 %) pomija bar przy wulkanie",
            Persona("rodzina-z-dziecmi", "Rodzina z dziećmi", 40, ["bar"]),
        ),
        (
            "带孩子的家庭 跳过 儿童乐园、bar",
            Persona("persona-1", "带孩子的家庭", None, ["kids-play", "bar"]),
        ),
        ("一个人吃火锅的上班族（15％）", Persona("persona-1", "一个人吃火锅的上班族", 15)),
    ],
)
def test_a_typed_line_adds_one_persona(qtbot, lodge, typed, persona):
    document, workshop = on_personas(qtbot, lodge)
    before = document.undo_stack.count()
    add(qtbot, workshop, typed)
    assert document.design.personas == [persona]
    assert document.undo_stack.count() == before + 1
    assert workshop.capture.text() == ""
    assert persona.name in plain(workshop.body.text())
    # The persona reaches the file as typed, and nothing more.
    save_design(document.design, lodge)
    assert load_design(lodge).personas == [persona]


def test_the_step_shows_the_new_persona_by_the_touchpoints_names(qtbot, lodge):
    _document, workshop = on_personas(qtbot, lodge)
    assert "Nothing yet" in workshop.body.text()
    assert "The checks are happy with this step" in workshop.verdict.text()  # no one to speak of
    add(qtbot, workshop, "Family 40% skips bar, kids-play")
    add(qtbot, workshop, "Grandparents")
    body = plain(workshop.body.text())
    assert "40% of guests" in body
    assert "skips Bar przy wulkanie, 儿童乐园" in body
    assert body.index("Grandparents") < body.index("goes through every touchpoint")
    assert "Every persona gets through" in workshop.verdict.text()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Family skips cellar", "There is no touchpoint “cellar”. Touchpoints: arrive, bar,"),
        (
            "Family skips bar, cellar, 酒窖",
            "There are no touchpoints “cellar” and “酒窖”. Touchpoints: arrive, bar, shop,",
        ),
        ("Family skips shop-bar", "There is no touchpoint “shop-bar”"),
        ("Family skips photo at the arch", "Several touchpoints are called “photo at the arch”"),
        ("skips bar", "Type the persona's name too"),
        ("40% 跳过 bar", "Type the persona's name too"),
        ("Family 140% skips bar", "“share” is 140; it must be from 0 to 100"),
    ],
)
def test_a_line_that_names_no_persona_adds_nothing_and_says_why(qtbot, lodge, typed, said):
    document, workshop = on_personas(qtbot, lodge)
    count = document.undo_stack.count()
    add(qtbot, workshop, typed)
    assert said in plain(workshop.verdict.text())
    assert document.undo_stack.count() == count
    assert document.design == load_design(lodge)
    assert workshop.capture.text() == typed  # kept, to be put right


def test_a_persona_already_there_is_not_added_twice(qtbot, lodge):
    document, workshop = on_personas(qtbot, lodge)
    add(qtbot, workshop, "Family skips bar")
    add(qtbot, workshop, "family 20% skips shop")
    assert "There is already a persona “family”" in workshop.verdict.text()
    assert [p.skips for p in document.design.personas] == [["bar"]]


def test_ctrl_z_takes_back_each_persona_and_ctrl_shift_z_brings_it_back(qtbot, lodge):
    document, workshop = on_personas(qtbot, lodge)
    add(qtbot, workshop, "Family skips bar")
    add(qtbot, workshop, "带孩子的家庭 跳过 儿童乐园")
    assert [p.id for p in document.design.personas] == ["family", "persona-1"]
    capture = workshop.capture
    # With words in the line, Ctrl+Z edits the line: the design keeps its personas.
    type_text(capture, "Solo")
    qtbot.keyClick(capture, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(document.design.personas) == 2
    capture.clear()
    qtbot.keyClick(capture, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [p.id for p in document.design.personas] == ["family"]
    assert "带孩子的家庭" not in workshop.body.text()
    qtbot.keyClick(capture, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert document.design == load_design(lodge)
    assert "Nothing yet" in workshop.body.text()
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(capture, Qt.Key.Key_Z, shift)
    assert [p.id for p in document.design.personas] == ["family"]
    assert "Family" in workshop.body.text()
    qtbot.keyClick(capture, Qt.Key.Key_Z, shift)
    assert document.design.personas[-1].name == "带孩子的家庭"
    assert "带孩子的家庭" in workshop.body.text()


def test_the_verdict_says_the_persona_findings_in_the_clients_words(qtbot, lodge):
    document, workshop = on_personas(qtbot, lodge)
    add(qtbot, workshop, "Early leavers 70% skips farewell")
    verdict = plain(workshop.verdict.text())
    # PER002 by names, not ids: their visit ends at the bill, on a low.
    assert "peak–end for the persona “Early leavers”" in verdict
    assert "ends at “Settle the bill”" in verdict
    assert "early-leavers" not in verdict and "“pay”" not in verdict
    # The design's guest is the Journey step's: only the personas' findings are said here.
    assert "cannot be reached" not in verdict
    workshop.go(-2)
    assert workshop.step.key == "journey"
    assert "cannot be reached" in plain(workshop.verdict.text())
    workshop.go(+2)
    add(qtbot, workshop, "Foodies 40%")
    assert "the personas’ shares of guests add up to 110%, more than 100%" in plain(
        workshop.verdict.text()
    )
    codes = {f.code for f in document.result.findings if f.code.startswith("PER")}
    assert codes == {"PER002", "PER003"}


@pytest.mark.parametrize("language", ["pl", "zh"])
def test_the_room_types_in_its_language_whatever_the_workbench_speaks(qtbot, lodge, language):
    set_language(language)
    try:
        document, workshop = on_personas(qtbot, lodge)
        add(qtbot, workshop, "Rodzina z dziećmi pomija bar, sklep z pamiątkami")
        add(qtbot, workshop, "带孩子的家庭跳过儿童乐园，晚宴")  # no touchpoint “晚宴”
        assert [(p.id, p.skips) for p in document.design.personas] == [
            ("rodzina-z-dziecmi", ["bar", "shop"])
        ]
        assert "晚宴" in workshop.verdict.text()
        assert "儿童乐园" not in workshop.verdict.text().split("晚宴")[0]  # only the unknown
        assert workshop.capture.text() == "带孩子的家庭跳过儿童乐园，晚宴"
        body = plain(workshop.body.text())
        assert "Rodzina z dziećmi" in body and "Sklep z pamiątkami" in body
    finally:
        set_language("en")


def test_many_personas_on_a_projector_show_the_newest_whole(qtbot, lodge):
    """Seven personas with long lists of skips on a 1024×768 projector: the newest ones are
    shown whole (name, share, every skipped touchpoint), the earlier ones counted."""
    document = Document(load_design(lodge), lodge)
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    workshop.show()
    workshop.setGeometry(0, 0, 1024, 768)
    workshop._scale_type(768)
    workshop.step_index = [s.key for s in STEPS].index("personas")
    workshop.show_step()
    qtbot.waitUntil(lambda: workshop.body.height() > 100)
    for n in range(7):
        add(qtbot, workshop, f"Guest kind {n} 10% skips bar, shop, kids-play, dinner, pay")
    body = plain(workshop.body.text())
    assert "earlier" in body
    assert "Guest kind 6" in body and "Guest kind 0" not in body
    newest = body[body.index("Guest kind 6") :]
    assert "儿童乐园, Dinner under the canopy, Settle the bill" in newest
