"""PySide6's import hook learns whether each new module uses PySide6; the workbench answers
that question without tokenizing every module's source (a start imports some 170 modules
after Qt), and must answer it exactly as PySide6 does."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

import cuecraft.gui  # noqa: F401  (installs the quicker scan)
from cuecraft.gui import source_scan

feature = sys.modules["PySide6.support.feature"]


def test_the_workbench_installs_the_quicker_scan() -> None:
    assert getattr(feature.feature_imported, "quick", False)
    assert source_scan.scan_sources_quickly()  # a second call keeps it, once


def test_every_module_is_judged_as_pyside6_judges_it() -> None:
    for name in ("cuecraft.gui.outline", "cuecraft.gui.views.journey", "cuecraft.cli"):
        importlib.import_module(name)
    slow = feature._mod_uses_pyside
    judged = 0
    for module in list(sys.modules.values()):
        if module is None:
            continue
        assert source_scan.uses_pyside(module, slow) == bool(slow(module)), module
        judged += 1
    assert judged > 200

    def unread(module: object) -> bool:
        raise AssertionError(f"{module} has a source file: it is read, not tokenized")

    assert source_scan.uses_pyside(sys.modules["cuecraft.gui.outline"], unread)
    assert not source_scan.uses_pyside(sys.modules["cuecraft.core.model"], unread)


def test_a_module_imported_later_gets_pyside6s_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "scan_with_qt.py").write_text(
        "# Drawn with PySide6 (named in a comment only)\nVALUE = 1\n", encoding="utf-8"
    )
    (tmp_path / "scan_without_qt.py").write_text("VALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    flags = feature.pyside_feature_dict
    try:
        import scan_with_qt  # type: ignore[import-not-found]  # noqa: F401
        import scan_without_qt  # type: ignore[import-not-found]  # noqa: F401

        assert flags["scan_with_qt"] == 0
        assert flags["scan_without_qt"] == -1
    finally:
        for name in ("scan_with_qt", "scan_without_qt"):
            sys.modules.pop(name, None)
            flags.pop(name, None)


def test_a_module_without_a_source_file_goes_to_pyside6s_own_check() -> None:
    asked = []

    def slow(module: object) -> bool:
        asked.append(module)
        return True

    assert source_scan.uses_pyside(sys, slow)
    assert asked == [sys]
