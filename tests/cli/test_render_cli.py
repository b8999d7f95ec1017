"""`cuecraft render FILE --view blueprint -o OUT.svg|OUT.png`: the Blueprint tab's drawing
written to a file, with the words kept as text in SVG, and clear errors."""

from __future__ import annotations

import struct
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cuecraft.cli import main

DESIGN = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain]}
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


@pytest.fixture
def design(tmp_path) -> Path:
    path = tmp_path / "cafe.yaml"
    path.write_text(textwrap.dedent(DESIGN), encoding="utf-8")
    return path


def svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()  # parses as XML, or raises
    assert root.tag == f"{SVG}svg"
    return " ".join(" ".join(t.itertext()) for t in root.iter(f"{SVG}text"))


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


@pytest.mark.parametrize("view", ["journey", "graph"])
def test_a_view_not_rendered_yet_is_refused_naming_the_one_that_is(design, tmp_path, capsys, view):
    out = tmp_path / "x.svg"
    assert main(["render", str(design), "--view", view, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert view in err and "blueprint" in err
    assert not out.exists()


def test_an_unknown_view_is_refused(design, tmp_path, capsys):
    out = tmp_path / "x.svg"
    assert main(["render", str(design), "--view", "pie", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "“pie”" in err and "blueprint" in err
    assert not out.exists()


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
