"""The inspector's fields for money and priorities (issue 18): a negative cue's impact,
effort and owner, a souvenir's price and plain price, the design's prices and currency.

Real widgets on a real design file: each gesture is one undo step, the form shows only
what the selected item can have, and what is typed survives a save and a load.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from cuecraft.core.fileformat import load_design, save_design
from cuecraft.core.i18n import set_language
from cuecraft.gui.document import Document
from cuecraft.gui.inspector import Inspector

DESIGN = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain]}
value: {currency: CNY, goods: 50, experience: 100}
zones:
  - {id: hall, name: Dining hall}
cues:
  - {id: drums, text: Rain drums on the canopy, motifs: [rain], senses: [sound], at: [hall]}
  - id: muzak
    text: Pop music from the kitchen radio
    polarity: negative
    senses: [sound]
    at: [hall]
    severity: high
souvenirs:
  - {id: frog, name: Tree frog plush, evokes: [drums]}
"""
PRIORITY_FIELDS = ("impact", "effort", "owner")


def open_design(
    qtbot, tmp_path: Path, selected: str, text: str = DESIGN
) -> tuple[Document, Inspector, Path]:
    path = tmp_path / "cafe.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    document = Document(load_design(path), path)
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    inspector.resize(360, 1400)
    inspector.show()
    qtbot.waitExposed(inspector)
    document.select(selected)
    return document, inspector, path


def choose(combo: QComboBox, value: str) -> None:
    """Pick the entry whose stored value is `value`, as a click in the list does."""
    index = combo.findData(value)
    assert index >= 0, f"{value} is not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def retype(qtbot, line: QLineEdit, text: str) -> None:
    """Select what the field holds, type over it and leave it (Tab)."""
    line.setFocus()
    line.selectAll()
    if text:
        qtbot.keyClicks(line, text)
    else:
        qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Tab)


def labels(inspector: Inspector) -> set[str]:
    return {label.text() for label in inspector.findChildren(QLabel)}


def shown(inspector: Inspector, name: str) -> bool:
    return inspector.editors[name].isVisibleTo(inspector)


def test_impact_effort_and_owner_are_shown_for_negative_cues_only(qtbot, tmp_path):
    document, inspector, _path = open_design(qtbot, tmp_path, "drums")
    for name in (*PRIORITY_FIELDS, "severity", "remedy"):
        assert not shown(inspector, name), name
    assert shown(inspector, "text")
    document.select("muzak")
    for name in (*PRIORITY_FIELDS, "severity", "remedy"):
        assert shown(inspector, name), name
    # Turning a positive cue negative brings its priority fields; undoing takes them away.
    document.select("drums")
    choose(inspector.editors["polarity"], "negative")
    assert all(shown(inspector, name) for name in PRIORITY_FIELDS)
    document.undo_stack.undo()
    assert not any(shown(inspector, name) for name in PRIORITY_FIELDS)


def test_impact_effort_and_owner_are_set_each_in_one_undo_step(qtbot, tmp_path):
    document, inspector, _path = open_design(qtbot, tmp_path, "muzak")
    cue = next(c for c in document.design.cues if c.id == "muzak")
    impact, effort = inspector.editors["impact"], inspector.editors["effort"]
    assert isinstance(impact, QComboBox) and isinstance(effort, QComboBox)
    # Each level offers its number and word; the empty entry is "not rated".
    assert [impact.itemData(i) for i in range(impact.count())] == ["", "1", "2", "3"]
    assert impact.itemText(3) == "3 · high" and effort.itemText(1) == "1 · low"
    assert impact.currentText() == "not rated"
    assert "how much guests suffer" in impact.toolTip().lower()
    assert "what the remedy costs" in effort.toolTip().lower()
    before = document.undo_stack.count()
    choose(impact, "3")
    choose(effort, "1")
    owner = inspector.editors["owner"]
    assert isinstance(owner, QLineEdit)
    retype(qtbot, owner, "store manager")
    assert (cue.impact, cue.effort, cue.owner) == (3, 1, "store manager")
    assert document.undo_stack.count() == before + 3
    choose(impact, "")
    assert cue.impact is None
    document.undo_stack.undo()
    assert cue.impact == 3 and impact.currentData() == "3"


def test_a_souvenirs_prices_round_trip_through_save_and_load(qtbot, tmp_path):
    document, inspector, path = open_design(qtbot, tmp_path, "frog")
    price, plain = inspector.editors["price"], inspector.editors["plain_price"]
    assert isinstance(price, QLineEdit) and isinstance(plain, QLineEdit)
    # The labels name the design's currency; the tips say what each price means.
    texts = labels(inspector)
    assert "Price (CNY)" in texts and "Price of the plain object (CNY)" in texts
    assert "what guests pay" in price.toolTip().lower()
    assert "without the memory" in plain.toolTip()
    before = document.undo_stack.count()
    retype(qtbot, price, "24")
    retype(qtbot, plain, "9,5")  # a decimal comma is a decimal mark too
    assert document.undo_stack.count() == before + 2
    souvenir = document.design.souvenirs[0]
    assert (souvenir.price, souvenir.plain_price) == (24, 9.5)
    assert isinstance(souvenir.price, int)  # a whole price stays whole in the file
    save_design(document.design, path)
    again = load_design(path).souvenirs[0]
    assert (again.price, again.plain_price) == (24, 9.5)
    assert "price: 24\n" in path.read_text(encoding="utf-8")


def test_an_amount_accepts_only_a_price(qtbot, tmp_path):
    document, inspector, _path = open_design(qtbot, tmp_path, "frog")
    price = inspector.editors["price"]
    assert isinstance(price, QLineEdit)
    price.setFocus()
    qtbot.keyClicks(price, "-1x2")  # neither a minus sign nor a letter can be typed
    assert price.text() == "12"
    assert document.design.souvenirs[0].price == 12
    price.selectAll()
    qtbot.keyClicks(price, ".")  # not a number yet: said, and the model keeps its price
    assert document.design.souvenirs[0].price == 12
    assert "Type an amount" in inspector.notes["price"].text()
    qtbot.keyClicks(price, "5")
    assert document.design.souvenirs[0].price == 0.5
    assert not inspector.notes["price"].text()


def test_the_theme_edits_the_designs_prices_and_currency(qtbot, tmp_path):
    document, inspector, _path = open_design(qtbot, tmp_path, "theme")
    value = document.design.value
    for name, text in (("commodity", ""), ("goods", "50"), ("service", ""), ("experience", "100")):
        editor = inspector.editors[name]
        assert isinstance(editor, QLineEdit)
        assert editor.text() == text, name
    retype(qtbot, inspector.editors["service"], "80")
    assert value.service == 80
    # The currency applies when editing ends ("CN" on the way to "CNY" is not a currency).
    currency = inspector.editors["currency"]
    assert isinstance(currency, QLineEdit) and currency.text() == "CNY"
    before = document.undo_stack.count()
    currency.setFocus()
    currency.selectAll()
    qtbot.keyClicks(currency, "PLN")
    assert value.currency == "CNY"
    qtbot.keyClick(currency, Qt.Key.Key_Return)
    assert value.currency == "PLN"
    assert document.undo_stack.count() == before + 1
    assert "Service (PLN)" in labels(inspector)
    document.undo_stack.undo()
    assert "Service (CNY)" in labels(inspector) and currency.text() == "CNY"


@pytest.mark.parametrize(("language", "mark"), [("en", "."), ("pl", ",")])
def test_a_price_shows_exactly_what_the_file_holds(qtbot, tmp_path, language, mark):
    """Neither rounded ("999999999999.98999") nor cut short ("0." for 0.0000001): the
    field's text is the price, and typing what it shows gives the same price."""
    design = DESIGN.replace(
        "evokes: [drums]}", "evokes: [drums], price: 999999999999.99, plain_price: 0.0000001}"
    )
    set_language(language)
    try:
        document, inspector, _path = open_design(qtbot, tmp_path, "frog", design)
        souvenir = document.design.souvenirs[0]
        assert (souvenir.price, souvenir.plain_price) == (999999999999.99, 1e-7)
        price, plain = inspector.editors["price"], inspector.editors["plain_price"]
        assert isinstance(price, QLineEdit) and isinstance(plain, QLineEdit)
        assert price.text() == f"999999999999{mark}99"
        assert plain.text() == f"0{mark}0000001"
        # Passing through the fields changes nothing.
        for line in (price, plain):
            line.setFocus()
            qtbot.keyClick(line, Qt.Key.Key_Tab)
        assert document.undo_stack.count() == 0
        # What they show can be typed again, and gives the same prices.
        for line in (price, plain):
            assert line.hasAcceptableInput()
            retype(qtbot, line, line.text())
        assert (souvenir.price, souvenir.plain_price) == (999999999999.99, 1e-7)
        assert price.text() == f"999999999999{mark}99"
        assert plain.text() == f"0{mark}0000001"
    finally:
        set_language("en")


def test_the_designers_words_in_labels_and_tips_show_as_typed(qtbot, tmp_path):
    """A currency or a zone name that looks like markup is shown as it is, not in bold."""
    design = DESIGN.replace("currency: CNY", "currency: '<b>x</b>'").replace(
        "{id: hall, name: Dining hall}", "{id: hall, name: '<b>Dining</b> hall'}"
    )
    design += "touchpoints:\n  - {id: seat, name: Take a seat, phase: during, zone: hall}\n"
    document, inspector, _path = open_design(qtbot, tmp_path, "frog", design)
    assert document.design.value.currency == "<b>x</b>"
    assert "Price (<b>x</b>)" in labels(inspector)
    for label in inspector.findChildren(QLabel):
        if "<b>" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    document.select("theme")
    goods = [
        label for label in inspector.findChildren(QLabel) if label.text() == "Goods (<b>x</b>)"
    ]
    assert goods and goods[0].textFormat() == Qt.TextFormat.PlainText
    # A zone's tip in a touchpoint's list of zones reads as the name is written.
    document.select("seat")
    zones = inspector.editors["zone"]
    assert isinstance(zones, QComboBox) and zones.currentData() == "hall"
    tip = str(zones.itemData(zones.findData("hall"), Qt.ItemDataRole.ToolTipRole))
    page = QTextDocument()
    page.setHtml(tip)
    assert page.toPlainText() == "hall — <b>Dining</b> hall"
