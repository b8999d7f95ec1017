"""Load → save → load gives an equal design; save → save gives identical bytes."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings

from cuecraft.core.fileformat import load_design, parse_design, save_design
from cuecraft.core.writer import dump_design
from cuecraft.resources import example_designs
from tests.core.strategies import designs

EXAMPLES = example_designs()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs())
@example(parse_design("cuecraft: 1\ntitle: T\ntheme: {name: N, avoid: ['0:?', 'a:b', 'c: d']}\n"))
def test_saved_design_loads_back_equal_and_saves_to_the_same_bytes(design):
    text = dump_design(design)
    again = parse_design(text.encode("utf-8"))
    assert again == design
    assert dump_design(again) == text


def test_save_writes_unicode_as_is_and_keys_in_spec_order(tmp_path):
    design = parse_design(
        "cuecraft: 1\ntheme: {name: Zażółć, motifs: [火锅]}\ntitle: Kawiarnia 火锅 🐸\n"
        "cues:\n  - polarity: negative\n    id: a\n    text: no\n    severity: high\n"
    )
    path = tmp_path / "d.yaml"
    save_design(design, path)
    written = path.read_text(encoding="utf-8")
    assert written == (
        "cuecraft: 1\ntitle: Kawiarnia 火锅 🐸\ntheme:\n  name: Zażółć\n  motifs: [火锅]\n"
        'zones: []\ntouchpoints: []\ncues:\n  - id: a\n    text: "no"\n'
        "    polarity: negative\n    severity: high\nlayers: []\nsouvenirs: []\n"
    )
    assert load_design(path).cues[0].text == "no"


def test_every_printable_script_is_written_as_is():
    typed = "海底捞：服务，真好？（是的）Zażółć — «ok» 🐸 ｆｕｌｌ"
    design = parse_design("cuecraft: 1\ntitle: T\ntheme: {name: N}\n")
    design.title = typed
    assert f"title: {typed}\n" in dump_design(design)


def test_multi_line_text_is_a_block_scalar_and_one_edit_is_one_line_of_diff():
    design = parse_design(
        "cuecraft: 1\ntitle: T\ntheme:\n  name: N\n  storyline: |\n"
        "    First line.\n    Second line.\n"
    )
    text = dump_design(design)
    assert "  storyline: |\n    First line.\n    Second line.\n" in text
    design.theme.name = "Renamed"
    changed = dump_design(design)
    diff = [(a, b) for a, b in zip(text.splitlines(), changed.splitlines(), strict=True) if a != b]
    assert diff == [("  name: N", "  name: Renamed")]


def test_x_keys_are_kept_verbatim():
    source = (
        "cuecraft: 1\ntitle: T\ntheme:\n  name: N\n  x-note: keep me\n"
        "x-owner: {name: Ada, active: no, tags: [a, b]}\n"
    )
    design = parse_design(source)
    text = dump_design(design)
    assert "  x-note: keep me\n" in text
    assert "x-owner:\n  name: Ada\n  active: no\n  tags:\n    - a\n    - b\n" in text
    assert parse_design(text) == design


def test_header_comment_is_kept_on_save():
    design = parse_design(
        "# Café concept\n# expect: none\ncuecraft: 1\ntitle: T\ntheme: {name: N}\n"
    )
    assert dump_design(design).startswith("# Café concept\n# expect: none\ncuecraft: 1\n")


def test_worked_examples_are_in_canonical_form_and_round_trip():
    assert len(EXAMPLES) >= 6
    for path in EXAMPLES:
        design = load_design(path)
        assert parse_design(dump_design(design).encode()) == design, path
