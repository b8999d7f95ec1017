"""The main window's size and dock layout: fitted to the screen, remembered, rebalanced.

Mixed into MainWindow. The rules themselves (sizes, shares, clamping) are the pure
functions of window_fit; this applies them to the real window: on a first start, when a
stored layout comes back (maybe from a bigger or a missing screen), and when the window
is made smaller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QCursor, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QMainWindow

from cuecraft.gui import window_fit

if TYPE_CHECKING:
    from cuecraft.gui.main_window import MainWindow


def _available_screens() -> list[QRect]:
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


class WindowLayout:
    """Placement of the window and its docks; see the module docstring."""

    def _layout_window(self) -> MainWindow:
        return self  # type: ignore[return-value]

    def _layout_settings(self) -> QSettings:
        from cuecraft.gui.main_window import settings

        return settings()

    def _place_on_screen(self) -> None:
        """Before the first show: the stored geometry if any, clamped to a screen that
        exists now, else a size that fits the screen under the mouse."""
        window = self._layout_window()
        stored = self._layout_settings().value("window/geometry")
        if isinstance(stored, QByteArray) and window.restoreGeometry(stored):
            self._fit_frame()
            return
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        if screen is not None:
            window.setGeometry(window_fit.first_geometry(screen.availableGeometry()))

    def _fit_frame(self) -> None:
        """Move and shrink the window so that its frame (title bar included, once the
        window manager has drawn one) lies wholly on one screen."""
        window = self._layout_window()
        frame = window.frameGeometry()
        if not window.isVisible() or frame == window.geometry():
            # No frame yet: allow for one.
            allowance = window_fit.FRAME_ALLOWANCE
            frame = window.geometry().adjusted(
                -allowance.width() // 2,
                -(allowance.height() - allowance.width() // 2),
                allowance.width() // 2,
                allowance.width() // 2,
            )
        fitted = window_fit.fit_frame(frame, _available_screens())
        if fitted == frame:
            return
        extra_w = frame.width() - window.width()
        extra_h = frame.height() - window.height()
        window.resize(fitted.width() - extra_w, fitted.height() - extra_h)
        window.move(fitted.topLeft())

    def _arrange_docks(self) -> None:
        """Dock sizes for this window: the central view keeps over half the width, the
        findings panel shows a group and five findings."""
        from PySide6.QtCore import Qt

        window = self._layout_window()
        inspector_minimum = window.inspector_dock.minimumSizeHint().width()
        if window_fit.side_by_side(window.width(), inspector_minimum):
            outline, inspector = window_fit.dock_widths(window.width(), inspector_minimum)
            window.resizeDocks(
                [window.outline_dock, window.inspector_dock],
                [outline, inspector],
                Qt.Orientation.Horizontal,
            )
        else:
            # Too narrow for three columns: outline and inspector share one, as tabs.
            window.tabifyDockWidget(window.inspector_dock, window.outline_dock)
            window.outline_dock.raise_()
            window.resizeDocks(
                [window.inspector_dock], [inspector_minimum], Qt.Orientation.Horizontal
            )
        self._size_findings()

    def _size_findings(self) -> None:
        """The findings dock's height: a group and five findings, and the scorecard."""
        from PySide6.QtCore import Qt

        window = self._layout_window()
        inspector_minimum = window.inspector_dock.minimumSizeHint().width()
        tree = window.findings.tree
        row = max(tree.sizeHintForRow(0), tree.fontMetrics().height() + 4)
        # The scorecard line wraps (seven scores with a blueprint): its height at the width
        # the central area will have, not its one-line size hint.
        score = window.findings.score
        central = window.width()
        if window_fit.side_by_side(window.width(), inspector_minimum):
            central -= sum(window_fit.dock_widths(window.width(), inspector_minimum))
        else:
            central -= inspector_minimum
        score_height = max(score.sizeHint().height(), score.heightForWidth(max(100, central)))
        chrome = (
            tree.header().sizeHint().height()
            + score_height
            + window.findings_dock.sizeHint().height()
            - window.findings.sizeHint().height()
            + 2 * tree.frameWidth()
            + 12
        )
        if window.document.findings_ready:
            rows = window.findings.rows_for(window_fit.FIRST_FINDINGS)
        else:  # sized again once they are in (a start checks after the first frame)
            rows = window_fit.FIRST_FINDINGS + 1
            document = window.document
            document.checked.connect(self._findings_in, Qt.ConnectionType.SingleShotConnection)
        height = window_fit.findings_height(row, chrome, window.height(), rows)
        window.resizeDocks([window.findings_dock], [height], Qt.Orientation.Vertical)

    def _findings_in(self) -> None:
        """The first findings of a start are in (a moment after the first frame): the dock
        fits them as a first layout does."""
        self._size_findings()

    def _keep_central_wide(self) -> None:
        """After the window got narrower (or a layout from a wider screen came back):
        shrink the side docks again if the central view fell below its share."""
        window = self._layout_window()
        if not getattr(window, "_docks_built", False) or not hasattr(window, "findings"):
            return
        central = window.centralWidget()
        if central is None:
            return
        if central.width() < window.width() * window_fit.CENTRAL_SHARE:
            from PySide6.QtCore import Qt

            outline, inspector = window_fit.dock_widths(
                window.width(), window.inspector_dock.minimumSizeHint().width()
            )
            window.resizeDocks(
                [window.outline_dock, window.inspector_dock],
                [outline, inspector],
                Qt.Orientation.Horizontal,
            )

    def _restore_layout(self) -> bool:
        """The docks as the person left them; False when nothing was stored."""
        window = self._layout_window()
        state = self._layout_settings().value("window/state")
        return isinstance(state, QByteArray) and window.restoreState(state)

    def _save_layout(self) -> None:
        window = self._layout_window()
        stored = self._layout_settings()
        stored.setValue("window/geometry", window.saveGeometry())
        stored.setValue("window/state", window.saveState())

    def first_layout(self) -> None:
        """With the first document: stored dock layout or a fitted one, then the frame."""
        if not self._restore_layout():
            self._arrange_docks()
        self._keep_central_wide()
        self._fit_frame()

    def resizeEvent(self, event: QResizeEvent) -> None:
        QMainWindow.resizeEvent(self._layout_window(), event)
        self._keep_central_wide()
