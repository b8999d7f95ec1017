"""The design in the first frame (issue 19): `cuecraft DESIGN` under a real X server and
window manager paints the design's title, outline and journey in its very first frame —
not an empty shell that fills in later."""

from __future__ import annotations

from typing import Any

import pytest

from tests.xserver.conftest import ROOT

RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"


@pytest.fixture(scope="module")
def first(run_scenario: Any) -> dict[str, Any]:
    report: dict[str, Any] = run_scenario("first_frame", "1366x768", RAINFOREST).check_ran()
    return report


def test_the_grab_is_of_the_first_frame(first: dict[str, Any]) -> None:
    # Taken before the first check's findings came in: the widgets were as first painted.
    assert first["frame"]["findings_ready"] is False, first["frame"]


def test_the_first_frame_has_the_design_title(first: dict[str, Any]) -> None:
    painted = first["painted"]
    assert painted["title"].startswith("rainforest-cafe.yaml"), painted
    # The title the window manager shows (on its frame) is the design's already.
    assert "rainforest-cafe.yaml" in painted["x_title"], painted


def test_the_first_frame_has_the_outline_of_the_design(first: dict[str, Any]) -> None:
    rows = first["painted"]["outline_rows"]
    assert rows and "Rainforest" in rows[0], rows  # the design's own entry, by its title
    assert any(row.startswith("Zones") for row in rows), rows
    outline = first["frame"]["outline"]
    # Drawn, not a blank panel: its rows' words cover part of it.
    assert outline is not None, first["frame"]
    assert outline["inked"] > 0.01, outline


def test_the_first_frame_has_the_journey(first: dict[str, Any]) -> None:
    painted = first["painted"]
    assert painted["tab"] == "JourneyView", painted
    assert len(painted["journey_order"]) >= 5, painted
    journey = first["frame"]["journey"]
    assert journey is not None, first["frame"]
    assert journey["inked"] > 0.05, journey
