"""No text value can make a file that does not load again (SPEC §7 "Safety").

The writer quotes or escapes every character YAML cannot carry as written: the
Unicode line breaks U+0085, U+2028 and U+2029 (YAML would end the line there),
C0 and C1 control characters, a byte-order mark inside text, U+FFFE/U+FFFF, and
whatever would change a plain word's meaning. Edits refuse some of these at the
door (`validate.py`), but a design built in code, or a file that already held
them escaped, must still save to a file that loads back equal.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cuecraft.core.fileformat import parse_design
from cuecraft.core.model import Cue, Design, Layer, Souvenir, Theme, Touchpoint, Zone
from cuecraft.core.writer import saved_text
from cuecraft.core.yamltree import Plain

# Any text at all but lone surrogates, which cannot be encoded (core edits refuse them).
any_text = st.text(st.characters(exclude_categories=("Cs",)))
tricky = st.sampled_from(
    [
        "\u2028",
        "a\u2028b",
        "a\nb\u2029c\n",
        "\x85",
        "line\n\x85\n",
        "\ufeff",
        "a\ufeffb\nc\n",
        "\x00\x07\x1b\x7f\x9f",
        "\ufffe\uffff",
        "tab\there",
        "cr\rlf\r\n",
        "# not a comment",
        "a #b",
        "key: value",
        "- item",
        "\n\nlead\n",
        "trail  \n",
        "  ",
        "…\u00a0nbsp",
    ]
)
value = st.one_of(tricky, any_text)


def _design() -> Design:
    return Design(
        title="T",
        theme=Theme(name="N"),
        zones=[Zone("z")],
        touchpoints=[Touchpoint("t")],
        cues=[Cue("c")],
        layers=[Layer("l")],
        souvenirs=[Souvenir("s")],
    )


# Where a text can be put: a function that puts it into a minimal design.
PLACES: dict[str, Any] = {
    "title": lambda d, t: setattr(d, "title", t),
    "client": lambda d, t: setattr(d, "client", t),
    "venue": lambda d, t: setattr(d, "venue", t),
    "theme.name": lambda d, t: setattr(d.theme, "name", t),
    "theme.tagline": lambda d, t: setattr(d.theme, "tagline", t),
    "theme.storyline": lambda d, t: setattr(d.theme, "storyline", t),
    "theme.motifs": lambda d, t: setattr(d.theme, "motifs", [t, "b"]),
    "theme.avoid": lambda d, t: setattr(d.theme, "avoid", ["a", t]),
    "zone.name": lambda d, t: setattr(d.zones[0], "name", t),
    "zone.sees": lambda d, t: setattr(d.zones[0], "sees", [t]),
    "touchpoint.name": lambda d, t: setattr(d.touchpoints[0], "name", t),
    "touchpoint.zone": lambda d, t: setattr(d.touchpoints[0], "zone", t),
    "touchpoint.next": lambda d, t: setattr(d.touchpoints[0], "next", [t]),
    "cue.text": lambda d, t: setattr(d.cues[0], "text", t),
    "cue.motifs": lambda d, t: setattr(d.cues[0], "motifs", [t]),
    "cue.at": lambda d, t: setattr(d.cues[0], "at", [t]),
    "cue.conflicts": lambda d, t: setattr(d.cues[0], "conflicts", [t]),
    "cue.remedy": lambda d, t: setattr(d.cues[0], "remedy", t),
    "layer.name": lambda d, t: setattr(d.layers[0], "name", t),
    "layer.at": lambda d, t: setattr(d.layers[0], "at", [t]),
    "layer.motifs": lambda d, t: setattr(d.layers[0], "motifs", [t]),
    "souvenir.name": lambda d, t: setattr(d.souvenirs[0], "name", t),
    "souvenir.motifs": lambda d, t: setattr(d.souvenirs[0], "motifs", [t]),
    "souvenir.evokes": lambda d, t: setattr(d.souvenirs[0], "evokes", [t]),
    "souvenir.at": lambda d, t: setattr(d.souvenirs[0], "at", [t]),
    "x-key": lambda d, t: setattr(d, "extra", {"x-" + t: "v"}),
    "x-value": lambda d, t: setattr(d, "extra", {"x-a": t}),
    "x-plain": lambda d, t: setattr(d, "extra", {"x-a": Plain(t)}),
    "x-nested": lambda d, t: setattr(d.cues[0], "extra", {"x-a": {t: [t, {"k": t}]}}),
    "theme.x": lambda d, t: setattr(d.theme, "extra", {"x-a": [t]}),
}
REQUIRED = {"title", "theme.name"}


@pytest.mark.parametrize("place", list(PLACES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=value, crlf=st.booleans(), bom=st.booleans())
@example(text="a\u2028b", crlf=False, bom=False)
@example(text="a\nb\u2028c\n", crlf=True, bom=False)
def test_any_text_in_any_field_saves_and_loads_back_equal(place, text, crlf, bom):
    if place in REQUIRED and not text:
        return  # refused by the format: a required field is never empty
    design = _design()
    PLACES[place](design, text)
    design.newline, design.bom = ("\r\n" if crlf else "\n"), bom
    data = saved_text(design).encode("utf-8")
    loaded = parse_design(data)
    assert loaded == design
    assert saved_text(loaded).encode("utf-8") == data


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\ufeff", "\x1b", "\x9f"])
def test_a_character_yaml_cannot_carry_as_written_is_escaped(char):
    design = _design()
    design.cues[0].text = f"mist{char}rain"
    design.theme.storyline = f"first\nsecond{char}\n"
    text = saved_text(design)
    assert char not in text
    assert parse_design(text.encode("utf-8")) == design
