"""What activating a finding selects: its first item the design has, else the theme for a
theme finding (THM…, SEN001), else the design as a whole.

The Findings panel and the Comparison panel's rows of findings both select through it.
"""

from __future__ import annotations

from collections.abc import Container

from cuecraft.core.findings import Finding


def finding_subject(finding: Finding, ids: Container[str]) -> str:
    """The id (or "theme", "design") to select for `finding`; `ids` are the design's item
    ids (its `index()` or `Names`, built once for many findings)."""
    subject = next((i for i in finding.ids if i in ids), None)
    if subject is None and finding.code.startswith(("THM", "SEN001")):
        subject = "theme"
    return subject or "design"
