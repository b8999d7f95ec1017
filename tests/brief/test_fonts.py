"""Fonts are embedded TrueType: no base-14 font, no unembedded Helvetica."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from tests.brief.conftest import hostile_design

from cuecraft.brief import fonts, text

BASE_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


def fonts_of(reader: Any) -> dict[str, Any]:
    """Every font any page or form of the PDF can use, by base name."""
    found: dict[str, Any] = {}

    def collect(resources: Any) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"]).lstrip("/")] = font
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                collect(xobject.get("/Resources"))

    for page in reader.pages:
        collect(page.get("/Resources"))
    return found


@pytest.mark.parametrize(
    "name", ["rainforest-cafe", "boutique-hotel", "haidilao-hotpot", "hostile"]
)
def test_every_font_is_embedded_truetype(export, name):
    brief = export(name, hostile_design()) if name == "hostile" else export(name)
    used = fonts_of(brief.reader)
    assert used
    for base, font in used.items():
        assert base.split("+")[-1] not in BASE_14, base
        assert font["/Subtype"] == "/TrueType", base
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{base} is not embedded"


def test_chinese_and_emoji_come_from_the_bundled_fallback_faces(export):
    names = {base.split("+")[-1] for base in fonts_of(export("hostile", hostile_design()).reader)}
    assert any(n.startswith("DejaVuSans") for n in names)
    assert any(n.startswith("WenQuanYi") for n in names)
    assert "Symbola" in names


def test_mixed_script_text_is_cut_into_runs_of_faces_that_have_every_glyph():
    fonts.register_text_faces()
    runs = fonts.runs("Kraków 東京 ok 😀!")
    assert "".join(chunk for _, chunk in runs) == "Kraków 東京 ok 😀!"
    faces = [face for face, _ in runs]
    assert faces[0] == fonts.TEXT and fonts.CJK in faces
    for face, chunk in runs:
        for ch in chunk:
            assert fonts.face_for(ch, fonts.TEXT) == face or ch == " "


def test_markup_escapes_and_switches_faces_only_with_our_own_tags():
    out = text.markup('<font size=40>東京 & <img src="/etc/passwd"/>\nnext')
    assert out.startswith("&lt;font size=40&gt;")
    assert f'<font face="{fonts.CJK}">東京</font>' in out
    assert '&amp; &lt;img src="/etc/passwd"/&gt;<br/>next' in out


def test_registration_is_idempotent_and_safe_from_many_threads():
    errors: list[BaseException] = []

    def register() -> None:
        try:
            for _ in range(20):
                fonts.register_text_faces()
                fonts.face_for("東", fonts.TEXT)
                fonts.face_for("🎉", fonts.BOLD)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=register) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert fonts.face_for("東", fonts.TEXT) == fonts.CJK
    assert fonts.face_for("🎉", fonts.TEXT) == fonts.SYMBOLS
