"""Templates that `cuecraft new` and the workbench start designs from."""

from __future__ import annotations

from typing import NamedTuple

from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Design
from cuecraft.resources import resource_dir

ORDER = ("blank", "cafe", "retail-store", "venue", "workshop")


def available() -> list[tuple[str, str]]:
    """(name, one-line description) of every template, blank first."""
    folder = resource_dir("templates")
    names = sorted(path.stem for path in folder.glob("*.yaml"))
    names.sort(key=lambda name: (ORDER.index(name) if name in ORDER else len(ORDER), name))
    out = []
    for name in names:
        first = (folder / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[:1]
        description = first[0].removeprefix("#").strip() if first else ""
        out.append((name, description.removeprefix("template:").strip()))
    return out


class TemplateInfo(NamedTuple):
    """What a template offers, in its own words: for a picker to show before choosing."""

    name: str  # the file name without .yaml: what `load` and `cuecraft new -t` take
    title: str  # the design's title
    description: str  # the header line "# template: …"
    theme: str
    tagline: str


def catalogue() -> list[TemplateInfo]:
    """Every template with its title, description, theme and tagline, blank first."""
    out = []
    for name, description in available():
        design = load(name)
        out.append(
            TemplateInfo(
                name, design.title, description, design.theme.name, design.theme.tagline or ""
            )
        )
    return out


def load(name: str) -> Design:
    """A fresh design from the named template (its header comment dropped)."""
    design = load_design(resource_dir("templates") / f"{name}.yaml")
    design.preamble = ""
    return design
