"""The workbench under a Polish or Chinese system locale, on a real X server at 1024×768:
it speaks the system's language (its own words and Qt's), and its menu bar and toolbar fit.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.xserver.conftest import ROOT

DRIVER = Path(__file__).with_name("language_driver.py")
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"
LOCALES = {"en": "C.UTF-8", "pl": "pl_PL.UTF-8", "zh": "zh_CN.UTF-8"}


@pytest.fixture(scope="module")
def started(x_display, tmp_path_factory):  # type: ignore[no-untyped-def]
    """`started(lang)`: the report of a first start under that language's system locale."""
    cache: dict[str, dict[str, Any]] = {}

    def run(lang: str) -> dict[str, Any]:
        if lang in cache:
            return cache[lang]
        home = tmp_path_factory.mktemp(f"lang-{lang}")
        work = home / "designs"
        work.mkdir()
        design = work / RAINFOREST.name
        shutil.copyfile(RAINFOREST, design)
        env = x_display("1024x768").env()
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            env.pop(name, None)
        env.update(
            LANG=LOCALES[lang],
            QT_QPA_PLATFORM="xcb",
            CUECRAFT_DATA_DIR=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "share"),
            XDG_CACHE_HOME=str(home / "cache"),
            XDG_STATE_HOME=str(home / "state"),
            NO_AT_BRIDGE="1",
        )
        out = home / "report.json"
        child = subprocess.run(
            [sys.executable, str(DRIVER), str(out), str(design)],
            env=env,
            cwd=work,
            capture_output=True,
            text=True,
            timeout=120,
        )
        report = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
        assert child.returncode == 0 and "error" not in report, (
            f"exit {child.returncode}\n{json.dumps(report, indent=1)[-3000:]}\n"
            f"{child.stderr[-3000:]}"
        )
        assert report.get("platform") == "xcb", report
        cache[lang] = report
        return report

    return run


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_the_system_locale_chooses_the_language(started, lang):
    report, english = started(lang), started("en")
    assert report["language"] == lang and english["language"] == "en"
    mine = {m["title"] for m in report["menus"]} | {
        t for m in report["menus"] for t in m["actions"]
    }
    theirs = {m["title"] for m in english["menus"]}
    assert not mine & theirs, "a menu title is still English"
    assert not set(report["docks"]) & set(english["docks"])
    assert not set(report["tabs"]) & set(english["tabs"])
    # Qt's own words (a message box's standard button) are translated too.
    assert report["cancel_button"] != english["cancel_button"]


@pytest.mark.parametrize("lang", ["en", "pl", "zh"])
def test_the_menu_bar_and_the_toolbar_fit_at_1024(started, lang):
    report = started(lang)
    assert report["menu_titles_fit"]
    hidden = [b["text"] for b in report["toolbar"] if not b["shown"]]
    assert not hidden, f"toolbar buttons pushed out of a 1024-pixel window: {hidden}"
