"""Comments survive: load → edit → save keeps every comment with its item or key.

SPEC §2: whole-line comments above a key or list item and end-of-line comments
stay with what they belong to through every save; deleting an item deletes its
comments; line endings (LF or CRLF) and a UTF-8 byte-order mark are kept.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from cuecraft.core.edits import (
    SECTIONS,
    AddItem,
    Batch,
    EditError,
    RemoveItem,
    RenameId,
    SetField,
    find,
)
from cuecraft.core.fileformat import load_design, parse_design, save_design
from cuecraft.core.model import Comments, Cue, Design, Zone
from cuecraft.core.writer import dump_design, saved_text
from tests.core.strategies import designs, slug

# -- the issue's reproduction ---------------------------------------------------------

ISSUE_12 = """\
# Rainforest Café, flagship
cuecraft: 1
title: Rainforest Café
theme:
  name: Into the rainforest
  tagline: Your adventure is about to begin  # tagline approved by client
  motifs: [rainforest, thunderstorm]
# ZONE NOTES
# the arch is rebuilt in May; the gift shop moves in June
zones:
  - id: entrance
    # TODO: measure the arch before the vines go up
    name: Entrance arch
    sees: [dining-hall]
  - id: dining-hall
    name: Dining hall
touchpoints: []
cues: []
layers: []
souvenirs: []
"""


def test_issue_12_one_edit_and_save_keeps_all_three_comments(tmp_path):
    path = tmp_path / "cafe.yaml"
    path.write_text(ISSUE_12, encoding="utf-8")
    design = load_design(path)
    SetField("dining-hall", "name", "Rainforest dining hall").apply(design)
    save_design(design, path)
    saved = path.read_text(encoding="utf-8")
    assert saved == ISSUE_12.replace("name: Dining hall", "name: Rainforest dining hall")
    assert load_design(path) == design


def test_comments_with_crlf_and_bom_survive_a_save_byte_for_byte(tmp_path):
    path = tmp_path / "cafe.yaml"
    original = b"\xef\xbb\xbf" + ISSUE_12.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(original)
    design = load_design(path)
    assert design.bom and design.newline == "\r\n"
    save_design(design, path)
    assert path.read_bytes() == original
    SetField("entrance", "name", "Arch").apply(design)
    save_design(design, path)
    assert path.read_bytes() == original.replace(b"name: Entrance arch", b"name: Arch")


def test_deleting_an_item_deletes_its_comments_and_only_those():
    design = parse_design(ISSUE_12)
    RemoveItem("entrance").apply(design)
    text = dump_design(design)
    assert "# TODO" not in text
    assert "# ZONE NOTES" in text and "# tagline approved by client" in text


def test_renaming_and_moving_an_item_keep_its_comments():
    design = parse_design(ISSUE_12)
    RenameId("entrance", "arch").apply(design)
    item = find(design, "arch")
    Batch([RemoveItem("arch", unlink=False), AddItem("zones", item, 1)]).apply(design)
    text = dump_design(design)
    assert "  - id: dining-hall\n    name: Dining hall\n  - id: arch\n    # TODO" in text
    assert "sees: [dining-hall]" in text


# -- comments where people put them, in files written by hand ------------------------------

BY_HAND = """\
# header
cuecraft: 1   # format
title: "Café #1"   # the '#' in the title is text
theme:
    name: N
    storyline: >   # folded when read
        # not a comment: text
        more text

    # above motifs, after a blank line
    motifs:
      - rain     # block list: the comment goes above the key
      # inside the list
      - forest
    realms:
        entertainment: 3  # inside realms
zones:
# zones at column 1
- id: a
  # above name, deeper
  name: 'A # not a comment'
  x-plan:           # my own key
    floor: 2        # nested
    # nested whole line
    rooms: [1, 2]
  # end of a
# end of zones, at the top
touchpoints:
  -   id: t
      name: T


  - {id: u, name: U}   # a flow item
cues: []
layers: []
souvenirs: []
x-owner: Ada
# last words
"""


def comment_texts(text: str) -> Counter[str]:
    """The comments of a text: the '#' and what follows, where a comment can start."""
    out: Counter[str] = Counter()
    for line in text.splitlines():
        found = re.search(r"(?:^|\s)(#.*)$", line)
        if found and "not a comment" not in line and "'#' in" not in found.group(1):
            out[found.group(1).strip()] += 1
    return out


def test_comments_written_by_hand_are_all_kept_and_settle_after_one_save():
    design = parse_design(BY_HAND)
    text = dump_design(design)
    expected = comment_texts(BY_HAND)
    expected["# the '#' in the title is text"] = 1
    kept = comment_texts(text)
    kept["# the '#' in the title is text"] = 1
    assert kept == expected
    again = parse_design(text)
    assert again == design
    assert dump_design(again) == text
    # The '#' lines of the folded storyline are its text, not comments.
    assert design.theme.storyline == "# not a comment: text more text\n"
    assert "  storyline: |   # folded when read\n    # not a comment: text more text\n" in text
    # Where they went: each next to what it was about.
    assert (
        "\n\n  # above motifs, after a blank line\n"
        "  # block list: the comment goes above the key\n  # inside the list\n"
        "  motifs: [rain, forest]\n  # inside realms\n  realms: {" in text
    )
    assert "zones:\n  # zones at column 1\n  - id: a\n    # above name, deeper\n" in text
    # The zones' dashes stood at column 1 too: the comment closes the list, not the file.
    assert "    # end of a\n  # end of zones, at the top\ntouchpoints:" in text
    assert "    x-plan:           # my own key\n      floor: 2\n" in text
    assert "  - id: u\n    name: U   # a flow item\n" in text  # the last key on its line
    assert text.endswith("x-owner: Ada\n# last words\n")
    assert 'title: "Café #1"   # the' in text


def test_a_blank_line_between_items_is_kept_once():
    design = parse_design(BY_HAND)
    text = dump_design(design)
    assert "      name: T" not in text
    assert "    name: T\n    phase: during\n\n  - id: u" in text


def test_a_hash_in_a_block_scalar_is_text_and_blank_lines_in_it_stay_text():
    source = (
        "cuecraft: 1\ntitle: T\ntheme:\n  name: N\n  storyline: |+\n    line\n"
        "    # text\n\n\n  # about motifs\n  motifs: [a]\n"
    )
    design = parse_design(source)
    assert design.theme.storyline == "line\n# text\n\n\n"
    text = dump_design(design)
    assert parse_design(text) == design
    assert "  # about motifs\n  motifs: [a]\n" in text
    assert dump_design(parse_design(text)) == text


def test_a_comment_of_a_field_that_is_cleared_moves_to_the_next_key_not_away():
    design = parse_design(
        "cuecraft: 1\ntitle: T\nclient: C  # legal name\nvenue: V\ntheme: {name: N}\n"
    )
    SetField("design", "client", None).apply(design)
    text = dump_design(design)
    assert "title: T\n# legal name\nvenue: V\n" in text
    SetField("design", "client", "D").apply(design)  # back before the save: back in place
    assert "client: D  # legal name\n" in dump_design(design)


def test_save_of_a_commented_design_is_deterministic():
    design = parse_design(ISSUE_12)
    first = saved_text(design)
    assert saved_text(parse_design(first)) == first
    assert saved_text(design) == first  # save → save: identical


# -- property: comments everywhere, any edit ------------------------------------------------

comment_body = st.text(
    st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x85\ufeff"),
    max_size=8,
)


@st.composite
def comment_lines(draw: st.DrawFn, tags: list[int]) -> list[str]:
    out = []
    for kind in draw(st.lists(st.sampled_from(["#", "#", ""]), max_size=3)):
        if kind:
            tags.append(len(tags))
            out.append(f"# c{len(tags) - 1}.{draw(comment_body)}")
        else:
            out.append("")
    return out


@st.composite
def some_comments(draw: st.DrawFn, keys: list[str], ends: list[str], tags: list[int]) -> Any:
    if not draw(st.booleans()):
        return None
    notes = Comments()
    for key in draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)):
        notes.above[key] = draw(comment_lines(tags))
    for key in draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)):
        tags.append(len(tags))
        gap = draw(st.sampled_from([" ", "  ", "   ", "\t"]))
        notes.eol[key] = f"{gap}# c{len(tags) - 1}.{draw(comment_body)}"
    for key in draw(st.lists(st.sampled_from(ends), max_size=2, unique=True)):
        notes.end[key] = draw(comment_lines(tags))
    return notes


TOP_KEYS = ["cuecraft", "title", "client", "venue", "language", "theme", *SECTIONS]
THEME_KEYS = ["name", "tagline", "storyline", "motifs", "avoid", "realms"]
ITEM_KEYS = ["", "id", "name", "text", "at", "sees", "phase", "polarity", "motifs", "remedy"]


@st.composite
def commented_designs(draw: st.DrawFn) -> Design:
    design: Design = draw(designs())
    tags: list[int] = []
    extra = list(design.extra)
    design.comments = draw(some_comments(TOP_KEYS + extra, ["", *SECTIONS], tags))
    theme = design.theme
    theme.comments = draw(some_comments(THEME_KEYS + list(theme.extra), [""], tags))
    for item in design.items():
        item.comments = draw(some_comments(ITEM_KEYS + list(item.extra), [""], tags))
    design.newline = draw(st.sampled_from(["\n", "\r\n"]))
    design.bom = draw(st.booleans())
    return design


TAG = re.compile(r"# (c\d+)\.")


def tags_in(text: str) -> Counter[str]:
    return Counter(TAG.findall(text))


def tags_of(notes: Comments | None) -> Counter[str]:
    if notes is None:
        return Counter()
    lines = [*notes.eol.values()]
    for group in (*notes.above.values(), *notes.end.values()):
        lines.extend(group)
    return Counter(tag for line in lines for tag in TAG.findall(line))


def item_block(text: str, item_id: str, dash: str) -> str:
    """An item's lines: the comments above its `- `, its keys, their comments."""
    lines = text.split("\n")
    at = next(
        n for n, line in enumerate(lines) if re.fullmatch(re.escape(dash) + r"(\s+#.*)?", line)
    )
    start = at
    while start > 0 and (lines[start - 1].startswith("  #") or lines[start - 1] == ""):
        start -= 1
    stop = at + 1
    while stop < len(lines):
        line = lines[stop]
        if line.startswith("    ") or (line == "" and _deeper_follows(lines, stop)):
            stop += 1
        else:
            break
    return "\n".join(lines[start:stop])


def _deeper_follows(lines: list[str], at: int) -> bool:
    for line in lines[at:]:
        if line:
            return line.startswith("    ")
    return False


@st.composite
def a_valid_edit(draw: st.DrawFn, design: Design) -> Any:
    ids = list(design.index())
    kinds = ["title", "add"] + (["set", "set", "remove", "rename", "move"] if ids else [])
    kind = draw(st.sampled_from(kinds))
    words = st.text(st.characters(categories=("L", "N", "Zs")), min_size=1, max_size=10)
    if kind == "title":
        return SetField("design", draw(st.sampled_from(["title", "client"])), draw(words))
    if kind == "add":
        new = draw(slug.filter(lambda s: s not in ids))
        return AddItem("cues", Cue(new, draw(words)), draw(st.none() | st.just(0)))
    target = draw(st.sampled_from(ids))
    item = find(design, target)
    if kind == "set":
        field = "name" if hasattr(item, "name") else "text"
        if isinstance(item, Cue):
            field = draw(st.sampled_from(["text", "remedy", "motifs"]))
        value: Any = draw(words)
        if field == "motifs":
            value = draw(st.lists(words, max_size=2))
        elif field == "remedy":
            value = draw(st.none() | words)
        return SetField(target, field, value)
    if kind == "remove":
        return RemoveItem(target, draw(st.booleans()))
    if kind == "rename":
        return RenameId(target, draw(slug.filter(lambda s: s not in ids)))
    section = next(s for s in SECTIONS if item in getattr(design, s))
    index = draw(st.integers(0, len(getattr(design, section)) - 1))
    return Batch([RemoveItem(target, unlink=False), AddItem(section, item, index)])


def dash_line(item_id: str) -> str:
    from cuecraft.core.yaml_scalars import scalar

    return f"  - id: {scalar(item_id)}"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented_designs(), st.data())
def test_comments_everywhere_survive_load_edit_save(design, data):
    written = saved_text(design).encode("utf-8")
    assert written.startswith(b"\xef\xbb\xbf") == design.bom
    assert (b"\r\n" in written) == (design.newline == "\r\n")
    # Every comment of the design is in the file, and found again where it was.
    every = tags_of(design.comments) + tags_of(design.theme.comments)
    for item in design.items():
        every += tags_of(item.comments)
    assert tags_in(written.decode("utf-8")) == every
    loaded = parse_design(written)
    assert loaded == design
    assert (loaded.newline, loaded.bom) == (design.newline, design.bom)
    assert saved_text(loaded).encode("utf-8") == written

    before = saved_text(loaded).replace("\r\n", "\n").removeprefix("\ufeff")
    edit = data.draw(a_valid_edit(loaded), label="edit")
    removed = Counter[str]()
    if isinstance(edit, RemoveItem):
        removed = tags_of(find(loaded, edit.item_id).comments)
    notes_before = {item.id: copy.deepcopy(item.comments) for item in loaded.items()}
    try:
        change = edit.apply(loaded)
    except EditError:  # e.g. a move of an item whose text the rules would not let in now
        reject()
    after_bytes = saved_text(loaded).encode("utf-8")
    again = parse_design(after_bytes)
    assert again == loaded
    assert (again.newline, again.bom) == (design.newline, design.bom)
    assert saved_text(again).encode("utf-8") == after_bytes  # save → load → save: same bytes
    after = after_bytes.decode("utf-8").replace("\r\n", "\n").removeprefix("\ufeff")
    # Exactly the removed item's comments are gone; the others are all there.
    assert tags_in(after) == tags_in(before) - removed
    for item in loaded.items():
        if item.id in change.ids:
            continue
        # An untouched item: its lines, comments included, byte for byte. Blank lines
        # right above its `- ` are left out: the blank line a left-out key of the item
        # before kept ends that item, and reads back as that item's (`again == loaded`).
        dash = dash_line(item.id)
        assert item_block(after, item.id, dash).lstrip("\n") == (
            item_block(before, item.id, dash).lstrip("\n")
        )
    if isinstance(edit, RenameId):
        renamed = find(again, edit.new_id)
        assert tags_of(renamed.comments) == tags_of(notes_before[edit.old_id])
    if isinstance(edit, Batch):  # a move: the comments went along
        moved = edit.edits[0].item_id  # type: ignore[attr-defined]
        assert tags_of(find(again, moved).comments) == tags_of(notes_before[moved])


def test_a_zone_added_by_hand_in_code_has_no_comments_and_saves():
    design = parse_design(ISSUE_12)
    AddItem("zones", Zone("annex", "Annex")).apply(design)
    text = dump_design(design)
    assert text.count("# TODO") == 1 and "  - id: annex\n    name: Annex\n" in text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs(), st.data())
def test_comments_put_anywhere_by_hand_are_never_lost(design, data):
    """Comment and blank lines dropped in anywhere, at any indentation, and comments at
    the end of any line: if the file still reads as the same design (they were not
    inside a text), a save keeps every one of them and the next save changes nothing."""
    lines = dump_design(design).split("\n")[:-1]
    tags = Counter[str]()
    for number in range(data.draw(st.integers(1, 6), label="how many")):
        at = data.draw(st.integers(1, len(lines)), label="where")
        kind = data.draw(st.sampled_from(["line", "line", "end", "blank"]), label="kind")
        if kind == "blank":
            lines.insert(at, "")
            continue
        tags[f"c{number}"] += 1
        if kind == "end":
            lines[at - 1] += data.draw(st.sampled_from([" ", "  ", "\t"])) + f"# c{number}."
        else:
            lines.insert(at, " " * data.draw(st.integers(0, 9)) + f"# c{number}. note")
    text = "\n".join(lines) + "\n"
    try:
        loaded = parse_design(text)
    except Exception:
        reject()
    if loaded != design:
        reject()  # a line went into a text (a block scalar): not a comment
    saved = dump_design(loaded)
    assert tags_in(saved) == tags
    again = parse_design(saved)
    assert again == design
    assert dump_design(again) == saved
