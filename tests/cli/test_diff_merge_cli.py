"""`cuecraft diff` and `cuecraft merge` as people, scripts and git run them: real
subprocesses on real design files (copies of the Rainforest Cafe, edited as text)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cuecraft.core.conflicts import recorded_conflicts
from cuecraft.core.edits import RenameId
from cuecraft.core.fileformat import load_design, save_design

CAFE = Path(__file__).resolve().parents[2] / "designs" / "rainforest-cafe.yaml"
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): .+$")

# One field of one touchpoint: the emotion at "discover".
DISCOVER_EMOTION = "    next: [book]\n    emotion: 1\n"
# A set-like list: the senses of the storm-cam teaser.
TEASER_SENSES = (
    "    senses: [sight, sound]\n    motifs: [thunderstorm, canopy]\n    at: [discover]\n"
)
# The negative cue behind the design's ELI002 (6 − 1 = 0).
QUEUE = re.compile(r"  - id: saturday-queue\n.*?(?=  - id: mall-muzak\n)", re.S)


def cuecraft(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cuecraft.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture
def cafe() -> str:
    return CAFE.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path):
    def _write(name: str, text: str) -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return _write


def diff_json(old: str, new: str) -> tuple[int, dict]:
    result = cuecraft("diff", old, new, "--format", "json")
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout)


# -- diff: exit codes ---------------------------------------------------------------


def test_identical_designs_exit_0_and_say_so(write, cafe):
    old, new = write("old.yaml", cafe), write("new.yaml", cafe)
    result = cuecraft("diff", old, new)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{old} and {new} are the same design"


def test_comments_and_layout_alone_are_the_same_design(write, cafe):
    old = write("old.yaml", cafe)
    new = write(
        "new.yaml", "# reviewed on Monday\n" + cafe.replace("emotion: 1\n", "emotion: 1   # low\n")
    )
    code, report = diff_json(old, new)
    assert code == 0
    assert report["same"] is True
    assert report["changed"] == report["added"] == report["removed"] == []


def test_a_changed_field_exits_1_and_names_item_and_field(write, cafe):
    old = write("old.yaml", cafe)
    new = write("new.yaml", edit(cafe, DISCOVER_EMOTION, "    next: [book]\n    emotion: 3\n"))
    result = cuecraft("diff", old, new)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- {old}", f"+++ {new}"]
    at = lines.index("~ touchpoint discover")
    assert lines[at + 1].strip() == "emotion: 1 → 3"


def test_unreadable_designs_exit_2_with_located_reasons_and_print_nothing(write, cafe):
    good = write("good.yaml", cafe)
    broken = write("broken.yaml", cafe + "cues: [\n")
    for args in ((good, broken), (broken, good), (good, str(Path(good).parent / "missing.yaml"))):
        result = cuecraft("diff", *args)
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr
        assert all(LOCATED.match(line) for line in result.stderr.splitlines()), result.stderr


def test_one_or_three_files_exit_2(write, cafe):
    old = write("old.yaml", cafe)
    for args in ((old,), (old, old, old)):
        result = cuecraft("diff", *args, env=_without_git_env())
        assert result.returncode == 2
        assert result.stdout == ""
        assert result.stderr.strip()


# -- diff: the JSON shape -----------------------------------------------------------


def test_json_lists_each_kind_of_change(write, cafe, tmp_path):
    old = write("old.yaml", cafe)
    text = edit(cafe, DISCOVER_EMOTION, "    next: [book]\n    emotion: 3\n")
    text = edit(text, TEASER_SENSES, TEASER_SENSES.replace("sound]", "sound, touch]"))
    text = edit(text, "title: Rainforest Cafe — mall flagship", "title: Rainforest Cafe")
    text = QUEUE.sub("", text)
    middle = write("middle.yaml", text)
    design = load_design(middle)
    RenameId("frog-chorus", "tree-frogs").apply(design)
    save_design(design, middle)
    layer = "  - id: wet-stone\n    sense: touch\n    name: Wet stone railings\n    at: [podium]\n"
    new = write(
        "new.yaml",
        edit(Path(middle).read_text(encoding="utf-8"), "souvenirs:\n", layer + "souvenirs:\n"),
    )
    code, report = diff_json(old, new)
    assert code == 1
    assert set(report) == {
        "cuecraft-diff",
        "old",
        "new",
        "same",
        "design",
        "added",
        "removed",
        "renamed",
        "changed",
        "findings",
        "scorecard",
    }
    assert report["cuecraft-diff"] == 1
    assert (report["old"], report["new"], report["same"]) == (old, new, False)
    assert report["design"] == [
        {"field": "title", "old": "Rainforest Cafe — mall flagship", "new": "Rainforest Cafe"}
    ]
    assert report["added"] == [{"kind": "layer", "id": "wet-stone"}]
    assert report["removed"] == [{"kind": "cue", "id": "saturday-queue"}]
    assert report["renamed"] == [{"kind": "cue", "old": "frog-chorus", "new": "tree-frogs"}]
    changed = {(c["kind"], c["id"]): c["fields"] for c in report["changed"]}
    assert changed[("touchpoint", "discover")] == [{"field": "emotion", "old": 1, "new": 3}]
    (senses,) = changed[("cue", "storm-teaser")]
    assert senses["field"] == "senses"
    assert (senses["added"], senses["removed"]) == (["touch"], [])
    resolved = {(f["code"], tuple(f["ids"])) for f in report["findings"]["resolved"]}
    assert ("ELI002", ("saturday-queue",)) in resolved
    before, after = report["scorecard"]["before"], report["scorecard"]["after"]
    assert after["principles"]["eliminate"] > before["principles"]["eliminate"]
    assert after["overall"] > before["overall"] == 0  # 6 − 1 = 0 no longer holds it at 0


# -- diff: git's forms --------------------------------------------------------------

ZERO = "0" * 40


def _without_git_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_DIFF_PATH")}


def _git_env() -> dict[str, str]:
    return {**os.environ, "GIT_DIFF_PATH_COUNTER": "1", "GIT_DIFF_PATH_TOTAL": "1"}


def test_git_seven_arguments_exit_0_even_when_different(write, cafe):
    old = write("old.yaml", cafe)
    new = write("new.yaml", edit(cafe, DISCOVER_EMOTION, "    next: [book]\n    emotion: 3\n"))
    path = "designs/rainforest-cafe.yaml"
    args = (path, old, ZERO, "100644", new, ZERO, "100644")
    result = cuecraft("diff", *args, env=_git_env())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == [f"--- a/{path}", f"+++ b/{path}"]
    assert "~ touchpoint discover" in lines


def test_git_added_design_compares_with_nothing(write, cafe):
    new = write("new.yaml", cafe)
    args = ("cafe.yaml", "/dev/null", ZERO, "100644", new, ZERO, "100644")
    code_json = cuecraft("diff", *args, "--format", "json", env=_git_env())
    assert code_json.returncode == 0, code_json.stderr
    report = json.loads(code_json.stdout)
    added = {(a["kind"], a["id"]) for a in report["added"]}
    assert ("touchpoint", "discover") in added and ("cue", "saturday-queue") in added
    assert report["removed"] == []
    # Nothing was there: nothing is resolved, and no score stood before.
    assert report["old"] == "/dev/null"
    assert report["findings"]["resolved"] == []
    assert report["scorecard"]["before"]["principles"] == {}


def test_git_nine_arguments_of_a_rename_label_the_new_path(write, cafe):
    old = write("old.yaml", cafe)
    new = write("new.yaml", edit(cafe, DISCOVER_EMOTION, "    next: [book]\n    emotion: 3\n"))
    header = "similarity index 99%\nrename from cafe.yaml\nrename to cafe-v2.yaml\n"
    args = ("cafe.yaml", old, ZERO, "100644", new, ZERO, "100644", "cafe-v2.yaml", header)
    result = cuecraft("diff", *args, env=_git_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["--- a/cafe.yaml", "+++ b/cafe-v2.yaml"]


def test_git_one_argument_is_an_unmerged_path(write, cafe):
    result = cuecraft("diff", "designs/cafe.yaml", env=_git_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "* Unmerged path designs/cafe.yaml"


def test_git_form_with_a_side_that_is_not_a_design_shows_its_lines_and_exits_0(write):
    old = write("old.yaml", "wave: 1\nscores: [9, 10]\n")
    new = write("new.yaml", "wave: 2\nscores: [9, 10]\n")
    args = ("designs/cafe.feedback.yaml", old, ZERO, "100644", new, ZERO, "100644")
    result = cuecraft("diff", *args, env=_git_env())
    assert result.returncode == 0  # git would stop at anything else ("external diff died")
    lines = result.stdout.splitlines()
    assert LOCATED.match(lines[0]) and lines[0].startswith("a/designs/cafe.feedback.yaml:")
    assert "-wave: 1" in lines and "+wave: 2" in lines and " scores: [9, 10]" in lines


# -- merge --------------------------------------------------------------------------


@pytest.fixture
def three(write, cafe):
    """BASE, OURS (discover's emotion 3, a comment) and THEIRS (storm-teaser's senses)."""
    base = write("base.yaml", cafe)
    ours = write(
        "ours.yaml",
        edit(cafe, DISCOVER_EMOTION, "    next: [book]\n    emotion: 3   # after the redesign\n"),
    )
    theirs = write(
        "theirs.yaml", edit(cafe, TEASER_SENSES, TEASER_SENSES.replace("sound]", "sound, touch]"))
    )
    return base, ours, theirs


def test_clean_merge_exits_0_and_replaces_ours_with_both_edits(three):
    base, ours, theirs = three
    result = cuecraft("merge", base, ours, theirs)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    merged = load_design(ours)
    assert merged.index()["discover"].emotion == 3
    assert "touch" in merged.index()["storm-teaser"].senses
    assert recorded_conflicts(merged) == []
    text = Path(ours).read_text(encoding="utf-8")
    assert "emotion: 3   # after the redesign" in text
    assert text.startswith("# Themed restaurant in the spirit of Rainforest Cafe")


def test_merge_with_output_leaves_ours_alone(three, tmp_path):
    base, ours, theirs = three
    before = Path(ours).read_bytes()
    out = tmp_path / "merged.yaml"
    result = cuecraft("merge", base, ours, theirs, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert Path(ours).read_bytes() == before
    assert "touch" in load_design(out).index()["storm-teaser"].senses


def test_conflict_exits_1_keeps_ours_and_records_theirs(write, cafe, tmp_path):
    base = write("base.yaml", cafe)
    ours = write("ours.yaml", edit(cafe, DISCOVER_EMOTION, "    next: [book]\n    emotion: 2\n"))
    theirs = write(
        "theirs.yaml", edit(cafe, DISCOVER_EMOTION, "    next: [book]\n    emotion: 3\n")
    )
    result = cuecraft("merge", base, ours, theirs, "--name", "designs/cafe.yaml")
    assert result.returncode == 1
    merged = load_design(ours)
    assert merged.index()["discover"].emotion == 2
    # In the file as any YAML reader sees it: {id, field, ours, theirs}.
    recorded = yaml.safe_load(Path(ours).read_text(encoding="utf-8"))["x-merge-conflicts"]
    assert recorded == [{"id": "discover", "field": "emotion", "ours": 2, "theirs": 3}]
    assert len(recorded_conflicts(merged)) == 1
    # The messages name the design as --name says (git's %P), not git's temporary copy.
    first, *rest = result.stderr.splitlines()
    assert first.startswith("designs/cafe.yaml: 1 ")
    assert [line.split()[0] for line in rest] == ["MRG001"]
    check = cuecraft("check", ours)
    assert check.returncode == 1
    assert re.search(r":\d+:\d+: MRG001 ", check.stdout)


@pytest.mark.parametrize("broken", ["base", "ours", "theirs"])
def test_unreadable_input_exits_2_and_writes_nothing(three, tmp_path, broken):
    files = dict(zip(("base", "ours", "theirs"), three, strict=True))
    Path(files[broken]).write_text("cuecraft: 1\ntitle: [\n", encoding="utf-8")
    before = Path(files["ours"]).read_bytes()
    out = tmp_path / "merged.yaml"
    for extra in ((), ("-o", str(out))):
        result = cuecraft("merge", files["base"], files["ours"], files["theirs"], *extra)
        assert result.returncode == 2
        assert LOCATED.match(result.stderr.splitlines()[0]), result.stderr
        assert Path(files["ours"]).read_bytes() == before
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.yaml", "ours.yaml", "theirs.yaml"]


def test_unwritable_output_exits_2(three, tmp_path):
    base, ours, theirs = three
    before = Path(ours).read_bytes()
    result = cuecraft("merge", base, ours, theirs, "-o", str(tmp_path / "no-folder" / "m.yaml"))
    assert result.returncode == 2
    assert result.stderr.strip()
    assert Path(ours).read_bytes() == before
    assert not (tmp_path / "no-folder").exists()
