"""The templates: what a picker shows comes from each template's own file, in three languages.

Every template exists in English, Polish and Simplified Chinese with the same ids and
the same structure (only the words differ, motifs translated one to one), so the
checks find the same in each; the description a picker shows is the file's own
header line in that language, never a gettext string.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from cuecraft.core import templates
from cuecraft.core.check import check
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Design
from cuecraft.core.writer import saved_text
from cuecraft.resources import resource_dir

NAMES = [name for name, _ in templates.available()]
TRANSLATED = ("pl", "zh")
# Fields that hold words (translated); everything else must be identical across languages.
WORDS = {
    "title",
    "client",
    "venue",
    "language",
    "name",
    "tagline",
    "storyline",
    "text",
    "remedy",
    "owner",
    "fail",
    "recovery",
}
MOTIF_LISTS = {"motifs", "avoid"}
# Words that only a Polish or a Chinese text would contain; English ones that must not appear.
POLISH = re.compile(r"[ąćęłńóśźż]|\b(?:i|w|z|na|do|po|się|przy|oraz)\b", re.IGNORECASE)
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ENGLISH = re.compile(r"\b(?:the|and|with|of|from|your|every)\b", re.IGNORECASE)


def words_of(design: Design) -> list[str]:
    """Every piece of text a person reads in a design, motifs included."""
    out = [
        design.title,
        design.theme.name,
        design.theme.tagline or "",
        design.theme.storyline or "",
    ]
    out += design.theme.motifs + design.theme.avoid
    for item in design.items():
        out += [getattr(item, "name", ""), getattr(item, "text", ""), getattr(item, "remedy", "")]
        out += [getattr(item, key, "") or "" for key in ("owner", "fail", "recovery")]
        out += [m for m in getattr(item, "motifs", [])]
    return [w for w in out if w]


def same_shape(english: Any, other: Any, motifs: dict[str, str], path: str = "") -> None:
    """Assert `other` is `english` with only its words changed; collect the motif mapping."""
    if dataclasses.is_dataclass(english):
        assert type(english) is type(other), path
        for f in dataclasses.fields(english):
            if not f.compare or f.name in WORDS or f.name == "preamble":
                continue
            sub = f"{path}.{f.name}"
            a, b = getattr(english, f.name), getattr(other, f.name)
            if f.name in MOTIF_LISTS:
                assert len(a) == len(b), sub
                for x, y in zip(a, b, strict=True):
                    assert motifs.setdefault(x, y) == y, f"{sub}: {x} is both {motifs[x]} and {y}"
            else:
                same_shape(a, b, motifs, sub)
    elif isinstance(english, list):
        assert len(english) == len(other), path
        for i, (a, b) in enumerate(zip(english, other, strict=True)):
            same_shape(a, b, motifs, f"{path}[{i}]")
    else:
        assert english == other, path


def test_every_template_says_what_it_is_from_its_own_file():
    infos = templates.catalogue()
    assert [i.name for i in infos] == NAMES
    assert infos[0].name == "blank"
    for info in infos:
        text = (resource_dir("templates") / f"{info.name}.yaml").read_text(encoding="utf-8")
        assert info.description and f"# template: {info.description}" in text
        assert info.title and f"title: {info.title}" in text
        assert info.theme and info.theme in text
        assert not info.tagline or info.tagline in text
    cafe = next(i for i in infos if i.name == "cafe")
    assert cafe.tagline == "Your usual, before you ask"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_template_is_translated_and_describes_itself_in_that_language(lang):
    english = dict(templates.available())
    described = templates.available(lang)
    assert [name for name, _ in described] == NAMES
    for name, description in described:
        assert templates.translations(name) == ["en", "pl", "zh"]
        path = resource_dir("templates") / lang / f"{name}.yaml"
        assert path.read_text(encoding="utf-8").startswith(f"# template: {description}\n")
        assert description and description != english[name]
        if lang == "pl":
            assert POLISH.search(description), description
        else:
            assert CHINESE.search(description), description
    infos = templates.catalogue(lang)
    assert [i.description for i in infos] == [d for _, d in described]
    assert all(i.title != templates.load(i.name).title for i in infos)


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
@pytest.mark.parametrize("name", NAMES)
def test_template_loads_saves_as_written_and_all_but_blank_are_clean(name, lang):
    path = templates.path_of(name, lang)
    design = load_design(path)
    # What the file says is what a save writes: `cuecraft fmt --check` passes on it.
    assert saved_text(design) == path.read_text(encoding="utf-8")
    fresh = templates.load(name, lang)
    assert fresh.preamble == ""
    if name != "blank":
        assert check(fresh).findings == []


# Templates that start with a small service blueprint: one action per lane.
BLUEPRINTED = ("venue", "workshop")


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
@pytest.mark.parametrize("name", BLUEPRINTED)
def test_template_has_a_starter_blueprint_without_errors(name, lang):
    design = templates.load(name, lang)
    lanes = [a.lane for a in design.actions]
    assert sorted(lanes) == ["backstage", "frontstage", "support"]
    # Written as a designer would start: each says what happens, whom it serves and who
    # answers for it; the frontstage one has its standard time.
    assert all(a.text and a.at and a.owner for a in design.actions)
    front = next(a for a in design.actions if a.lane == "frontstage")
    assert front.minutes is not None
    result = check(design)
    assert not [f for f in result.findings if f.severity == "error"]
    assert result.scorecard.scores["staging"] == 100


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("name", NAMES)
def test_a_translation_has_the_ids_and_structure_of_the_english_template(name, lang):
    english, other = templates.load(name), templates.load(name, lang)
    assert [i.id for i in other.items()] == [i.id for i in english.items()]
    motifs: dict[str, str] = {}
    same_shape(english, other, motifs)
    # One word per motif and back: the checks see the same theme.
    assert len(set(motifs.values())) == len(motifs)
    ours, theirs = check(english), check(other)
    assert [(f.code, f.ids) for f in theirs.findings] == [(f.code, f.ids) for f in ours.findings]
    assert theirs.scorecard == ours.scorecard


@pytest.mark.parametrize("name", NAMES)
def test_polish_templates_are_written_in_polish(name):
    design = templates.load(name, "pl")
    assert design.language == "pl"
    words = words_of(design)
    assert all(not ENGLISH.search(w) for w in words), [w for w in words if ENGLISH.search(w)]
    assert POLISH.search(" ".join(words))
    english = words_of(templates.load(name))
    assert not set(words) & set(english) - {"Foyer", "Bar"}


@pytest.mark.parametrize("name", NAMES)
def test_chinese_templates_are_written_in_simplified_chinese(name):
    design = templates.load(name, "zh")
    assert design.language == "zh-CN"
    words = words_of(design)
    # Every piece of text is Chinese (Latin only inside it, as in "App").
    assert all(CHINESE.search(w) for w in words), [w for w in words if not CHINESE.search(w)]
    assert all(not ENGLISH.search(w) for w in words)


def test_telling_words():
    cafe_pl, cafe_zh = templates.load("cafe", "pl"), templates.load("cafe", "zh")
    assert cafe_pl.title == "Kawiarnia osiedlowa" and cafe_zh.title == "社区咖啡馆"
    assert "kawa" in cafe_pl.theme.motifs and "烘焙" in cafe_zh.theme.motifs
    assert templates.load("blank", "pl").title == "Projekt bez tytułu"
    assert templates.load("blank", "zh").title == "未命名设计"
    # Chinese text is Simplified, with Chinese punctuation.
    assert "“明天见”" in next(c.text for c in cafe_zh.cues if c.id == "goodbye-wave")
    assert "„do jutra”" in next(c.text for c in cafe_pl.cues if c.id == "goodbye-wave")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("pl", "pl"),
        ("pl-PL", "pl"),
        ("pl_PL.UTF-8", "pl"),
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh-Hans", "zh"),
        ("zh_SG", "zh"),
        ("en", "en"),
        ("de", "en"),
        ("zh-TW", "en"),
        ("", "en"),
    ],
)
def test_language_tags_are_normalised_and_unknown_ones_give_english(tag, expected):
    assert templates.load("cafe", tag) == templates.load("cafe", expected)
    assert templates.available(tag) == templates.available(expected)


def test_a_template_without_a_translation_falls_back_to_english(tmp_path, monkeypatch):
    import shutil

    from cuecraft.core import templates as module

    folder = tmp_path / "templates"
    shutil.copytree(resource_dir("templates"), folder)
    (folder / "pl" / "venue.yaml").unlink()
    (folder / "zh" / "workshop.yaml").unlink()
    monkeypatch.setattr(module, "resource_dir", lambda name: tmp_path / name)
    assert module.translations("venue") == ["en", "zh"]
    assert module.load("venue", "pl") == module.load("venue")
    assert dict(module.available("pl"))["venue"] == dict(module.available())["venue"]
    assert dict(module.available("zh"))["workshop"] == dict(module.available())["workshop"]
    assert module.load("venue", "zh").language == "zh-CN"


def test_the_signatures_without_a_language_stay_english():
    assert templates.available() == templates.available("en")
    assert templates.load("cafe") == templates.load("cafe", "en")
    assert templates.load("cafe").language == "en"
    assert templates.catalogue() == templates.catalogue("en")
