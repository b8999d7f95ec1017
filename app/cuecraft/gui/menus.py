"""The main window's actions, menus and toolbar (mixed into MainWindow).

Every action and menu is made here with its English words (marked with N_), which
the window's `retranslate` writes again in the language now set; the slots they call
are the window's own (file_actions, main_window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from cuecraft.core.i18n import N_

if TYPE_CHECKING:
    from cuecraft.gui.main_window import MainWindow


class WindowMenus:
    """The actions, the menu bar and the toolbar of the main window."""

    act_new: QAction
    act_open: QAction
    act_save: QAction
    act_save_as: QAction
    act_feedback: QAction
    act_compare: QAction
    act_stop_compare: QAction
    act_export: QAction
    act_preferences: QAction
    act_close: QAction
    act_workshop: QAction
    act_save_view: QAction
    act_delete: QAction
    act_duplicate: QAction
    add_actions: dict[str, QAction]
    window_wide_actions: list[QAction]
    file_menu: QMenu
    recent_menu: QMenu
    examples_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    _toolbar: QToolBar
    _pending_shortcuts: list[tuple[QAction, QKeySequence | QKeySequence.StandardKey | str]]
    _worded_actions: list[tuple[QAction, str, str]]
    _worded_menus: list[tuple[QMenu, str]]

    def _menus_window(self) -> MainWindow:
        return self  # type: ignore[return-value]

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        """An action whose `text` and `tip` (English, marked with N_) are translated by
        `retranslate`."""
        action = QAction(self._menus_window())
        if shortcut is not None:
            # The first QKeySequence costs PySide6 26 ms of enum set-up: shortcuts are
            # assigned with the first document, after the window has painted.
            self._pending_shortcuts.append((action, shortcut))
        self._worded_actions.append((action, text, tip))
        action.triggered.connect(slot)
        return action

    def _menu(self, title: str, parent: QMenu | None = None) -> QMenu:
        """A menu (in the menu bar, or in `parent`) whose English `title` is translated."""
        window = self._menus_window()
        menu = QMenu(window) if parent is not None else window.menuBar().addMenu("")
        if parent is not None:
            parent.addMenu(menu)
        self._worded_menus.append((menu, title))
        return menu

    def _build_actions(self) -> None:
        window = self._menus_window()
        # Standard actions take the platform's standard keys (Cmd on macOS); the others
        # take keys that no standard action uses on any platform (tests/gui/test_shortcuts.py).
        k = QKeySequence.StandardKey
        self.act_new = self._action(N_("&New from template…"), window.new_design, k.New)
        self.act_open = self._action(N_("&Open…"), window.open_dialog, k.Open)
        self.act_save = self._action(N_("&Save"), window.save, k.Save)
        self.act_save_as = self._action(N_("Save &as…"), window.save_as, k.SaveAs)
        self.act_feedback = self._action(
            N_("Import guest &feedback (CSV)…"),
            window.import_feedback,
            None,
            N_("Survey answers per touchpoint: Net Promoter Score beside the designed journey"),
        )
        self.act_compare = self._action(
            N_("Co&mpare with…"),
            window.compare_dialog,
            None,
            N_(
                "What the open design changes from another design (the as-is): items, "
                "findings, scores, and its emotion curve on the journey"
            ),
        )
        self.act_stop_compare = self._action(N_("S&top comparing"), window.stop_comparing)
        self.act_stop_compare.setEnabled(False)
        self.act_export = self._action(N_("&Export brief (PDF)…"), window.export_brief, "Ctrl+E")
        self.act_preferences = self._action(
            N_("&Preferences…"), window.edit_preferences, QKeySequence.StandardKey.Preferences
        )
        self.act_close = self._action(N_("&Quit"), window.close, k.Quit)
        self.act_workshop = self._action(
            N_("&Workshop mode"),
            window.enter_workshop,
            "F5",
            N_("Full screen on the projector, keyboard capture"),
        )
        self.act_save_view = self._action(
            N_("Save view as &image…"),
            self._save_view_as_image,
            None,
            N_("The view shown, as an SVG or PNG file"),
        )
        # Only the Delete key: the platform's other Delete bindings (Ctrl+D on Linux)
        # delete a character in a text field, not a whole item.
        self.act_delete = self._action(N_("&Delete"), window.delete_selected, "Del")
        self.act_duplicate = self._action(
            N_("D&uplicate"), window.duplicate_selected, "Ctrl+Shift+D"
        )
        self.add_actions = {
            "zones": self._action(N_("&Zone"), lambda: window.add_item("zones"), "Ctrl+Shift+O"),
            "touchpoints": self._action(
                N_("&Touchpoint"), lambda: window.add_item("touchpoints"), "Ctrl+Shift+T"
            ),
            "cues": self._action(
                N_("&Positive cue"), lambda: window.add_item("cues"), "Ctrl+Shift+C"
            ),
            "negative": self._action(
                N_("&Negative cue"), lambda: window.add_item("negative"), "Ctrl+Shift+X"
            ),
            "layers": self._action(
                N_("Sensory &layer"), lambda: window.add_item("layers"), "Ctrl+Shift+L"
            ),
            "souvenirs": self._action(
                N_("&Souvenir"), lambda: window.add_item("souvenirs"), "Ctrl+Shift+M"
            ),
            "actions": self._action(
                N_("&Action (blueprint)"), lambda: window.add_item("actions"), "Ctrl+Shift+B"
            ),
            "personas": self._action(
                N_("P&ersona"), lambda: window.add_item("personas"), "Ctrl+Shift+P"
            ),
        }
        # Window actions that win over a text field's own use of their key: Ctrl+E is
        # "end of line" in a Linux text field, where End does the same.
        self.window_wide_actions = [
            self.act_new,
            self.act_open,
            self.act_save,
            self.act_save_as,
            self.act_export,
            self.act_workshop,
            self.act_duplicate,
            *self.add_actions.values(),
        ]

    def _save_view_as_image(self) -> None:
        from cuecraft.gui.save_view import save_view_as_image

        save_view_as_image(self._menus_window())

    def _update_save_view(self) -> None:
        from cuecraft.gui.save_view import can_save_view

        window = self._menus_window()
        has_document = getattr(window, "document", None) is not None
        self.act_save_view.setEnabled(has_document and can_save_view(window))

    def _build_menus(self) -> None:
        window = self._menus_window()
        self.file_menu = file_menu = self._menu(N_("&File"))
        file_menu.addActions([self.act_new, self.act_open])
        self.recent_menu = self._menu(N_("Open &recent"), file_menu)
        self.examples_menu = self._menu(N_("Open e&xample"), file_menu)
        window._fill_examples_menu(self.examples_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.act_compare, self.act_stop_compare])
        file_menu.addSeparator()
        file_menu.addActions([self.act_save, self.act_save_as])
        file_menu.addSeparator()
        file_menu.addAction(self.act_feedback)
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_close)
        self.edit_menu = self._menu(N_("&Edit"))
        add_menu = self._menu(N_("&Add"), self.edit_menu)
        add_menu.addActions(list(self.add_actions.values()))
        self.edit_menu.addActions([self.act_duplicate, self.act_delete])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.act_preferences)
        self.view_menu = self._menu(N_("&View"))
        self.view_menu.addAction(self.act_workshop)
        self.view_menu.addAction(self.act_save_view)
        # Enabled while the tab shown has a picture: checked as the menu opens.
        self.view_menu.aboutToShow.connect(self._update_save_view)
        self.view_menu.addSeparator()
        toolbar = window.addToolBar("")
        toolbar.setObjectName("main-toolbar")
        toolbar.addActions([self.act_new, self.act_open, self.act_save])
        toolbar.addSeparator()
        toolbar.addAction(self.act_workshop)
        toolbar.addAction(self.act_export)
        toolbar.addSeparator()
        self._toolbar = toolbar
        window._refresh_recent_menu()
