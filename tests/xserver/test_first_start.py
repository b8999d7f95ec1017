"""First start on a projector, a laptop and a 4K screen at 200 %: the whole workbench fits.

`cuecraft designs/rainforest-cafe.yaml` with fresh settings, under a real window manager
that draws a title bar and borders (issue 11: the window opened at 1400×900 on a 1024×768
projector, the findings fell below the screen edge, the inspector was cut off).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.xserver.conftest import ROOT, SCREENS

RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"
ENOUGH_FINDINGS = 5


@pytest.fixture(scope="module")
def layouts(run_scenario):  # type: ignore[no-untyped-def]
    """The layout report of a first start, per screen (one workbench start each)."""
    cache: dict[str, dict[str, Any]] = {}

    def layout(screen: str) -> dict[str, Any]:
        if screen not in cache:
            cache[screen] = run_scenario("first_start", screen, RAINFOREST).check_ran()["layout"]
        return cache[screen]

    return layout


def inside(inner: dict[str, int], outer: dict[str, int]) -> bool:
    return (
        inner["left"] >= outer["left"]
        and inner["top"] >= outer["top"]
        and inner["left"] + inner["width"] <= outer["left"] + outer["width"]
        and inner["top"] + inner["height"] <= outer["top"] + outer["height"]
    )


@pytest.mark.parametrize("screen", SCREENS)
def test_the_window_and_its_frame_lie_on_the_screen(layouts, screen):
    layout = layouts(screen)
    width, height, _ = SCREENS[screen]
    # As the X server has it, in device pixels, title bar and borders included.
    assert inside(layout["x_frame"], {"left": 0, "top": 0, "width": width, "height": height}), (
        f"frame {layout['x_frame']} on a {width}×{height} screen"
    )
    # As Qt has it, in logical pixels, within the screen's available area.
    assert inside(layout["frame"], layout["screen"]["available"]), layout


@pytest.mark.parametrize("screen", SCREENS)
def test_the_central_view_keeps_at_least_half_the_width(layouts, screen):
    layout = layouts(screen)
    assert layout["central_width"] >= layout["window"]["width"] / 2, (
        f"central view {layout['central_width']} px of a {layout['window']['width']} px window"
    )


@pytest.mark.parametrize("screen", SCREENS)
def test_every_panel_is_shown_and_the_inspector_is_not_cut_off(layouts, screen):
    layout = layouts(screen)
    for name, dock in layout["docks"].items():
        assert dock["visible"] and not dock["floating"], f"{name}: {dock}"
        assert inside(dock["rect"], layout["screen"]["available"]), f"{name} off screen: {dock}"
        assert inside(dock["rect"], layout["window"]), f"{name} outside the window: {dock}"
    inspector = layout["inspector"]
    assert inspector["width"] >= inspector["minimum_width"], inspector


@pytest.mark.parametrize("screen", SCREENS)
def test_the_findings_panel_shows_at_least_five_findings(layouts, screen):
    findings = layouts(screen)["findings"]
    fits = findings["viewport_height"] // max(1, findings["row_height"])
    assert fits >= ENOUGH_FINDINGS, (
        f"the findings list is {findings['viewport_height']} px high: room for {fits} rows "
        f"of {findings['row_height']} px"
    )
    shown = [
        row["text"]
        for row in findings["rows"]
        if row["finding"] and row["whole"] and row["on_screen"]
    ]
    # The example has fewer than five findings: then every one of them must be in view.
    wanted = min(ENOUGH_FINDINGS, findings["total"])
    assert len(shown) >= wanted, (
        f"{len(shown)} of {findings['total']} findings on the screen without scrolling: "
        f"{findings['rows']}"
    )
