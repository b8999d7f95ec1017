"""The blueprint in the file: actions and waits load, save byte for byte, keep comments,
and lay out as one grid in the journey order of the core (SPEC §2.1)."""

from __future__ import annotations

import pytest

from cuecraft.core.blueprint import CUSTOMER, EVIDENCE, ROWS, blueprint
from cuecraft.core.edits import RemoveItem, RenameId
from cuecraft.core.fileformat import DesignLoadError, parse_design
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Action
from cuecraft.core.writer import dump_design

BLUEPRINT = """\
cuecraft: 1
title: Hotpot
theme:
  name: Service as the show
  motifs: [care]
zones:
  - id: lobby
  - id: hall
  - id: kitchen
touchpoints:
  - id: queue
    name: Wait for a table
    phase: before
    zone: lobby
    next: [seat]
    wait: 40                 # a long wait, filled
  - id: seat
    phase: during
    zone: hall
    next: [noodles, soup]
  - id: noodles
    phase: during
    zone: hall
    next: [pay]
  - id: soup
    phase: during
    zone: hall
    next: [pay]
  - id: pay
    phase: after
    zone: hall
cues:
  - id: snacks
    text: Free fruit while you wait
    polarity: positive
    motifs: [care]
    at: [lobby]
layers: []
souvenirs: []
actions:
  # the crew that fills the wait
  - id: manicure
    text: Offer a free manicure
    lane: frontstage
    at: [queue]
    zone: lobby
    owner: waiting-crew      # answers for it
    minutes: 15
    tolerance: 5
    fail: No manicurist free
    recovery: Offer a shoulder massage instead
    needs: [queue-app]
  - id: broth
    text: Prepare the broth
    lane: backstage
    at: [seat, noodles, soup, queue]
    zone: kitchen
  - id: queue-app
    text: Queue app texts when the table is ready
    lane: support
  - id: dance
    text: Noodle dance at the table
    lane: frontstage
    at: [noodles]
    x-song: Zhou Xuan
"""


def test_actions_load_with_every_field():
    design = parse_design(BLUEPRINT)
    manicure = design.actions[0]
    assert manicure == Action(
        "manicure", "Offer a free manicure", "frontstage", ["queue"], "lobby", "waiting-crew",
        15, 5, "No manicurist free", "Offer a shoulder massage instead", ["queue-app"],
    )  # fmt: skip
    assert design.touchpoints[0].wait == 40
    assert design.actions[3].extra == {"x-song": "Zhou Xuan"}
    assert [a.lane for a in design.actions] == ["frontstage", "backstage", "support", "frontstage"]


def test_actions_round_trip_byte_for_byte_with_comments():
    design = parse_design(BLUEPRINT)
    assert dump_design(design) == BLUEPRINT
    assert parse_design(dump_design(design)) == design


def test_a_file_without_actions_saves_without_the_key():
    text = BLUEPRINT.split("actions:")[0].replace(
        "    wait: 40                 # a long wait, filled\n", ""
    )
    design = parse_design(text)
    assert "actions" not in dump_design(design)
    assert "    wait:" not in dump_design(design)
    assert dump_design(design) == text


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (("    minutes: 15\n", "    minutes: soon\n"), "actions[0].minutes"),
        (("    minutes: 15\n", "    minutes: -1\n"), "actions[0].minutes"),
        (("    lane: support\n", "    lane: backstag\n"), "actions[2].lane"),
        (("    wait: 40 ", "    wait: 1441 "), "touchpoints[0].wait"),
        (("    owner: waiting-crew", "    owners: waiting-crew"), "actions[0]"),
    ],
)
def test_bad_blueprint_values_are_refused_with_their_place(change, path):
    with pytest.raises(DesignLoadError) as caught:
        parse_design(BLUEPRINT.replace(*change))
    [problem] = caught.value.problems
    assert problem.path.startswith(path)
    line = BLUEPRINT.replace(*change).splitlines()[problem.line - 1]
    assert change[1].strip().split(":")[0] in line


def test_action_ids_share_the_one_namespace():
    with pytest.raises(DesignLoadError) as caught:
        parse_design(BLUEPRINT.replace("  - id: dance\n", "  - id: soup\n"))
    assert "soup" in str(caught.value)


def test_renaming_an_action_updates_needs_and_removing_it_drops_them():
    design = parse_design(BLUEPRINT)
    RenameId("queue-app", "table-app").apply(design)
    assert design.actions[0].needs == ["table-app"]
    RemoveItem("table-app", True).apply(design)
    assert design.actions[0].needs == []
    RenameId("kitchen", "back").apply(design)
    assert design.actions[1].zone == "back"


def test_the_grid_follows_the_core_journey_order_through_a_branch():
    design = parse_design(BLUEPRINT)
    graph = DesignGraph(design)
    grid = blueprint(graph)
    assert grid.columns == tuple(graph.journey_order) == ("queue", "seat", "noodles", "soup", "pay")
    # The branch: seat leads to both alternatives, both lead to pay.
    assert set(grid.flow) == {(0, 1), (1, 2), (1, 3), (2, 4), (3, 4)}
    customer = [c for c in grid.cards if c.row == CUSTOMER]
    assert [c.id for c in customer] == list(grid.columns)
    assert customer[0].wait == 40
    assert [c.id for c in grid.cell(EVIDENCE, 0)] == ["snacks"]
    broth = grid.card("broth")
    assert broth is not None
    assert (broth.row, broth.column, broth.last) == ("backstage", 0, 3)  # one run: queue…soup
    dance = grid.card("dance")
    assert dance is not None and (dance.column, dance.last, dance.also) == (2, 2, ())
    manicure = grid.card("manicure")
    assert manicure is not None and manicure.fail
    # The queue app serves no step: it stands in a column of its own, at the end.
    app = grid.card("queue-app")
    assert app is not None and app.column == len(grid.columns) == grid.width - 1
    assert grid.needs == (("manicure", "queue-app"),)
    assert [ROWS.index(c.row) for c in grid.cards] == sorted(ROWS.index(c.row) for c in grid.cards)


def test_an_action_serving_steps_apart_spans_its_run_and_lists_the_rest():
    design = parse_design(BLUEPRINT)
    design.actions[1].at = ["queue", "pay", "seat"]
    grid = blueprint(DesignGraph(design))
    broth = grid.card("broth")
    assert broth is not None and (broth.column, broth.last, broth.also) == (0, 1, (4,))


def test_a_blank_fail_point_is_no_fail_point_anywhere():
    design = parse_design(BLUEPRINT)
    design.actions[3].fail = "   "
    assert not design.actions[3].has_fail_point
    dance = blueprint(DesignGraph(design)).card("dance")
    assert dance is not None and not dance.fail
