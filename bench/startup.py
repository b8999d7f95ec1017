"""Start-up bars of SPEC §7, under a real X server with a window manager when there is one:
start to the first painted window, to the design visible (title, outline, journey drawn),
and to the findings shown, each beside a bare PySide6 window started the same way.

Both children are `python -c` scripts on the same screen. Each prints the moments it
saw (time.monotonic(), one clock for every process on Linux) and ends at once with
os._exit, as the bare one does on its first paint; the parent counts from just before
it started the process. The moments are told apart by an application-wide event filter
installed just before the main window is built, in both children alike (a trial with
ours' filter installed after its window was built instead gave the same medians). A dialog
painted instead of the window (a start that asks something) ends the run with an error.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from bench.table import Row
from bench.xdisplay import Screen, forget_lock, screen

WATCH = textwrap.dedent("""
    import json, os, sys, threading, time
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

    PAINT, TITLE = QEvent.Type.Paint, QEvent.Type.WindowTitleChange
    moments = {}

    def done(code=0):
        print(json.dumps(moments), flush=True)
        os._exit(code)

    def within(widget, watched):
        return widget is not None and (watched is widget or widget.isAncestorOf(watched))

    class Watch(QObject):
        \"""Notes the moments in `until` as the main window paints; ends the process when
        it has them all, or when a dialog paints instead (a start that asks something).\"""

        def __init__(self, until):
            super().__init__()
            self.until, self.painted, self.window = until, set(), None

        def is_main(self, top):
            return isinstance(top, QMainWindow)

        def eventFilter(self, watched, event):
            kind = event.type()
            if kind != PAINT and kind != TITLE or not isinstance(watched, QWidget):
                return False
            top = watched.window()
            if not self.is_main(top):
                if kind == PAINT and isinstance(top, QDialog):
                    moments["dialog"] = top.windowTitle()
                    done(5)
                return False
            self.window = top
            now = time.monotonic()
            if kind == PAINT:
                moments.setdefault("first", now)
                self.saw(watched, now)
            self.seen(now)
            return False

        def saw(self, watched, now):
            pass

        def seen(self, now):
            if self.until <= moments.keys():
                done()

    threading.Timer(60, done, (3,)).start()  # never hang the bench
""")

BARE = WATCH + textwrap.dedent("""
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    watch = Watch({"first"})
    app.installEventFilter(watch)
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    app.exec()
""")

# Not a bar: the least a window showing a design does, for the reader of the table. It
# reads the file with PyYAML's C loader, lists the cues in a tree in a dock, draws a box
# and a name for each touchpoint in a scene and names the window after the file; shown
# first and built before its first paint, as the workbench's start is. What the start of
# any window on PySide6 and PyYAML costs over a bare window, measured in the same run.
LEAST = WATCH + textwrap.dedent("""
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    watch = Watch({"first"})
    app.installEventFilter(watch)
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    import yaml
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QDockWidget, QGraphicsScene, QGraphicsView, QTreeWidget, QTreeWidgetItem
    )
    with open(sys.argv[1], "rb") as stream:
        data = yaml.load(stream, Loader=yaml.CSafeLoader)
    tree = QTreeWidget()
    for cue in data.get("cues") or []:
        QTreeWidgetItem(tree, [str(cue.get("id")), str(cue.get("text"))])
    dock = QDockWidget("Outline")
    dock.setWidget(tree)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    scene = QGraphicsScene()
    for place, point in enumerate(data.get("touchpoints") or []):
        scene.addRect(place * 120, 0, 100, 60)
        scene.addText(str(point.get("name"))).setPos(place * 120, 0)
    window.setCentralWidget(QGraphicsView(scene))
    window.setWindowTitle(os.path.basename(sys.argv[1]))
    app.exec()
""")

# `cuecraft FILE` itself (cli.main → run_workbench), watched from just before it builds
# its window (start_window), so that no paint goes unseen however the start shows it. If
# run_workbench ever stops starting through start_window, nothing is watched: the child
# ends after 60 s having seen nothing.
OURS = WATCH + textwrap.dedent("""
    import cuecraft.cli
    from cuecraft.gui import app as workbench
    from cuecraft.gui.main_window import MainWindow

    DESIGN = os.path.basename(sys.argv[1])

    class Design(Watch):
        def is_main(self, top):
            return isinstance(top, MainWindow)

        def saw(self, watched, now):
            window = self.window
            if within(getattr(window, "outline", None), watched):
                self.painted.add("outline")
            tab = window.tabs.currentWidget()
            if type(tab).__name__ == "JourneyView" and within(tab, watched):
                self.painted.add("journey")
            document = getattr(window, "document", None)
            ready = document is not None and getattr(document, "findings_ready", True)
            if ready and within(getattr(window, "findings", None), watched):
                moments.setdefault("findings", now)

        def seen(self, now):
            if self.painted >= {"outline", "journey"} and DESIGN in self.window.windowTitle():
                moments.setdefault("visible", now)
            super().seen(now)

    watch = Design({"first", "visible", "findings"})
    started = workbench.start_window

    def start_window(*args, **kwargs):
        workbench.application().installEventFilter(watch)
        return started(*args, **kwargs)

    workbench.start_window = start_window
    cuecraft.cli.main([sys.argv[1]])
    done(4)
""")

REPEAT = 7


def _moments(code: str, args: list[str], where: Screen, folder: Path) -> dict[str, float]:
    """One start: each moment the child saw, in seconds after the process was started."""
    for arg in args:
        forget_lock(Path(arg))
    env = where.env(folder)
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        raise RuntimeError(
            f"start-up child exited with {out.returncode} (3: a moment never came within "
            f"60 s; if it saw nothing, run_workbench may no longer start through "
            f"start_window: update bench/startup.py; 4: the window closed; 5: a dialog "
            f"opened); it saw {lines[-1] if lines else 'nothing'}\n{out.stderr[-2000:]}"
        )
    return {name: moment - start for name, moment in json.loads(lines[-1]).items()}


def bench_startup(paths: dict[int, Path]) -> list[Row]:
    design = paths[200]
    folder = design.parent
    with screen(folder) as where:
        _moments(BARE, [], where, folder), _moments(OURS, [str(design)], where, folder)  # warm
        _moments(LEAST, [str(design)], where, folder)
        bare: list[float] = []
        least: list[float] = []
        ours: dict[str, list[float]] = {"first": [], "visible": [], "findings": []}
        for _ in range(REPEAT):  # alternated: a load on the machine falls on all alike
            bare.append(_moments(BARE, [], where, folder)["first"])
            least.append(_moments(LEAST, [str(design)], where, folder)["first"])
            for name, seconds in _moments(OURS, [str(design)], where, folder).items():
                ours[name].append(seconds)
    print(
        f"bench: start-up ({where.why or 'Xvfb + openbox'}), median/best ms: bare "
        f"{statistics.median(bare) * 1000:.0f}/{min(bare) * 1000:.0f}, least design window "
        f"{statistics.median(least) * 1000:.0f}/{min(least) * 1000:.0f}, "
        + ", ".join(
            f"{name} {statistics.median(t) * 1000:.0f}/{min(t) * 1000:.0f}"
            for name, t in ours.items()
        ),
        file=sys.stderr,
    )
    bare_s = min(bare)
    bars = (
        ("first", "start to first painted window, 200 cues", 1.5),
        ("visible", "start to the design visible (title, outline, journey), 200 cues", 1.5),
        ("findings", "start to the findings shown, 200 cues", 2.5),
    )
    return [
        Row(
            where.named(name),
            min(ours[key]) * 1000,
            "ms",
            bare_s * 1000,
            "ms bare PySide6 window",
            min(ours[key]) / bare_s,
            bar=bar,
        )
        for key, name, bar in bars
    ] + [
        Row(
            where.named(
                "reference, not a bar: the least window showing a design (C parse, cue "
                "tree, touchpoint scene), 200 cues"
            ),
            min(least) * 1000,
            "ms",
            bare_s * 1000,
            "ms bare PySide6 window",
            min(least) / bare_s,
            bar=float("inf"),
        )
    ]
