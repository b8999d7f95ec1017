"""The tally behind an import: scores per touchpoint and the strongest comments, row by row.

The hot loop of `import_csv`: it keeps per touchpoint only the 11 counts of
the answers 0..10 and two bounded heaps of comments (the lowest- and the
highest-scored), so memory does not grow with the number of rows. When the
survey says who answered, each persona's answers are tallied a second time,
apart, in the same way.
"""

from __future__ import annotations

import datetime
import functools
import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from cuecraft.core.feedback.cells import (
    ISO_DAY,
    TIME_TAIL,
    Ambiguous,
    CellError,
    ParsedDate,
    parse_date,
    parse_score,
)
from cuecraft.core.feedback.columns import ColumnPlan
from cuecraft.core.feedback.model import (
    MAX_COMMENT_CHARS,
    MAX_COMMENTS_EACH,
    MAX_PERSONA_COMMENTS_EACH,
    OVERALL,
    Comment,
    Feedback,
    TouchpointFeedback,
)
from cuecraft.core.feedback.names import Names, UnmatchedPersona, UnmatchedTouchpoint
from cuecraft.core.feedback.nps import SCALE
from cuecraft.core.i18n import _
from cuecraft.core.model import Design


@dataclass(frozen=True)
class SkippedRow:
    """A row that was not imported: the physical line it starts on, and why."""

    line: int
    reason: str


_FAST_SCORES = {str(k): k for k in SCALE}


_ISO_DAYS: dict[str, datetime.date] = {}


def _date_or_error(text: str) -> ParsedDate | CellError:
    # Exports repeat the day and vary the time: look the day up, check the time's shape.
    day = _ISO_DAYS.get(text[:10])
    if day is not None and (len(text) == 10 or TIME_TAIL.fullmatch(text, 10)):
        return day
    found = _parse_date_cached(text)
    if isinstance(found, datetime.date) and ISO_DAY.fullmatch(text, 0, 10):
        if len(_ISO_DAYS) > 100_000:
            _ISO_DAYS.clear()
        _ISO_DAYS[text[:10]] = found
    return found


@functools.lru_cache(maxsize=4096)
def _parse_date_cached(text: str) -> ParsedDate | CellError:
    try:
        return parse_date(text)
    except CellError as error:
        return error


class Answers:
    """Scores per touchpoint and the strongest comments, of all guests or of one persona."""

    def __init__(self, keep: int = MAX_COMMENTS_EACH) -> None:
        self.keep = keep  # the lowest- and the highest-scored comments kept, each
        self.scores: dict[str, list[int]] = {}
        # Per touchpoint: the lowest and the highest comments, as heaps of negated keys.
        self.low: dict[str, list[tuple[tuple[int, int, int], _Said]]] = {}
        self.high: dict[str, list[tuple[tuple[int, int, int], _Said]]] = {}

    def count(self, key: str, score: int) -> None:
        tally = self.scores.get(key)
        if tally is None:
            tally = self.scores[key] = [0] * len(SCALE)
        tally[score] += 1

    def offer(self, key: str, score: int, raw: str, when: ParsedDate | None, line: int) -> None:
        """Keep a comment if it is among the strongest said about its touchpoint."""
        low, high = self.low.get(key), self.high.get(key)
        keep = self.keep
        if low is not None and high is not None and len(low) == len(high) == keep:
            # The raw length bounds the weight from above: if even that cannot beat
            # the weakest comment kept, skip the work (the common case once heaps are full).
            bound = min(len(raw), MAX_COMMENT_CHARS)
            if (-score, bound, -line) <= low[0][0] and (score, bound, -line) <= high[0][0]:
                return
        text = _clip(" ".join(raw.split()))
        folded = text.casefold()
        weight = len(text)
        said = _Said(score, text, folded, when, line)
        # Negated keys: the root of each heap is the weakest comment kept.
        for heaps, neg in (
            (self.low, (-score, weight, -line)),
            (self.high, (score, weight, -line)),
        ):
            heap = heaps.get(key)
            if heap is None:
                heap = heaps[key] = []
            for index, (kept_neg, kept) in enumerate(heap):
                if kept.folded == folded:
                    # The same words twice would waste a place: keep the stronger instance.
                    if neg > kept_neg:
                        heap[index] = (neg, said)
                        heapq.heapify(heap)
                    break
            else:
                if len(heap) < keep:
                    heapq.heappush(heap, (neg, said))
                elif neg > heap[0][0]:
                    heapq.heapreplace(heap, (neg, said))

    def buckets(
        self, order: list[str], iso: Callable[[ParsedDate | None], str | None]
    ) -> dict[str, TouchpointFeedback]:
        """The answers per touchpoint, keys in `order` (those nobody named left out)."""
        out: dict[str, TouchpointFeedback] = {}
        for key in order:
            if key not in self.scores:
                continue
            chosen: dict[str, _Said] = {}
            for _key, said in self.low.get(key, []) + self.high.get(key, []):
                chosen.setdefault(said.folded, said)
            comments = [
                Comment(s.score, s.text, iso(s.when), s.line)
                for s in sorted(chosen.values(), key=lambda s: (s.score, s.line))
            ]
            out[key] = TouchpointFeedback(self.scores[key], comments)
        return out


class Tally:
    """Scores per touchpoint and per persona, and the strongest comments, row by row."""

    def __init__(self, design: Design | None, day_first: bool | None) -> None:
        touchpoints = [] if design is None else design.touchpoints
        personas = [] if design is None else design.personas
        self.touchpoints = Names(
            [(tp.id, tp.name) for tp in touchpoints], UnmatchedTouchpoint, {OVERALL: OVERALL}
        )
        self.personas = Names([(p.id, p.name) for p in personas], UnmatchedPersona)
        self.order: list[str] = [OVERALL, *(tp.id for tp in touchpoints)]
        self.persona_order: list[str] = [p.id for p in personas]
        self.all = Answers()
        self.by_persona: dict[str, Answers] = {}
        self.dates: set[ParsedDate] = set()
        self.day_first = day_first
        self.evidence = {True: 0, False: 0}  # slashed dates readable only day- or month-first
        self.read = 0
        self.imported = 0
        self.skipped: list[SkippedRow] = []
        self.notes: list[str] = []

    def consume(self, rows: Iterator[tuple[int, list[str]]], plan: ColumnPlan) -> None:
        """Tally every data row (the hot loop: locals, a dict for the common scores)."""
        score_at, date_at = plan.score, plan.date
        touchpoint_at, comment_at, persona_at = plan.touchpoint, plan.comment, plan.persona
        need = 1 + max(
            i for i in (score_at, date_at, touchpoint_at, comment_at, persona_at) if i is not None
        )
        padding = [""] * need
        touchpoints, personas = self.touchpoints, self.personas
        resolved, unknown = touchpoints.resolved, touchpoints.unknown
        who_resolved, who_unknown = personas.resolved, personas.unknown
        answers, by_persona = self.all, self.by_persona
        scores = answers.scores
        skipped, dates, evidence = self.skipped, self.dates, self.evidence
        fast = _FAST_SCORES
        for line, row in rows:
            if not "".join(row).strip():
                continue
            self.read += 1
            if len(row) < need:
                row = row + padding[len(row) :]
            cell = row[score_at]
            score = fast.get(cell)
            if score is None:
                try:
                    score = parse_score(cell.strip())
                except CellError as error:
                    skipped.append(SkippedRow(line, str(error)))
                    continue
            when: ParsedDate | None = None
            if date_at is not None:
                cell = row[date_at].strip()
                if cell:
                    parsed = _date_or_error(cell)
                    if isinstance(parsed, CellError):
                        skipped.append(SkippedRow(line, str(parsed)))
                        continue
                    when = parsed
                    dates.add(parsed)
                    if isinstance(parsed, Ambiguous):
                        for order in (True, False):
                            if not parsed.valid(not order):
                                evidence[order] += 1
            raw = "" if touchpoint_at is None else row[touchpoint_at]
            key = resolved.get(raw)
            if key is None:
                key = resolved[raw] = touchpoints.resolve(raw, line) or OVERALL
            if key in unknown:
                unknown[key].rows += 1
            tally = scores.get(key)
            if tally is None:
                tally = scores[key] = [0] * len(SCALE)
            tally[score] += 1
            # Who answered: a blank cell is a guest of no persona, counted as before.
            group: Answers | None = None
            if persona_at is not None:
                raw = row[persona_at]
                who = who_resolved.get(raw)
                if who is None:
                    who = who_resolved[raw] = personas.resolve(raw, line)
                if who:
                    if who in who_unknown:
                        who_unknown[who].rows += 1
                    group = by_persona.get(who)
                    if group is None:
                        group = by_persona[who] = Answers(MAX_PERSONA_COMMENTS_EACH)
                    group.count(key, score)
            self.imported += 1
            if comment_at is not None:
                text = row[comment_at]
                if text and not text.isspace():
                    answers.offer(key, score, text, when, line)
                    if group is not None:
                        group.offer(key, score, text, when, line)

    def unmatched(self) -> list[UnmatchedTouchpoint]:
        """The touchpoint values that named nothing, in the order the CSV first gives them."""
        return [u for u in self.touchpoints.unknown.values() if isinstance(u, UnmatchedTouchpoint)]

    def unmatched_personas(self) -> list[UnmatchedPersona]:
        """The persona values that named no persona, in the order the CSV first gives them."""
        return [u for u in self.personas.unknown.values() if isinstance(u, UnmatchedPersona)]

    def _decide_day_first(self) -> bool:
        if self.day_first is not None:
            return self.day_first
        day, month = self.evidence[True], self.evidence[False]
        if day and month:
            if day > month:
                note = _(
                    "dates mix day-first and month-first order (rows readable only day first: "
                    "{day}, only month first: {month}); read as day first where both are possible"
                )
            else:
                note = _(
                    "dates mix day-first and month-first order (rows readable only day first: "
                    "{day}, only month first: {month}); read as month first where both are "
                    "possible"
                )
            self.notes.append(note.format(day=day, month=month))
        elif not day and not month and any(isinstance(d, Ambiguous) for d in self.dates):
            self.notes.append(
                _(
                    "dates like 03/04/2024 were read month first (US order); "
                    "use --date-order dmy if they are day first"
                )
            )
        return day > month

    def finish(self, feedback: Feedback) -> None:
        day_first = self._decide_day_first()

        def iso(value: ParsedDate | None) -> str | None:
            if value is None:
                return None
            day = value.resolve(day_first) if isinstance(value, Ambiguous) else value
            return day.isoformat()

        days = sorted(d.resolve(day_first) if isinstance(d, Ambiguous) else d for d in self.dates)
        if days:
            feedback.source.first_date = days[0].isoformat()
            feedback.source.last_date = days[-1].isoformat()
        # The design's order first, then values that name nothing in the order the CSV
        # first gives them: the same for every persona, so their tables line up.
        known = set(self.order)
        order = self.order + [k for k in self.all.scores if k not in known]
        feedback.touchpoints.update(self.all.buckets(order, iso))
        named = set(self.persona_order)
        for who in self.persona_order + [k for k in self.by_persona if k not in named]:
            if who in self.by_persona:
                feedback.personas[who] = self.by_persona[who].buckets(order, iso)


@dataclass(frozen=True)
class _Said:
    score: int
    text: str
    folded: str  # the text as compared for duplicates
    when: ParsedDate | None
    line: int


def _clip(text: str) -> str:
    return text if len(text) <= MAX_COMMENT_CHARS else text[: MAX_COMMENT_CHARS - 1] + "…"
