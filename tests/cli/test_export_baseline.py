"""`cuecraft export FILE -o OUT.pdf --baseline OLD.yaml`: the brief adds “What changes”
(as is → to be); a baseline that cannot be read stops the export with its location."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from cuecraft.cli import main
from cuecraft.core.i18n import _, language

# The café before its redesign: guests queued in the mall, the check-in felt bad, the
# queue was loud and nothing followed the visit.
AS_IS = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain, storm]}
zones:
  - {id: hall, name: Dining hall}
touchpoints:
  - {id: arrive, name: Arrive at the arch, phase: before, zone: hall, next: [queue], emotion: 1}
  - {id: queue, name: Queue in the mall corridor, phase: before, next: [check-in], emotion: -2}
  - {id: check-in, name: Check in with the guide, phase: before, zone: hall, next: [dine],
     emotion: -1}
  - {id: dine, name: Dine under the storm, phase: during, zone: hall, emotion: 3}
cues:
  - {id: mist, text: Fine mist drifts over the tables, motifs: [rain], senses: [touch],
     at: [hall]}
  - {id: pa, text: A tannoy calls the next party by surname, polarity: negative,
     senses: [sound], at: [check-in], severity: high, status: open,
     remedy: Pagers that buzz like a tree frog}
"""

# The redesign: no queue, a warmer check-in, the tannoy gone, a postcard after the visit.
TO_BE = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain, storm]}
zones:
  - {id: hall, name: Dining hall}
touchpoints:
  - {id: arrive, name: Arrive at the arch, phase: before, zone: hall, next: [check-in],
     emotion: 1}
  - {id: check-in, name: Check in with the guide, phase: before, zone: hall, next: [dine],
     emotion: 2}
  - {id: dine, name: Dine under the storm, phase: during, zone: hall, next: [postcard],
     emotion: 3}
  - {id: postcard, name: A storm postcard in the post, phase: after, next: [arrive], emotion: 2}
cues:
  - {id: mist, text: Fine mist drifts over the tables, motifs: [rain], senses: [touch],
     at: [hall]}
"""


@pytest.fixture
def designs(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "as-is.yaml", tmp_path / "to-be.yaml"
    old.write_text(AS_IS, encoding="utf-8")
    new.write_text(TO_BE, encoding="utf-8")
    return old, new


def outline(path: Path) -> list[str]:
    reader = PdfReader(path)
    return [item.title for item in reader.outline if not isinstance(item, list)]


def squashed(path: Path) -> str:
    return "".join("".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_the_brief_says_what_changes_from_the_baseline(
    designs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = designs
    out = tmp_path / "brief.pdf"
    assert main(["export", str(new), "-o", str(out), "--baseline", str(old)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    titles = outline(out)
    assert titles[titles.index("Executive summary") + 1] == "What changes"
    text = squashed(out)
    for said in (
        "TouchpointAstormpostcardinthepost",  # added
        "TouchpointQueueinthemallcorridor",  # removed
        "CueAtannoycallsthenextpartybysurname",  # removed
        "Checkinwiththeguideemotion:−1→+2",  # changed
        "thehigh-severitynegativecue“Atannoycallsthenextpartybysurname”",  # resolved
    ):
        assert said in text, said
    assert "queue" not in text.split("Whatisadded")[1].split("Theme")[0]  # names, not ids


def test_without_a_baseline_there_is_no_such_section(
    designs: tuple[Path, Path], tmp_path: Path
) -> None:
    _old, new = designs
    out = tmp_path / "brief.pdf"
    assert main(["export", str(new), "-o", str(out)]) == 0
    assert "What changes" not in outline(out)
    assert "Whatchanges" not in squashed(out)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("cuecraft: 1\ntitle: [unclosed\n", None),  # not YAML
        (
            "cuecraft: 1\ntitle: Storm café\ntheme: {name: Rain}\ntouchpoints:\n  - {name: x}\n",
            "id",
        ),
    ],
)
def test_an_unreadable_baseline_exits_2_with_its_location_and_writes_nothing(
    designs: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    message: str | None,
) -> None:
    _old, new = designs
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "brief.pdf"
    assert main(["export", str(new), "-o", str(out), "--baseline", str(bad)]) == 2
    err = capsys.readouterr().err
    assert re.match(rf"{re.escape(str(bad))}:\d+:\d+: \S", err), err
    if message:
        assert message in err
    assert not out.exists()
    # A brief already there stays as it was.
    out.write_bytes(b"the brief from yesterday")
    assert main(["export", str(new), "-o", str(out), "--baseline", str(bad)]) == 2
    assert out.read_bytes() == b"the brief from yesterday"


def test_a_missing_baseline_exits_2(designs: tuple[Path, Path], tmp_path: Path, capsys) -> None:
    _old, new = designs
    missing, out = tmp_path / "nope.yaml", tmp_path / "brief.pdf"
    assert main(["export", str(new), "-o", str(out), "--baseline", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{missing}:1:1: ") and "no such file" in err
    assert not out.exists()


def test_the_section_is_chosen_by_name(
    designs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = designs
    out = tmp_path / "brief.pdf"
    args = ["export", str(new), "-o", str(out), "--sections", "changes,summary"]
    assert main([*args, "--baseline", str(old)]) == 0
    assert outline(out) == ["Contents", "Executive summary", "What changes"]
    # Left out of the sections chosen, a baseline adds nothing.
    only = ["export", str(new), "-o", str(out), "--sections", "summary", "--baseline", str(old)]
    assert main(only) == 0
    assert outline(out) == ["Executive summary"]
    # Alone without a baseline there is nothing to print: one clear line, exit 2.
    out.unlink()
    capsys.readouterr()
    assert main(["export", str(new), "-o", str(out), "--sections", "changes"]) == 2
    err = capsys.readouterr().err
    assert "--baseline" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize(("lang", "paper"), [("pl", "letter"), ("zh", "a4")])
def test_the_section_follows_the_brief_language_and_paper(
    designs: tuple[Path, Path], tmp_path: Path, lang: str, paper: str
) -> None:
    old, new = designs
    out = tmp_path / "brief.pdf"
    args = ["export", str(new), "-o", str(out), "--baseline", str(old), "--paper", paper]
    assert main([*args, "--lang", lang]) == 0
    with language(lang):
        title = _("What changes")
    assert title in outline(out)
    width = float(PdfReader(out).pages[0].mediabox.width)
    assert round(width) == {"a4": 595, "letter": 612}[paper]
