"""Fit the main window to the screen it opens on, and its docks to the window.

A 1024×768 projector, a 1366×768 laptop and a 4K monitor at 200 % all get a window
that lies wholly on the screen, a central view at least half the window's width and
a findings panel tall enough for several findings. Pure geometry on QRects, so the
rules are testable at any screen size without that screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

PREFERRED = QSize(1400, 900)
"""The window on a first start when the screen has room for it."""

FRAME_ALLOWANCE = QSize(16, 48)
"""Room for a window manager's borders and title bar before the real frame is known."""

OUTLINE_SHARE, INSPECTOR_SHARE = 0.2, 0.25
OUTLINE_MAX, INSPECTOR_MAX = 300, 400
OUTLINE_MIN = 120
SEPARATORS = 16
"""Pixels the two dock separators and borders take beside the central view."""
CENTRAL_SHARE = 0.5
"""The central view keeps at least this share of the window's width."""

FINDINGS_ROWS = 6
"""Rows the findings panel shows at least: a group heading and five findings."""
FIRST_FINDINGS = 5
"""Findings the panel shows on opening, with the headings of their groups, room allowing."""


def first_geometry(available: QRect) -> QRect:
    """The client area on a first start: the preferred size where it fits, else the whole
    available area less the frame, centred on the screen."""
    width = min(PREFERRED.width(), available.width() - FRAME_ALLOWANCE.width())
    height = min(PREFERRED.height(), available.height() - FRAME_ALLOWANCE.height())
    rect = QRect(0, 0, max(width, 200), max(height, 150))
    rect.moveCenter(available.center())
    border = FRAME_ALLOWANCE.width() // 2
    title = FRAME_ALLOWANCE.height() - border
    rect.moveTopLeft(
        QPoint(
            max(rect.left(), available.left() + border), max(rect.top(), available.top() + title)
        )
    )
    return rect


def fit_frame(frame: QRect, screens: list[QRect]) -> QRect:
    """Where a window frame must go so that it lies wholly on a screen that exists now:
    on the screen holding most of it (else the first), shrunk to that screen, moved in."""
    if not screens:
        return QRect(frame)

    def overlap(screen: QRect) -> int:
        common = screen.intersected(frame)
        return common.width() * common.height() if common.isValid() else 0

    screen = max(screens, key=overlap)
    if overlap(screen) == 0:
        screen = screens[0]
    fitted = QRect(
        frame.topLeft(),
        QSize(min(frame.width(), screen.width()), min(frame.height(), screen.height())),
    )
    left = min(max(fitted.left(), screen.left()), screen.right() - fitted.width() + 1)
    top = min(max(fitted.top(), screen.top()), screen.bottom() - fitted.height() + 1)
    fitted.moveTopLeft(QPoint(left, top))
    return fitted


def dock_widths(window_width: int, inspector_minimum: int = 0) -> tuple[int, int]:
    """Outline and inspector widths for a window this wide: shares of it, capped, and
    together never more than the central view leaves (the inspector's minimum first)."""
    budget = int(window_width * (1 - CENTRAL_SHARE)) - SEPARATORS
    inspector = max(inspector_minimum, min(INSPECTOR_MAX, int(window_width * INSPECTOR_SHARE)))
    outline = min(OUTLINE_MAX, int(window_width * OUTLINE_SHARE), budget - inspector)
    return max(outline, OUTLINE_MIN), inspector


def side_by_side(window_width: int, inspector_minimum: int) -> bool:
    """Whether outline, views and inspector fit as three columns with the views keeping
    their share; if not, outline and inspector share one column as tabs."""
    budget = int(window_width * (1 - CENTRAL_SHARE)) - SEPARATORS
    return budget - inspector_minimum >= OUTLINE_MIN


def findings_height(row_height: int, chrome: int, window_height: int, rows: int = 0) -> int:
    """Height of the findings dock: `rows` rows (the first findings and their groups'
    headings), at least FINDINGS_ROWS, plus its chrome (title, scorecard, column header),
    and never more than 40 % of the window."""
    wanted = chrome + max(rows, FINDINGS_ROWS) * row_height + 4
    return min(wanted, int(window_height * 0.4))
