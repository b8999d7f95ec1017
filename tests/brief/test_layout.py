"""Page breaks and finish of the brief, read from the real layout and the real PDF.

The layout is recorded by a document that notes, for every flowable it places,
the page and how low the frame got (reportlab's `afterFlowable` hook), so the
tests see what a reader sees: what ends each page and how full it is.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import CondPageBreak, Paragraph, Spacer
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import NullDraw
from tests.brief.conftest import DESIGNS

from cuecraft.brief import BriefOptions, blocks, build, export_brief, fitting, tables
from cuecraft.brief.document import BriefDocument, SectionTitle
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Design

HEADING_STYLES = {"h2", "h3", "label", "lead"}  # never the last thing on a page


@dataclass
class Placed:
    page: int
    flowable: Any
    y: float  # the frame's current point after it, points from the page's foot
    top: float  # the frame's top and foot
    foot: float


class RecordingDocument(BriefDocument):  # type: ignore[misc]
    """The brief's document, noting where every flowable lands."""

    placed: list[Placed]

    def afterFlowable(self, flowable: Any) -> None:
        super().afterFlowable(flowable)
        frame = self.frame
        if frame is not None:
            self.placed.append(Placed(self.page, flowable, frame._y, frame._y2, frame._y1p))


@dataclass
class Layout:
    placed: list[Placed]
    pdf: Path

    def pages(self) -> dict[int, list[Placed]]:
        out: dict[int, list[Placed]] = {}
        for item in self.placed:
            out.setdefault(item.page, []).append(item)
        return out


def layout_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, design: Design, **options: Any
) -> Layout:
    placed: list[Placed] = []

    class Recording(RecordingDocument):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.placed = placed

    monkeypatch.setattr(build, "BriefDocument", Recording)
    pdf = tmp_path / "brief.pdf"
    export_brief(design, pdf, BriefOptions(**options))
    return Layout(placed, pdf)


def is_drawn(flowable: Any) -> bool:
    """Something a reader sees (not a break, a spacer or a template switch)."""
    return not isinstance(flowable, Spacer | ActionFlowable | NullDraw)


def is_heading(flowable: Any) -> bool:
    if isinstance(flowable, SectionTitle):
        return True
    if isinstance(flowable, Paragraph):
        return flowable.style.name in HEADING_STYLES
    if isinstance(flowable, tables.BriefTable):  # a step's sub-heading row last
        return tables.is_band(flowable._cellvalues[-1][0])
    return False


def describe(flowable: Any) -> str:
    if isinstance(flowable, Paragraph):
        return f"{flowable.style.name}: {flowable.getPlainText()[:60]}"
    if isinstance(flowable, SectionTitle):
        return f"section: {flowable.mark.title}"
    return type(flowable).__name__


CASES = [
    ("flagship-store", "a4"),
    ("flagship-store", "letter"),
    ("haidilao-hotpot", "a4"),
    ("haidilao-hotpot", "letter"),
    ("rainforest-cafe", "a4"),
]


@pytest.fixture(scope="module")
def layouts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Layout]:
    """Every case laid out once for the module (each export takes a second or two)."""
    out = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name, paper in CASES:
            folder = tmp_path_factory.mktemp(f"{name}-{paper}")
            design = load_design(DESIGNS / f"{name}.yaml")
            out[(name, paper)] = layout_of(folder, monkeypatch, design, paper=paper)
    return out


@pytest.mark.parametrize(("name", "paper"), CASES)
def test_a_heading_never_ends_a_page(layouts, name, paper):
    layout = layouts[(name, paper)]
    pages = layout.pages()
    last_page = max(pages)
    for page, items in pages.items():
        drawn = [item.flowable for item in items if is_drawn(item.flowable)]
        if page == last_page or not drawn:
            continue
        assert not is_heading(drawn[-1]), f"page {page} ends with {describe(drawn[-1])}"


def data_rows(table: Any) -> int:
    """The rows of a table part under its repeated head, sub-heading rows not counted."""
    head = table.repeatRows if isinstance(table.repeatRows, int) else len(table.repeatRows)
    return sum(1 for row in table._cellvalues[head:] if not tables.is_band(row[0]))


def test_a_split_table_keeps_three_rows_on_each_side(layouts):
    """Where a table continues overleaf (its part is the first thing on the next page,
    under the repeated head), both parts hold at least three rows."""
    splits = 0
    for layout in layouts.values():
        pages = layout.pages()
        for page, items in pages.items():
            drawn = [item.flowable for item in items if is_drawn(item.flowable)]
            following = [i.flowable for i in pages.get(page + 1, []) if is_drawn(i.flowable)]
            if not drawn or not following:
                continue
            before, after = drawn[-1], following[0]
            if not (isinstance(before, tables.BriefTable) and isinstance(after, tables.BriefTable)):
                continue
            if before._cellvalues[0] is not after._cellvalues[0]:  # not the same head row
                continue
            splits += 1
            where = f"page {page} → {page + 1}"
            assert data_rows(before) >= tables.ROWS_AT_A_SPLIT, where
            assert data_rows(after) >= tables.ROWS_AT_A_SPLIT, where
    assert splits >= 3  # the examples do split tables


@pytest.mark.parametrize("space", [float(s) for s in range(0, 640, 23)])
def test_a_table_split_anywhere_on_the_page_keeps_three_rows_each_side(space):
    """A table of eight rows after any amount of text: never one or two rows alone."""
    from cuecraft.brief.styles import make_styles

    st = make_styles("#0F6E6A")
    rows = [[f"Row {i}", "x"] for i in range(8)]
    parts = laid_out_parts(
        [Spacer(1, space), blocks.data_table(["Cue", "Note"], rows, [200, 200], st)]
    )
    if len(parts) == 2:
        assert data_rows(parts[0]) >= 3 and data_rows(parts[1]) >= 3
    assert sum(data_rows(p) for p in parts) == 8


def laid_out_parts(flowables: list[Any]) -> list[Any]:
    """The table parts a plain A4 document places, in order."""
    import io

    from reportlab.platypus import SimpleDocTemplate

    parts: list[Any] = []

    class Doc(SimpleDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:
            if isinstance(flowable, tables.BriefTable):
                parts.append(flowable)

    Doc(io.BytesIO()).build(flowables)
    return parts


@pytest.mark.parametrize("space", [float(s) for s in range(0, 640, 37)])
def test_a_step_continued_overleaf_repeats_its_heading_marked_cont(space):
    from cuecraft.brief.styles import make_styles

    st = make_styles("#0F6E6A")
    rows: list[list[Any]] = []
    bands = []
    for step in (1, 2):
        bands.append(len(rows))
        rows.append([f"Step {step} · Arrive <b> & smile", ""])
        rows += [[f"Cue {step}.{i}", "sight"] for i in range(20)]
    table = blocks.data_table(["Cue", "Senses"], rows, [300, 100], st, band_rows=bands)
    parts = laid_out_parts([Spacer(1, space), table])
    assert len(parts) >= 2
    for first, rest in itertools.pairwise(parts):
        bands = [i for i, row in enumerate(first._cellvalues) if tables.is_band(row[0])]
        assert bands[-1] < len(first._cellvalues) - 1, "a step's heading ends the page"
        label = str(tables.band_label(rest._cellvalues[1][0]))
        heading = str(tables.band_label(first._cellvalues[bands[-1]][0]))
        heading = heading.removesuffix(" (cont.)")
        if not label.startswith("Step 2 ·") or heading.startswith("Step 2 ·"):
            # the page broke inside a step: its heading is repeated, marked, as typed
            assert label == f"{heading} (cont.)"


def used_share(items: list[Placed]) -> float:
    """How much of the page's frame is filled, down to the last thing drawn."""
    drawn = [item for item in items if is_drawn(item.flowable)]
    if not drawn:
        return 0.0
    last = drawn[-1]
    return (last.top - last.y) / (last.top - last.foot)


@pytest.mark.parametrize(("name", "paper"), CASES)
def test_no_page_is_left_half_empty_before_a_heading_that_fits_there(layouts, name, paper):
    """A section or subsection that starts a page (without asking for a new page) could
    not have started on the page before: its heading and the start of its first block
    (three rows of a table) did not fit there."""
    layout = layouts[(name, paper)]
    pages = layout.pages()
    placed = layout.placed
    for index, item in enumerate(placed):
        heading = item.flowable
        if not is_heading(heading) or item.page - 1 not in pages:
            continue
        on_page = [p for p in pages[item.page] if is_drawn(p.flowable)]
        if on_page[0] is not item:
            continue  # not what starts its page
        if isinstance(heading, SectionTitle) and not isinstance(
            placed[index - 1].flowable, CondPageBreak
        ):
            continue  # a section that asks for a new page
        share = used_share(pages[item.page - 1])
        if share >= 0.5:
            continue
        after = [p for p in placed[index + 1 :] if is_drawn(p.flowable)]
        start = next(p for p in after if not is_heading(p.flowable))
        later = after[after.index(start) + 1 :]
        if (
            later
            and isinstance(later[0].flowable, tables.BriefTable)
            and later[0].page == start.page
        ):
            start = later[0]  # a table's intro stays with its table (BriefContext.headed)
        need = item.top - start.y + heading.getSpaceBefore()
        if isinstance(start.flowable, tables.BriefTable):
            # It may split after 3 rows, if 3 rows are left for the next page too.
            heights = start.flowable._rowHeights
            least = tables.ROWS_AT_A_SPLIT
            if len(heights) - 1 >= 2 * least:
                need -= sum(heights[1 + least :])
        free = (1 - share) * (item.top - item.foot)
        assert need > free, f"page {item.page - 1} is {share:.0%} full before {describe(heading)}"


def test_the_realms_chart_never_jumps_leaving_the_page_before_empty(layouts):
    """On Letter the four-realms chart once jumped alone to the next page, leaving the
    theme's page half empty: it is drawn smaller instead, on the theme's page, or the
    page before it is full."""
    layout = layouts[("flagship-store", "letter")]
    pages = layout.pages()
    placed = layout.placed
    title = next(
        i for i in placed if isinstance(i.flowable, SectionTitle) and i.flowable.mark.key == "theme"
    )
    at = next(
        k
        for k, i in enumerate(placed)
        if isinstance(i.flowable, Paragraph) and i.flowable.getPlainText() == "The four realms"
    )
    heading, chart = placed[at], next(i for i in placed[at + 1 :] if is_drawn(i.flowable))
    assert chart.page == heading.page  # the heading stays with its chart
    if chart.page != title.page:
        assert used_share(pages[chart.page - 1]) >= 2 / 3


def test_a_chart_shrinks_to_fit_the_room_left_and_only_then_moves():
    from cuecraft.brief.charts import RealmsChart
    from cuecraft.brief.styles import make_styles

    chart = RealmsChart(
        dict.fromkeys(("entertainment", "educational", "esthetic", "escapist"), 2),
        make_styles("#0F6E6A").palette,
    )
    shrinkable = fitting.Shrinkable(chart)
    _w, full = shrinkable.wrap(400, 10_000)
    _w, smaller = shrinkable.wrap(400, full * 0.8)
    assert smaller == pytest.approx(full * 0.8)
    _w, least = shrinkable.wrap(400, full * 0.3)
    assert least == pytest.approx(full * fitting.SHRINK_AT_MOST)  # too big to fit: it moves


# --- finish ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def logo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from PIL import Image

    path = tmp_path_factory.mktemp("logo") / "logo.png"
    Image.new("RGB", (300, 120), (200, 60, 40)).save(path)
    return path


def image_names(page: Any) -> list[str]:
    resources = page.get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    return [name for name, ref in xobjects.items() if ref.get_object().get("/Subtype") == "/Image"]


def test_the_logo_is_in_the_running_header_of_every_page_after_the_cover(export, logo):
    brief = export("museum-exhibition", logo=str(logo))
    pages = brief.reader.pages
    assert image_names(pages[0])  # the cover
    for number in range(2, len(pages) + 1):
        assert image_names(pages[number - 1]), f"page {number} has no logo"


def test_without_a_logo_no_page_has_an_image(export):
    brief = export("museum-exhibition")
    assert not any(image_names(page) for page in brief.reader.pages)


def outline_depth(entries: Any) -> int:
    if isinstance(entries, list):
        return 1 + max((outline_depth(e) for e in entries), default=0)
    return 0


def titles(entries: Any) -> list[str]:
    out: list[str] = []
    for entry in entries:
        out += titles(entry) if isinstance(entry, list) else [entry.title]
    return out


def test_bookmarks_are_nested_section_then_subsection(export):
    brief = export("flagship-store")
    outline = brief.reader.outline
    assert outline_depth(outline) == 3  # sections; zones, principles; steps
    at = {entry.title: i for i, entry in enumerate(outline) if not isinstance(entry, list)}
    under_cues = outline[at["Positive cues"] + 1]
    assert isinstance(under_cues, list)
    design = load_design(DESIGNS / "flagship-store.yaml")
    zones = [entry.title for entry in under_cues if not isinstance(entry, list)]
    assert zones[0] == design.zones[0].name
    assert any(title.startswith("Step ") for title in titles(under_cues))
    under_report = outline[at["Consistency report"] + 1]
    assert "Harmonize with positive cues" in titles(under_report)


def test_the_cover_prints_the_whole_venue(tmp_path):
    design = load_design(DESIGNS / "agency-client-journey.yaml")
    pdf = tmp_path / "agency.pdf"
    export_brief(design, pdf, BriefOptions(sections=("cover",)))
    cover = "".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "".join(design.venue.split()) in cover
    assert "…" not in cover
