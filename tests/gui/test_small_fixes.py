"""Small things a new user met (issue 11, point 7): each as the person saw it.

Findings' lines, the zone dropdown, the sense toggles, a souvenir's Evokes list,
the template picker, the outline's context menu and headers, the graph's legend and Fit.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cuecraft.core import templates
from cuecraft.core.edits import AddItem, SetField
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Zone
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window
from cuecraft.gui.document import Document
from cuecraft.gui.findings_panel import FindingsPanel

ROOT = Path(__file__).resolve().parents[2]
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"


@pytest.fixture
def quiet(monkeypatch, tmp_path):
    """Isolated settings and recovery folder; no modal dialog ever opens."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    for name in ("show_load_error", "show_error"):
        monkeypatch.setattr(dialogs, name, lambda *args: None)
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    monkeypatch.setattr(dialogs, "ask_delete", lambda parent, what, refs: True)
    monkeypatch.setattr(dialogs, "ask_recover", lambda parent, text: False)


def open_window(qtbot, path: Path | None):
    window = create_window(str(path) if path else None)
    qtbot.addWidget(window)
    window.show()
    return window


def copy_of(tmp_path: Path, source: Path = RAINFOREST) -> Path:
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    return path


# -- a. the findings' Line column ----------------------------------------------------


def subject_line(text: str, item_id: str) -> int | None:
    """The line of `id: item_id` in a design's text (1-based), if it is there."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().removeprefix("- ") == f"id: {item_id}":
            return number
    return None


def shown_lines(panel: FindingsPanel) -> dict[tuple[str, str], str]:
    """(code, first id) -> the Line column as shown."""
    rows = zip(panel.rows(), panel.line_texts(), strict=True)
    return {(f.code, (*f.ids, "")[0]): line for f, line in rows}


def assert_lines_true_for(panel: FindingsPanel, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = shown_lines(panel)
    item_findings = {key: line for key, line in lines.items() if subject_line(text, key[1])}
    assert item_findings, "the example has findings about items"
    for (_code, item_id), line in item_findings.items():
        assert line == str(subject_line(text, item_id)), (item_id, line)


def test_finding_lines_are_lines_of_the_opened_file(qtbot, tmp_path):
    path = copy_of(tmp_path)
    document = Document(load_design(path), path)
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    assert document.lines_on_disk
    assert_lines_true_for(panel, path)


def test_a_design_without_a_file_shows_no_lines(qtbot):
    # As a design from a template: its locations are lines of a file that is not its own.
    document = Document(load_design(RAINFOREST))
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    assert panel.rows()
    assert set(panel.line_texts()) == {""}


def test_lines_are_blank_after_an_edit_and_true_again_after_a_save(qtbot, quiet, tmp_path):
    path = copy_of(tmp_path)
    window = open_window(qtbot, path)
    document, panel = window.document, window.findings
    before = shown_lines(panel)
    assert before[("ELI002", "saturday-queue")] == str(
        subject_line(path.read_text(encoding="utf-8"), "saturday-queue")
    )

    # A zone added at the top moves every later line of the file once saved; a new
    # touchpoint has no line at all until then.
    document.push(AddItem("zones", Zone("annex", "Annex\nwith a long\nname"), 0))
    window.add_item("touchpoints")
    new_tp = document.selected
    document.flush()
    lines = shown_lines(panel)
    assert any(key[1] == new_tp for key in lines), "the new touchpoint has a finding"
    assert set(lines.values()) == {""}, "no line is shown for what the file does not hold"

    assert window.save()
    document.flush()
    after = shown_lines(panel)
    assert after[("ELI002", "saturday-queue")] != before[("ELI002", "saturday-queue")]
    assert_lines_true_for(panel, path)
    assert any(key[1] == new_tp and line for key, line in after.items())

    # Undo leaves the saved state (blank); redo returns to it, with true lines again.
    document.undo_stack.undo()
    document.flush()
    assert set(shown_lines(panel).values()) == {""}
    document.undo_stack.redo()
    document.flush()
    assert_lines_true_for(panel, path)
    assert any(key[1] == new_tp and line for key, line in shown_lines(panel).items())


def test_saving_an_unchanged_hand_written_file_gives_the_lines_of_the_rewritten_file(
    qtbot, quiet, tmp_path
):
    path = tmp_path / "hand.yaml"
    path.write_text(
        "cuecraft: 1\ntitle: Hand written\ntheme: {name: N, motifs: [m]}\n\n\n\n"
        "zones: [{id: hall, name: Hall}]\n"
        "touchpoints: [{id: arrive, name: Arrive, phase: before, zone: hall}]\n",
        encoding="utf-8",
    )
    window = open_window(qtbot, path)
    panel = window.findings
    assert shown_lines(panel)[("HAR003", "arrive")] == "8"
    assert window.save()  # nothing changed, but the file is now in its canonical form
    window.document.flush()
    assert_lines_true_for(panel, path)
    assert shown_lines(panel)[("HAR003", "arrive")] != "8"


def test_save_as_of_a_new_design_shows_lines_of_the_new_file(qtbot, quiet, tmp_path):
    window = open_window(qtbot, None)
    window.install_document(Document(templates.load("cafe")))
    document = window.document
    window.add_item("touchpoints")  # a touchpoint with nothing at it: a finding
    document.flush()
    assert set(window.findings.line_texts()) == {""}
    target = tmp_path / "mine.yaml"
    assert window.save_as_path(target)
    document.flush()
    assert document.lines_on_disk
    assert_lines_true_for(window.findings, target)


# -- b. the touchpoint's Zone dropdown ----------------------------------------------------


def inspector_on(qtbot, document: Document, selected: str):
    from cuecraft.gui.inspector import Inspector

    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    document.select(selected)
    return inspector


def test_zone_dropdown_shows_id_and_name_and_sets_the_id(qtbot):
    from PySide6.QtWidgets import QComboBox

    document = Document(load_design(RAINFOREST))
    inspector = inspector_on(qtbot, document, "check-in")
    combo = inspector.editors["zone"]
    assert isinstance(combo, QComboBox)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0] == "(none)"
    assert texts[1:] == [f"{z.id} — {z.name}" for z in document.design.zones]
    assert combo.currentText() == "podium — Safari check-in podium"
    index = combo.findText("gift-shop — Expedition outpost gift shop")
    assert index > 0, texts
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert document.design.touchpoints[3].zone == "gift-shop"
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert document.design.touchpoints[3].zone is None
    document.push(SetField("check-in", "zone", "nowhere"))
    assert combo.currentText() == "nowhere  (missing)", "a dangling zone is not shown as none"


# -- d. a souvenir's Evokes list -------------------------------------------------------------


def test_evokes_offers_positive_cues_only(qtbot):
    from PySide6.QtCore import Qt

    from cuecraft.gui.widgets import RefPicker

    document = Document(load_design(RAINFOREST))
    inspector = inspector_on(qtbot, document, "plush-frog")
    picker = inspector.editors["evokes"]
    assert isinstance(picker, RefPicker)
    offered = [
        picker.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(picker.list.count())
    ]
    positive = [c.id for c in document.design.cues if not c.is_negative]
    negative = [c.id for c in document.design.cues if c.is_negative]
    assert negative and set(offered) == set(positive)
    # One chosen by hand in the file stays listed, ticked and marked, so it can be unticked.
    document.push(SetField("plush-frog", "evokes", ["frog-chorus", negative[0]]))
    rows = {
        picker.list.item(i).data(Qt.ItemDataRole.UserRole): picker.list.item(i)
        for i in range(picker.list.count())
    }
    assert "negative cue" in rows[negative[0]].text()
    assert set(rows) == {*positive, negative[0]}


# -- c. the sense toggles -----------------------------------------------------------------


def contrast(a, b) -> float:
    """WCAG contrast ratio of two QColors."""

    def luminance(c) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def dominant_colour(widget):
    """The colour most pixels of the widget have (its fill)."""
    from collections import Counter

    from PySide6.QtGui import QColor

    image = widget.grab().toImage()
    counts = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


@pytest.mark.parametrize("palette", ["normal", "high contrast"])
def test_a_sense_that_is_on_is_clearly_marked(qtbot, palette):
    from PySide6.QtGui import QAccessible, QFont, QFontMetrics
    from PySide6.QtWidgets import QApplication

    from cuecraft.gui import preferences
    from cuecraft.gui.widgets import SensesToggle

    app = QApplication.instance()
    before = (app.palette(), app.styleSheet())
    if palette == "high contrast":
        app.setPalette(preferences.high_contrast_palette())
        app.setStyleSheet(preferences.HIGH_CONTRAST_STYLE)
    try:
        toggles = SensesToggle()
        qtbot.addWidget(toggles)
        toggles.resize(400, 40)
        toggles.show()
        qtbot.waitExposed(toggles)
        toggles.set_senses(["sound"])
        on, off = toggles.buttons["sound"], toggles.buttons["smell"]
        assert on.text() == "✓ sound" and off.text() == "smell"
        fill_on, fill_off = dominant_colour(on), dominant_colour(off)
        assert contrast(fill_on, fill_off) >= 3.0, (fill_on.name(), fill_off.name())
        assert fill_on == on.palette().highlight().color()
        state = QAccessible.queryAccessibleInterface(on).state()
        assert state.checkable and state.checked
        assert not QAccessible.queryAccessibleInterface(off).state().checked
        off.click()  # a click turns it on and says so
        assert off.text() == "✓ smell" and toggles.senses() == ["sound", "smell"]
        # In a narrow inspector the mark gives way rather than the word being cut off.
        toggles.resize(300, 40)  # the inspector is at least 320 wide
        qtbot.wait(1)
        bold = QFont(on.font())
        bold.setBold(True)
        for button in (on, off):
            assert QFontMetrics(bold).horizontalAdvance(button.text()) <= button.width() - 8
        assert on.text() == "sound"
    finally:
        app.setPalette(before[0])
        app.setStyleSheet(before[1])


# -- e. the template picker -------------------------------------------------------------------


def test_the_template_picker_describes_every_template(qtbot):
    from cuecraft.gui.dialogs import TemplatePicker

    infos = templates.catalogue()
    picker = TemplatePicker(infos)
    qtbot.addWidget(picker)
    assert picker.list.count() == len(infos) == len(templates.available())
    for row, (name, description) in enumerate(templates.available()):
        text = picker.list.item(row).text()
        assert text == description[:1].upper() + description[1:], text
        picker.list.setCurrentRow(row)
        assert picker.chosen() == name
        assert picker.details.text().startswith(f"Theme: {infos[row].theme}")
    cafe = next(i for i, info in enumerate(infos) if info.name == "cafe")
    picker.list.setCurrentRow(cafe)
    assert "Your usual, before you ask" in picker.details.text()


def test_choosing_a_template_returns_its_name_and_cancel_returns_none(qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from cuecraft.gui.dialogs import TemplatePicker

    def pick_venue(picker: TemplatePicker) -> int:
        names = [
            picker.list.item(i).data(Qt.ItemDataRole.UserRole).name
            for i in range(picker.list.count())
        ]
        picker.list.setCurrentRow(names.index("venue"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplatePicker, "exec", pick_venue)
    assert dialogs.choose_template(None, ["blank", "cafe", "venue"]) == "venue"
    monkeypatch.setattr(TemplatePicker, "exec", lambda picker: QDialog.DialogCode.Rejected)
    assert dialogs.choose_template(None, ["blank"]) is None


# -- g. clicking a section's heading in the outline ----------------------------------------


def outline_and_inspector(qtbot):
    from cuecraft.gui.inspector import Inspector
    from cuecraft.gui.outline import Outline

    document = Document(load_design(RAINFOREST))
    outline, inspector = Outline(document), Inspector(document)
    for widget in (outline, inspector):
        qtbot.addWidget(widget)
        widget.resize(320, 700)
        widget.show()
    return document, outline, inspector


def click_entry(qtbot, outline, key: str, button=None) -> None:
    from PySide6.QtCore import Qt

    entry = outline.entries()[key]
    outline.scrollToItem(entry)
    where = outline.visualItemRect(entry).center()
    qtbot.mouseClick(outline.viewport(), button or Qt.MouseButton.LeftButton, pos=where)


def inspector_texts(inspector) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in inspector.widget().findChildren(QLabel)]


def test_clicking_a_section_heading_shows_that_section_not_the_last_item(qtbot):
    document, outline, inspector = outline_and_inspector(qtbot)
    click_entry(qtbot, outline, "check-in")
    assert document.selected == "check-in"
    assert "name" in inspector.editors
    click_entry(qtbot, outline, "section:zones")
    assert document.selected == "section:zones"
    assert inspector.editors == {}, "no field of check-in is left to edit by mistake"
    texts = inspector_texts(inspector)
    zones = len(document.design.zones)
    assert zones > 1
    assert texts[0] == f"Zones ({zones})"
    assert any("podium — Safari check-in podium" in text for text in texts)
    # The summary follows the design, and an item click brings the fields back.
    document.push(AddItem("zones", Zone("annex", "Annex")))
    assert inspector_texts(inspector)[0] == f"Zones ({zones + 1})"
    click_entry(qtbot, outline, "mist")
    assert document.selected == "mist" and "text" in inspector.editors


def test_an_empty_section_says_how_to_add_one(qtbot):
    from cuecraft.core.edits import RemoveItem

    document, outline, inspector = outline_and_inspector(qtbot)
    click_entry(qtbot, outline, "section:layers")
    for layer in list(document.design.layers):
        document.push(RemoveItem(layer.id))
    texts = inspector_texts(inspector)
    assert texts[0] == "Sensory layers (0)"
    assert any("No sensory layers yet" in text for text in texts)


# -- f. the outline's context menu -------------------------------------------------------------


ADD_KEYS = ("zones", "touchpoints", "cues", "negative", "layers", "souvenirs")


def outline_with_actions(qtbot):
    """An outline given actions as MainWindow.install_document gives it its own."""
    from PySide6.QtGui import QAction

    document, outline, _inspector = outline_and_inspector(qtbot)
    fired: list[str] = []
    adds = {}
    for key in ADD_KEYS:
        adds[key] = QAction(key, outline)
        adds[key].setShortcut("Ctrl+Shift+O" if key == "zones" else "")
        adds[key].triggered.connect(lambda _checked=False, key=key: fired.append(f"add {key}"))
    duplicate, delete = QAction("D&uplicate", outline), QAction("&Delete", outline)
    duplicate.triggered.connect(lambda: fired.append(f"duplicate {document.selected}"))
    delete.triggered.connect(lambda: fired.append(f"delete {document.selected}"))
    outline.set_context_actions(adds, duplicate, delete)
    return document, outline, fired


def menu_texts(menu) -> list[str]:
    return [a.text() if not a.isSeparator() else "—" for a in menu.actions()]


def test_right_click_menus_offer_add_of_the_sections_kind_duplicate_and_delete(qtbot):
    document, outline, fired = outline_with_actions(qtbot)
    entries = outline.entries()
    expected = {
        "mall-front": "Add zone\tCtrl+Shift+O",
        "check-in": "Add touchpoint",
        "mist": "Add positive cue",
        "saturday-queue": "Add negative cue",
        document.design.layers[0].id: "Add sensory layer",
        "plush-frog": "Add souvenir",
    }
    for item_id, add in expected.items():
        menu = outline.context_menu_for(entries[item_id])
        assert menu_texts(menu) == [add, "—", "D&uplicate", "&Delete"], item_id
    heading = outline.context_menu_for(entries["section:negative"])
    assert menu_texts(heading) == ["Add negative cue"]
    heading.actions()[0].trigger()
    assert fired == ["add negative"]
    for whole in ("design", "theme"):
        assert outline.context_menu_for(entries[whole]) is None


def test_a_right_click_selects_the_item_its_menu_acts_on(qtbot, monkeypatch):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    document, outline, fired = outline_with_actions(qtbot)
    shown: list[list[str]] = []

    def pick_last(menu, _at):
        shown.append(menu_texts(menu))
        menu.actions()[-1].trigger()  # Delete

    monkeypatch.setattr(outline, "popup", pick_last)
    document.select("mist")
    entry = outline.entries()["storm-teaser"]
    outline.scrollToItem(entry)
    where = outline.visualItemRect(entry).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, outline.viewport().mapToGlobal(where)
    )
    QApplication.sendEvent(outline.viewport(), event)
    assert shown == [["Add positive cue", "—", "D&uplicate", "&Delete"]]
    assert document.selected == "storm-teaser"
    assert fired == ["delete storm-teaser"]
    # The Menu key opens the menu of the current entry, wherever the mouse is.
    outline.setCurrentItem(outline.entries()["section:touchpoints"])
    key = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, where, outline.mapToGlobal(where))
    QApplication.sendEvent(outline.viewport(), key)
    assert shown[-1] == ["Add touchpoint"]


def test_the_outline_menu_runs_the_window_actions_add_and_duplicate(qtbot, quiet):
    window = open_window(qtbot, RAINFOREST)
    document, outline = window.document, window.outline
    zones = len(document.design.zones)
    add = outline.context_menu_for(outline.entries()["section:zones"]).actions()[0]
    assert add.text().startswith("Add zone")
    add.trigger()
    assert len(document.design.zones) == zones + 1
    assert document.selected == document.design.zones[-1].id
    document.select("mist")
    menu = outline.context_menu_for(outline.entries()["mist"])
    next(a for a in menu.actions() if a.text() == "D&uplicate").trigger()
    assert document.selected != "mist" and document.selected.startswith("mist")


# -- h. the graph's legend and Fit ---------------------------------------------------------------


def graph_view(qtbot, width: int, height: int, name: str = "rainforest-cafe.yaml"):
    from cuecraft.gui.views import GraphView

    view = GraphView(Document(load_design(ROOT / "designs" / name)))
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def drawn_rect(view):
    """The viewport rectangle of everything the nodes draw now (shapes, rings, labels)."""
    from PySide6.QtCore import QRectF

    canvas, scale, rect = view.canvas(), view.scale(), QRectF()
    for node in view.node_ids():
        item = view.node_item(node)
        rect = rect.united(item.mapRectToScene(item.painted_rect(scale)))
        rect = rect.united(item.mapRectToScene(item.shape().boundingRect()))
    return canvas.mapFromScene(rect).boundingRect()


def nothing_cut_at_the_edges(view) -> bool:
    """As a person sees it: the outermost pixels of the drawing are all background."""
    canvas = view.canvas()
    image = canvas.viewport().grab().toImage()
    background = canvas.backgroundBrush().color().rgb()
    w, h = image.width(), image.height()
    edge = [(x, 0) for x in range(w)] + [(x, h - 1) for x in range(w)]
    edge += [(0, y) for y in range(h)] + [(w - 1, y) for y in range(h)]
    return all(image.pixel(x, y) == background for x, y in edge)


@pytest.mark.parametrize(("width", "height"), [(700, 420), (1200, 800), (480, 900)])
@pytest.mark.parametrize("name", ["rainforest-cafe.yaml", "museum-exhibition.yaml"])
def test_fit_puts_the_whole_graph_in_view_and_undoes_a_zoom(qtbot, width, height, name):
    view = graph_view(qtbot, width, height, name)
    canvas = view.canvas()
    view.fit()
    fitted = canvas.transform()
    viewport = canvas.viewport().rect()
    assert viewport.contains(drawn_rect(view)), (drawn_rect(view), viewport)
    assert nothing_cut_at_the_edges(view)
    assert not canvas.horizontalScrollBar().isVisible()
    assert not canvas.verticalScrollBar().isVisible()
    view.zoom_by(3.0)
    assert not viewport.contains(drawn_rect(view))
    assert not nothing_cut_at_the_edges(view)
    view.fit()
    assert canvas.transform() == fitted
    assert viewport.contains(drawn_rect(view))


def test_a_fitted_graph_stays_whole_when_the_view_is_resized_until_zoomed(qtbot):
    view = graph_view(qtbot, 1200, 800)
    view.fit()
    view.resize(640, 420)
    qtbot.waitUntil(lambda: view.canvas().viewport().width() < 700)
    assert view.canvas().viewport().rect().contains(drawn_rect(view))
    view.zoom_by(2.0)
    zoomed = view.scale()
    view.resize(900, 600)
    qtbot.waitUntil(lambda: view.canvas().viewport().width() > 700)
    assert view.scale() == pytest.approx(zoomed), "the designer's zoom is kept"


def test_the_legend_sits_beside_the_drawing_not_on_it(qtbot):
    from PySide6.QtWidgets import QToolButton

    view = graph_view(qtbot, 700, 420)
    canvas, legend = view.canvas(), view.legend()
    assert legend.isVisible() and legend.height() > 0
    assert not legend.geometry().intersects(canvas.geometry())
    assert legend.geometry().top() >= canvas.geometry().bottom()
    assert canvas.scene().items()  # the drawing has no legend item in it
    height = canvas.height()
    toggle = next(b for b in view.findChildren(QToolButton) if b.text() == "Legend")
    toggle.click()
    qtbot.waitUntil(lambda: canvas.height() > height)
    assert not legend.isVisible()
    assert legend.heightForWidth(300) > legend.heightForWidth(1200), "rows wrap to the width"


def test_fit_leaves_room_for_the_selected_nodes_label(qtbot):
    view = graph_view(qtbot, 520, 700)
    view.document.select("adopt-follow-up")  # a touchpoint: its label goes on the right
    view.fit()
    assert view.node_item("adopt-follow-up").selected
    assert view.canvas().viewport().rect().contains(drawn_rect(view))
    assert nothing_cut_at_the_edges(view)
