"""View ▸ Save view as image…, and the workbench's pictures against `cuecraft render`'s.

The example design (with its guests' feedback and personas) is opened as the
workbench opens it. Each tab's picture must be the very pixels `cuecraft render`
writes for that view; the Journey tab as it shows on screen (in the picture's
palette and font, scrolled to its start) must be those pixels too; and the action
writes a valid file where the (bypassed) save dialog says, asks before replacing one,
and says why when it cannot write.
"""

from __future__ import annotations

import shutil
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage

from cuecraft.cli import main
from cuecraft.core.fileformat import load_design
from cuecraft.gui import dialogs, save_view
from cuecraft.gui.app import create_window
from cuecraft.gui.document import Document
from cuecraft.gui.main_window import MainWindow
from cuecraft.gui.picture import Picture, PictureTab, encode, light_palette, picture_font
from cuecraft.gui.views.journey import JourneyView
from cuecraft.gui.views.value_view import ValueView
from cuecraft.resources import example_designs

EXAMPLE = next(p for p in example_designs() if p.stem == "rainforest-cafe")
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def answered(monkeypatch, tmp_path):
    """Fresh settings; the start's questions answered; the errors shown, recorded."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    monkeypatch.setattr(dialogs, "ask_recover", lambda parent, text: False)
    errors: list[str] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, message: errors.append(message)
    )
    return errors


def example_copy(folder: Path) -> Path:
    """The Rainforest Cafe example with its guests' feedback beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / EXAMPLE.name
    shutil.copyfile(EXAMPLE, path)
    feedback = EXAMPLE.with_name(EXAMPLE.stem + ".feedback.yaml")
    shutil.copyfile(feedback, folder / feedback.name)
    return path


def open_window(qtbot, path: Path) -> MainWindow:
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.show()
    return window


def tab_of(window: MainWindow, view: str) -> PictureTab:
    for index in range(window.tabs.count()):
        tab = window.view_at(index)  # built when first shown, or asked for
        if isinstance(tab, PictureTab) and tab.picture_view == view:
            window.tabs.setCurrentIndex(index)
            return tab
    raise AssertionError(f"no {view} tab")


def picture_tab(qtbot, window: MainWindow, view: str) -> PictureTab:
    """The tab that saves `view`'s picture, shown; the realms are the Value tab's second
    picture, which it saves once clicked."""
    if view != "realms":
        return tab_of(window, view)
    tab = tab_of(window, "value")
    assert isinstance(tab, ValueView)
    qtbot.mouseClick(tab.realms().viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert tab.picture_view == "realms"
    return tab


def image(data: bytes | Path) -> QImage:
    loaded = QImage(str(data)) if isinstance(data, Path) else QImage.fromData(data)
    assert not loaded.isNull()
    return loaded.convertToFormat(QImage.Format.Format_ARGB32)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def rendered(path: Path, view: str, out: Path) -> QImage:
    assert main(["render", str(path), "--view", view, "-o", str(out), "--lang", "en"]) == 0
    return image(out)


@pytest.mark.parametrize(
    "view", ["journey", "blueprint", "senses", "graph", "value", "realms", "priorities"]
)
def test_each_tab_draws_the_picture_render_writes(qtbot, answered, tmp_path, view):
    """One drawing code per view: the tab's picture and `cuecraft render`'s are the same
    pixels (same scene code, same palette and font, same encoding)."""
    path = example_copy(tmp_path / "design")
    window = open_window(qtbot, path)
    tab = picture_tab(qtbot, window, view)
    assert tab.has_picture()
    ours = encode(Picture(tab.picture_scene(), view, window.document.design.title), ".png")
    theirs = rendered(path, view, tmp_path / f"{view}.png")
    assert image(ours).size() == theirs.size()
    assert image(ours) == theirs


def test_the_journey_picture_follows_the_persona_the_tab_follows(qtbot, answered, tmp_path):
    """The tab's picture is what the tab shows now: following one persona, their journey
    (the skip's cross named in the legend), which `render` (every guest) does not draw."""
    path = example_copy(tmp_path / "design")
    window = open_window(qtbot, path)
    tab = tab_of(window, "journey")
    assert isinstance(tab, JourneyView)
    tab.personas().switch.choose("family")
    words = svg_words(encode(Picture(tab.picture_scene(), "journey", "t"), ".svg"))
    assert "Family with toddlers" in words and "touchpoint they skip" in words
    out = tmp_path / "journey.svg"
    assert main(["render", str(path), "--view", "journey", "-o", str(out), "--lang", "en"]) == 0
    assert "touchpoint they skip" not in svg_words(out.read_bytes())


def svg_words(data: bytes) -> str:
    root = ET.fromstring(data)
    return " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_the_journey_tab_on_screen_is_the_picture(qtbot, tmp_path):
    """The Journey tab in the picture's palette and font, wide enough to show the whole
    journey, shows what `cuecraft render --view journey` writes: its cards, arrows and
    curves, and the lane names, scales and legends it pins at the edges.

    The same items are painted with the same antialiasing, so every pixel matches but for
    rounding: where a translucent fill (the area under the curves) is blended, the tab's
    viewport and the picture's image may round a channel one step apart. Beyond the
    drawing (the tab fills its whole viewport) is outside the comparison."""
    path = example_copy(tmp_path / "design")
    picture = rendered(path, "journey", tmp_path / "journey.png")
    view = JourneyView(Document(load_design(path), path))
    qtbot.addWidget(view)
    view.setPalette(light_palette())
    view.setFont(picture_font())
    view.resize(picture.width() + 60, picture.height() + 160)
    view.show()
    qtbot.waitExposed(view)
    canvas = view.canvas()
    assert canvas.horizontalScrollBar().maximum() == 0
    assert canvas.verticalScrollBar().maximum() == 0
    shown = canvas.viewport().grab().toImage()
    shown = shown.copy(QRect(0, 0, picture.width(), picture.height()))
    assert largest_difference(shown.convertToFormat(QImage.Format.Format_ARGB32), picture) <= 1


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of one colour channel between two same-sized images."""
    assert a.size() == b.size()
    a_bits, b_bits, line = bytes(a.constBits()), bytes(b.constBits()), a.bytesPerLine()
    largest = 0
    for y in range(a.height()):
        row_a, row_b = a_bits[y * line : (y + 1) * line], b_bits[y * line : (y + 1) * line]
        if row_a != row_b:
            largest = max(largest, max(abs(p - q) for p, q in zip(row_a, row_b, strict=True)))
    return largest


# -- View ▸ Save view as image… ---------------------------------------------------------------


def choose(monkeypatch, name: Path | str, chosen: str = "") -> list[Path]:
    """Bypass the save dialog: it answers `name` and the filter `chosen`; returns where it
    started (the suggested file)."""
    started: list[Path] = []

    def dialog(parent, start):
        started.append(start)
        return str(name), chosen or save_view.svg_filter()

    monkeypatch.setattr(save_view, "ask_image_name", dialog)
    return started


def test_the_entry_is_in_the_view_menu(qtbot, answered, tmp_path):
    window = open_window(qtbot, example_copy(tmp_path / "design"))
    assert window.act_save_view in window.view_menu.actions()
    assert window.act_save_view.text() == "Save view as &image…"


def test_saves_the_journey_as_png_from_the_chosen_filter(qtbot, answered, tmp_path, monkeypatch):
    path = example_copy(tmp_path / "design")
    window = open_window(qtbot, path)
    tab = tab_of(window, "journey")
    started = choose(monkeypatch, tmp_path / "out" / "journey v1.2", save_view.png_filter())
    (tmp_path / "out").mkdir()
    window.view_menu.aboutToShow.emit()
    assert window.act_save_view.isEnabled()
    window.act_save_view.trigger()
    assert started == [path.parent / "rainforest-cafe-journey.svg"]
    written = tmp_path / "out" / "journey v1.2.png"  # the suffix added, never replaced
    assert sorted(p.name for p in written.parent.iterdir()) == [written.name]
    expected = encode(Picture(tab.picture_scene(), "journey", "t"), ".png")
    assert png_size(written.read_bytes()) == png_size(expected)
    assert image(written) == image(expected)
    assert answered == []


def test_the_name_s_suffix_chooses_svg(qtbot, answered, tmp_path, monkeypatch):
    window = open_window(qtbot, example_copy(tmp_path / "design"))
    tab_of(window, "senses")
    out = tmp_path / "map.svg"
    choose(monkeypatch, out, save_view.png_filter())
    window.act_save_view.trigger()
    root = ET.parse(out).getroot()  # well-formed XML
    words = " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Canopy dining hall" in words and "Sight" in words
    assert root.findtext(f"{SVG}desc") == "A sensory map drawn by Cuecraft"
    assert root.findtext(f"{SVG}title") == window.document.design.title


def test_the_priorities_tab_saves_its_matrix(qtbot, answered, tmp_path, monkeypatch):
    """The impact × effort matrix is a picture too: its cues' words as SVG text, the file
    named after the tab."""
    path = example_copy(tmp_path / "design")
    window = open_window(qtbot, path)
    tab_of(window, "priorities")
    out = tmp_path / "matrix.svg"
    started = choose(monkeypatch, out)
    window.view_menu.aboutToShow.emit()
    assert window.act_save_view.isEnabled()
    window.act_save_view.trigger()
    assert started == [path.parent / "rainforest-cafe-priorities.svg"]
    root = ET.parse(out).getroot()
    words = " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "Quick wins" in words and "general manager" in words
    assert root.findtext(f"{SVG}desc") == "An impact × effort matrix drawn by Cuecraft"


def test_the_value_tab_saves_the_realms_once_clicked(qtbot, answered, tmp_path, monkeypatch):
    path = example_copy(tmp_path / "design")
    window = open_window(qtbot, path)
    picture_tab(qtbot, window, "realms")
    out = tmp_path / "realms.svg"
    started = choose(monkeypatch, out)
    window.view_menu.aboutToShow.emit()
    assert window.act_save_view.isEnabled()
    window.act_save_view.trigger()
    assert started == [path.parent / "rainforest-cafe-realms.svg"]
    root = ET.parse(out).getroot()
    assert root.findtext(f"{SVG}desc") == "The four realms of experience drawn by Cuecraft"
    assert "Escapist" in " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))


@pytest.mark.parametrize("failure", ["not allocated", "not encoded"])
def test_a_picture_there_is_no_memory_for_is_said_and_not_written(
    qtbot, answered, tmp_path, monkeypatch, failure
):
    """Qt gives a null image or a failed save, not an exception: the reason is shown and
    no empty file is left."""
    from cuecraft.gui import picture

    class NoMemory(QImage):
        def __init__(self, *args: object) -> None:
            if failure == "not allocated":
                super().__init__()  # what QImage(w, h, format) gives when malloc fails
            else:
                super().__init__(*args)

        def save(self, *args: object) -> bool:
            return False

    window = open_window(qtbot, example_copy(tmp_path / "design"))
    tab_of(window, "journey")
    out = tmp_path / "journey.png"
    choose(monkeypatch, out)
    monkeypatch.setattr(picture, "QImage", NoMemory)
    window.act_save_view.trigger()
    assert len(answered) == 1 and "pixels" in answered[0]
    assert not out.exists()


def test_asks_before_replacing_a_file(qtbot, answered, tmp_path, monkeypatch):
    window = open_window(qtbot, example_copy(tmp_path / "design"))
    tab_of(window, "graph")
    out = tmp_path / "graph.png"
    out.write_bytes(b"keep me")
    choose(monkeypatch, out)
    asked: list[Path] = []
    monkeypatch.setattr(save_view, "ask_replace_image", lambda parent, p: asked.append(p) or False)
    window.act_save_view.trigger()
    assert asked == [out] and out.read_bytes() == b"keep me"
    monkeypatch.setattr(save_view, "ask_replace_image", lambda parent, p: True)
    window.act_save_view.trigger()
    assert png_size(out.read_bytes())[0] > 100


def test_an_unwritable_place_is_said_and_nothing_is_left(qtbot, answered, tmp_path, monkeypatch):
    window = open_window(qtbot, example_copy(tmp_path / "design"))
    tab_of(window, "blueprint")
    folder = tmp_path / "pictures"
    folder.write_text("a file, not a folder")
    choose(monkeypatch, folder / "blueprint.svg")
    before = sorted(tmp_path.rglob("*"))
    window.act_save_view.trigger()
    assert len(answered) == 1 and "blueprint.svg" in answered[0]
    assert sorted(tmp_path.rglob("*")) == before  # nothing half-written beside it


def test_disabled_while_the_tab_has_nothing_to_draw(qtbot, answered, tmp_path, monkeypatch):
    path = tmp_path / "empty.yaml"
    path.write_text("cuecraft: 1\ntitle: Empty\ntheme: {name: Nothing yet}\n", encoding="utf-8")
    window = open_window(qtbot, path)
    started = choose(monkeypatch, tmp_path / "x.svg")
    for view, drawable in (
        ("journey", False),
        ("senses", False),
        ("graph", False),
        ("blueprint", True),
        ("value", False),  # no price, no realm: both pictures only say what to add
        ("priorities", False),
    ):
        tab_of(window, view)
        window.view_menu.aboutToShow.emit()
        assert window.act_save_view.isEnabled() is drawable, view
    tab_of(window, "journey")
    window.act_save_view.trigger()  # as if triggered anyway: nothing is asked or written
    assert started == [] and not (tmp_path / "x.svg").exists()
