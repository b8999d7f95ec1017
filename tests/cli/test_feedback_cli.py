"""`cuecraft feedback import|show` as users run it: a real process on real files.

Until `cuecraft.cli` registers the subcommand, the same code runs as
`python -m cuecraft.feedbackcmd ...` (its `main` takes the words after `feedback`).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cuecraft.core.feedback import load_feedback
from cuecraft.feedbackcmd import main

DESIGN = """\
cuecraft: 1
title: Hotpot house
theme:
  name: Warm welcome
zones:
  - id: hall
touchpoints:
  - id: arrive
    name: Arrival and greeting
    phase: before
    next: [wait]
    emotion: 2
  - id: wait
    name: Czekanie na stolik
    phase: during
    zone: hall
    next: [pay]
  - id: pay
    name: 结账
    phase: after
cues:
  - id: noise
    text: Kitchen noise in the hall
    polarity: negative
    at: [hall]
    remedy: Sound panels
"""

SURVEY = (
    "\ufeffSygnatura czasowa;Jak prawdopodobne jest, że polecisz nas znajomym?;Etap;Komentarz\n"
    + "".join(f'2024-03-{1 + i % 28:02d} 12:00;2;wait;"Długo, {i} minut"\n' for i in range(20))
    + "".join(f"2024-03-{1 + i % 28:02d};3;Arrival and greeting;\n" for i in range(30))
    + "2024-03-05;10;结账;服务很好\n"
    + "2024-03-05;x;pay;zła ocena\n"
    + "wczoraj;9;pay;zła data\n"
    + "2024-03-06;8;Parking;\n"
)


def cuecraft_feedback(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cuecraft.feedbackcmd", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "hotpot.yaml").write_text(DESIGN, encoding="utf-8")
    (tmp_path / "survey.csv").write_text(SURVEY, encoding="utf-8")
    return tmp_path


def test_import_writes_the_side_file_and_reports(files):
    result = cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=files)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("wrote hotpot.feedback.yaml: 52 of 54 rows imported from survey.csv")
    assert "2 skipped" in out
    assert 'score = "Jak prawdopodobne jest, że polecisz nas znajomym?"' in out
    assert "overall NPS -94 (95% CI" in out
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line[:1].isalpha()}
    assert rows["arrive"][1:4] == ["+2", "30", "-100"]
    assert rows["wait"][1:3] == ["20", "-100"]
    assert rows["pay"][1:3] == ["1", "+100"]
    assert "Parking (not in the design)" in out
    assert "hotpot.yaml:8:5: FBK001 detractor hotspot: guests give “arrive”" in out
    assert "hotpot.yaml:8:5: FBK002 blind spot" in out
    assert "FBK004 the feedback names the touchpoint “Parking”" in out
    assert result.stderr.splitlines() == [
        "survey.csv:53: score “x” is not a whole number from 0 to 10",
        "survey.csv:54: date “wczoraj” is not a date (write it as YYYY-MM-DD)",
        "survey.csv:55: the touchpoint “Parking” is neither an id nor a name in the design "
        "(1 row; kept apart, see FBK004)",
    ]
    feedback = load_feedback(files / "hotpot.feedback.yaml")
    assert feedback.nps_at("wait").responses == 20
    assert feedback.source.skipped == 2


def test_reimport_gives_the_same_bytes_and_replaces_the_old(files):
    assert cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=files).returncode == 0
    first = (files / "hotpot.feedback.yaml").read_bytes()
    assert cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=files).returncode == 0
    assert (files / "hotpot.feedback.yaml").read_bytes() == first
    (files / "other.csv").write_text("score,stage\n10,pay\n", encoding="utf-8")
    assert cuecraft_feedback("import", "hotpot.yaml", "other.csv", cwd=files).returncode == 0
    assert load_feedback(files / "hotpot.feedback.yaml").overall.responses == 1


def test_explicit_mapping_and_delimiter(files):
    (files / "q.csv").write_text("Q1|Q2|Q3\n9|pay|dobrze\n3|wait|źle\n", encoding="utf-8")
    result = cuecraft_feedback(
        "import",
        "hotpot.yaml",
        "q.csv",
        "--map",
        "score=Q1,touchpoint=Q2",
        "--map",
        "comment=3",
        "--delimiter",
        "|",
        cwd=files,
    )
    assert result.returncode == 0, result.stderr
    feedback = load_feedback(files / "hotpot.feedback.yaml")
    assert feedback.columns.as_dict() == {
        "score": "Q1",
        "touchpoint": "Q2",
        "persona": None,
        "date": None,
        "comment": "Q3",
    }
    assert feedback.touchpoints["wait"].comments[0].text == "źle"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.yaml", "survey.csv"], "missing.yaml:1:1: no such file"),
        (["hotpot.yaml", "missing.csv"], "missing.csv: no such file"),
        (["hotpot.yaml", "survey.csv", "--map", "score"], "ROLE=COLUMN"),
        (["hotpot.yaml", "survey.csv", "--map", "score=Q9"], "survey.csv:1: the CSV has no column"),
        (["hotpot.yaml", "survey.csv", "--encoding", "klingon"], "unknown encoding"),
    ],
)
def test_unreadable_inputs_exit_2(files, args, message):
    result = cuecraft_feedback("import", *args, cwd=files)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (files / "hotpot.feedback.yaml").exists()


def test_no_score_column_exits_2_and_names_the_way_out(files):
    (files / "q.csv").write_text("Q1,Q2\n9,a\n", encoding="utf-8")
    result = cuecraft_feedback("import", "hotpot.yaml", "q.csv", cwd=files)
    assert result.returncode == 2
    assert "no score column" in result.stderr and "--map score=COLUMN" in result.stderr
    assert not (files / "hotpot.feedback.yaml").exists()


def test_nothing_readable_writes_nothing(files):
    (files / "bad.csv").write_text("score,comment\nx,a\n12,b\n", encoding="utf-8")
    result = cuecraft_feedback("import", "hotpot.yaml", "bad.csv", cwd=files)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "bad.csv: no row could be read; nothing written"
    assert "bad.csv:2: score “x”" in result.stderr
    assert not (files / "hotpot.feedback.yaml").exists()


def test_a_broken_design_is_reported_with_its_location(files):
    (files / "broken.yaml").write_text("cuecraft: 1\ntitle: [\n", encoding="utf-8")
    result = cuecraft_feedback("import", "broken.yaml", "survey.csv", cwd=files)
    assert result.returncode == 2
    assert result.stderr.startswith("broken.yaml:")


def test_show_prints_the_table_and_comments(files):
    assert cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=files).returncode == 0
    result = cuecraft_feedback("show", "hotpot.yaml", "--comments", cwd=files)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("hotpot.feedback.yaml: from survey.csv (sha256 ")
    assert "52 answers, answered 2024-03-01 to 2024-03-28" in out
    assert "overall NPS -94" in out
    # The longest of the equally low comments come first: "10 minut" beats "0 minut".
    assert "wait:\n   2/10, 2024-03-11: Długo, 10 minut\n" in out
    assert "10/10, 2024-03-05: 服务很好" in out
    assert "FBK001" in out


def test_show_json(files):
    assert cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=files).returncode == 0
    result = cuecraft_feedback("show", "hotpot.yaml", "--format", "json", cwd=files)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["cuecraft-feedback-show"] == 1
    assert report["overall"]["responses"] == 52
    by_id = {tp["id"]: tp for tp in report["touchpoints"]}
    assert by_id["pay"]["nps"] == 100.0
    assert by_id["Parking"]["in_design"] is False
    assert "_overall" not in by_id  # every answer named a touchpoint
    assert {f["code"] for f in report["findings"]} == {"FBK001", "FBK002", "FBK004"}


def test_show_without_feedback_exits_2(files):
    result = cuecraft_feedback("show", "hotpot.yaml", cwd=files)
    assert result.returncode == 2
    assert "no feedback imported for hotpot.yaml" in result.stderr
    assert "cuecraft feedback import hotpot.yaml" in result.stderr


def test_show_with_a_broken_side_file_exits_2_with_its_location(files):
    (files / "hotpot.feedback.yaml").write_text("cuecraft-feedback: 9\n", encoding="utf-8")
    result = cuecraft_feedback("show", "hotpot.yaml", cwd=files)
    assert result.returncode == 2
    assert result.stderr.startswith("hotpot.feedback.yaml:1:20: ")
    assert "newer Cuecraft" in result.stderr


def test_main_in_process_accepts_the_feedback_word(files, capsys, monkeypatch):
    monkeypatch.chdir(files)
    assert main(["feedback", "import", "hotpot.yaml", "survey.csv"]) == 0
    assert main(["show", "hotpot.yaml"]) == 0
    out = capsys.readouterr().out
    assert out.count("overall NPS -94") == 2


def test_usage_errors_exit_2(files):
    result = cuecraft_feedback("import", "hotpot.yaml", cwd=files)
    assert result.returncode == 2
    assert "usage:" in result.stderr


# -- by persona (issue 16) ----------------------------------------------------------------

# The file lists pay first; the journey is arrive → wait → pay, the order persona tables use.
PERSONA_DESIGN = """\
cuecraft: 1
title: Hotpot house
theme:
  name: Warm welcome
touchpoints:
  - id: pay
    name: 结账
    phase: after
    emotion: 1
  - id: arrive
    name: Arrival and greeting
    phase: before
    next: [wait]
    emotion: 2
  - id: wait
    name: Czekanie na stolik
    phase: during
    next: [pay]
personas:
  - id: family
    name: Rodzina z maluchami
    share: 55
    skips: [wait]
    emotion: {pay: -2}
  - id: couple
    name: Para na randce
    share: 30
  - id: solo
"""

# family: 10, 9, 6 at arrive; 3 at pay; 9 at wait (which they skip) → 3 promoters,
#   2 detractors of 5: NPS +20; at arrive 2 promoters, 1 detractor of 3: +33.
# couple: 8, 10 at pay → 1 passive, 1 promoter: NPS +50.
# "Grupa firmowa": 2 at arrive → NPS −100. No persona: 9, 9 → NPS +100.
PERSONA_SURVEY = (
    "Ocena;Etap;Typ gościa\n"
    "10;arrive;family\n"
    "9;Arrival and greeting;Rodzina z maluchami\n"
    "6;arrive;FAMILY\n"
    "3;pay;rodzina  z maluchami\n"
    "9;wait;family\n"
    "8;pay;Para na randce\n"
    "10;pay;couple\n"
    "2;arrive;Grupa firmowa\n"
    "9;arrive;\n"
    "9;pay;\n"
)


@pytest.fixture
def persona_files(tmp_path: Path) -> Path:
    (tmp_path / "hotpot.yaml").write_text(PERSONA_DESIGN, encoding="utf-8")
    (tmp_path / "survey.csv").write_text(PERSONA_SURVEY, encoding="utf-8")
    return tmp_path


def table_rows(text: str, first: str) -> list[list[str]]:
    """The rows of the first table whose header starts with `first`, up to the blank line,
    as their non-blank cells (columns are two or more spaces apart)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split()[:1] == [first])
    rows = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        rows.append(re.split(r"\s{2,}", line.strip()))
    return rows


def test_import_reports_the_persona_column_and_the_values_that_name_no_persona(persona_files):
    result = cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=persona_files)
    assert result.returncode == 0, result.stderr
    assert 'persona = "Typ gościa"' in result.stdout
    assert result.stderr.splitlines() == [
        "survey.csv:9: the persona “Grupa firmowa” is neither the id nor the name of a persona "
        "in the design (1 row; kept apart under that name)"
    ]
    assert "Rodzina z maluchami (family)" in result.stdout
    feedback = load_feedback(persona_files / "hotpot.feedback.yaml")
    assert feedback.columns.persona == "Typ gościa"
    assert feedback.persona_nps("family").score == 20.0
    assert list(feedback.personas) == ["family", "couple", "Grupa firmowa"]


def test_show_lists_nps_per_persona_then_per_persona_and_touchpoint(persona_files):
    assert (
        cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=persona_files).returncode == 0
    )
    result = cuecraft_feedback("show", "hotpot.yaml", cwd=persona_files)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # persona, share, answers, NPS, 95% CI, promoters, passives, detractors
    assert table_rows(out, "persona") == [
        ["Rodzina z maluchami (family)", "55%", "5", "+20", "-49 to +74", "60%", "0%", "40%"],
        ["Para na randce (couple)", "30%", "2", "+50", "-39 to +79", "50%", "50%", "0%"],
        ["solo", "0", "—", "—", "—", "—"],  # in the design, no share, nobody answered
        ["Grupa firmowa (not in the design)", "1", "-100", "-100 to +48", "0%", "0%", "100%"],
        ["(no persona)", "2", "+100", "-24 to +100", "100%", "0%", "0%"],
    ]
    family = out.index("Rodzina z maluchami (family): NPS +20 (95% CI")
    couple = out.index("Para na randce (couple): NPS +50 (95% CI")
    assert family < couple
    assert "solo: " not in out  # nobody answered as solo: no table of touchpoints
    family_rows = table_rows(out[family:], "touchpoint")
    # Journey order, not file order; the persona's own emotion; the skipped touchpoint marked.
    assert [row[:4] for row in family_rows] == [
        ["arrive", "+2", "3", "+33"],
        ["wait (skipped by this persona)", "1", "+100", "-48 to +100"],
        ["pay", "-2", "1", "-100"],
    ]
    couple_rows = table_rows(out[couple:], "touchpoint")
    assert [row[:4] for row in couple_rows] == [["pay", "+1", "2", "+50"]]


def test_show_json_adds_the_personas_and_keeps_the_rest(persona_files):
    assert (
        cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=persona_files).returncode == 0
    )
    result = cuecraft_feedback("show", "hotpot.yaml", "--format", "json", cwd=persona_files)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["cuecraft-feedback-show"] == 1
    assert report["overall"]["responses"] == 10
    assert [tp["id"] for tp in report["touchpoints"]] == ["pay", "arrive", "wait"]
    assert report["mapping"]["persona"] == "Typ gościa"
    personas = {p["id"]: p for p in report["personas"]}
    assert list(personas) == ["family", "couple", "solo", "Grupa firmowa"]
    family = personas["family"]
    assert (family["name"], family["share"], family["in_design"]) == (
        "Rodzina z maluchami",
        55,
        True,
    )
    assert (family["responses"], family["promoters"], family["detractors"]) == (5, 3, 2)
    assert family["nps"] == 20.0 and family["low"] < 20.0 < family["high"]
    assert [tp["id"] for tp in family["touchpoints"]] == ["arrive", "wait", "pay"]
    arrive = family["touchpoints"][0]
    assert (arrive["responses"], arrive["in_design"]) == (3, True)
    assert arrive["scores"] == [0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1]
    # What the text table shows beside the answers: their emotion, and where they skip.
    seen = [(tp["id"], tp["skipped"], tp["emotion"]) for tp in family["touchpoints"]]
    assert seen == [("arrive", False, 2), ("wait", True, None), ("pay", False, -2)]
    assert personas["solo"]["responses"] == 0 and personas["solo"]["nps"] is None
    assert personas["solo"]["touchpoints"] == []
    assert personas["Grupa firmowa"]["in_design"] is False
    assert personas["Grupa firmowa"]["name"] is None
    assert report["other_guests"]["responses"] == 2 and report["other_guests"]["nps"] == 100.0


def test_without_a_persona_column_show_says_nothing_about_personas(files):
    assert cuecraft_feedback("import", "hotpot.yaml", "survey.csv", cwd=files).returncode == 0
    text = cuecraft_feedback("show", "hotpot.yaml", cwd=files).stdout
    assert "persona" not in text
    report = json.loads(
        cuecraft_feedback("show", "hotpot.yaml", "--format", "json", cwd=files).stdout
    )
    assert report["personas"] == [] and report["other_guests"] is None
    assert report["mapping"]["persona"] is None


def test_the_persona_column_can_be_named_with_map(persona_files):
    (persona_files / "q.csv").write_text("Q1,Q2,Q3\n9,arrive,couple\n3,pay,family\n")
    result = cuecraft_feedback(
        "import",
        "hotpot.yaml",
        "q.csv",
        "--map",
        "score=Q1,touchpoint=Q2,persona=Q3",
        cwd=persona_files,
    )
    assert result.returncode == 0, result.stderr
    feedback = load_feedback(persona_files / "hotpot.feedback.yaml")
    assert feedback.columns.persona == "Q3"
    assert feedback.persona_nps_at("couple", "arrive").score == 100.0
    assert feedback.persona_nps_at("family", "pay").score == -100.0
