"""Guest feedback in the brief: NPS beside the designed feeling, "What guests say", FBK findings.

Real PDFs, read back with pypdf: through `cuecraft export` (which finds the
side file next to the design by itself) and through `export_brief(feedback=...)`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.brief.conftest import DESIGNS, Brief, hostile_design, read, squash

from cuecraft.brief import SECTIONS, BriefOptionError, BriefOptions, export_brief
from cuecraft.core.feedback import (
    Columns,
    Comment,
    Feedback,
    Source,
    TouchpointFeedback,
    feedback_for_design,
    import_csv,
)
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Design, Theme, Touchpoint

CAFE = DESIGNS / "rainforest-cafe.yaml"
MUSEUM = DESIGNS / "museum-exhibition.yaml"
CHECK_IN_NPS = "−30 (60)"  # 16 promoters, 10 passives, 34 detractors
SATURDAY = "The Saturday queue ruined it"
HOSTILE_COMMENTS = [
    "<font size=40>BIG</font> & small",
    "Prices < 5 & more > less &amp; stays",
    "Emoji 😀🎉🍜 and Chinese 排队太久了，孩子们很难受",
    "Zażółć gęślą jaźń — długa kolejka",
]
LONG_COMMENT = " ".join(f"word{i:03d}" for i in range(45))  # about 400 characters: wraps


def cuecraft(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cuecraft.cli", "export", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def sections(brief: Brief) -> list:
    """The top level of the PDF's bookmarks: the sections (their subsections nest)."""
    return [item for item in brief.reader.outline if not isinstance(item, list)]


def outline_titles(brief: Brief) -> list[str]:
    return [item.title for item in sections(brief)]


def section_page(brief: Brief, title: str) -> int:
    """The index of the page a section starts on, from the PDF's bookmarks."""
    for item in sections(brief):
        if item.title == title:
            return int(brief.reader.get_destination_page_number(item))
    raise AssertionError(f"no bookmark {title!r}")


def page_of(brief: Brief, words: str) -> int:
    for number, page in enumerate(brief.reader.pages):
        if squash(words) in squash(page.extract_text()):
            return number
    raise AssertionError(f"{words!r} is on no page")


@pytest.fixture(scope="module")
def cafe_api(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    feedback = feedback_for_design(CAFE)
    assert feedback is not None
    out = tmp_path_factory.mktemp("api") / "cafe.pdf"
    pages = export_brief(load_design(CAFE), out, BriefOptions(), feedback=feedback)
    return read(out, pages)


@pytest.fixture(scope="module")
def cafe_cli(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    out = tmp_path_factory.mktemp("cli") / "cafe.pdf"
    result = cuecraft(str(CAFE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    return read(out, len(PdfReader(out).pages))


@pytest.fixture(params=["api", "cli"])
def cafe(request: pytest.FixtureRequest) -> Brief:
    brief: Brief = request.getfixturevalue(f"cafe_{request.param}")
    return brief


def test_the_brief_shows_what_guests_say(cafe: Brief) -> None:
    assert "What guests say" in cafe.text
    assert outline_titles(cafe)[:6] == [
        "Cover",
        "Contents",
        "Executive summary",
        "Theme and the four realms",
        "Guest journey",
        "What guests say",
    ]
    guests = page_of(cafe, "Net Promoter Score by step")
    words = squash("".join(p.extract_text() for p in cafe.reader.pages[guests:]))
    assert squash("Check in with the safari guide") in words
    assert squash(SATURDAY) in words
    assert squash("Queue spilled into the food court, kids were miserable") in words
    assert squash("−50 to −7") in words  # check-in's 95% interval
    assert squash("+43") in words and "675" in words  # the overall NPS and its answers


def test_the_journey_table_has_an_nps_column(cafe: Brief) -> None:
    journey = cafe.reader.pages[section_page(cafe, "Guest journey")].extract_text()
    assert "NPS" in journey and "(answers)" in journey
    assert CHECK_IN_NPS in cafe.text
    # The chart's legend says what the marks of the NPS panel are.
    assert squash("Guests’ NPS with its 95% interval") in squash(journey)
    assert "NPS below 0" in journey


def test_the_report_and_the_summary_include_the_feedback_findings(cafe: Brief) -> None:
    assert "FBK001" in cafe.text and "FBK003" in cafe.text
    report = section_page(cafe, "Consistency report")
    rest = squash("".join(p.extract_text() for p in cafe.reader.pages[report:]))
    assert squash("Guest feedback") in rest and "FBK001" in rest
    summary = squash("".join(p.extract_text() for p in cafe.reader.pages[2:4]))
    # An error, among the things to fix first: in the client's words, by name, no code.
    assert squash("Detractor hotspot: guests give “Check in with the safari guide”") in summary
    assert "FBK001" not in summary
    assert squash("Guests: NPS +43") in summary and squash("is a detractor hotspot") in summary


def test_cli_and_api_give_the_same_brief(cafe_api: Brief, cafe_cli: Brief) -> None:
    assert cafe_api.pages == cafe_cli.pages
    assert cafe_api.text == cafe_cli.text


def test_without_feedback_there_is_no_guests_section_and_no_nps_column(tmp_path: Path) -> None:
    assert feedback_for_design(MUSEUM) is None
    out = tmp_path / "museum.pdf"
    result = cuecraft(str(MUSEUM), "-o", str(out))
    assert result.returncode == 0, result.stderr
    brief = read(out, len(PdfReader(out).pages))
    assert "What guests say" not in brief.text
    assert "(answers)" not in brief.text and "right axis" not in brief.text
    assert "Guest feedback" not in brief.text
    assert "What guests say" not in outline_titles(brief)
    assert "Guest journey" in brief.reader.pages[1].extract_text()  # the contents


def test_choosing_guests_without_feedback_skips_it_silently(tmp_path: Path) -> None:
    design = load_design(MUSEUM)
    out = tmp_path / "b.pdf"
    export_brief(design, out, BriefOptions(sections=("journey", "guests", "report")))
    brief = read(out, len(PdfReader(out).pages))
    assert outline_titles(brief) == ["Contents", "Guest journey", "Consistency report"]
    # Nothing else to print is an error, not an empty PDF.
    with pytest.raises(BriefOptionError, match="guest feedback"):
        export_brief(design, tmp_path / "c.pdf", BriefOptions(sections=("guests",)))
    assert not (tmp_path / "c.pdf").exists()


def test_the_guests_section_alone(tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    feedback = feedback_for_design(CAFE)
    export_brief(load_design(CAFE), out, BriefOptions(sections=("guests",)), feedback=feedback)
    brief = read(out, len(PdfReader(out).pages))
    assert outline_titles(brief) == ["What guests say"]
    assert squash(SATURDAY) in brief.squashed


def test_guests_is_a_section_after_the_journey() -> None:
    assert SECTIONS.index("guests") == SECTIONS.index("journey") + 1


def test_hostile_comments_print_exactly_as_typed(tmp_path: Path) -> None:
    design = hostile_design()
    rows = ["Score,Touchpoint,Date,Comment"]
    for i, comment in enumerate(HOSTILE_COMMENTS):
        quoted = comment.replace('"', '""')
        rows.append(f'{i},{["arrive", "drink", "leave"][i % 3]},2024-03-1{i},"{quoted}"')
    rows.append(f'10,drink,2024-03-20,"{LONG_COMMENT}"')
    rows += ["9,leave,,"] * 3
    csv = tmp_path / "survey.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    imported = import_csv(csv, design)
    assert not imported.skipped
    out = tmp_path / "hostile.pdf"
    pages = export_brief(design, out, feedback=imported.feedback)
    brief = read(out, pages)
    assert "What guests say" in brief.text
    for comment in HOSTILE_COMMENTS:
        assert squash(comment) in brief.squashed, comment
    assert squash(LONG_COMMENT[:275]) in brief.squashed  # cut at 280 by the import, wrapped
    # The user's markup did not become markup: nothing is set at 40 points.
    assert "BIG" in brief.text and largest_type(brief, "BIG") < 12
    assert squash("Arrive <br/> & smile") in brief.squashed  # a hostile touchpoint name
    # Every touchpoint has fewer than 30 answers: the chart says so in its legend.
    assert "Fewer than 30 answers" in brief.text


def largest_type(brief: Brief, word: str) -> float:
    """The largest size, in points, that any run of text holding `word` is set in."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if word in text:
            sizes.append(size * abs(tm[3]) * abs(cm[3]))

    for page in brief.reader.pages:
        page.extract_text(visitor_text=visit)
    assert sizes, f"{word!r} was not found"
    return max(sizes)


def many_steps(n: int) -> tuple[Design, Feedback]:
    """A long journey where every step has answers and a long comment or two."""
    touchpoints = [
        Touchpoint(f"t{i:03d}", f"Step number {i}", "during", None, [f"t{i + 1:03d}"], 1)
        for i in range(n)
    ]
    touchpoints[-1].next = []
    design = Design(title="Long", theme=Theme("Long"), touchpoints=touchpoints)
    buckets = {}
    for i in range(n):
        scores = [0] * 11
        scores[i % 11] = 20 + i
        scores[10] += 12
        comments = [
            Comment(i % 11, f"Comment at step {i}: " + "it went on and on " * 12, "2024-05-01"),
            Comment(10, f"Lovely step {i}", None),
        ]
        buckets[f"t{i:03d}"] = TouchpointFeedback(scores, comments)
    source = Source("s.csv", "0" * 64, "2024-06-01", 10, 10, 0)
    return design, Feedback(source, Columns("score", "tp", "date", "comment"), buckets)


def test_long_tables_split_across_pages_with_their_heads(tmp_path: Path) -> None:
    design, feedback = many_steps(70)
    out = tmp_path / "long.pdf"
    pages = export_brief(design, out, BriefOptions(sections=("guests",)), feedback=feedback)
    brief = read(out, pages)
    texts = [page.extract_text() for page in brief.reader.pages]
    assert sum("Detractors" in t for t in texts) >= 2  # the NPS table's head, repeated
    assert sum("What the guest wrote" in t for t in texts) >= 2
    for i in (0, 35, 69):
        assert squash(f"Comment at step {i}: " + "it went on and on " * 12) in brief.squashed
    # A heading never ends a page.
    for heading in ("Net Promoter Score by step", "In guests’ own words"):
        page = texts[page_of(brief, heading)]
        assert not squash(page).endswith(squash(heading)), heading


def test_a_broken_side_file_exits_2_with_its_location(tmp_path: Path) -> None:
    design = tmp_path / "cafe.yaml"
    shutil.copy(CAFE, design)
    side = tmp_path / "cafe.feedback.yaml"
    side.write_text("cuecraft-feedback: 1\nsource: [unclosed\n", encoding="utf-8")
    out = tmp_path / "brief.pdf"
    result = cuecraft(str(design), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{side}:"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_side_file_beside_a_copy_is_found_by_the_cli(tmp_path: Path) -> None:
    design = tmp_path / "cafe.yaml"
    shutil.copy(CAFE, design)
    shutil.copy(DESIGNS / "rainforest-cafe.feedback.yaml", tmp_path / "cafe.feedback.yaml")
    out = tmp_path / "brief.pdf"
    result = cuecraft(str(design), "-o", str(out), "--sections", "journey")
    assert result.returncode == 0, result.stderr
    assert CHECK_IN_NPS in "".join(p.extract_text() for p in PdfReader(out).pages)


ExportFn = Callable[..., Brief]


def test_export_without_feedback_is_unchanged(export: ExportFn) -> None:
    brief = export("rainforest-cafe")
    assert "What guests say" not in brief.text and "FBK" not in brief.text


def test_the_workbench_export_job_passes_the_feedback_on(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    from cuecraft.gui.export_job import ExportJob

    out = tmp_path / "brief.pdf"
    job = ExportJob(
        load_design(CAFE), out, BriefOptions(sections=("journey",)), feedback_for_design(CAFE)
    )
    job.run()  # on this thread: the dialog runs it as a QThread
    assert job.outcome == ""
    assert CHECK_IN_NPS in "".join(p.extract_text() for p in PdfReader(out).pages)
