"""`cuecraft table FILE cues|touchpoints|actions|plan|findings [-o OUT.csv]`: a CSV a
spreadsheet opens (UTF-8 with a byte-order mark), one header row, ids to join back, rows in
the order the workbench shows them, and nothing written when the design cannot be read."""

from __future__ import annotations

import csv
import io
import json
import os
import textwrap
from pathlib import Path

import pytest

from cuecraft.cli import main
from cuecraft.core.i18n import language, pgettext

BOM = b"\xef\xbb\xbf"
TRICKY = 'Mist, "soft" and cool,\nthen 雨林的雷声'  # a comma, quotes, a line break, Chinese

DESIGN = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain, storm]}
zones:
  - {id: hall, name: Dining hall}
  - {id: arch, name: Banyan arch}
touchpoints:
  - {id: dine, name: Dine under the storm, phase: during, zone: hall, next: [pay], emotion: 3}
  - {id: pay, name: Settle the bill, phase: after, zone: hall, emotion: -2}
  - {id: arrive, name: Arrive at the arch, phase: before, zone: arch, next: [check-in]}
  - {id: check-in, name: Check in, phase: before, zone: arch, next: [dine], wait: 15}
cues:
  - id: mist
    text: 'Mist, "soft" and cool,

      then 雨林的雷声'
    motifs: [rain]
    senses: [touch, sight]
    at: [hall]
    unique: true
    conflicts: [muzak]
  - {id: muzak, text: Mall pop playlist, polarity: negative, senses: [sound], at: [arch],
     severity: medium, impact: 3, effort: 3, owner: store manager}
  - {id: queue, text: Queue in the corridor, polarity: negative, at: [check-in, arch],
     severity: high, impact: 2, effort: 2, remedy: 'Pagers, then a text'}
  - {id: beep, text: Card terminal beeps, polarity: negative, at: [pay], severity: medium,
     impact: 3, effort: 1, owner: 'IT, payments'}
  - {id: fryer, text: Fryer smell, polarity: negative, at: [hall], severity: high,
     impact: 3, effort: 2}
  - {id: foam, text: Foam boxes, polarity: negative, at: [pay], severity: high,
     status: eliminated, impact: 3, effort: 1}
  - {id: sticky, text: Sticky menus, polarity: negative, at: [dine], impact: 3}
  - {id: smoke, text: Smoke from the grill, polarity: negative, at: [dine], impact: 3,
     effort: 3}
actions:
  - id: host
    text: Host greets the party
    lane: frontstage
    at: [check-in]
    zone: arch
    owner: front of house
    minutes: 2
    tolerance: 1
    fail: The pager battery is flat
    recovery: Walk the party in character
    needs: [plan]
  - {id: plan, text: Keep the table plan up to date, lane: backstage, at: [check-in, dine]}
"""

HEADERS = {
    "cues": [
        "id",
        "text",
        "polarity",
        "senses",
        "motifs",
        "at",
        "unique",
        "conflicts",
        "severity",
        "status",
        "remedy",
        "owner",
        "effort",
        "impact",
    ],
    "touchpoints": ["step", "id", "name", "phase", "zone", "next", "emotion", "wait"],
    "actions": [
        "id",
        "text",
        "lane",
        "at",
        "zone",
        "owner",
        "minutes",
        "tolerance",
        "fail",
        "recovery",
        "needs",
    ],
    "plan": [
        "rank",
        "id",
        "text",
        "severity",
        "impact",
        "effort",
        "status",
        "owner",
        "remedy",
        "places",
    ],
    "findings": ["code", "severity", "principle", "message", "ids", "line", "column", "hint"],
}


@pytest.fixture
def design(tmp_path) -> Path:
    path = tmp_path / "cafe.yaml"
    path.write_text(textwrap.dedent(DESIGN), encoding="utf-8")
    return path


def read_table(data: bytes) -> list[dict[str, str]]:
    """The rows of a table's bytes as a spreadsheet reads them, by column title."""
    assert data.startswith(BOM)
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(header) for row in body)
    return [dict(zip(header, row, strict=True)) for row in body]


def table(design: Path, kind: str, tmp_path: Path, *extra: str) -> list[dict[str, str]]:
    out = tmp_path / f"{kind}.csv"
    assert main(["table", str(design), kind, "-o", str(out), *extra]) == 0
    return read_table(out.read_bytes())


@pytest.mark.parametrize("kind", list(HEADERS))
def test_every_table_round_trips_through_csv_with_its_header(design, tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.csv"
    assert main(["table", str(design), kind, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    data = out.read_bytes()
    assert data.startswith(BOM)
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert header == HEADERS[kind]
    assert read_table(data)  # every table of this design has rows, each as wide as the header


@pytest.mark.parametrize("kind", list(HEADERS))
def test_stdout_gets_the_same_bytes_as_the_file(design, tmp_path, capsysbinary, kind):
    """`cuecraft table … > out.csv` opens in a spreadsheet as `-o out.csv` does."""
    out = tmp_path / "t.csv"
    assert main(["table", str(design), kind, "-o", str(out)]) == 0
    capsysbinary.readouterr()
    assert main(["table", str(design), kind]) == 0
    assert capsysbinary.readouterr().out == out.read_bytes()


def test_every_cue_appears_once_and_joins_back_by_id(design, tmp_path):
    from cuecraft.core.fileformat import load_design

    loaded = load_design(design)
    rows = table(design, "cues", tmp_path)
    assert [r["id"] for r in rows] == [c.id for c in loaded.cues]
    by_id = {r["id"]: r for r in rows}
    assert by_id["mist"]["text"] == TRICKY
    assert by_id["mist"]["senses"] == "touch; sight"
    assert by_id["mist"]["unique"] == "true"
    assert by_id["mist"]["conflicts"] == "muzak"
    assert (by_id["mist"]["severity"], by_id["mist"]["owner"], by_id["mist"]["impact"]) == (
        "",
        "",
        "",
    )
    assert (by_id["muzak"]["owner"], by_id["muzak"]["effort"], by_id["muzak"]["impact"]) == (
        "store manager",
        "3",
        "3",
    )
    assert by_id["queue"]["at"] == "check-in; arch"
    assert by_id["queue"]["remedy"] == "Pagers, then a text"
    # A negative cue without a written severity or status has the file's defaults.
    assert (by_id["sticky"]["severity"], by_id["sticky"]["status"]) == ("medium", "open")
    assert by_id["foam"]["status"] == "eliminated"


def test_plan_order_on_ties_severity_then_impact_then_lowest_effort_then_file_order(
    design, tmp_path
):
    rows = table(design, "plan", tmp_path)
    assert [r["id"] for r in rows] == [
        "fryer",  # high, impact 3
        "queue",  # high, impact 2
        "beep",  # medium, impact 3, effort 1
        "muzak",  # medium, impact 3, effort 3 — before smoke: the file's order
        "smoke",  # medium (unwritten), impact 3, effort 3
        "sticky",  # medium, impact 3, effort unknown: after the estimated ones
        "foam",  # eliminated: done, last
    ]
    assert [r["rank"] for r in rows] == [str(n) for n in range(1, 8)]
    beep = rows[2]
    assert (beep["severity"], beep["impact"], beep["effort"], beep["status"]) == (
        "medium",
        "3",
        "1",
        "open",
    )
    assert beep["owner"] == "IT, payments"
    # Where it is, by the names people know the places by.
    assert rows[1]["places"] == "Check in; Banyan arch"
    assert rows[1]["remedy"] == "Pagers, then a text"


def test_plan_follows_the_core_plan_on_an_example(tmp_path):
    from cuecraft.core.fileformat import load_design
    from cuecraft.core.plan import elimination_plan

    example = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"
    rows = table(example, "plan", tmp_path)
    assert [r["id"] for r in rows] == [c.id for c in elimination_plan(load_design(example))]


def test_touchpoints_in_journey_order_with_their_step(design, tmp_path):
    rows = table(design, "touchpoints", tmp_path)
    assert [(r["step"], r["id"]) for r in rows] == [
        ("1", "arrive"),
        ("2", "check-in"),
        ("3", "dine"),
        ("4", "pay"),
    ]
    check_in, pay = rows[1], rows[3]
    assert (check_in["phase"], check_in["zone"], check_in["next"], check_in["wait"]) == (
        "before",
        "arch",
        "dine",
        "15",
    )
    assert check_in["emotion"] == ""  # not given: an empty cell, not 0
    assert (pay["emotion"], pay["next"], pay["wait"]) == ("-2", "", "")


def test_actions_with_numbers_as_numbers_and_empty_cells_for_missing_values(design, tmp_path):
    rows = table(design, "actions", tmp_path)
    host, plan = rows
    assert host == {
        "id": "host",
        "text": "Host greets the party",
        "lane": "frontstage",
        "at": "check-in",
        "zone": "arch",
        "owner": "front of house",
        "minutes": "2",
        "tolerance": "1",
        "fail": "The pager battery is flat",
        "recovery": "Walk the party in character",
        "needs": "plan",
    }
    assert (plan["at"], plan["zone"], plan["minutes"], plan["needs"]) == (
        "check-in; dine",
        "",
        "",
        "",
    )


def check_json(design: Path, capsys, *extra: str) -> list[dict[str, object]]:
    main(["check", "--format", "json", str(design), *extra])
    document = json.loads(capsys.readouterr().out)
    findings: list[dict[str, object]] = document["files"][0]["findings"]
    return findings


def test_findings_are_checks_own_in_its_order_and_an_error_still_exits_0(design, tmp_path, capsys):
    design.write_text(
        design.read_text(encoding="utf-8").replace("needs: [plan]", "needs: [nowhere]"),
        encoding="utf-8",
    )
    expected = check_json(design, capsys)
    assert any(f["severity"] == "error" for f in expected)  # REF001: a table still exits 0
    rows = table(design, "findings", tmp_path)
    assert [
        (r["code"], r["severity"], r["principle"], r["message"], r["line"], r["column"], r["hint"])
        for r in rows
    ] == [
        (
            f["code"],
            f["severity"],
            f["principle"],
            f["message"],
            str(f["line"]),
            str(f["column"]),
            f["hint"],
        )
        for f in expected
    ]
    assert [r["ids"] for r in rows] == ["; ".join(f["ids"]) for f in expected]  # type: ignore[arg-type]


def test_findings_speak_the_chosen_language(design, tmp_path, capsys):
    expected = check_json(design, capsys, "--lang", "pl")
    english = check_json(design, capsys, "--lang", "en")
    rows = table(design, "findings", tmp_path, "--lang", "pl")
    assert "message" not in rows[0]  # the header speaks Polish too
    with language("pl"):
        message, code = pgettext("table column", "message"), pgettext("table column", "code")
    assert [r[message] for r in rows] == [f["message"] for f in expected]
    assert [r[message] for r in rows] != [f["message"] for f in english]
    assert [r[code] for r in rows] == [f["code"] for f in english]  # codes never change


def test_a_text_with_commas_quotes_line_breaks_and_chinese_survives(design, tmp_path):
    cues = table(design, "cues", tmp_path)
    assert cues[0]["text"] == TRICKY
    for row in table(design, "plan", tmp_path):
        if row["id"] == "beep":
            assert row["owner"] == "IT, payments"


def test_an_unreadable_design_exits_2_and_writes_nothing(tmp_path, capsysbinary):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "cuecraft: 1\ntitle: T\ntheme: {name: N}\ntouchpoints:\n  - {id: a, emotion: lots}\n"
    )
    out = tmp_path / "t.csv"
    assert main(["table", str(bad), "touchpoints", "-o", str(out)]) == 2
    captured = capsysbinary.readouterr()
    assert captured.err.decode().startswith(f"{bad}:5:")
    assert not out.exists()
    assert main(["table", str(bad), "cues"]) == 2  # to stdout: not even a header
    assert capsysbinary.readouterr().out == b""


def test_an_existing_table_is_left_whole_when_the_design_cannot_be_read(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("cuecraft: 1\ntitle: [\n")
    out = tmp_path / "t.csv"
    out.write_bytes(b"earlier table")
    assert main(["table", str(bad), "plan", "-o", str(out)]) == 2
    assert out.read_bytes() == b"earlier table"


def test_a_missing_design_and_an_unwritable_output_exit_2(design, tmp_path, capsys):
    assert main(["table", str(tmp_path / "none.yaml"), "cues"]) == 2
    assert "none.yaml" in capsys.readouterr().err
    out = tmp_path / "no-such-folder" / "t.csv"
    assert main(["table", str(design), "cues", "-o", str(out)]) == 2
    assert "t.csv" in capsys.readouterr().err


def test_an_unknown_table_is_refused(design, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["table", str(design), "souvenirs"])
    assert stopped.value.code == 2
    assert "souvenirs" in capsys.readouterr().err


# A spreadsheet evaluates a cell that starts with one of these (OWASP "CSV injection").
FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


def formula_design(tmp_path: Path, start: str) -> tuple[Path, dict[str, str]]:
    """A design whose every free text starts with `start`; the texts by what they are."""
    texts = {
        "zone": f"{start}Banyan arch",
        "name": f"{start}Settle the bill",
        "text": f"{start}SUM(A1) beeps",
        "motif": f"{start}storm",
        "remedy": f"{start} replace the speakers",
        "owner": f"{start}30 min crew",
        "action": f'{start}HYPERLINK("http://x","y")',
        "fail": f"{start}2+3",
        "recovery": f"{start}1+1",
    }
    q = {key: json.dumps(value) for key, value in texts.items()}  # YAML reads JSON strings
    path = tmp_path / f"formula-{ord(start)}.yaml"
    path.write_text(
        "cuecraft: 1\ntitle: T\ntheme: {name: N}\n"
        f"zones:\n  - {{id: arch, name: {q['zone']}}}\n"
        "touchpoints:\n"
        f"  - {{id: pay, name: {q['name']}, phase: after, zone: arch, emotion: -2, wait: 5}}\n"
        "cues:\n"
        f"  - {{id: beep, text: {q['text']}, polarity: negative, motifs: [{q['motif']}],\n"
        f"     at: [arch], remedy: {q['remedy']}, owner: {q['owner']}, impact: 3}}\n"
        "  - {id: calm, text: Mall pop playlist, at: [pay]}\n"
        "actions:\n"
        f"  - {{id: till, text: {q['action']}, lane: frontstage, at: [pay],\n"
        f"     owner: {q['owner']}, fail: {q['fail']}, recovery: {q['recovery']}, minutes: 2}}\n",
        encoding="utf-8",
    )
    return path, texts


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_a_text_a_spreadsheet_would_evaluate_gets_a_quote_in_front(tmp_path, start):
    design, texts = formula_design(tmp_path, start)
    cues = table(design, "cues", tmp_path)
    beep, calm = cues
    assert (beep["text"], beep["motifs"], beep["remedy"], beep["owner"]) == (
        "'" + texts["text"],
        "'" + texts["motif"],
        "'" + texts["remedy"],
        "'" + texts["owner"],
    )
    assert calm["text"] == "Mall pop playlist"  # an ordinary text is untouched
    assert beep["impact"] == "3"
    (pay,) = table(design, "touchpoints", tmp_path)
    assert pay["name"] == "'" + texts["name"]
    assert (pay["emotion"], pay["wait"]) == ("-2", "5")  # a negative number stays a number
    (till,) = table(design, "actions", tmp_path)
    assert [till[key] for key in ("text", "owner", "fail", "recovery")] == [
        "'" + texts[key] for key in ("action", "owner", "fail", "recovery")
    ]
    assert till["minutes"] == "2"
    (step,) = table(design, "plan", tmp_path)
    assert (step["rank"], step["text"], step["owner"], step["remedy"]) == (
        "1",
        "'" + texts["text"],
        "'" + texts["owner"],
        "'" + texts["remedy"],
    )
    # The places are names on one line: a leading tab or line break is gone, nothing to guard.
    flat = texts["zone"].strip()
    assert step["places"] == (flat if start.isspace() else "'" + flat)


def test_a_reference_the_design_lacks_is_guarded_too(design, tmp_path):
    """A dangling reference loads as written (REF001), so even `next` can hold a formula."""
    design.write_text(
        design.read_text(encoding="utf-8").replace("next: [pay]", 'next: ["=HYPERLINK(1)"]'),
        encoding="utf-8",
    )
    rows = {r["id"]: r for r in table(design, "touchpoints", tmp_path)}
    assert rows["dine"]["next"] == "'=HYPERLINK(1)"
    assert rows["check-in"]["next"] == "dine"  # an id is never touched


def test_taking_one_quote_off_a_guarded_cell_gives_the_exact_text(tmp_path):
    """docs/table.md: a cell that starts with ' followed by = + - @ ' tab or CR had one
    added; a text that itself began with ' is told apart, and "'tis" is left alone."""
    texts = ["=1+1", "'=1+1", "''-2", "'tis", "''tis", "'", "plain", "a=b"]
    design = tmp_path / "quotes.yaml"
    cues = "".join(f"  - {{id: c{n}, text: {json.dumps(text)}}}\n" for n, text in enumerate(texts))
    design.write_text(f"cuecraft: 1\ntitle: T\ntheme: {{name: N}}\ncues:\n{cues}", "utf-8")
    cells = [r["text"] for r in table(design, "cues", tmp_path)]
    assert cells == ["'=1+1", "''=1+1", "'''-2", "'tis", "''tis", "'", "plain", "a=b"]

    def raw(cell: str) -> str:  # the rule docs/table.md gives a script
        guarded = cell.startswith("'") and cell.lstrip("'")[:1] in ("=", "+", "-", "@", "\t", "\r")
        return cell[1:] if guarded else cell

    assert [raw(cell) for cell in cells] == texts


def test_a_table_over_the_design_is_refused_and_the_design_kept(design, tmp_path, capsys):
    before = design.read_bytes()
    files = sorted(tmp_path.iterdir())
    (tmp_path / "sub").mkdir()
    spellings = [str(design), str(tmp_path / "sub" / ".." / design.name)]
    try:  # another name for the same file, even one ending in .csv
        os.link(design, tmp_path / "cafe-link.csv")
        spellings.append(str(tmp_path / "cafe-link.csv"))
    except OSError:
        pass
    for output in spellings:
        assert main(["table", str(design), "cues", "-o", output]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert output in captured.err
        assert "-cues.csv" in captured.err  # it names a name that would do
        assert design.read_bytes() == before
    assert sorted(p for p in tmp_path.iterdir() if p.name not in ("sub", "cafe-link.csv")) == files


@pytest.mark.parametrize("name", ["plan.yaml", "plan.yml", "Plan.YML", "cafe.feedback.yaml"])
def test_a_table_to_a_yaml_name_is_refused_and_nothing_written(design, tmp_path, capsys, name):
    output = tmp_path / name
    assert main(["table", str(design), "plan", "-o", str(output)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(output) in captured.err
    assert str(output.with_suffix(".csv")) in captured.err  # the name to use instead
    assert not output.exists()
    existing = tmp_path / "old.yaml"
    existing.write_bytes(b"title: kept\n")
    assert main(["table", str(design), "plan", "-o", str(existing)]) == 2
    assert existing.read_bytes() == b"title: kept\n"


def test_the_cue_and_action_columns_are_every_key_of_the_format():
    """A field added to the format is a column too (the columns are spelled out in
    tablerows.py so `cuecraft` starts without reading the schema module)."""
    from cuecraft.core.schema import ACTION_KEYS, CUE_KEYS
    from cuecraft.tablerows import COLUMNS

    assert COLUMNS["cues"] == CUE_KEYS
    assert COLUMNS["actions"] == ACTION_KEYS
