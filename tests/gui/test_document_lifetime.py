"""A document no one holds any more is freed whole, its undo history with it.

Each undo step once held its document strongly while the document's undo stack owned
the step in C++: a cycle that only Python's garbage collector broke, and it freed the
steps' wrappers while the stack still deleted the steps, which crashed the process at a
random later moment (a test far away, or the exit). Run in a child process so that a
crash fails this test and nothing else."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import gc, os, weakref
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from cuecraft.core.edits import AddItem
    from cuecraft.core.fileformat import load_design
    from cuecraft.core.model import Persona
    from cuecraft.gui.document import Document

    app = QApplication([])
    gc.disable()  # what is freed here is freed by reference counting alone
    gone = []
    for round in range(5):
        document = Document(load_design({path!r}))
        for n in range(15):
            assert document.push(AddItem("personas", Persona(f"guest-{{n}}"))) is None
        document.undo_stack.undo()
        gone.append(weakref.ref(document))
        del document
    print("alive", sum(1 for ref in gone if ref() is not None))
    gc.enable()
    gc.collect()
    """
)


def run_child(script: str) -> list[str]:
    """What `script` (with the café design's path for {path}) prints, run in a child
    process that must not crash."""
    child = script.format(path=str(ROOT / "designs" / "rainforest-cafe.yaml"))
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_a_dropped_document_and_its_undo_steps_are_freed_without_a_crash():
    printed = run_child(CHILD)
    # Freed by reference counting alone, not left for a later collection.
    assert printed == ["alive", "0"]


# A document only the collector frees (here a cycle through itself; in the workbench a
# replaced window's panels, or any design kept out of sight by gc.freeze), with its undo
# steps ahead of it in the collector's list: the order in which the collector frees
# garbage, which decides whether a step's wrapper goes before the stack that owns it.
COLLECTED = textwrap.dedent(
    """
    import gc, os, weakref
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from cuecraft.core.edits import SetField
    from cuecraft.core.fileformat import load_design
    from cuecraft.gui.document import Document

    app = QApplication([])
    design = load_design({path!r})
    document = Document(design)
    document.itself = document
    gc.collect()
    gc.freeze()  # the document and its stack, out of the lists for now
    for n in range(3):
        assert document.push(SetField(design.cues[0].id, "text", f"typed {{n}}")) is None
    gc.collect()  # the steps into the oldest list
    gc.unfreeze()  # the document and its stack after them
    gone = weakref.ref(document)
    del document
    gc.collect()
    print("alive", gone() is not None)
    """
)


def test_a_document_freed_by_the_collector_takes_its_undo_steps_without_a_crash():
    assert run_child(COLLECTED) == ["alive", "False"]
