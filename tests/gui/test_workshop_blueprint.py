"""Workshop mode's Blueprint step: after the Journey step, the room types what staff and
systems do at one touchpoint at a time (`front:`, `back:`, `support:`, `@ zone`), in
English, Polish or Chinese; every action is one undo step, Ctrl+Z takes it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from cuecraft.core import i18n
from cuecraft.core.fileformat import load_design, save_design
from cuecraft.core.i18n import set_language
from cuecraft.gui.document import Document
from cuecraft.gui.workshop import STEPS, WorkshopMode

# The file lists the touchpoints out of journey order: the step follows the journey
# (before → during → after, along `next`), not the file.
LODGE = """\
cuecraft: 1
title: Safari lodge
theme:
  name: Into the wild
  motifs: [safari]
zones:
  - id: podium
    name: Host podium
  - id: dining-hall
    name: Canopy dining hall
  - id: bar
    name: Volcano bar
  - id: bar-terrace
    name: Volcano bar
touchpoints:
  - id: farewell
    name: Farewell at the arch
    phase: after
    zone: podium
  - id: check-in
    name: Check in
    phase: before
    zone: podium
    next: [dinner]
    wait: 20
  - id: dinner
    name: Dinner under the canopy
    phase: during
    zone: dining-hall
    next: [farewell]
actions:
  - id: pager
    text: Hand over the frog pager
    lane: frontstage
    at: [check-in]
    zone: podium
    fail: The pager battery is flat
    recovery: Walk the party to the table in character
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


def on_blueprint(qtbot, path: Path) -> tuple[Document, WorkshopMode]:
    """The workshop opened on the file and stepped to the Blueprint step, as a facilitator
    does: to the Journey step, then one step on."""
    document = Document(load_design(path), path)
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    workshop.enter()
    while workshop.step.key != "journey":
        qtbot.keyClick(workshop.capture, Qt.Key.Key_PageDown)
    qtbot.keyClick(workshop.capture, Qt.Key.Key_PageDown)
    assert workshop.step.key == "blueprint"
    return document, workshop


def plain(text: str) -> str:
    """Text without the word joiners and no-break spaces that keep an id or a name whole."""
    return text.replace("\u2060", "").replace("\u00a0", " ")


def add(qtbot, workshop: WorkshopMode, line: str) -> None:
    type_text(workshop.capture, line)
    qtbot.keyClick(workshop.capture, Qt.Key.Key_Return)


def test_the_blueprint_step_comes_right_after_the_journey(qtbot, lodge):
    keys = [s.key for s in STEPS]
    assert keys.index("blueprint") == keys.index("journey") + 1
    _document, workshop = on_blueprint(qtbot, lodge)
    assert workshop.heading.text() == "Blueprint"
    strip = plain(workshop.progress.text())
    assert "Journey · <b><u>Blueprint</u></b> · Personas" in strip
    assert workshop.where.isVisible()
    # The first touchpoint of the journey, not of the file, with its wait point.
    where = workshop.where.text()
    assert "Touchpoint 1 of 3: Check in" in where and "W 20 min" in where
    assert "back:" in workshop.capture.placeholderText()
    assert "↑/↓ touchpoint" in workshop.help.text()
    body = workshop.body.text()
    # Lanes as the blueprint reads, the touchpoint's action under frontstage, F marks its
    # fail point, the zone by name.
    assert body.index("Frontstage") < body.index("Hand over the frog pager")
    assert body.index("Hand over the frog pager") < body.index("Backstage")
    assert body.index("Backstage") < body.index("Support processes")
    assert "@ Host podium" in plain(body)
    assert ">F</b>" in body
    qtbot.keyClick(workshop.capture, Qt.Key.Key_PageDown)
    assert workshop.step.key == "personas"
    assert not workshop.where.isVisible()
    qtbot.keyClick(workshop.capture, Qt.Key.Key_PageUp)
    qtbot.keyClick(workshop.capture, Qt.Key.Key_Left)
    assert workshop.step.key == "journey"


@pytest.mark.parametrize(
    ("typed", "lane", "text", "zone"),
    [
        ("front: greet in character", "frontstage", "greet in character", None),
        ("Frontstage: greet in character", "frontstage", "greet in character", None),
        ("greet in character", "frontstage", "greet in character", None),
        ("back: restock napkins @ dining-hall", "backstage", "restock napkins", "dining-hall"),
        ("back: restock napkins @ Dining Hall", "backstage", "restock napkins", "dining-hall"),
        (
            "backstage: restock napkins @canopy DINING hall",
            "backstage",
            "restock napkins",
            "dining-hall",
        ),
        (
            "support: queue app sends the table-ready text",
            "support",
            "queue app sends the table-ready text",
            None,
        ),
        ("note: mention the storm", "frontstage", "note: mention the storm", None),
    ],
)
def test_each_syntax_adds_one_action_to_the_touchpoint(qtbot, lodge, typed, lane, text, zone):
    document, workshop = on_blueprint(qtbot, lodge)
    before = document.undo_stack.count()
    add(qtbot, workshop, typed)
    action = document.design.actions[-1]
    assert (action.lane, action.text, action.at, action.zone) == (lane, text, ["check-in"], zone)
    assert document.undo_stack.count() == before + 1
    assert workshop.capture.text() == ""
    assert text in workshop.body.text()
    body = workshop.body.text()
    heading = {"frontstage": "Frontstage", "backstage": "Backstage", "support": "Support"}[lane]
    later = {"frontstage": "Backstage", "backstage": "Support", "support": None}[lane]
    assert body.index(heading) < body.index(text)
    assert later is None or body.index(text) < body.index(later)
    # The action reaches the file as typed, and nothing more.
    save_design(document.design, lodge)
    saved = load_design(lodge).actions[-1]
    assert (saved.lane, saved.text, saved.at, saved.zone) == (lane, text, ["check-in"], zone)
    assert (saved.owner, saved.fail, saved.minutes, saved.needs) == (None, None, None, [])


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("back: restock napkins @ cellar", "There is no zone “cellar”. Zones: podium, dining-hall"),
        ("back: restock @ volcano bar", "Several zones are called “volcano bar”"),
        ("back: restock @", "after the @"),
        ("back: @ podium", "not only its lane or zone"),
        ("support:", "not only its lane or zone"),
    ],
)
def test_a_line_that_says_no_action_adds_nothing_and_says_why(qtbot, lodge, typed, said):
    document, workshop = on_blueprint(qtbot, lodge)
    count, actions = document.undo_stack.count(), list(document.design.actions)
    add(qtbot, workshop, typed)
    assert said in plain(workshop.verdict.text())
    assert document.undo_stack.count() == count
    assert document.design.actions == actions
    assert workshop.capture.text() == typed  # kept, to be put right


def test_ctrl_z_takes_back_each_action_and_ctrl_shift_z_brings_it_back(qtbot, lodge):
    document, workshop = on_blueprint(qtbot, lodge)
    add(qtbot, workshop, "back: restock napkins @ dining hall")
    add(qtbot, workshop, "support: the queue app sends the table-ready text")
    assert [a.lane for a in document.design.actions] == ["frontstage", "backstage", "support"]
    capture = workshop.capture
    # With words in the line, Ctrl+Z edits the line: the design keeps its actions.
    type_text(capture, "half")
    qtbot.keyClick(capture, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(document.design.actions) == 3
    capture.clear()
    qtbot.keyClick(capture, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.lane for a in document.design.actions] == ["frontstage", "backstage"]
    assert "table-ready" not in workshop.body.text()
    qtbot.keyClick(capture, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [a.id for a in document.design.actions] == ["pager"]
    assert "restock napkins" not in workshop.body.text()
    assert document.design == load_design(lodge)
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(capture, Qt.Key.Key_Z, shift)
    assert document.design.actions[-1].text == "restock napkins"
    assert "restock napkins" in workshop.body.text()


def test_ctrl_z_works_on_the_other_steps_too(qtbot, lodge):
    document, workshop = on_blueprint(qtbot, lodge)
    qtbot.keyClick(workshop.capture, Qt.Key.Key_PageUp)
    add(qtbot, workshop, "after: thank-you postcard")
    assert document.design.touchpoints[-1].name == "thank-you postcard"
    qtbot.keyClick(workshop.capture, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t.id for t in document.design.touchpoints] == ["farewell", "check-in", "dinner"]


def test_up_and_down_walk_the_journey_and_actions_follow(qtbot, lodge):
    document, workshop = on_blueprint(qtbot, lodge)
    capture = workshop.capture
    qtbot.keyClick(capture, Qt.Key.Key_Down)
    assert workshop.step.key == "blueprint"
    assert "Touchpoint 2 of 3: Dinner under the canopy" in workshop.where.text()
    assert "frog pager" not in workshop.body.text()  # check-in's action is not dinner's
    add(qtbot, workshop, "front: the volcano dessert with sparklers")
    assert document.design.actions[-1].at == ["dinner"]
    qtbot.keyClick(capture, Qt.Key.Key_Down)
    assert "Touchpoint 3 of 3: Farewell at the arch" in workshop.where.text()
    add(qtbot, workshop, "back: print the passport stamp")
    assert document.design.actions[-1].at == ["farewell"]
    qtbot.keyClick(capture, Qt.Key.Key_Down)  # the end of the journey: it stays
    assert "Touchpoint 3 of 3" in workshop.where.text()
    for _ in range(5):
        qtbot.keyClick(capture, Qt.Key.Key_Up)
    assert "Touchpoint 1 of 3: Check in" in workshop.where.text()
    # Leaving the step and coming back keeps the touchpoint the room was on.
    qtbot.keyClick(capture, Qt.Key.Key_Down)
    qtbot.keyClick(capture, Qt.Key.Key_PageDown)
    qtbot.keyClick(capture, Qt.Key.Key_PageUp)
    assert "Touchpoint 2 of 3" in workshop.where.text()
    assert "volcano dessert" in workshop.body.text()


def test_a_design_without_touchpoints_says_to_add_them_first(qtbot, tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("cuecraft: 1\ntitle: Empty\ntheme:\n  name: Nothing yet\n", encoding="utf-8")
    document, workshop = on_blueprint(qtbot, path)
    assert "No touchpoints yet" in workshop.where.text()
    qtbot.keyClick(workshop.capture, Qt.Key.Key_Down)  # nothing to walk: no harm
    add(qtbot, workshop, "front: greet")
    assert document.design.actions == []
    assert "Journey step" in workshop.verdict.text()


# -- Polish and Chinese ---------------------------------------------------------------------

# The lane words this step asks the catalogs for (context "lane typed in the workshop"),
# as the glossary has them (scena / zaplecze / wsparcie; 前台 / 后台 / 支持). Until the
# catalogs hold them, the test supplies them; a catalog's own translation comes first.
LANE_WORDS = {
    "pl": {"front": "scena|przód|sala|front", "back": "zaplecze|back", "support": "wsparcie"},
    "zh": {"front": "前台", "back": "后台", "support": "支持"},
}


@pytest.fixture
def lane_words_in_catalogs(monkeypatch):
    real = i18n.catalog

    class WithLaneWords:
        def __init__(self, lang: str) -> None:
            self._lang, self._real = lang, real(lang)

        def gettext(self, message: str) -> str:
            return self._real.gettext(message)

        def ngettext(self, singular: str, plural: str, n: int) -> str:
            return self._real.ngettext(singular, plural, n)

        def pgettext(self, context: str, message: str) -> str:
            found = self._real.pgettext(context, message)
            if context == "lane typed in the workshop" and found == message:
                return LANE_WORDS.get(self._lang, {}).get(message, found)
            return found

    monkeypatch.setattr(i18n, "catalog", WithLaneWords)


@pytest.mark.parametrize(
    ("language", "typed", "lane", "text", "zone"),
    [
        (
            "pl",
            "zaplecze: uzupełnić serwetki @ dining hall",
            "backstage",
            "uzupełnić serwetki",
            "dining-hall",
        ),
        (
            "pl",
            "przód: powitanie w roli przewodnika",
            "frontstage",
            "powitanie w roli przewodnika",
            None,
        ),
        ("pl", "Sala: powitanie", "frontstage", "powitanie", None),
        ("pl", "scena: powitanie", "frontstage", "powitanie", None),
        (
            "pl",
            "wsparcie: aplikacja kolejki wysyła SMS",
            "support",
            "aplikacja kolejki wysyła SMS",
            None,
        ),
        ("pl", "back: restock napkins", "backstage", "restock napkins", None),  # English too
        ("zh", "后台：补充餐巾 @ podium", "backstage", "补充餐巾", "podium"),
        ("zh", "前台:以角色身份迎宾", "frontstage", "以角色身份迎宾", None),
        ("zh", "支持：排队系统发送短信", "support", "排队系统发送短信", None),
        ("zh", "提示：雨声", "frontstage", "提示：雨声", None),  # no lane word: text
    ],
)
def test_lane_words_of_the_language(
    qtbot, lodge, lane_words_in_catalogs, language, typed, lane, text, zone
):
    set_language(language)
    try:
        document, workshop = on_blueprint(qtbot, lodge)
        add(qtbot, workshop, typed)
        action = document.design.actions[-1]
        assert (action.lane, action.text, action.at, action.zone) == (
            lane,
            text,
            ["check-in"],
            zone,
        )
    finally:
        set_language("en")


def test_an_unknown_zone_is_refused_in_the_language(qtbot, lodge, lane_words_in_catalogs):
    set_language("zh")
    try:
        document, workshop = on_blueprint(qtbot, lodge)
        add(qtbot, workshop, "后台：补充餐巾 @ 酒窖")
        assert [a.id for a in document.design.actions] == ["pager"]
        assert "酒窖" in workshop.verdict.text()
        assert workshop.capture.text() == "后台：补充餐巾 @ 酒窖"
    finally:
        set_language("en")


def test_a_busy_touchpoint_keeps_every_lane_in_sight_on_a_projector(qtbot, tmp_path):
    """Six long actions at one touchpoint on a 1024×768 projector: every lane and every
    action is shown (long texts shortened, the type a little smaller), none left out."""
    long = "the technicians test every gorilla, elephant and the talking tree from the catwalk"
    lanes = ["frontstage", "frontstage", "frontstage", "backstage", "backstage", "support"]
    actions = "".join(
        f"  - id: job-{n}\n    text: {lane} {long} before opening and after close\n"
        f"    lane: {lane}\n    at: [storm]\n    zone: catwalk\n    fail: it breaks\n"
        for n, lane in enumerate(lanes)
    )
    path = tmp_path / "storm.yaml"
    path.write_text(
        "cuecraft: 1\ntitle: Storm\ntheme:\n  name: Rain\nzones:\n  - id: catwalk\n"
        "    name: Service catwalk above the canopy\ntouchpoints:\n  - id: storm\n"
        "    name: The thunderstorm breaks over the dining hall\nactions:\n" + actions,
        encoding="utf-8",
    )
    document = Document(load_design(path), path)
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    workshop.show()
    workshop.setGeometry(0, 0, 1024, 768)
    workshop._scale_type(768)
    workshop.step_index = [s.key for s in STEPS].index("blueprint")
    workshop.show_step()
    qtbot.waitUntil(lambda: workshop.body.height() > 100)
    workshop.show_step()
    body = plain(workshop.body.text())
    assert "earlier" not in body
    for heading in ("Frontstage", "Backstage", "Support processes"):
        assert heading in body
    assert body.count("@ Service catwalk above the canopy") == 6
    assert body.count(">F</b>") == 6
    assert "…" in body and "after close" not in body  # the gist, not the whole text
    assert int(workshop.base_px * 0.75) <= workshop.body.font().pixelSize() < workshop.base_px
    # A touchpoint with room to spare is shown in the full size again.
    document.design.actions[1:] = []
    workshop.show_step()
    assert workshop.body.font().pixelSize() == workshop.base_px
