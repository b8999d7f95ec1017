"""`make bench`: every speed bar of SPEC §7 measured side by side with its limit."""

from __future__ import annotations

import platform
import sys
import tempfile
from pathlib import Path

from bench import brief, core, diffmerge, gui, keystrokes, startup
from bench import feedback as feedback_bench
from bench.table import render


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cuecraft-bench-") as folder:
        paths = core.write_designs(Path(folder))
        rows = []
        benches = (
            core.bench_recheck,
            core.bench_open,
            core.bench_check_process,
            diffmerge.bench_diffmerge,
            startup.bench_startup,
            keystrokes.bench_typing,
            gui.bench_gui,
            brief.bench_export,
        )
        for bench in benches:
            print(f"running {bench.__name__} ...", file=sys.stderr, flush=True)
            rows.extend(bench(paths))
        print("running bench_feedback ...", file=sys.stderr, flush=True)
        rows.extend(feedback_bench.bench_feedback(Path(folder)))
    print(
        f"Machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )
    print(render(rows))
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
