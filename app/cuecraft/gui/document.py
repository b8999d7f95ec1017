"""The open design: the model, its file, its undo stack and its live check result.

Views never write to the model: they call `Document.push(edit)`, which puts a
reversible core edit on the QUndoStack. After every change the checks rerun
(coalesced, so a burst of edits costs one check) and `checked` is emitted.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cuecraft.core.edits import AddItem, Change, Edit, EditError, RemoveItem, RenameId, SetField
from cuecraft.core.i18n import N_, _
from cuecraft.core.model import Design
from cuecraft.gui.slices import Slices

if TYPE_CHECKING:  # the checks load after the design is on screen
    from cuecraft.core.check import CheckResult
    from cuecraft.core.disk import DiskState
    from cuecraft.core.feedback import Feedback
    from cuecraft.gui.check_worker import BackgroundCheck

MERGE_ID = 0x51E7  # QUndoCommand.id() for typing into one field
BIG_DESIGN = 2000  # cues; above this, checks wait for a pause in typing
BIG_DESIGN_DELAY_MS = 60
RECHECK_STEP_S = 0.01  # a large design's re-check goes on this long before the window's turn

# The undo step's name of an item added with the core's own description, by section.
ADDED = {
    # TRANSLATORS: an undo step, as in "Undo Add zone “zone-3”"
    "zones": N_("Add zone “{item}”"),
    "touchpoints": N_("Add touchpoint “{item}”"),
    "cues": N_("Add positive cue “{item}”"),
    "negative": N_("Add negative cue “{item}”"),
    "layers": N_("Add sensory layer “{item}”"),
    "souvenirs": N_("Add souvenir “{item}”"),
    "actions": N_("Add action “{item}”"),
    "personas": N_("Add persona “{item}”"),
}


def unchecked(design: Design) -> CheckResult:
    """The result of a design not checked yet: its graph (what the views draw from), no
    findings, and a scorecard of no findings that nothing shows (`findings_ready`)."""
    from cuecraft.core.check import CheckResult
    from cuecraft.core.graph import DesignGraph
    from cuecraft.core.score import scorecard

    graph = DesignGraph(design)
    return CheckResult(graph, [], scorecard(graph, []))


def undo_text(edit: Edit) -> str:
    """The name of an edit's undo step, in the current language ("Undo Add zone “x”").

    A caller that names its edit names it in the language of the moment; an edit
    named by the core (its English default) is named here instead."""
    described = edit.description
    if isinstance(edit, AddItem) and described == f"Add {edit.section[:-1]} “{edit.item.id}”":
        negative = getattr(edit.item, "polarity", "") == "negative"
        template = ADDED.get("negative" if negative else edit.section)
        return _(template).format(item=edit.item.id) if template else described
    if isinstance(edit, RemoveItem) and described == f"Delete “{edit.item_id}”":
        # TRANSLATORS: an undo step, as in "Undo Delete “cue-7”"
        return _("Delete “{item}”").format(item=edit.item_id)
    if isinstance(edit, RenameId) and described == f"Rename “{edit.old_id}” to “{edit.new_id}”":
        # TRANSLATORS: an undo step, as in "Undo Rename “cue-7” to “welcome”"
        return _("Rename “{old}” to “{new}”").format(old=edit.old_id, new=edit.new_id)
    if isinstance(edit, SetField) and described == f"Change {edit.name}":
        # TRANSLATORS: an undo step, as in "Undo Change field “tagline”"; {field} is a key
        return _("Change field “{field}”").format(field=edit.name)
    if described in ("Edit", "edit"):
        # TRANSLATORS: an undo step with no better name, as in "Undo Edit"
        return _("Edit")
    return described


class EditCommand(QUndoCommand):
    """One core edit on the undo stack; consecutive typing in one field merges."""

    def __init__(
        self,
        document: Document,
        edit: Edit,
        applied: bool,
        describe: Callable[[], str] | None = None,
    ) -> None:
        super().__init__()
        # Weakly: the document owns its undo stack, which owns this command in C++. A strong
        # reference back would make a cycle that only the garbage collector breaks, and it
        # then frees the commands' wrappers while the stack still deletes the commands: a
        # crash long after the document was closed (seen after a dozen edits in tests).
        self._document = weakref.ref(document)
        self.edit = edit
        self._describe = describe
        self.retranslate()
        self._skip_first_redo = applied
        self.sealed = False

    @property
    def document(self) -> Document:
        document = self._document()
        if document is None:  # pragma: no cover - the stack dies with its document
            raise RuntimeError("the document of this undo step is gone")
        return document

    def retranslate(self) -> None:
        """Name the step in the language now set."""
        self.setText(self._describe() if self._describe is not None else undo_text(self.edit))

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self.document._changed(self.edit.apply(self.document.design), self.edit)

    def undo(self) -> None:
        self.document._changed(self.edit.revert(self.document.design), self.edit)

    def id(self) -> int:
        return MERGE_ID if isinstance(self.edit, SetField) and self.edit.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or self.sealed:
            return False
        mine, theirs = self.edit, other.edit
        if not (isinstance(mine, SetField) and isinstance(theirs, SetField)):
            return False
        if (mine.owner, mine.name) != (theirs.owner, theirs.name) or not theirs.merge:
            return False
        mine.value = theirs.value
        return True


class SaveAwareUndoStack(QUndoStack):
    """An undo stack that says each time it is marked clean, even when it was clean already.

    `setClean()` is what a successful save calls: from then on the file on disk is the
    canonical text of the design, and its line numbers are those of that text.
    """

    marked_clean = Signal()

    def setClean(self) -> None:
        super().setClean()
        self.marked_clean.emit()

    def __del__(self) -> None:
        # The steps go with their stack, while all of them are whole. Left among garbage
        # (a document in a cycle, or a window's that was replaced), the collector may free
        # a step's wrapper first: the wrapper then takes the step back from the stack and
        # deletes it, and the stack deletes it again when it goes (a crash, at a random
        # moment). The collector runs every finalizer before it frees anything.
        if shiboken6.isValid(self):
            self.blockSignals(True)
            self.clear()


class Document(QObject):
    """A design being edited in the workbench."""

    changed = Signal(object)  # Change
    checked = Signal()  # self.result is fresh
    selection_changed = Signal(str)  # an item id, "theme", "design", "section:zones", … or ""
    path_changed = Signal()

    def __init__(
        self,
        design: Design,
        path: Path | None = None,
        parent: QObject | None = None,
        check_now: bool = True,
    ) -> None:
        """`check_now=False`: the first check waits for `check_first` (a start shows the
        design before its findings)."""
        super().__init__(parent)
        self.design = design
        self.path = path
        self.read_only = False
        # The file as this document last read or wrote it (None: not known to match).
        self.disk: DiskState | None = None
        self.undo_stack = SaveAwareUndoStack(self)
        # The design's locations are lines of the file it was loaded from. After a save
        # (or an undo back to the saved state) they are read again from the saved text.
        self._lines_stale = False
        self._lines_readable = True
        self.undo_stack.marked_clean.connect(self._relocate_soon)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.selected = ""
        self.feedback: Feedback | None = None
        self.feedback_problem = ""
        # Until the first check is in, the result holds the design's derived facts (the
        # journey order, presence) and no findings: the views can draw the design at once,
        # and `findings_ready` tells the panels that findings are still to come. The
        # feedback file is read with the first check (`check_first`).
        self.findings_ready = False
        self._feedback_read = False
        self.result: CheckResult = unchecked(design)
        # Every change of the design is a new generation; `result` is of `_checked`. The
        # edits since that result let a re-check run only what they touched (None: check
        # everything again).
        self._generation = 0
        self._checked = -1
        self._edits_since: list[Edit] | None = None
        self._background: BackgroundCheck | None = None
        # A large design's re-check under way a step at a time (`_step`), and one done,
        # for the views to take a moment later (`_show_rechecked`), each of a generation.
        self._rechecking: tuple[int, Generator[None, None, CheckResult]] | None = None
        self._rechecked: tuple[int, CheckResult] | None = None
        self.slices = Slices(self)  # the work a keystroke sets off, a slice per moment
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.recheck)
        if check_now:
            self.recheck(wait=True)

    # -- editing -----------------------------------------------------------------

    def push(self, edit: Edit, describe: Callable[[], str] | None = None) -> str | None:
        """Apply an edit as one undoable step; return an error message instead if it cannot.

        The step is named by `describe()` if given (called again, in the new language,
        when the language changes), else by the edit's description (`undo_text`)."""
        try:
            change = edit.apply(self.design)
        except EditError as error:
            return str(error)
        self.undo_stack.push(EditCommand(self, edit, applied=True, describe=describe))
        self._changed(change, edit)
        return None

    def seal_typing(self) -> None:
        """End the current typing step: the next keystroke starts a new undo step."""
        index = self.undo_stack.index()
        if index > 0:
            command = self.undo_stack.command(index - 1)
            if isinstance(command, EditCommand):
                command.sealed = True

    def _changed(self, change: Change, edit: Edit | None = None) -> None:
        """The design changed (by `edit`, applied or reverted; None: in some other way)."""
        self._generation += 1
        if edit is None or self._edits_since is None:
            self._edits_since = None
        else:
            self._edits_since.append(edit)
        self.changed.emit(change)
        delay = BIG_DESIGN_DELAY_MS if self.is_big else 0
        self._timer.start(delay)

    @property
    def is_big(self) -> bool:
        """Whether a full check takes long enough to be done off the window's thread."""
        return len(self.design.cues) > BIG_DESIGN

    @property
    def checking(self) -> bool:
        """Whether findings of the design as it is now are still to come."""
        return self._checked != self._generation or self._timer.isActive()

    def check_first(self, background: bool = False) -> None:
        """The first check of the design (with its feedback file), if it has not run yet.
        `background`: off the window's thread, started before the window's first paint,
        so the window paints the design meanwhile and the findings follow."""
        if self.findings_ready:
            return
        if background and self._checked != self._generation:
            if not self._feedback_read:
                self._load_feedback()
            self._check_in_background()
            return
        self.recheck()

    def recheck(self, wait: bool = False) -> None:
        """Check the design as it is now and tell the views (`checked`).

        Only what the edits since the last result touched runs again
        (`cuecraft.core.recheck`). A full check of a large design runs off the window's
        thread unless `wait`; its result is taken only if the design did not change
        meanwhile (otherwise the newest state is checked again)."""
        self._timer.stop()
        if not self._feedback_read:
            self._load_feedback()
        if self._lines_stale and self.undo_stack.isClean():
            from cuecraft.core.locations import relocate

            self._lines_readable = relocate(self.design)
            self._lines_stale = False
            self._generation += 1
            self._edits_since = None  # every finding's line may have moved
        if self._checked == self._generation and self.findings_ready:
            return
        rechecked, self._rechecked = self._rechecked, None
        if rechecked is not None and rechecked[0] == self._generation:
            self._take(*rechecked)  # asked for at once (`flush`)
            return
        rechecking, self._rechecking = self._rechecking, None
        since = self._edits_since if self.findings_ready else None
        if since is not None:
            from cuecraft.core.recheck import finished, recheck_in_steps, runs_in_full

            if not runs_in_full(self.result, self.design, since):
                if rechecking is not None and rechecking[0] == self._generation:
                    steps = rechecking[1]  # under way: finished here (`flush`)
                else:
                    steps = recheck_in_steps(self.result, self.design, since, self.feedback)
                if wait or not self.is_big:
                    self._take(self._generation, finished(steps))
                else:
                    # At 10,000 cues the re-check and the views' work together kept a
                    # keystroke waiting too long: the re-check runs a step at a time, and
                    # the views take it in a moment of their own.
                    self._rechecking = (self._generation, steps)
                    self._step()
                return
        if self.is_big and not wait:
            self._check_in_background()
            return
        from cuecraft.gui.check_worker import full_check

        self._take(self._generation, full_check(self.design, self.feedback))

    def _step(self) -> None:
        """Carry a large design's re-check on for a moment (`RECHECK_STEP_S`), then let
        the window do whatever waits (`slices`); once done, the views take it a moment
        later. Edited meanwhile: dropped (the newest state is checked from the result
        shown, with every edit since)."""
        if self._rechecking is None:
            return
        generation, steps = self._rechecking
        if generation != self._generation:
            self._rechecking = None
            return
        started = time.monotonic()
        try:
            next(steps)  # a step at least, however long the last one took
            while time.monotonic() - started < RECHECK_STEP_S:
                next(steps)
        except StopIteration as done:
            self._rechecking = None
            self._rechecked = (generation, done.value)
            self.slices.add(self._show_rechecked)
            return
        self.slices.add(self._step)

    def _show_rechecked(self) -> None:
        """Show the re-check made a moment ago, unless the design changed since (it is
        then checked again, from the result shown, with every edit since)."""
        rechecked, self._rechecked = self._rechecked, None
        if rechecked is not None and rechecked[0] == self._generation:
            self._take(*rechecked)

    def _check_in_background(self) -> None:
        from cuecraft.gui.check_worker import BackgroundCheck

        if self._background is None:
            # Not a child of the document: closing the document while a check runs must
            # not delete the object the worker is reporting through (the connection goes
            # with the document instead).
            self._background = BackgroundCheck()
            self._background.done.connect(self._checked_in_background)
        if self._background.running is None:  # else: it checks again when that one is in
            self._background.start(self._generation, self.design, self.feedback)

    def _checked_in_background(self, generation: int, result: CheckResult | None) -> None:
        assert self._background is not None
        self._background.running = None
        if generation != self._generation:  # edited meanwhile: check the newest state
            if self._checked != self._generation and not self._timer.isActive():
                self._timer.start(0)
            return
        if self._checked == generation:  # checked meanwhile on this thread (`flush`)
            return
        if result is None:  # failed on a design that did not change: say why here
            self.recheck(wait=True)
            return
        self._take(generation, result)

    def _take(self, generation: int, result: CheckResult) -> None:
        """`result` is of the design at `generation` (now): show it."""
        network = self.result.graph.built_network()
        if network is not None and result.graph is not self.result.graph:
            from cuecraft.core.network import let_go

            let_go(network)  # freed with the graph it was of, frozen or not
        self.result = result
        self._checked = generation
        self._edits_since = []
        self.findings_ready = True
        self.checked.emit()

    def retranslate(self) -> None:
        """The words the document made (the findings' messages, what is wrong with the
        feedback file) again, in the language now set."""
        if self.feedback_problem:
            self._load_feedback()
        self._changed_otherwise()  # the findings' words
        # The undo steps' names (those the core named, and those named with `describe`).
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, EditCommand):
                command.retranslate()
        self.recheck()

    def flush(self) -> None:
        """Findings of the design as it is now, at once (before saving, exporting, tests):
        a check still waiting or running off the window's thread is done here instead."""
        if self.checking or not self.findings_ready:
            self.recheck(wait=True)

    def _clean_changed(self, clean: bool) -> None:
        if clean:  # an undo or redo back to the saved state brings back objects of any age
            self._relocate_soon()

    def _relocate_soon(self) -> None:
        self._lines_stale = True
        self._generation += 1  # the findings' lines change even if nothing else does
        self._timer.start(0)

    @property
    def lines_on_disk(self) -> bool:
        """Whether the findings' line numbers are lines of the file on disk: the design
        has a file, no unsaved change, and its locations were read from that file's text.
        While there are unsaved changes the file no longer says what the design says."""
        return (
            self.path is not None
            and self.undo_stack.isClean()
            and not self._lines_stale
            and self._lines_readable
        )

    # -- selection ----------------------------------------------------------------

    def select(self, item_id: str) -> None:
        if item_id != self.selected:
            self.selected = item_id
            self.selection_changed.emit(item_id)

    # -- state --------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        # TRANSLATORS: the window title of a design never saved
        return self.path.name if self.path else _("Untitled design")

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self._load_feedback()
        self.path_changed.emit()
        self.recheck()

    def _changed_otherwise(self) -> None:
        """Something the findings depend on changed without an edit (the feedback, the
        language): the next check checks everything."""
        self._generation += 1
        self._edits_since = None

    def _load_feedback(self) -> None:
        """Guest feedback from the side file next to the design (`cafe.feedback.yaml`)."""
        self._changed_otherwise()
        self.feedback, self.feedback_problem = None, ""
        self._feedback_read = True
        if self.path is None:
            return
        from cuecraft.core.feedback import FeedbackLoadError, feedback_for_design

        try:
            self.feedback = feedback_for_design(self.path)
        except FeedbackLoadError as error:
            self.feedback_problem = error.format()

    def reload_feedback(self) -> None:
        """Read the side file again (after an import) and recheck."""
        self._load_feedback()
        self.recheck()
