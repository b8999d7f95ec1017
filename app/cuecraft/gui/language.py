"""The workbench's language: Preferences ▸ Language, by default the system's (SPEC §8).

The choice is kept in the settings as `ui/language`: `system` (the default), `en`, `pl`
or `zh`. `apply_language` sets it for the whole process: Cuecraft's own words
(`cuecraft.core.i18n`), Qt's own words (the standard buttons of message boxes, file
dialogs, the context menu of a text field: Qt's shipped `qtbase_pl` / `qtbase_zh_CN`)
and the default `QLocale`.

A switch while the window is open reaches every widget as Qt's `LanguageChange` event,
exactly once and before `apply_language` returns: that event is the one hook. Each
widget that shows words handles it in `changeEvent` by writing its words again in the
language now set (by convention its `retranslate()` method); the main window also
runs the checks again, so the findings' messages change language too.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from cuecraft.core.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    current_language,
    normalize_language,
    pgettext,
    set_language,
)

SETTING = "ui/language"
SYSTEM = "system"
CHOICES = (SYSTEM, *LANGUAGES)
# Qt's translation file and locale of each language (English needs no translation).
QT_CATALOGS = {"pl": "qtbase_pl", "zh": "qtbase_zh_CN"}
QT_LOCALES = {"en": "en_GB", "pl": "pl_PL", "zh": "zh_CN"}

_translators: list[QTranslator] = []


def _qt_gap(context: str, source: str) -> str | None:
    """Cuecraft's translation of a Qt string that Qt's shipped catalogs lack (Qt 6.11's
    file dialog has new texts the Polish and Chinese `qtbase` files do not hold yet)."""
    if context == "QFileDialog":
        if source == "&Look in:":
            # TRANSLATORS: Qt's file dialog: the folder shown (keep a & before one letter)
            return pgettext("QFileDialog", "&Look in:")
        if source == "Files of &type:":
            # TRANSLATORS: Qt's file dialog: the filter of file types (keep one &)
            return pgettext("QFileDialog", "Files of &type:")
    return None


class _QtGaps(QTranslator):
    """Fills the gaps of Qt's own catalogs from Cuecraft's (searched before them)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        found = _qt_gap(context, source)
        # None is Qt's null string, "not here": the next translator is asked ("" would
        # be a translation into nothing).
        return found if found is not None and found != source else None  # type: ignore[return-value]

    def isEmpty(self) -> bool:
        return False


def stored_choice(stored: QSettings) -> str:
    """What the person chose: `system`, `en`, `pl` or `zh`."""
    value = str(stored.value(SETTING, SYSTEM) or SYSTEM).strip().lower()
    return value if value in CHOICES else SYSTEM


def system_ui_language() -> str:
    """The system's language as Qt reads it (the user's preferred languages, in order, on
    every platform): the first of them that is English, Polish or Chinese decides (a
    Traditional Chinese one gives English); none of them: English."""
    for tag in QLocale.system().uiLanguages():
        if tag.replace("_", "-").split("-")[0].lower() in LANGUAGES:
            return normalize_language(tag)
    return "en"


def resolve(choice: str) -> str:
    """The language a choice means here: `en`, `pl` or `zh`."""
    return system_ui_language() if choice == SYSTEM else choice


def chosen_language(stored: QSettings) -> str:
    """The language the workbench speaks with these settings."""
    return resolve(stored_choice(stored))


def language_name(lang: str) -> str:
    """The name of a language in itself ("Polski", "简体中文")."""
    return LANGUAGE_NAMES[lang]


def apply_language(lang: str) -> str:
    """Speak `lang` (`en`, `pl`, `zh`) from now on; every widget re-texts itself at once.

    Returns the language set."""
    lang = set_language(lang)
    system = QLocale.system()
    same = system.name().split("_")[0] == QT_LOCALES[lang].split("_")[0]
    # The system's own locale where it is of this language (its region's date forms).
    QLocale.setDefault(system if same else QLocale(QT_LOCALES[lang]))
    app = QCoreApplication.instance()
    if app is None:
        return lang
    wanted = QT_CATALOGS.get(lang)
    for old in _translators:
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    _translators.clear()
    if wanted is not None:
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(wanted, folder) and QCoreApplication.installTranslator(translator):
            _translators.append(translator)
        # Installed last, so searched first.
        gaps = _QtGaps(app)
        if QCoreApplication.installTranslator(gaps):
            _translators.append(gaps)
    # Installing and removing translators each posted a LanguageChange to every window:
    # deliver exactly one, now, so a switch is complete when this returns.
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)  # type: ignore[arg-type]
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return current_language()


def qt_translator() -> QTranslator | None:
    """Qt's own translation now installed (None in English)."""
    return _translators[0] if _translators else None
