"""Every user-visible string of the code has a Polish and a Chinese entry, none is stale.

The strings are extracted from the code as `make messages` does; the catalogs in
resources/translations must hold exactly those, each translated (not empty, not fuzzy),
with the same `{placeholders}` and the language's number of plural forms.
"""

from __future__ import annotations

import pytest

from cuecraft.core import catalog_tools
from cuecraft.core.i18n import DOMAINS

LANGS = ("pl", "zh")
PLURAL_FORMS = {"pl": 3, "zh": 1}


def _key(message):
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return (message.context, msgid)


def _forms(value):
    return list(value) if isinstance(value, tuple) else [value]


@pytest.fixture(scope="module", params=sorted(DOMAINS))
def extracted(request):
    return request.param, catalog_tools.extract(request.param)


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_matches_the_code(extracted, lang):
    domain, template = extracted
    catalog = catalog_tools.read_catalog(catalog_tools.po_path(lang, domain), lang, domain)
    wanted = {_key(m) for m in template if m.id}
    held = {_key(m) for m in catalog if m.id}
    missing = sorted(wanted - held, key=str)
    stale = sorted(held - wanted, key=str)
    assert not missing, f"{lang}/{domain}.po lacks (run `make messages`): {missing[:10]}"
    assert not stale, f"{lang}/{domain}.po holds strings gone from the code: {stale[:10]}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated_with_its_placeholders(extracted, lang):
    domain, _template = extracted
    catalog = catalog_tools.read_catalog(catalog_tools.po_path(lang, domain), lang, domain)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = _forms(message.id)
        strings = _forms(message.string)
        if message.fuzzy:
            problems.append(f"fuzzy (review it): {ids[0]!r}")
        if isinstance(message.id, tuple) and len(strings) != PLURAL_FORMS[lang]:
            problems.append(f"{len(strings)} plural forms, not {PLURAL_FORMS[lang]}: {ids[0]!r}")
        if not all(s.strip() for s in strings):
            problems.append(f"untranslated: {ids[0]!r}")
            continue
        wanted = set(catalog_tools.PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            got = set(catalog_tools.PLACEHOLDER.findall(string))
            if got != wanted and not (isinstance(message.id, tuple) and got < wanted):
                problems.append(f"placeholders {sorted(got)} != {sorted(wanted)}: {ids[0]!r}")
    assert not problems, f"{lang}/{domain}.po:\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("lang", LANGS)
def test_the_plural_rule_is_the_languages(lang):
    for domain in DOMAINS:
        catalog = catalog_tools.read_catalog(catalog_tools.po_path(lang, domain), lang, domain)
        assert catalog.num_plurals == PLURAL_FORMS[lang], f"{lang}/{domain}.po"


def test_one_english_string_reads_the_same_in_every_domain():
    for lang in LANGS:
        seen: dict[tuple[str | None, str], tuple[str, object]] = {}
        clashes = []
        for domain in sorted(DOMAINS):
            catalog = catalog_tools.read_catalog(catalog_tools.po_path(lang, domain), lang, domain)
            for message in catalog:
                if not message.id:
                    continue
                key = _key(message)
                if key in seen and seen[key][1] != message.string:
                    clashes.append(f"{key[1]!r}: {seen[key][0]} and {domain} differ")
                seen.setdefault(key, (domain, message.string))
        assert not clashes, f"{lang}: " + "\n".join(clashes[:10])
