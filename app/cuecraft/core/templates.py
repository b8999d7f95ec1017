"""Templates that `cuecraft new` and the workbench start designs from, in three languages.

The English templates are `resources/templates/NAME.yaml`; a translation of one is
`resources/templates/LANG/NAME.yaml` (`pl`, `zh`) with the same ids and the same
structure, its words in that language and `language:` set in the design. Each file
says what it is in its own first line, `# template: …`, in its own language: that
line is the description a picker shows, so descriptions need no gettext catalog.
A template without a translation is offered in English.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import LANGUAGES, normalize_language
from cuecraft.core.model import Design
from cuecraft.resources import resource_dir

ORDER = ("blank", "cafe", "retail-store", "venue", "workshop")
HEADER = "# template:"


def _names() -> list[str]:
    """Every template's name (the English files are the set), blank first."""
    names = sorted(path.stem for path in resource_dir("templates").glob("*.yaml"))
    names.sort(key=lambda name: (ORDER.index(name) if name in ORDER else len(ORDER), name))
    return names


def path_of(name: str, lang: str = "en") -> Path:
    """The file of template `name` in `lang`, or the English one if it has no translation."""
    folder = resource_dir("templates")
    code = normalize_language(lang)
    if code != "en":
        translated = folder / code / f"{name}.yaml"
        if translated.is_file():
            return translated
    return folder / f"{name}.yaml"


def translations(name: str) -> list[str]:
    """The languages template `name` exists in, English first."""
    folder = resource_dir("templates")
    return [c for c in LANGUAGES if c == "en" or (folder / c / f"{name}.yaml").is_file()]


def _description(path: Path) -> str:
    with path.open(encoding="utf-8") as stream:
        first = stream.readline().strip()
    return first.removeprefix(HEADER).strip() if first.startswith(HEADER) else ""


def available(lang: str = "en") -> list[tuple[str, str]]:
    """(name, one-line description in `lang`) of every template, blank first.

    The names are the same in every language; a description comes from the
    translated file's header line, the English one where there is no translation.
    """
    return [(name, _description(path_of(name, lang))) for name in _names()]


class TemplateInfo(NamedTuple):
    """What a template offers, in its own words: for a picker to show before choosing."""

    name: str  # the file name without .yaml: what `load` and `cuecraft new -t` take
    title: str  # the design's title
    description: str  # the header line "# template: …"
    theme: str
    tagline: str


def catalogue(lang: str = "en") -> list[TemplateInfo]:
    """Every template with its title, description, theme and tagline in `lang`, blank first."""
    out = []
    for name, description in available(lang):
        design = load(name, lang)
        out.append(
            TemplateInfo(
                name, design.title, description, design.theme.name, design.theme.tagline or ""
            )
        )
    return out


def load(name: str, lang: str = "en") -> Design:
    """A fresh design from the named template in `lang` (its header comment dropped).

    `lang` is any language tag (`pl`, `zh-CN`, `pl_PL.UTF-8`, …); a language without
    a translation of this template, or one Cuecraft does not speak, gives English.
    """
    design = load_design(path_of(name, lang))
    design.preamble = ""
    return design
