"""The main window: outline, inspector, central views, findings; menus and shortcuts."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from cuecraft.core.i18n import _
from cuecraft.gui.compare_window import CompareActions
from cuecraft.gui.file_actions import FileActions
from cuecraft.gui.file_guard import FileGuard
from cuecraft.gui.item_actions import ItemActions
from cuecraft.gui.menus import WindowMenus
from cuecraft.gui.recovery import Autosave, data_dir
from cuecraft.gui.view_tabs import VIEWS, tab_title
from cuecraft.gui.window_layout import WindowLayout

if TYPE_CHECKING:
    from cuecraft.gui.document import Document

# Only what the first paint needs is imported at start-up; the core, the panels and
# the views are imported when a design is opened (right after the window shows).


def settings() -> QSettings:
    """Preferences in the user's data folder (an ini file, easy to inspect and reset)."""
    return QSettings(str(data_dir() / "cuecraft.ini"), QSettings.Format.IniFormat)


class MainWindow(FileActions, ItemActions, CompareActions, WindowMenus, WindowLayout, QMainWindow):
    """One design at a time; File ▸ New window for another."""

    def __init__(self, document: Document | None) -> None:
        """With no document, the window is a shell that paints at once; `install_document`
        fills it (start-up shows the window first and opens the design right after)."""
        super().__init__()
        self.setAcceptDrops(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )
        # The recovery file notes which version of the file the unsaved work started from.
        self.autosave = Autosave(lambda: self.document.disk if self._has_document() else None)
        self.file_guard = FileGuard(self)
        self._pending_shortcuts: list[
            tuple[QAction, QKeySequence | QKeySequence.StandardKey | str]
        ] = []
        # Every word of the window, as (widget, English text) pairs: `retranslate` writes
        # them again in the language now set.
        self._worded_actions: list[tuple[QAction, str, str]] = []
        self._worded_menus: list[tuple[QMenu, str]] = []
        self._view_titles: list[str] = []
        self._frozen_graph: Callable[[], object] = lambda: None  # `_freeze_checked`
        self._collect_due = False  # a design replaced waits to be collected
        self._build_actions()
        self._build_menus()
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._tabs_to_build: dict[int, Callable[[Document], QWidget]] = {}
        self.tabs.currentChanged.connect(self._tab_shown)
        self.setCentralWidget(self.tabs)
        self._place_on_screen()
        self._docks_built = False
        # Autosave counts from the edit: the first edit after an autosave starts a
        # single-shot countdown, so every edit reaches the recovery file within the set
        # delay of being made. The window losing focus autosaves at once (changeEvent).
        from cuecraft.gui.preferences import autosave_seconds

        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(autosave_seconds(settings()) * 1000)
        self._autosave_timer.timeout.connect(self.autosave_now)
        self._opening: QLabel | None = None
        self.retranslate()  # the window's own words; the docks get theirs with a document
        if document is not None:
            self.document = document
            self.install_document(document)
        else:
            self.setWindowTitle("Cuecraft")
            # TRANSLATORS: shown for a moment at start-up, before the design appears
            self._opening = QLabel("   " + _("Opening…"))
            self.tabs.addTab(self._opening, "Cuecraft")

    # -- building -----------------------------------------------------------------------

    def _build_docks(self) -> None:
        # Built with the first document: the Qt namespace costs 25 ms to import, which
        # the first paint of an empty shell does not need to wait for.
        from PySide6.QtCore import Qt

        self.outline_dock = QDockWidget(self)
        self.outline_dock.setObjectName("outline-dock")
        self.inspector_dock = QDockWidget(self)
        self.inspector_dock.setObjectName("inspector-dock")
        self.findings_dock = QDockWidget(self)
        self.findings_dock.setObjectName("findings-dock")
        self._retranslate_docks()
        # Outline and inspector run the full height; the findings sit under the views.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.outline_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.findings_dock)
        for dock in (self.outline_dock, self.inspector_dock, self.findings_dock):
            self.view_menu.addAction(dock.toggleViewAction())
        self._docks_built = True
        for action, shortcut in self._pending_shortcuts:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        self._pending_shortcuts.clear()
        from cuecraft.gui.shortcuts import WindowShortcutsFirst

        self._shortcuts_first = WindowShortcutsFirst(self, lambda: self.window_wide_actions)

    def install_document(self, document: Document) -> None:
        """Show a (new) document in every panel and view."""
        from cuecraft.gui.findings_panel import FindingsPanel
        from cuecraft.gui.inspector import Inspector
        from cuecraft.gui.outline import Outline

        first = not self._docks_built
        if first:
            self._build_docks()

        old = getattr(self, "document", None)
        self.document = document
        # The old panels go before the old document, so none of them hears its last
        # signals (a reload replaces both).
        for dock in (self.outline_dock, self.inspector_dock, self.findings_dock):
            panel = dock.widget()
            if panel is not None:
                panel.deleteLater()
        if old is not None and old is not document:
            old.deleteLater()
        document.setParent(self)
        self.outline = Outline(document)
        self.outline.set_context_actions(self.add_actions, self.act_duplicate, self.act_delete)
        self.inspector = Inspector(document)
        self.findings = FindingsPanel(document)
        self.outline_dock.setWidget(self.outline)
        self.inspector_dock.setWidget(self.inspector)
        self.findings_dock.setWidget(self.findings)
        current = self.tabs.currentIndex()
        # Quietly: a removal moves the current tab, which would build a view to be thrown
        # away (with the new document) for a tab not shown yet.
        self._tabs_to_build = {}
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if widget is not None:
                widget.deleteLater()
        self.tabs.blockSignals(False)
        # The tab on show is built now; the others when first shown (`view_at`), so a
        # start draws the journey without waiting for the views it does not show.
        self._view_titles = []
        self._tabs_to_build = {}
        shown = max(0, current)
        self.tabs.blockSignals(True)
        for index, (title, build) in enumerate(VIEWS):
            if index == shown:
                view: QWidget = build(document)
            else:
                view = QWidget()
                self._tabs_to_build[index] = build
            self.tabs.addTab(view, tab_title(title))
            self._view_titles.append(title)
        self.tabs.setCurrentIndex(shown)
        self.tabs.blockSignals(False)
        if not document.findings_ready:
            # While the window paints the design, off its thread: the findings follow.
            document.check_first(background=True)
        # The design and the window live as long as they are shown: out of the garbage
        # collector's sight, whose full passes over a 10,000-cue design (a third of a
        # second) would otherwise freeze the window now and then while someone types.
        # A design replaced by another is handed back to it, and collected once the old
        # panels are gone (a moment after the open, not while anyone types).
        if old is not None and old is not document:
            gc.unfreeze()
            self._collect_due = True  # nothing frozen meanwhile: it would be kept forever
            QTimer.singleShot(1000, self._collect_then_freeze)
        else:
            self._freeze()
        self._install_undo_actions()
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.changed.connect(self._autosave_soon)
        document.checked.connect(self._freeze_checked)
        document.path_changed.connect(self._update_title)
        self._update_title()
        self._comparison_follows()
        if first:
            self.first_layout()

    def _freeze_checked(self) -> None:
        """A full check's graph (its indexes of every item) lives until the next full
        check: out of the collector's sight like the design. The first check comes after
        the window is shown, and at 10,000 cues the collector's full passes over its graph
        took up to 20 ms in the middle of a keystroke."""
        graph = self.document.result.graph
        if self._frozen_graph() is not graph:
            self._frozen_graph = weakref.ref(graph)
            self._freeze()

    def _freeze(self) -> None:
        """Keep what lives now out of the collector's sight (`gc.freeze`); not while a
        design that was replaced waits to be collected (`_collect_then_freeze` does it)."""
        if not self._collect_due:
            gc.freeze()

    def _collect_then_freeze(self) -> None:
        """Free what the design that was replaced left in cycles, then keep the rest frozen."""
        self._collect_due = False
        gc.collect()
        gc.freeze()

    def view_at(self, index: int) -> QWidget | None:
        """The view of a tab, built now if it has not been shown yet."""
        build = self._tabs_to_build.pop(index, None)
        if build is not None:
            view = build(self.document)
            # A view of a 10,000-cue design is some 100,000 objects that live as long as
            # it does: kept out of the collector's full passes like the design (each took
            # up to 0.1 s, now and then, while someone typed). Once it has drawn: a tab
            # draws when shown, right after this.
            QTimer.singleShot(0, self._freeze)
            current = self.tabs.currentIndex()
            placeholder = self.tabs.widget(index)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, view, tab_title(self._view_titles[index]))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            if placeholder is not None:
                placeholder.deleteLater()
        return self.tabs.widget(index)

    def _tab_shown(self, index: int) -> None:
        if index in self._tabs_to_build:
            self.view_at(index)

    def _install_undo_actions(self) -> None:
        from cuecraft.gui.undo_actions import install_undo_actions

        self._undo_actions = install_undo_actions(
            self.edit_menu,
            self._toolbar,
            self.document.undo_stack,
            self,
            getattr(self, "_undo_actions", ()),
        )

    def _update_title(self) -> None:
        name = self.document.display_name
        if self.document.read_only:
            # TRANSLATORS: the window title's name of a design opened read-only
            name = _("{name} (read-only)").format(name=name)
        # "[*]" is where Qt shows the unsaved mark.
        self.setWindowTitle(f"{name}[*] — Cuecraft")
        self.setWindowModified(self.document.is_modified)
        self.act_save.setEnabled(not self.document.read_only)

    # -- language -----------------------------------------------------------------------

    def retranslate(self) -> None:
        """Write every word of the window again in the language now set; run on Qt's
        LanguageChange (gui/language.py), which then reaches the docks and views too.

        The document stays as it is (undo stack, unsaved changes, selection); its checks
        run again so that the findings' messages are in the new language."""
        for action, text, tip in self._worded_actions:
            shown = _(text)
            action.setText(shown)
            # The toolbar's label: Qt drops "&" and "...", not a mnemonic in brackets ("(&O)").
            action.setIconText(_plain(shown))
            action.setStatusTip(_(tip) if tip else _plain(shown))
        for menu, title in self._worded_menus:
            menu.setTitle(_(title))
        # TRANSLATORS: the name of the main toolbar (in the toolbars' context menu)
        self._toolbar.setWindowTitle(_("Main toolbar"))
        if self._opening is not None and not self._has_document():
            self._opening.setText("   " + _("Opening…"))
        if not self._has_document():
            return
        self._retranslate_docks()
        for index, title in enumerate(self._view_titles):
            self.tabs.setTabText(index, tab_title(title))
        self.document.retranslate()  # first: the undo actions read its steps' names
        self._install_undo_actions()
        self._update_title()
        for dock in (self.outline_dock, self.inspector_dock, self.findings_dock):
            panel = dock.widget()
            if panel is not None and not _handles_language_change(panel):
                # A panel that does not re-text itself on LanguageChange is told here.
                retranslate = getattr(panel, "retranslate", None)
                if callable(retranslate):
                    retranslate()

    def _retranslate_docks(self) -> None:
        # TRANSLATORS: dock title: the tree of the design's items
        self.outline_dock.setWindowTitle(_("Outline"))
        # TRANSLATORS: dock title: the fields of the selected item
        self.inspector_dock.setWindowTitle(_("Inspector"))
        # TRANSLATORS: dock title: what the checks found
        self.findings_dock.setWindowTitle(_("Findings"))
        self._retranslate_comparison()

    def switch_language(self, lang: str) -> None:
        """Speak `lang` from now on, with the open design kept as it is."""
        from cuecraft.gui.language import apply_language

        apply_language(lang)

    def edit_preferences(self) -> None:
        from cuecraft.core.i18n import current_language
        from cuecraft.gui.language import chosen_language
        from cuecraft.gui.preferences import PreferencesDialog, autosave_seconds

        stored = settings()
        if PreferencesDialog(stored, self).exec():
            # A new delay would restart a running countdown: save what waits for it now.
            if self._autosave_timer.isActive():
                self._autosave_timer.stop()
                self.autosave_now()
            self._autosave_timer.setInterval(autosave_seconds(stored) * 1000)
            wanted = chosen_language(stored)
            if wanted != current_language():
                self.switch_language(wanted)

    def enter_workshop(self) -> None:
        from cuecraft.gui.workshop import WorkshopMode

        self.document.flush()
        self.workshop = WorkshopMode(self.document, self)
        self.workshop.closed.connect(self._left_workshop)
        self.workshop.enter()

    def _left_workshop(self) -> None:
        self.activateWindow()
        self.workshop.deleteLater()

    # -- autosave, layout, closing ------------------------------------------------------------

    def autosave_now(self) -> None:
        if self.document.is_modified:
            from cuecraft.core.writer import saved_text

            # The text a save would write: comments, line endings and BOM as in the file.
            try:
                self.autosave.write(saved_text(self.document.design), self.document.path)
            except OSError as error:
                self.statusBar().showMessage(
                    _("Autosave failed: {reason}").format(reason=error), 10_000
                )
        else:
            self.autosave.clear()

    @property
    def shows_a_design(self) -> bool:
        """Whether a design is open here already (else the window is being started)."""
        return self._has_document()

    def _has_document(self) -> bool:
        return getattr(self, "document", None) is not None

    def _autosave_soon(self, _change: object = None) -> None:
        """An edit (or undo): autosave within the set delay, counted from the first edit
        since the last autosave (later edits do not push it back)."""
        if not self._autosave_timer.isActive():
            self._autosave_timer.start()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_toolbar"):
            self.retranslate()
        # Leaving the window (another app, a crash that follows a switch) saves the edits
        # that are still waiting for the countdown.
        if (
            event.type() == QEvent.Type.ActivationChange
            and not self.isActiveWindow()
            and self._autosave_timer.isActive()
            and self._has_document()
        ):
            self._autosave_timer.stop()
            self.autosave_now()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_discard():
            event.ignore()
            return
        self._save_layout()
        self.release_file()
        self.autosave.clear()
        event.accept()

    # -- drag and drop -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            self.open_path(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()


def _plain(text: str) -> str:
    """A menu text without its mnemonic ("&Open…", "打开(&O)…") and ellipsis: a status tip."""
    import re

    return re.sub(r"\(&.\)|&(?=.)", "", text).replace("…", "").strip()


def _handles_language_change(widget: QWidget) -> bool:
    """Whether the widget's own class re-texts it on LanguageChange (a changeEvent of
    Cuecraft's own in its class or a base)."""
    return any(
        "changeEvent" in vars(cls)
        for cls in type(widget).__mro__
        if cls.__module__.startswith("cuecraft.")
    )
