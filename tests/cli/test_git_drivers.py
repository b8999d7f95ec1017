"""The README's git set-up, run for real: a repository in a temp folder with the README's
`.gitattributes` and `git config` lines (the command pointed at this Python), a design
committed, two branches edited and merged, and git's diffs through the driver.

The lines are read from the README's "Designs in git" section, so the README cannot
drift from what is tested.
"""

from __future__ import annotations

import itertools
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cuecraft.core.conflicts import recorded_conflicts
from cuecraft.core.fileformat import load_design

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DESIGN = "designs/rainforest-cafe.yaml"
FEEDBACK = "designs/rainforest-cafe.feedback.yaml"
# The command as the README writes it, and as this test runs it.
COMMAND = "cuecraft"
HERE = f"{shlex.quote(sys.executable)} -m cuecraft.cli"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None, reason="git is not installed: the git drivers need it"
)


def readme_section() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Designs in git\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, "README.md has no “Designs in git” section"
    return match.group(1)


def readme_blocks() -> tuple[str, list[list[str]]]:
    """The `.gitattributes` text and the `git config` commands of the README."""
    attributes, config = re.findall(r"^```[^\n]*\n(.*?)^```", readme_section(), re.S | re.M)
    commands = [shlex.split(line) for line in config.splitlines() if line.strip()]
    assert commands and all(c[:2] == ["git", "config"] for c in commands), config
    return attributes, commands


def ours(value: str) -> str:
    """A README command value with `cuecraft` replaced by this test's Python."""
    if value == COMMAND or value.startswith(COMMAND + " "):
        return HERE + value[len(COMMAND) :]
    return value


class Repo:
    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.env = {
            **os.environ,
            # Nothing of the machine's or the user's git settings.
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.com",
            "GIT_TERMINAL_PROMPT": "0",
        }
        self.env.pop("GIT_EXTERNAL_DIFF", None)

    def git(self, *args: str, check: bool = True, **extra: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            ["git", *args],
            cwd=self.path,
            env={**self.env, **extra},
            capture_output=True,
            text=True,
            timeout=300,
        )
        if check:
            assert result.returncode == 0, (args, result.stdout, result.stderr)
        return result

    def read(self, name: str = DESIGN) -> str:
        return (self.path / name).read_text(encoding="utf-8")

    def replace(self, old: str, new: str, name: str = DESIGN) -> None:
        text = self.read(name)
        assert text.count(old) == 1, old
        (self.path / name).write_text(text.replace(old, new), encoding="utf-8")

    def commit(self, message: str) -> None:
        self.git("commit", "-q", "-a", "-m", message)


@pytest.fixture
def repo(tmp_path) -> Repo:
    """A repository set up as the README says, with the cafe and its survey committed."""
    path = tmp_path / "repo"
    path.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    repo = Repo(path, home)
    repo.git("init", "-q")
    attributes, commands = readme_blocks()
    (path / ".gitattributes").write_text(attributes, encoding="utf-8")
    for command in commands:
        repo.git(*command[1:-1], ours(command[-1]))
    (path / "designs").mkdir()
    shutil.copyfile(ROOT / DESIGN, path / DESIGN)
    shutil.copyfile(ROOT / FEEDBACK, path / FEEDBACK)
    repo.git("add", ".")
    repo.git("commit", "-q", "-m", "The cafe as it is")
    repo.git("branch", "-M", "main")
    return repo


# Two edits of touchpoint "discover" on neighbouring lines (its next and its emotion).
NEXT = ("    next: [book]\n    emotion: 1\n", "    next: [book, arrive]\n    emotion: 1\n")
EMOTION = ("    next: [book]\n    emotion: 1\n", "    next: [book]\n    emotion: 3\n")
EMOTION_2 = ("    next: [book]\n    emotion: 1\n", "    next: [book]\n    emotion: 2\n")
TEASER = (
    "    senses: [sight, sound]\n    motifs: [thunderstorm, canopy]\n    at: [discover]\n",
    "    senses: [sight, sound, touch]\n    motifs: [thunderstorm, canopy]\n    at: [discover]\n",
)
OUR_COMMENT = ("  - id: book\n", "  # the booking flow is being redesigned\n  - id: book\n")


def branches(repo: Repo, our_edits, their_edits) -> None:
    """Branch "theirs" from main with their edits; main then gets ours."""
    repo.git("checkout", "-q", "-b", "theirs")
    for old, new in their_edits:
        repo.replace(old, new)
    repo.commit("Their edits")
    repo.git("checkout", "-q", "main")
    for old, new in our_edits:
        repo.replace(old, new)
    repo.commit("Our edits")


def test_readme_lines_are_for_cuecraft_on_the_path():
    attributes, commands = readme_blocks()
    assert re.search(r"^\S*\*\.yaml\s+diff=cuecraft merge=cuecraft$", attributes, re.M)
    values = {c[2]: c[3] for c in commands}
    assert values["diff.cuecraft.command"] == "cuecraft diff"
    assert values["merge.cuecraft.driver"].startswith("cuecraft merge %O %A %B")


def test_clean_merge_of_neighbouring_edits_keeps_both_and_the_comments(repo):
    branches(repo, [NEXT, OUR_COMMENT, TEASER], [EMOTION])
    # git's own line merge would stop here: the edits touch neighbouring lines.
    texts = {}
    for name, ref in (("base", "main~1"), ("ours", "main"), ("theirs", "theirs")):
        texts[name] = repo.path / f"{name}.txt"
        texts[name].write_text(repo.git("show", f"{ref}:{DESIGN}").stdout, encoding="utf-8")
    line_merge = repo.git(
        "merge-file",
        "-p",
        str(texts["ours"]),
        str(texts["base"]),
        str(texts["theirs"]),
        check=False,
    )
    assert line_merge.returncode > 0
    for path in texts.values():
        path.unlink()

    result = repo.git("merge", "--no-edit", "theirs", check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert repo.git("status", "--porcelain").stdout == ""
    merged = repo.read()
    design = load_design(repo.path / DESIGN)
    discover = design.index()["discover"]
    assert (discover.next, discover.emotion) == (["book", "arrive"], 3)
    assert "touch" in design.index()["storm-teaser"].senses
    assert recorded_conflicts(design) == []
    assert "x-merge-conflicts" not in merged
    # The file's comments, the header and the one added on our branch, are all kept.
    assert "  # the booking flow is being redesigned\n  - id: book\n" in merged
    original = (ROOT / DESIGN).read_text(encoding="utf-8")
    header = list(itertools.takewhile(lambda line: line.startswith("#"), original.splitlines()))
    assert merged.splitlines()[: len(header)] == header
    comments = [line.strip() for line in original.splitlines() if "#" in line]
    assert all(comment in merged for comment in comments)


def test_conflicting_merge_is_reported_recorded_and_checked(repo):
    branches(repo, [EMOTION_2], [EMOTION])
    result = repo.git("merge", "--no-edit", "theirs", check=False)
    assert result.returncode != 0
    unmerged = repo.git("ls-files", "-u").stdout
    assert {line.split("\t")[1] for line in unmerged.splitlines()} == {DESIGN}
    # The driver names the design by its path (--name %P), not git's temporary copy.
    assert f"{DESIGN}: 1 " in result.stderr
    assert ".merge_file_" not in result.stderr

    merged = repo.read()
    assert "<<<<<<<" not in merged and ">>>>>>>" not in merged
    recorded = yaml.safe_load(merged)["x-merge-conflicts"]
    assert recorded == [{"id": "discover", "field": "emotion", "ours": 2, "theirs": 3}]
    design = load_design(repo.path / DESIGN)
    assert design.index()["discover"].emotion == 2
    check = subprocess.run(
        [sys.executable, "-m", "cuecraft.cli", "check", DESIGN],
        cwd=repo.path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 1
    mrg = [line for line in check.stdout.splitlines() if " MRG001 " in line]
    assert len(mrg) == 1 and mrg[0].startswith(f"{DESIGN}:")
    # While the path is unmerged, git calls the driver with the path alone: no death.
    staged = repo.git("diff", "--cached", check=False)
    assert staged.returncode == 0, staged.stderr
    assert DESIGN in staged.stdout


def test_git_diff_log_and_show_print_the_semantic_diff(repo):
    branches(repo, [TEASER], [EMOTION])
    repo.replace(*NEXT)
    diff = repo.git("diff").stdout
    assert f"--- a/{DESIGN}" in diff and f"+++ b/{DESIGN}" in diff
    lines = diff.splitlines()
    at = lines.index("~ touchpoint discover")
    assert lines[at + 1].strip() == "next: + arrive"
    log = repo.git("log", "-p", "--ext-diff", "-1", "theirs").stdout.splitlines()
    at = log.index("~ touchpoint discover")
    assert log[at + 1].strip() == "emotion: 1 → 3"
    show = repo.git("show", "--ext-diff", "main").stdout.splitlines()
    at = show.index("~ cue storm-teaser")
    assert show[at + 1].strip() == "senses: + touch"


def test_survey_results_beside_the_designs_are_left_to_git(repo):
    text = repo.read(FEEDBACK)
    line = next(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
    repo.replace(line + "\n", line + "  # checked\n", name=FEEDBACK)
    diff = repo.git("diff", "--", FEEDBACK).stdout
    assert f"-{line}" in diff.splitlines() and f"+{line}  # checked" in diff.splitlines()
    assert "not a design" not in diff


def test_git_diff_no_index_through_the_driver(repo, tmp_path):
    old, new = repo.path / "designs" / "as-is.yaml", repo.path / "designs" / "to-be.yaml"
    shutil.copyfile(repo.path / DESIGN, old)
    repo.replace(*EMOTION)
    shutil.copyfile(repo.path / DESIGN, new)
    # Inside the repository, for paths the pattern matches.
    inside = repo.git("diff", "--no-index", "designs/as-is.yaml", "designs/to-be.yaml", check=False)
    assert inside.returncode == 1, inside.stderr  # git's own: the files differ
    lines = inside.stdout.splitlines()
    assert lines[:2] == ["--- a/designs/as-is.yaml", "+++ b/designs/to-be.yaml"]
    assert "~ touchpoint discover" in lines
    # Anywhere, as the README writes it (GIT_EXTERNAL_DIFF=… git diff --no-index A B).
    match = re.search(r"`(GIT_EXTERNAL_DIFF=[^`]+)`", readme_section())
    assert match
    assignment, *command = shlex.split(match.group(1))
    name, value = assignment.split("=", 1)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copyfile(old, outside / "old.yaml")
    shutil.copyfile(new, outside / "new.yaml")
    result = subprocess.run(
        command,
        cwd=outside,
        env={**repo.env, name: ours(value)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["--- a/old.yaml", "+++ b/new.yaml"]
    at = lines.index("~ touchpoint discover")
    assert lines[at + 1].strip() == "emotion: 1 → 3"
