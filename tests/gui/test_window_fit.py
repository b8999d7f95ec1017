"""The window fits the screen it opens on; the views keep half the width; findings show.

Geometry rules are checked here on the screens people use (as rectangles); the real
window under a real X server and window manager is checked in tests/xserver.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from cuecraft.gui import dialogs, window_fit
from cuecraft.gui.app import create_window
from cuecraft.gui.main_window import settings

ROOT = Path(__file__).resolve().parents[2]
RAINFOREST = ROOT / "designs" / "rainforest-cafe.yaml"

SCREENS = {
    "projector 1024x768": QRect(0, 0, 1024, 768),
    "laptop 1366x768 with a panel": QRect(0, 0, 1366, 740),
    "4K at 200 %": QRect(0, 0, 1920, 1080),
    "second monitor to the right": QRect(1920, 0, 1280, 1024),
    "full HD with a left panel": QRect(64, 0, 1856, 1080),
}


def with_allowance(client: QRect) -> QRect:
    border = window_fit.FRAME_ALLOWANCE.width() // 2
    title = window_fit.FRAME_ALLOWANCE.height() - border
    return client.adjusted(-border, -title, border, border)


@pytest.mark.parametrize("name", SCREENS)
def test_a_first_start_fits_the_screen_with_its_frame(name):
    screen = SCREENS[name]
    client = window_fit.first_geometry(screen)
    assert screen.contains(with_allowance(client)), (client, screen)
    if screen.width() >= 1500 and screen.height() >= 1000:
        assert client.size() == window_fit.PREFERRED


def test_a_stored_frame_comes_back_on_a_screen_that_exists_now():
    laptop = QRect(0, 0, 1366, 768)
    from_a_monitor_now_gone = QRect(2200, 100, 1800, 1000)
    fitted = window_fit.fit_frame(from_a_monitor_now_gone, [laptop])
    assert laptop.contains(fitted) and fitted.size() == QSize(1366, 768)
    half_off = QRect(-300, 500, 800, 600)
    moved = window_fit.fit_frame(half_off, [laptop])
    assert laptop.contains(moved) and moved.size() == half_off.size()
    on_second = QRect(1500, 100, 800, 600)
    screens = [laptop, QRect(1366, 0, 1920, 1080)]
    assert window_fit.fit_frame(on_second, screens) == on_second


@pytest.mark.parametrize("width", [1008, 1350, 1904, 2544])
@pytest.mark.parametrize("inspector_minimum", [0, 320])
def test_side_docks_leave_the_views_half_the_width(width, inspector_minimum):
    assert window_fit.side_by_side(width, inspector_minimum)
    outline, inspector = window_fit.dock_widths(width, inspector_minimum)
    assert inspector >= inspector_minimum and outline >= window_fit.OUTLINE_MIN
    assert outline + inspector + window_fit.SEPARATORS <= width * (1 - window_fit.CENTRAL_SHARE)


def test_a_narrow_window_puts_outline_and_inspector_in_one_column():
    assert not window_fit.side_by_side(760, 320)


def test_findings_get_rows_for_five_findings_without_taking_the_window():
    assert window_fit.findings_height(22, 90, 700) >= 90 + 6 * 22
    assert window_fit.findings_height(22, 90, 300) <= 120


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("CUECRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")


def test_the_real_window_fits_its_screen_and_shows_findings(qtbot, fresh):
    screen = QApplication.primaryScreen().availableGeometry()
    window = create_window(str(RAINFOREST))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert screen.contains(window.frameGeometry())
    assert window.centralWidget().width() >= window.width() // 2
    tree = window.findings.tree
    assert tree.viewport().height() >= 6 * tree.sizeHintForRow(0)


def test_a_layout_stored_on_a_bigger_screen_is_fitted_again(qtbot, fresh):
    window = create_window(str(RAINFOREST))
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(3000, 2000, 2400, 1500)  # as if on a monitor since unplugged
    window.resizeDocks([window.inspector_dock], [1200], Qt.Orientation.Horizontal)
    window.close()
    stored = settings().value("window/geometry")
    assert isinstance(stored, QByteArray)

    again = create_window(str(RAINFOREST))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    screen = QApplication.primaryScreen().availableGeometry()
    assert screen.contains(again.frameGeometry())
    assert again.width() <= screen.width() and again.height() <= screen.height()
    assert again.centralWidget().width() >= again.width() // 2


def test_making_the_window_narrower_shrinks_the_side_docks(qtbot, fresh, monkeypatch):
    from cuecraft.gui import window_layout

    full_hd = QRect(0, 0, 1920, 1080)
    monkeypatch.setattr(window_layout, "_available_screens", lambda: [full_hd])
    monkeypatch.setattr(window_fit, "first_geometry", lambda available: QRect(8, 40, 1600, 900))
    window = create_window(str(RAINFOREST))
    qtbot.addWidget(window)
    window.show()
    assert window.width() == 1600
    assert window.tabifiedDockWidgets(window.outline_dock) == []
    window.resizeDocks(
        [window.outline_dock, window.inspector_dock], [300, 400], Qt.Orientation.Horizontal
    )
    qtbot.wait(10)
    assert (window.outline_dock.width(), window.inspector_dock.width()) == (300, 400)
    window.resize(1008, 700)
    qtbot.wait(20)
    assert window.centralWidget().width() >= window.width() // 2
    assert window.outline_dock.isVisible() and window.inspector_dock.isVisible()


def test_a_narrow_window_shows_outline_and_inspector_as_tabs(qtbot, fresh, monkeypatch):
    monkeypatch.setattr(window_fit, "first_geometry", lambda available: QRect(8, 40, 760, 700))
    window = create_window(str(RAINFOREST))
    qtbot.addWidget(window)
    window.show()
    assert window.tabifiedDockWidgets(window.outline_dock) == [window.inspector_dock]
    assert window.centralWidget().width() >= window.width() // 2
