"""Work a keystroke sets off in a large design, a slice per turn of the event loop.

At 10,000 cues a keystroke sets off more work than it may keep the window waiting
(SPEC §7: 50 ms): the re-check, the findings panel, the outline's marks, the Graph
tab's motifs. Each part is a slice queued here, and the window runs one slice per turn
of its event loop, so keys, paints and timers come between them. Slices started
together on plain timers ran back to back in one turn of the loop, as one long freeze.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer

Slice = Callable[[], object]


class Slices(QObject):
    """Slices of work run one per turn of the event loop, first queued first run."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queued: dict[Slice, None] = {}
        # A timer, not a posted call: posted calls all run before the loop's next turn.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._run_one)

    def add(self, work: Slice) -> None:
        """Run `work` in a turn of its own (once, however often it is queued meanwhile).
        A method of a Qt object deleted meanwhile is not run."""
        self._queued[work] = None
        if not self._timer.isActive():
            self._timer.start()

    @property
    def idle(self) -> bool:
        """Whether no slice is waiting to run."""
        return not self._queued

    def _run_one(self) -> None:
        if not self._queued:
            return
        work = next(iter(self._queued))
        del self._queued[work]
        owner = getattr(work, "__self__", None)
        try:
            if not isinstance(owner, QObject) or shiboken6.isValid(owner):
                work()
        finally:
            # Timed from the end of this slice: timers that came due during it go first.
            if self._queued:
                self._timer.start()
