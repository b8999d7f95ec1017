"""Speed bars of the workbench: start to first paint, memory, edit to re-rendered findings."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from bench import process_env
from bench.table import Row

FIRST_PAINT = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QEvent, QObject
    {setup}
    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                os._exit(0)  # the moment of the first paint, for ours and the bare one alike
            return False
    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    app.exec()
""")
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1400, 900)
"""
OURS = """
import cuecraft.cli  # the `cuecraft` entry point, as a user starts it
from cuecraft.gui.app import application, start_window
app = application()
window = start_window(sys.argv[1])
"""
FULLY_SHOWN = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from cuecraft.gui.app import application, start_window
    app = application()
    window = start_window(sys.argv[1])
    def done():
        if hasattr(window, "document") and window.tabs.count() >= 3:
            window.repaint()
            os._exit(0)
        else:
            QTimer.singleShot(5, done)
    QTimer.singleShot(0, done)
    window.show()
    app.exec()
""")
MEMORY = textwrap.dedent("""
    import resource, sys
    from PySide6.QtCore import QTimer
    from cuecraft.gui.app import application, create_window
    app = application()
    window = create_window(sys.argv[1])
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
    QTimer.singleShot(200, app.quit)
    app.exec()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
""")
EDIT = textwrap.dedent("""
    import json, statistics, sys, time
    from cuecraft.core.edits import SetField
    from cuecraft.gui.app import application, create_window
    app = application()
    window = create_window(sys.argv[1])
    window.show()
    app.processEvents()
    cue = window.document.design.cues[0]
    window.document.select(cue.id)
    app.processEvents()
    times = []
    for i in range(31):
        start = time.perf_counter()
        window.document.push(SetField(cue.id, "text", f"Edited text {i}", merge=True))
        window.document.flush()
        window.findings.repaint()
        app.processEvents()
        times.append(time.perf_counter() - start)
    print(json.dumps(statistics.median(times)))
""")


def _env(folder: Path) -> dict[str, str]:
    return {
        **process_env(),
        "QT_QPA_PLATFORM": "offscreen",
        "CUECRAFT_DATA_DIR": str(folder / "bench-data"),
    }


def _timed(command: list[str], env: dict[str, str], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            command,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            timeout=120,
        )
        best = min(best, time.perf_counter() - start)
    return best


def bench_gui(paths: dict[int, Path]) -> list[Row]:
    folder = paths[200].parent
    env = _env(folder)
    ours = [sys.executable, "-c", FIRST_PAINT.format(setup=OURS), str(paths[200])]
    bare = [sys.executable, "-c", FIRST_PAINT.format(setup=BARE)]
    _timed(ours, env, 1), _timed(bare, env, 1)  # warm caches
    ours_s, bare_s = _timed(ours, env), _timed(bare, env)
    rows = [
        Row(
            "start to first painted window, 200 cues",
            ours_s * 1000,
            "ms",
            bare_s * 1000,
            "ms bare PySide6 window",
            ours_s / bare_s,
            bar=1.5,
        )
    ]
    full = [sys.executable, "-c", FULLY_SHOWN, str(paths[200])]
    full_s = _timed(full, env, 3)
    rows.append(
        Row(
            "start to the design fully shown, 200 cues (reported)",
            full_s * 1000,
            "ms",
            bare_s * 1000,
            "ms bare PySide6 window",
            full_s / bare_s,
            bar=float("inf"),
        )
    )
    out = subprocess.run(
        [sys.executable, "-c", MEMORY, str(paths[10_000])],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    peak_mb = int(out.stdout.strip().splitlines()[-1]) / 1024 / 1024
    rows.append(
        Row(
            "10,000-cue design open in the GUI, peak RSS",
            peak_mb,
            "MB",
            400.0,
            "MB (absolute bar)",
            peak_mb / 400.0,
        )
    )
    out = subprocess.run(
        [sys.executable, "-c", EDIT, str(paths[1000])],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    edit_ms = json.loads(out.stdout.strip().splitlines()[-1]) * 1000
    rows.append(
        Row(
            "one edit to re-rendered findings, 1,000 cues (median)",
            edit_ms,
            "ms",
            50.0,
            "ms (absolute bar)",
            edit_ms / 50.0,
        )
    )
    return rows
