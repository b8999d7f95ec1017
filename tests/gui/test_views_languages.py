"""The three central views in Polish and Chinese, and switching language while open.

Each view is built with the process language set (as Preferences ▸ Language sets it);
its lane names, axis title, marks, legends, headers and buttons must read as the
catalogs (resources/translations/LANG/LC_MESSAGES/views.po) say, not in English.
`retranslate()` — run by the window, or by Qt's LanguageChange — must redraw a view
built in one language in another.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cuecraft.core import catalog_tools
from cuecraft.core.fileformat import load_design, parse_design
from cuecraft.core.i18n import format_number, language, set_language
from cuecraft.core.model import PHASES, SENSES
from cuecraft.gui.document import Document
from cuecraft.gui.views import GraphView, JourneyView, SensoryMapView
from cuecraft.gui.views._style import count_text

DESIGNS = Path(__file__).resolve().parents[2] / "designs"
LANGS = ("pl", "zh")
PHASE_TITLES = {"before": "Before", "during": "During", "after": "After"}
SENSE_TITLES = {s: s.capitalize() for s in SENSES}

_catalogs: dict[str, dict[tuple[str | None, str], object]] = {}


def po(lang: str, msgid: str, context: str | None = None, form: int = 0) -> str:
    """The catalog's entry for `msgid` (for a plural entry, form `form`), read from the .po."""
    if lang not in _catalogs:
        catalog = catalog_tools.read_catalog(catalog_tools.po_path(lang, "views"), lang, "views")
        _catalogs[lang] = {
            (m.context, m.id[0] if isinstance(m.id, tuple) else m.id): m.string
            for m in catalog
            if m.id
        }
    found = _catalogs[lang][(context, msgid)]
    text = found[min(form, len(found) - 1)] if isinstance(found, tuple) else found
    assert isinstance(text, str) and text and text != msgid
    return text


@pytest.fixture
def lang(request) -> Iterator[str]:
    """The process language set for the test (as Preferences sets it); English after."""
    chosen = set_language(request.param)
    try:
        yield chosen
    finally:
        set_language("en")


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    try:
        yield
    finally:
        set_language("en")


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cafe() -> Document:
    path = DESIGNS / "rainforest-cafe.yaml"
    return Document(load_design(path), path)  # with its guest feedback beside it


def small() -> Document:
    """A return visit (c → a) and a touchpoint no entry reaches (lost)."""
    return Document(
        parse_design(
            "cuecraft: 1\ntitle: Small\ntheme: {name: N, motifs: [m]}\n"
            "zones:\n  - {id: hall, name: Hall}\n"
            "touchpoints:\n"
            "  - {id: a, name: Arrive, phase: before, zone: hall, next: [b], emotion: 1}\n"
            "  - {id: b, name: Visit, phase: during, zone: hall, next: [c], emotion: 3}\n"
            "  - {id: c, name: Leave, phase: after, zone: hall, next: [a], emotion: 2}\n"
            "  - {id: lost, name: Lost, phase: during, emotion: -2}\n"
        )
    )


EMPTY = "cuecraft: 1\ntitle: T\ntheme: {name: N}\n"


def polish_form(n: int) -> int:
    """Polish plural forms: 1 / 2–4 (not 12–14) / 5+."""
    if n == 1:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


def journey_words(lang: str) -> list[str]:
    """Lane titles and the chart's title in `lang`, from the catalog."""
    return [po(lang, PHASE_TITLES[p], "journey phase") for p in PHASES] + [po(lang, "Emotion")]


# -- journey ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, indirect=True)
def test_journey_lanes_axis_and_marks_in_the_language(qtbot, lang):
    view = shown(qtbot, JourneyView(cafe()))
    pinned = view.pinned_texts()
    titles = [pinned[0], pinned[2], pinned[4], pinned[6]]
    assert titles == journey_words(lang)
    assert not {"Before", "During", "After", "Emotion"} & set(pinned)
    # Each lane's count with the language's plural form.
    counts = {p: sum(1 for t in view.document.design.touchpoints if t.phase == p) for p in PHASES}
    for phase, text in zip(PHASES, (pinned[1], pinned[3], pinned[5]), strict=True):
        n = counts[phase]
        form = polish_form(n) if lang == "pl" else 0
        assert text == po(lang, "{n} touchpoint", form=form).format(n=n)
    # The peak–end marks on the curve.
    assert view.markers() == {"storm": "peak", "adopt-follow-up": "end"}  # codes stay
    assert view.marker_labels() == {
        "storm": po(lang, "peak", "emotion curve"),
        "adopt-follow-up": po(lang, "end", "emotion curve"),
    }
    # The return loop's label.
    assert po(lang, "return visit") in view.scene_texts()
    assert view.accessibleName() == po(lang, "Journey view")


@pytest.mark.parametrize("lang", LANGS, indirect=True)
def test_journey_feedback_legend_and_chips_in_the_language(qtbot, lang):
    view = shown(qtbot, JourneyView(cafe()))
    legend = view.legend()
    assert legend[0] == po(lang, "designed emotion")
    assert legend[1] == po(lang, "measured NPS (guests), 95% interval")
    assert po(lang, "below 0: detractor hotspot (FBK001)") in legend
    assert not any("answers" in text or "designed" in text for text in legend)
    # Polish: "60 odpowiedzi" (the 5+ form); Chinese: one form.
    chip = view.nps_chips()["check-in"]
    form = 2 if lang == "pl" else 0
    expected = po(lang, "NPS {score} · {n} answer", form=form).format(score="−30", n="60")
    assert chip == expected or chip == "NPS −30 · 60"  # the short form where the card is narrow
    tip = view.card_item("check-in").toolTip()
    assert po(lang, "guests: {nps}").split("{")[0] in tip


@pytest.mark.parametrize("lang", LANGS, indirect=True)
def test_journey_unreachable_divider_and_empty_state_in_the_language(qtbot, lang):
    view = shown(qtbot, JourneyView(small()))
    texts = view.scene_texts()
    assert po(lang, "Not reachable from an entry") in texts
    assert po(lang, "return visit") in texts
    empty = shown(qtbot, JourneyView(Document(parse_design(EMPTY))))
    label = next(w for w in empty.findChildren(QLabel) if w.isVisible())
    assert po(lang, "No touchpoints yet") in label.text()
    assert label.accessibleName() == po(lang, "Empty view")


def test_journey_retranslate_switches_language_while_open(qtbot, english):
    view = shown(qtbot, JourneyView(cafe()))
    english_pinned = view.pinned_texts()
    assert english_pinned[0] == "Before"
    assert view.legend()[0] == "designed emotion"
    try:
        set_language("pl")
        view.retranslate()
        assert view.pinned_texts()[::2] == journey_words("pl")
        assert view.legend()[0] == po("pl", "designed emotion")
        assert view.marker_labels()["storm"] == po("pl", "peak", "emotion curve")
        assert po("pl", "return visit") in view.scene_texts()
        # Qt's LanguageChange (sent when the window installs Qt's own translations)
        # redraws the view too.
        set_language("zh")
        QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
        assert view.pinned_texts()[::2] == journey_words("zh")
        assert view.legend()[0] == po("zh", "designed emotion")
    finally:
        set_language("en")
    view.retranslate()
    assert view.pinned_texts() == english_pinned
    assert view.legend()[0] == "designed emotion"


def test_the_lane_gutter_widens_for_longer_words(qtbot, english):
    view = shown(qtbot, JourneyView(cafe()))
    english_gutter = view.canvas().geo.gutter  # type: ignore[attr-defined]
    try:
        set_language("pl")
        view.retranslate()
        polish_gutter = view.canvas().geo.gutter  # type: ignore[attr-defined]
    finally:
        set_language("en")
    assert polish_gutter > english_gutter  # "Przed wizytą", "12 punktów styku"


# -- sensory map ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, indirect=True)
def test_sensory_map_headers_legend_and_tooltips_in_the_language(qtbot, lang):
    view = shown(qtbot, SensoryMapView(cafe()))
    model = view.table().model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(SENSES) + 1)]
    assert headers == [po(lang, "Zone")] + [po(lang, SENSE_TITLES[s], "sense") for s in SENSES]
    tips = [model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)]
    assert tips == [po(lang, "What guests see")]
    legend = view.legend_text()
    for word in ("positive cue", "negative cue", "overload (SEN003)"):
        assert po(lang, word, "sensory map legend") in legend
    assert "positive cue" not in legend
    index = view.index_of("mall-front", "sound")
    tooltip = str(index.data(Qt.ItemDataRole.ToolTipRole))
    sense_zone = po(lang, "{sense} in {zone}").format(
        sense=po(lang, "Sound", "sense"), zone="Mall-front façade and banyan arch"
    )
    assert sense_zone in tooltip
    spoken = str(index.data(Qt.ItemDataRole.AccessibleTextRole))
    assert spoken.startswith(sense_zone)
    assert po(lang, "{n} layer", form=0).format(n=1) in spoken
    assert view.table().accessibleName() == po(lang, "Sensory map")


def test_sensory_map_retranslate_switches_language_while_open(qtbot, english):
    view = shown(qtbot, SensoryMapView(cafe()))
    model = view.table().model()
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Sight"
    english_legend = view.legend_text()
    changed: list[object] = []
    model.headerDataChanged.connect(lambda *args: changed.append(args))
    try:
        set_language("zh")
        view.retranslate()
        assert changed  # the header is told to read its titles again
        assert model.headerData(1, Qt.Orientation.Horizontal) == po("zh", "Sight", "sense")
        assert po("zh", "positive cue", "sensory map legend") in view.legend_text()
        set_language("pl")
        QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
        assert po("pl", "positive cue", "sensory map legend") in view.legend_text()
    finally:
        set_language("en")
    view.retranslate()
    assert view.legend_text() == english_legend


# -- graph ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, indirect=True)
def test_graph_legend_bar_and_tooltips_in_the_language(qtbot, lang):
    view = shown(qtbot, GraphView(cafe()))
    legend = view.legend().texts()  # type: ignore[attr-defined]
    assert legend[:3] == [
        po(lang, "Motif", "graph node"),
        po(lang, "Zone", "graph node"),
        po(lang, "Touchpoint", "graph node"),
    ]
    assert po(lang, "return visit") in legend
    assert not {"Motif", "Zone", "next", "sees", "evokes"} & set(legend)
    summary, *buttons = view.bar_texts()  # type: ignore[attr-defined]
    nodes = len(view.node_ids())
    form = polish_form(nodes) if lang == "pl" else 0
    with language(lang):
        assert summary.startswith(po(lang, "{n} node", form=form).format(n=count_text(nodes)))
    assert po(lang, "Fit") in buttons and po(lang, "Legend") in buttons
    item = view.node_item("mist")
    assert item is not None
    assert po(lang, "Positive cue", "graph node") in item.info.tooltip()


def test_graph_retranslate_switches_language_while_open(qtbot, english):
    view = shown(qtbot, GraphView(cafe()))
    english_bar = view.bar_texts()  # type: ignore[attr-defined]
    assert "Fit" in english_bar
    try:
        set_language("pl")
        view.retranslate()
        bar = view.bar_texts()  # type: ignore[attr-defined]
        assert po("pl", "Fit") in bar and "Fit" not in bar
        assert view.legend().texts()[0] == po("pl", "Motif", "graph node")  # type: ignore[attr-defined]
        assert view.canvas().accessibleName() == po("pl", "Consistency graph")
    finally:
        set_language("en")
    view.retranslate()
    assert view.bar_texts() == english_bar  # type: ignore[attr-defined]


# -- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS, indirect=True)
def test_large_counts_take_the_languages_number_form(lang):
    assert count_text(7) == "7"
    assert count_text(12345) == format_number(12345)
