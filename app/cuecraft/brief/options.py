"""What a consultant chooses for a brief: paper, logo, accent colour, sections, date."""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from cuecraft.core.i18n import N_, _, normalize_language, pgettext
from cuecraft.core.model import Design

SECTIONS = (
    "cover",
    "summary",
    "theme",
    "journey",
    "guests",
    "blueprint",
    "cues",
    "elimination",
    "senses",
    "memorabilia",
    "report",
    "graph",
)
"""Section names, in the order they appear in the brief.

`guests` is printed only for a design with imported guest feedback; without
any it is left out, even when chosen, and the contents do not list it. So is
`blueprint` for a design without actions or wait points.
"""

CHANGES = "changes"
ALL_SECTIONS = (*SECTIONS[:2], CHANGES, *SECTIONS[2:])
"""Every section name a brief may be asked for, in the order they appear: `SECTIONS`
and `changes`, "What changes" after the summary, printed only for a brief given a
baseline to compare with (`cuecraft export --baseline OLD.yaml`). It is not among
`SECTIONS`, the sections of every design (the export dialog's choice): it is chosen
by name, or by choosing every one of `SECTIONS` (the default, all of them).
"""

# English here; translate with `_()` where a title is shown (the brief, the export dialog).
SECTION_TITLES = {
    "cover": N_("Cover"),
    "summary": N_("Executive summary"),
    "changes": N_("What changes"),
    "theme": N_("Theme and the four realms"),
    "journey": N_("Guest journey"),
    "guests": N_("What guests say"),
    "blueprint": N_("Service blueprint"),
    "cues": N_("Positive cues"),
    "elimination": N_("Elimination plan"),
    "senses": N_("Sensory map"),
    "memorabilia": N_("Memorabilia"),
    "report": N_("Consistency report"),
    "graph": N_("Design graph"),
}


def staged(design: Design) -> bool:
    """Whether the design has a service blueprint to print: actions, or a wait point."""
    return bool(design.actions) or any(tp.wait for tp in design.touchpoints)


PAPERS = ("a4", "letter")
DEFAULT_ACCENT = "#0F6E6A"  # a deep teal: calm, prints well, readable as text
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


class BriefError(Exception):
    """The brief could not be written; the message says why in one line."""


class BriefOptionError(BriefError):
    """An option is unusable: a logo that is not a readable PNG or JPEG, a bad colour, ..."""


class BriefCancelled(BriefError):
    """The export was cancelled; nothing was written."""


@dataclass(frozen=True)
class BriefOptions:
    """How to export a brief. Every field has a sensible default."""

    paper: str = "a4"
    logo: str | os.PathLike[str] | None = None
    accent: str = DEFAULT_ACCENT
    sections: tuple[str, ...] = SECTIONS
    date: dt.date = field(default_factory=dt.date.today)
    # The brief's language: None follows the design's `language:` (SPEC §6), else en|pl|zh.
    language: str | None = None


def brief_language(options: BriefOptions | CheckedOptions, design_language: str | None) -> str:
    """The language a brief is written in: the option's, else the design's (`en`, `pl`, `zh`).

    `pl…` gives Polish, `zh`, `zh-CN`, `zh-Hans` Simplified Chinese, anything else English.
    """
    return normalize_language(options.language or design_language)


def parse_sections(value: str) -> tuple[str, ...]:
    """Comma-separated section names, validated, in brief order."""
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    check_sections(names)
    return tuple(s for s in ALL_SECTIONS if s in names)


def check_sections(names: list[str] | tuple[str, ...]) -> None:
    unknown = [name for name in names if name not in ALL_SECTIONS]
    if unknown:
        raise BriefOptionError(
            _("unknown section {names}; choose from: {sections}").format(
                names=", ".join(_quoted(n) for n in unknown), sections=", ".join(ALL_SECTIONS)
            )
        )
    if not names:
        raise BriefOptionError(
            _("no section chosen; choose from: {sections}").format(sections=", ".join(ALL_SECTIONS))
        )


def chosen_sections(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The sections asked for, in brief order; every one of `SECTIONS` asks for
    `changes` too (printed only with a baseline)."""
    wanted = set(names)
    if wanted >= set(SECTIONS):
        wanted.add(CHANGES)
    return tuple(s for s in ALL_SECTIONS if s in wanted)


def _quoted(value: str) -> str:
    """A name in the language's quotes: “name”, „name”."""
    # TRANSLATORS: quotes around a name in a message; keep {name}
    return pgettext("quoted name", "“{name}”").format(name=value)


def check_accent(accent: str) -> str:
    """The accent as '#RRGGBB' (upper case), or BriefOptionError."""
    if not isinstance(accent, str) or not _HEX.fullmatch(accent.strip()):
        raise BriefOptionError(
            _(
                "the accent colour must be written #RRGGBB, for example {example}; got {accent}"
            ).format(example=DEFAULT_ACCENT, accent=_quoted(str(accent)))
        )
    return accent.strip().upper()


def check_paper(paper: str) -> str:
    if paper not in PAPERS:
        raise BriefOptionError(
            _("the paper must be a4 or letter; got {paper}").format(paper=_quoted(str(paper)))
        )
    return paper


def check_logo(logo: str | os.PathLike[str]) -> Path:
    """The logo's path if it is a readable PNG or JPEG image, or BriefOptionError."""
    from PIL import Image, UnidentifiedImageError

    path = Path(logo)
    name = _quoted(str(path))
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise BriefOptionError(_("the logo {file} does not exist").format(file=name)) from None
    except IsADirectoryError:
        raise BriefOptionError(
            _("the logo {file} is a folder, not an image").format(file=name)
        ) from None
    except OSError as error:
        raise BriefOptionError(
            _("the logo {file} cannot be read: {reason}").format(
                file=name, reason=error.strerror or error
            )
        ) from None
    if not (head.startswith(_PNG) or head.startswith(_JPEG)):
        raise BriefOptionError(_("the logo {file} is not a PNG or JPEG image").format(file=name))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format not in ("PNG", "JPEG"):
                    raise BriefOptionError(
                        _("the logo {file} is not a PNG or JPEG image").format(file=name)
                    )
                image.load()
                if image.width < 1 or image.height < 1:
                    raise BriefOptionError(_("the logo {file} is empty").format(file=name))
    except BriefOptionError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BriefOptionError(
            _("the logo {file} is too large an image").format(file=name)
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise BriefOptionError(
            _("the logo {file} is a broken image ({reason})").format(
                file=name, reason=error or type(error).__name__
            )
        ) from None
    return path


@dataclass(frozen=True)
class CheckedOptions:
    """Options after validation, ready to build with."""

    paper: str
    logo: Path | None
    accent: str
    sections: tuple[str, ...]
    date: dt.date
    language: str | None = None  # None: the design's


def checked(options: BriefOptions) -> CheckedOptions:
    """Validate every option; raise BriefOptionError with a clear message for the first bad one."""
    check_sections(list(options.sections))
    return CheckedOptions(
        paper=check_paper(options.paper),
        logo=check_logo(options.logo) if options.logo else None,
        accent=check_accent(options.accent),
        sections=chosen_sections(options.sections),
        date=options.date,
        language=normalize_language(options.language) if options.language else None,
    )
