"""Stage the service: the blueprint rules BLU001–BLU004 on minimal designs."""

from __future__ import annotations

import pytest


def _kitchen(draft, **action):
    """A back-of-house zone nobody sees, and one action of the given fields."""
    draft.add("zones", id="kitchen", name="Kitchen")
    fields = {"id": "boil", "text": "Boil the water", "lane": "backstage", "at": ["tasting"]}
    fields.update(action)
    return draft.add("actions", **fields)


# -- BLU001: never take the head off in front of guests --------------------------------


@pytest.mark.parametrize("lane", ["backstage", "support"])
def test_blu001_hidden_work_in_a_zone_guests_are_in(draft, summarize, where, lane):
    _kitchen(draft, lane=lane, zone="pavilion")
    found = draft.findings()
    assert summarize(found) == [("BLU001", "error", ("boil", "pavilion"))]
    assert (found[0].line, found[0].column) == where(draft.text, "id: boil")
    assert "pavilion" in found[0].message
    assert found[0].fields == ("zone", "lane")


def test_blu001_hidden_work_in_a_zone_that_only_sees_a_guest_zone(draft, summarize):
    draft.add("zones", id="pass", name="The pass")
    draft["pavilion"]["sees"] = ["pass"]  # guests in the pavilion see the pass
    _kitchen(draft, zone="pass")
    found = draft.findings()
    assert summarize(found) == [("BLU001", "error", ("boil", "pass"))]
    assert "pavilion" in found[0].message  # where guests see it from


def test_blu001_sees_written_on_the_hidden_side_holds_too(draft, summarize):
    draft.add("zones", id="pass", sees=["garden"])
    _kitchen(draft, zone="pass")
    assert summarize(draft.findings()) == [("BLU001", "error", ("boil", "pass"))]


def test_blu001_quiet_out_of_sight(draft):
    _kitchen(draft, zone="kitchen")
    assert draft.findings() == []


def test_blu001_quiet_for_frontstage_in_front_of_guests(draft):
    _kitchen(draft, lane="frontstage", zone="pavilion", owner="tea-team", minutes=3)
    assert draft.findings() == []


def test_blu001_quiet_without_a_zone(draft):
    _kitchen(draft)  # where it happens is not said: nothing to judge
    assert draft.findings() == []


def test_blu001_a_zone_without_touchpoints_nobody_sees_is_backstage(draft):
    draft.add("zones", id="office")
    _kitchen(draft, zone="office")
    assert draft.findings() == []


# -- BLU002: a fail point without recovery ---------------------------------------------


def test_blu002_fail_without_recovery(draft, summarize, where):
    _kitchen(draft, zone="kitchen", fail="The kettle is cold")
    found = draft.findings()
    assert summarize(found) == [("BLU002", "warning", ("boil",))]
    assert (found[0].line, found[0].column) == where(draft.text, "id: boil")
    assert found[0].fields == ("recovery",)


def test_blu002_blank_recovery_counts_as_none(draft, summarize):
    _kitchen(draft, zone="kitchen", fail="The kettle is cold", recovery="  ")
    assert summarize(draft.findings()) == [("BLU002", "warning", ("boil",))]


def test_blu002_quiet_with_recovery(draft):
    _kitchen(draft, zone="kitchen", fail="The kettle is cold", recovery="Serve a cold brew")
    assert draft.findings() == []


def test_blu002_quiet_without_fail_point(draft):
    _kitchen(draft, zone="kitchen", recovery="Serve a cold brew")
    assert draft.findings() == []


# -- BLU003: strict control -------------------------------------------------------------


def _front(draft, **fields):
    base = {"id": "pour", "text": "Pour the tea", "lane": "frontstage", "at": ["tasting"]}
    base.update(fields)
    return draft.add("actions", **base)


def test_blu003_frontstage_without_owner(draft, summarize):
    _front(draft, minutes=5)
    found = draft.findings()
    assert summarize(found) == [("BLU003", "warning", ("pour",))]
    assert found[0].fields == ("owner",)


def test_blu003_frontstage_without_minutes(draft, summarize):
    _front(draft, owner="tea-master")
    found = draft.findings()
    assert summarize(found) == [("BLU003", "warning", ("pour",))]
    assert found[0].fields == ("minutes",)


def test_blu003_frontstage_without_either_is_one_finding(draft, summarize):
    _front(draft)
    found = draft.findings()
    assert summarize(found) == [("BLU003", "warning", ("pour",))]
    assert found[0].fields == ("owner", "minutes")


def test_blu003_quiet_with_owner_and_minutes(draft):
    _front(draft, owner="tea-master", minutes=0)  # zero minutes is a standard time too
    assert draft.findings() == []


def test_blu003_quiet_backstage(draft):
    _kitchen(draft, zone="kitchen")  # no owner, no minutes: not checked behind the line
    assert draft.findings() == []


# -- BLU004: an empty wait --------------------------------------------------------------


def test_blu004_wait_of_10_with_1_positive_cue(draft, summarize, where):
    draft["invite"]["wait"] = 10  # only the letter is present at the invitation
    found = draft.findings()
    assert summarize(found) == [("BLU004", "warning", ("invite",))]
    assert (found[0].line, found[0].column) == where(draft.text, "id: invite")
    assert "10" in found[0].message


def test_blu004_quiet_at_9_minutes(draft):
    draft["invite"]["wait"] = 9
    assert draft.findings() == []


def test_blu004_quiet_at_10_minutes_with_2_positive_cues(draft):
    draft["arrive"]["wait"] = 10  # lanterns and birdsong are present in the garden
    assert draft.findings() == []


def test_blu004_negative_and_eliminated_cues_do_not_fill_a_wait(draft, summarize):
    draft["farewell"]["wait"] = 30  # the shop: lanterns (positive) and traffic (negative)
    assert summarize(draft.findings()) == [("BLU004", "warning", ("farewell",))]
    draft.add("cues", id="tasting-cup", text="A tasting cup", motifs=["tea"], at=["farewell"],
              senses=["taste"])  # fmt: skip
    assert draft.findings() == []


def test_blu004_wait_of_0_with_no_cue_is_quiet(draft):
    draft["invite"]["wait"] = 0
    assert draft.findings() == []


# -- references of the blueprint ---------------------------------------------------------


def test_actions_references_are_checked(draft, summarize):
    _kitchen(draft, at=["tasting", "kitchen"], zone="tasting", needs=["boil", "kettle"])
    assert sorted(summarize(draft.findings())) == [
        ("REF001", "error", ("boil", "kettle")),
        ("REF001", "error", ("boil", "kitchen")),
        ("REF001", "error", ("boil", "tasting")),
    ]


def test_a_touchpoint_is_not_an_action(draft):
    _kitchen(draft, zone="kitchen", needs=["tasting"])
    [found] = draft.findings()
    assert found.code == "REF001"
    assert "action" in found.message


def test_an_action_without_lane_is_refused_with_its_location(draft):
    from cuecraft.core.fileformat import DesignLoadError, parse_design

    draft.add("actions", id="x", text="Something")
    with pytest.raises(DesignLoadError) as caught:
        parse_design(draft.text)
    assert any("lane" in str(problem) for problem in caught.value.problems)
