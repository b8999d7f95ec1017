"""`cuecraft export` as a user runs it: exit 0 with the path, or exit 2 with one clear line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from tests.brief.conftest import DESIGNS

EXAMPLE = str(DESIGNS / "agency-client-journey.yaml")


def cuecraft(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cuecraft.cli", "export", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_export_writes_the_pdf_and_prints_its_path(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    result = cuecraft(EXAMPLE, "-o", str(out), "--paper", "letter", "--accent", "#7A2E8E")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert len(PdfReader(out).pages) >= 10


def test_export_with_chosen_sections(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    result = cuecraft(EXAMPLE, "-o", str(out), "--sections", "cover,elimination")
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Elimination plan" in text and "Sensory map" not in text


def test_an_unreadable_design_exits_2_with_its_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("cuecraft: 1\ntitle: [unclosed\n", encoding="utf-8")
    out = tmp_path / "brief.pdf"
    result = cuecraft(str(bad), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:")
    assert not out.exists()
    missing = cuecraft(str(tmp_path / "nope.yaml"), "-o", str(out))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_bad_options_exit_2_with_one_clear_line(tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    logo = tmp_path / "logo.gif"
    logo.write_bytes(b"GIF89a" + b"\x00" * 20)
    for args, words in (
        (["--logo", str(logo)], "not a PNG or JPEG"),
        (["--accent", "teal"], "#RRGGBB"),
        (["--sections", "summary,nope"], "unknown section “nope”"),
    ):
        result = cuecraft(EXAMPLE, "-o", str(out), *args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert words in result.stderr
        assert not out.exists()


def test_an_unwritable_output_exits_2(tmp_path: Path) -> None:
    result = cuecraft(EXAMPLE, "-o", str(tmp_path / "no" / "such" / "brief.pdf"))
    assert result.returncode == 2
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr
