"""Reading single CSV cells: the 0–10 score and the date, as survey tools export them."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from cuecraft.core.i18n import N_, _

# "9", " 10 ", "9.0", "7,0", and the labelled end points some tools export:
# "10 - Extremely likely", "0 (not at all likely)", "10 – bardzo prawdopodobne".
_SCORE = re.compile(r"\s*(\d{1,2})(?:[.,]0+)?(?:\s*(?:[-–—:(]|\s)\s*\D.*)?\s*", re.DOTALL)
_TIME = (
    r"(?:[T ]\s*(?:[上下]午\s*)?\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"  # 14:30, 下午2:30:05.123
    r"\s*(?:[AaPp]\.?[Mm]\.?)?"  # AM, p.m.
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?"  # zone
)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME_TAIL = re.compile(_TIME + r"\s*")
"""What may follow a date: a time (ignored), as `parse_date` accepts it."""
_YMD = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME + r"\s*")
_DMY_DOTS = re.compile(r"\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?:\s*r\.)?" + _TIME + r"\s*")
_SLASHED = re.compile(r"\s*(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2}),?" + _TIME + r"\s*")
_CJK = re.compile(
    r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
    r"(?:\s*(?:[上下]午)?\s*\d{1,2}[:：时]\d{2}(?:[:：分]\d{2}秒?)?)?\s*"
)


class CellError(ValueError):
    """A cell that cannot be read; the message says why, in a designer's words.

    The English message (marked with `N_`) and its values are kept, and the words are
    put in the current language when the error is shown (`str(error)`): a parse error
    may be cached and shown later, in another language.
    """

    def __init__(self, message: str, **values: Any) -> None:
        super().__init__(message)
        self.template = message
        self.values = values

    def __str__(self) -> str:
        return _(self.template).format(**self.values)


def parse_score(text: str) -> int:
    """A 0..10 answer; CellError when missing or not a whole number from 0 to 10."""
    if not text or text.isspace():
        raise CellError(N_("no score"))
    if text.isdigit() and len(text) <= 2:  # the common case, fast
        value = int(text)
    else:
        match = _SCORE.fullmatch(text)
        if match is None:
            raise CellError(
                N_("score “{score}” is not a whole number from 0 to 10"), score=_short(text)
            )
        value = int(match.group(1))
    if value > 10:
        raise CellError(N_("score {score} is not between 0 and 10"), score=value)
    return value


@dataclass(frozen=True)
class Ambiguous:
    """A date like 03/04/2024 (the 3rd of April or March the 4th) or 25/03/2024.

    Slashed dates are read day first or month first for the whole file, by the
    dates that can only be read one way; one that is valid only the other way
    round is read that way.
    """

    first: int
    second: int
    year: int

    def resolve(self, day_first: bool) -> datetime.date:
        day, month = (self.first, self.second) if day_first else (self.second, self.first)
        try:
            return datetime.date(self.year, month, day)
        except ValueError:  # valid only the other way round (checked by parse_date)
            return datetime.date(self.year, day, month)

    def valid(self, day_first: bool) -> bool:
        day, month = (self.first, self.second) if day_first else (self.second, self.first)
        return _valid(self.year, month, day)


ParsedDate = datetime.date | Ambiguous


def parse_date(text: str) -> ParsedDate:
    """A date in the forms survey tools export; CellError for anything else.

    ISO (2024-03-15, with or without a time), 2024/03/15, 15.03.2024 (Polish and
    most of Europe), 2024年3月15日; 15/03/2024 and 03/15/2024 come back as
    `Ambiguous`: the file decides which order it uses. A time after the date
    is allowed and ignored.
    """
    match = _YMD.fullmatch(text)
    if match:
        return _date(text, int(match[1]), int(match[2]), int(match[3]))
    match = _CJK.fullmatch(text)
    if match:
        return _date(text, int(match[1]), int(match[2]), int(match[3]))
    match = _DMY_DOTS.fullmatch(text)
    if match:
        return _date(text, _year(match[3]), int(match[2]), int(match[1]))
    match = _SLASHED.fullmatch(text)
    if match:
        first, second, year = int(match[1]), int(match[2]), _year(match[3])
        if _valid(year, second, first) or _valid(year, first, second):
            if first == second:
                return datetime.date(year, first, first)
            return Ambiguous(first, second, year)
    raise CellError(N_("date “{date}” is not a date (write it as YYYY-MM-DD)"), date=_short(text))


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _date(text: str, year: int, month: int, day: int) -> datetime.date:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise CellError(N_("date “{date}” does not exist"), date=_short(text)) from None


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
