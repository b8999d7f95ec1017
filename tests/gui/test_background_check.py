"""Checks that never freeze typing (issue 19): a large design's full check runs off the
window's thread on the live design, and its result is taken only if no edit came while
it ran. An edit made during a running check never shows the older state's findings."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from cuecraft.core.check import check
from cuecraft.core.edits import AddItem, RemoveItem, SetField
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Cue
from cuecraft.gui import check_worker
from cuecraft.gui import document as document_module
from cuecraft.gui.document import Document

ROOT = Path(__file__).resolve().parents[2]
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"


def codes(findings: Any) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, f.ids) for f in findings]


def truth(document: Document) -> list[tuple[str, tuple[str, ...]]]:
    """What a full check of the document's design says now (its feedback included)."""
    return codes(check(document.design, feedback=document.feedback).findings)


def a_rude_wait(cue_id: str = "rude-wait") -> Cue:
    """A negative cue no one answers for: ELI findings of its own."""
    return Cue(cue_id, "staff ignore the queue", polarity="negative", severity="high")


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every design counts as large: its full checks run in the background."""
    monkeypatch.setattr(document_module, "BIG_DESIGN", 0)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> dict[str, threading.Event]:
    """Background checks that, once they have checked, wait to be let go before their
    result goes back: the window goes on meanwhile, as while a long check runs."""
    real = check_worker.full_check
    events = {"checked": threading.Event(), "go": threading.Event()}

    def slow(design: Any, feedback: Any) -> Any:
        result = real(design, feedback)
        if threading.current_thread() is not threading.main_thread():
            events["checked"].set()
            assert events["go"].wait(10)
        return result

    monkeypatch.setattr(check_worker, "full_check", slow)
    return events


def test_an_edit_during_a_running_check_never_shows_the_older_findings(
    qtbot: Any, big: None, held: dict[str, threading.Event]
) -> None:
    document = Document(load_design(RAINFOREST), RAINFOREST)
    shown: list[tuple[list[Any], list[Any]]] = []
    # Each time the views are told, what they show and what the design then says.
    document.checked.connect(
        lambda: shown.append((codes(document.result.findings), truth(document)))
    )
    assert document.push(AddItem("cues", a_rude_wait())) is None
    qtbot.waitUntil(held["checked"].is_set, timeout=10_000)  # the check of the added cue
    older = truth(document)
    assert any("rude-wait" in ids for _, ids in older)  # what a stale result would show

    # While that check waits to report, the cue goes again.
    assert document.push(RemoveItem("rude-wait")) is None
    assert document.checking
    held["go"].set()
    qtbot.waitUntil(lambda: not document.checking and bool(shown), timeout=10_000)

    now = truth(document)
    assert codes(document.result.findings) == now
    assert all(result == truth for result, truth in shown), shown
    assert all(result != older for result, _ in shown)


def test_a_finished_check_of_an_unchanged_design_is_taken(
    qtbot: Any, big: None, held: dict[str, threading.Event]
) -> None:
    document = Document(load_design(RAINFOREST), RAINFOREST)
    held["go"].set()
    with qtbot.waitSignal(document.checked, timeout=10_000):
        assert document.push(AddItem("cues", a_rude_wait())) is None
    assert not document.checking
    assert codes(document.result.findings) == truth(document)
    assert any("rude-wait" in ids for _, ids in codes(document.result.findings))


def test_flush_gives_the_findings_of_now_while_a_check_runs(
    qtbot: Any, big: None, held: dict[str, threading.Event]
) -> None:
    # Saving and exporting flush: they never wait for, nor take, a background result.
    document = Document(load_design(RAINFOREST), RAINFOREST)
    assert document.push(AddItem("cues", a_rude_wait())) is None
    qtbot.waitUntil(held["checked"].is_set, timeout=10_000)
    document.flush()
    assert not document.checking
    flushed = codes(document.result.findings)
    assert flushed == truth(document)
    held["go"].set()
    # The background result comes back: it changes nothing.
    qtbot.waitUntil(
        lambda: document._background is not None and document._background.running is None,
        timeout=10_000,
    )
    qtbot.wait(50)
    assert codes(document.result.findings) == flushed


def test_typing_a_text_rechecks_nothing(qtbot: Any, big: None) -> None:
    # A cue's text is read by no rule: the result stays the very same object.
    document = Document(load_design(RAINFOREST), RAINFOREST)
    before = document.result
    cue = next(c for c in document.design.cues if not c.is_negative)
    assert document.push(SetField(cue.id, "text", cue.text + " and more", merge=True)) is None
    document.flush()
    assert document.result is before
