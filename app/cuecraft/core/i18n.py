"""The one place that picks the language and loads the catalogs (SPEC §8).

Source strings are English, in the code, wrapped in `_()` (or `ngettext`, `pgettext`);
`N_()` only marks a string for extraction where it must stay English until it is
shown (module-level tables: translate it with `_()` where it is used). Placeholders
use `str.format` names: `_("the cue {cue} is placed nowhere").format(cue=...)`.

Catalogs are gettext `.po` files under `resources/translations/LANG/LC_MESSAGES/`, one
per domain (see `DOMAINS`); `make messages` extracts and updates them, the install step
compiles `.mo` files beside them, and a `.po` newer than its `.mo` (or without one) is
compiled in memory when first needed, so an edited catalog is never ignored.

The language of the process is set once (`set_language`, from Preferences or `--lang`);
`language(lang)` switches it for the current thread or context only, which is how a brief
in the design's language is written while the workbench keeps its own.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

from cuecraft.resources import resource_dir

if TYPE_CHECKING:  # gettext, locale and datetime load only when a catalog or date is needed
    import datetime as dt
    import gettext

LANGUAGES = ("en", "pl", "zh")
# The name of each language in itself, for the language menus.
LANGUAGE_NAMES = {"en": "English", "pl": "Polski", "zh": "简体中文"}
# Babel / CLDR locale of each language.
CLDR_LOCALES = {"en": "en_GB", "pl": "pl", "zh": "zh_Hans_CN"}
# Catalog domains and the source files each is extracted from (relative to app/cuecraft).
DOMAINS = {
    "core": ("core",),
    "brief": ("brief",),
    "cli": (
        "cli.py",
        "checkcmd.py",
        "exportcmd.py",
        "feedbackcmd.py",
        "feedbackshow.py",
        "rendercmd.py",
        "tablecmd.py",
        "diffcmd.py",
        "diffwords.py",
        "mergecmd.py",
    ),
    "gui": ("gui",),
    "views": ("gui/views",),
    "panels": (
        "gui/workshop.py",
        "gui/workshop_steps.py",
        "gui/workshop_widgets.py",
        "gui/workshop_blueprint.py",
        "gui/workshop_personas.py",
        "gui/inspector.py",
        "gui/inspector_fields.py",
        "gui/outline.py",
        "gui/findings_panel.py",
        "gui/findings_rows.py",
        "gui/widgets.py",
    ),
}

_process_language = "en"
_current: ContextVar[str | None] = ContextVar("cuecraft_language", default=None)
_catalogs: dict[str, gettext.NullTranslations] = {}
_lock = threading.Lock()


def normalize_language(tag: str | None) -> str:
    """`en`, `pl` or `zh` for a language tag or locale name; English for anything else.

    `pl`, `pl-PL`, `pl_PL.UTF-8` give Polish; `zh`, `zh-CN`, `zh-Hans`, `zh_SG` give
    Simplified Chinese (Traditional tags, `zh-TW`, `zh-Hant`, `zh-HK`, give English:
    there is no Traditional catalog).
    """
    if not tag:
        return "en"
    parts = tag.split(".")[0].split("@")[0].replace("-", "_").lower().split("_")
    if parts[0] == "pl":
        return "pl"
    if parts[0] == "zh":
        rest = set(parts[1:])
        return "en" if rest & {"hant", "tw", "hk", "mo"} else "zh"
    return "en"


def system_language() -> str:
    """The language of the user's system locale (gettext's variables first), else English."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return normalize_language(value.split(":")[0])
    import locale

    try:
        found = locale.getlocale()[0]
    except ValueError:
        found = None
    return normalize_language(found)


def set_language(lang: str | None) -> str:
    """Set the language of the whole process (None: the system's); returns the one chosen."""
    global _process_language
    _process_language = normalize_language(lang) if lang else system_language()
    return _process_language


def current_language() -> str:
    """The language words are written in here and now."""
    return _current.get() or _process_language


@contextmanager
def language(lang: str) -> Iterator[str]:
    """Write in `lang` inside the block (this thread or context only)."""
    token = _current.set(normalize_language(lang))
    try:
        yield current_language()
    finally:
        _current.reset(token)


def catalog_dir() -> Path:
    """The folder holding `LANG/LC_MESSAGES/DOMAIN.po`."""
    return resource_dir("translations")


def _load_domain(lang: str, domain: str) -> gettext.NullTranslations | None:
    import gettext
    import io

    folder = catalog_dir() / lang / "LC_MESSAGES"
    po, mo = folder / f"{domain}.po", folder / f"{domain}.mo"
    try:
        po_time = po.stat().st_mtime
    except OSError:
        po_time = None
    try:
        if mo.exists() and (po_time is None or mo.stat().st_mtime >= po_time):
            with mo.open("rb") as handle:
                return gettext.GNUTranslations(handle)
    except (OSError, ValueError):
        pass  # a broken or unreadable .mo: fall back to the .po
    if po_time is None:
        return None
    return gettext.GNUTranslations(io.BytesIO(compile_po(po)))


def compile_po(po: Path) -> bytes:
    """The `.mo` bytes of a `.po` catalog (fuzzy and untranslated entries left out)."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    # An untranslated entry is left out, not written as its English: Babel would write a
    # plural one with the English forms, hiding another domain's translation of it.
    for message in list(catalog):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not all(strings):
            catalog.delete(message.id, message.context)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def catalog(lang: str) -> gettext.NullTranslations:
    """All domains of one language as one translation (English: the source strings)."""
    found = _catalogs.get(lang)
    if found is not None:
        return found
    import gettext

    with _lock:
        found = _catalogs.get(lang)
        if found is None:
            found = gettext.NullTranslations()
            if lang != "en":
                for domain in DOMAINS:
                    loaded = _load_domain(lang, domain)
                    if loaded is not None:
                        if isinstance(found, gettext.GNUTranslations):
                            found.add_fallback(loaded)
                        else:
                            found = loaded
            _catalogs[lang] = found
    return found


def forget_catalogs() -> None:
    """Load the catalogs again on next use (after `make messages` in a running session)."""
    with _lock:
        _catalogs.clear()


def _(message: str) -> str:
    """`message` in the current language."""
    lang = current_language()
    if lang == "en":
        return message
    return catalog(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of `singular`/`plural` for the number `n`, by the language's plural rule."""
    lang = current_language()
    if lang == "en":
        return singular if n == 1 else plural
    return catalog(lang).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the current language, told apart from the same English word by context
    (e.g. `pgettext("severity", "high")`)."""
    lang = current_language()
    if lang == "en":
        return message
    return catalog(lang).pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for extraction only: translate it with `_()` where it is shown."""
    return message


def cldr_locale(lang: str | None = None) -> str:
    """The CLDR locale name (for Babel) of a language, by default the current one."""
    return CLDR_LOCALES[normalize_language(lang) if lang else current_language()]


def format_date(day: dt.date, lang: str | None = None) -> str:
    """A date written out in the language's CLDR long form: "28 listopada 2026",
    "2026年11月28日", "28 November 2026"."""
    from babel.dates import format_date as cldr_date

    return str(cldr_date(day, format="long", locale=cldr_locale(lang)))


def format_number(value: float, decimals: int = 0, lang: str | None = None) -> str:
    """A number in the language's CLDR form, with exactly `decimals` decimals ("1,5")."""
    if not decimals and type(value) is int and 0 <= value < 1000:
        # CLDR writes these as the digits alone in every language here (Latin digits, no
        # group to separate): the counts of the workbench's first frame need no locale data.
        return str(value)
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=cldr_locale(lang)))


def format_money(amount: float, currency: str | None = None, lang: str | None = None) -> str:
    """A price in the language's CLDR form: "CN¥50", "50 zł", "¥9.50".

    An ISO 4217 code (`CNY`, `PLN`, `USD`) is written with the locale's symbol and
    placement; a whole amount drops the decimals (a menu says ¥100, not ¥100.00), another
    shows at least two and every decimal the design holds (10.001 is never shown as 10.00).
    Any other currency text (`zł`, `pts`) follows the number as typed; none gives the
    number alone. Zero is never negative (-0.0 is 0).
    """
    from decimal import Decimal

    from babel.core import Locale
    from babel.numbers import format_currency

    exact = Decimal(repr(amount)) if isinstance(amount, float) else Decimal(amount)
    if exact == 0:
        exact = Decimal(0)
    places = -int(exact.normalize().as_tuple().exponent)
    decimals = 0 if exact == exact.to_integral_value() else max(2, places)
    if currency and len(currency) == 3 and currency.isascii() and currency.isupper():
        pattern = Locale.parse(cldr_locale(lang)).currency_formats["standard"].pattern
        pattern = pattern.replace(".00", "." + "0" * decimals if decimals else "")
        return str(
            format_currency(
                exact, currency, format=pattern, locale=cldr_locale(lang), currency_digits=False
            )
        )
    number = format_number(exact, decimals, lang)  # type: ignore[arg-type]
    return f"{number}\u00a0{currency}" if currency else number


def format_percent(value: float, lang: str | None = None) -> str:
    """A share (0.25) as a percentage in the language's CLDR form ("25%", "25 %")."""
    from babel.numbers import format_percent as cldr_percent

    return str(cldr_percent(value, locale=cldr_locale(lang)))
