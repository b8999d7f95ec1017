"""Import survey answers from a CSV into per-touchpoint (and per-persona) tallies.

docs/feedback.md describes the CSV, the columns and what is reported.

One pass over the rows, keeping only a tally of the scores per touchpoint and,
per touchpoint, the few strongest comments (bounded heaps), so 100,000 rows
import in a fraction of a second and the result is small. A row that cannot be
read (no score, a score that is not 0..10, a date that is not a date) is
skipped and reported with the physical line it starts on; the rest is imported.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import hashlib
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cuecraft.core.feedback.columns import ColumnPlan, plan_columns
from cuecraft.core.feedback.model import Feedback, Source
from cuecraft.core.feedback.names import UnmatchedPersona, UnmatchedTouchpoint
from cuecraft.core.feedback.tally import SkippedRow, Tally
from cuecraft.core.i18n import N_, _, format_number
from cuecraft.core.model import Design

__all__ = [
    "CsvError",
    "ImportResult",
    "SkippedRow",
    "UnmatchedPersona",
    "UnmatchedTouchpoint",
    "decode_csv",
    "import_csv",
    "import_csv_bytes",
    "sniff_delimiter",
]

MAX_CSV_BYTES = 512 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
_BINARY = (
    (
        b"PK\x03\x04",
        N_(
            "this is not a CSV file but a ZIP archive — an Excel workbook? Save it as "
            "“CSV UTF-8” first"
        ),
    ),
    (
        b"\xd0\xcf\x11\xe0",
        N_("this is not a CSV file but an old Excel or Office file; save it as “CSV UTF-8” first"),
    ),
    (b"%PDF", N_("this is not a CSV file but a PDF document")),
)


class CsvError(Exception):
    """The CSV cannot be imported at all; `line` is 1-based (0 when about the whole file)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def format(self, filename: str) -> str:
        if self.line:
            return f"{filename}:{self.line}: {self.message}"
        return f"{filename}: {self.message}"


@dataclass
class ImportResult:
    """The imported feedback, the columns used, and what the user should hear about."""

    feedback: Feedback
    plan: ColumnPlan
    delimiter: str
    skipped: list[SkippedRow] = field(default_factory=list[SkippedRow])
    unmatched: list[UnmatchedTouchpoint] = field(default_factory=list[UnmatchedTouchpoint])
    notes: list[str] = field(default_factory=list[str])
    unmatched_personas: list[UnmatchedPersona] = field(default_factory=list[UnmatchedPersona])


def import_csv(
    path: str | os.PathLike[str],
    design: Design | None,
    mapping: dict[str, str] | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    day_first: bool | None = None,
    today: datetime.date | None = None,
) -> ImportResult:
    """Read a CSV file of survey answers; CsvError (or MappingError) when it cannot be read."""
    try:
        size = os.stat(path).st_size
        if size > MAX_CSV_BYTES:
            raise CsvError(
                _("the file is {size} MB; the limit is {limit} MB").format(
                    size=format_number(size / 1024 / 1024), limit=MAX_CSV_BYTES // 1024 // 1024
                )
            )
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise CsvError(_("no such file")) from None
    except IsADirectoryError:
        raise CsvError(_("this is a folder, not a CSV file")) from None
    except PermissionError:
        raise CsvError(_("permission denied: cannot read the file")) from None
    except OSError as error:
        raise CsvError(_("cannot read the file: {reason}").format(reason=error.strerror)) from None
    return import_csv_bytes(
        data, Path(path).name, design, mapping, delimiter, encoding, day_first, today
    )


def import_csv_bytes(
    data: bytes,
    name: str,
    design: Design | None,
    mapping: dict[str, str] | None = None,
    delimiter: str | None = None,
    encoding: str | None = None,
    day_first: bool | None = None,
    today: datetime.date | None = None,
) -> ImportResult:
    """Import CSV bytes named `name` against a design (None: keep touchpoint and persona
    values as written)."""
    text = decode_csv(data, encoding)
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    elif len(delimiter) != 1 or delimiter in '"\r\n':
        raise CsvError(
            _("the delimiter must be one character, not {delimiter}").format(
                delimiter=repr(delimiter)
            )
        )
    rows = _rows(text, delimiter)
    header: list[str] | None = None
    for _line, row in rows:
        if any(cell.strip() for cell in row):
            header = row
            break
    if header is None:
        raise CsvError(_("the CSV is empty: no header row"))
    plan = plan_columns(header, mapping)
    tally = Tally(design, day_first)
    tally.consume(rows, plan)
    source = Source(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        imported=(today or datetime.date.today()).isoformat(),
        read=tally.read,
        imported_rows=tally.imported,
        skipped=len(tally.skipped),
    )
    feedback = Feedback(source, plan.columns(), {})
    tally.finish(feedback)
    return ImportResult(
        feedback,
        plan,
        delimiter,
        tally.skipped,
        tally.unmatched(),
        tally.notes,
        tally.unmatched_personas(),
    )


def decode_csv(data: bytes, encoding: str | None = None) -> str:
    """CSV bytes as text: UTF-8 with or without BOM (or UTF-16 with BOM), else `encoding`."""
    for magic, message in _BINARY:
        if data.startswith(magic):
            raise CsvError(_(message))
    if encoding is None and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    codec = encoding or "utf-8-sig"
    try:
        text = data.decode(codec)
    except LookupError:
        raise CsvError(_("unknown encoding “{encoding}”").format(encoding=encoding)) from None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if encoding is None:
            message = _(
                "the file is not UTF-8 text; save it as “CSV UTF-8”, or name its encoding with "
                "--encoding (e.g. cp1250, gbk)"
            )
        else:
            message = _("the file is not {encoding} text").format(encoding=encoding)
        raise CsvError(message, line) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise CsvError(_("the file contains NUL bytes: it is not a text file"), line)
    return text


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: whichever the header row uses most outside quotes."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for ch in text[:1_000_000]:
        if ch == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif ch in counts:
            counts[ch] += 1
        elif ch in "\r\n" and any(counts.values()):
            break
    best = max(DELIMITERS, key=lambda d: counts[d])  # ties: the first, a comma
    return best if counts[best] else ","


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(physical line the row starts on, cells), for every row including blank ones."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    consumed = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CsvError(
                _("cannot read the CSV: {reason}").format(reason=error), consumed + 1
            ) from None
        yield consumed + 1, row
        consumed = reader.line_num
