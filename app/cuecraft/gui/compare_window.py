"""File ▸ Compare with… in the main window: the Comparison dock and the journey's as-is curve.

Mixed into MainWindow. Comparing is view state, never part of the design: the
other design is read once, the Comparison panel (compare_panel) shows what the open
design changes from it, and the journey view overlays its emotion curve. Comparing
again replaces both; Stop comparing (the menu, the panel's button or the dock's
close button) removes both. Opening another design keeps the comparison, against
the design now open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QWidget

from cuecraft.core.i18n import _
from cuecraft.gui import dialogs

if TYPE_CHECKING:
    from cuecraft.gui.compare_panel import ComparisonPanel, OtherDesign
    from cuecraft.gui.main_window import MainWindow
    from cuecraft.gui.views.journey import JourneyView


class ComparisonDock(QDockWidget):
    """The Comparison panel's dock; closing it stops comparing."""

    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("compare-dock")
        self.retranslate()

    def retranslate(self) -> None:
        # TRANSLATORS: dock title: the differences between another design and the open one
        self.setWindowTitle(_("Comparison"))

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


class CompareActions:
    """Comparing the open design with another one; see the module docstring."""

    _comparing: OtherDesign | None = None
    _compare_dock: ComparisonDock | None = None

    def _compare_window(self) -> MainWindow:
        return self  # type: ignore[return-value]

    @property
    def comparison(self) -> ComparisonPanel | None:
        """The Comparison panel while comparing."""
        from cuecraft.gui.compare_panel import ComparisonPanel

        dock = self._compare_dock
        panel = dock.widget() if dock is not None else None
        return panel if isinstance(panel, ComparisonPanel) else None

    def compare_with_path(self, path: Path) -> bool:
        """Compare the open design with the design in `path`; a file that cannot be read
        is said, with where it goes wrong, and nothing changes."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from cuecraft.core.fileformat import DesignLoadError
        from cuecraft.gui.compare_panel import OtherDesign

        window = self._compare_window()
        # Reading, checking and drawing a 10,000-cue design takes a few seconds.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            other = OtherDesign.load(path)
        except DesignLoadError as error:
            QApplication.restoreOverrideCursor()
            dialogs.show_load_error(window, error)
            return False
        try:
            self._comparing = other
            self._show_comparison()
        finally:
            QApplication.restoreOverrideCursor()
        return True

    def stop_comparing(self) -> None:
        """No comparison: the panel and the journey's as-is curve go."""
        window = self._compare_window()
        self._comparing = None
        dock, self._compare_dock = self._compare_dock, None
        if dock is not None:
            window.removeDockWidget(dock)
            dock.deleteLater()
        journey = self._journey_view()
        if journey is not None:
            journey.set_as_is(None)
        window.act_stop_compare.setEnabled(False)

    def _comparison_follows(self) -> None:
        """A design was installed (opened, reloaded, new): compare it with the same design."""
        if self._comparing is not None:
            self._show_comparison()
        else:
            self._compare_window().act_stop_compare.setEnabled(False)

    def _show_comparison(self) -> None:
        from cuecraft.gui.compare_panel import ComparisonPanel

        window = self._compare_window()
        other = self._comparing
        assert other is not None
        panel = ComparisonPanel(window.document, other)
        panel.stop_requested.connect(self.stop_comparing)
        dock = self._compare_dock
        if dock is None:
            dock = self._compare_dock = self._place_dock()
        else:
            old = dock.widget()
            if old is not None:
                old.deleteLater()
        dock.setWidget(panel)
        dock.visibilityChanged.connect(panel.set_seen)
        dock.show()
        dock.raise_()
        journey = self._journey_view()
        if journey is not None:
            journey.set_as_is(other.as_is)
        window.act_stop_compare.setEnabled(True)

    def _place_dock(self) -> ComparisonDock:
        """A tab beside the findings (the window keeps its layout and fits the screen)."""
        from PySide6.QtCore import Qt

        window = self._compare_window()
        dock = ComparisonDock(window)
        dock.closed.connect(self.stop_comparing)
        findings = window.findings_dock
        if findings.isVisible() and not findings.isFloating():
            window.tabifyDockWidget(findings, dock)
        else:
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _retranslate_comparison(self) -> None:
        if self._compare_dock is not None:
            self._compare_dock.retranslate()

    def _journey_view(self) -> JourneyView | None:
        from cuecraft.gui.views.journey import JourneyView

        window = self._compare_window()
        for index in range(window.tabs.count()):
            view = window.view_at(index)  # built now if its tab was not shown yet
            if isinstance(view, JourneyView):
                return view
        return None
