"""A start shows the design at once and its findings just after (issue 19).

`start_window` reads the design and lays it out before the window's first paint: the
outline and the Journey tab hold the design before any event is handled; the checks run
once the window has painted, and the findings panel says they are coming meanwhile (no
empty "no findings" that is not true). The other tabs are built when first shown."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path
from typing import Any

import pytest

from cuecraft.core.check import check
from cuecraft.gui.app import start_window
from cuecraft.gui.views.blueprint_view import BlueprintView
from cuecraft.gui.views.journey import JourneyView
from tests.fresh import fresh_python

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def design(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    for name in ("rainforest-cafe.yaml", "rainforest-cafe.feedback.yaml"):
        shutil.copyfile(ROOT / "designs" / name, tmp_path / name)
    return tmp_path / "rainforest-cafe.yaml"


def test_the_design_is_laid_out_before_the_first_paint_and_checked_after(
    qtbot: Any, design: Path
) -> None:
    window = start_window(str(design))
    qtbot.addWidget(window)
    # No event handled yet: nothing painted.
    document = window.document
    assert window.windowTitle().startswith("rainforest-cafe.yaml")
    assert "Rainforest" in window.outline.topLevelItem(0).text(0)
    assert isinstance(window.tabs.currentWidget(), JourneyView)
    assert not document.findings_ready
    assert window.findings.score.text() == "Checking the design…"
    assert window.findings.tree.topLevelItemCount() == 0  # not "No findings"

    qtbot.waitUntil(lambda: document.findings_ready, timeout=10_000)
    truth = check(document.design, feedback=document.feedback)
    assert [f.code for f in document.result.findings] == [f.code for f in truth.findings]
    assert window.findings.score.text().replace("\u2060", "").startswith("Score")
    assert window.findings.tree.topLevelItemCount() > 0
    assert document.feedback is not None  # the side file, read with the first check


def test_the_cycle_collector_rests_until_the_window_has_painted(qtbot: Any, design: Path) -> None:
    assert gc.isenabled()
    gc.unfreeze()
    window = start_window(str(design))
    qtbot.addWidget(window)
    assert not gc.isenabled()  # nothing painted yet
    assert gc.get_freeze_count() > 0  # what the start made is out of its sight
    qtbot.waitExposed(window)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)


def test_a_start_that_fails_or_never_paints_leaves_the_collector_running(
    qtbot: Any, design: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cuecraft.gui.app as workbench

    def fails(window: Any, path: str | None) -> None:
        raise OSError("the disk went away")

    with monkeypatch.context() as patched:
        patched.setattr(workbench, "open_start_document", fails)
        with pytest.raises(OSError):
            start_window(str(design))
    assert gc.isenabled()
    window = start_window(str(design))
    assert not gc.isenabled()
    window.deleteLater()  # closed before its first paint
    qtbot.waitUntil(gc.isenabled, timeout=10_000)


def test_other_tabs_are_built_when_first_shown(qtbot: Any, design: Path) -> None:
    window = start_window(str(design))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.document.findings_ready, timeout=10_000)
    assert not isinstance(window.tabs.widget(1), BlueprintView)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(1)
    assert isinstance(window.tabs.widget(1), BlueprintView)
    assert window.tabs.currentIndex() == 1
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == titles


def test_a_design_replaced_by_another_is_freed(qtbot: Any, design: Path) -> None:
    # The window keeps its design out of the garbage collector's full passes (they froze
    # typing at 10,000 cues); opening another design must still free the first one.
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    from cuecraft.gui.app import create_window

    window = create_window(str(design))
    qtbot.addWidget(window)
    first = weakref.ref(window.document.design)
    other = design.with_name("haidilao-hotpot.yaml")
    shutil.copyfile(ROOT / "designs" / "haidilao-hotpot.yaml", other)
    assert window.open_path(other)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: first() is None, timeout=5_000)
    assert gc.get_freeze_count() > 0  # and the design now open is kept out of sight again


def graph_shown(qtbot: Any, design: Path) -> tuple[Any, int]:
    """A window on the design with its Graph tab shown, and that tab's index."""
    from cuecraft.gui.app import create_window

    window = create_window(str(design))
    qtbot.addWidget(window)
    window.show()
    graph = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "Graph")
    window.tabs.setCurrentIndex(graph)
    return window, graph


def test_a_view_once_drawn_is_kept_out_of_the_collectors_sight(qtbot: Any, design: Path) -> None:
    # A view of a 10,000-cue design is some 100,000 objects: the collector's full passes
    # over them froze typing for up to 0.1 s now and then once the Graph tab was shown.
    import gc

    from cuecraft.gui.views.graph_view import GraphView

    window, graph = graph_shown(qtbot, design)
    view = window.tabs.widget(graph)
    assert isinstance(view, GraphView)
    node = view.node_item(view.node_ids()[0])
    assert node is not None
    qtbot.waitUntil(lambda: all(o is not node for o in gc.get_objects()))


def test_networks_let_go_are_freed_though_frozen(qtbot: Any, design: Path) -> None:
    # The network drawn when the Graph tab was first shown is frozen with the view; a
    # feeling set checks the design in full with a new graph, and the old one goes. A
    # motif typed changes the network in place: it stays, and is drawn as it is now.
    import gc
    import weakref

    from cuecraft.core.edits import SetField
    from cuecraft.gui.views.graph_view import GraphView

    window, graph = graph_shown(qtbot, design)
    document = window.document
    view = window.tabs.widget(graph)
    assert isinstance(view, GraphView)
    try:
        qtbot.wait(50)  # the view's freeze, after it has drawn
        gc.freeze()  # as when the Graph tab was first shown
        old = weakref.ref(document.result.graph.network)
        assert document.push(SetField(document.design.touchpoints[0].id, "emotion", -2)) is None
        document.flush()
        window.tabs.setCurrentIndex(0)  # the journey lets go of the result it drew
        window.tabs.setCurrentIndex(graph)
        qtbot.wait(20)
        gc.collect()
        assert old() is None
        network = document.result.graph.network
        motifs = [*document.design.theme.motifs, "monsoon"]
        assert document.push(SetField("theme", "motifs", motifs)) is None
        document.flush()
        assert document.result.graph.network is network
        assert "motif:monsoon" in view.node_ids()
    finally:
        document.undo_stack.setClean()  # closing asks nothing


# A start in a fresh interpreter (-I: nothing preloaded from the environment), offscreen,
# until the findings are shown: which of the workbench's parts it loaded.
LOADED = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["CUECRAFT_DATA_DIR"] = sys.argv[2]
from PySide6.QtWidgets import QApplication
from cuecraft.gui.app import application, start_window
application()
window = start_window(sys.argv[1])
deadline = time.monotonic() + 60
while not window.document.findings_ready:
    QApplication.processEvents()
    if time.monotonic() > deadline:
        sys.exit("no findings within 60 s")
QApplication.processEvents()
if sys.argv[3:] == ["choices"]:
    window.findings.choices
print("cuecraft.gui.conflict_actions" in sys.modules)
"""


def _loaded(design: Path, *args: str) -> str:
    return fresh_python(LOADED, str(design), str(design.parent / "data"), *args)


def test_a_start_without_merge_conflicts_leaves_their_choices_unloaded(design: Path) -> None:
    # Their buttons and Qt styles cost a start a few ms; a design gets them with its first
    # merge conflict (tests/gui/test_merge_conflicts.py).
    assert _loaded(design) == "False"


def test_the_probe_sees_the_choices_once_asked_for(design: Path) -> None:
    # The same probe says True once they are loaded, so the test above can fail.
    assert _loaded(design, "choices") == "True"
