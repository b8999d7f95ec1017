"""`--lang en|pl|zh` on every command: words change, codes, ids, lines and JSON keys do not."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cuecraft.core.i18n import language, ngettext

ROOT = Path(__file__).resolve().parents[2]
DESIGN = str(ROOT / "designs" / "rainforest-cafe.yaml")
FINDING = re.compile(r"^(?P<where>.+?:\d+:\d+): (?P<code>[A-Z]{3}\d{3}) (?P<message>.+)$")
# Telling English words of the program's own output (ids and quoted design text aside).
ENGLISH = re.compile(r"\b(the|is|has|no|not|with|score|errors?|warnings?|cue|touchpoint)\b")


def cuecraft(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cuecraft.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def findings(stdout: str) -> list[re.Match[str]]:
    return [m for line in stdout.splitlines() if (m := FINDING.match(line))]


def _own_words(message: str) -> str:
    """The message without quoted design text and ids (which stay as the designer typed)."""
    return re.sub(r"[“„‘'\"][^”’'\"]*[”’'\"]", "", message)


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_check_speaks_the_language_and_keeps_codes_and_places(lang):
    english = cuecraft("check", DESIGN)
    other = cuecraft("check", DESIGN, "--lang", lang)
    assert other.returncode == english.returncode
    en, tr = findings(english.stdout), findings(other.stdout)
    assert en, "the example must have findings for this test to mean anything"
    assert [(m["where"], m["code"]) for m in tr] == [(m["where"], m["code"]) for m in en]
    for before, after in zip(en, tr, strict=True):
        assert after["message"] != before["message"], after["code"]
        assert not ENGLISH.search(_own_words(after["message"])), after["message"]
    summary = other.stdout.strip().splitlines()[-1]
    assert "/100" in summary
    assert not ENGLISH.search(summary.replace(DESIGN, "")), summary


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_check_json_keys_codes_and_ids_never_change(lang):
    english = json.loads(cuecraft("check", DESIGN, "--format", "json").stdout)
    other = json.loads(cuecraft("check", DESIGN, "--format", "json", "--lang", lang).stdout)

    def skeleton(report):
        return [
            (f["code"], f["severity"], f["principle"], f["ids"], f["line"], f["column"])
            for f in report["files"][0]["findings"]
        ]

    assert skeleton(other) == skeleton(english)
    assert other["files"][0]["scorecard"] == english["files"][0]["scorecard"]
    assert set(other["files"][0]["findings"][0]) == set(english["files"][0]["findings"][0])
    messages = [f["message"] for f in other["files"][0]["findings"]]
    assert messages != [f["message"] for f in english["files"][0]["findings"]]


def test_the_lang_option_goes_before_or_after_the_command():
    first = cuecraft("--lang", "pl", "check", DESIGN)
    after = cuecraft("check", "--lang=pl", DESIGN)
    assert first.stdout == after.stdout
    assert first.stdout != cuecraft("check", DESIGN).stdout


def test_the_system_locale_is_the_default_and_lang_overrides_it():
    polish_system = {"LANG": "pl_PL.UTF-8"}
    by_locale = cuecraft("check", DESIGN, env=polish_system)
    assert by_locale.stdout == cuecraft("check", DESIGN, "--lang", "pl").stdout
    assert cuecraft("check", DESIGN, "--lang", "en", env=polish_system).stdout == (
        cuecraft("check", DESIGN).stdout
    )


def test_help_is_in_the_language_and_a_bad_language_is_refused():
    polish = cuecraft("check", "--help", "--lang", "pl").stdout
    chinese = cuecraft("check", "--help", "--lang", "zh").stdout
    english = cuecraft("check", "--help").stdout
    assert "prefiksy" in polish and "前缀" in chinese and "prefixes" in english
    refused = cuecraft("check", DESIGN, "--lang", "fr")
    assert refused.returncode == 2 and "--lang" in refused.stderr


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("pl", {1: "1 błąd", 2: "2 błędy", 4: "4 błędy", 5: "5 błędów", 12: "12 błędów",
                22: "22 błędy", 25: "25 błędów"}),
        ("zh", {1: "1 个错误", 2: "2 个错误", 5: "5 个错误"}),
        ("en", {1: "1 error", 2: "2 errors", 5: "5 errors"}),
    ],
)  # fmt: skip
def test_plural_forms_come_from_the_catalog(lang, forms):
    with language(lang):
        for n, text in forms.items():
            assert ngettext("{n} error", "{n} errors", n).format(n=n) == text


def test_feedback_show_speaks_polish_with_polish_numbers():
    shown = cuecraft("feedback", "show", DESIGN, "--lang", "pl")
    assert shown.returncode == 0, shown.stderr
    assert "punkt styku" in shown.stdout and "krytycy" in shown.stdout
    assert "touchpoint" not in shown.stdout.split("\n", 1)[1]


@pytest.mark.parametrize(
    ("argv", "opened"),
    [
        (["--lang", "pl", "cafe.yaml"], ("cafe.yaml", "pl")),
        (["cafe.yaml", "--lang=zh"], ("cafe.yaml", "zh")),
        (["--lang", "en"], (None, "en")),
        (["cafe.yaml"], ("cafe.yaml", None)),
    ],
)
def test_the_workbench_opens_in_the_language_asked_for_this_run(monkeypatch, argv, opened):
    from cuecraft import cli
    from cuecraft.gui import app

    seen = []
    monkeypatch.setattr(app, "run_workbench", lambda path, lang=None: seen.append((path, lang)))
    cli.main(argv)
    assert seen == [opened]
