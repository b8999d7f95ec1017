"""A catalogue of bad files: each refused with a clear message at the right place."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from cuecraft.core.fileformat import DesignLoadError, load_design, parse_design

GOOD_HEAD = "cuecraft: 1\ntitle: T\ntheme:\n  name: N\n"


def problems(text: str | bytes) -> list[tuple[int, int, str, str]]:
    with pytest.raises(DesignLoadError) as caught:
        parse_design(text.encode("utf-8") if isinstance(text, str) else text, "bad.yaml")
    return [(p.line, p.column, p.path, p.message) for p in caught.value.problems]


CATALOGUE = [
    (
        "text where a list belongs",
        GOOD_HEAD + "zones:\n  - id: z\n    sees: lobby\n",
        [(7, 11, "zones[0].sees", "“sees” must be a list, for example sees: [lobby]")],
    ),
    (
        "a list where text belongs",
        GOOD_HEAD + "client: [a, b]\n",
        [(5, 9, "client", "“client” must be text, not a list")],
    ),
    (
        "emotion out of range",
        GOOD_HEAD + "touchpoints:\n  - id: t\n    emotion: 5\n",
        [(7, 14, "touchpoints[0].emotion", "“emotion” is 5; it must be from -3 to 3")],
    ),
    (
        "emotion not a number",
        GOOD_HEAD + "touchpoints:\n  - id: t\n    emotion: high\n",
        [(7, 14, "touchpoints[0].emotion", "“emotion” must be a whole number from -3 to 3")],
    ),
    (
        "unique not a boolean",
        GOOD_HEAD + "cues:\n  - id: c\n    unique: maybe\n",
        [(7, 13, "cues[0].unique", "“unique” must be true or false")],
    ),
    (
        "unknown key with a hint",
        GOOD_HEAD + "cues:\n  - id: c\n    polarty: positive\n",
        [
            (
                7,
                5,
                "cues[0].polarty",
                "unknown key “polarty”; did you mean “polarity”? "
                "(keys of your own must start with “x-”)",
            )
        ],
    ),
    (
        "bad enum value with a hint",
        GOOD_HEAD + "cues:\n  - id: c\n    polarity: postive\n",
        [
            (
                7,
                15,
                "cues[0].polarity",
                "“postive” is not one of positive, negative; did you mean “positive”?",
            )
        ],
    ),
    (
        "bad sense with a hint",
        GOOD_HEAD + "cues:\n  - id: c\n    senses: [sight, smel]\n",
        [
            (
                7,
                21,
                "cues[0].senses[1]",
                "“smel” is not a sense; senses are sight, sound, smell, touch, taste; "
                "did you mean “smell”?",
            )
        ],
    ),
    (
        "missing id",
        GOOD_HEAD + "zones:\n  - name: Lobby\n",
        [(6, 5, "zones[0].id", "“id” is required and must not be empty")],
    ),
    (
        "id that is not a slug",
        GOOD_HEAD + "zones:\n  - id: Main Hall\n",
        [
            (
                6,
                9,
                "zones[0].id",
                "“Main Hall” is not a valid id: use lowercase letters, digits, "
                "“-” and “_”, starting with a letter or digit, at most 64 characters",
            )
        ],
    ),
    (
        "duplicate ids across kinds",
        GOOD_HEAD + "zones:\n  - id: a\ncues:\n  - id: a\n",
        [
            (
                8,
                9,
                "",
                "duplicate id “a” (first used at line 6); ids must be unique across zones, "
                "touchpoints, cues, layers, souvenirs, actions and personas",
            )
        ],
    ),
    (
        "duplicate keys",
        GOOD_HEAD + "cues:\n  - id: c\n    text: one\n    text: two\n",
        [
            (
                8,
                5,
                "",
                "duplicate key “text” (first at line 7); a key may appear only once in a mapping",
            )
        ],
    ),
    (
        "unknown major version",
        "cuecraft: 2\ntitle: T\ntheme: {name: N}\n",
        [
            (
                1,
                11,
                "cuecraft",
                "this design uses format version 2, made by a newer Cuecraft; "
                "this Cuecraft reads versions up to 1 — please update Cuecraft",
            )
        ],
    ),
    (
        "no version",
        "title: T\ntheme: {name: N}\n",
        [
            (
                1,
                1,
                "cuecraft",
                "not a Cuecraft design: the file must start with the line “cuecraft: 1”",
            )
        ],
    ),
    (
        "missing title and theme",
        "cuecraft: 1\n",
        [
            (1, 1, "title", "“title” is required and must not be empty"),
            (1, 1, "theme", "“theme” is required, with at least a name"),
        ],
    ),
    (
        "an empty file",
        "",
        [(1, 1, "", "the file is empty; a design starts with the line “cuecraft: 1”")],
    ),
    (
        "a top level that is a list",
        "- a\n- b\n",
        [
            (
                1,
                1,
                "cuecraft",
                "not a Cuecraft design: the file must start with the line “cuecraft: 1”",
            )
        ],
    ),
    (
        "two documents",
        GOOD_HEAD + "---\ncuecraft: 1\n",
        [(5, 1, "", "more than one YAML document in the file; a design is one document")],
    ),
    (
        "custom tag",
        GOOD_HEAD + "client: !!python/object:os.system x\n",
        [(5, 9, "", "the YAML tag “!!python/object:os.system” is not supported in design files")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in CATALOGUE], ids=[c[0] for c in CATALOGUE]
)
def test_bad_file_is_refused_with_message_and_location(text, expected):
    assert problems(text) == expected


def test_all_problems_are_reported_at_once():
    found = problems(
        GOOD_HEAD
        + textwrap.dedent("""\
        cues:
          - id: a
            polarity: postive
          - id: B
            senses: [smel]
        """)
    )
    assert [(line, path) for line, _, path, _ in found] == [
        (7, "cues[0].polarity"),
        (8, "cues[1].id"),
        (9, "cues[1].senses[0]"),
    ]


def test_text_fields_keep_what_was_typed_not_what_yaml_guesses():
    design = parse_design(GOOD_HEAD + "client: no\nvenue: 1:30\nzones:\n  - id: z\n    name: 012\n")
    assert (design.client, design.venue, design.zones[0].name) == ("no", "1:30", "012")


def test_binary_garbage_is_not_a_design():
    assert problems(b"\x89PNG\r\n\x1a\n\x00\x00garbage") == [
        (1, 1, "", "this is not a design file but a PNG image")
    ]
    assert problems(b"cuecraft: 1\ntitle: \xff\xfe\n") == [
        (2, 8, "", "the file is not UTF-8 text (save it as UTF-8)")
    ]
    assert problems(b"cuecraft: 1\n\x00\x01\x02") == [
        (2, 1, "", "the file contains NUL bytes: it is not a text file")
    ]


def test_missing_file_and_folder(tmp_path):
    for path, message in (
        (tmp_path / "nope.yaml", "no such file"),
        (tmp_path, "this is a folder, not a design file"),
    ):
        with pytest.raises(DesignLoadError) as caught:
            load_design(path)
        assert caught.value.problems[0].message == message


def test_a_60_mb_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.write(GOOD_HEAD.encode())
        handle.truncate(60 * 1024 * 1024)
    with pytest.raises(DesignLoadError) as caught:
        load_design(path)
    assert caught.value.problems[0].message == "the file is 60 MB; designs are limited to 50 MB"


BOMB = (
    "\n".join(
        ["cuecraft: 1", "title: T", "theme: {name: N}", 'x-a0: &a0 ["lol","lol","lol","lol"]']
        + [f"x-a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    )
    + "\n"
)


def _run_isolated(code: str, tmp_path) -> subprocess.CompletedProcess[str]:
    """Run in a child process so a crash or a hang fails the test instead of the run."""
    script = tmp_path / "isolated.py"
    script.write_text(code, encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=20)


def test_an_alias_bomb_is_refused_quickly_with_bounded_memory(tmp_path):
    code = textwrap.dedent(f"""
        import resource, time
        from cuecraft.core.fileformat import parse_design, DesignLoadError
        resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024, 1024 * 1024 * 1024))
        start = time.perf_counter()
        try:
            parse_design({BOMB!r})
        except DesignLoadError as error:
            print(error.problems[0].line, error.problems[0].message)
        print("seconds", time.perf_counter() - start)
    """)
    result = _run_isolated(code, tmp_path)
    assert result.returncode == 0, result.stderr
    first, timing = result.stdout.splitlines()
    assert "too many aliases" in first
    assert float(timing.split()[1]) < 1.0


def _deep(opener: str, levels: int) -> str:
    """A good design with one `x-` key nested `levels` deep in flow or block style."""
    if opener == "- ":
        return (
            GOOD_HEAD
            + "x-deep:\n"
            + "".join("  " * i + "-\n" for i in range(levels))
            + ("  " * levels + "x\n")
        )
    closer = {"[": "]", "{a: ": "}"}[opener]
    return GOOD_HEAD + "x-deep: " + opener * levels + "1" + closer * levels + "\n"


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_100000_levels_of_nesting_are_refused_without_a_crash(opener, tmp_path):
    # Block nesting costs two characters of indent per level: 2,000 levels is already
    # a 4 MB file. Which layer refuses (our depth check or libyaml's own limit) and in
    # what words is theirs to choose; refused, at the nesting, quickly, is ours.
    source = _deep(opener, 2000 if opener == "- " else 100_000)
    code = textwrap.dedent(f"""
        import json, time
        from cuecraft.core.fileformat import parse_design, DesignLoadError
        start = time.perf_counter()
        try:
            parse_design({source!r})
        except DesignLoadError as error:
            seconds = time.perf_counter() - start
            problems = [(p.line, p.column, p.message) for p in error.problems]
            print(json.dumps({{"problems": problems, "seconds": seconds}}))
        else:
            print(json.dumps({{"problems": [], "seconds": time.perf_counter() - start}}))
    """)
    result = _run_isolated(code, tmp_path)
    assert result.returncode == 0, f"crashed ({result.returncode}): {result.stderr[-2000:]}"
    outcome = json.loads(result.stdout)
    assert len(outcome["problems"]) == 1, "refused, with one problem"
    line, column, message = outcome["problems"][0]
    if opener == "- ":
        assert 6 <= line <= 6 + 2000, "located inside the nested lines"
    else:
        assert line == 5, "located on the line of the nesting"
        assert 9 <= column <= 9 + len(opener) * 100_000, "located inside the nesting"
    assert message.strip(), "a message for the user"
    assert outcome["seconds"] < 2.0


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_nesting_just_past_the_limit_is_refused_in_our_words(opener):
    # 65 levels: below any YAML parser's own limit, so the check that refuses is ours.
    [(line, column, path, message)] = problems(_deep(opener, 65))
    assert message == "nesting deeper than 64 levels; a design is never this deep"
    # At the opener that goes one level past 64 (the top-level mapping is the first).
    if opener == "- ":
        assert (line, column, path) == (6 + 63, 1 + 2 * 63, "")
    else:
        assert (line, column, path) == (5, 9 + len(opener) * 63, "")


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_flow_nesting_gets_the_same_words_however_deep(opener):
    # libyaml refuses flow nesting past its own limit (1,000 levels in 0.2.6) with its own
    # wording; the user should read the same explanation as at 65 levels.
    [(_, _, _, shallow)] = problems(_deep(opener, 65))
    [(_, _, _, deep)] = problems(_deep(opener, 100_000))
    assert deep == shallow


def test_broken_yaml_is_refused_where_the_parser_stopped():
    [(line, column, path, message)] = problems("cuecraft: 1\ntitle: [unclosed\ntheme: {name: N}\n")
    assert (line, column, path) == (3, 6, "")
    # What follows the prefix is the YAML parser's own explanation: not ours to pin.
    assert message.startswith("not valid YAML: ")


def test_recursive_alias_is_refused():
    assert problems(GOOD_HEAD + "x-loop: &l [*l]\n")[0][3].startswith(
        "alias *l refers to no finished anchor"
    )


def test_references_to_missing_ids_do_not_stop_loading():
    design = parse_design(GOOD_HEAD + "cues:\n  - id: c\n    at: [nowhere]\n")
    assert design.cues[0].at == ["nowhere"]
    assert design.cues[0].where["at[0]"] == (7, 10)
