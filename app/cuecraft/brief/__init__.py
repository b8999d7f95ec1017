"""The client-ready PDF design brief (SPEC §6), laid out with reportlab.

    from cuecraft.brief import BriefOptions, export_brief
    pages = export_brief(design, "brief.pdf", BriefOptions(paper="letter", accent="#7A2E8E"))

`export_brief` may run on a background thread: it touches no global state but
reportlab's font registry, which is filled once under a lock.
"""

from __future__ import annotations

from cuecraft.brief.build import export_brief
from cuecraft.brief.options import (
    DEFAULT_ACCENT,
    PAPERS,
    SECTION_TITLES,
    SECTIONS,
    BriefCancelled,
    BriefError,
    BriefOptionError,
    BriefOptions,
    parse_sections,
)

__all__ = [
    "DEFAULT_ACCENT",
    "PAPERS",
    "SECTIONS",
    "SECTION_TITLES",
    "BriefCancelled",
    "BriefError",
    "BriefOptionError",
    "BriefOptions",
    "export_brief",
    "parse_sections",
]
