"""Editing items from the main window: Edit ▸ Add, Duplicate and Delete on the selection.

Mixed into MainWindow; every change is a core edit pushed on the document's undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cuecraft.core.i18n import _

if TYPE_CHECKING:
    from cuecraft.core.edits import Edit
    from cuecraft.gui.main_window import MainWindow


class ItemActions:
    """Add, duplicate and delete items (Edit ▸ Add, Duplicate, Delete)."""

    def _window(self) -> MainWindow:
        return self  # type: ignore[return-value]

    def add_item(self, kind: str) -> None:
        from cuecraft.core.edits import AddItem, new_id
        from cuecraft.core.model import Action, Cue, Layer, Persona, Souvenir, Touchpoint, Zone

        design = self._window().document.design
        item: Zone | Touchpoint | Cue | Layer | Souvenir | Action | Persona
        zone = design.zones[0].id if design.zones else None
        # The new item's name is the user's text from then on, in the workbench's language.
        if kind == "zones":
            item = Zone(new_id(design, "zone"), _("New zone"))
        elif kind == "touchpoints":
            item = Touchpoint(new_id(design, "touchpoint"), _("New touchpoint"), "during", zone)
        elif kind == "cues":
            item = Cue(new_id(design, "cue"), _("New positive cue"))
        elif kind == "negative":
            item = Cue(
                new_id(design, "negative"),
                _("New negative cue"),
                "negative",
                severity="medium",
                status="open",
            )
        elif kind == "layers":
            item = Layer(new_id(design, "layer"), "sound", _("New layer"))
        elif kind == "actions":
            # Staged for the selected touchpoint, if one is selected.
            selected = self._selected_item_id()
            at = [selected] if selected in {t.id for t in design.touchpoints} else []
            item = Action(new_id(design, "action"), _("New action"), "frontstage", at)
        elif kind == "personas":
            # Goes through every touchpoint and feels as designed until told otherwise.
            item = Persona(new_id(design, "persona"), _("New persona"))
        else:
            item = Souvenir(new_id(design, "souvenir"), _("New souvenir"))
        section = "cues" if kind == "negative" else kind
        # The undo step is named in the language of the moment (gui/document.undo_text).
        self._push_and_select(AddItem(section, item), item.id)

    def _push_and_select(
        self, edit: Edit, item_id: str, describe: Callable[[], str] | None = None
    ) -> None:
        """Apply an edit that adds `item_id`; if the core refuses it, say why."""
        error = self._window().document.push(edit, describe)
        if error:
            self._window().statusBar().showMessage(
                _("Not added: {reason}").format(reason=error), 10_000
            )
            return
        self._window().document.select(item_id)

    def _selected_item_id(self) -> str | None:
        selected = self._window().document.selected
        return selected if selected and selected in self._window().document.design.index() else None

    def delete_selected(self) -> None:
        from cuecraft.core.edits import REFERENCE_FIELDS, RemoveItem
        from cuecraft.gui import dialogs

        item_id = self._selected_item_id()
        if item_id is None:
            return
        design = self._window().document.design
        # Every field the core drops the deleted id from: a persona's skips, and the keys
        # of their emotion per touchpoint, count as much as a cue's places.
        refs = sum(
            value.count(item_id)
            if isinstance(value, list)
            else int(item_id in value if isinstance(value, dict) else value == item_id)
            for section, names in REFERENCE_FIELDS.items()
            for item in getattr(design, section)
            if item.id != item_id
            for name in names
            if (value := getattr(item, name, None)) is not None
        )
        if not dialogs.ask_delete(self._window(), item_id, refs):
            return
        self._window().document.select("")
        self._window().document.push(RemoveItem(item_id))  # named by gui/document.undo_text

    def duplicate_selected(self) -> None:
        import copy

        from cuecraft.core.edits import AddItem, find, new_id, section_of

        item_id = self._selected_item_id()
        if item_id is None:
            return
        design = self._window().document.design
        section, index = section_of(design, item_id)
        twin = copy.deepcopy(find(design, item_id))
        twin.id = new_id(design, item_id)

        def described() -> str:
            # TRANSLATORS: an undo step, as in "Undo Duplicate “cue-7”"
            return _("Duplicate “{item}”").format(item=item_id)

        edit = AddItem(section, twin, index + 1, description=described())
        self._push_and_select(edit, twin.id, described)
