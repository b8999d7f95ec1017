"""`cuecraft check` as editors, CI and users run it: a real subprocess on real files."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

# A small design with no findings at all (the tea house of tests/core/conftest.py).
CLEAN = """\
cuecraft: 1
title: Forest tea house
theme:
  name: Tea in the forest
  motifs: [forest, tea]
  avoid: [plastic]
zones:
  - id: garden
    sees: [pavilion]
  - id: pavilion
  - id: shop
touchpoints:
  - id: invite
    phase: before
    next: [arrive]
    emotion: 1
  - id: arrive
    phase: before
    zone: garden
    next: [tasting]
    emotion: 2
  - id: tasting
    phase: during
    zone: pavilion
    next: [farewell]
    emotion: 3
  - id: farewell
    phase: after
    zone: shop
    next: [invite]
    emotion: 2
cues:
  - id: letter
    text: A hand-written letter
    senses: [touch]
    motifs: [tea]
    at: [invite]
  - id: lanterns
    text: Paper lanterns
    senses: [sight]
    motifs: [forest]
    at: [garden, shop]
  - id: birdsong
    text: Birdsong
    senses: [sound]
    motifs: [forest]
    at: [garden]
    conflicts: [traffic]
  - id: steam
    text: Steam and scent of tea
    senses: [smell, taste]
    motifs: [tea]
    at: [pavilion]
  - id: traffic
    text: Traffic noise
    polarity: negative
    senses: [sound]
    at: [shop]
    severity: medium
    remedy: Plant a hedge
souvenirs:
  - id: tea-tin
    name: A tin of the house tea
    motifs: [tea]
    evokes: [steam]
    at: [farewell]
"""


def variant(*edits: tuple[str, str]) -> str:
    """CLEAN with each (old, new) replaced; every `old` must occur exactly once."""
    text = CLEAN
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


# Only warnings: the lanterns carry no theme motif (THM001), the shop tin is gone (MEM003
# stays quiet), and the farewell has no return edge (JRN003).
WARNINGS_ONLY = variant(
    ("motifs: [forest]\n    at: [garden, shop]", "motifs: [paper]\n    at: [garden, shop]"),
    ("next: [invite]\n", "next: []\n"),
)

# Errors of three principles: REF001, HAR001 (traffic now in the garden with the birdsong)
# and ELI002 (traffic is of high severity), plus a warning (ELI001: no remedy).
WITH_ERRORS = variant(
    ("at: [farewell]", "at: [shop, farewel]"),
    (
        "    at: [shop]\n    severity: medium\n    remedy: Plant a hedge\n",
        "    at: [garden, shop]\n    severity: high\n    owner: garden team\n",
    ),
)

# A key the format does not know, line 11 column 5.
SCHEMA_ERROR = variant(("  - id: pavilion\n", "  - id: pavilion\n    nmae: P\n"))

BAD_YAML = "cuecraft: 1\ntitle: Broken\ntheme:\n  name: N\ncues: [\n"

FINDING_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{3}\d{3}) .+$")
SCORE_LINE = re.compile(
    r"^(?P<file>.+?): score (?P<overall>\d+)/100 \(theme \d+ · harmonize \d+ · "
    r"eliminate \d+ · memorabilia \d+ · senses \d+ · journey \d+\); "
    r"(?P<errors>\d+) errors?, (?P<warnings>\d+) warnings?, (?P<info>\d+) info$"
)
PRINCIPLE_ORDER = ("REF", "THM", "HAR", "ELI", "MEM", "SEN", "JRN")
PRINCIPLES = ("theme", "harmonize", "eliminate", "memorabilia", "senses", "journey")
ANSI = "\x1b["


def cuecraft(*args: str, cwd=None) -> subprocess.CompletedProcess[str]:
    """Run the command line as a user does; stdout and stderr are pipes, not a terminal."""
    return subprocess.run(
        [sys.executable, "-m", "cuecraft.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def write(tmp_path):
    """Write a design to tmp_path and return its path as text."""

    def _write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return _write


def finding_lines(stdout: str) -> list[re.Match[str]]:
    return [m for line in stdout.splitlines() if (m := FINDING_LINE.match(line))]


def codes(stdout: str) -> list[str]:
    return [m["code"] for m in finding_lines(stdout)]


def line_of(text: str, fragment: str) -> int:
    """1-based number of the only line of `text` containing `fragment`."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    assert len(hits) == 1, fragment
    return hits[0]


# -- text output and exit codes -----------------------------------------------------


def test_clean_design_exits_0_with_only_the_scorecard(write):
    path = write("clean.yaml", CLEAN)
    result = cuecraft("check", path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    score = SCORE_LINE.match(lines[0])
    assert score, lines[0]
    assert score["file"] == path
    assert int(score["overall"]) > 0
    assert (score["errors"], score["warnings"], score["info"]) == ("0", "0", "0")


def test_warnings_only_exit_0(write):
    path = write("warn.yaml", WARNINGS_ONLY)
    result = cuecraft("check", path)
    assert result.returncode == 0
    assert codes(result.stdout) == ["THM001", "JRN003"]
    assert SCORE_LINE.match(result.stdout.splitlines()[-1])


def test_error_findings_exit_1(write):
    path = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", path)
    assert result.returncode == 1
    assert codes(result.stdout) == ["REF001", "HAR001", "ELI001", "ELI002"]


def test_text_lines_are_file_line_col_code_message_then_scorecard(write):
    path = write("errors.yaml", WITH_ERRORS)
    lines = cuecraft("check", path).stdout.splitlines()
    *findings, last = lines
    for line in findings:
        match = FINDING_LINE.match(line)
        assert match, line
        assert match["file"] == path
    score = SCORE_LINE.match(last)
    assert score, last
    assert (score["errors"], score["warnings"]) == ("3", "1")
    assert score["overall"] == "0"  # ELI002: 6 − 1 = 0


def test_text_lines_are_in_principle_order(write):
    path = write("errors.yaml", WITH_ERRORS)
    found = codes(cuecraft("check", path).stdout)
    ranks = [PRINCIPLE_ORDER.index(code[:3]) for code in found]
    assert ranks == sorted(ranks)


def test_locations_point_into_the_file(write):
    path = write("errors.yaml", WITH_ERRORS)
    by_code = {m["code"]: m for m in finding_lines(cuecraft("check", path).stdout)}
    ref = by_code["REF001"]
    assert int(ref["line"]) == line_of(WITH_ERRORS, "farewel]")
    column = WITH_ERRORS.splitlines()[int(ref["line"]) - 1].index("farewel]") + 1
    assert int(ref["col"]) == column
    assert int(by_code["ELI002"]["line"]) == line_of(WITH_ERRORS, "id: traffic")
    assert int(by_code["HAR001"]["line"]) == line_of(WITH_ERRORS, "id: birdsong")


def test_eli002_line_names_the_path(write):
    path = write("errors.yaml", WITH_ERRORS)
    (line,) = [
        m.group(0) for m in finding_lines(cuecraft("check", path).stdout) if m["code"] == "ELI002"
    ]
    assert "invite → arrive → tasting → farewell" in line


# -- unreadable input: exit 2, FILE:LINE:COL: message on stderr ----------------------


def test_bad_yaml_exits_2_with_located_message_on_stderr(write):
    path = write("bad.yaml", BAD_YAML)
    result = cuecraft("check", path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert re.match(rf"^{re.escape(path)}:\d+:\d+: .+", result.stderr), result.stderr
    assert result.stderr.startswith(f"{path}:6:1: not valid YAML")


def test_missing_file_exits_2(tmp_path):
    path = str(tmp_path / "nowhere.yaml")
    result = cuecraft("check", path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{path}:1:1: no such file"


def test_schema_error_exits_2_with_its_location(write):
    path = write("schema.yaml", SCHEMA_ERROR)
    result = cuecraft("check", path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{path}:11:5: unknown key “nmae”; did you mean “name”?")


def test_unreadable_file_wins_over_findings_in_other_files(write):
    bad = write("bad.yaml", BAD_YAML)
    errors = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", errors, bad)
    assert result.returncode == 2
    assert codes(result.stdout)[:1] == ["REF001"]  # the readable file is still checked
    assert result.stderr.startswith(f"{bad}:")


# -- --select and --ignore ----------------------------------------------------------


def test_select_a_prefix(write):
    path = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", path, "--select", "ELI")
    assert codes(result.stdout) == ["ELI001", "ELI002"]
    assert result.returncode == 1


def test_select_a_full_code(write):
    path = write("errors.yaml", WITH_ERRORS)
    assert codes(cuecraft("check", path, "--select", "ELI001").stdout) == ["ELI001"]


def test_select_several_and_lowercase(write):
    path = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", path, "--select", "ref,har001")
    assert codes(result.stdout) == ["REF001", "HAR001"]


def test_select_only_warnings_exits_0(write):
    path = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", path, "--select", "ELI001")
    assert result.returncode == 0


def test_ignore(write):
    path = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", path, "--ignore", "REF001,HAR")
    assert codes(result.stdout) == ["ELI001", "ELI002"]
    assert result.returncode == 1


def test_select_and_ignore_together(write):
    path = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", path, "--select", "ELI", "--ignore", "ELI002")
    assert codes(result.stdout) == ["ELI001"]
    assert result.returncode == 0


def test_ignore_does_not_flatter_the_scorecard(write):
    path = write("errors.yaml", WITH_ERRORS)
    full = cuecraft("check", path).stdout.splitlines()[-1]
    ignored = cuecraft("check", path, "--ignore", "ELI").stdout.splitlines()[-1]
    assert SCORE_LINE.match(full)["overall"] == SCORE_LINE.match(ignored)["overall"] == "0"


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_code_exits_2(write, option):
    path = write("clean.yaml", CLEAN)
    result = cuecraft("check", path, option, "XYZ001")
    assert result.returncode == 2
    assert "XYZ001" in result.stderr
    assert result.stdout == ""


def test_unknown_code_among_known_ones_exits_2(write):
    path = write("clean.yaml", CLEAN)
    result = cuecraft("check", path, "--select", "ELI,ELI009")
    assert result.returncode == 2
    assert "ELI009" in result.stderr


# -- colour -------------------------------------------------------------------------


def test_no_colour_codes_when_piped(write):
    path = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", path)
    assert ANSI not in result.stdout
    assert ANSI not in result.stderr


def test_colour_on_request(write):
    path = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", path, "--color", "always")
    assert ANSI in result.stdout
    assert ANSI not in cuecraft("check", path, "--color", "never").stdout


# -- several files ------------------------------------------------------------------


def test_several_files_in_one_call(write):
    clean = write("clean.yaml", CLEAN)
    errors = write("errors.yaml", WITH_ERRORS)
    warn = write("warn.yaml", WARNINGS_ONLY)
    result = cuecraft("check", clean, errors, warn)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    scores = [SCORE_LINE.match(line)["file"] for line in lines if SCORE_LINE.match(line)]
    assert scores == [clean, errors, warn]
    # Each file's findings, then its scorecard, file after file.
    owners = [
        (m["file"], "finding")
        if (m := FINDING_LINE.match(line))
        else (SCORE_LINE.match(line)["file"], "score")
        for line in lines
    ]
    assert owners == [
        (clean, "score"),
        *[(errors, "finding")] * 4, (errors, "score"),
        *[(warn, "finding")] * 2, (warn, "score"),
    ]  # fmt: skip


def test_several_clean_files_exit_0(write):
    first = write("a.yaml", CLEAN)
    second = write("b.yaml", WARNINGS_ONLY)
    assert cuecraft("check", first, second).returncode == 0


# -- JSON ---------------------------------------------------------------------------


FINDING_KEYS = {
    "code",
    "severity",
    "principle",
    "message",
    "ids",
    "line",
    "column",
    "hint",
    "fields",
}
PRINCIPLE_NAMES = {"references", *PRINCIPLES}


def validate_report(document: object) -> None:
    """The shape documented in docs/check-json.md, checked by hand."""
    assert isinstance(document, dict)
    assert set(document) == {"cuecraft-check", "files"}
    assert document["cuecraft-check"] == 1
    assert isinstance(document["files"], list)
    for entry in document["files"]:
        assert isinstance(entry, dict)
        assert isinstance(entry["file"], str)
        if "error" in entry:
            assert set(entry) == {"file", "error"}
            assert isinstance(entry["error"], list) and entry["error"]
            for problem in entry["error"]:
                assert set(problem) == {"message", "line", "column", "path"}
                assert isinstance(problem["message"], str) and problem["message"]
                assert isinstance(problem["line"], int) and problem["line"] >= 1
                assert isinstance(problem["column"], int) and problem["column"] >= 1
                assert isinstance(problem["path"], str)
            continue
        assert set(entry) == {"file", "findings", "scorecard"}
        for finding in entry["findings"]:
            assert set(finding) == FINDING_KEYS
            assert re.fullmatch(r"[A-Z]{3}\d{3}", finding["code"])
            assert finding["severity"] in {"error", "warning", "info"}
            assert finding["principle"] in PRINCIPLE_NAMES
            assert isinstance(finding["message"], str) and finding["message"]
            assert isinstance(finding["ids"], list)
            assert all(isinstance(i, str) for i in finding["ids"])
            assert isinstance(finding["line"], int) and finding["line"] >= 1
            assert isinstance(finding["column"], int) and finding["column"] >= 1
            assert isinstance(finding["hint"], str)
            assert isinstance(finding["fields"], list)
            assert all(isinstance(key, str) for key in finding["fields"])
        card = entry["scorecard"]
        assert set(card) == {"overall", "principles"}
        assert isinstance(card["overall"], int) and 0 <= card["overall"] <= 100
        assert list(card["principles"]) == list(PRINCIPLES)
        for value in card["principles"].values():
            assert isinstance(value, int) and 0 <= value <= 100


def test_json_output_has_the_documented_shape(write):
    clean = write("clean.yaml", CLEAN)
    errors = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", "--format", "json", clean, errors)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    validate_report(document)
    first, second = document["files"]
    assert first == {"file": clean, "findings": [], "scorecard": first["scorecard"]}
    assert first["scorecard"]["overall"] > 0
    assert [f["code"] for f in second["findings"]] == ["REF001", "HAR001", "ELI001", "ELI002"]
    assert second["scorecard"]["overall"] == 0
    assert second["scorecard"]["principles"]["eliminate"] == 0


def test_json_finding_fields(write):
    errors = write("errors.yaml", WITH_ERRORS)
    document = json.loads(cuecraft("check", "--format", "json", errors).stdout)
    (eli002,) = [f for f in document["files"][0]["findings"] if f["code"] == "ELI002"]
    assert eli002["severity"] == "error"
    assert eli002["principle"] == "eliminate"
    assert eli002["ids"] == ["traffic"]
    assert eli002["line"] == line_of(WITH_ERRORS, "id: traffic")
    assert eli002["column"] == 5
    assert "6 − 1 = 0" in eli002["message"]  # written as-is, not escaped
    (ref,) = [f for f in document["files"][0]["findings"] if f["code"] == "REF001"]
    assert ref["principle"] == "references"
    assert ref["ids"] == ["tea-tin", "farewel"]
    assert ref["hint"] == "did you mean “farewell”?"


def test_json_is_not_mixed_with_text(write):
    errors = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", "--format", "json", errors)
    assert result.stdout.lstrip().startswith("{")
    assert "score" not in result.stdout.split("\n")[0]
    assert ANSI not in result.stdout
    assert "6 − 1 = 0" in result.stdout


def test_json_for_an_unreadable_file(write, tmp_path):
    bad = write("bad.yaml", BAD_YAML)
    missing = str(tmp_path / "missing.yaml")
    clean = write("clean.yaml", CLEAN)
    result = cuecraft("check", "--format", "json", bad, missing, clean)
    assert result.returncode == 2
    document = json.loads(result.stdout)
    validate_report(document)
    entries = document["files"]
    assert [e["file"] for e in entries] == [bad, missing, clean]
    assert entries[0]["error"][0]["line"] == 6
    assert entries[0]["error"][0]["message"].startswith("not valid YAML")
    assert entries[1]["error"] == [{"message": "no such file", "line": 1, "column": 1, "path": ""}]
    assert "findings" in entries[2]
    assert result.stderr.startswith(f"{bad}:6:1: ")


def test_json_schema_error_carries_its_path(write):
    path = write("schema.yaml", SCHEMA_ERROR)
    document = json.loads(cuecraft("check", "--format", "json", path).stdout)
    validate_report(document)
    (problem,) = document["files"][0]["error"]
    assert problem["path"] == "zones[1].nmae"
    assert (problem["line"], problem["column"]) == (11, 5)


def test_json_respects_select(write):
    errors = write("errors.yaml", WITH_ERRORS)
    result = cuecraft("check", "--format", "json", "--select", "ELI", errors)
    document = json.loads(result.stdout)
    validate_report(document)
    assert [f["code"] for f in document["files"][0]["findings"]] == ["ELI001", "ELI002"]
    assert document["files"][0]["scorecard"]["overall"] == 0


def test_validator_rejects_a_wrong_shape():
    with pytest.raises(AssertionError):
        validate_report({"cuecraft-check": 1, "files": [{"file": "x", "findings": []}]})
    with pytest.raises(AssertionError):
        validate_report({"cuecraft-check": 2, "files": []})
