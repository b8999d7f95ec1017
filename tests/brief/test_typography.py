"""Typography per language (SPEC §6): bold Chinese headings, Chinese line breaking in
paragraphs and table cells, Polish one-letter words kept with the next word, and user
text printed as typed through all of it.

Line breaks are read from the lines reportlab actually set (`blPara.lines` after a
wrap, or of every paragraph drawn while a real brief is exported); faces from the
fonts the PDF draws each piece of text in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table
from tests.brief.conftest import DESIGNS, HOSTILE_MARKUP, hostile_design, squash

from cuecraft.brief import BriefOptions, export_brief, fonts, linebreak, text
from cuecraft.brief.styles import Styles, make_styles
from cuecraft.core.fileformat import load_design
from cuecraft.core.i18n import language

# The rules, written out here rather than taken from the code under test.
CLOSING = "。，、；：？！」』）》〉】〕〗”’…%)]},.;:!?"  # never the first character of a line
OPENING = "「『（《〈【〔〖“‘([{"  # never the last character of a line
ONE_LETTER = "wzioauWZIOUA"

# Chinese text built to put punctuation wherever a naive break would fall, with Latin
# words (Wi-Fi, cuecraft2026, VIP, App) that must never be cut.
PROVOKE = (
    "顾客说：“好吃！”然后（笑着）问：「还有吗？」『有的。』服务员答，《菜单》上写着"
    "【今日特供】……还有——惊喜；最后、再见。扫码连Wi-Fi，密码是cuecraft2026，"
    "VIP会员在App里（个人中心）领券！“一份三秒就能填完的满意度小调查”，好不好？"
    "「好」「好」「好」（一）（二）（三）。。。，，，！！！"
)
LATIN_WORDS = ("Wi-Fi", "cuecraft2026", "VIP", "App")
POLISH = (
    "Gość czeka w domu i o świcie dostaje kawę z mlekiem, a u nas w ogrodzie "
    "z lipą i w bibliotece o zmroku słychać tylko szum liści; W sieni A i Z, O i U."
)


def styles(lang: str) -> Styles:
    with language(lang):
        return make_styles("#127A6E")


def line_texts(paragraph: Any) -> list[str]:
    """The text of each line reportlab set for `paragraph` at its last wrap."""
    out: list[str] = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one fragment: (free space, words)
            out.append(" ".join(line[1]))
        else:
            out.append("".join(getattr(word, "text", "") or "" for word in line.words))
    return out


def kinsoku_errors(lines: list[str], source: str | None = None) -> list[str]:
    """Each broken rule at a break: a line starting with closing or ending with opening
    punctuation, or (with `source`) a break inside a Latin word."""
    errors: list[str] = []
    for i, line in enumerate(lines):
        seen = line.strip(" \u3000")
        if not seen:
            continue
        if seen[0] in CLOSING and i > 0:
            errors.append(f"line {i} starts with {seen[0]!r}: {line!r}")
        if seen[-1] in OPENING and i < len(lines) - 1:
            errors.append(f"line {i} ends with {seen[-1]!r}: {line!r}")
    if source is not None:
        pos = 0
        for i, line in enumerate(lines[:-1]):
            pos = source.index(line.strip(" "), pos) + len(line.strip(" "))
            if re.match(r"[A-Za-z0-9-][A-Za-z0-9]", source[pos - 1 : pos + 1]):
                errors.append(f"line {i} cuts a Latin word: {line!r} | {lines[i + 1]!r}")
    return errors


def widths(low: float, high: float, step: float) -> Iterator[float]:
    w = low
    while w <= high:
        yield w
        w += step


# --- Chinese line breaking ---------------------------------------------------------------


@pytest.mark.parametrize("style_name", ["body", "cell", "cell_small", "h3", "lead"])
def test_chinese_paragraphs_obey_the_line_breaking_rules_at_every_width(style_name):
    st = styles("zh")
    widest_word = max(text.width(w, 12, fonts.BOLD) for w in LATIN_WORDS)
    checked = 0
    with language("zh"):
        paragraph = text.para(PROVOKE, getattr(st, style_name))
        for width in widths(widest_word + 4, 420, 1.7):
            paragraph.wrap(width, 10_000)
            lines = line_texts(paragraph)
            assert len(lines) > 1 or width > 300
            assert kinsoku_errors(lines, PROVOKE) == [], width
            assert "".join(line.strip(" ") for line in lines) == PROVOKE.replace(" ", "")
            checked += len(lines)
    assert checked > 1000  # many breaks were tried, not a lucky few


def test_chinese_markup_of_the_brief_breaks_by_the_same_rules():
    st = styles("zh")
    own = "<b>说明：</b>每条原则依据检查结果（" + text.escape("<0–100>") + "）得出“分数”。" * 6
    with language("zh"):
        paragraph = text.fixed(own, st.body)
        for width in widths(40, 300, 2.3):
            paragraph.wrap(width, 10_000)
            assert kinsoku_errors(line_texts(paragraph)) == [], width


def test_chinese_text_in_a_polish_or_english_brief_breaks_by_the_rules_too():
    for lang in ("en", "pl"):
        st = styles(lang)
        with language(lang):
            paragraph = text.para(PROVOKE, st.body)
            for width in widths(80, 300, 7.1):
                paragraph.wrap(width, 10_000)
                assert kinsoku_errors(line_texts(paragraph), PROVOKE) == [], (lang, width)


def test_latin_words_in_chinese_text_stay_whole():
    st = styles("zh")
    with language("zh"):
        paragraph = text.para("我们的" + "Wi-Fi和Bluetooth以及cuecraft2026还有" * 4, st.cell)
        for width in widths(70, 200, 1.1):
            paragraph.wrap(width, 10_000)
            joined = "\n".join(line_texts(paragraph))
            for word in ("Wi-Fi", "Bluetooth", "cuecraft2026"):
                assert joined.count(word) == 4, (width, joined)


def test_a_word_wider_than_the_line_is_still_cut_to_fit():
    st = styles("zh")
    with language("zh"):
        paragraph = text.para("中文" + "x" * 300 + "。", st.cell)
        _, height = paragraph.wrap(80, 10_000)
    lines = line_texts(paragraph)
    assert len(lines) > 3 and height == len(lines) * st.cell.leading
    assert not lines[-1].startswith("。")
    assert "".join(lines) == "中文" + "x" * 300 + "。"


def test_line_breaks_in_user_text_are_kept():
    st = styles("zh")
    with language("zh"):
        paragraph = text.para("第一行。\n\n（第三行）", st.body)
        paragraph.wrap(300, 10_000)
    assert line_texts(paragraph) == ["第一行。", "", "（第三行）"]


def table_cells(st: Styles, rows: int) -> tuple[list[list[Any]], list[float]]:
    columns = [140.0, 95.0, 61.0, 130.0]
    data = [
        [text.cell(PROVOKE[i % 7 : 40 + i % 50], st.cell, w) for w in columns] for i in range(rows)
    ]
    return data, columns


def test_chinese_table_cells_obey_the_line_breaking_rules_across_pages(tmp_path):
    st = styles("zh")
    with language("zh"):
        data, columns = table_cells(st, 40)
        doc = SimpleDocTemplate(str(tmp_path / "cells.pdf"), pagesize=A4)
        doc.build([Table(data, colWidths=columns, repeatRows=0)])
    assert PdfReader(tmp_path / "cells.pdf").get_num_pages() > 3
    checked = 0
    for row in data:
        for cell in row:
            lines = line_texts(cell)
            assert len(lines) > 1
            assert kinsoku_errors(lines) == []
            checked += len(lines)
    assert checked > 1000


def test_a_chinese_paragraph_split_across_pages_loses_and_gains_no_character(tmp_path):
    st = styles("zh")
    long_text = PROVOKE * 30
    with language("zh"):
        first = text.para(long_text, st.body)
        doc = SimpleDocTemplate(str(tmp_path / "split.pdf"), pagesize=A4)
        doc.build([first])
    reader = PdfReader(tmp_path / "split.pdf")
    assert reader.get_num_pages() > 1
    printed = squash("".join(page.extract_text() for page in reader.pages))
    assert printed == squash(long_text)


def drawn_lines(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[list[str]]:
    """Export the design at `path` and return the lines of every paragraph drawn."""
    found: list[list[str]] = []
    draw = Paragraph.draw

    def spy(self: Any) -> None:
        found.append(line_texts(self))
        draw(self)

    monkeypatch.setattr(Paragraph, "draw", spy)
    export_brief(load_design(path), path.with_suffix(".pdf").name, BriefOptions())
    return found


def test_every_line_of_the_chinese_example_brief_obeys_the_rules(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    paragraphs = drawn_lines(monkeypatch, DESIGNS / "haidilao-hotpot.yaml")
    chinese = [lines for lines in paragraphs if any(linebreak.HAS_CJK.search(x) for x in lines)]
    assert sum(len(lines) > 1 for lines in chinese) > 20
    errors = [e for lines in chinese for e in kinsoku_errors(lines)]
    assert errors == []


# --- Chinese bold ------------------------------------------------------------------------


def test_bold_chinese_is_set_in_the_bold_chinese_face_and_latin_in_dejavu_bold():
    st = styles("zh")
    with language("zh"):
        heading = text.para("微信小程序与会员App", st.h3)
        own = text.fixed("<b>第 1 步</b> 线上排号", st.cell)
        nested = text.fixed(f"<b>{text.markup('海底捞 Hotpot')}</b>", st.cell)
    faces = {f.text: f.fontName for f in heading.frags}
    assert faces == {"微信小程序与会员": fonts.CJK_BOLD, "App": fonts.BOLD}
    faces = {f.text.strip(): f.fontName for f in own.frags if f.text.strip()}
    assert faces["第"] == faces["步"] == fonts.CJK_BOLD
    assert faces["线上排号"] == fonts.CJK
    assert faces["1"] == fonts.BOLD
    faces = {f.text.strip(): f.fontName for f in nested.frags if f.text.strip()}
    assert faces == {"海底捞": fonts.CJK_BOLD, "Hotpot": fonts.BOLD}
    assert [face for face, _ in fonts.runs("Title 标题", fonts.BOLD)] == [
        fonts.BOLD,
        fonts.CJK_BOLD,
    ]


def faces_of_text(pdf: Path) -> list[tuple[str, str]]:
    """(text, font base name) of every piece of text the PDF draws.

    A large font is embedded in subsets of 256 glyphs each (“ABCDEF+NotoSansSC-Bold”,
    “GHIJKL+NotoSansSC-Bold”), so in a document with many Chinese characters one word
    can be drawn in two subsets of its face: such pieces are joined into one."""
    pieces: list[tuple[str, str, str]] = []

    def visit(value: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if value.strip() and font is not None:
            subset = str(font.get("/BaseFont", ""))
            face = subset.split("+")[-1]
            if pieces:
                last, last_face, last_subset = pieces[-1]
                if last_face == face and last_subset != subset and not last.endswith("\n"):
                    pieces[-1] = (last + value, face, subset)
                    return
            pieces.append((value, face, subset))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return [(value, face) for value, face, _subset in pieces]


def test_chinese_headings_of_the_example_brief_are_bold(tmp_path):
    design = load_design(DESIGNS / "haidilao-hotpot.yaml")
    export_brief(design, tmp_path / "zh.pdf", BriefOptions())
    pieces = faces_of_text(tmp_path / "zh.pdf")
    title = design.title.split()[0]  # its first Chinese run: cover, running header, summary
    assert {face for piece, face in pieces if piece.strip() == title} == {"NotoSansSC-Bold"}
    headed = 0
    for zone in design.zones:  # zone names head their tables of cues (zones that have cues)
        chinese = re.findall(r"[^\x00-\x7f]+", zone.name)[0]
        faces = {face for piece, face in pieces if piece.strip() == chinese}
        headed += "NotoSansSC-Bold" in faces
    assert headed >= len(design.zones) // 2
    cues = [c.text for c in design.cues if not re.search("[A-Za-z]", c.text)]
    lines = [piece.strip() for piece, _face in pieces]
    body = {
        face
        for line, (_piece, face) in zip(lines, pieces, strict=True)
        if len(line) > 4 and any(line in c for c in cues)
    }
    assert body and all(face.startswith("WenQuanYiMicroHei") for face in body)


# --- Polish one-letter words -------------------------------------------------------------


def ends_with_one_letter_word(line: str) -> bool:
    return re.search(f"(?:^| )[{ONE_LETTER}]$", line.rstrip(" ")) is not None


def test_polish_one_letter_words_never_end_a_line():
    st = styles("pl")
    with language("pl"):
        paragraphs = [
            text.para(POLISH, st.body),
            text.fixed(f"<b>W</b> domu, a {text.markup(POLISH)} &amp; u nas", st.body),
            text.para(POLISH, st.cell),
        ]
        # Every width at which the widest tied group ("i o świcie") fits on a line.
        narrowest = text.width("i o świcie,", 9.5, fonts.BOLD) + 1
        for paragraph in paragraphs:
            for width in widths(narrowest, 400, 1.3):
                paragraph.wrap(width, 10_000)
                lines = line_texts(paragraph)
                assert not any(ends_with_one_letter_word(x) for x in lines[:-1]), (width, lines)
                assert not any(re.search(r"(?:^| )w$", x) for x in lines), lines


def test_w_domu_is_never_split_however_narrow():
    st = styles("pl")
    with language("pl"):
        paragraph = text.para("czekamy w domu", st.body)
        for width in widths(text.width("w domu", 9.5) + 0.1, 120, 0.25):
            paragraph.wrap(width, 10_000)
            lines = line_texts(paragraph)
            assert any("w\u00a0domu" in x for x in lines), (width, lines)


def test_only_polish_briefs_tie_one_letter_words():
    for lang in ("en", "zh"):
        with language(lang):
            assert "\u00a0" not in text.markup("a cat w domu i o")
            assert "\u00a0" not in text.fixed("a <b>cat</b> w domu", styles(lang).body).text


def test_tying_leaves_tags_and_entities_alone():
    with language("pl"):
        own = text.fixed(
            '<font color="#B4372B">z <b>a</b> i</font> o &amp; a&lt;b', styles("pl").body
        )
    tied = '<font color="#B4372B">z\u00a0<b>a</b>\u00a0i</font>\u00a0o\u00a0&amp; a&lt;b'
    assert own.text == tied
    assert "".join(f.text for f in own.frags) == "z\u00a0a\u00a0i\u00a0o\u00a0& a<b"


def test_every_line_of_the_polish_example_brief_keeps_one_letter_words(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    paragraphs = drawn_lines(monkeypatch, DESIGNS / "boutique-hotel.yaml")
    assert sum(len(lines) > 1 for lines in paragraphs) > 20
    broken = [x for lines in paragraphs for x in lines[:-1] if ends_with_one_letter_word(x)]
    assert broken == []


# --- user text printed as typed ----------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_user_markup_prints_as_typed_in_polish_and_chinese_paragraphs(lang):
    typed = '<b>a</b> & w domu &amp; <font size=40>「引用」</font> i <img src="x"/>'
    with language(lang):
        st = make_styles("#127A6E")
        paragraph = text.para(typed, st.body)
        paragraph.wrap(90, 10_000)
    printed = "".join(f.text for f in paragraph.frags)
    assert printed.replace("\u00a0", " ") == typed
    assert ("\u00a0" in printed) == (lang == "pl")
    assert "".join(line_texts(paragraph)).replace("\u00a0", " ").replace(" ", "") == (
        typed.replace(" ", "")
    )


@pytest.mark.parametrize("lang", ["pl", "zh"])
def test_hostile_user_text_prints_as_typed_in_a_polish_and_a_chinese_brief(tmp_path, lang):
    design = dataclasses.replace(hostile_design(), language=lang)
    export_brief(design, tmp_path / "hostile.pdf", BriefOptions())
    reader = PdfReader(tmp_path / "hostile.pdf")
    printed = squash("".join(page.extract_text() or "" for page in reader.pages))
    for typed in HOSTILE_MARKUP:
        assert squash(typed) in printed, typed
    assert squash(design.client or "") in printed


def test_typographic_quotes_are_printed_as_they_come():
    typed = "“cytat” „cudzysłów” ‘single’ «guillemets» 「引号」 \"straight\" 'too'"
    for lang in ("en", "pl", "zh"):
        st = styles(lang)
        with language(lang):
            for paragraph in (text.para(typed, st.body), text.fixed(typed, st.body)):
                assert "".join(f.text for f in paragraph.frags) == typed
            assert text.fit(typed, 1000, 9) == typed


def test_quotes_and_ellipses_in_chinese_text_are_full_width_and_latin_ones_stay_latin():
    fonts.register_text_faces()
    runs = fonts.runs("道一声“慢走”……“Wi-Fi”；He said “hi” — ok")
    face_of = {chunk: face for face, chunk in runs}
    assert face_of["道一声“慢走”……“"] == fonts.CJK
    assert face_of["”；"] == fonts.CJK  # the pair of quotes around Wi-Fi alike
    assert face_of["He said “hi” — ok"] == fonts.TEXT
    bold = fonts.runs("“标题”", fonts.BOLD)
    assert bold == [(fonts.CJK_BOLD, "“标题”")]
