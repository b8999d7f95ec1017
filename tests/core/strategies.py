"""Hypothesis strategies for whole designs, Unicode included."""

from __future__ import annotations

from hypothesis import strategies as st

from cuecraft.core.model import (
    LANES,
    PHASES,
    POLARITIES,
    SENSES,
    SEVERITIES,
    STATUSES,
    Action,
    Cue,
    Design,
    Layer,
    Persona,
    Realms,
    Souvenir,
    Theme,
    Touchpoint,
    Value,
    Zone,
)

SAMPLES = [
    "Zażółć gęślą jaźń",
    "火锅 服务 海底捞",
    "🌧️🐸",
    "<b>&amp;</b> <font size=40>",
    "no",
    "1:30",
    "012",
    "~",
    "null",
    "- dash",
    "# hash",
    "key: value",
    "a\nb",
    "  lead",
    "tail ",
    "\t",
    "'quote' \"double\"",
    "trailing\n\n",
    "\x85\u2028\u2029",
    "é" * 3,
]

text = st.one_of(
    st.sampled_from(SAMPLES),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.text(alphabet="ab \n:#-'\"", max_size=12),
)
non_empty_text = text.filter(lambda s: s != "")
slug = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)
word_list = st.lists(text, max_size=3)
extra_value = st.recursive(
    text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
# Prices as people write them: whole, with decimals, tiny, large (never above the cap).
amounts = st.integers(0, 10**9) | st.floats(0, 10**9, allow_nan=False, allow_infinity=False)
extras = st.dictionaries(st.builds(lambda s: "x-" + s, slug), extra_value, max_size=2)


@st.composite
def designs(draw: st.DrawFn) -> Design:
    ids = draw(st.lists(slug, unique=True, min_size=0, max_size=10))
    pick = st.sampled_from(ids) if ids else st.just("nowhere")
    refs = st.lists(st.one_of(pick, slug), max_size=3)
    cursor = iter(ids)
    counts = draw(st.lists(st.integers(0, 2), min_size=7, max_size=7))
    zones, tps, cues, layers, souvenirs, actions = [], [], [], [], [], []
    personas: list[Persona] = []
    for _ in range(counts[0]):
        if (i := next(cursor, None)) is not None:
            zones.append(Zone(i, draw(text), draw(refs), draw(extras)))
    for _ in range(counts[1]):
        if (i := next(cursor, None)) is not None:
            tps.append(
                Touchpoint(
                    i,
                    draw(text),
                    draw(st.sampled_from(PHASES)),
                    draw(st.none() | pick),
                    draw(refs),
                    draw(st.none() | st.integers(-3, 3)),
                    wait=draw(st.none() | st.integers(0, 1440)),
                    extra=draw(extras),
                )
            )
    for _ in range(counts[2] + 1):
        if (i := next(cursor, None)) is not None:
            negative = draw(st.booleans())
            cues.append(
                Cue(
                    i,
                    draw(text),
                    "negative" if negative else draw(st.sampled_from(POLARITIES)),
                    draw(st.lists(st.sampled_from(SENSES), unique=True, max_size=3)),
                    draw(word_list),
                    draw(refs),
                    draw(st.booleans()),
                    draw(refs),
                    draw(st.none() | st.sampled_from(SEVERITIES)),
                    draw(st.none() | st.sampled_from(STATUSES)),
                    draw(st.none() | text),
                    owner=draw(st.none() | text),
                    effort=draw(st.none() | st.integers(1, 3)),
                    impact=draw(st.none() | st.integers(1, 3)),
                    extra=draw(extras),
                )
            )
    for _ in range(counts[3]):
        if (i := next(cursor, None)) is not None:
            layers.append(
                Layer(
                    i,
                    draw(st.sampled_from(SENSES)),
                    draw(text),
                    draw(refs),
                    draw(st.integers(1, 3)),
                    draw(word_list),
                    draw(extras),
                )
            )
    for _ in range(counts[4]):
        if (i := next(cursor, None)) is not None:
            souvenirs.append(
                Souvenir(
                    i,
                    draw(text),
                    draw(word_list),
                    draw(refs),
                    draw(refs),
                    price=draw(st.none() | amounts),
                    plain_price=draw(st.none() | amounts),
                    extra=draw(extras),
                )
            )
    for _ in range(counts[5]):
        if (i := next(cursor, None)) is not None:
            minutes = st.none() | st.integers(0, 1440)
            actions.append(
                Action(
                    i,
                    draw(text),
                    draw(st.sampled_from(LANES)),
                    draw(refs),
                    draw(st.none() | pick),
                    draw(st.none() | text),
                    draw(minutes),
                    draw(minutes),
                    draw(st.none() | text),
                    draw(st.none() | text),
                    draw(refs),
                    draw(extras),
                )
            )
    emotions = st.integers(-3, 3)
    for _ in range(counts[6]):
        if (i := next(cursor, None)) is not None:
            personas.append(
                Persona(
                    i,
                    draw(text),
                    draw(st.none() | st.integers(0, 100)),
                    draw(refs),
                    draw(st.dictionaries(st.one_of(pick, slug, text), emotions, max_size=3)),
                    draw(extras),
                )
            )
    realms = Realms(*draw(st.lists(st.integers(0, 3), min_size=4, max_size=4)))
    theme = Theme(
        draw(non_empty_text),
        draw(st.none() | text),
        draw(st.none() | text),
        draw(word_list),
        draw(word_list),
        realms,
        draw(extras),
    )
    return Design(
        title=draw(non_empty_text),
        theme=theme,
        client=draw(st.none() | text),
        venue=draw(st.none() | text),
        language=draw(st.none() | st.sampled_from(["en", "pl", "zh-Hans"])),
        value=Value(
            draw(st.none() | st.sampled_from(["CNY", "PLN", "zł"])),
            *draw(st.lists(st.none() | amounts, min_size=4, max_size=4)),
            extra=draw(extras),
        ),
        zones=zones,
        touchpoints=tps,
        cues=cues,
        layers=layers,
        souvenirs=souvenirs,
        actions=actions,
        personas=personas,
        extra=draw(extras),
        preamble=draw(st.sampled_from(["", "# a header", "# one\n# two — ż 火"])),
    )
