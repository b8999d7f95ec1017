"""The workbench in English, Polish and Chinese: started in a language, switched while a
design is open, Qt's own words, the brief's language in the export dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from cuecraft.core.i18n import current_language, normalize_language
from cuecraft.gui import dialogs
from cuecraft.gui.app import create_window, start_language
from cuecraft.gui.language import SETTING, apply_language, qt_translator
from cuecraft.gui.main_window import MainWindow, settings
from cuecraft.resources import example_designs

EXAMPLE = next(p for p in example_designs() if p.stem == "rainforest-cafe")

# What the File menu says, in each language (the first actions and the menu's title).
FILE_MENU = {
    "en": ("&File", ["&New from template…", "&Open…"]),
    "pl": ("&Plik", ["&Nowy z szablonu…", "&Otwórz…"]),
    "zh": ("文件(&F)", ["从模板新建(&N)…", "打开(&O)…"]),
}


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    """Fresh settings; every dialog answered; English again afterwards."""
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    monkeypatch.setattr(dialogs, "ask_recover", lambda parent, text: False)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: None)
    yield tmp_path
    apply_language("en")


def start(qtbot, lang: str | None, path: Path | None) -> MainWindow:
    """The workbench as a start makes it, with `lang` chosen in Preferences."""
    stored = settings()
    if lang is not None:
        stored.setValue(SETTING, lang)
        stored.sync()
    start_language()  # as a start does: the language of the settings
    window = create_window(str(path) if path else None)
    qtbot.addWidget(window)
    window.show()
    return window


def design_copy(tmp_path: Path) -> Path:
    path = tmp_path / EXAMPLE.name
    shutil.copyfile(EXAMPLE, path)
    feedback = EXAMPLE.with_name(EXAMPLE.stem + ".feedback.yaml")
    if feedback.exists():
        shutil.copyfile(feedback, tmp_path / feedback.name)
    return path


def menu_texts(window: MainWindow) -> dict[str, list[str]]:
    """Every menu of the menu bar (and its submenus) by title, with its actions' texts."""
    out: dict[str, list[str]] = {}

    def walk(menu: QMenu) -> None:
        out[menu.title()] = [a.text() for a in menu.actions() if not a.isSeparator()]
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())

    for action in window.menuBar().actions():
        walk(action.menu())
    return out


def words(window: MainWindow) -> set[str]:
    """Menu titles and action texts, without the ones that are names (recent files,
    examples)."""
    found: set[str] = set()
    for title, texts in menu_texts(window).items():
        found.add(title)
        if window.recent_menu.title() == title or window.examples_menu.title() == title:
            continue
        found.update(texts)
    return found


@pytest.mark.parametrize("lang", ["en", "pl", "zh"])
def test_the_workbench_started_in_a_language_shows_its_menus_in_it(qtbot, data_dir, lang):
    window = start(qtbot, lang, design_copy(data_dir))
    assert current_language() == lang
    title, first = FILE_MENU[lang]
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert window.file_menu.title() == title
    assert texts[:2] == first
    docks = [window.outline_dock, window.inspector_dock, window.findings_dock]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    if lang == "en":
        assert [d.windowTitle() for d in docks] == ["Outline", "Inspector", "Findings"]
        assert tabs == ["Journey", "Blueprint", "Sensory map", "Graph", "Value", "Priorities"]
        return
    english = {w for texts in FILE_MENU["en"][1:] for w in texts} | {"&File", "&Edit", "&View"}
    assert not words(window) & english
    # Every menu word is translated: none of the English ones is left.
    apply_language("en")
    english_words = words(window)
    apply_language(lang)
    assert not words(window) & english_words, words(window) & english_words
    assert not {d.windowTitle() for d in docks} & {"Outline", "Inspector", "Findings"}
    assert not set(tabs) & {"Journey", "Blueprint", "Sensory map", "Graph", "Value", "Priorities"}


def test_the_system_language_is_the_default(qtbot, data_dir, monkeypatch):
    from cuecraft.gui import language

    monkeypatch.setattr(language, "system_ui_language", lambda: "pl")
    window = start(qtbot, None, None)
    assert current_language() == "pl"
    assert window.file_menu.title() == "&Plik"
    # A new blank design is written in the workbench's language.
    assert normalize_language(window.document.design.language) == "pl"


def test_switching_the_language_keeps_the_open_design(qtbot, data_dir):
    path = design_copy(data_dir)
    window = start(qtbot, "en", path)
    document = window.document
    window.add_actions["zones"].trigger()
    window.add_actions["cues"].trigger()
    document.select(document.design.zones[0].id)
    depth = document.undo_stack.count()
    english_menus = menu_texts(window)
    english_undo = window._undo_actions[0].text()
    assert english_undo.startswith("&Undo ")
    window.outline_dock.hide()  # a layout choice the switch must keep

    window.switch_language("pl")

    assert window.document is document, "the same design, not a copy"
    assert document.path == path.resolve()
    assert document.undo_stack.count() == depth and document.is_modified
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    assert document.selected == document.design.zones[0].id
    assert not window.outline_dock.isVisible()
    assert menu_texts(window) != english_menus
    assert window.file_menu.title() == "&Plik"
    # Every undo step is named in the new language, the ones made before the switch too.
    added = document.design.cues[-1].id
    assert document.undo_stack.undoText() == f"Dodaj wskazówkę pozytywną „{added}”"
    assert window._undo_actions[0].text() == f"&Cofnij: Dodaj wskazówkę pozytywną „{added}”"
    assert document.undo_stack.text(0).startswith("Dodaj strefę „")
    assert window.findings_dock.windowTitle() == "Ustalenia"
    # The undo stack still works, in the new language.
    document.undo_stack.undo()
    assert document.undo_stack.index() == depth - 1

    window.switch_language("zh")
    assert window.file_menu.title() == "文件(&F)"
    window.switch_language("en")
    assert menu_texts(window)["&File"] == english_menus["&File"]
    assert document.undo_stack.count() == depth


def test_a_switch_reaches_the_panels_and_views_once(qtbot, data_dir):
    window = start(qtbot, "en", design_copy(data_dir))
    seen: list[str] = []

    class Counter(QWidget):
        def changeEvent(self, event: QEvent) -> None:
            if event.type() == QEvent.Type.LanguageChange:
                seen.append(current_language())
            super().changeEvent(event)

    Counter(window.tabs.widget(0))
    window.switch_language("pl")
    assert seen == ["pl"], "exactly one LanguageChange, delivered before the switch returns"
    window.switch_language("pl")
    window.switch_language("en")
    assert seen == ["pl", "pl", "en"]


def test_the_findings_run_again_in_the_new_language(qtbot, data_dir, monkeypatch):
    window = start(qtbot, "en", design_copy(data_dir))
    checked: list[str] = []
    window.document.checked.connect(lambda: checked.append(current_language()))
    window.switch_language("zh")
    assert "zh" in checked


def test_qt_speaks_the_language_too(qtbot, data_dir):
    def cancel_text() -> str:
        box = QMessageBox()
        text = box.addButton(QMessageBox.StandardButton.Cancel).text()
        box.deleteLater()
        return text

    apply_language("en")
    english = cancel_text()
    assert qt_translator() is None
    apply_language("pl")
    assert qt_translator() is not None
    assert cancel_text() not in (english, "")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    apply_language("zh")
    assert cancel_text() not in (english, "")
    apply_language("en")
    assert cancel_text() == english


def test_preferences_language_is_stored_and_applied_at_once(qtbot, data_dir, monkeypatch):
    from cuecraft.gui.preferences import PreferencesDialog

    window = start(qtbot, "en", design_copy(data_dir))
    document = window.document

    def choose_polish(dialog: PreferencesDialog) -> int:
        assert dialog.chosen_language() == "en"
        assert set(dialog.languages) == {"system", "en", "pl", "zh"}
        dialog.languages["pl"].setChecked(True)
        dialog.accept()
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", choose_polish)
    window.edit_preferences()
    assert settings().value(SETTING) == "pl"
    assert current_language() == "pl" and window.file_menu.title() == "&Plik"
    assert window.document is document


def test_the_preferences_dialog_names_each_language_in_itself(qtbot, data_dir):
    from cuecraft.gui.preferences import PreferencesDialog

    apply_language("pl")
    dialog = PreferencesDialog(settings())
    qtbot.addWidget(dialog)
    names = {key: button.text() for key, button in dialog.languages.items()}
    assert names["en"] == "English" and names["pl"] == "Polski" and names["zh"] == "简体中文"
    assert names["system"].startswith("Jak w systemie")
    assert dialog.windowTitle() == "Preferencje"


@pytest.mark.parametrize("choice", [None, "en", "pl", "zh"])
def test_the_export_dialog_passes_the_briefs_language(qtbot, data_dir, choice):
    from cuecraft.core.fileformat import load_design
    from cuecraft.gui.document import Document
    from cuecraft.gui.export_dialog import ExportDialog

    path = design_copy(data_dir)
    document = Document(load_design(path), path)
    dialog = ExportDialog(document, open_when_done=False)
    qtbot.addWidget(dialog)
    # By default the brief is in the design's language (BriefOptions.language None).
    assert dialog.language.currentData() is None
    assert dialog.language.count() == 4
    dialog.language.setCurrentIndex(dialog.language.findData(choice))
    dialog.target.setText(str(data_dir / "brief.pdf"))
    for name, box in dialog.sections.items():
        box.setChecked(name in ("cover", "summary"))
    dialog.start()
    assert dialog.job is not None
    assert dialog.job.options.language == choice
    dialog.stop()


def test_the_export_dialog_speaks_the_workbench_language(qtbot, data_dir):
    from cuecraft.core.fileformat import load_design
    from cuecraft.gui.document import Document
    from cuecraft.gui.export_dialog import ExportDialog

    apply_language("zh")
    document = Document(load_design(EXAMPLE), EXAMPLE)
    dialog = ExportDialog(document, open_when_done=False)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "导出设计简报"
    assert dialog.export_button.text() == "导出"
    assert dialog.sections["summary"].text() != "Executive summary"


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_new_from_template_is_in_the_workbench_language(qtbot, data_dir, monkeypatch, lang):
    window = start(qtbot, lang, None)
    offered: list[list[str]] = []
    monkeypatch.setattr(
        dialogs, "choose_template", lambda parent, names: offered.append(names) or "cafe"
    )
    window.new_design()
    assert "cafe" in offered[0]
    assert normalize_language(window.document.design.language) == lang
    # The new item's words are the workbench's language too.
    window.add_actions["zones"].trigger()
    assert window.document.design.zones[-1].name != "New zone"
    assert window.document.undo_stack.undoText() != f"Add zone “{window.document.selected}”"


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_qts_file_dialog_has_no_english_left(qtbot, data_dir, lang):
    """Qt's own file dialog, with the texts its shipped catalogs lack filled in."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QHeaderView

    def shown() -> set[str]:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        found: set[str] = set()
        for widget in dialog.findChildren(QWidget):
            text = getattr(widget, "text", None)
            if callable(text) and isinstance(text(), str) and text().strip():
                found.add(text())
        model = dialog.findChild(QHeaderView).model()
        found |= {
            model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())
        }
        dialog.close()
        return found

    apply_language("en")
    english = shown()
    apply_language(lang)
    assert not {t for t in english & shown() if any(c.isalpha() for c in t)}
