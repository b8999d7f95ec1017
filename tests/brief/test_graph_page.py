"""The brief's design graph page is read by a client (issue 14): labels are the items'
names, shortened at whole words, never the file's ids; a design too large for one
drawing gets a matrix over more pages, its text kept legible rather than shrunk away."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from bench.generate import generate
from tests.brief.conftest import DESIGNS, Brief, squash

from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Design
from cuecraft.core.names import full_name

EXAMPLES = ["rainforest-cafe", "boutique-hotel", "haidilao-hotpot", "agency-client-journey"]
MIN_SIZE = 6.0  # points: the smallest text of the graph pages
TRIM = " ,;:—–-(，、；：（"


def design_words(design: Design) -> set[str]:
    """Every word the design itself writes (names, motifs, title): an id that is also one of
    them ("mist", a cue of "Fine mist drifts…") may rightly appear."""
    texts = [design.title, design.client or "", design.venue or "", *design.theme.motifs]
    for group in (design.zones, design.touchpoints, design.cues, design.layers, design.souvenirs):
        texts.extend(full_name(item) for item in group)
    return {w.lower() for t in texts for w in re.findall(r"[\w-]+", t)}


def ids_shown(brief: Brief, design: Design) -> list[str]:
    words = design_words(design)
    found = []
    for group in (design.zones, design.touchpoints, design.cues, design.layers, design.souvenirs):
        for item in group:
            if item.id.lower() in words:
                continue
            if re.search(r"(?<![\w-])" + re.escape(item.id) + r"(?![\w-])", brief.text):
                found.append(item.id)
    return found


def shortened_at_a_word(name: str, squashed: str) -> bool:
    """Whether the page shows `name` whole, or its first words (its first sentence) ended
    with "…", as a label would (line breaks and spaces squashed away)."""
    flat = " ".join(name.split())
    if squash(flat) in squashed:
        return True
    words = flat.split(" ")
    for k in range(1, len(words)):
        head = " ".join(words[:k]).rstrip(TRIM)
        if head and squash(head) + "…" in squashed:
            return True
    first = re.split(r"(?<=[.!?])\s", flat, maxsplit=1)[0].rstrip(" .")
    return squash(first) in squashed


def sizes(brief: Brief) -> list[float]:
    """The font size of every text run of the brief's pages."""
    found: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append(abs(size * (tm[0] or tm[1]) * (cm[0] or cm[1])))

    for page in brief.reader.pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_graph_page_names_items_and_shows_no_ids(export: Callable[..., Brief], name):
    brief = export(name, sections=("graph",))
    design = load_design(DESIGNS / f"{name}.yaml")
    assert ids_shown(brief, design) == []
    squashed = brief.squashed
    for zone in design.zones:
        assert squash(full_name(zone)) in squashed, zone.id  # short names: whole
    missing = [c.id for c in design.cues if not shortened_at_a_word(full_name(c), squashed)]
    if name != "haidilao-hotpot":  # Chinese breaks anywhere: no word boundary to check
        assert missing == []
    assert "…" in brief.text  # long cue texts are shortened, not printed whole


def test_the_polish_graph_keeps_the_touchpoint_name_of_the_report_whole(export):
    brief = export("boutique-hotel", sections=("graph",), paper="letter")
    assert "Listpowitalnyzpytaniemoherbatę" in brief.squashed  # was "…o h…"


def many_cues(count: int) -> Design:
    design = generate(count)
    for i, cue in enumerate(design.cues):
        cue.text = f"Lantern {i} glows by the door"
    return design


def test_a_large_design_gets_a_legible_matrix_over_more_pages(export: Callable[..., Brief]):
    small = export("generated-50", many_cues(50), sections=("graph",))
    large = export("generated-400", many_cues(400), sections=("graph",))
    design = many_cues(400)
    assert large.pages > small.pages + 3  # grows in pages, not in density
    for cue in design.cues:
        assert re.search(rf"Lantern {cue.text.split()[1]} glows by the door", large.text), cue.id
    for zone in design.zones:
        assert zone.name in large.text
    assert ids_shown(large, design) == []
    assert min(sizes(large)) >= MIN_SIZE
    assert min(sizes(small)) >= 4.0  # the drawing, on its one page
