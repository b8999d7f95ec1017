"""The feedback side file: where it lives, deterministic bytes, round trip, located errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cuecraft.core.feedback import (
    OVERALL,
    Columns,
    Comment,
    Feedback,
    FeedbackLoadError,
    FeedbackSaveError,
    Source,
    TouchpointFeedback,
    dump_feedback,
    feedback_for_design,
    load_feedback,
    parse_feedback,
    save_feedback,
    side_file_path,
)
from cuecraft.core.feedback.csvimport import import_csv_bytes

SHA = "ab" * 32


def sample() -> Feedback:
    return Feedback(
        Source("ankieta 2024.csv", SHA, "2024-05-02", 12, 10, 2, "2024-03-01", "2024-04-30"),
        Columns("How likely are you to recommend us?", "Etap", "Data", "Komentarz"),
        {
            OVERALL: TouchpointFeedback([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]),
            "arrive": TouchpointFeedback(
                [1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3],
                [
                    Comment(0, "Kolejka: 40 minut, # bez sensu", "2024-03-02", 7),
                    Comment(10, "服务很好，环境也不错", None, 9),
                    Comment(10, "no", "2024-03-05", None),
                ],
            ),
            "Parking lot": TouchpointFeedback([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]),
        },
    )


EXPECTED = """\
cuecraft-feedback: 1
source:
  file: ankieta 2024.csv
  sha256: abababababababababababababababababababababababababababababababab
  imported: "2024-05-02"
  rows: {read: 12, imported: 10, skipped: 2}
  dates: {first: "2024-03-01", last: "2024-04-30"}
mapping:
  score: How likely are you to recommend us?
  touchpoint: Etap
  date: Data
  comment: Komentarz
touchpoints:
  _overall:
    scores: [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]
  arrive:
    scores: [1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3]
    comments:
      - score: 0
        date: "2024-03-02"
        line: 7
        text: "Kolejka: 40 minut, # bez sensu"
      - score: 10
        line: 9
        text: 服务很好，环境也不错
      - score: 10
        date: "2024-03-05"
        text: "no"
  Parking lot:
    scores: [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]
"""


def test_side_file_sits_next_to_the_design():
    assert side_file_path("designs/cafe.yaml") == Path("designs/cafe.feedback.yaml")
    assert side_file_path("cafe.yml") == Path("cafe.feedback.yml")
    assert side_file_path("Café.YAML") == Path("Café.feedback.YAML")
    assert side_file_path("cafe") == Path("cafe.feedback.yaml")


def test_canonical_text():
    assert dump_feedback(sample()) == EXPECTED


def test_round_trip_and_deterministic_bytes(tmp_path):
    path = tmp_path / "cafe.feedback.yaml"
    save_feedback(sample(), path)
    first = path.read_bytes()
    loaded = load_feedback(path)
    assert loaded == sample()
    assert list(loaded.touchpoints) == [OVERALL, "arrive", "Parking lot"]
    save_feedback(loaded, path)
    assert path.read_bytes() == first


def test_imported_feedback_round_trips():
    text = (
        "Ocena;Etap;Data;Komentarz\n"
        '0;a;2024-03-01;"Zażółć, gęślą: jaźń"\n'
        "10;b;2024年3月2日;太吵了\n"
        "7;;;'quoted' \"double\"\n"
        "8;c;03/04/2024;- dash\n"
    )
    feedback = import_csv_bytes(text.encode(), "s.csv", None).feedback
    assert parse_feedback(dump_feedback(feedback)) == feedback


def test_empty_feedback():
    empty = Feedback(Source("s.csv", SHA, "2024-05-02", 0, 0, 0), Columns("score"))
    text = dump_feedback(empty)
    assert "touchpoints: {}" in text
    assert "dates" not in text
    assert parse_feedback(text) == empty


def test_feedback_for_design(tmp_path):
    design = tmp_path / "cafe.yaml"
    assert feedback_for_design(design) is None
    save_feedback(sample(), tmp_path / "cafe.feedback.yaml")
    assert feedback_for_design(design) == sample()


def test_a_failed_save_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "cafe.feedback.yaml"
    save_feedback(sample(), path)
    before = path.read_bytes()

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(FeedbackSaveError, match="No space left"):
        save_feedback(Feedback(sample().source, Columns("other")), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cafe.feedback.yaml"]


BAD = [
    ("", "empty", 1, 1),
    ("- a\n", "mapping", 1, 1),
    ("cuecraft: 1\ntitle: x\n", "unknown key “cuecraft”", 1, 1),
    ("source: {}\n", "first key must be “cuecraft-feedback: 1”", 1, 1),
    ("cuecraft-feedback: 2\n", "newer Cuecraft", 1, 20),
    ("cuecraft-feedback: one\n", "whole number", 1, 20),
    ("cuecraft-feedback: 1\n", "needs “source”", 1, 1),
    ("cuecraft-feedback: 1\ncuecraft-feedback: 1\n", "duplicate key", 2, 1),
]


@pytest.mark.parametrize(("text", "message", "line", "column"), BAD)
def test_bad_side_files_are_refused_with_a_location(text, message, line, column):
    with pytest.raises(FeedbackLoadError, match=message) as caught:
        parse_feedback(text, "cafe.feedback.yaml")
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.format().startswith(f"cafe.feedback.yaml:{line}:{column}: ")


@pytest.mark.parametrize(
    ("old", "new", "message", "line"),
    [
        ("sha256: abab", "sha256: ABAB", "64 lower-case hex", 4),
        ('imported: "2024-05-02"', "imported: May 2nd", "YYYY-MM-DD", 5),
        ("read: 12", "read: -1", "whole number", 6),
        ("  comment: Komentarz", "  coment: Komentarz", "did you mean “comment”", 12),
        ("  score: How likely are you to recommend us?\n", "", "needs “score”", 9),
        ("[0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]", "[0, 1]", "11 counts", 15),
        ("[1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3]", "[1, 0, 0, 0, 0, 0, 0, 0, 0, 2, x]", "whole", 17),
        ("      - score: 0", "      - score: 11", "from 0 to 10", 19),
        ("        line: 7", "        line: 0", "at least 1", 21),
        ('text: "no"', "text: ~", "must be text", 28),
        ('text: "no"', "txt: hi", "unknown key “txt”", 28),
    ],
)
def test_bad_fields_are_refused_with_their_line(old, new, message, line):
    text = EXPECTED.replace(old, new, 1)
    assert text != EXPECTED
    with pytest.raises(FeedbackLoadError, match=message) as caught:
        parse_feedback(text)
    assert caught.value.line == line


def test_alias_bombs_are_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{k}: &{k} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, k in zip("abcdefgh", "bcdefghi", strict=True)
    )
    with pytest.raises(FeedbackLoadError, match="aliases"):
        parse_feedback(bomb)


def test_missing_side_file(tmp_path):
    with pytest.raises(FeedbackLoadError, match="no such file"):
        load_feedback(tmp_path / "nope.feedback.yaml")


texts = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20)
days = st.dates().map(lambda d: d.isoformat())
comments = st.builds(
    Comment,
    st.integers(0, 10),
    texts,
    st.none() | days,
    st.none() | st.integers(1, 10**6),
)
buckets = st.builds(
    TouchpointFeedback,
    st.lists(st.integers(0, 10**6), min_size=11, max_size=11),
    st.lists(comments, max_size=4),
)
feedbacks = st.builds(
    Feedback,
    st.builds(
        Source,
        texts,
        st.just(SHA),
        days,
        st.integers(0, 10**6),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
    ),
    st.builds(Columns, texts, st.none() | texts, st.none() | texts, st.none() | texts),
    st.dictionaries(texts, buckets, max_size=4),
)


@settings(max_examples=150, deadline=None)
@given(feedbacks)
def test_any_feedback_round_trips_byte_for_byte(feedback):
    text = dump_feedback(feedback)
    again = parse_feedback(text)
    assert again == feedback
    assert dump_feedback(again) == text
