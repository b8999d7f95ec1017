"""The core speaks Polish and Chinese: findings, hints, load errors, plural forms.

A design that breaks nearly every rule is checked in English, Polish and Chinese: the
codes, ids, severities and places never change with the language, while every message
and hint is in the language asked for, with none of the English sentence left in it.
"""

from __future__ import annotations

import re

import pytest

from cuecraft.core.check import check
from cuecraft.core.feedback import OVERALL, Columns, Comment, Feedback, Source, TouchpointFeedback
from cuecraft.core.feedback.cells import CellError, parse_score
from cuecraft.core.feedback.nps import describe, nps_of
from cuecraft.core.fileformat import DesignLoadError, LoadProblem, parse_design
from cuecraft.core.findings import PRINCIPLES, Finding, principle_title, severity_title
from cuecraft.core.i18n import language, ngettext
from cuecraft.core.model import PHASES, SENSES

LANGUAGES = ("pl", "zh")

# Ids and motifs hold none of the English words looked for below.
DESIGN = """\
cuecraft: 1
title: Everything at once
theme:
  name: Rainforest
  motifs: [rainforest, thunderstorm]
  avoid: [plastic]
zones:
  - id: hall
    sees: [terrace]
  - id: terrace
  - id: loud
touchpoints:
  - id: t1
    phase: during
    zone: hall
    next: [t2]
    emotion: 3
  - id: t2
    phase: during
    zone: hall
    next: [t3]
  - id: t3
    phase: during
    zone: hall
    next: [t4]
  - id: t4
    phase: during
    zone: hall
    next: [t5]
  - id: t5
    phase: during
    zone: hall
    next: [t6]
  - id: t6
    phase: during
    zone: hall
    next: [t7]
  - id: t7
    phase: after
    zone: hall
    next: [t8]
  - id: t8
    phase: after
    zone: loud
    next: [t9]
  - id: t9
    phase: after
    emotion: -1
  - id: stray
    phase: after
    next: [stray]
cues:
  - id: lanterns
    text: Paper lanterns
    senses: [sight]
    at: [hall]
  - id: birdsong
    text: Birdsong
    senses: [sight]
    motifs: [rainforest]
    conflicts: [traffic]
    at: [hall]
  - id: traffic
    text: Plastic traffic sounds
    senses: [sight]
    motifs: [rainforest, plastic]
    at: [hall]
  - id: host
    text: The jungle host
    unique: true
    motifs: [rainforest]
    at: [hall, terrace]
  - id: smoke
    text: Cigarette smoke
    polarity: negative
    severity: high
    status: open
    at: [hall]
  - id: lost
    text: Nobody knows where
    polarity: negative
    remedy: Find it
  - id: dust
    text: Dust on the shelf
    polarity: negative
    status: open
    remedy: Wipe it
    at: [t9]
  - id: ghost
    text: Points nowhere
    motifs: [rainforest]
    at: [nowhere]
    conflicts: [hall]
layers:
  - id: drums
    sense: sound
    at: [loud]
    intensity: 2
  - id: thunder
    sense: sound
    at: [loud]
    intensity: 2
souvenirs:
  - id: mug
    name: A mug
    at: [t1]
"""

# Words of the English messages and hints (never ids, keys or values of the format):
# none of them may be left in a Polish or Chinese message.
ENGLISH = re.compile(
    r"\b(the|and|is|are|has|no|not|which|carries|present|touchpoints?|souvenirs?|cues?"
    r"|layers?|guests?|journey|phase|missing|design|theme|engaged?|senses?|add|mean"
    r"|remove|reached|answers?|happy|critics|blind|hotspot|more|intensity|overload)\b",
    re.IGNORECASE,
)


def _tally(promoters: int = 0, passives: int = 0, detractors: int = 0) -> TouchpointFeedback:
    scores = [0] * 11
    scores[10], scores[8], scores[2] = promoters, passives, detractors
    return TouchpointFeedback(scores)


def _feedback() -> Feedback:
    unhappy = _tally(promoters=5, detractors=30)
    unhappy.comments.append(Comment(2, "Kolejka 40 min", "2024-05-01", 7))
    return Feedback(
        Source("survey.csv", "0" * 64, "2024-05-02", 100, 100, 0),
        Columns("score"),
        {
            OVERALL: _tally(promoters=10),
            "t8": unhappy,  # FBK001 and FBK002: no negative cue is recorded there
            "t9": _tally(promoters=40),  # FBK003: “dust” only where guests are happy
            "parking": _tally(detractors=3),  # FBK004: not a touchpoint of the design
        },
    )


def _findings(lang: str) -> list[Finding]:
    design = parse_design(DESIGN)
    with language(lang):
        return check(design, feedback=_feedback()).findings


def _where(findings: list[Finding]) -> list[tuple[str, str, tuple[str, ...], int, int]]:
    return [(f.code, f.severity, f.ids, f.line, f.column) for f in findings]


def test_the_design_breaks_the_rules_of_every_principle():
    codes = {f.code for f in _findings("en")}
    assert {f.code[:3] for f in _findings("en")} == {
        "REF", "THM", "HAR", "ELI", "MEM", "SEN", "JRN", "FBK",
    }  # fmt: skip
    assert len(codes) >= 20
    english = " ".join(f.message + " " + f.hint for f in _findings("en"))
    assert len(ENGLISH.findall(english)) > 100  # the words looked for are the messages’ own


@pytest.mark.parametrize("lang", LANGUAGES)
def test_findings_keep_codes_ids_severities_and_lines(lang):
    english, translated = _findings("en"), _findings(lang)
    assert _where(translated) == _where(english)
    assert [f.as_dict().keys() for f in translated] == [f.as_dict().keys() for f in english]
    assert [f.principle for f in translated] == [f.principle for f in english]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_and_hint_is_in_the_language(lang):
    for english, translated in zip(_findings("en"), _findings(lang), strict=True):
        assert translated.message != english.message, english.code
        assert translated.hint != english.hint, english.code
        for text in (translated.message, translated.hint):
            assert not ENGLISH.findall(text), (english.code, text)
        for word in english.ids:  # item ids are kept as written (senses and phases are words)
            if word in english.message and word not in (*SENSES, *PHASES):
                assert word in translated.message + translated.hint


def test_polish_and_chinese_quotes_and_words():
    polish = {f.code: f for f in _findings("pl")}
    chinese = {f.code: f for f in _findings("zh")}
    assert "„smoke”" in polish["ELI001"].message
    assert "wskazówka negatywna" in polish["ELI001"].message
    assert "“smoke”" in chinese["ELI001"].message and "负面线索" in chinese["ELI001"].message
    assert "„węch”, „dotyk” i „smak”" in polish["SEN001"].message
    assert "“嗅觉”、“触觉”和“味觉”" in chinese["SEN001"].message
    assert "„przed wizytą”" in polish["JRN001"].message
    assert "体验前" in chinese["JRN001"].message
    assert "100 odpowiedzi" not in polish["FBK004"].message
    assert "(3 odpowiedzi)" in polish["FBK004"].message
    assert "„Kolejka 40 min”" in polish["FBK001"].hint
    assert "六减一等于零" in chinese["ELI002"].message


def _chain(touchpoints: int) -> str:
    """A design whose high-severity negative cue is met at `touchpoints` touchpoints."""
    lines = [
        "cuecraft: 1",
        "title: Chain",
        "theme: {name: Chain, motifs: [chain]}",
        "zones: [{id: hall}]",
        "touchpoints:",
    ]
    for i in range(1, touchpoints + 1):
        after = f", next: [p{i + 1}]" if i < touchpoints else ""
        lines.append(f"  - {{id: p{i}, zone: hall{after}}}")
    lines += [
        "cues:",
        "  - {id: smoke, text: Smoke, polarity: negative, severity: high, at: [hall]}",
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("more", "polish", "chinese"),
    [
        (1, "oraz jeszcze 1 punkt styku", "及另外 1 个触点"),
        (2, "oraz jeszcze 2 punkty styku", "及另外 2 个触点"),
        (5, "oraz jeszcze 5 punktów styku", "及另外 5 个触点"),
        (22, "oraz jeszcze 22 punkty styku", "及另外 22 个触点"),
        (25, "oraz jeszcze 25 punktów styku", "及另外 25 个触点"),
    ],
)
def test_plural_forms_of_touchpoints_through_eli002(more, polish, chinese):
    design = parse_design(_chain(5 + more))
    found = {}
    for lang in ("en", "pl", "zh"):
        with language(lang):
            [eli002] = [f for f in check(design).findings if f.code == "ELI002"]
        found[lang] = eli002.message
    assert f"and {more} more touchpoint" in found["en"]
    assert polish in found["pl"]
    assert chinese in found["zh"]


def test_polish_plural_rule_gives_three_forms():
    msgid = ("{touchpoints} and {n} more touchpoint", "{touchpoints} and {n} more touchpoints")
    with language("pl"):
        forms = {n: ngettext(*msgid, n).format(touchpoints="„a”", n=n) for n in (1, 2, 5, 22, 25)}
    assert forms == {
        1: "„a” oraz jeszcze 1 punkt styku",
        2: "„a” oraz jeszcze 2 punkty styku",
        5: "„a” oraz jeszcze 5 punktów styku",
        22: "„a” oraz jeszcze 22 punkty styku",
        25: "„a” oraz jeszcze 25 punktów styku",
    }
    with language("zh"):
        assert ngettext(*msgid, 2).format(touchpoints="“a”", n=2) == "“a”及另外 2 个触点"


BAD_SCHEMA = """\
cuecraft: 1
title: x
theme: {name: y}
cues:
  - id: a
    text: [1]
    polarty: positive
    senses: [smel]
    unique: maybe
  - id: Bad Id
"""
BAD_FILES = {
    "schema": BAD_SCHEMA,
    "not YAML": "cuecraft: 1\ntitle: [\n",
    "duplicate key": "cuecraft: 1\ntitle: a\ntitle: b\n",
    "not a design": "title: x\n",
    "empty": "",
}


def _problems(text: str, lang: str) -> list[LoadProblem]:
    with language(lang), pytest.raises(DesignLoadError) as error:
        parse_design(text)
    return error.value.problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", BAD_FILES)
def test_load_errors_are_worded_in_the_language_at_the_same_place(case, lang):
    english, translated = _problems(BAD_FILES[case], "en"), _problems(BAD_FILES[case], lang)
    assert [(p.line, p.column, p.path) for p in translated] == [
        (p.line, p.column, p.path) for p in english
    ]
    for before, after in zip(english, translated, strict=True):
        assert after.message != before.message
        assert not ENGLISH.findall(after.message), after.message
        assert not re.search(r"\b(must|unknown|valid|empty|key|file|line|YAML:)\b", after.message)


def test_a_schema_error_in_polish_and_chinese():
    [text, key, sense, flag, slug] = _problems(BAD_SCHEMA, "pl")
    assert "czy chodziło o „smell”?" in sense.message
    assert flag.message == "„unique” musi mieć wartość true lub false"
    assert (text.line, text.column, text.path) == (6, 11, "cues[0].text")
    assert text.message == "„text” musi być tekstem, a nie listą"
    assert key.message.startswith("nieznany klucz „polarty”; czy chodziło o „polarity”?")
    assert "„Bad Id” nie jest poprawnym identyfikatorem" in slug.message
    [text, *_rest] = _problems(BAD_SCHEMA, "zh")
    assert text.message == "“text”必须是文本，而不是列表"
    assert (
        _problems(BAD_FILES["not YAML"], "pl")[0].message == "niepoprawny YAML: brakuje tu wartości"
    )


def test_feedback_words_and_a_cell_error_are_shown_in_the_language_of_the_moment():
    result = nps_of(60, 20, 20)
    with language("pl"):
        assert describe(result) == "NPS +40 (przedział ufności 95%: od +23 do +54, 100 odpowiedzi)"
        assert describe(nps_of(1, 0, 0)).endswith("1 odpowiedź)")
        assert describe(nps_of(0, 0, 0)) == "brak odpowiedzi"
    with language("zh"):
        assert describe(result) == "NPS +40（95% 置信区间 +23 至 +54，共 100 份回答）"
    with pytest.raises(CellError) as error:
        parse_score("eleven")  # made in English ...
    with language("pl"):  # ... and shown in Polish (a cached parse may be shown later)
        assert str(error.value) == "ocena „eleven” nie jest liczbą całkowitą od 0 do 10"
    assert str(error.value) == "score “eleven” is not a whole number from 0 to 10"


def test_principle_and_severity_titles():
    with language("pl"):
        assert principle_title("harmonize") == "Harmonizacja"
        assert principle_title("harmonize", full=True) == (
            "Harmonizuj wrażenia pozytywnymi wskazówkami"
        )
        assert principle_title("overall") == "Ogółem"
        assert severity_title("warning") == "ostrzeżenie"
        polish = [principle_title(p) for p in PRINCIPLES]
    with language("zh"):
        assert principle_title("eliminate", full=True) == "消除负面线索"
        assert severity_title("error") == "错误"
        chinese = [principle_title(p) for p in PRINCIPLES]
    english = [principle_title(p) for p in PRINCIPLES]
    assert english == ["Theme", "Harmonize", "Eliminate", "Memorabilia", "Senses", "Journey"]
    assert all(a != b != c for a, b, c in zip(english, polish, chinese, strict=True))
    assert principle_title("no-such-principle") == "no-such-principle"
