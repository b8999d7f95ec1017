"""Options, progress, cancel, and the file on disk: a failed or cancelled export writes nothing."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest
from bench.generate import generate
from PIL import Image
from pypdf import PdfReader
from tests.brief.conftest import DESIGNS, read

from cuecraft.brief import (
    BriefCancelled,
    BriefError,
    BriefOptionError,
    BriefOptions,
    export_brief,
    parse_sections,
)
from cuecraft.core.fileformat import load_design


@pytest.fixture(scope="module")
def small():
    return load_design(DESIGNS / "museum-exhibition.yaml")


def make_image(path: Path, fmt: str) -> Path:
    Image.new("RGB", (240, 90), (200, 40, 60)).save(path, fmt)
    return path


@pytest.mark.parametrize("fmt, suffix", [("PNG", "png"), ("JPEG", "jpg")])
def test_a_png_or_jpeg_logo_is_placed_on_the_cover(tmp_path, small, fmt, suffix):
    logo = make_image(tmp_path / f"logo.{suffix}", fmt)
    out = tmp_path / "brief.pdf"
    export_brief(small, out, BriefOptions(logo=logo, sections=("cover",)))
    cover = PdfReader(out).pages[0]
    images = list(cover.images)
    assert len(images) == 1 and images[0].image is not None
    assert images[0].image.size == (240, 90)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"just some text, not an image", "not a PNG or JPEG"),
        (b"GIF89a" + b"\x00" * 40, "not a PNG or JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, "broken image"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 30, "broken image"),
    ],
)
def test_a_logo_that_is_not_a_readable_png_or_jpeg_is_refused(tmp_path, small, content, message):
    logo = tmp_path / "logo.png"
    logo.write_bytes(content)
    out = tmp_path / "brief.pdf"
    with pytest.raises(BriefOptionError, match=message):
        export_brief(small, out, BriefOptions(logo=logo))
    assert not out.exists()


def test_a_truncated_png_logo_is_refused(tmp_path, small):
    good = make_image(tmp_path / "good.png", "PNG").read_bytes()
    logo = tmp_path / "cut.png"
    logo.write_bytes(good[: len(good) // 2])
    with pytest.raises(BriefOptionError, match="broken image"):
        export_brief(small, tmp_path / "brief.pdf", BriefOptions(logo=logo))


def test_a_missing_logo_is_refused(tmp_path, small):
    with pytest.raises(BriefOptionError, match="does not exist"):
        export_brief(small, tmp_path / "b.pdf", BriefOptions(logo=tmp_path / "nope.png"))


@pytest.mark.parametrize("accent", ["red", "#12345", "#GGGGGG", "0F6E6A", ""])
def test_a_bad_accent_is_refused(tmp_path, small, accent):
    with pytest.raises(BriefOptionError, match="#RRGGBB"):
        export_brief(small, tmp_path / "b.pdf", BriefOptions(accent=accent))


def test_sections_are_validated_and_put_in_brief_order():
    assert parse_sections("graph, summary") == ("summary", "graph")
    with pytest.raises(BriefOptionError, match="unknown section “sumary”"):
        parse_sections("sumary,graph")
    with pytest.raises(BriefOptionError, match="no section"):
        parse_sections(" , ")


def test_letter_paper_a_pale_accent_and_a_fixed_date(tmp_path, small):
    out = tmp_path / "letter.pdf"
    options = BriefOptions(paper="letter", accent="#F2E8A0", date=dt.date(2025, 3, 9))
    export_brief(small, out, options)
    brief = read(out, 0)
    box = brief.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "9 March 2025" in brief.text


def test_progress_rises_to_done_and_cancel_leaves_no_file(tmp_path, small):
    calls: list[tuple[int, int]] = []
    out = tmp_path / "brief.pdf"
    export_brief(small, out, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)

    target = tmp_path / "cancelled.pdf"
    seen = []

    def cancel() -> bool:
        seen.append(1)
        return len(seen) > 5

    with pytest.raises(BriefCancelled):
        export_brief(small, target, cancel=cancel)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]  # no temporary file left


def test_a_cancelled_export_leaves_the_previous_brief_untouched(tmp_path, small):
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"previous brief")
    with pytest.raises(BriefCancelled):
        export_brief(small, out, cancel=lambda: True)
    assert out.read_bytes() == b"previous brief"


def test_an_unwritable_place_is_a_brief_error(tmp_path, small):
    with pytest.raises(BriefError, match="does not exist"):
        export_brief(small, tmp_path / "missing" / "brief.pdf")
    with pytest.raises(BriefError, match="is a folder"):
        export_brief(small, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_a_brief_error(tmp_path, small):  # pragma: no cover - not as root
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BriefError, match="permission denied"):
            export_brief(small, folder / "brief.pdf")
    finally:
        folder.chmod(0o700)


def test_two_exports_on_background_threads_both_succeed(tmp_path, small):
    results: dict[str, int] = {}

    def run(name: str) -> None:
        results[name] = export_brief(small, tmp_path / f"{name}.pdf")

    threads = [threading.Thread(target=run, args=(n,)) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results["a"] == results["b"] > 5
    assert len(PdfReader(tmp_path / "a.pdf").pages) == results["a"]


def test_a_1000_cue_design_exports(tmp_path):
    design = generate(1000, 200, 50)
    out = tmp_path / "big.pdf"
    pages = export_brief(design, out)
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    assert 40 <= pages <= 200
    last_cue = design.cues[-1].text.split()[-1]  # "(#999)"
    texts = [reader.pages[i].extract_text() for i in range(pages)]
    assert any(last_cue in t for t in texts)
    # The graph closes the brief: too many cues for one drawing, a matrix over pages.
    last = [item for item in reader.outline if not isinstance(item, list)][-1]
    assert last.title == "Design graph"
    assert pages - 30 < reader.get_destination_page_number(last) < pages
