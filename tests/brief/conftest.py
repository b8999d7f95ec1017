"""Shared helpers for the brief tests: export once per session, read the PDF back with pypdf."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from cuecraft.brief import BriefOptions, export_brief
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Cue, Design, Souvenir, Theme, Touchpoint, Zone

DESIGNS = Path(__file__).resolve().parents[2] / "designs"

HOSTILE_MARKUP = [
    "<font size=40>",
    '<img src="/etc/passwd"/>',
    "Prices < 5 & more > less",
    "&amp; stays &amp;",
    "</para><para>",
]
EMOJI = "Welcome drinks 😀🎉🍜🔥"
LONG_WORD = "".join(f"Grzegrzółka{i:04d}" for i in range(334))[:5000]
TALL_REMEDY = "\n".join(f"Remedy step {i}: retrain the night shift" for i in range(1, 161))


@dataclass
class Brief:
    path: Path
    pages: int
    reader: PdfReader
    text: str  # every page's text, joined

    @property
    def squashed(self) -> str:
        """The text without any whitespace: line breaks fall wherever the layout put them."""
        return squash(self.text)


def squash(value: str) -> str:
    return "".join(value.split())


def read(path: Path, pages: int) -> Brief:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return Brief(path, pages, reader, text)


def hostile_design() -> Design:
    """A design whose every text field tries to be markup, or is absurd."""
    zones = [Zone("hall", "Hall <b>bold</b> & co"), Zone("bar", "Bar 🍸 <i>italic</i>")]
    touchpoints = [
        Touchpoint("arrive", "Arrive <br/> & smile", "before", "hall", ["drink"], 2),
        Touchpoint("drink", "Drink at the <u>bar</u>", "during", "bar", ["leave"], 3),
        Touchpoint("leave", "Leave & remember", "after", "hall", ["arrive"], 1),
    ]
    cues = [
        Cue(f"markup-{i}", text, "positive", ["sight"], ["<motif>"], ["hall"])
        for i, text in enumerate(HOSTILE_MARKUP)
    ]
    cues += [
        Cue("emoji", EMOJI, "positive", ["taste"], ["a&b"], ["bar"]),
        Cue("long", LONG_WORD, "positive", ["sound"], ["<motif>"], ["arrive"]),
        Cue("lines", "First line\nSecond line", "positive", ["touch"], ["<motif>"], ["drink"]),
        Cue(
            "tall",
            "A negative cue whose remedy is taller than a page",
            "negative",
            ["smell"],
            [],
            ["hall"],
            severity="high",
            status="open",
            remedy=TALL_REMEDY,
        ),
    ]
    return Design(
        title='Tom & Jerry\'s <b>Café</b> &amp; <img src="/etc/passwd"/>',
        client="Zażółć gęślą jaźń 東京 & <i>co</i>",
        venue="bar <font color=red>",
        theme=Theme(
            "<font size=40>Theme</font>",
            "Tagline & <br/> more 😀",
            "Storyline\nwith two lines & <b>tags</b>",
            ["<motif>", "a&b"],
            ["<avoid>"],
        ),
        zones=zones,
        touchpoints=touchpoints,
        cues=cues,
        souvenirs=[Souvenir("mug", "Mug <with> & handle", ["a&b"], ["emoji"], ["leave"])],
    )


@pytest.fixture(scope="session")
def export(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Brief]:
    """Export a design (a name in designs/ or a Design) once per session and read it back."""
    cache: dict[str, Brief] = {}
    folder = tmp_path_factory.mktemp("briefs")

    def run(name: str, design: Design | None = None, **options: object) -> Brief:
        key = f"{name}:{sorted(options.items())}"
        if key not in cache:
            if design is None:
                design = load_design(DESIGNS / f"{name}.yaml")
            path = folder / f"{name}-{len(cache)}.pdf"
            pages = export_brief(design, path, BriefOptions(**options))  # type: ignore[arg-type]
            cache[key] = read(path, pages)
        return cache[key]

    return run
