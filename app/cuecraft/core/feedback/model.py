"""Imported feedback as plain data: where it came from and what guests said, per touchpoint.

The answers themselves are not kept, only their tally per touchpoint (how many
answered 0, 1, … 10) and a few of the strongest comments — and the same again
per persona when the survey says who answered — so the side file stays small
for any number of responses (docs/feedback.md).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cuecraft.core.feedback.nps import SCALE, Nps, nps

FEEDBACK_VERSION = 1
OVERALL = "_overall"
"""The bucket of answers about no particular touchpoint (the visit as a whole)."""
ROLES = ("score", "touchpoint", "persona", "date", "comment")
"""The columns a survey CSV may have, in the order the mapping lists them."""
MAX_COMMENTS_EACH = 5  # lowest-score and highest-score comments kept per touchpoint
# Per persona × touchpoint fewer: a persona's quotes add to the touchpoint's, and the side
# file grows with personas × touchpoints, not with answers.
MAX_PERSONA_COMMENTS_EACH = 2
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
    persona: str | None = None  # who answered: a persona id or name (issue 16)

    def as_dict(self) -> dict[str, str | None]:
        return {role: getattr(self, role) for role in ROLES}


@dataclass
class Feedback:
    """Imported feedback: source, column mapping and the answers per touchpoint.

    `touchpoints` maps a touchpoint id to its answers; `OVERALL` ("_overall")
    holds the answers about no touchpoint in particular. A key that is not a
    touchpoint of the design (renamed since, or a CSV value that matched
    none) is kept, and reported by FBK004.

    `personas` splits the same answers by who gave them: persona id (or a CSV
    value that matched no persona, as written) → touchpoint key → answers. An
    answer naming no persona is in `touchpoints` only; every answer naming one
    is in both, so `overall` is never counted twice.
    """

    source: Source
    columns: Columns
    touchpoints: dict[str, TouchpointFeedback] = field(
        default_factory=dict[str, TouchpointFeedback]
    )
    personas: dict[str, dict[str, TouchpointFeedback]] = field(
        default_factory=dict[str, dict[str, TouchpointFeedback]]
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
        return nps(_sum(self.touchpoints.values()))

    def persona_at(self, persona: str, touchpoint: str) -> TouchpointFeedback | None:
        """One persona's answers about one touchpoint, or None if none of them named it."""
        return self.personas.get(persona, {}).get(touchpoint)

    def persona_nps(self, persona: str) -> Nps:
        """The NPS of every answer of one persona, whatever touchpoint it names
        (undefined, with 0 responses, if none of them answered)."""
        return nps(_sum(self.personas.get(persona, {}).values()))

    def persona_nps_at(self, persona: str, touchpoint: str) -> Nps:
        """The NPS one persona gives one touchpoint (undefined, with 0 responses, if none)."""
        found = self.persona_at(persona, touchpoint)
        return found.nps if found is not None else nps(_empty_tally())

    @property
    def other_guests(self) -> Nps:
        """The NPS of the answers that name no persona: every answer less the personas'."""
        total = _sum(self.touchpoints.values())
        named = _sum(b for buckets in self.personas.values() for b in buckets.values())
        # max(0, …): a hand-edited side file may not add up; never a negative count.
        return nps([max(0, all_ - some) for all_, some in zip(total, named, strict=True)])


def _sum(buckets: Iterable[TouchpointFeedback]) -> list[int]:
    total = _empty_tally()
    for bucket in buckets:
        for k, count in enumerate(bucket.scores):
            total[k] += count
    return total


def side_file_path(design_path: str | os.PathLike[str]) -> Path:
    """Where a design's feedback lives: `cafe.yaml` → `cafe.feedback.yaml` (same folder)."""
    path = Path(design_path)
    suffix = path.suffix if path.suffix.lower() in (".yaml", ".yml") else ""
    stem = path.name[: len(path.name) - len(suffix)] if suffix else path.name
    return path.with_name(f"{stem}.feedback{suffix or '.yaml'}")
