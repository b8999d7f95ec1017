"""Guest feedback linked to the design: CSV import, Net Promoter Score, the side file.

A design is a promise; guests' answers say whether it was kept. Feedback is
imported from a survey CSV into `cafe.feedback.yaml` next to `cafe.yaml` —
per touchpoint, a tally of the 0–10 answers and the strongest comments, and
the same per persona when the survey says who answered — and the FBK rules
(cuecraft.core.rules.feedback) read it beside the design.
"""

from typing import TYPE_CHECKING, Any

from cuecraft.core.feedback.evidence import (
    MIN_RESPONSES,
    enough_answers,
    hotspots,
    is_hotspot,
)
from cuecraft.core.feedback.model import (
    OVERALL,
    Columns,
    Comment,
    Feedback,
    Source,
    TouchpointFeedback,
    side_file_path,
)
from cuecraft.core.feedback.nps import Nps, describe, nps, nps_of, signed
from cuecraft.core.feedback.per_persona import (
    PersonaAnswers,
    PersonaCell,
    answers_by_persona,
    has_personas,
)
from cuecraft.core.feedback.store import (
    FeedbackLoadError,
    FeedbackSaveError,
    dump_feedback,
    feedback_for_design,
    load_feedback,
    parse_feedback,
    save_feedback,
)

if TYPE_CHECKING:
    from cuecraft.core.feedback.columns import MappingError, parse_map
    from cuecraft.core.feedback.csvimport import (
        CsvError,
        ImportResult,
        SkippedRow,
        UnmatchedPersona,
        UnmatchedTouchpoint,
        import_csv,
        import_csv_bytes,
    )

# The importer (its regular expressions and header tables) loads on first use, so
# `cuecraft check`, which only reads the side file, does not pay for it.
_LAZY = {
    "MappingError": "columns",
    "parse_map": "columns",
    "CsvError": "csvimport",
    "ImportResult": "csvimport",
    "SkippedRow": "csvimport",
    "UnmatchedPersona": "csvimport",
    "UnmatchedTouchpoint": "csvimport",
    "import_csv": "csvimport",
    "import_csv_bytes": "csvimport",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "MIN_RESPONSES",
    "OVERALL",
    "Columns",
    "Comment",
    "CsvError",
    "Feedback",
    "FeedbackLoadError",
    "FeedbackSaveError",
    "ImportResult",
    "MappingError",
    "Nps",
    "PersonaAnswers",
    "PersonaCell",
    "SkippedRow",
    "Source",
    "TouchpointFeedback",
    "UnmatchedPersona",
    "UnmatchedTouchpoint",
    "answers_by_persona",
    "describe",
    "dump_feedback",
    "enough_answers",
    "feedback_for_design",
    "has_personas",
    "hotspots",
    "import_csv",
    "import_csv_bytes",
    "is_hotspot",
    "load_feedback",
    "nps",
    "nps_of",
    "parse_feedback",
    "parse_map",
    "save_feedback",
    "side_file_path",
    "signed",
]
