"""Findings and scores in the client's words (core/explain.py, core/names.py): names for
ids, file keys only for the design team, every score below 100 explained, every open
negative cue among the things to fix."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from cuecraft.core.check import check
from cuecraft.core.explain import for_client, to_fix, why_below_100, with_names
from cuecraft.core.findings import finding
from cuecraft.core.i18n import language
from cuecraft.core.model import Cue, Design, Souvenir, Theme, Touchpoint, Zone
from cuecraft.core.names import label_lines, names, short, short_name, width


def hotel(**changes: object) -> Design:
    """A small design: one open negative cue, a souvenir without motifs."""
    design = Design(
        title="Hotel",
        theme=Theme("Linden", motifs=["linden", "tea"]),
        zones=[Zone("hall", "Reading hall")],
        touchpoints=[
            Touchpoint("t1", "Book online", "before", "hall", ["t2"], 1),
            Touchpoint("t2", "Tea in the hall", "during", "hall", ["t3"], 3),
            Touchpoint("t3", "Postcard a year later", "after", "hall", ["t1"], 2),
        ],
        cues=[
            Cue("c1", "Linden tea poured at the door", senses=["taste", "smell"], at=["hall"]),
            Cue("c2", "Gramophone", senses=["sound", "sight", "touch"], motifs=["tea"], at=["t2"]),
            Cue(
                "neg-wifi",
                "Wi-Fi portal with adverts",
                polarity="negative",
                severity="low",
                status="open",
                at=["t2"],
                remedy="Password on a handwritten card",
            ),
        ],
        souvenirs=[Souvenir("jar", "Jar of linden honey", [], ["c1"], ["t3"])],
    )
    for key, value in changes.items():
        setattr(design, key, value)
    return design


def test_short_names_cut_at_a_word_and_count_chinese_double() -> None:
    assert short("Tracy the talking tree tells a short conservation tale", 30) == (
        "Tracy the talking tree tells…"
    )
    assert short("The first sentence. Then a much longer second one follows", 30) == (
        "The first sentence"
    )
    # Too short to stand for the text: “Cha!” of “Cha! Cha! the tree frog …”.
    assert short("Cha! Cha! the tree frog greets every table", 30) == "Cha! Cha! the tree frog…"
    chinese = short("服务员在等位区为客人提供免费美甲擦鞋和小吃", 20)
    assert chinese.endswith("…") and len(chinese) <= 10
    nameless = Zone("z9")
    assert short_name(nameless) == "z9"  # nothing else to call it


def test_quoted_ids_and_paths_become_names() -> None:
    named = {"t4": "Order at the bar", "neg3": "Sticky menus", "t5": "Pay"}
    said = with_names("the cue “neg3” is at “t4” (t4 → t5 → …)", named)
    assert said == "the cue “Sticky menus” is at “Order at the bar” (Order at the bar → Pay → …)"
    assert with_names("„neg3” w „t4”", named) == "„Sticky menus” w „Order at the bar”"
    assert with_names("the motif “tea”", named) == "the motif “tea”"  # not an id


def test_file_keys_are_for_the_design_team_only() -> None:
    design = hotel()
    design.cues[2].remedy = None
    result = check(design)
    eli001 = next(f for f in result.findings if f.code == "ELI001")
    assert eli001.fields == ("remedy",)
    assert "remedy" not in eli001.hint
    assert eli001.designer_hint == f"{eli001.hint} (remedy)"
    assert json.loads(json.dumps(eli001.as_dict()))["fields"] == ["remedy"]
    said = for_client(eli001, names(design))
    assert "neg-wifi" not in said.message and "Wi-Fi portal with adverts" in said.message
    assert "(remedy)" not in said.hint
    with language("zh"):
        zh = check(design).findings
        hint = next(f for f in zh if f.code == "ELI001").designer_hint
    assert hint.endswith("（remedy）")


def test_every_active_negative_cue_is_something_to_fix() -> None:
    design = hotel()
    items = to_fix(check(design))
    cue_rows = [i for i in items if i.code is None]
    assert [i.ids for i in cue_rows] == [("neg-wifi",)]
    assert "Wi-Fi portal with adverts" in cue_rows[0].what
    assert "Tea in the hall" in cue_rows[0].what  # where guests meet it, by name
    assert "Password on a handwritten card" in cue_rows[0].how
    design.cues[2].status = "eliminated"
    assert not [i for i in to_fix(check(design)) if i.code is None]


def test_no_remedy_is_said_once_by_the_cue_row() -> None:
    design = hotel()
    design.cues[2].remedy = ""
    items = to_fix(check(design))
    assert not [i for i in items if i.code == "ELI001"]
    assert [i for i in items if i.code is None and "no remedy" in i.how]


def test_things_to_fix_most_pressing_first() -> None:
    design = hotel()
    design.cues.append(
        Cue("neg-queue", "Queue", polarity="negative", severity="high", at=["t3"], remedy="Pager")
    )
    design.cues.append(
        Cue("neg-noise", "Noise", polarity="negative", severity="medium", at=["t3"], remedy="Rug")
    )
    ranks = [i.rank for i in to_fix(check(design))]
    order = ["error", "high", "warning", "medium", "low"]
    assert ranks == sorted(ranks, key=order.index)
    # The high-severity queue on the path is 6 − 1 = 0: its ELI002 row says it first.
    assert ranks.index("error") < ranks.index("medium") < ranks.index("low")


def test_each_score_below_100_says_what_lowers_it() -> None:
    result = check(hotel())
    lowered = {item.principle: item for item in why_below_100(result)}
    assert set(lowered) == {p for p, s in result.scorecard.scores.items() if s < 100}
    eliminate = lowered["eliminate"]
    assert eliminate.score == result.scorecard.scores["eliminate"] < 100
    assert any("Wi-Fi portal with adverts" in r for r in eliminate.reasons)
    memorabilia = lowered["memorabilia"]
    assert any("Jar of linden honey" in r for r in memorabilia.reasons)
    assert not any("jar" in r.split() or "“jar”" in r for r in memorabilia.reasons)


def test_a_finding_with_no_ids_keeps_its_words() -> None:
    plain = finding("JRN003", "warning", "the loop is open", (), None, "lead back", ("next",))
    said = for_client(plain, {})
    assert (said.message, said.hint) == ("the loop is open", "lead back")


def test_a_path_in_chinese_brackets_becomes_names() -> None:
    named = {"t4": "点锅底", "t5": "结账"}
    said = with_names("出现在“t4”（t4 → t5 → …）", named)
    assert said == "出现在“点锅底”（点锅底 → 结账 → …）"


@given(
    st.lists(st.text(alphabet="abcdeé 海底捞", min_size=1, max_size=12), min_size=1, max_size=12),
    st.integers(min_value=3, max_value=40),
    st.integers(min_value=1, max_value=3),
)
def test_label_lines_fit_and_keep_the_name_order(parts, room, lines) -> None:
    """Each line fits, there are at most `lines`, and the label reads as the name's start
    (whole when it fits): what label_lines promises, whatever the measure."""
    name = " ".join(" ".join(parts).split())
    if not name:
        return
    shown = label_lines(name, lambda line: width(line) <= room, lines)
    assert 1 <= len(shown) <= lines
    assert all(width(line) <= room for line in shown if line != "…")
    joined = "".join("".join(shown).split()).rstrip("…")
    flat = "".join(name.split())
    first = "".join(re.split(r"(?<=[.!?])\s", name, maxsplit=1)[0].split())
    assert flat.startswith(joined) or first.startswith(joined)
    if width(name) <= room:
        assert shown == [name]
