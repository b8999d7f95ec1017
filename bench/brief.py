"""Speed bar of the brief (SPEC §7): export a 1,000-cue design as a whole process.

Limits, measured side by side in the same run:
- at most 5 s absolute;
- at most 4× a bare reportlab process that sets the same cue texts as
  paragraphs in the same embedded face (DejaVu Sans, from resources/fonts).
The row also reports the brief's pages and pages per second.

Run alone with `python -m bench.brief`; `bench_export(paths)` takes the saved
designs of `bench.core.write_designs`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import process_env
from bench.table import Row, render
from cuecraft.resources import resource_dir

ABSOLUTE_LIMIT_S = 5.0
BAR = 4.0

# The baseline: read the cue texts, set each as a paragraph in the embedded face.
BARE_EXPORT = """\
import sys
from xml.sax.saxutils import escape

import yaml
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

design, out, font = sys.argv[1:4]
texts = [c["text"] for c in yaml.load(open(design, "rb"), Loader=yaml.CSafeLoader)["cues"]]
pdfmetrics.registerFont(TTFont("Body", font))
style = ParagraphStyle("body", fontName="Body", fontSize=9.5, leading=14)
doc = SimpleDocTemplate(out, initialFontName="Body")
doc.build([Paragraph(escape(t).replace("\\n", "<br/>"), style) for t in texts])
"""


def _best(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            command, capture_output=True, text=True, check=False, env=process_env()
        )
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise RuntimeError(f"{command[:4]} failed: {done.stderr.strip()[-500:]}")
    return min(times)


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def bench_export(paths: dict[int, Path]) -> list[Row]:
    design = paths[1000]
    font = resource_dir("fonts") / "DejaVuSans.ttf"
    with tempfile.TemporaryDirectory(prefix="cuecraft-brief-") as folder:
        ours_pdf = Path(folder) / "brief.pdf"
        bare_pdf = Path(folder) / "bare.pdf"
        ours = [sys.executable, "-m", "cuecraft.cli", "export", str(design), "-o", str(ours_pdf)]
        bare = [sys.executable, "-c", BARE_EXPORT, str(design), str(bare_pdf), str(font)]
        _best(ours, 1), _best(bare, 1)  # warm the file cache and .pyc files
        ours_s = _best(ours, 3)
        bare_s = _best(bare, 3)
        pages = _pages(ours_pdf)
    per_second = pages / ours_s
    name = f"export the brief, 1,000 cues ({pages} pages, {per_second:.0f} pages/s)"
    return [
        Row(
            name,
            ours_s * 1000,
            "ms",
            bare_s * 1000,
            "ms bare reportlab process",
            ours_s / bare_s,
            bar=BAR,
        ),
        Row(
            "export the brief, 1,000 cues, absolute",
            ours_s,
            "s",
            ABSOLUTE_LIMIT_S,
            "s (absolute bar)",
            ours_s / ABSOLUTE_LIMIT_S,
        ),
    ]


def main() -> int:
    from bench.generate import generate
    from cuecraft.core.fileformat import save_design

    with tempfile.TemporaryDirectory(prefix="cuecraft-bench-") as folder:
        path = Path(folder) / "generated-1000.yaml"
        save_design(generate(1000, 200, 50), path)
        rows = bench_export({1000: path})
    print(render(rows))
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
