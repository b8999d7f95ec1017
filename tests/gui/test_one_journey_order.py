"""One journey, one order: the workbench's journey view and the PDF brief show the same steps.

A branching design (a → b, a → c, b → d, c → d, d → e, and 'u' that nothing
reaches) whose phases sort differently by phase first (the brief's old rule)
and by steps from the entry alone (the journey view's old rule). The order is
read from what each one draws — the columns of the cards in the journey
scene, the step numbers of the brief's journey table in the PDF — and
compared with each other and with `DesignGraph.journey_order`. The peak and
the detractor hotspots (FBK001) are compared the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from cuecraft.brief import BriefOptions, export_brief, sections_overview
from cuecraft.brief.curve import CurvePoint, EmotionCurve
from cuecraft.core.feedback import (
    Columns,
    Feedback,
    Source,
    TouchpointFeedback,
    save_feedback,
    side_file_path,
)
from cuecraft.core.fileformat import load_design
from cuecraft.gui.document import Document
from cuecraft.gui.views import JourneyView
from cuecraft.gui.views.journey_items import CardItem

BRANCHING = """\
cuecraft: 1
title: Branching visit
theme: {name: Branches, motifs: [m]}
zones:
  - {id: hall, name: Hall}
touchpoints:
  - {id: a, name: Alpha gate, phase: before, zone: hall, next: [b, c], emotion: 1}
  - {id: c, name: Charlie lounge, phase: during, zone: hall, next: [d], emotion: 3}
  - {id: b, name: Bravo booking, phase: before, zone: hall, next: [d], emotion: 3}
  - {id: d, name: Delta dinner, phase: during, zone: hall, next: [e], emotion: 2}
  - {id: e, name: Echo farewell, phase: after, zone: hall, emotion: 2}
  - {id: u, name: Uniform detour, phase: during, emotion: 0}
"""
NAMES = {
    "Alpha gate": "a",
    "Bravo booking": "b",
    "Charlie lounge": "c",
    "Delta dinner": "d",
    "Echo farewell": "e",
    "Uniform detour": "u",
}
# Every arrow forward, then phase, then steps from the entry; the unreachable last.
# (Phase first gave a, b, c, d, u, e; steps alone a, c, b, d, e, u.)
EXPECTED = ["a", "b", "c", "d", "e", "u"]


def answers(promoters: int = 0, detractors: int = 0) -> TouchpointFeedback:
    scores = [0] * 11
    scores[10], scores[3] = promoters, detractors
    return TouchpointFeedback(scores)


FEEDBACK = Feedback(
    Source("survey.csv", "0" * 64, "2026-05-02", 0, 0, 0),
    Columns("score"),
    {
        "b": answers(promoters=10, detractors=30),  # hotspot
        "c": answers(promoters=2, detractors=20),  # below 0, but 22 answers: not yet evidence
        "d": answers(promoters=5, detractors=40),  # hotspot
        "e": answers(promoters=40, detractors=5),
    },
)


@pytest.fixture
def design_file(tmp_path: Path) -> Path:
    path = tmp_path / "branching.yaml"
    path.write_text(BRANCHING, encoding="utf-8")
    save_feedback(FEEDBACK, side_file_path(path))
    return path


def workbench_columns(qtbot, path: Path) -> tuple[list[str], JourneyView, Document]:
    """The touchpoints of the journey view's cards, left to right, as drawn in its scene."""
    doc = Document(load_design(path), path)
    assert doc.feedback is not None
    view = JourneyView(doc)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    scene = view.canvas().scene()
    cards = [item for item in scene.items() if isinstance(item, CardItem)]
    cards.sort(key=lambda card: card.sceneBoundingRect().left())
    lefts = [card.sceneBoundingRect().left() for card in cards]
    assert len(set(lefts)) == len(lefts)  # one column each
    return [card.info.tp_id for card in cards], view, doc


def brief_steps(path: Path, out: Path, monkeypatch) -> tuple[list[str], list[CurvePoint]]:
    """The touchpoints of the brief's journey table, by the step numbers printed in the PDF,
    and the points of the journey chart the brief drew."""
    drawn: list[CurvePoint] = []

    class Recording(EmotionCurve):  # type: ignore[misc]
        def __init__(self, points, palette, height) -> None:  # type: ignore[no-untyped-def]
            drawn.extend(points)
            super().__init__(points, palette, height)

    monkeypatch.setattr(sections_overview, "EmotionCurve", Recording)
    export_brief(load_design(path), out, BriefOptions(sections=("journey",)), feedback=FEEDBACK)
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    rows = re.findall(r"^(\d+)\n(.+)\n(?:before|during|after)$", text, re.MULTILINE)
    steps = {NAMES[name]: int(step) for step, name in rows if name in NAMES}
    assert sorted(steps) == sorted(NAMES.values()), text
    assert sorted(steps.values()) == list(range(1, len(NAMES) + 1))
    return sorted(steps, key=steps.__getitem__), drawn


def test_the_workbench_and_the_brief_show_one_journey_order(qtbot, design_file, monkeypatch):
    shown, _, doc = workbench_columns(qtbot, design_file)
    printed, drawn = brief_steps(design_file, design_file.with_suffix(".pdf"), monkeypatch)
    graph = doc.result.graph
    assert graph.journey_order == EXPECTED
    assert shown == printed == graph.journey_order
    # The chart under the table runs in the same order (its x labels are the steps).
    assert [p.label for p in drawn] == [str(i) for i in range(1, len(EXPECTED) + 1)]
    assert [p.phase for p in drawn] == [graph.touchpoints[t].phase for t in EXPECTED]


def test_the_workbench_and_the_brief_mark_one_peak_and_the_same_hotspots(
    qtbot, design_file, monkeypatch
):
    _, view, doc = workbench_columns(qtbot, design_file)
    printed, drawn = brief_steps(design_file, design_file.with_suffix(".pdf"), monkeypatch)
    graph = doc.result.graph
    # b and c both feel +3: the peak is the first of them in the journey, b (c is first
    # in the file).
    assert graph.peak == "b"
    assert {t for t, mark in view.markers().items() if "peak" in mark} == {"b"}
    assert [t for t, p in zip(printed, drawn, strict=True) if p.is_peak] == ["b"]
    # FBK001 fires at b and d; c is below 0 from too few answers.
    fbk001 = sorted(i for f in doc.result.findings if f.code == "FBK001" for i in f.ids)
    assert fbk001 == ["b", "d"]
    assert view.hotspots() == ["b", "d"]
    hot_in_brief = [
        t for t, p in zip(printed, drawn, strict=True) if p.measured and p.measured.hotspot
    ]
    assert hot_in_brief == ["b", "d"]
    thin_in_brief = [
        t for t, p in zip(printed, drawn, strict=True) if p.measured and p.measured.thin
    ]
    assert thin_in_brief == ["c"]
