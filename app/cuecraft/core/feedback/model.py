"""Imported feedback as plain data: where it came from and what guests said, per touchpoint.

The answers themselves are not kept, only their tally per touchpoint (how many
answered 0, 1, … 10) and a few of the strongest comments, so the side file
stays small for any number of responses (docs/feedback.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cuecraft.core.feedback.nps import SCALE, Nps, nps

FEEDBACK_VERSION = 1
OVERALL = "_overall"
"""The bucket of answers about no particular touchpoint (the visit as a whole)."""
ROLES = ("score", "touchpoint", "date", "comment")
MAX_COMMENTS_EACH = 5  # lowest-score and highest-score comments kept per touchpoint
MAX_COMMENT_CHARS = 280


def _no_comments() -> list[Comment]:
    return []


def _empty_tally() -> list[int]:
    return [0] * len(SCALE)


@dataclass(frozen=True)
class Comment:
    """One guest's words, with the score they gave, the date and the CSV line they came from."""

    score: int
    text: str
    date: str | None = None  # ISO 8601 day, YYYY-MM-DD
    line: int | None = None


@dataclass
class TouchpointFeedback:
    """The answers about one touchpoint: a tally of the scores 0..10 and the strongest comments."""

    scores: list[int] = field(default_factory=_empty_tally)
    comments: list[Comment] = field(default_factory=_no_comments)

    @property
    def responses(self) -> int:
        return sum(self.scores)

    @property
    def nps(self) -> Nps:
        return nps(self.scores)


@dataclass
class Source:
    """The CSV the feedback was imported from."""

    file: str
    sha256: str
    imported: str  # ISO day of the import
    read: int  # data rows read (blank rows not counted)
    imported_rows: int
    skipped: int
    first_date: str | None = None
    last_date: str | None = None


@dataclass
class Columns:
    """Which CSV column holds each answer (header text as written); None when absent."""

    score: str
    touchpoint: str | None = None
    date: str | None = None
    comment: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {role: getattr(self, role) for role in ROLES}


@dataclass
class Feedback:
    """Imported feedback: source, column mapping and the answers per touchpoint.

    `touchpoints` maps a touchpoint id to its answers; `OVERALL` ("_overall")
    holds the answers about no touchpoint in particular. A key that is not a
    touchpoint of the design (renamed since, or a CSV value that matched
    none) is kept, and reported by FBK004.
    """

    source: Source
    columns: Columns
    touchpoints: dict[str, TouchpointFeedback] = field(
        default_factory=dict[str, TouchpointFeedback]
    )

    def at(self, touchpoint: str) -> TouchpointFeedback | None:
        """The answers about one touchpoint, or None if nobody named it."""
        return self.touchpoints.get(touchpoint)

    def nps_at(self, touchpoint: str) -> Nps:
        """The NPS of one touchpoint (undefined, with 0 responses, if nobody named it)."""
        found = self.touchpoints.get(touchpoint)
        return found.nps if found is not None else nps(_empty_tally())

    @property
    def overall(self) -> Nps:
        """The NPS of every answer, whatever touchpoint it names."""
        total = _empty_tally()
        for bucket in self.touchpoints.values():
            for k, count in enumerate(bucket.scores):
                total[k] += count
        return nps(total)


def side_file_path(design_path: str | os.PathLike[str]) -> Path:
    """Where a design's feedback lives: `cafe.yaml` → `cafe.feedback.yaml` (same folder)."""
    path = Path(design_path)
    suffix = path.suffix if path.suffix.lower() in (".yaml", ".yml") else ""
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    return path.with_name(f"{stem}.feedback{suffix or '.yaml'}")
