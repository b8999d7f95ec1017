"""The child side of the typing bench (bench/keystrokes.py): the workbench on a design,
keyboard focus in one field of the inspector, recording what each keystroke cost.

    python -m bench.keystrokes_child DESIGN FIELD POLARITY TEXT MODE REPORT.json [TAB]

FIELD of the first cue of POLARITY ("negative" or "positive") gets the focus, with the
view TAB shown (its English title; the Journey, the first, by default). MODE "x":
on an X server, the parent types TEXT through XTEST once this process prints READY;
each key is seen arriving at the window (its KeyPress). MODE "qtest": offscreen, this
process types the keys itself with QTest, one every INTERVAL, each "sent" at its planned
moment (a late timer counts against us, as a key pressed while the window is frozen does).

Times are time.monotonic(), the same clock as the parent's on Linux. Recorded: when each
key arrived and when the event loop was next idle (a 0 ms timer posted on its arrival),
the event loop's stalls (a 2 ms heartbeat), each edit, each `checked`, each paint of the
findings panel, and whether the findings finally shown are those of the final design.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor, QWindow
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

INTERVAL = 0.125  # s between keys: a brisk typist, 8 keys a second
HEARTBEAT_MS = 2
STALL = 0.004  # s: heartbeat gaps longer than this are kept in the report
QUIET = 2.0  # s without an edit, check or findings paint after the last key: typing is over
GIVE_UP = 15.0  # s after the last key: the findings never followed


def running_app() -> QCoreApplication:
    app = QApplication.instance()
    assert app is not None
    return app


def pump(condition: Callable[[], object], timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError(f"waited {timeout} s for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def within(widget: QWidget | None, watched: QObject) -> bool:
    return widget is not None and (
        watched is widget or (isinstance(watched, QWidget) and widget.isAncestorOf(watched))
    )


class Recorder(QObject):
    """Watches the keys, the event loop, the document and the findings panel."""

    def __init__(self, window: Any, keys: int) -> None:
        super().__init__(window)
        self.window, self.keys = window, keys
        self.arrived: list[float] = []
        self.idle: list[float | None] = []
        self.changes: list[float] = []
        self.checks: list[float] = []
        self.findings_paints: list[float] = []
        self.stalls: list[tuple[float, float]] = []
        self.from_keys = False  # KeyPress events are counted as the window receives them
        self._beat = time.monotonic()
        self.heartbeat = QTimer(self)
        self.heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        self.heartbeat.timeout.connect(self._tick)
        self.quiet = QTimer(self)
        self.quiet.timeout.connect(self._maybe_done)
        window.document.changed.connect(lambda *_: self.changes.append(time.monotonic()))
        window.document.checked.connect(lambda: self.checks.append(time.monotonic()))

    def start(self) -> None:
        running_app().installEventFilter(self)
        self._beat = time.monotonic()
        self.heartbeat.start(HEARTBEAT_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and self.from_keys and isinstance(watched, QWindow):
            # The window receives each key once (its widgets then get it from the window).
            self.key_arrived(time.monotonic())
        elif kind == QEvent.Type.Paint and within(getattr(self.window, "findings", None), watched):
            self.findings_paints.append(time.monotonic())
        return False

    def key_arrived(self, now: float) -> None:
        index = len(self.arrived)
        self.arrived.append(now)
        self.idle.append(None)
        QTimer.singleShot(0, lambda: self._idle(index))

    def _idle(self, index: int) -> None:
        self.idle[index] = time.monotonic()
        if len(self.arrived) == self.keys and index == self.keys - 1:
            self.quiet.start(50)

    def _tick(self) -> None:
        now = time.monotonic()
        if now - self._beat > STALL:
            self.stalls.append((self._beat, now))
        self._beat = now

    def _maybe_done(self) -> None:
        last_key = self.idle[-1] or 0.0
        latest = max([last_key, *self.changes[-1:], *self.checks[-1:], *self.findings_paints[-1:]])
        now = time.monotonic()
        if now - latest > QUIET or now - last_key > GIVE_UP:
            self.quiet.stop()
            self.heartbeat.stop()
            running_app().removeEventFilter(self)
            running_app().exit(0)


def focus_field(window: Any, field: str, polarity: str, x_server: bool) -> QWidget:
    """Select the first cue of `polarity` (or, for "touchpoint", the second touchpoint;
    for "theme", the theme) and put the keyboard focus at the end of its `field` in the
    inspector, the window active."""
    design = window.document.design
    if polarity == "touchpoint":  # a touchpoint's field: its name shows on the journey
        item_id = design.touchpoints[1].id
    elif polarity == "theme":  # the theme's own fields: its motifs are the graph's nodes
        item_id = "theme"
    else:
        item_id = next(c for c in design.cues if c.is_negative == (polarity == "negative")).id
    window.document.select(item_id)
    pump(lambda: field in window.inspector.editors, 10, f"the inspector's {field} field")
    editor: QWidget = window.inspector.editors[field]
    window.activateWindow()
    if x_server:  # as a click on the window would: the window manager makes it active
        window_id = str(int(window.winId()))
        xdotool = subprocess.Popen(["xdotool", "windowactivate", "--sync", window_id])
        pump(lambda: xdotool.poll() is not None, 10, "xdotool windowactivate")
        if xdotool.returncode != 0:
            raise RuntimeError(f"xdotool windowactivate failed ({xdotool.returncode})")
    pump(window.isActiveWindow, 10, "the window to become active")
    editor.setFocus(Qt.FocusReason.OtherFocusReason)
    pump(lambda: QApplication.focusWidget() is editor, 10, f"the focus in {field}")
    if isinstance(editor, QLineEdit):
        editor.end(False)
    elif isinstance(editor, QPlainTextEdit):
        editor.moveCursor(QTextCursor.MoveOperation.End)
    return editor


def typed(editor: QWidget) -> str:
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    return ""


def type_keys(recorder: Recorder, editor: QWidget, text: str) -> list[float]:
    """Offscreen: press the keys with QTest from timers, one every INTERVAL; the planned
    moments, as the moments they were sent."""
    from PySide6.QtTest import QTest

    first = time.monotonic() + 0.2
    planned = [first + i * INTERVAL for i in range(len(text))]

    def press(index: int) -> None:
        recorder.key_arrived(time.monotonic())
        QTest.keyClicks(editor, text[index])

    for index, moment in enumerate(planned):
        timer = QTimer(recorder)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.timeout.connect(lambda index=index: press(index))
        timer.start(max(0, round((moment - time.monotonic()) * 1000)))
    return planned


def findings_are_final(window: Any) -> bool:
    """Whether the findings the document holds are those of the design as it now is."""
    from cuecraft.core.check import check

    document = window.document
    fresh = check(document.design, feedback=getattr(document, "feedback", None))
    return bool(getattr(document, "findings_ready", True)) and fresh.findings == (
        document.result.findings
    )


def show_tab(window: Any, title: str) -> None:
    """The view of this English title on show (drawn, as when someone picks its tab)."""
    index = window._view_titles.index(title)
    window.tabs.setCurrentIndex(index)
    pump(lambda: window.tabs.currentIndex() == index, 10, f"the {title} tab")


def main(argv: list[str]) -> int:
    design, field, polarity, text, mode, report_path, *tab = argv
    from cuecraft.gui.app import application, start_window

    app = application()
    window = start_window(design)
    window.show()
    pump(lambda: hasattr(window, "document"), 60, "the design to open")
    pump(lambda: getattr(window.document, "findings_ready", True), 60, "the first check")
    if tab:
        show_tab(window, tab[0])
    editor = focus_field(window, field, polarity, mode == "x")
    before = typed(editor)
    recorder = Recorder(window, len(text))
    last = [time.monotonic()]
    window.document.checked.connect(lambda: last.__setitem__(0, time.monotonic()))
    pump(lambda: time.monotonic() - last[0] > 0.5, 30, "the checks to settle")
    sent: list[float] = []

    def ready() -> None:
        # From inside the event loop, a moment after it started: what waits for the loop
        # itself (widgets deleted later, as the inspector's form of the design selected
        # before the cue) is done by then, as it would be long before anyone typed.
        recorder.start()
        if mode == "x":
            recorder.from_keys = True
            print("READY", flush=True)
        else:
            sent.extend(type_keys(recorder, editor, text))

    QTimer.singleShot(500, ready)
    # Keys that never came (lost, or typed elsewhere) end the run instead of hanging it.
    QTimer.singleShot(round((len(text) * INTERVAL + GIVE_UP + 20) * 1000), lambda: app.exit(3))
    status = app.exec()
    report = {
        "status": status,
        "sent": sent,
        "arrived": recorder.arrived,
        "idle": recorder.idle,
        "changes": recorder.changes,
        "checks": recorder.checks,
        "findings_paints": recorder.findings_paints,
        "stalls": recorder.stalls,
        "before": before,
        "typed": typed(editor),
        "model": shown_value(getattr(selected_item(window), field)),
        "final": findings_are_final(window),
        "cues": len(window.document.design.cues),
    }
    Path(report_path).write_text(json.dumps(report))
    return status


def selected_item(window: Any) -> Any:
    """The item (or the theme) selected in the window."""
    from cuecraft.core.edits import find

    document = window.document
    if document.selected == "theme":
        return document.design.theme
    return find(document.design, document.selected)


def shown_value(value: Any) -> Any:
    """A field's value as its editor shows it: a list of words as "a, b"."""
    return ", ".join(value) if isinstance(value, list) else value


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
