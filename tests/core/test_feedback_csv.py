"""Importing survey CSVs: encodings, delimiters, quoting, headers in three languages, bad rows."""

from __future__ import annotations

import datetime

import pytest

from cuecraft.core.feedback import OVERALL, CsvError, MappingError, import_csv, parse_map
from cuecraft.core.feedback.cells import Ambiguous, CellError, parse_date, parse_score
from cuecraft.core.feedback.columns import normalize, plan_columns
from cuecraft.core.feedback.csvimport import import_csv_bytes, sniff_delimiter
from cuecraft.core.fileformat import parse_design

DESIGN = parse_design(
    """\
cuecraft: 1
title: Hotpot house
theme:
  name: Warm welcome
touchpoints:
  - id: arrive
    name: Arrival and greeting
    phase: before
    next: [wait]
  - id: wait
    name: Czekanie na stolik
    phase: during
    next: [pay]
  - id: pay
    name: 结账
    phase: after
"""
)
TODAY = datetime.date(2024, 5, 2)


def run(text: str, bom: bool = False, **options):  # type: ignore[no-untyped-def]
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    return import_csv_bytes(data, "survey.csv", DESIGN, today=TODAY, **options)


def tallies(result) -> dict[str, list[int]]:  # type: ignore[no-untyped-def]
    """{touchpoint: {score: count}} without the zeros, for short assertions."""
    return {
        key: {s: n for s, n in enumerate(bucket.scores) if n}
        for key, bucket in result.feedback.touchpoints.items()
    }


# -- encodings and delimiters ----------------------------------------------------------


def test_plain_english_csv():
    result = run(
        "score,touchpoint,date,comment\n10,arrive,2024-03-01,Lovely\n3,pay,2024-03-02,Slow\n"
    )
    assert result.delimiter == ","
    assert tallies(result) == {"arrive": {10: 1}, "pay": {3: 1}}
    source = result.feedback.source
    assert (source.read, source.imported_rows, source.skipped) == (2, 2, 0)
    assert (source.first_date, source.last_date) == ("2024-03-01", "2024-03-02")
    assert source.imported == "2024-05-02"
    assert source.file == "survey.csv"
    assert len(source.sha256) == 64


def test_bom_is_not_part_of_the_first_header():
    result = run("Score,Comment\n9,ok\n", bom=True)
    assert result.feedback.columns.score == "Score"
    assert result.feedback.columns.comment == "Comment"
    assert tallies(result) == {OVERALL: {9: 1}}


def test_semicolons_are_sniffed():
    result = run("Ocena;Etap;Data;Komentarz\n8;wait;01.03.2024;Długo, ale warto\n")
    assert result.delimiter == ";"
    assert tallies(result) == {"wait": {8: 1}}
    assert result.feedback.touchpoints["wait"].comments[0].text == "Długo, ale warto"


def test_tabs_are_sniffed():
    result = run("score\tstage\n7\tpay\n")
    assert result.delimiter == "\t"
    assert tallies(result) == {"pay": {7: 1}}


def test_commas_inside_a_quoted_semicolon_header_do_not_fool_the_sniffer():
    assert sniff_delimiter('"How likely, 0-10";"Stage, if any";Comment\n9;a;b\n') == ";"
    assert sniff_delimiter("just one column\n5\n") == ","


def test_explicit_delimiter():
    result = run("score|stage\n10|arrive\n", delimiter="|")
    assert tallies(result) == {"arrive": {10: 1}}


def test_quoted_commas_quotes_and_newlines_keep_lines_right():
    text = (
        "score,touchpoint,comment\n"  # line 1
        '2,wait,"Slow, very slow; ""queue"" everywhere"\n'  # line 2
        '9,pay,"Two\nlines\nhere"\n'  # lines 3-5
        "eleven,pay,bad\n"  # line 6
        '10,arrive,"ok"\n'  # line 7
    )
    result = run(text)
    assert tallies(result) == {"arrive": {10: 1}, "wait": {2: 1}, "pay": {9: 1}}
    wait = result.feedback.touchpoints["wait"].comments[0]
    assert wait.text == 'Slow, very slow; "queue" everywhere'
    assert wait.line == 2
    pay = result.feedback.touchpoints["pay"].comments[0]
    assert (pay.text, pay.line) == ("Two lines here", 3)
    assert [(s.line, s.reason) for s in result.skipped] == [
        (6, "score “eleven” is not a whole number from 0 to 10")
    ]


def test_windows_line_ends():
    result = run("score,stage\r\n10,arrive\r\nx,pay\r\n9,pay\r\n")
    assert tallies(result) == {"arrive": {10: 1}, "pay": {9: 1}}
    assert [s.line for s in result.skipped] == [3]


def test_non_utf8_is_refused_with_a_hint_and_a_line():
    data = "score,comment\n3,Za długo\n".encode("cp1250")
    with pytest.raises(
        CsvError, match=r"not UTF-8 text; save it as “CSV UTF-8”.*--encoding"
    ) as caught:
        import_csv_bytes(data, "s.csv", DESIGN)
    assert caught.value.line == 2


def test_an_explicit_encoding_reads_it():
    data = "Ocena;Komentarz\n3;Za długo\n".encode("cp1250")
    result = import_csv_bytes(data, "s.csv", DESIGN, encoding="cp1250")
    assert result.feedback.touchpoints[OVERALL].comments[0].text == "Za długo"


def test_utf16_with_bom():
    data = "score,comment\n10,świetnie\n".encode("utf-16")
    result = import_csv_bytes(data, "s.csv", DESIGN)
    assert result.feedback.touchpoints[OVERALL].comments[0].text == "świetnie"


def test_an_excel_workbook_is_named_as_such():
    with pytest.raises(CsvError, match="Excel"):
        import_csv_bytes(b"PK\x03\x04rest-of-zip", "s.xlsx", DESIGN)


def test_nul_bytes_are_refused():
    with pytest.raises(CsvError, match="NUL"):
        import_csv_bytes(b"score\n1\x00\n", "s.csv", DESIGN)


def test_an_empty_file_has_no_header():
    with pytest.raises(CsvError, match="empty"):
        run("")
    with pytest.raises(CsvError, match="empty"):
        run("\n ,  ,\n")


def test_missing_file(tmp_path):
    with pytest.raises(CsvError, match="no such file"):
        import_csv(tmp_path / "nope.csv", DESIGN)


def test_header_only_imports_nothing():
    result = run("score,comment\n")
    assert result.feedback.source.read == 0
    assert result.feedback.touchpoints == {}


# -- headers in English, Polish and Chinese -------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["Timestamp", "How likely are you to recommend us to a friend?", "Stage", "Why?"],
            ("How likely are you to recommend us to a friend?", "Stage", "Timestamp", "Why?"),
        ),
        (
            ["Likelihood to recommend", "Touchpoint", "Date", "Comments"],
            ("Likelihood to recommend", "Touchpoint", "Date", "Comments"),
        ),
        (
            ["Sygnatura czasowa", "Prawdopodobieństwo polecenia", "Punkt styku", "Uwagi"],
            ("Prawdopodobieństwo polecenia", "Punkt styku", "Sygnatura czasowa", "Uwagi"),
        ),
        (
            ["Data", "Ocena", "Etap", "Komentarz"],
            ("Ocena", "Etap", "Data", "Komentarz"),
        ),
        (
            ["日期", "推荐意愿", "触点", "评论"],
            ("推荐意愿", "触点", "日期", "评论"),
        ),
        (
            ["提交时间", "您向朋友推荐我们的可能性有多大？", "服务环节", "意见和建议"],
            ("您向朋友推荐我们的可能性有多大？", "服务环节", "提交时间", "意见和建议"),
        ),
        (
            ["NPS", "Why did you give this score?"],
            ("NPS", None, None, "Why did you give this score?"),
        ),
        (
            ["Why did you give this score?", "Score (0-10)"],
            ("Score (0-10)", None, None, "Why did you give this score?"),
        ),
    ],
)
def test_columns_are_guessed_from_common_headers(headers, expected):
    columns = plan_columns(headers).columns()
    assert (columns.score, columns.touchpoint, columns.date, columns.comment) == expected


def test_no_score_column_names_the_columns_and_the_way_out():
    with pytest.raises(MappingError, match=r"“Q1” and “Q2”.*--map score=COLUMN"):
        plan_columns(["Q1", "Q2"])


def test_explicit_mapping_wins_and_the_rest_is_guessed():
    plan = plan_columns(["Q1", "Stage", "Comment"], parse_map(["score=q1"]))
    assert (plan.score, plan.touchpoint, plan.comment) == (0, 1, 2)


def test_explicit_mapping_by_column_number_and_empty_for_none():
    plan = plan_columns(["a", "Stage", "b"], parse_map(["score=1,touchpoint=", "comment=3"]))
    assert (plan.score, plan.touchpoint, plan.comment) == (0, None, 2)


def test_mapping_a_column_whose_name_has_a_comma():
    mapping = parse_map(["score=How likely, 0-10,touchpoint=Stage"])
    assert mapping == {"score": "How likely, 0-10", "touchpoint": "Stage"}
    plan = plan_columns(["Stage", "How likely, 0-10"], mapping)
    assert (plan.score, plan.touchpoint) == (1, 0)


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        (["scroe=Q1"], "ROLE=COLUMN"),
        (["score"], "ROLE=COLUMN"),
        (["score=a", "score=b"], "twice"),
    ],
)
def test_bad_mappings(texts, message):
    with pytest.raises(MappingError, match=message):
        parse_map(texts)


def test_mapping_errors_name_the_columns():
    with pytest.raises(MappingError, match=r"no column “Q9”.*“Q1”"):
        plan_columns(["Q1"], {"score": "Q9"})
    with pytest.raises(MappingError, match="both"):
        plan_columns(["Q1"], {"score": "Q1", "comment": "Q1"})
    with pytest.raises(MappingError, match="cannot be empty"):
        plan_columns(["Q1"], {"score": ""})


def test_normalize_ignores_case_punctuation_and_spaces():
    assert normalize("  How LIKELY, (0–10)?  ") == "how likely 0 10"
    assert normalize("推荐意愿（0-10）") == "推荐意愿 0 10"


# -- rows: scores, dates, touchpoints ------------------------------------------------


def test_polish_and_chinese_headers_comments_and_touchpoint_names():
    text = (
        "Ocena;Punkt styku;Data;Komentarz\n"
        "2;czekanie na stolik;15.03.2024;Zażółć gęślą jaźń — kolejka\n"
        "10;结账;2024年3月16日;服务很好，环境也不错\n"
        "9;ARRIVE;2024-03-17;\n"
    )
    result = run(text, bom=True)
    assert tallies(result) == {"arrive": {9: 1}, "wait": {2: 1}, "pay": {10: 1}}
    assert result.feedback.touchpoints["wait"].comments[0].text == "Zażółć gęślą jaźń — kolejka"
    pay = result.feedback.touchpoints["pay"].comments[0]
    assert (pay.text, pay.date) == ("服务很好，环境也不错", "2024-03-16")
    assert result.unmatched == []


def test_bad_rows_are_reported_with_their_lines_and_the_rest_imported():
    text = (
        "score,touchpoint,date,comment\n"  # 1
        "10,arrive,2024-03-01,fine\n"  # 2
        ",arrive,2024-03-01,no score\n"  # 3
        "11,arrive,2024-03-01,too high\n"  # 4
        "7.5,arrive,2024-03-01,not whole\n"  # 5
        "\n"  # 6: blank, ignored
        "8,arrive,2024-02-30,no such day\n"  # 7
        "8,arrive,yesterday,not a date\n"  # 8
        "-1,arrive,,negative\n"  # 9
        "9,arrive\n"  # 10: short row, fine
    )
    result = run(text)
    assert [(s.line, s.reason) for s in result.skipped] == [
        (3, "no score"),
        (4, "score 11 is not between 0 and 10"),
        (5, "score “7.5” is not a whole number from 0 to 10"),
        (7, "date “2024-02-30” does not exist"),
        (8, "date “yesterday” is not a date (write it as YYYY-MM-DD)"),
        (9, "score “-1” is not a whole number from 0 to 10"),
    ]
    assert tallies(result) == {"arrive": {10: 1, 9: 1}}
    source = result.feedback.source
    assert (source.read, source.imported_rows, source.skipped) == (8, 2, 6)


def test_rows_of_empty_cells_are_ignored_not_reported():
    result = run("score,comment\n,\n  ,  \n5,x\n")
    assert result.skipped == []
    assert result.feedback.source.read == 1


@pytest.mark.parametrize(
    ("cell", "score"),
    [
        ("0", 0),
        ("10", 10),
        (" 7 ", 7),
        ("9.0", 9),
        ("8,0", 8),
        ("１０", 10),
        ("10 - Extremely likely", 10),
        ("0 (not at all likely)", 0),
        ("10 – bardzo", 10),
    ],
)
def test_scores_as_tools_export_them(cell, score):
    assert parse_score(cell) == score


@pytest.mark.parametrize("cell", ["", "  ", "x", "7.5", "10/10", "9a", "-3", "100", "1e1"])
def test_scores_that_are_refused(cell):
    with pytest.raises(CellError):
        parse_score(cell)


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2024-03-15", (2024, 3, 15)),
        ("2024-03-15T10:32:11Z", (2024, 3, 15)),
        ("2024-03-15 10:32:11.123+01:00", (2024, 3, 15)),
        ("2024/03/15 10:32:11 AM GMT+1", (2024, 3, 15)),
        ("2024/3/15 下午2:30:00", (2024, 3, 15)),
        ("15.03.2024", (2024, 3, 15)),
        ("15.03.2024 r.", (2024, 3, 15)),
        ("5.3.24 14:00", (2024, 3, 5)),
        ("2024年3月15日", (2024, 3, 15)),
        ("2024年3月15日 14:30", (2024, 3, 15)),
        ("3/3/2024", (2024, 3, 3)),
    ],
)
def test_dates_as_tools_export_them(cell, day):
    assert parse_date(cell) == datetime.date(*day)


@pytest.mark.parametrize("cell", ["yesterday", "2024-13-01", "31.02.2024", "13/13/2024", "2024"])
def test_dates_that_are_refused(cell):
    with pytest.raises(CellError):
        parse_date(cell)


def test_slashed_dates_are_decided_by_the_file():
    assert parse_date("03/04/2024") == Ambiguous(3, 4, 2024)
    day_first = run("score,date,comment\n5,25/03/2024,a\n5,03/04/2024,b\n")
    comments = day_first.feedback.touchpoints[OVERALL].comments
    assert [c.date for c in comments] == ["2024-03-25", "2024-04-03"]
    assert day_first.notes == []
    month_first = run("score,date,comment\n5,03/25/2024,a\n5,03/04/2024,b\n")
    comments = month_first.feedback.touchpoints[OVERALL].comments
    assert [c.date for c in comments] == ["2024-03-25", "2024-03-04"]


def test_undecidable_slashed_dates_are_read_month_first_with_a_note():
    result = run("score,date,comment\n5,03/04/2024,a\n")
    assert result.feedback.touchpoints[OVERALL].comments[0].date == "2024-03-04"
    assert "month first" in result.notes[0]
    forced = run("score,date,comment\n5,03/04/2024,a\n", day_first=True)
    assert forced.feedback.touchpoints[OVERALL].comments[0].date == "2024-04-03"
    assert forced.notes == []


def test_mixed_slashed_orders_are_noted():
    result = run("score,date\n5,25/03/2024\n5,03/25/2024\n5,26/03/2024\n")
    assert "mix" in result.notes[0]
    assert result.feedback.source.first_date == "2024-03-25"


def test_touchpoints_match_ids_and_names_case_insensitively():
    text = "score,stage\n1,Arrive\n2,arrival  AND greeting\n3,  PAY \n4,\n5,_overall\n"
    result = run(text)
    assert tallies(result) == {OVERALL: {4: 1, 5: 1}, "arrive": {1: 1, 2: 1}, "pay": {3: 1}}


def test_unknown_touchpoints_are_kept_apart_and_reported():
    text = "score,stage\n1,Parking\n2,parking\n3,Toilets\n4,arrive\n"
    result = run(text)
    assert tallies(result) == {"arrive": {4: 1}, "Parking": {1: 1, 2: 1}, "Toilets": {3: 1}}
    assert [(u.value, u.rows, u.first_line) for u in result.unmatched] == [
        ("Parking", 2, 2),
        ("Toilets", 1, 4),
    ]


def test_without_a_design_values_are_kept_as_written():
    result = import_csv_bytes(b"score,stage\n9,arrive\n", "s.csv", None)
    assert list(result.feedback.touchpoints) == ["arrive"]


def test_keys_follow_the_design_order():
    result = run("score,stage\n1,pay\n2,zzz\n3,\n4,arrive\n")
    assert list(result.feedback.touchpoints) == [OVERALL, "arrive", "pay", "zzz"]


# -- the strongest comments ------------------------------------------------------------


def test_the_five_lowest_and_five_highest_comments_are_kept():
    rows = [
        f"{score},arrive,comment {i} with score {score}"
        for i, score in enumerate([5, 0, 10, 3, 9, 1, 8, 2, 10, 4, 7, 6, 9, 0])
    ]
    result = run("score,touchpoint,comment\n" + "\n".join(rows) + "\n")
    kept = result.feedback.touchpoints["arrive"].comments
    assert [c.score for c in kept] == [0, 0, 1, 2, 3, 8, 9, 9, 10, 10]
    assert kept == sorted(kept, key=lambda c: (c.score, c.line))


def test_longer_comments_win_ties_then_the_earlier_row():
    rows = ["0,a", "0,b", "0,c", "0,d", "0,e", "0,f", "0,a much longer complaint"]
    result = run("score,comment\n" + "\n".join(rows) + "\n")
    kept = [c.text for c in result.feedback.touchpoints[OVERALL].comments]
    # Five places: the longer complaint, though last, then the earliest of the short ones.
    assert kept == ["a", "b", "c", "d", "a much longer complaint"]


def test_duplicate_comments_keep_one_place():
    rows = ["0,Too slow", "1,too slow", "0,TOO  SLOW", "9,Great"]
    result = run("score,comment\n" + "\n".join(rows) + "\n")
    kept = result.feedback.touchpoints[OVERALL].comments
    assert [(c.score, c.text) for c in kept] == [(0, "Too slow"), (9, "Great")]


def test_long_comments_are_clipped():
    result = run("score,comment\n3," + "x" * 1000 + "\n")
    text = result.feedback.touchpoints[OVERALL].comments[0].text
    assert len(text) == 280 and text.endswith("…")


def test_a_known_day_with_a_bad_time_is_still_a_bad_date():
    text = "score,date\n5,2024-03-01 10:00\n5,2024-03-01 banana\n5,2024-03-01T10:00:00Z\n"
    result = run(text)
    assert [(s.line, s.reason) for s in result.skipped] == [
        (3, "date “2024-03-01 banana” is not a date (write it as YYYY-MM-DD)")
    ]
