"""The Blueprint tab: core's grid drawn as a person reads a service blueprint.

Each test writes a design to a file, opens it as the workbench does and looks at
the drawing: columns in the one journey order, rows from the evidence down to the
support processes, the three lines named, fail and wait points marked, needs drawn,
selection both ways, and the drawing following edits and undo.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem, QGraphicsRectItem

from cuecraft.core.edits import AddItem, SetField
from cuecraft.core.fileformat import load_design
from cuecraft.core.model import Action
from cuecraft.gui.document import Document
from cuecraft.gui.views.blueprint_items import ColumnHead, TextItem
from cuecraft.gui.views.blueprint_view import BlueprintView

CAFE = """\
cuecraft: 1
title: Storm café
theme: {name: Into the rainforest, motifs: [rain]}
zones:
  - {id: hall, name: Dining hall}
  - {id: bar-zone, name: Volcano bar}
  - {id: kitchen-zone, name: Kitchen}
touchpoints:
  - {id: arrive, name: Arrive at the arch, phase: before, zone: hall, next: [check-in]}
  - {id: check-in, name: Check in with the guide, phase: before, zone: hall,
     next: [shop, bar]}
  - {id: shop, name: Browse the village, phase: during, zone: hall, next: [dine]}
  - {id: bar, name: Wait at the volcano bar, phase: during, zone: bar-zone, wait: 20,
     next: [dine]}
  - {id: dine, name: Dine under the storm, phase: during, zone: hall, next: [leave]}
  - {id: leave, name: Leave with a passport, phase: after, zone: hall, next: [arrive]}
cues:
  - {id: mist, text: Fine mist drifts over the tables, motifs: [rain], senses: [touch],
     at: [hall]}
  - {id: drums, text: Rain drums on the canopy, motifs: [rain], senses: [sound],
     at: [hall, bar-zone]}
  - {id: frogs, text: Frogs croak in the reeds, motifs: [rain], senses: [sound], at: [hall]}
  - {id: glow, text: Green glow on the ceiling, motifs: [rain], senses: [sight], at: [hall]}
  - {id: smell, text: Wet earth after the rain, motifs: [rain], senses: [smell], at: [hall]}
actions:
  - id: host
    text: Host greets the party and hands over the pager
    lane: frontstage
    at: [check-in]
    owner: front of house
    minutes: 2
    tolerance: 1
    fail: The pager battery is flat
    recovery: Walk the party to the table in character
    needs: [plan]
  - id: plan
    text: Keep the table plan up to date
    lane: backstage
    at: [check-in]
    zone: kitchen-zone
    owner: reservations
  - id: walk
    text: Guide walks the party to the table
    lane: frontstage
    at: [dine, leave]
  - id: kitchen
    text: Kitchen fires the order
    lane: backstage
    at: [dine]
    zone: kitchen-zone
  - id: booking
    text: Booking system sends the passport
    lane: support
    at: [arrive]
  - id: training
    text: Train the staff in character
    lane: support
"""


def open_design(tmp_path: Path, text: str = CAFE) -> Document:
    path = tmp_path / "cafe.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return Document(load_design(path), path)


@pytest.fixture
def doc(tmp_path) -> Document:
    return open_design(tmp_path)


def shown(qtbot, view: BlueprintView, width: int = 1200, height: int = 800) -> BlueprintView:
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


def rect(view: BlueprintView, item_id: str):
    card = view.scene().card(item_id)
    assert card is not None, item_id
    return card.sceneBoundingRect()


def test_columns_follow_the_journey_order_and_a_branch_reads_as_branches(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    order = doc.result.graph.journey_order
    xs = [rect(view, tp).left() for tp in order]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    # Both ways on after check-in are there, each with an arrow from the branch point.
    scene = view.scene()
    assert ("check-in", "shop") in scene.flow_pairs
    assert ("check-in", "bar") in scene.flow_pairs
    assert ("shop", "dine") in scene.flow_pairs and ("bar", "dine") in scene.flow_pairs
    assert ("leave", "arrive") in scene.return_pairs
    # The column headings name the steps (numbered in that order), never by id.
    heads = sorted(
        (i for i in scene.items() if isinstance(i, ColumnHead) and i.number),
        key=lambda i: i.pos().x(),
    )
    assert [h.number for h in heads] == [str(n) for n in range(1, len(order) + 1)]
    assert heads[0].lines == ["Arrive at the arch"]
    assert view.scene().card("check-in").lines == ["Check in with the guide"]


def test_cards_stand_in_their_lanes_rows(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    ys = [rect(view, i).center().y() for i in ("mist", "check-in", "host", "plan", "booking")]
    assert ys == sorted(ys) and len(set(ys)) == 5
    rows = view.scene().rows
    tops = [rows[r][0] for r in ("evidence", "customer", "frontstage", "backstage", "support")]
    assert tops == sorted(tops)
    for item_id, row in (("host", "frontstage"), ("plan", "backstage"), ("booking", "support")):
        top, bottom = rows[row]
        assert top <= rect(view, item_id).center().y() <= bottom
    # An action sits in the column of the step it serves.
    assert abs(rect(view, "host").left() - rect(view, "check-in").left()) < 1


def test_the_three_lines_are_drawn_between_their_rows_and_named(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    scene = view.scene()
    rows = scene.rows
    between = {
        "interaction": ("customer", "frontstage"),
        "visibility": ("frontstage", "backstage"),
        "internal": ("backstage", "support"),
    }
    for name, (above, below) in between.items():
        assert rows[above][1] <= scene.line_y[name] <= rows[below][0]
    assert scene.band is not None
    labels = [label for _name, _y, label in scene.band.lines]
    assert labels == ["Line of interaction", "Line of visibility", "Line of internal interaction"]
    headings = [" ".join(lines) for _row, _t, _b, lines in scene.band.rows]
    assert headings[:2] == ["Physical evidence", "Customer actions"]


def test_fail_and_wait_points_are_marked(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    scene = view.scene()
    assert ("fail", "host", "F") in scene.marks()
    assert ("wait", "bar", "W 20 min") in scene.marks()
    assert [m for m in scene.marks() if m[1] not in ("host", "bar")] == []
    fail = next(m for m in scene.card("host").marks if m.kind == "fail")
    assert "The pager battery is flat" in fail.toolTip()
    assert "Walk the party to the table in character" in fail.toolTip()
    assert scene.card("host").meta == "front of house · 2 ± 1 min"


def test_needs_are_arrows_from_the_needed_action(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    scene = view.scene()
    assert scene.needs_pairs == [("host", "plan")]
    plan, host = rect(view, "plan"), rect(view, "host")
    ends = []
    for item in scene.items():
        if isinstance(item, QGraphicsPathItem) and item.path().elementCount() >= 4:
            path = item.path()
            first = path.elementAt(0)
            last = path.elementAt(3)
            ends.append((QPointF(first.x, first.y), QPointF(last.x, last.y)))
    # plan (backstage, below) up to host (frontstage): leaves plan's top, ends at host's bottom.
    assert any(abs(a.y() - plan.top()) < 6 and abs(b.y() - host.bottom()) < 6 for a, b in ends), (
        ends
    )


def test_an_action_spans_its_run_of_steps_and_one_serving_none_has_a_last_column(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    walk = rect(view, "walk")
    assert walk.left() <= rect(view, "dine").left() + 1
    assert walk.right() >= rect(view, "leave").right() - 1
    training = rect(view, "training")
    assert training.left() > max(rect(view, t).right() for t in doc.result.graph.journey_order)
    heads = [i for i in view.scene().items() if isinstance(i, ColumnHead) and not i.number]
    assert [h.lines for h in heads] == [["Serves no step"]]
    assert abs(heads[0].pos().x() - training.left()) < 4


def test_evidence_is_cut_to_a_few_cues_per_step(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    scene = view.scene()
    left = rect(view, "arrive").left()
    chips = [
        c
        for c in scene.cards()
        if c.row == "evidence" and abs(c.sceneBoundingRect().left() - left) < 1
    ]
    assert len(chips) == 3  # five cues are present in the hall
    assert {c.item_id for c in chips} <= {"mist", "drums", "frogs", "glow", "smell"}
    texts = [" ".join(i.lines) for i in scene.items() if type(i).__name__ == "TextItem"]
    assert "+2 more" in texts


def test_clicking_a_card_selects_its_item(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    for item_id in ("host", "check-in", "booking"):
        point = view.card_point(item_id)
        qtbot.mouseClick(view.canvas().viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert doc.selected == item_id
        assert view.scene().selected_ids() == {item_id}


def test_a_selection_made_elsewhere_highlights_and_scrolls_to_the_card(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc), width=520, height=360)
    assert not view.is_in_view("training")  # the last column, far to the right
    doc.select("training")  # as the outline or a BLU finding does
    assert view.scene().card("training").selected
    assert view.is_in_view("training")
    doc.select("plan")
    assert view.scene().selected_ids() == {"plan"}
    assert not view.scene().card("training").selected


def test_a_blu_finding_rings_its_action(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    # BLU003: the frontstage "walk" has neither owner nor standard time.
    assert any(f.code == "BLU003" and f.ids[0] == "walk" for f in doc.result.findings)
    assert view.scene().card("walk").severity == "warning"
    assert "BLU003" in view.scene().card("walk").toolTip()


def test_the_drawing_follows_edits_and_undo(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    assert view.scene().card("host").lines[0].startswith("Host greets the party")
    assert doc.push(SetField("host", "text", "Host sings the welcome song")) is None
    doc.flush()
    assert " ".join(view.scene().card("host").lines) == "Host sings the welcome song"
    doc.undo_stack.undo()
    doc.flush()
    assert view.scene().card("host").lines[0].startswith("Host greets the party")


def test_adding_an_action_draws_it_in_its_lane(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    lights = Action("lights", "Dim the lights", "backstage", ["dine"])
    assert doc.push(AddItem("actions", lights)) is None
    doc.flush()
    drawn = rect(view, "lights")
    top, bottom = view.scene().rows["backstage"]
    assert top <= drawn.center().y() <= bottom
    assert abs(drawn.left() - rect(view, "dine").left()) < 1
    doc.undo_stack.undo()
    doc.flush()
    assert view.scene().card("lights") is None


def test_a_design_without_actions_shows_the_grid_and_how_to_add_one(qtbot, tmp_path):
    text = CAFE.split("actions:")[0]
    doc = open_design(tmp_path, text)
    view = shown(qtbot, BlueprintView(doc))
    scene = view.scene()
    assert scene.hint_item is not None
    hint = " ".join(scene.hint_item.lines)
    assert "Action (blueprint)" in hint and "Ctrl+Shift+B" in hint
    assert list(scene.rows) == ["evidence", "customer", "frontstage", "backstage", "support"]
    assert set(scene.line_y) == {"interaction", "visibility", "internal"}
    assert scene.card("arrive") is not None


def test_zoom_buttons_and_fit(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc), width=600, height=400)
    before = view.scale()
    view.zoom_by(1.25)
    assert view.scale() == pytest.approx(before * 1.25)
    view.fit()
    shown_rect = view.canvas().mapToScene(view.canvas().viewport().rect()).boundingRect()
    assert shown_rect.contains(view.scene().sceneRect().adjusted(2, 2, -2, -2))


def test_row_headings_stay_at_the_left_edge_when_scrolled(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc), width=500, height=400)
    bar = view.canvas().horizontalScrollBar()
    bar.setValue(bar.maximum())
    left = view.canvas().mapToScene(0, 0).x()
    assert left > 100
    assert view.scene().band.pos().x() == pytest.approx(left, abs=1)


def test_closing_a_scrolled_blueprint_raises_nothing(qtbot, doc):
    """A view deleted while scrolled (a window closing, a document replaced): its scene
    goes first, the canvas then scrolls back and pins the row headings; that must not
    reach for the deleted heading band (pytest-qt fails on exceptions in the event loop)."""
    import shiboken6

    view = BlueprintView(doc)
    view.resize(500, 400)
    view.show()
    qtbot.waitExposed(view)
    bar = view.canvas().horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    view.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view))


def test_the_window_has_a_blueprint_tab_after_the_journey(qtbot, tmp_path, monkeypatch):
    from cuecraft.gui.app import create_window

    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "cafe.yaml"
    path.write_text(CAFE, encoding="utf-8")
    window = create_window(str(path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.tabs.count() >= 4, timeout=5000)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:2] == ["Journey", "Blueprint"]
    assert isinstance(window.view_at(1), BlueprintView)


def test_a_language_change_redraws_the_words(qtbot, doc):
    from cuecraft.core.i18n import _, set_language

    view = shown(qtbot, BlueprintView(doc))

    def texts():
        return [" ".join(i.lines) for i in view.scene().items() if type(i).__name__ == "TextItem"]

    assert "+2 more" in texts()
    set_language("pl")
    try:
        polish = _("+{n} more").format(n=2)
        assert polish != "+2 more"  # the catalog has it
        view.retranslate()
        assert polish in texts() and "+2 more" not in texts()
    finally:
        set_language("en")
    view.retranslate()
    assert "+2 more" in texts()


def test_a_blank_design_draws_the_empty_grid(qtbot, tmp_path):
    doc = open_design(tmp_path, "cuecraft: 1\ntitle: T\ntheme: {name: N}\n")
    view = shown(qtbot, BlueprintView(doc))
    scene = view.scene()
    assert scene.hint_item is not None
    assert scene.cards() == [] and scene.grid is not None and scene.grid.width == 0
    assert view.summary().startswith("0 steps")


def drawn(view: BlueprintView) -> tuple[object, ...]:
    """Everything the blueprint shows: each card's words, ring, tooltip and place, the
    column heads, the "+N more" notes and their tooltips, the marks."""
    scene = view.scene()
    cards = sorted(
        (
            c.item_id,
            c.row,
            c.ghost,
            tuple(c.lines),
            c.meta,
            c.severity,
            c.toolTip(),
            round(c.scenePos().x()),
            round(c.scenePos().y()),
            c.rect.height(),
            tuple((m.kind, m.text, m.toolTip(), round(m.pos().x())) for m in c.marks),
        )
        for c in scene.cards()
    )
    items = scene.items()
    heads = sorted(
        (round(i.scenePos().x()), tuple(i.lines), i.sub) for i in items if isinstance(i, ColumnHead)
    )
    notes = sorted((tuple(i.lines), i.toolTip()) for i in items if isinstance(i, TextItem))
    return cards, heads, notes, sorted(scene.marks()), framed(view)


def framed(view: BlueprintView) -> tuple[object, ...]:
    """Where the rows, lines, arrows and headings stand, and the drawing's size."""
    scene = view.scene()
    paths = sorted(
        (
            round(i.zValue()),
            tuple(
                (e.type, round(e.x, 1), round(e.y, 1))
                for e in (i.path().elementAt(k) for k in range(i.path().elementCount()))
            ),
        )
        for i in scene.items()
        if isinstance(i, QGraphicsPathItem)
    )
    areas = sorted(
        (round(r.rect().top(), 1), round(r.rect().bottom(), 1), round(r.rect().right(), 1))
        for r in scene.items()
        if isinstance(r, QGraphicsRectItem)
    )
    lines = sorted(
        (round(i.line().y1(), 1), round(i.line().x2(), 1))
        for i in scene.items()
        if isinstance(i, QGraphicsLineItem)
    )
    band = scene.band
    assert band is not None
    return (
        scene.rows,
        scene.line_y,
        paths,
        areas,
        lines,
        band.rows,
        band.lines,
        band.boundingRect(),
        scene.sceneRect(),
    )


def test_typed_words_change_in_place_as_a_fresh_drawing_says_them(qtbot, doc):
    # At 10,000 cues drawing the whole blueprint again took 0.6 s a key.
    view = shown(qtbot, BlueprintView(doc))
    before = view.scene().cards()
    smell = "Wet earth after the rain, and moss"
    for edit in (
        SetField("mist", "text", "Fine mist drifts over every table", merge=True),
        SetField("smell", "text", smell, merge=True),  # counted in "+2 more", named in its tip
        SetField("arrive", "name", "Arrive at the gate", merge=True),
        SetField("arrive", "name", "Arrive at the gate under the banyan tree in the mist"),
        SetField("arrive", "name", "Arrive", merge=True),  # a name has room for two lines
        SetField("kitchen-zone", "name", "Open kitchen", merge=True),  # in action tooltips
        SetField("host", "text", "Host greets the party, hands over a pager", merge=True),
        SetField("host", "owner", "host team", merge=True),
        SetField("host", "minutes", 3),
        SetField("plan", "minutes", 4),  # beside its owner: the same line
        SetField("bar", "wait", 5),  # its W mark says 5 min
        SetField("bar", "wait", 45),
        SetField("host", "fail", "The pager battery is flat again", merge=True),  # F's tip
        SetField("host", "recovery", "Walk them to the table", merge=True),
        SetField("host", "owner", None),  # BLU003: a ring and the finding in its tooltip
        SetField("walk", "text", "Guide walks them to the table", merge=True),  # and its ghost
        # An action's card growing and shrinking: the lanes stand again around it.
        SetField("walk", "owner", "guides"),  # a line of owner and times under its words
        SetField(
            "host",
            "text",
            "Host greets the party at the gate, hands over a frog pager "
            "and tells them about the storm that comes every twenty minutes",
            merge=True,
        ),
        SetField("host", "text", "Host greets the party", merge=True),
        SetField("walk", "owner", None),
        # Marks coming and going: the W of a wait point, the F of a fail point.
        SetField("arrive", "wait", 10),
        SetField("bar", "wait", None),
        SetField("host", "fail", None),
        SetField("walk", "fail", "The guide is busy", merge=True),
        SetField("host", "fail", "The pager is lost", merge=True),
        SetField("arrive", "wait", None),
        SetField("bar", "wait", 25),
    ):
        assert doc.push(edit) is None
        doc.flush()
        assert view.scene().cards() == before, edit  # the same cards: nothing laid out again
        fresh = shown(qtbot, BlueprintView(doc))
        assert drawn(view) == drawn(fresh), edit
        assert view.summary() == fresh.summary(), edit
    assert view.scene().card("host").severity == "warning"
    assert "BLU003" in view.scene().card("host").toolTip()
    assert any(smell in tip for _lines, tip in drawn(view)[2])


def test_what_moves_on_the_grid_draws_it_again(qtbot, doc):
    view = shown(qtbot, BlueprintView(doc))
    for edit in (
        SetField("walk", "lane", "backstage"),  # another lane
        SetField("plan", "at", ["arrive"]),  # another step
        SetField("host", "needs", []),  # an arrow goes
    ):
        before = view.scene().cards()
        assert doc.push(edit) is None
        doc.flush()
        assert drawn(view) == drawn(shown(qtbot, BlueprintView(doc))), edit
        assert view.scene().cards() != before, edit
