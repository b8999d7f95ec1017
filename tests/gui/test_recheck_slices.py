"""A large design's keystroke sets off its work in slices (issue 19: at 10,000 cues the
re-check, the findings panel, the outline and the Graph tab together kept a key waiting
far over 50 ms): the re-check a step at a time, each view in a slice of its own, other
events between them, and never the findings of an older state of the design."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer

from cuecraft.core.check import check
from cuecraft.core.edits import SetField
from cuecraft.core.fileformat import load_design
from cuecraft.gui import document as document_module
from cuecraft.gui.document import Document
from cuecraft.gui.slices import Slices

RAINFOREST = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"


def codes(findings: Any) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, f.ids) for f in findings]


def test_slices_run_one_per_turn_of_the_event_loop(qtbot: Any) -> None:
    slices = Slices()
    ran: list[str] = []
    ticks = [0]
    beat = QTimer()
    beat.setInterval(0)
    beat.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    beat.start()
    seen: list[int] = []

    def job(name: str, then: str = "") -> Any:
        def run() -> None:
            ran.append(name)
            seen.append(ticks[0])
            if then:
                slices.add(jobs[then])

        return run

    jobs = {"a": job("a", then="c"), "b": job("b"), "c": job("c")}
    gone = QObject()
    slices.add(jobs["a"])
    slices.add(jobs["b"])
    slices.add(jobs["a"])  # queued already: runs once
    slices.add(gone.deleteLater)  # a method of an object deleted meanwhile: not run
    from shiboken6 import delete

    delete(gone)
    qtbot.waitUntil(lambda: len(ran) == 3)
    qtbot.wait(20)
    beat.stop()
    assert ran == ["a", "b", "c"]
    assert seen[0] < seen[1] < seen[2]  # other timers had their turn between slices


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every design counts as large, and its re-check pauses at every step."""
    monkeypatch.setattr(document_module, "BIG_DESIGN", 0)
    monkeypatch.setattr(document_module, "RECHECK_STEP_S", 0.0)


def test_a_key_during_a_stepped_recheck_never_shows_the_older_findings(
    qtbot: Any, big: None
) -> None:
    document = Document(load_design(RAINFOREST), RAINFOREST)
    assert document.is_big
    cue = next(c for c in document.design.cues if c.is_negative and c.owner)
    owner = cue.owner
    shown: list[list[tuple[str, tuple[str, ...]]]] = []
    document.checked.connect(lambda: shown.append(codes(document.result.findings)))
    steps: list[int] = []
    real_step = document._step

    def step() -> None:
        steps.append(document._generation)
        real_step()
        if len(steps) == 1:
            # The owner typed back while the re-check of it cleared is under way.
            assert document._rechecking is not None and not shown
            assert document.push(SetField(cue.id, "owner", owner)) is None

    document._step = step  # type: ignore[method-assign]
    # The owner cleared: ELI004 on the cue, which must never be shown.
    assert document.push(SetField(cue.id, "owner", None)) is None
    qtbot.waitUntil(lambda: len(steps) > 1 and not document.checking, timeout=5000)
    qtbot.wait(50)

    assert len(set(steps)) == 2  # both states' re-checks ran in steps
    assert shown
    for findings in shown:
        assert ("ELI004", (cue.id,)) not in findings
    assert shown[-1] == codes(check(document.design, feedback=document.feedback).findings)


def test_flush_finishes_a_recheck_under_way(qtbot: Any, big: None) -> None:
    document = Document(load_design(RAINFOREST), RAINFOREST)
    cue = next(c for c in document.design.cues if c.is_negative and c.owner)
    flushed: list[bool] = []
    real_step = document._step

    def step() -> None:
        real_step()
        if not flushed and document._rechecking is not None:  # under way
            document.flush()  # as before a save: the findings of the design now, at once
            flushed.append(document.checking)

    document._step = step  # type: ignore[method-assign]
    assert document.push(SetField(cue.id, "owner", None)) is None
    qtbot.waitUntil(lambda: bool(flushed), timeout=5000)
    assert flushed == [False]
    truth = check(document.design, feedback=document.feedback)
    assert codes(document.result.findings) == codes(truth.findings)
    assert ("ELI004", (cue.id,)) in codes(document.result.findings)
