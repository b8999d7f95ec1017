"""`cuecraft new`, `templates`, `fmt` and `--version` as a user runs them."""

from __future__ import annotations

import subprocess
import sys

from cuecraft import __version__

HEAD = "cuecraft: 1\ntitle: T\ntheme:\n  name: N\n"


def cuecraft(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cuecraft.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


def test_version_and_help():
    assert cuecraft("--version").stdout.strip() == f"cuecraft {__version__}"
    for command in ("check", "export", "new", "templates", "fmt"):
        result = cuecraft(command, "--help")
        assert result.returncode == 0 and "usage: cuecraft " + command in result.stdout


def test_templates_are_listed_blank_first():
    lines = cuecraft("templates").stdout.splitlines()
    names = [line.split()[0] for line in lines]
    assert names[0] == "blank"
    assert {"cafe", "retail-store", "venue", "workshop"} <= set(names)


def test_new_from_a_template_writes_a_design_that_checks(tmp_path):
    target = tmp_path / "my-cafe.yaml"
    result = cuecraft("new", str(target), "--template", "cafe")
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("cuecraft: 1\n")
    assert cuecraft("check", str(target)).returncode == 0
    again = cuecraft("new", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr
    wrong = cuecraft("new", str(tmp_path / "x.yaml"), "--template", "cafee")
    assert wrong.returncode == 2 and "“cafee”" in wrong.stderr


def test_fmt_rewrites_and_check_reports(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("# my notes\ncuecraft: 1\ntheme: {name: N}\ntitle:   T\n", encoding="utf-8")
    check = cuecraft("fmt", "--check", str(path))
    assert check.returncode == 1 and "would be reformatted" in check.stdout
    assert cuecraft("fmt", str(path)).returncode == 0
    assert path.read_text(encoding="utf-8").startswith("# my notes\ncuecraft: 1\ntitle: T\n")
    assert cuecraft("fmt", "--check", str(path)).returncode == 0


def test_fmt_on_an_unreadable_file_exits_2_and_writes_nothing(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + "cues: [\n", encoding="utf-8")
    result = cuecraft("fmt", str(path))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:6:1: not valid YAML")
    assert path.read_text(encoding="utf-8") == HEAD + "cues: [\n"


def test_fmt_keeps_comments_and_drops_them_only_when_asked(tmp_path):
    path = tmp_path / "d.yaml"
    source = "# header\ncuecraft: 1\ntitle:   T  # the working title\ntheme: {name: N}\n"
    path.write_text(source, encoding="utf-8")
    result = cuecraft("fmt", str(path))
    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == (
        "# header\ncuecraft: 1\ntitle: T  # the working title\ntheme:\n"
        "  name: N\nzones: []\ntouchpoints: []\ncues: []\nlayers: []\nsouvenirs: []\n"
    )
    assert cuecraft("fmt", "--check", str(path)).returncode == 0
    assert cuecraft("fmt", "--drop-comments", str(path)).returncode == 0
    assert (
        path.read_text(encoding="utf-8") == "# header\ncuecraft: 1\ntitle: T\ntheme:\n"
        "  name: N\nzones: []\ntouchpoints: []\ncues: []\nlayers: []\nsouvenirs: []\n"
    )


def test_new_gives_the_template_in_the_language_asked(tmp_path):
    for lang, tag, word in (("pl", "language: pl", "ą"), ("zh", "language: zh", "的")):
        target = tmp_path / f"cafe-{lang}.yaml"
        result = cuecraft("new", str(target), "--template", "cafe", "--lang", lang)
        assert result.returncode == 0, result.stderr
        text = target.read_text(encoding="utf-8")
        assert tag in text and word in text
        assert cuecraft("check", str(target)).returncode == 0
    listed = cuecraft("templates", "--lang", "pl").stdout
    assert "blank" in listed and listed != cuecraft("templates").stdout


def test_fmt_leaves_a_feedback_side_file_alone(tmp_path):
    design = tmp_path / "cafe.yaml"
    design.write_text(HEAD, encoding="utf-8")
    side = tmp_path / "cafe.feedback.yaml"
    side.write_text("cuecraft-feedback: 1\nsource: {}\n", encoding="utf-8")
    result = cuecraft("fmt", "--check", str(design), str(side))
    assert result.returncode == 1  # the design is not canonical yet; the side file is no error
    assert "cafe.feedback.yaml" in result.stderr
    assert side.read_text(encoding="utf-8") == "cuecraft-feedback: 1\nsource: {}\n"
