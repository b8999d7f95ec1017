"""The workshop, the inspector, the outline and the findings panel speak Polish and Chinese,
switch language while open (`retranslate()`), and never let a language reach the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import set_language
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window
from cuecraft.gui.document import Document
from cuecraft.gui.findings_panel import FindingsPanel
from cuecraft.gui.inspector import Inspector
from cuecraft.gui.outline import Outline
from cuecraft.gui.workshop import STEPS, WorkshopMode

ROOT = Path(__file__).resolve().parents[2]
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"

# What each language shows for the workshop's steps, in order.
STEP_TITLES = {
    "en": [
        "Theme",
        "Positive cues",
        "Negative cues",
        "The five senses",
        "Memorabilia",
        "Journey",
        "Blueprint",
        "Personas",
        "Scorecard",
    ],
    "pl": [
        "Temat",
        "Wskazówki pozytywne",
        "Wskazówki negatywne",
        "Pięć zmysłów",
        "Pamiątki",
        "Ścieżka gościa",
        "Plan usługi",
        "Persony",
        "Karta wyników",
    ],
    "zh": [
        "主题",
        "正面线索",
        "负面线索",
        "五种感官",
        "纪念品",
        "顾客旅程",
        "服务蓝图",
        "用户画像",
        "评分卡",
    ],
}
SECTIONS = {
    "en": ["Zones", "Touchpoints", "Positive cues", "Negative cues", "Sensory layers", "Souvenirs"],
    "pl": [
        "Strefy",
        "Punkty styku",
        "Wskazówki pozytywne",
        "Wskazówki negatywne",
        "Warstwy zmysłowe",
        "Pamiątki",
    ],
    "zh": ["区域", "触点", "正面线索", "负面线索", "感官层", "纪念品"],
}
GROUPS = {
    "en": {
        "References",
        "Theme",
        "Harmonize",
        "Eliminate",
        "Memorabilia",
        "Senses",
        "Journey",
        "Staging",
    },
    "pl": {
        "Odwołania",
        "Temat",
        "Harmonizacja",
        "Eliminacja",
        "Pamiątki",
        "Zmysły",
        "Inscenizacja",
    },
    "zh": {"引用", "主题", "统一印象", "消除负面线索", "纪念品", "感官", "顾客旅程", "舞台管理"},
}
# Words of the English interface that must not show once another language is chosen.
ENGLISH = ["Type a", "press Enter", "Nothing yet", "Esc back", "Motifs:", "Overall", "feels"]


@pytest.fixture
def lang(request):
    """Set the process language as Preferences ▸ Language does; English again afterwards."""
    set_language(request.param)
    yield request.param
    set_language("en")


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("en")


def words(text: str) -> str:
    """Text without the no-break spaces and word joiners that keep a name on one line."""
    return text.replace("\u2060", "").replace("\u00a0", " ")


def type_text(widget, text: str) -> None:
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def workshop_on(qtbot, path: Path = RAINFOREST) -> tuple[Document, WorkshopMode]:
    document = Document(load_design(path))
    workshop = WorkshopMode(document)
    qtbot.addWidget(workshop)
    return document, workshop


def shown_text(workshop: WorkshopMode) -> str:
    """The workshop's own words and the design's (the verdict quotes the checks' messages,
    which the core translates)."""
    parts = [workshop.progress.text(), workshop.heading.text(), workshop.body.text()]
    parts += [workshop.help.text(), workshop.capture.placeholderText()]
    return words("\n".join(parts))


def step_to(workshop: WorkshopMode, key: str) -> None:
    workshop.step_index = [s.key for s in STEPS].index(key)
    workshop.show_step()


# -- the workshop --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "zh"], indirect=True)
def test_every_workshop_step_is_in_the_language(qtbot, lang):
    design = {"pl": "boutique-hotel.yaml", "zh": "haidilao-hotpot.yaml"}[lang]
    _document, workshop = workshop_on(qtbot, ROOT / "designs" / design)
    prompts = set()
    for index, title in enumerate(STEP_TITLES[lang]):
        workshop.step_index = index
        workshop.show_step()
        assert workshop.heading.text() == title
        strip = words(workshop.progress.text())  # names never break
        for other in STEP_TITLES[lang]:
            assert other in strip
        text = shown_text(workshop)
        for english in ENGLISH + STEP_TITLES["en"]:
            assert english not in text, f"step {title}: {english!r} in {text!r}"
        prompts.add(workshop.capture.placeholderText())
    assert len(prompts) == len(STEPS), "each step says what typing does there"
    assert workshop.windowTitle() != "Cuecraft — workshop"


def test_the_polish_workshop_reads_polish(qtbot):
    set_language("pl")
    try:
        _document, workshop = workshop_on(qtbot)
        assert workshop.capture.placeholderText() == "Wpisz motyw tematu i naciśnij Enter"
        assert "Motywy: " in workshop.body.text()
        step_to(workshop, "negative")
        assert "waga wysoka, otwarta" in workshop.body.text()  # saturday-queue: high, open
        step_to(workshop, "senses")
        assert "węch" in workshop.body.text() and "smell" not in workshop.body.text()
        step_to(workshop, "journey")
        assert "po wizycie: " in workshop.body.text() and "(odczucie +2)" in workshop.body.text()
        step_to(workshop, "scorecard")
        assert "Ogółem" in workshop.body.text() and "Temat: " in workshop.body.text()
        assert workshop.timer.text() == "00:00  (pauza)"
    finally:
        set_language("en")


def test_the_chinese_workshop_reads_chinese(qtbot):
    set_language("zh")
    try:
        _document, workshop = workshop_on(qtbot)
        assert "主题元素：" in workshop.body.text()
        step_to(workshop, "negative")
        assert "严重程度：高，未消除" in workshop.body.text()
        step_to(workshop, "journey")
        assert "体验后：" in workshop.body.text()
        step_to(workshop, "scorecard")
        assert "总分" in workshop.body.text()
        assert "六减一等于零" in workshop.verdict.text()
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("language", "typed", "sense"),
    [
        ("pl", "węch: świeży chleb #piekarnia", "smell"),
        ("pl", "Zapach: świeży chleb", "smell"),
        ("zh", "嗅觉：新鲜出炉的面包", "smell"),
        ("zh", "听觉: 雷声", "sound"),
        ("pl", "smell: fresh bread", "smell"),  # English always works
    ],
)
def test_a_sense_typed_in_the_language_is_stored_as_its_english_key(qtbot, language, typed, sense):
    set_language(language)
    try:
        document, workshop = workshop_on(qtbot)
        step_to(workshop, "senses")
        type_text(workshop.capture, typed)
        qtbot.keyClick(workshop.capture, Qt.Key.Key_Return)
        cue = document.design.cues[-1]
        assert cue.senses == [sense]
        assert ":" not in cue.text and "：" not in cue.text
    finally:
        set_language("en")


@pytest.mark.parametrize(
    ("language", "typed", "phase"),
    [("pl", "po wizycie: kartka z podziękowaniem", "after"), ("zh", "体验后：感谢明信片", "after")],
)
def test_a_phase_typed_in_the_language_is_stored_as_its_english_key(qtbot, language, typed, phase):
    set_language(language)
    try:
        document, workshop = workshop_on(qtbot)
        step_to(workshop, "journey")
        type_text(workshop.capture, typed)
        qtbot.keyClick(workshop.capture, Qt.Key.Key_Return)
        assert document.design.touchpoints[-1].phase == phase
    finally:
        set_language("en")


def test_a_colon_that_names_no_sense_stays_in_the_text(qtbot, english):
    set_language("zh")
    try:
        document, workshop = workshop_on(qtbot)
        step_to(workshop, "senses")
        type_text(workshop.capture, "提示：雨声")
        qtbot.keyClick(workshop.capture, Qt.Key.Key_Return)
        assert document.design.cues[-1].text == "提示：雨声"
        assert document.design.cues[-1].senses == []
    finally:
        set_language("en")


# -- the inspector -------------------------------------------------------------------------


def labels_of(inspector: Inspector) -> list[str]:
    return [label.text() for label in inspector.widget().findChildren(QLabel) if label.text()]


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


@pytest.mark.parametrize("lang", ["pl", "zh"], indirect=True)
def test_the_inspector_labels_and_choices_are_translated(qtbot, lang):
    document = Document(load_design(RAINFOREST))
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    document.select("saturday-queue")
    labels = labels_of(inspector)
    expected = {
        "pl": (["Wskazówka negatywna „saturday-queue”", "Waga", "Status", "Środek zaradczy"],),
        "zh": (["负面线索“saturday-queue”", "严重程度", "状态", "补救措施"],),
    }[lang][0]
    for text in expected:
        assert text in labels
    assert "Severity" not in labels and "Remedy" not in labels
    severity = inspector.editors["severity"]
    assert isinstance(severity, QComboBox)
    assert (
        combo_texts(severity)
        == {
            "pl": ["(brak)", "niska", "średnia", "wysoka"],
            "zh": ["（无）", "低", "中", "高"],
        }[lang]
    )
    assert severity.currentText() == {"pl": "wysoka", "zh": "高"}[lang]
    senses = inspector.editors["senses"]
    assert senses.buttons["sound"].text().endswith({"pl": "słuch", "zh": "听觉"}[lang])
    document.select("check-in")
    phase = inspector.editors["phase"]
    assert isinstance(phase, QComboBox)
    assert (
        combo_texts(phase)
        == {
            "pl": ["przed wizytą", "w trakcie wizyty", "po wizycie"],
            "zh": ["体验前", "体验中", "体验后"],
        }[lang]
    )


@pytest.fixture
def quiet(monkeypatch, tmp_path):
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    for name in ("show_load_error", "show_error"):
        monkeypatch.setattr(dialogs, name, lambda *args: None)
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    monkeypatch.setattr(dialogs, "ask_recover", lambda parent, text: False)


def choose(combo: QComboBox, value: str | None) -> None:
    """Pick the entry whose stored value is `value`, as a click in the list does."""
    index = combo.findData(value or "")
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_a_choice_made_in_the_language_is_saved_as_its_english_value(qtbot, quiet, tmp_path, lang):
    path = tmp_path / "cafe.yaml"
    shutil.copy(RAINFOREST, path)
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.switch_language(lang)  # Preferences ▸ Language, with the design open
    try:
        document = window.document
        document.select("saturday-queue")
        inspector = window.inspector
        choose(inspector.editors["status"], "mitigating")
        choose(inspector.editors["severity"], "low")
        status = inspector.editors["status"].currentText()
        assert status == {"pl": "ograniczana", "zh": "缓解中"}[lang]
        document.select("check-in")
        choose(inspector.editors["phase"], "during")
        assert (
            inspector.editors["phase"].currentText()
            == {"pl": "w trakcie wizyty", "zh": "体验中"}[lang]
        )
        assert window.save()
        saved = path.read_text(encoding="utf-8")
        queue = saved[saved.index("- id: saturday-queue") :]
        queue = queue[: queue.index("remedy:")]
        assert "status: mitigating" in queue and "severity: low" in queue
        check_in = saved[saved.index("- id: check-in") :]
        assert check_in[: check_in.index("\n  - id:")].count("phase: during") == 1
        for word in ("ograniczana", "niska", "缓解中", "低", "w trakcie", "体验中"):
            assert word not in saved
        # Back to none: the field leaves the design.
        document.select("saturday-queue")
        choose(inspector.editors["severity"], None)
        assert next(c for c in document.design.cues if c.id == "saturday-queue").severity is None
    finally:
        window.switch_language("en")


@pytest.mark.parametrize("lang", ["pl"], indirect=True)
def test_a_section_page_and_its_hint_are_translated(qtbot, lang):
    document = Document(load_design(RAINFOREST))
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    document.select("section:zones")
    labels = labels_of(inspector)
    assert labels[0] == f"Strefy ({len(document.design.zones)})"
    assert "Aby edytować strefę, wybierz ją w strukturze." in labels


# -- the outline and the findings panel ----------------------------------------------------


def outline_texts(outline: Outline) -> list[str]:
    return [outline.topLevelItem(i).text(0) for i in range(outline.topLevelItemCount())]


@pytest.mark.parametrize("lang", ["pl", "zh"], indirect=True)
def test_the_outline_sections_are_translated(qtbot, lang):
    document = Document(load_design(RAINFOREST))
    outline = Outline(document)
    qtbot.addWidget(outline)
    texts = outline_texts(outline)
    assert texts[0].startswith({"pl": "Projekt — ", "zh": "设计——"}[lang])
    assert texts[1].startswith({"pl": "Temat — ", "zh": "主题——"}[lang])
    # Then the blueprint's Actions and the Personas, last.
    assert len(texts) == 2 + len(SECTIONS[lang]) + 2
    for text, section in zip(texts[2:-2], SECTIONS[lang], strict=True):
        assert text.startswith(section)
    later = {"pl": ["Działania", "Persony"], "zh": ["行动", "用户画像"]}[lang]
    assert [text.split("（")[0].split(" (")[0] for text in texts[-2:]] == later
    zones = outline.topLevelItem(2)
    n = len(document.design.zones)
    assert zones.toolTip(0) == {"pl": f"{n} stref", "zh": f"{n} 个区域"}[lang]


def test_outline_counts_take_the_polish_plural_forms(qtbot):
    from cuecraft.core.i18n import language
    from cuecraft.gui.outline import section_tip

    with language("pl"):
        assert [section_tip("zones", n) for n in (1, 2, 5, 22)] == [
            "1 strefa",
            "2 strefy",
            "5 stref",
            "22 strefy",
        ]
        assert section_tip("touchpoints", 5) == "5 punktów styku"
    with language("zh"):
        assert section_tip("souvenirs", 3) == "3 件纪念品"


def group_texts(panel: FindingsPanel) -> list[str]:
    return [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]


@pytest.mark.parametrize("lang", ["pl", "zh"], indirect=True)
def test_the_findings_panel_groups_are_translated(qtbot, lang):
    document = Document(load_design(RAINFOREST))
    panel = FindingsPanel(document)
    qtbot.addWidget(panel)
    groups = group_texts(panel)
    assert groups
    dash = {"pl": " — ", "zh": "——"}[lang]
    for text in groups:
        assert text.split(dash)[0] in GROUPS[lang], text
    header = panel.tree.headerItem()
    assert [header.text(i) for i in range(3)] == {
        "pl": ["Ustalenie", "Kod", "Wiersz"],
        "zh": ["检查结果", "代码", "行"],
    }[lang]
    score = words(panel.score.text())
    assert score.startswith({"pl": "Wynik 0/100", "zh": "得分 0/100"}[lang])
    assert {"pl": "Eliminacja 0", "zh": "消除负面线索 0"}[lang] in score
    row = panel.tree.topLevelItem(0).child(0)
    assert {"pl": "Podpowiedź: ", "zh": "建议："}[
        lang
    ] in row.tip()  # its tip, as shown when the pointer rests on it


# -- a change of language while open -------------------------------------------------------


def test_retranslate_redraws_every_panel_in_the_new_language(qtbot, english):
    document = Document(load_design(RAINFOREST))
    workshop = WorkshopMode(document)
    outline = Outline(document)
    inspector = Inspector(document)
    panel = FindingsPanel(document)
    for widget in (workshop, outline, inspector, panel):
        qtbot.addWidget(widget)
    document.select("saturday-queue")
    step_to(workshop, "positive")
    assert workshop.heading.text() == "Positive cues"
    assert "Severity" in labels_of(inspector)
    # Something typed but not applied survives the change of language.
    inspector.editors["id"].setText("Not An Id")
    inspector.editors["id"].textEdited.emit("Not An Id")

    set_language("pl")
    for widget in (workshop, outline, inspector, panel):
        widget.retranslate()
    assert workshop.heading.text() == "Wskazówki pozytywne"
    assert workshop.step.key == "positive", "the step is kept"
    assert workshop.capture.placeholderText().startswith("Wpisz wskazówkę pozytywną")
    assert "Esc – powrót do pracowni" in workshop.help.text()
    assert outline_texts(outline)[2].startswith("Strefy")
    labels = labels_of(inspector)
    assert "Waga" in labels and "Severity" not in labels
    assert combo_texts(inspector.editors["severity"])[-1] == "wysoka"
    assert inspector.editors["id"].text() == "Not An Id"
    assert inspector.notes["id"].text(), "the refusal is still said"
    assert inspector.editors["motifs"].placeholderText().startswith("oddzielone przecinkami")
    assert group_texts(panel)[0].split(" — ")[0] in GROUPS["pl"]

    set_language("zh")
    for widget in (workshop, outline, inspector, panel):
        widget.retranslate()
    assert workshop.heading.text() == "正面线索"
    assert "严重程度" in labels_of(inspector)

    set_language("en")
    for widget in (workshop, outline, inspector, panel):
        widget.retranslate()
    assert workshop.heading.text() == "Positive cues"
    assert outline_texts(outline)[2].startswith("Zones (")
    assert "Severity" in labels_of(inspector)
    assert panel.tree.headerItem().text(0) == "Finding"


def test_the_language_change_event_re_texts_each_panel(qtbot, english):
    """Preferences ▸ Language reaches every widget as Qt's LanguageChange event."""
    document = Document(load_design(RAINFOREST))
    workshop = WorkshopMode(document)
    outline = Outline(document)
    inspector = Inspector(document)
    panel = FindingsPanel(document)
    for widget in (workshop, outline, inspector, panel):
        qtbot.addWidget(widget)
    document.select("saturday-queue")
    set_language("zh")
    for widget in (workshop, outline, inspector, panel):
        QApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert workshop.heading.text() == "主题"
    assert outline_texts(outline)[2].startswith("区域（")
    assert "严重程度" in labels_of(inspector)
    assert panel.tree.headerItem().text(0) == "检查结果"


@pytest.mark.parametrize("lang", ["en", "pl", "zh"], indirect=True)
def test_at_1024x768_no_step_cuts_its_list_or_its_prompt(qtbot, lang):
    """A projector: the list shows the newest entries that fit whole (a note counts the
    others), and the prompt in the typing line is never cut off, however long (Polish)."""
    from PySide6.QtGui import QFontMetrics

    _document, workshop = workshop_on(qtbot)
    workshop._scale_type(768)
    workshop.resize(1024, 768)
    workshop.show()
    qtbot.waitExposed(workshop)
    for index in range(len(STEPS)):
        workshop.step_index = index
        workshop.show_step()
        QApplication.processEvents()
        body = workshop.body
        layout = QTextDocument()
        layout.setDefaultFont(body.font())
        layout.setDocumentMargin(0)
        layout.setTextWidth(body.contentsRect().width())
        layout.setHtml(body.text())
        assert layout.size().height() <= body.contentsRect().height(), STEPS[index].key
        capture = workshop.capture
        room = capture.width() - 2 * (8 + 3)
        prompt = capture.placeholderText()
        assert QFontMetrics(capture.font()).horizontalAdvance(prompt) <= room, prompt
    step_to(workshop, "positive")
    assert "earlier" in workshop.body.text() or lang != "en"  # 27 positive cues
