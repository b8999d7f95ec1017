"""The progression of economic value as a staircase (Pine & Gilmore; SPEC §2.3, §5).

Commodity → goods → service → experience, left to right, each step a block as
tall as its price (all on one scale, so the eye compares them), its price above it
and its name under the floor. A step the design does not price stands as a dashed
outline saying "not priced": an empty step is never drawn as if it had a price.
The experience premium (what guests pay for the experience above the highest
price of the steps below it) is drawn on the experience's block and named in a
sentence under the stairs; without one the sentence says so, as VAL001 does.

The scene depends on no widget: the Value tab shows it and `cuecraft render
--view value` paints it.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPalette, QPen
from PySide6.QtWidgets import QGraphicsScene

from cuecraft.core.i18n import _, format_money
from cuecraft.core.model import VALUE_STEPS, Amount, Design, Value
from cuecraft.core.words import value_step_word

from ._style import mix
from .value_parts import BLUE, GREEN, PictureStyle, Words, add_words, fitting

STEP = 124.0  # a step's width
LABEL = STEP - 6  # the widest words over or under a step: a gap between neighbours
RISE = 190.0  # the tallest block's height
PLACEHOLDER = 34.0  # the dashed outline of a step without a price
MARGIN = 24.0
# What each block is, as item data PART: (step, PRICED | UNPRICED | PREMIUM) (tests, tools).
PART, PRICED, UNPRICED, PREMIUM = 0, "priced", "unpriced", "premium"
STAIRS = len(VALUE_STEPS) * STEP
WIDTH = 2 * MARGIN + STAIRS + 60  # and room beside the experience for its premium


def value_title() -> str:
    return _("The progression of economic value")


def not_priced() -> str:
    # TRANSLATORS: over a step of the value staircase the design gives no price for
    return _("not priced")


def no_value_hint() -> str:
    return _("No value set: add prices in the Theme inspector (select Theme in the outline).")


def premium_sentence(value: Value, currency: str | None = None) -> str:
    """What the experience is worth above the steps below it, or why nothing is shown."""
    money = value.currency if currency is None else currency
    if value.experience is None:
        return _("No premium to show: the experience is not priced.")
    premium = value.premium()  # the core's: VAL001 and the brief read the same
    if premium is None:
        return _("No premium to show: price the service, the goods or the commodity to compare.")
    step, extra = premium
    if extra > 0:
        amount = format_money(extra, money)
        if step == "service":
            return _("Experience premium: {amount} over the service").format(amount=amount)
        if step == "goods":
            return _("Experience premium: {amount} over the goods").format(amount=amount)
        return _("Experience premium: {amount} over the commodity").format(amount=amount)
    amount = format_money(_price(value, step), money)
    if step == "service":
        return _(
            "No premium for the experience: guests pay no more for it than for the service "
            "({amount})"
        ).format(amount=amount)
    if step == "goods":
        return _(
            "No premium for the experience: guests pay no more for it than for the goods ({amount})"
        ).format(amount=amount)
    return _(
        "No premium for the experience: guests pay no more for it than for the commodity ({amount})"
    ).format(amount=amount)


def _price(value: Value, step: str) -> Amount:
    """The price the design gives `step` (one it prices)."""
    price: Amount = value.prices()[step]
    return price


def value_scene(
    design: Design, palette: QPalette | None = None, font: QFont | None = None
) -> QGraphicsScene:
    """The staircase of `design`'s value; without a palette, dark ink on white."""
    style = PictureStyle.make(palette, font)
    scene = QGraphicsScene()
    scene.setBackgroundBrush(style.base)
    title = add_words(scene, value_title(), style.title, style.ink, MARGIN, MARGIN)
    top = title.sceneBoundingRect().bottom() + 14
    value = design.value
    if not value:
        hint = add_words(
            scene,
            no_value_hint(),
            style.text,
            style.muted,
            MARGIN,
            top,
            width=WIDTH - 2 * MARGIN,
            lines=3,
        )
        bottom = hint.sceneBoundingRect().bottom()
    else:
        bottom = _stairs(scene, value, style, top)
    right = max(WIDTH, scene.itemsBoundingRect().right() + MARGIN)
    scene.setSceneRect(QRectF(0, 0, right, bottom + MARGIN))
    return scene


def _stairs(scene: QGraphicsScene, value: Value, style: PictureStyle, top: float) -> float:
    """Draw the four steps under `top`; return the bottom of what is drawn."""
    prices = value.prices()
    highest = max(prices.values(), default=0)
    labels = {step: _over_step(scene, value, step, style) for step in VALUE_STEPS}
    # The room over the tallest block holds its price's words, on two lines when a long
    # currency takes them there.
    tallest = max(label.boundingRect().height() for label in labels.values())
    price_h = max(QFontMetricsF(style.big).lineSpacing(), tallest) + 4
    # Nothing priced: no room kept for blocks that are not there.
    floor = top + price_h + (RISE if prices else PLACEHOLDER + 6)
    blue = style.hue(BLUE)
    ink_pen = QPen(mix(blue, style.ink, 0.35), 1.2)
    heights: dict[str, float] = {}
    under = floor  # the foot of the steps' names
    for i, step in enumerate(VALUE_STEPS):
        x = MARGIN + i * STEP
        price = prices.get(step)
        if price is None:
            rect = QRectF(x + 6, floor - PLACEHOLDER, STEP - 12, PLACEHOLDER)
            outline = scene.addRect(rect, QPen(style.muted, 1.2, Qt.PenStyle.DashLine))
            outline.setData(PART, (step, UNPRICED))
        else:
            height = RISE * price / highest if highest > 0 else 0.0
            heights[step] = height
            rect = QRectF(x, floor - height, STEP, height)
            shade = mix(style.base, blue, 0.3 + 0.18 * i)
            scene.addRect(rect, ink_pen, shade).setData(PART, (step, PRICED))
        label = labels[step]
        shown = label.boundingRect()
        label.setPos(x + (STEP - shown.width()) / 2, rect.top() - 4 - shown.height())
        word = value_step_word(step)
        font = fitting(word, (style.bold, style.text, style.small), LABEL)
        words = add_words(
            scene,
            word,
            font,
            style.ink,
            x + STEP / 2,
            floor + 6,
            width=LABEL,
            lines=2,
            centred=True,
        )
        under = max(under, words.sceneBoundingRect().bottom())
    scene.addLine(MARGIN - 8, floor, MARGIN + STAIRS + 8, floor, QPen(style.ink, 1.6))
    premium = value.premium()
    if premium is not None and "experience" in heights:
        _premium(scene, value, style, premium, heights, floor)
    sentence_y = under + 14
    sentence = add_words(
        scene,
        premium_sentence(value),
        style.bold,
        style.ink,
        MARGIN,
        sentence_y,
        width=WIDTH - 2 * MARGIN,
        lines=2,
    )
    return sentence.sceneBoundingRect().bottom()


def _over_step(scene: QGraphicsScene, value: Value, step: str, style: PictureStyle) -> Words:
    """The words over a step, placed later: its price, or that it has none. A price a
    size smaller when it is wide, else on two lines of the text's size, shortened only
    past those: the steps' prices never run into each other."""
    price = value.prices().get(step)
    if price is None:
        text, color = not_priced(), style.muted
        font = fitting(text, (style.text, style.small), LABEL)
    else:
        text, color = format_money(price, value.currency), style.ink
        font = fitting(text, (style.big, style.bold, style.text), LABEL)
    words = Words(text, _two_lines(text, QFontMetricsF(font), LABEL), font, color, centred=True)
    scene.addItem(words)
    return words


def _two_lines(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """`text` as written when it fits `width`, else on two lines broken between words
    (a number is never cut: "1,027.50" over "Polish złoty coins"), each shortened to
    `width` if it must be."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]  # "12 zł" keeps its no-break space
    words = text.split()
    first, rest = words[0], words[1:]
    while rest and metrics.horizontalAdvance(f"{first} {rest[0]}") <= width:
        first = f"{first} {rest.pop(0)}"
    elide = Qt.TextElideMode.ElideRight
    lines = [metrics.elidedText(first, elide, width)]
    if rest:
        lines.append(metrics.elidedText(" ".join(rest), elide, width))
    return lines


def _premium(
    scene: QGraphicsScene,
    value: Value,
    style: PictureStyle,
    premium: tuple[str, Amount],
    heights: dict[str, float],
    floor: float,
) -> None:
    """The reference price drawn across to the experience; the premium above it in green
    (`premium`: the core's `Value.premium()`, the step it is over and the amount)."""
    step, extra = premium
    level = floor - heights[step]
    start = MARGIN + VALUE_STEPS.index(step) * STEP + STEP
    x = MARGIN + (len(VALUE_STEPS) - 1) * STEP
    scene.addLine(start, level, x + STEP + 8, level, QPen(style.muted, 1.2, Qt.PenStyle.DashLine))
    if extra <= 0:
        return
    green = style.hue(GREEN)
    top = floor - heights["experience"]
    band = QRectF(x, top, STEP, level - top)
    pen, fill = QPen(mix(green, style.ink, 0.3), 1.2), mix(style.base, green, 0.75)
    scene.addRect(band, pen, fill).setData(PART, ("experience", PREMIUM))
    plus = "+" + format_money(extra, value.currency)
    middle = (top + level) / 2 - QFontMetricsF(style.bold).lineSpacing() / 2
    add_words(scene, plus, style.bold, mix(green, style.ink, 0.35), x + STEP + 6, middle)
