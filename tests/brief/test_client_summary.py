"""The executive summary speaks to the client (issue 14, SPEC §6): names, not ids; no rule
codes or file lines; every score below 100 explained; open negative cues always among the
things to fix first, never “nothing to fix” while one is open.

Real briefs of the worked examples, read back with pypdf.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from tests.brief.conftest import DESIGNS, Brief, squash

from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import _, language
from cuecraft.core.model import Design
from cuecraft.core.names import short_name
from cuecraft.core.rules import CODES

EXAMPLES = [
    "agency-client-journey",
    "boutique-hotel",
    "flagship-store",
    "haidilao-hotpot",
    "museum-exhibition",
    "rainforest-cafe",
]
NOTHING_TO_FIX = "Nothing to fix"


def user_words(design: Design) -> str:
    """Everything a person typed into the design, where an id may be an ordinary word."""
    parts = [design.title, design.client or "", design.venue or "", design.theme.name]
    parts += [design.theme.tagline or "", design.theme.storyline or "", *design.theme.motifs]
    for group in (design.zones, design.touchpoints, design.layers, design.souvenirs):
        parts += [getattr(item, "name", "") for item in group]
    parts += [c.text + " " + (c.remedy or "") for c in design.cues]
    return " ".join(parts)


def id_like(design: Design) -> list[str]:
    """The design's ids that could only be ids in the summary: never a word typed anywhere."""
    typed = set(re.findall(r"[\w-]+", user_words(design).casefold()))
    ids = [i.id for g in (design.zones, design.touchpoints, design.cues) for i in g]
    ids += [i.id for g in (design.layers, design.souvenirs) for i in g]
    return [i for i in ids if i.casefold() not in typed]


def summary_text(export: Callable[..., Brief], name: str, lang: str | None = None) -> str:
    options: dict[str, object] = {"sections": ["summary"]}
    if lang:
        options["language"] = lang
    return export(name, **options).text


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_summary_names_no_id_no_code_no_line(export: Callable[..., Brief], name: str) -> None:
    design = load_design(DESIGNS / f"{name}.yaml")
    said = summary_text(export, name, "en")
    words = set(re.findall(r"[\w-]+", said))
    leaked = [i for i in id_like(design) if i in words]
    assert not leaked
    assert not [code for code in CODES if code in said]
    assert not re.search(r"\bline \d+", said)


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_no_code_or_line_in_polish_or_chinese(export: Callable[..., Brief], lang: str) -> None:
    said = summary_text(export, "rainforest-cafe", lang)
    assert not [code for code in CODES if code in said]
    with language(lang):
        before, after = _("line {line}").split("{line}")
    line_n = re.escape(before.strip()) + r"\s*\d+\s*" + re.escape(after.strip())
    assert not re.search(line_n, said)
    design = load_design(DESIGNS / "rainforest-cafe.yaml")
    words = set(re.findall(r"[\w-]+", said))
    assert not [i for i in id_like(design) if i in words]  # the path of steps too


def test_open_negative_cues_are_never_nothing_to_fix(export: Callable[..., Brief]) -> None:
    """The hotel has no finding about its negative cues, but one is open (the Wi-Fi portal)."""
    design = load_design(DESIGNS / "boutique-hotel.yaml")
    open_cues = [c for c in design.cues if c.is_negative and c.effective_status == "open"]
    assert open_cues  # the example keeps one open, or this test proves nothing
    said = summary_text(export, "boutique-hotel", "en")
    assert NOTHING_TO_FIX not in said
    for cue in open_cues:
        assert squash(short_name(cue, 60).rstrip("…")) in squash(said)


def test_a_design_with_nothing_open_says_nothing_to_fix(export: Callable[..., Brief]) -> None:
    design = load_design(DESIGNS / "boutique-hotel.yaml")
    negatives = [c for c in design.cues if c.is_negative]
    for cue in negatives:
        cue.status = "eliminated"
    for action in design.actions:  # and the blueprint's one gap closed (BLU003)
        action.owner = action.owner or "front-desk"
    said = export("boutique-eliminated", design, sections=["summary"], language="en").text
    assert NOTHING_TO_FIX in said


def test_each_score_below_100_is_explained(export: Callable[..., Brief]) -> None:
    """“Eliminate 80: …” with the open negative cue by name, not “Every check passes”."""
    said = squash(summary_text(export, "boutique-hotel", "en"))
    assert squash("Eliminate 80:") in said
    design = load_design(DESIGNS / "boutique-hotel.yaml")
    wifi = next(c for c in design.cues if c.id == "wifi-portal")
    assert squash(short_name(wifi, 60)) in said
    assert "Everycheckpasses" not in said


def test_the_appendix_keeps_codes_ids_and_lines(export: Callable[..., Brief]) -> None:
    """The design team's report still says where: code, ids and the file's line."""
    said = export("haidilao-hotpot", sections=["report"], language="en").text
    assert "THM001" in said and "kids-nanny" in said
    assert re.search(r"\bline \d+", said)
    assert "(motifs,evokes)" in squash(said)  # the file keys the hint is about
