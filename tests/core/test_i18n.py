"""Choosing the language, loading the catalogs, CLDR forms (cuecraft.core.i18n)."""

from __future__ import annotations

import datetime as dt
import gettext
import io
import os
import shutil
import threading
import time

import pytest

from cuecraft.core import i18n
from cuecraft.core.i18n import (
    LANGUAGES,
    _,
    cldr_locale,
    current_language,
    format_date,
    format_number,
    language,
    normalize_language,
    set_language,
    system_language,
)

KNOWN = "{n} error"  # a msgid of the cli catalog


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    set_language("en")


@pytest.mark.parametrize(
    ("tag", "lang"),
    [
        ("pl", "pl"), ("pl-PL", "pl"), ("pl_PL.UTF-8", "pl"), ("PL", "pl"),
        ("zh", "zh"), ("zh-CN", "zh"), ("zh-Hans", "zh"), ("zh_CN.UTF-8", "zh"),
        ("zh-Hans-CN", "zh"), ("zh_SG", "zh"),
        ("zh-TW", "en"), ("zh-Hant", "en"), ("zh_HK.UTF-8", "en"),
        ("en", "en"), ("en_US.UTF-8", "en"), ("de", "en"), ("", "en"), (None, "en"),
        ("plx", "en"),
    ],
)  # fmt: skip
def test_language_tags_map_to_the_three_languages(tag, lang):
    assert normalize_language(tag) == lang


def test_the_system_locale_follows_gettext_variables_in_order(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "pl_PL.UTF-8")
    assert system_language() == "pl"
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert system_language() == "zh"
    monkeypatch.setenv("LANGUAGE", "en:pl")
    assert system_language() == "en"
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "C")
    assert system_language() == "pl"  # C says nothing: the next variable decides


def test_a_block_in_another_language_leaves_the_process_and_other_threads_alone():
    set_language("pl")
    seen = {}

    def other_thread():
        time.sleep(0.05)
        seen["thread"] = current_language()

    worker = threading.Thread(target=other_thread)
    with language("zh"):
        worker.start()
        assert current_language() == "zh"
        worker.join()
    assert seen["thread"] == "pl"
    assert current_language() == "pl"


def test_strings_are_translated_in_the_current_language():
    assert _(KNOWN) == KNOWN
    with language("pl"):
        assert _(KNOWN) != KNOWN
    with language("zh"):
        assert "错误" in _(KNOWN)
    assert _("a string no catalog holds") == "a string no catalog holds"


def test_an_edited_catalog_is_read_even_when_its_compiled_file_is_older(tmp_path, monkeypatch):
    source = i18n.catalog_dir()
    copy = tmp_path / "translations"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("*.mo"))
    po = copy / "pl" / "LC_MESSAGES" / "cli.po"
    mo = po.with_suffix(".mo")
    mo.write_bytes(i18n.compile_po(po))
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr[0] "{n} błąd"', 'msgstr[0] "{n} błąd (poprawiony)"'))
    old = time.time() - 60
    os.utime(mo, (old, old))
    monkeypatch.setattr(i18n, "catalog_dir", lambda: copy)
    i18n.forget_catalogs()
    try:
        with language("pl"):
            assert i18n.ngettext("{n} error", "{n} errors", 1) == "{n} błąd (poprawiony)"
    finally:
        i18n.forget_catalogs()


def test_a_missing_catalog_falls_back_to_english(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "catalog_dir", lambda: tmp_path)
    i18n.forget_catalogs()
    try:
        with language("pl"):
            assert _(KNOWN) == KNOWN
    finally:
        i18n.forget_catalogs()


def test_dates_and_numbers_take_the_cldr_forms():
    day = dt.date(2026, 11, 28)
    assert format_date(day, "pl") == "28 listopada 2026"
    assert format_date(day, "zh") == "2026年11月28日"
    assert "November" in format_date(day, "en")
    assert format_number(1.5, 1, "pl") == "1,5"
    assert format_number(1.5, 1, "en") == "1.5"
    with language("pl"):
        assert format_number(1.25, 1) in ("1,2", "1,3")


def test_an_untranslated_plural_entry_does_not_hide_another_domains_translation(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : 2);\\n"\n\n'
        'msgid "{n} finding"\nmsgid_plural "{n} findings"\nmsgstr[0] ""\nmsgstr[1] ""\n'
        'msgstr[2] ""\n\nmsgid "kept"\nmsgstr "zachowane"\n',
        encoding="utf-8",
    )
    compiled = gettext.GNUTranslations(io.BytesIO(i18n.compile_po(po)))
    assert compiled.gettext("kept") == "zachowane"
    assert "{n} finding" not in compiled._catalog  # type: ignore[attr-defined]
    assert ("{n} finding", 0) not in compiled._catalog  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_small_counts_are_written_as_cldr_writes_them(lang: str) -> None:
    # Counts under 1,000 skip the locale data (the workbench's first frame shows them):
    # they must read exactly as CLDR's own formatting of them.
    from babel.numbers import format_decimal

    for n in (*range(0, 1000, 7), 999, 1000, 1234, 10_000):
        expected = str(format_decimal(n, format="#,##0", locale=cldr_locale(lang)))
        assert format_number(n, lang=lang) == expected
