"""The charts of the brief, read from what they draw: the journey chart and the four realms.

The journey chart is recorded as the brief builds it (`sections_overview.EmotionCurve`
replaced by a subclass that keeps each chart and every line of text it writes); the
realms legend is read back from the PDF with pypdf.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bench.generate import generate
from pypdf import PdfReader
from tests.brief.conftest import DESIGNS, squash

from cuecraft.brief import BriefOptions, export_brief, sections_overview
from cuecraft.brief import text as brief_text
from cuecraft.brief.curve import EmotionCurve
from cuecraft.brief.sections_overview import NAME_ON_AXIS
from cuecraft.core.feedback import feedback_for_design
from cuecraft.core.fileformat import load_design
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Design
from cuecraft.core.names import short_name

CAFE = DESIGNS / "rainforest-cafe.yaml"
HOTPOT = DESIGNS / "haidilao-hotpot.yaml"

# a → b | c → d → e: b and c are alternatives; f is a detour (d → f → g beside d → g);
# u is reached by nothing. Ids look nothing like the names, so an id on the axis shows.
BRANCHING = """\
cuecraft: 1
title: Branching visit
theme: {name: Branches, motifs: [m]}
touchpoints:
  - {id: tp-a, name: Alpha gate, phase: before, next: [tp-b, tp-c], emotion: 1}
  - {id: tp-b, name: Bravo booking desk, phase: before, next: [tp-d], emotion: 3}
  - {id: tp-c, name: Charlie lounge, phase: before, next: [tp-d], emotion: -1}
  - {id: tp-d, name: Delta dinner, phase: during, next: [tp-f, tp-g], emotion: 2}
  - {id: tp-f, name: Foxtrot photo stop, phase: during, next: [tp-g], emotion: 1}
  - {id: tp-g, name: Golf farewell, phase: after, emotion: 2}
  - {id: tp-u, name: Uniform detour, phase: during, emotion: 0}
"""


class Drawn:
    """The journey charts a brief built and the text each wrote (via text.draw)."""

    def __init__(self) -> None:
        self.charts: list[EmotionCurve] = []
        self.texts: list[str] = []


@pytest.fixture
def record(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Drawn]:
    """Export a brief's journey and keep what its chart drew."""

    def run(design: Design, out: Path, feedback: Any = None, **options: Any) -> Drawn:
        drawn = Drawn()
        original = brief_text.draw

        def writing(canvas: Any, x: float, y: float, value: str, *args: Any, **kw: Any) -> float:
            drawn.texts.append(value)
            return original(canvas, x, y, value, *args, **kw)

        class Recording(EmotionCurve):  # type: ignore[misc]
            def __init__(self, points, palette, height) -> None:  # type: ignore[no-untyped-def]
                super().__init__(points, palette, height)
                drawn.charts.append(self)

            def draw(self) -> None:
                with monkeypatch.context() as patch:
                    patch.setattr(brief_text, "draw", writing)
                    super().draw()

        monkeypatch.setattr(sections_overview, "EmotionCurve", Recording)
        sections = options.pop("sections", ("journey",))
        export_brief(design, out, BriefOptions(sections=sections, **options), feedback=feedback)
        assert len(drawn.charts) == 1
        return drawn

    return run


def branching(tmp_path: Path) -> Design:
    path = tmp_path / "branching.yaml"
    path.write_text(BRANCHING, encoding="utf-8")
    return load_design(path)


def plain(label: str) -> str:
    return label.rstrip("…")


def test_the_axis_names_every_touchpoint_and_shows_no_id(record, tmp_path: Path) -> None:
    design = load_design(CAFE)
    drawn = record(design, tmp_path / "cafe.pdf", feedback_for_design(CAFE))
    chart = drawn.charts[0]
    names = [p.name for p in chart.points]
    ids = {tp.id for tp in design.touchpoints}
    # The chart is given each touchpoint's short name, in journey order ...
    by_id = {tp.id: tp for tp in design.touchpoints}
    order = DesignGraph(design).journey_order
    assert names == [short_name(by_id[t], NAME_ON_AXIS) for t in order]
    # ... and writes every one of them along the axis (14 steps: room for all), whole or
    # cut with an ellipsis, never an id.
    on_axis = [label for _i, label in chart.layout.names]
    assert len(on_axis) == len(design.touchpoints)
    for name in names:
        assert any(name.startswith(plain(label)) and label in drawn.texts for label in on_axis), (
            name
        )
    assert "Check in with the safari guide" in drawn.texts
    assert not ids & set(drawn.texts)
    assert not any("-" in t and t in text for t in ids for text in drawn.texts)  # "check-in"


def test_names_not_ids_even_where_they_differ_wholly(record, tmp_path: Path) -> None:
    drawn = record(branching(tmp_path), tmp_path / "b.pdf")
    written = " ".join(drawn.texts)
    for name in ("Alpha gate", "Bravo booking desk", "Charlie lounge", "Golf farewell"):
        assert name in drawn.texts
    assert "tp-" not in written


def test_alternatives_stand_at_one_step_and_the_line_forks(record, tmp_path: Path) -> None:
    drawn = record(branching(tmp_path), tmp_path / "b.pdf")
    chart = drawn.charts[0]
    at = {p.name: i for i, p in enumerate(chart.points)}
    a, b, c, d = (
        at[n] for n in ("Alpha gate", "Bravo booking desk", "Charlie lounge", "Delta dinner")
    )
    f, g, u = (at[n] for n in ("Foxtrot photo stop", "Golf farewell", "Uniform detour"))
    layout = chart.layout
    step = (layout.right - layout.left) / layout.columns
    # b and c, the alternatives after a, share one step: one x on the axis ...
    assert layout.step_x[b] == layout.step_x[c]
    assert layout.step_x[a] < layout.step_x[b] < layout.step_x[d]
    # ... drawn side by side within it, not one step after the other.
    assert all(abs(layout.xs[i] - layout.step_x[i]) < step / 2 for i in (b, c))
    assert layout.xs[b] != layout.xs[c]  # both beads seen, even at the same feeling
    # The line forks from a to each and joins again at d; it never runs from b to c.
    assert {(a, b), (a, c), (b, d), (c, d)} <= set(chart.edges)
    assert (b, c) not in chart.edges and (c, b) not in chart.edges
    # A detour takes a step of its own, the way past it a line of its own.
    assert layout.step_x[d] < layout.step_x[f] < layout.step_x[g]
    assert {(d, f), (f, g), (d, g)} <= set(chart.edges)
    # The touchpoint no entry reaches comes last, apart, joined to nothing.
    assert layout.step_x[u] > layout.step_x[g]
    assert not [e for e in chart.edges if u in e]
    assert chart.branches


def test_a_straight_journey_has_one_step_per_touchpoint(record, tmp_path: Path) -> None:
    drawn = record(load_design(DESIGNS / "museum-exhibition.yaml"), tmp_path / "m.pdf")
    chart = drawn.charts[0]
    assert len(set(chart.layout.step_x)) == len(chart.points)
    assert not chart.branches


def test_a_real_design_with_a_detour_and_a_fork(record, tmp_path: Path) -> None:
    """Haidilao: wait → manicure → seat beside wait → seat; seat → broth … | kids' play."""
    design = load_design(HOTPOT)
    drawn = record(design, tmp_path / "h.pdf")
    chart = drawn.charts[0]
    names = {tp.id: short_name(tp, NAME_ON_AXIS) for tp in design.touchpoints}
    at = {p.name: i for i, p in enumerate(chart.points)}
    x = chart.layout.step_x
    assert x[at[names["order-broth"]]] == x[at[names["kids-play"]]]
    assert x[at[names["wait"]]] < x[at[names["manicure"]]] < x[at[names["seat"]]]
    assert (at[names["wait"]], at[names["seat"]]) in chart.edges


def test_feeling_and_nps_are_on_separate_panels(record, tmp_path: Path) -> None:
    drawn = record(load_design(CAFE), tmp_path / "cafe.pdf", feedback_for_design(CAFE))
    layout = drawn.charts[0].layout
    assert layout.nps is not None and layout.nps_zero is not None
    feeling, nps = layout.feeling, layout.nps
    # NPS below the feeling, no overlap, each with its own zero line.
    assert nps[3] < feeling[1]
    assert feeling[1] < layout.feeling_zero < feeling[3]
    assert nps[1] < layout.nps_zero < nps[3]
    assert layout.feeling_zero != layout.nps_zero
    # Both panels share the steps along x, and each says what it shows.
    assert (feeling[0], feeling[2]) == (nps[0], nps[2])
    assert "DESIGNED FEELING" in drawn.texts and "GUESTS’ NPS" in drawn.texts
    assert "+100" in drawn.texts and "+3" in drawn.texts


def test_without_feedback_there_is_one_panel(record, tmp_path: Path) -> None:
    drawn = record(load_design(CAFE), tmp_path / "cafe.pdf")
    layout = drawn.charts[0].layout
    assert layout.nps is None and layout.nps_zero is None
    assert "GUESTS’ NPS" not in drawn.texts and "DESIGNED FEELING" in drawn.texts


def test_the_captions_no_longer_say_the_scales_share_a_zero(tmp_path: Path) -> None:
    out = tmp_path / "cafe.pdf"
    export_brief(
        load_design(CAFE),
        out,
        BriefOptions(sections=("journey",)),
        feedback=feedback_for_design(CAFE),
    )
    words = squash(" ".join(page.extract_text() for page in PdfReader(out).pages))
    assert squash("share their zero") not in words
    assert squash("Each has its own scale and its own zero") in words
    assert squash("Where the journey branches, its alternatives stand side by side") in words


@pytest.mark.parametrize("language", ["pl", "zh"])
def test_names_along_the_axis_in_every_language(record, tmp_path: Path, language: str) -> None:
    drawn = record(load_design(HOTPOT), tmp_path / "h.pdf", language=language)
    chart = drawn.charts[0]
    assert "线上排号" in drawn.texts  # Chinese names, as typed
    for i, label in chart.layout.names:
        assert chart.points[i].name.startswith(plain(label))
        assert label in drawn.texts


def test_a_long_journey_thins_its_names_and_stays_fast(record, tmp_path: Path) -> None:
    design = generate(1000, 200, 50)
    start = time.perf_counter()
    drawn = record(design, tmp_path / "long.pdf")
    elapsed = time.perf_counter() - start
    layout = drawn.charts[0].layout
    shown = sorted(layout.xs[i] for i, _label in layout.names)
    assert 10 < len(shown) < 200  # every few steps named, not all 200 on top of each other
    assert min(b - a for a, b in itertools.pairwise(shown)) >= 12.9
    assert elapsed < 5  # the whole journey section of 200 steps
    # The slanted names stay inside the chart's width.
    slant = math.radians(45)
    for i, label in layout.names:
        reach = brief_text.width(label, 6.5) * math.cos(slant)
        assert layout.xs[i] - reach >= 0


def test_the_realms_chart_explains_its_shading(tmp_path: Path) -> None:
    out = tmp_path / "theme.pdf"
    export_brief(load_design(CAFE), out, BriefOptions(sections=("theme",)))
    reader = PdfReader(out)
    theme = next(p.extract_text() for p in reader.pages if "The four realms" in p.extract_text())
    assert squash("Shading: how strongly the design stages each realm") in squash(theme)
