"""What a consultant chooses for a brief: paper, logo, accent colour, sections, date."""

from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

SECTIONS = (
    "cover",
    "summary",
    "theme",
    "journey",
    "guests",
    "cues",
    "elimination",
    "senses",
    "memorabilia",
    "report",
    "graph",
)
"""Section names, in the order they appear in the brief.

`guests` is printed only for a design with imported guest feedback; without
any it is left out, even when chosen, and the contents do not list it.
"""

# Dates in the brief are written out ("23 November 2026"), the same in every locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

SECTION_TITLES = {
    "cover": "Cover",
    "summary": "Executive summary",
    "theme": "Theme and the four realms",
    "journey": "Guest journey",
    "guests": "What guests say",
    "cues": "Positive cues",
    "elimination": "Elimination plan",
    "senses": "Sensory map",
    "memorabilia": "Memorabilia",
    "report": "Consistency report",
    "graph": "Design graph",
}

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


def parse_sections(value: str) -> tuple[str, ...]:
    """Comma-separated section names, validated, in brief order."""
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    check_sections(names)
    return tuple(s for s in SECTIONS if s in names)


def check_sections(names: list[str] | tuple[str, ...]) -> None:
    unknown = [name for name in names if name not in SECTIONS]
    if unknown:
        raise BriefOptionError(
            f"unknown section {', '.join(repr(n) for n in unknown)}; "
            f"choose from: {', '.join(SECTIONS)}"
        )
    if not names:
        raise BriefOptionError(f"no section chosen; choose from: {', '.join(SECTIONS)}")


def check_accent(accent: str) -> str:
    """The accent as '#RRGGBB' (upper case), or BriefOptionError."""
    if not isinstance(accent, str) or not _HEX.fullmatch(accent.strip()):
        raise BriefOptionError(
            f"the accent colour must be written #RRGGBB, for example {DEFAULT_ACCENT}; "
            f"got {accent!r}"
        )
    return accent.strip().upper()


def check_paper(paper: str) -> str:
    if paper not in PAPERS:
        raise BriefOptionError(f"the paper must be a4 or letter; got {paper!r}")
    return paper


def check_logo(logo: str | os.PathLike[str]) -> Path:
    """The logo's path if it is a readable PNG or JPEG image, or BriefOptionError."""
    from PIL import Image, UnidentifiedImageError

    path = Path(logo)
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise BriefOptionError(f"the logo {str(path)!r} does not exist") from None
    except IsADirectoryError:
        raise BriefOptionError(f"the logo {str(path)!r} is a folder, not an image") from None
    except OSError as error:
        raise BriefOptionError(f"the logo {str(path)!r} cannot be read: {error.strerror}") from None
    if not (head.startswith(_PNG) or head.startswith(_JPEG)):
        raise BriefOptionError(f"the logo {str(path)!r} is not a PNG or JPEG image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if image.format not in ("PNG", "JPEG"):
                    raise BriefOptionError(f"the logo {str(path)!r} is not a PNG or JPEG image")
                image.load()
                if image.width < 1 or image.height < 1:
                    raise BriefOptionError(f"the logo {str(path)!r} is empty")
    except BriefOptionError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BriefOptionError(f"the logo {str(path)!r} is too large an image") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise BriefOptionError(
            f"the logo {str(path)!r} is a broken image ({error or type(error).__name__})"
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


def checked(options: BriefOptions) -> CheckedOptions:
    """Validate every option; raise BriefOptionError with a clear message for the first bad one."""
    check_sections(list(options.sections))
    return CheckedOptions(
        paper=check_paper(options.paper),
        logo=check_logo(options.logo) if options.logo else None,
        accent=check_accent(options.accent),
        sections=tuple(s for s in SECTIONS if s in options.sections),
        date=options.date,
    )
