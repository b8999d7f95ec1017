"""Where bundled resources (templates, fonts, example designs) live."""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent.parent


def _base() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle
    return Path(frozen) if frozen else _ROOT


def resource_dir(name: str) -> Path:
    """A folder under `resources/` (templates, fonts, ...)."""
    return _base() / "resources" / name


def examples_dir() -> Path:
    """The folder of the worked example designs."""
    return _base() / "designs"


def example_designs() -> list[Path]:
    """The worked example designs (not their `.feedback.yaml` side files), by name."""
    return sorted(p for p in examples_dir().glob("*.yaml") if not p.name.endswith(".feedback.yaml"))
