"""The priority matrix of the elimination plan: impact × effort, a 3×3 grid.

Each open negative cue that has an impact and an effort stands in its cell as a dot
numbered as its row in the plan table (the plan's order, `core.plan`), coloured by
its severity as the table's badge is. High impact for low effort, the top left cell,
is named: the quick wins. Open cues nobody has rated yet are listed under the grid,
never placed in a cell they were not given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import white
from reportlab.platypus import Flowable, Spacer

from cuecraft.brief import fitting, fonts, text, words
from cuecraft.brief.context import BriefContext
from cuecraft.brief.styles import GOOD, IMPACT_COLOURS, INK, MUTED, RULE, UNIT, mix
from cuecraft.core.i18n import _, format_number, ngettext, pgettext
from cuecraft.core.model import Cue
from cuecraft.core.names import full_name, label_lines, short_name
from cuecraft.core.plan import LEVELS, QUICK_WIN, is_quick_win, rated
from cuecraft.core.words import level_word

LISTED = 12  # cues named in a sentence under the grid; the rest are counted
NAME_IN_SENTENCE = 40  # characters of a cue's name there
GAP = 2.0  # points between two cues named in a cell
SHRINK_AT_MOST = 0.75  # the names in the cells stay readable


@dataclass(frozen=True)
class Placed:
    """An open negative cue in the matrix: its number in the plan, its words, its cell."""

    number: int
    name: str
    severity: str
    impact: int
    effort: int


class PriorityMatrix(Flowable):  # type: ignore[misc]
    """Impact up (low to high), effort across (low to high); the quick wins top left."""

    CELL = 22 * UNIT  # a cell's height
    LEFT = 20 * UNIT  # the impact axis: its name and the level words
    FOOT = 10 * UNIT  # the effort axis: the level words and its name
    PAD = 1.5 * UNIT
    LINE = 11.0  # a row of dots in a cell
    LEADING = 9.0  # a line of a cue's name
    DOT = 4.6  # a dot's radius, one or two digits

    def __init__(self, placed: Sequence[Placed]) -> None:
        super().__init__()
        self.placed = list(placed)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, 140 * UNIT)
        self.height = self.FOOT + 3 * self.CELL + 2 * UNIT
        return self.width, self.height

    @property
    def column(self) -> float:
        return (self.width - self.LEFT) / len(LEVELS)

    def draw(self) -> None:
        for impact in LEVELS:
            for effort in LEVELS:
                here = [p for p in self.placed if p.impact == impact and p.effort == effort]
                self._cell(impact, effort, here)
        self._axes()

    def _origin(self, impact: int, effort: int) -> tuple[float, float]:
        """The bottom left corner of a cell."""
        return self.LEFT + (effort - 1) * self.column, self.FOOT + (impact - 1) * self.CELL

    def _cell(self, impact: int, effort: int, here: list[Placed]) -> None:
        canvas = self.canv
        x, y = self._origin(impact, effort)
        quick = (impact, effort) == QUICK_WIN
        canvas.setFillColor(mix(GOOD, white, 0.12) if quick else white)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.rect(x, y, self.column, self.CELL, stroke=1, fill=1)
        top = y + self.CELL - self.PAD
        if quick:
            canvas.setFillColor(GOOD)
            name = text.fit(quick_wins_word().upper(), self.column - 2 * self.PAD, 7, fonts.BOLD)
            text.draw(canvas, x + self.PAD, top - 6, name, 7, fonts.BOLD)
            top -= 3.5 * UNIT
        room = top - y - self.PAD
        for most in (3, 2, 1):  # each name on as many lines as all of them fit on
            labels = [self._label(p, most) for p in here]
            if sum(len(lines) for lines in labels) * self.LEADING + len(here) * GAP <= room:
                self._named(x, top, here, labels)
                return
        self._dots(x, y, top, here)

    def _label(self, placed: Placed, most: int) -> list[str]:
        """The cue's name in at most `most` lines beside its dot."""
        room = self.column - 2 * self.PAD - self._width(placed.number) - UNIT
        return label_lines(placed.name, lambda line: text.width(line, 7.5) <= room, most)

    def _named(self, x: float, top: float, here: list[Placed], labels: list[list[str]]) -> None:
        """Each cue's dot, its name beside it."""
        for placed, lines in zip(here, labels, strict=True):
            mid = top - self.LINE / 2
            width = self._dot(x + self.PAD, mid, placed)
            self.canv.setFillColor(INK)
            for k, line in enumerate(lines):
                baseline = mid - 2.6 - k * self.LEADING
                text.draw(self.canv, x + self.PAD + width + UNIT, baseline, line, 7.5)
            top -= len(lines) * self.LEADING + GAP

    def _dots(self, x: float, y: float, top: float, here: list[Placed]) -> None:
        """Too many to name: dots only, in rows, the last one counting any left over."""
        right = x + self.column - self.PAD
        cx, mid = x + self.PAD, top - self.LINE / 2
        for k, placed in enumerate(here):
            width = self._width(placed.number)
            last_row = mid - self.LINE < y + self.PAD
            if cx + width > right:
                if last_row:
                    break
                cx, mid = x + self.PAD, mid - self.LINE
                last_row = mid - self.LINE < y + self.PAD
            left = len(here) - k
            if last_row and left > 1 and cx + width + 1.5 * UNIT + self._more(left) > right:
                self.canv.setFillColor(MUTED)
                text.draw(self.canv, cx, mid - 2.6, self._more_words(left), 7.5, fonts.BOLD)
                return
            cx += self._dot(cx, mid, placed) + UNIT / 2

    def _more_words(self, left: int) -> str:
        return "+" + format_number(left)

    def _more(self, left: int) -> float:
        return text.width(self._more_words(left), 7.5, fonts.BOLD)

    def _width(self, number: int) -> float:
        digits = text.width(str(number), 6.5, fonts.BOLD)
        return max(2 * self.DOT, digits + 4)

    def _dot(self, x: float, mid: float, placed: Placed) -> float:
        """A severity-coloured pill with the cue's number; returns its width."""
        canvas = self.canv
        width = self._width(placed.number)
        canvas.setFillColor(IMPACT_COLOURS.get(placed.severity, MUTED))
        canvas.roundRect(x, mid - self.DOT, width, 2 * self.DOT, self.DOT, stroke=0, fill=1)
        canvas.setFillColor(white)
        text.draw(canvas, x + width / 2, mid - 2.3, str(placed.number), 6.5, fonts.BOLD, "middle")
        return width

    def _axes(self) -> None:
        canvas = self.canv
        canvas.setFillColor(MUTED)
        for level in LEVELS:
            word = text.fit(words.capital(level_word(level)), self.LEFT - 7 * UNIT, 7.5)
            _x, y = self._origin(level, 1)
            text.draw(
                canvas, self.LEFT - 1.5 * UNIT, y + self.CELL / 2 - 2.5, word, 7.5, anchor="end"
            )
            x, _y = self._origin(1, level)
            word = text.fit(words.capital(level_word(level)), self.column - UNIT, 7.5)
            text.draw(canvas, x + self.column / 2, self.FOOT - 4 * UNIT, word, 7.5, anchor="middle")
        # TRANSLATORS: the priority matrix's horizontal axis: the cost of the remedy
        effort = pgettext("priority matrix", "Effort").upper() + " →"
        right = self.LEFT + 3 * self.column
        width = right - self.LEFT
        effort = text.fit(effort, width, 7, fonts.BOLD)
        text.draw(canvas, self.LEFT + width / 2, UNIT / 2, effort, 7, fonts.BOLD, "middle")
        canvas.saveState()
        canvas.translate(2.5 * UNIT, self.FOOT + 1.5 * self.CELL)
        canvas.rotate(90)
        # TRANSLATORS: the priority matrix's vertical axis: how much guests suffer from a cue
        impact = pgettext("priority matrix", "Impact").upper() + " →"
        impact = text.fit(impact, 3 * self.CELL, 7, fonts.BOLD)
        text.draw(canvas, 0, 0, impact, 7, fonts.BOLD, "middle")
        canvas.restoreState()


def quick_wins_word() -> str:
    # TRANSLATORS: the cell of high impact and low effort in the priority matrix
    return pgettext("priority matrix", "Quick wins")


def numbered(number: int, cue: Cue) -> str:
    """A cue as a sentence names it under the grid: “3 · Fryer smell drifts…”."""
    return f"{format_number(number)} · {short_name(cue, NAME_IN_SENTENCE)}"


def named_list(items: list[tuple[int, Cue]]) -> str:
    """The first `LISTED` cues by number and name; the rest counted."""
    shown = [numbered(n, cue) for n, cue in items[:LISTED]]
    rest = len(items) - len(shown)
    if rest:
        shown.append(ngettext("{n} more", "{n} more", rest).format(n=format_number(rest)))
    return words.listing(shown)


def priority_matrix(ctx: BriefContext, plan: list[Cue]) -> list[Flowable]:
    """The matrix of the plan's open cues under its heading, the quick wins and the cues not
    rated yet named under it; [] when no open cue has both an impact and an effort."""
    st = ctx.styles
    opened = [(n, cue) for n, cue in enumerate(plan, start=1) if cue.is_active]
    placed = [
        Placed(n, full_name(cue), cue.effective_severity, cue.impact, cue.effort)
        for n, cue in opened
        if cue.impact is not None and cue.effort is not None
    ]
    if not placed:
        return []
    # The matrix straight under its heading; how to read it is said under it.
    out: list[Flowable] = [
        text.para(_("Priority matrix"), st.h3),
        fitting.Shrinkable(PriorityMatrix(placed), least=SHRINK_AT_MOST),
        Spacer(1, 2 * UNIT),
        text.para(
            _(
                "Each open negative cue by its number in the plan, coloured by its severity: "
                "up, how much guests suffer from it (impact); across, what its remedy costs "
                "(effort)."
            ),
            st.small,
        ),
    ]
    quick = [(n, cue) for n, cue in opened if is_quick_win(cue)]
    if quick:
        sentence = ngettext(
            "{n} quick win, high impact for low effort: {cues}",
            "{n} quick wins, high impact for low effort: {cues}",
            len(quick),
        ).format(n=format_number(len(quick)), cues=named_list(quick))
    else:
        sentence = _("No quick wins: no open negative cue has high impact for low effort.")
    out.append(text.para(sentence, st.small))
    unrated = [(n, cue) for n, cue in opened if not rated(cue)]
    if unrated:
        sentence = ngettext(
            "{n} open negative cue not rated yet (impact or effort missing): {cues}",
            "{n} open negative cues not rated yet (impact or effort missing): {cues}",
            len(unrated),
        ).format(n=format_number(len(unrated)), cues=named_list(unrated))
        out.append(text.para(sentence, st.small))
    return out
