"""Extract, update and compile the translation catalogs (`make messages`, install step).

    python -m cuecraft.core.catalog_tools update [DOMAIN...]   extract, merge into the .po
    python -m cuecraft.core.catalog_tools compile   write the .mo beside every .po
    python -m cuecraft.core.catalog_tools status    untranslated / fuzzy counts per catalog

A changed English string keeps its old translation marked fuzzy (to be reviewed); a
string gone from the code leaves the catalog. The completeness test
(tests/core/test_catalogs.py) fails on any empty, fuzzy or stale entry.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_from_file
from babel.messages.pofile import read_po, write_po

from cuecraft.core.i18n import DOMAINS, LANGUAGES, catalog_dir, compile_po

PACKAGE = Path(__file__).resolve().parent.parent
PO_LOCALES = {"pl": "pl", "zh": "zh_Hans_CN"}
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")


def _skipped(domain: str, folder: str) -> list[tuple[str, str]]:
    """Extraction patterns leaving out what, inside `folder`, belongs to another domain."""
    out = []
    for other, paths in DOMAINS.items():
        for path in paths if other != domain else ():
            if path.startswith(folder + "/"):
                inner = path[len(folder) + 1 :]
                is_file = inner.endswith(".py")
                out.append((inner if is_file else f"{inner}/**.py", "ignore"))
    return out


def extract(domain: str) -> Catalog:
    """The messages of one domain as found in the source now."""
    template = Catalog(domain=domain, project="Cuecraft", msgid_bugs_address="", fuzzy=False)
    for path in DOMAINS[domain]:
        source = PACKAGE / path
        found: Iterable[tuple[str, int, str | tuple[str, ...], list[str], str | None]]
        if source.is_dir():
            skipped = _skipped(domain, path)
            found = (
                (name, line, message, comments, context)
                for name, line, message, comments, context in extract_from_dir(
                    str(source),
                    method_map=[*skipped, ("**.py", "python")],
                    keywords=DEFAULT_KEYWORDS,
                    comment_tags=("TRANSLATORS:",),
                    strip_comment_tags=True,
                )
            )
            prefix = path + "/"
        else:
            found = (
                (source.name, line, message, comments, context)
                for line, message, comments, context in extract_from_file(
                    "python",
                    str(source),
                    keywords=DEFAULT_KEYWORDS,
                    comment_tags=("TRANSLATORS:",),
                    strip_comment_tags=True,
                )
            )
            prefix = ""
        for name, line, message, comments, context in found:
            template.add(
                message,
                locations=[(prefix + name if prefix else name, line)],
                auto_comments=comments,
                context=context,
            )
    return template


def po_path(lang: str, domain: str) -> Path:
    return catalog_dir() / lang / "LC_MESSAGES" / f"{domain}.po"


def read_catalog(path: Path, lang: str, domain: str) -> Catalog:
    if path.exists():
        with path.open("rb") as handle:
            return read_po(handle, locale=PO_LOCALES[lang], domain=domain)
    return Catalog(locale=PO_LOCALES[lang], domain=domain, project="Cuecraft", fuzzy=False)


HEADER = """\
# {language} catalog of Cuecraft, domain "{domain}" (docs/translating.md).
# Terms: docs/glossary.md. Update with `make messages`; translate empty and fuzzy entries.
#"""


def update(domains: Iterable[str] = ()) -> None:
    """Extract the domains (default: all) and merge each into every language's catalog."""
    for domain in domains or DOMAINS:
        template = extract(domain)
        for lang in LANGUAGES:
            if lang == "en":
                continue
            path = po_path(lang, domain)
            catalog = read_catalog(path, lang, domain)
            created = catalog.creation_date  # kept: a date that moves is noise in git
            catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
            catalog.creation_date = created
            catalog.project, catalog.version = "Cuecraft", "1"
            catalog.language_team = catalog.last_translator = "Cuecraft"
            catalog.msgid_bugs_address = ""
            catalog.header_comment = HEADER.format(
                language={"pl": "Polish", "zh": "Simplified Chinese"}[lang], domain=domain
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                write_po(
                    handle,
                    catalog,
                    width=100,
                    include_lineno=False,
                    ignore_obsolete=True,
                    sort_output=False,
                )
            print(f"{path}: {len(catalog)} messages")


def compile_all() -> None:
    """Write the `.mo` beside every `.po` (the install step and the bundle run it)."""
    for po in sorted(catalog_dir().glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compile_po(po))


def status() -> int:
    """Print untranslated and fuzzy counts; 1 when anything is left to translate."""
    left = 0
    for domain in DOMAINS:
        for lang in LANGUAGES:
            if lang == "en":
                continue
            catalog = read_catalog(po_path(lang, domain), lang, domain)
            empty = sum(1 for m in catalog if m.id and not _translated(m.string))
            fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
            left += empty + fuzzy
            print(f"{lang}/{domain}: {len(catalog)} messages, {empty} empty, {fuzzy} fuzzy")
    return 1 if left else 0


def _translated(string: object) -> bool:
    if isinstance(string, (tuple, list)):
        return all(str(part).strip() for part in string)
    return bool(str(string or "").strip())


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "status"
    if command == "update":
        update(argv[1:])
        return 0
    if command == "compile":
        compile_all()
        return 0
    if command == "status":
        return status()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
