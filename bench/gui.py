"""Speed bars of the workbench measured offscreen: memory, edit to re-rendered findings.

Start-up is measured under X (bench/startup.py), typing with real keys (bench/keystrokes.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from bench import process_env
from bench.table import Row

MEMORY = textwrap.dedent("""
    import resource, sys
    from PySide6.QtCore import QTimer
    from cuecraft.gui.app import application, create_window
    app = application()
    window = create_window(sys.argv[1])
    window.document.flush()  # its findings too, whether the start checks at once or after
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
    """Offscreen, with settings, recovery and lock folders of its own (a first start)."""
    return {
        **process_env(),
        "QT_QPA_PLATFORM": "offscreen",
        "CUECRAFT_DATA_DIR": tempfile.mkdtemp(prefix="data-", dir=folder),
    }


def bench_gui(paths: dict[int, Path]) -> list[Row]:
    folder = paths[200].parent
    rows = []
    out = subprocess.run(
        [sys.executable, "-c", MEMORY, str(paths[10_000])],
        env=_env(folder),
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
        env=_env(folder),
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
