"""The Value tab: the staircase of economic value and the four realms (issue 18).

Each test reads a real design file and looks at what a person sees: every priced
step named with its price, steps without a price saying so, the experience premium
named (or its absence said plainly), the realms as strong as the design makes them,
and the pictures following an edit of a price made in the inspector.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsRectItem, QGraphicsScene, QScrollArea

from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import format_money, language
from cuecraft.core.model import Design
from cuecraft.core.words import realm_word, value_step_word
from cuecraft.gui.document import Document
from cuecraft.gui.inspector import Inspector
from cuecraft.gui.views.realms_scene import PART as REALM_PART
from cuecraft.gui.views.realms_scene import realms_scene
from cuecraft.gui.views.value_parts import Words, words_in
from cuecraft.gui.views.value_scene import PART, PREMIUM, PRICED, STEP, UNPRICED, value_scene
from cuecraft.gui.views.value_view import READABLE, ValueView

HOTPOT = """\
cuecraft: 1
title: Hotpot theatre
theme:
  name: Hotpot as theatre
  realms: {entertainment: 3, educational: 1, escapist: 0, esthetic: 2}
value: {currency: CNY, commodity: 10, goods: 50, service: 80, experience: 100}
"""


def design_from(tmp_path: Path, text: str) -> Design:
    path = tmp_path / "design.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_design(path)


def with_value(value: str) -> str:
    """The hotpot design with another `value:` line (or none for "")."""
    lines = [line for line in HOTPOT.splitlines() if not line.startswith("value:")]
    return "\n".join([*lines, value]) + "\n"


def blocks(scene: QGraphicsScene) -> dict[tuple[str, str], QGraphicsRectItem]:
    """The staircase's blocks by (step, priced | unpriced | premium)."""
    return {
        item.data(PART): item
        for item in scene.items()
        if isinstance(item, QGraphicsRectItem) and item.data(PART) is not None
    }


def test_each_priced_step_is_named_with_its_price_and_the_premium_is_named(qapp, tmp_path):
    scene = value_scene(design_from(tmp_path, HOTPOT))
    texts = words_in(scene)
    for step, price in (("commodity", 10), ("goods", 50), ("service", 80), ("experience", 100)):
        assert value_step_word(step) in texts
        assert format_money(price, "CNY") in texts
    premium = format_money(20, "CNY")
    assert f"Experience premium: {premium} over the service" in texts
    assert f"+{premium}" in texts  # beside the part of the experience's block it names
    found = blocks(scene)
    # Heights on one scale: the experience's block is twice the goods' and ten times the
    # commodity's; the premium is the part of it above the service's price.
    height = {step: found[(step, PRICED)].rect().height() for step in ("commodity", "goods")}
    experience = found[("experience", PRICED)].rect().height()
    assert experience == pytest.approx(2 * height["goods"])
    assert experience == pytest.approx(10 * height["commodity"])
    assert found[("experience", PREMIUM)].rect().height() == pytest.approx(experience * 0.2)
    # The steps rise from left to right, each word under its own block.
    xs = [found[(s, PRICED)].rect().center().x() for s in ("commodity", "goods", "service")]
    assert xs == sorted(xs)


def test_a_step_without_a_price_says_so_and_is_not_drawn_as_priced(qapp, tmp_path):
    text = with_value("value: {currency: PLN, goods: 40, experience: 65.5}")
    scene = value_scene(design_from(tmp_path, text))
    texts = words_in(scene)
    assert texts.count("not priced") == 2
    found = blocks(scene)
    assert set(found) == {
        ("commodity", UNPRICED),
        ("goods", PRICED),
        ("service", UNPRICED),
        ("experience", PRICED),
        ("experience", PREMIUM),
    }
    for step in ("commodity", "service"):
        assert found[(step, UNPRICED)].pen().style() == Qt.PenStyle.DashLine
    # With no service, the premium is over the goods; decimals as the language writes them.
    assert format_money(65.5, "PLN") in texts
    assert f"Experience premium: {format_money(25.5, 'PLN')} over the goods" in texts


def test_no_premium_is_said_plainly(qapp, tmp_path):
    text = with_value("value: {currency: CNY, service: 80, experience: 80}")
    scene = value_scene(design_from(tmp_path, text))
    texts = words_in(scene)
    price = format_money(80, "CNY")
    assert (
        f"No premium for the experience: guests pay no more for it than for the service ({price})"
        in texts
    )
    assert not any(t.startswith("+") for t in texts)
    assert ("experience", PREMIUM) not in blocks(scene)
    unpriced = value_scene(design_from(tmp_path, with_value("value: {goods: 5}")))
    assert "No premium to show: the experience is not priced." in words_in(unpriced)


@pytest.mark.parametrize("currency", ["Polish złoty coins", "💰💰💰 tokens"])
def test_prices_in_a_long_currency_never_run_into_each_other(qapp, tmp_path, currency):
    """A currency written out ("Polish złoty coins") is too wide for a step even in the
    smallest size: the price takes two lines, shortened past them, and keeps its number."""
    text = with_value(
        f"value: {{currency: '{currency}', commodity: 10, goods: 50, service: 80,"
        " experience: 1000.25}"
    )
    design = design_from(tmp_path, text)
    scene = value_scene(design)
    found = blocks(scene)
    labels = {}
    for step, price in design.value.prices().items():
        (label,) = [
            i
            for i in scene.items()
            if isinstance(i, Words) and i.text == format_money(price, currency)
        ]
        labels[step] = label
        rect = label.sceneBoundingRect()
        column = found[(step, PRICED)].rect()
        assert column.left() <= rect.left() and rect.right() <= column.left() + STEP, step
        assert rect.bottom() <= column.top(), step  # over its own block
        assert label.lines[0].startswith(format_money(price, None)), label.lines
    rects = [label.sceneBoundingRect() for label in labels.values()]
    for i, one in enumerate(rects):
        for other in rects[i + 1 :]:
            assert not one.intersects(other)
    title = next(
        i
        for i in scene.items()
        if isinstance(i, Words) and i.text == "The progression of economic value"
    )
    assert all(r.top() >= title.sceneBoundingRect().bottom() for r in rects)


def test_a_design_without_a_value_says_what_to_add(qapp, tmp_path):
    scene = value_scene(design_from(tmp_path, with_value("")))
    texts = words_in(scene)
    assert any(t.startswith("No value set: add prices in the Theme inspector") for t in texts)
    assert not blocks(scene)


def test_prices_follow_the_language_and_the_currency(qapp, tmp_path):
    design = design_from(tmp_path, HOTPOT)
    with language("pl"):
        texts = words_in(value_scene(design))
        assert format_money(100, "CNY") in texts
        assert value_step_word("experience") in texts
    design.value.currency = None  # no currency: the numbers alone
    assert "100" in words_in(value_scene(design))


def test_the_realms_are_as_strong_as_the_design_makes_them(qapp, tmp_path):
    scene = realms_scene(design_from(tmp_path, HOTPOT))
    texts = words_in(scene)
    for realm in ("entertainment", "educational", "escapist", "esthetic"):
        word = realm_word(realm)
        assert word[:1].upper() + word[1:] in texts
    quadrants = {
        item.data(REALM_PART)[0]: item
        for item in scene.items()
        if isinstance(item, QGraphicsRectItem) and item.data(REALM_PART) is not None
    }
    levels = {realm: q.data(REALM_PART)[1] for realm, q in quadrants.items()}
    assert levels == {"entertainment": 3, "educational": 1, "escapist": 0, "esthetic": 2}
    lightness = {r: q.brush().color().lightnessF() for r, q in quadrants.items()}
    assert lightness["entertainment"] < lightness["esthetic"] < lightness["educational"]
    assert lightness["educational"] < lightness["escapist"]
    dots = [i.data(REALM_PART) for i in scene.items() if isinstance(i, QGraphicsEllipseItem)]
    for realm, level in levels.items():
        assert dots.count((realm, "dot")) == level
        assert dots.count((realm, "empty dot")) == 3 - level
    # Passive on the left, active on the right; absorption above, immersion below.
    centre = {r: q.rect().center() for r, q in quadrants.items()}
    assert centre["entertainment"].x() < centre["educational"].x()
    assert centre["esthetic"].x() < centre["escapist"].x()
    assert centre["entertainment"].y() < centre["esthetic"].y()
    assert "3 of 3" in texts and "0 of 3" in texts


# -- the Value tab ----------------------------------------------------------------------


def shown(qtbot, view: ValueView, width: int = 1100, height: int = 600) -> ValueView:
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def whole(picture) -> bool:
    """Whether a picture's view shows all of its scene."""
    shown_rect = picture.mapToScene(picture.viewport().rect()).boundingRect()
    return shown_rect.contains(picture.scene().sceneRect().adjusted(1, 1, -1, -1))


def test_the_view_shows_both_pictures_whole_side_by_side_or_stacked(qtbot, tmp_path):
    document = Document(design_from(tmp_path, HOTPOT))
    view = shown(qtbot, ValueView(document), 1300, 600)
    staircase, realms = view.staircase(), view.realms()
    assert format_money(100, "CNY") in words_in(staircase.scene())
    assert realm_word("escapist").capitalize() in words_in(realms.scene())
    assert view.side_by_side() and view.picture_scale() >= READABLE
    assert whole(staircase) and whole(realms)
    assert staircase.geometry().right() < realms.geometry().left()
    # Tall and narrow: one over the other, larger than side by side would draw them.
    view.resize(700, 1100)
    qtbot.waitUntil(lambda: not view.side_by_side())
    assert staircase.geometry().bottom() < realms.geometry().top()
    assert whole(staircase) and whole(realms)
    assert view.summary() == "Priced steps: 4 of 4"


def test_on_a_small_screen_the_pictures_stay_readable_and_scroll(qtbot, tmp_path):
    # The tab's room on a 1024×768 projector with the outline, inspector and findings open.
    document = Document(design_from(tmp_path, HOTPOT))
    view = shown(qtbot, ValueView(document), 515, 360)
    view.staircase()
    assert view.picture_scale() >= READABLE and not view.side_by_side()
    scroll = view.findChild(QScrollArea)
    assert scroll.verticalScrollBar().maximum() > 0  # the realms are further down
    assert whole(view.staircase()) and whole(view.realms())
    view.resize(1600, 1000)  # the docks closed on a large screen: larger than drawn
    qtbot.waitUntil(lambda: view.picture_scale() > 1.0)
    assert scroll.verticalScrollBar().maximum() == 0


def test_editing_a_price_in_the_inspector_is_one_undo_step_and_the_view_follows(qtbot, tmp_path):
    document = Document(design_from(tmp_path, HOTPOT))
    view = shown(qtbot, ValueView(document))
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    inspector.resize(360, 900)
    inspector.show()
    document.select("theme")
    goods = inspector.editors["goods"]
    assert goods.text() == "50"
    before = document.undo_stack.count()
    goods.setFocus()
    goods.selectAll()
    qtbot.keyClicks(goods, "65")
    qtbot.keyClick(goods, Qt.Key.Key_Tab)
    assert document.design.value.goods == 65
    assert document.undo_stack.count() == before + 1
    assert format_money(65, "CNY") in words_in(view.staircase().scene())
    assert format_money(50, "CNY") not in words_in(view.staircase().scene())
    document.undo_stack.undo()
    assert document.design.value.goods == 50
    assert format_money(50, "CNY") in words_in(view.staircase().scene())
    assert goods.text() == "50"
    # Emptying the field takes the price away: the step says it is not priced.
    goods.selectAll()
    qtbot.keyClick(goods, Qt.Key.Key_Delete)
    assert document.design.value.goods is None
    assert "not priced" in words_in(view.staircase().scene())
    assert view.summary() == "Priced steps: 3 of 4"


def test_a_click_on_a_picture_shows_the_prices_in_the_inspector(qtbot, tmp_path):
    document = Document(design_from(tmp_path, HOTPOT))
    view = shown(qtbot, ValueView(document))
    picture = view.staircase()
    qtbot.mouseClick(picture.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert document.selected == "theme"


def test_the_saved_picture_is_the_rendered_one_whatever_the_window_palette(qtbot, tmp_path):
    from cuecraft.gui.picture import PictureTab, light_palette, picture_font

    document = Document(design_from(tmp_path, HOTPOT))
    view = shown(qtbot, ValueView(document))
    assert isinstance(view, PictureTab) and view.picture_view == "value"
    assert view.has_picture()
    scene = view.picture_scene()
    rendered = value_scene(document.design, light_palette(), picture_font())
    assert words_in(scene) == words_in(rendered)
    assert scene.sceneRect() == rendered.sceneRect()
    assert scene.backgroundBrush().color() == rendered.backgroundBrush().color()


def test_the_realms_are_saved_once_clicked_or_when_there_is_no_value(qtbot, tmp_path):
    """The tab shows two pictures; Save view as image… saves the one last clicked (or
    given the keyboard focus), the staircase at first, and never a picture that shows
    only its hint while the other has something to show."""
    from cuecraft.gui.picture import light_palette, picture_font

    document = Document(design_from(tmp_path, HOTPOT))
    view = shown(qtbot, ValueView(document))
    assert view.picture_view == "value"
    qtbot.mouseClick(view.realms().viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert view.picture_view == "realms" and document.selected == "theme"
    rendered = realms_scene(document.design, light_palette(), picture_font())
    assert words_in(view.picture_scene()) == words_in(rendered)
    assert view.picture_scene().sceneRect() == rendered.sceneRect()
    qtbot.mouseClick(view.staircase().viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert view.picture_view == "value"
    view.realms().setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.picture_view == "realms")
    view.staircase().setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.picture_view == "value")
    # No value: the realms are what there is to save, whichever was clicked.
    document.design.value = type(document.design.value)()
    assert view.has_picture() and view.picture_view == "realms"
    assert realm_word("escapist").capitalize() in words_in(view.picture_scene())
    # Neither: nothing to save (both pictures only say what to add).
    document.design.theme.realms = type(document.design.theme.realms)()
    assert not view.has_picture()
