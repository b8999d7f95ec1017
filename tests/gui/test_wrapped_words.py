"""Words wrapped and shortened in the views' pictures (`views/_style.wrap_elide`): an emoji
is never cut in half, and a no-break space keeps a price with its currency."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from cuecraft.gui.views._style import wrap_elide


@pytest.fixture
def font(qapp) -> QFont:  # type: ignore[no-untyped-def]
    chosen = QFont()
    chosen.setPointSize(10)
    return chosen


def test_emoji_lines_are_whole_characters_and_nothing_is_lost(font):
    text = "1,000.25 💰💰💰 tokens and more words here"
    width = QFontMetricsF(font).horizontalAdvance("1,000.25 💰💰💰")
    lines = wrap_elide(text, font, width, 10)
    assert len(lines) > 1
    assert "\ufffd" not in "".join(lines)  # no half of a surrogate pair decoded
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost, in order
    # Each word fits a line, so none is cut (UTF-16 offsets read as characters cut
    # "tokens" into "tok" and "ens").
    assert all(
        word in lines or any(word in line.split(" ") for line in lines)
        for word in ("tokens", "words", "here")
    )


def test_a_no_break_space_holds_a_price_together(font):
    text = "Guests pay 48\u00a0zł more for it than for anything else nearby"
    width = QFontMetricsF(font).horizontalAdvance("Guests pay 48 zł")
    for shrink in range(0, 40, 4):
        lines = wrap_elide(text, font, width - shrink, 10)
        assert not any(line.endswith("48") for line in lines), lines
        assert any("48\u00a0zł" in line for line in lines)


def test_the_last_line_is_shortened_when_lines_run_out(font):
    lines = wrap_elide("one two three four five six seven eight nine ten", font, 60, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
