"""The progression of economic value (Pine & Gilmore) as a staircase, for the theme section.

Commodity → goods → service → experience: each step the design prices is a bar as
high as its price, its word under it and its price on it; a step without a price is
drawn empty, with no height, so the chart never suggests a price nobody gave. The
premium guests pay for the experience over the highest step below it is marked beside
the experience and named in a sentence for the client, and when there is none the
sentence says so: guests are not paying for the experience (VAL001's concern).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, white
from reportlab.platypus import Flowable, Spacer

from cuecraft.brief import blocks, fitting, fonts, text, words
from cuecraft.brief.context import BriefContext
from cuecraft.brief.styles import ERROR, FAINT, GOOD, INK, MUTED, RULE, UNIT, Palette, mix
from cuecraft.core.i18n import _, format_money, pgettext
from cuecraft.core.model import VALUE_STEPS, Amount, Value
from cuecraft.core.words import value_step_word

SHRINK_AT_MOST = 0.75  # the staircase's prices stay readable


@dataclass(frozen=True)
class Premium:
    """What guests pay for the experience over the highest-priced step below it."""

    base: str  # the step compared with: "service", "goods" or "commodity"
    amount: Amount  # experience − that step's price; ≤ 0: no premium


def premium(value: Value) -> Premium | None:
    """The experience's premium, or None when the experience or every step below it is
    unpriced: the core's `Value.premium`, which VAL001 and the Value view read too."""
    found = value.premium()
    return None if found is None else Premium(*found)


class ValueStaircase(Flowable):  # type: ignore[misc]
    """Four steps rising left to right, each as high as its price; the premium beside."""

    PLOT = 46 * UNIT  # the height of the tallest bar
    TOP = 7 * UNIT  # room over the tallest bar for its price
    FOOT = 7 * UNIT  # room under the baseline for the steps' words
    SIDE = 24 * UNIT  # room right of the experience for the premium's mark
    AXIS = 6 * UNIT  # room left of the bars for the axis' name

    def __init__(self, value: Value, palette: Palette) -> None:
        super().__init__()
        self.value = value
        self.palette = palette
        self.prices = value.prices()
        self.premium = premium(value)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(avail_width, 140 * UNIT)
        self.height = self.FOOT + self.PLOT + self.TOP
        return self.width, self.height

    def money(self, amount: Amount) -> str:
        return format_money(amount, self.value.currency)

    def _fill(self, index: int) -> Color:
        """A deeper shade of the accent at each step: the experience in the accent itself."""
        return mix(self.palette.accent, white, 0.25 + 0.25 * index)

    def _top(self, amount: Amount) -> float:
        highest = max(self.prices.values(), default=0)
        return self.FOOT + (self.PLOT * amount / highest if highest > 0 else 0.0)

    def draw(self) -> None:
        canvas = self.canv
        left = self.AXIS
        column = (self.width - left - self.SIDE) / len(VALUE_STEPS)
        bar = column - 2 * UNIT
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, self.FOOT, self.width - self.SIDE + UNIT, self.FOOT)
        for index, step in enumerate(VALUE_STEPS):
            x = left + index * column + UNIT
            middle = x + bar / 2
            canvas.setFillColor(INK)
            word = text.fit(value_step_word(step), column - UNIT, 8.5, fonts.BOLD)
            text.draw(canvas, middle, self.FOOT - 4 * UNIT, word, 8.5, fonts.BOLD, "middle")
            price = self.prices.get(step)
            if price is None:
                self._unpriced(x, bar)
                continue
            top = self._top(price)
            fill = self._fill(index)
            canvas.setFillColor(fill)
            canvas.rect(x, self.FOOT, bar, top - self.FOOT, stroke=0, fill=1)
            canvas.setFillColor(INK)
            label = text.fit(self.money(price), column, 10, fonts.BOLD)
            text.draw(canvas, middle, top + 1.5 * UNIT, label, 10, fonts.BOLD, "middle")
        self._premium(left + UNIT, column, bar)
        self._axis()

    def _unpriced(self, x: float, bar: float) -> None:
        """An empty step: a dashed outline on the baseline and the words “not priced”."""
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(FAINT)
        canvas.setDash(2, 2)
        canvas.setLineWidth(0.6)
        canvas.rect(x, self.FOOT, bar, 8 * UNIT, stroke=1, fill=0)
        canvas.restoreState()
        canvas.setFillColor(MUTED)
        # TRANSLATORS: under a step of the value staircase that the design gives no price
        words = text.fit(_("not priced"), bar - UNIT, 7.5)
        text.draw(canvas, x + bar / 2, self.FOOT + 3.5 * UNIT, words, 7.5, anchor="middle")

    def _premium(self, first: float, column: float, bar: float) -> None:
        """Beside the experience: a bracket from the compared step's price to the
        experience's, a dotted line across at the compared step's price, and the premium
        (or “no premium”)."""
        found = self.premium
        if found is None:
            return
        canvas = self.canv
        low = self._top(self.prices[found.base])
        high = self._top(self.prices["experience"])
        start = first + VALUE_STEPS.index(found.base) * column + bar
        edge = first + (len(VALUE_STEPS) - 1) * column + bar + 2 * UNIT
        canvas.saveState()
        canvas.setStrokeColor(MUTED)
        canvas.setDash(1, 2)
        canvas.setLineWidth(0.6)
        canvas.line(start, low, edge, low)
        canvas.restoreState()
        room = self.width - edge - 2 * UNIT
        if found.amount > 0:
            canvas.setStrokeColor(GOOD)
            canvas.setLineWidth(1)
            canvas.line(edge, low, edge + UNIT, low)
            canvas.line(edge + UNIT, low, edge + UNIT, high)
            canvas.line(edge, high, edge + UNIT, high)
            canvas.setFillColor(GOOD)
            amount = text.fit("+" + self.money(found.amount), room, 10, fonts.BOLD)
            mid = (low + high) / 2
            text.draw(canvas, edge + 2.5 * UNIT, mid, amount, 10, fonts.BOLD)
            # TRANSLATORS: under the amount guests pay for the experience over the step below
            label = text.fit(pgettext("economic value", "premium"), room, 7.5)
            text.draw(canvas, edge + 2.5 * UNIT, mid - 3 * UNIT, label, 7.5)
        else:
            canvas.setFillColor(ERROR)
            # TRANSLATORS: beside the experience on the value staircase: it costs no more
            label = text.fit(pgettext("economic value", "no premium"), room, 8.5, fonts.BOLD)
            text.draw(canvas, edge + UNIT, max(low, high) + 2 * UNIT, label, 8.5, fonts.BOLD)

    def _axis(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.translate(2 * UNIT, self.FOOT + self.PLOT / 2)
        canvas.rotate(90)
        canvas.setFillColor(MUTED)
        # TRANSLATORS: the value staircase's vertical axis
        name = pgettext("economic value", "What guests pay").upper()
        text.draw(canvas, 0, 0, text.fit(name, self.PLOT, 7, fonts.BOLD), 7, fonts.BOLD, "middle")
        canvas.restoreState()


# One sentence per step compared with, so each language can decline the step's name.
MORE_THAN = {
    "service": lambda: _("Guests pay {amount} more for the experience than for the service."),
    "goods": lambda: _("Guests pay {amount} more for the experience than for the goods."),
    "commodity": lambda: _(
        "Guests pay {amount} more for the experience than for the raw materials."
    ),
}
NO_MORE_THAN = {
    "service": lambda: _(
        "Guests pay no more for the experience than for the service: they are not paying "
        "for the experience yet."
    ),
    "goods": lambda: _(
        "Guests pay no more for the experience than for the goods: they are not paying for "
        "the experience yet."
    ),
    "commodity": lambda: _(
        "Guests pay no more for the experience than for the raw materials: they are not "
        "paying for the experience yet."
    ),
}


def premium_sentence(value: Value) -> str:
    """The experience premium named for the client, or why it cannot be named."""
    found = premium(value)
    if found is not None:
        if found.amount > 0:
            amount = format_money(found.amount, value.currency)
            return MORE_THAN[found.base]().format(amount=amount)
        return NO_MORE_THAN[found.base]()
    if value.experience is None:
        return _(
            "The experience has no price yet: give it one to see the premium guests pay "
            "for the experience."
        )
    return _(
        "Only the experience has a price: price the service, the goods or the raw "
        "materials too to see the premium guests pay for the experience."
    )


def value_staircase(ctx: BriefContext) -> list[Flowable]:
    """The staircase under its heading, and the premium in a sentence; [] without `value`."""
    value, st = ctx.design.value, ctx.styles
    if not value:
        return []
    # The chart straight under its heading; what it shows is said under it.
    out: list[Flowable] = [
        Spacer(1, 2 * UNIT),
        text.para(_("The progression of economic value"), st.h3),
    ]
    about = _(
        "What guests pay at each step: the raw materials (commodity), the goods made of "
        "them, the service that delivers them and the experience staged around it. Staging "
        "an experience is what lets a business charge a premium."
    )
    if value.prices():
        out.append(fitting.Shrinkable(ValueStaircase(value, st.palette), least=SHRINK_AT_MOST))
        if any(step not in value.prices() for step in VALUE_STEPS):
            about = words.sentences(
                about, _("A dashed step has no price in the design: it is drawn without height.")
            )
        out.append(Spacer(1, UNIT))
    out.append(text.para(about, st.small))
    found = premium(value)
    colour = GOOD if found is not None and found.amount > 0 else ERROR
    if found is None:  # nothing to judge yet
        colour = st.palette.mark
    out.append(blocks.callout(words.plain(premium_sentence(value)), ctx, colour))
    # One block: the premium's sentence never leaves its chart (the chart shrinks instead).
    for flowable in out[1:-1]:
        flowable.keepWithNext = 1
    return out
