"""`cuecraft render FILE --view VIEW -o OUT.svg|OUT.png`: a workbench tab's drawing written
to a file, for every view, with the words kept as text in SVG, and clear errors.

tests/gui/test_save_view.py compares these pictures with the workbench's own."""

from __future__ import annotations

import struct
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cuecraft.cli import main
from cuecraft.core.i18n import format_money

DESIGN = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain], realms: {entertainment: 3, esthetic: 2}}
value: {currency: PLN, goods: 12, experience: 60}
zones:
  - {id: hall, name: Dining hall}
touchpoints:
  - {id: arrive, name: Arrive at the arch, phase: before, zone: hall, next: [check-in]}
  - {id: check-in, name: Check in with the guide, phase: before, zone: hall, wait: 15,
     next: [dine]}
  - {id: dine, name: Dine under the storm, phase: during, zone: hall}
cues:
  - {id: mist, text: Fine mist drifts over the tables, motifs: [rain], senses: [touch],
     at: [hall]}
  - {id: drums, text: Rain drums, motifs: [rain], senses: [sound], at: [hall]}
  - {id: queue, text: Queue in the corridor, polarity: negative, senses: [sight], at: [hall],
     severity: high, status: open, impact: 3, effort: 1}
  - {id: noise, text: Mall noise, polarity: negative, senses: [sound], at: [hall],
     severity: medium, status: open, owner: mall operations, impact: 2, effort: 2}
actions:
  - id: host
    text: Host greets the party
    lane: frontstage
    at: [check-in]
    owner: front of house
    minutes: 2
    fail: The pager battery is flat
    recovery: Walk the party in character
    needs: [plan]
  - id: plan
    text: Keep the table plan up to date
    lane: backstage
    at: [check-in, dine]
  - id: system
    text: Booking system sends the passport
    lane: support
"""
SVG = "{http://www.w3.org/2000/svg}"
VIEWS = ["journey", "senses", "graph", "blueprint", "realms", "value", "priorities"]
# The design's own words each view shows, and the view's own words (English).
TEXTS = {
    "journey": [
        "Arrive at the arch",
        "Check in with the guide",
        "Dine under the storm",
        "Before",
        "During",
        "Emotion",
    ],
    "senses": ["Dining hall", "Rain drums", "Zone", "Sight", "Sound", "Smell", "Touch", "Taste"],
    "graph": ["Dining hall", "Arrive at the arch", "Dine under the storm", "rain", "Touchpoint"],
    "blueprint": ["Arrive at the arch", "Host greets the party", "Line of interaction"],
    "realms": ["Esthetic", "Educational", "Escapist"],
    "value": [format_money(12, "PLN", "en"), format_money(60, "PLN", "en"), "Goods", "Experience"],
    "priorities": [
        "Queue in the corridor",
        "Mall noise",
        "mall operations",
        "no owner",
        "Quick wins",
        "Impact on guests",
    ],
}
# Polish words of each view (the design's own words stay as written).
POLISH = {
    "journey": ["Przed wizytą", "Odczucie", "Dine under the storm"],
    "senses": ["Strefa", "Wzrok", "Dining hall"],
    "graph": ["Motyw", "Punkt styku", "Dining hall"],
    "blueprint": ["Linia interakcji", "Host greets the party"],
    "realms": ["Rozrywka"],
    "value": [format_money(12, "PLN", "pl"), format_money(60, "PLN", "pl")],
    "priorities": ["Szybkie korzyści", "Wpływ na gości", "Mall noise"],
}
DESCRIPTIONS = {
    "journey": "A customer journey drawn by Cuecraft",
    "senses": "A sensory map drawn by Cuecraft",
    "graph": "A consistency graph drawn by Cuecraft",
    "blueprint": "A service blueprint drawn by Cuecraft",
    "realms": "The four realms of experience drawn by Cuecraft",
    "value": "The progression of economic value drawn by Cuecraft",
    "priorities": "An impact × effort matrix drawn by Cuecraft",
}


@pytest.fixture
def design(tmp_path) -> Path:
    path = tmp_path / "cafe.yaml"
    path.write_text(textwrap.dedent(DESIGN), encoding="utf-8")
    return path


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()  # parses as XML, or raises
    assert root.tag == f"{SVG}svg"
    return " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def render(design: Path, view: str, out: Path, *options: str) -> None:
    assert main(["render", str(design), "--view", view, "-o", str(out), *options]) == 0


def font_sizes(path: Path, text: str) -> list[float]:
    """The font sizes of the SVG's <text> elements that hold `text`."""
    root = ET.parse(path).getroot()
    return [
        float(element.get("font-size", "0"))
        for element in root.iter(f"{SVG}text")
        if text in "".join(element.itertext())
    ]


def pixels(path: Path):
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_svg_holds_the_names_and_action_texts_as_text(design, tmp_path, capsys):
    out = tmp_path / "blueprint.svg"
    assert main(["render", str(design), "--view", "blueprint", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    words = svg_text(out)
    for text in (
        "Arrive at the arch",
        "Check in with the guide",
        "Dine under the storm",
        "Host greets the party",
        "Keep the table plan up to date",
        "Booking system sends the passport",
        "Line of interaction",
        "Line of visibility",
        "Line of internal interaction",
        "Serves no step",
        "W 15 min",
    ):
        assert text in words, text
    assert "check-in" not in words  # names, never ids


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_is_valid_svg_with_its_words_as_text(design, tmp_path, capsys, view):
    out = tmp_path / f"{view}.svg"
    render(design, view, out)
    assert capsys.readouterr().out.strip() == str(out)
    words = svg_text(out)
    for text in TEXTS[view]:
        assert text in words, text
    root = ET.parse(out).getroot()
    assert root.findtext(f"{SVG}title") == "Storm café"
    assert root.findtext(f"{SVG}desc") == DESCRIPTIONS[view]


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_is_a_png_of_the_requested_width(design, tmp_path, view):
    out = tmp_path / f"{view}.png"
    render(design, view, out, "--width", "700")
    width, height = png_size(out)
    assert width == 700 and height > 50


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_speaks_lang(design, tmp_path, view):
    out = tmp_path / f"{view}.svg"
    render(design, view, out, "--lang", "pl")
    words = svg_text(out)
    for text in POLISH[view]:
        assert text in words, text
    english = {"journey": "Emotion", "senses": "Sight", "graph": "Touchpoint"}.get(view)
    assert english is None or english not in words


@pytest.mark.parametrize("view", VIEWS)
def test_a_design_with_nothing_yet_still_draws_every_view(tmp_path, view):
    """A new design is drawn, not refused: empty lanes, an empty map's header, a legend."""
    empty = tmp_path / "empty.yaml"
    empty.write_text("cuecraft: 1\ntitle: Empty\ntheme: {name: Nothing yet}\n", encoding="utf-8")
    out = tmp_path / f"{view}.png"
    render(empty, view, out)
    width, height = png_size(out)
    assert width > 100 and height > 50


def test_the_priorities_mark_the_cue_that_needs_an_owner(design, tmp_path):
    """As on the Priorities tab, the check's ELI004 finding marks the high-severity cue
    nobody owns: its "no owner" stands out from an owner's name."""
    out = tmp_path / "priorities.svg"
    render(design, "priorities", out)
    fills = {
        "".join(t.itertext()): t.get("fill") for t in ET.parse(out).getroot().iter(f"{SVG}text")
    }
    assert fills["no owner"] != fills["mall operations"]


def test_the_design_language_is_the_default(design, tmp_path):
    polish = design.with_name("pl.yaml")
    polish.write_text(design.read_text(encoding="utf-8") + "language: pl\n", encoding="utf-8")
    out = tmp_path / "journey.svg"
    render(polish, "journey", out)
    assert "Przed wizytą" in svg_text(out)


def test_svg_words_are_as_large_as_the_drawing_laid_them_out(design, tmp_path):
    """A 10 pt name is 13.3 px at the drawing's 96 dpi; written for a 72-dpi reader it
    would be a quarter smaller than the card laid out for it."""
    out = tmp_path / "journey.svg"
    render(design, "journey", out)
    sizes = font_sizes(out, "Dine under the")  # the card's name takes two lines
    assert sizes and all(size == pytest.approx(10 * 96 / 72, abs=0.01) for size in sizes)
    root = ET.parse(out).getroot()
    view_box_width = float(root.get("viewBox", "").split()[2])
    assert float(root.get("width", "").removesuffix("mm")) == pytest.approx(
        view_box_width / 96 * 25.4, rel=0.01
    )


def test_a_narrow_svg_keeps_every_word(design, tmp_path):
    """--width sets the SVG's size; its drawing stays at its own size inside, so the
    graph's labels, which the tab hides while zoomed far out, are all there to zoom to."""
    full, narrow = tmp_path / "full.svg", tmp_path / "narrow.svg"
    render(design, "graph", full)
    render(design, "graph", narrow, "--width", "200")
    root = ET.parse(narrow).getroot()
    assert float(root.get("width", "").removesuffix("mm")) == pytest.approx(200 / 96 * 25.4)
    assert root.get("viewBox") == ET.parse(full).getroot().get("viewBox")
    assert svg_text(narrow) == svg_text(full)
    assert "Arrive at the arch" in svg_text(narrow)


def test_png_dpi_makes_the_same_picture_larger(design, tmp_path):
    """192 dpi is the 96-dpi drawing twice as large, words included: the very pixels of
    the same drawing asked for at twice the width."""
    small, large, wide = tmp_path / "96.png", tmp_path / "192.png", tmp_path / "wide.png"
    render(design, "journey", small)
    render(design, "journey", large, "--dpi", "192")
    render(design, "journey", wide, "--width", str(2 * png_size(small)[0]))
    assert pixels(large) == pixels(wide)
    assert pixels(large).dotsPerMeterX() == round(192 / 0.0254)


def test_png_has_the_requested_width(design, tmp_path):
    out = tmp_path / "blueprint.png"
    assert (
        main(["render", str(design), "--view", "blueprint", "-o", str(out), "--width", "900"]) == 0
    )
    width, height = png_size(out)
    assert width == 900 and 0 < height < 900


def test_png_dpi_scales_the_drawing(design, tmp_path):
    small, large = tmp_path / "96.png", tmp_path / "192.png"
    assert main(["render", str(design), "--view", "blueprint", "-o", str(small)]) == 0
    assert (
        main(["render", str(design), "--view", "blueprint", "-o", str(large), "--dpi", "192"]) == 0
    )
    (w1, h1), (w2, h2) = png_size(small), png_size(large)
    assert abs(w2 - 2 * w1) <= 1 and abs(h2 - 2 * h1) <= 1


def test_the_words_follow_lang(design, tmp_path):
    out = tmp_path / "pl.svg"
    assert main(["render", str(design), "--view", "blueprint", "-o", str(out), "--lang", "pl"]) == 0
    words = svg_text(out)
    assert "Host greets the party" in words  # the design's own words stay as written


def test_a_huge_width_is_refused_and_nothing_is_written(design, tmp_path, capsys):
    """32,000 pixels a side is allowed, but not 32,000 × 18,000 in all (2 GB to draw)."""
    out = tmp_path / "big.png"
    assert main(["render", str(design), "--view", "value", "-o", str(out), "--width", "32000"]) == 2
    err = capsys.readouterr().err
    assert "--width" in err and "32000" in err
    assert not out.exists()


def test_a_huge_dpi_is_refused_naming_dpi(design, tmp_path, capsys):
    out = tmp_path / "big.png"
    assert main(["render", str(design), "--view", "journey", "-o", str(out), "--dpi", "2400"]) == 2
    err = capsys.readouterr().err
    assert "--dpi" in err and "--width" not in err
    assert not out.exists()


@pytest.mark.parametrize("failure", ["not allocated", "not encoded"])
def test_a_picture_there_is_no_memory_for_is_refused_not_written_empty(
    design, tmp_path, capsys, monkeypatch, failure
):
    """Qt says it could not hold or encode the pixels with a null image or a failed save,
    not an exception: that is exit 2 and no file, never a 0-byte PNG and exit 0."""
    from PySide6.QtGui import QImage

    from cuecraft.gui import picture

    class NoMemory(QImage):
        def __init__(self, *args: object) -> None:
            if failure == "not allocated":
                super().__init__()  # what QImage(w, h, format) gives when malloc fails
            else:
                super().__init__(*args)

        def save(self, *args: object) -> bool:
            return False

    monkeypatch.setattr(picture, "QImage", NoMemory)
    out = tmp_path / "x.png"
    assert main(["render", str(design), "--view", "value", "-o", str(out)]) == 2
    assert "pixels" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("view", VIEWS)
def test_control_characters_in_the_design_leave_the_svg_well_formed(tmp_path, view):
    """YAML escapes ("\\a", "\\x1b") load; XML 1.0 forbids those characters, so they
    are left out of the SVG and the rest of each text stays."""
    text = (
        DESIGN.replace("title: Storm café", 'title: "Storm\\a café"')
        .replace("text: Rain drums,", 'text: "Rain\\x1b drums",')
        .replace("name: Dining hall}", 'name: "Dining\\a hall"}')
        .replace("name: Arrive at the arch,", 'name: "Arrive\\a at the arch",')
        .replace("text: Mall noise,", 'text: "Mall\\a noise",')
        .replace("text: Host greets the party", 'text: "Host\\a greets the party"')
    )
    path = tmp_path / "controls.yaml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / f"{view}.svg"
    render(path, view, out)
    root = ET.parse(out).getroot()  # raises on a character XML forbids
    assert root.findtext(f"{SVG}title") == "Storm café"
    shown = {
        "journey": "Arrive at the arch",
        "senses": "Rain drums",
        "graph": "Dining hall",
        "blueprint": "Host greets the party",
        "priorities": "Mall noise",
    }.get(view)
    assert shown is None or shown in svg_text(out)


def test_an_unknown_view_is_refused_naming_every_view(design, tmp_path, capsys):
    out = tmp_path / "x.svg"
    assert main(["render", str(design), "--view", "pie", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "“pie”" in err
    for view in VIEWS:
        assert view in err, view
    assert not out.exists()


def test_unreadable_feedback_is_left_out_with_a_warning(design, tmp_path, capsys):
    """As the workbench opens such a design: drawn without the feedback, which is named."""
    design.with_name("cafe.feedback.yaml").write_text("responses: [oops\n", encoding="utf-8")
    out = tmp_path / "journey.svg"
    render(design, "journey", out)
    assert "cafe.feedback.yaml" in capsys.readouterr().err
    assert "Dine under the storm" in svg_text(out) and "NPS" not in svg_text(out)


def test_a_bad_file_gives_its_location_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "cuecraft: 1\ntitle: T\ntheme: {name: N}\ntouchpoints:\n  - {id: a, emotion: lots}\n"
    )
    out = tmp_path / "x.svg"
    assert main(["render", str(bad), "--view", "blueprint", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{bad}:5:")
    assert not out.exists()


def test_a_missing_file_gives_exit_2(tmp_path, capsys):
    out = tmp_path / "x.png"
    assert main(["render", str(tmp_path / "none.yaml"), "--view", "blueprint", "-o", str(out)]) == 2
    assert "none.yaml" in capsys.readouterr().err
    assert not out.exists()


def test_an_unknown_picture_format_is_refused(design, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["render", str(design), "--view", "blueprint", "-o", str(out)]) == 2
    assert ".svg" in capsys.readouterr().err
    assert not out.exists()


def test_an_unwritable_output_gives_exit_2(design, tmp_path, capsys):
    out = tmp_path / "no-such-folder" / "x.svg"
    assert main(["render", str(design), "--view", "blueprint", "-o", str(out)]) == 2
    assert "x.svg" in capsys.readouterr().err


@pytest.mark.parametrize("display", [None, ":77"], ids=["no-display", "unreachable-display"])
def test_renders_in_a_process_with_no_display(design, tmp_path, display):
    """A picture is painted, never shown: no display, or one that cannot be reached (a
    stale `ssh -X`), must not matter."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    if display:
        env["DISPLAY"] = display
    out = tmp_path / "b.png"
    command = [sys.executable, "-m", "cuecraft.cli", "render", str(design)]
    done = subprocess.run(
        [*command, "--view", "blueprint", "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert png_size(out)[0] > 0
