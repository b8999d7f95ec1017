"""The outline: the design's sections with counts, and every item in them.

Selecting a section's heading selects "section:<key>" (the inspector then sums the
section up); a right-click offers the window's Add, Duplicate and Delete actions.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QTreeWidget, QTreeWidgetItem, QWidget

from cuecraft.core.edits import Change, EditError, find
from cuecraft.core.i18n import N_, _, format_number, format_percent, ngettext
from cuecraft.core.model import Action, Cue, Design, Item, Persona
from cuecraft.core.words import lane_word
from cuecraft.gui.document import Document

ROLE_ID = Qt.ItemDataRole.UserRole
SECTION = "section:"
# The sections (English, marked: translate with _() where shown).
GROUPS = (
    ("zones", N_("Zones")),
    ("touchpoints", N_("Touchpoints")),
    ("positive", N_("Positive cues")),
    ("negative", N_("Negative cues")),
    ("layers", N_("Sensory layers")),
    ("souvenirs", N_("Souvenirs")),
    # TRANSLATORS: the outline's section of the service blueprint's staff and system actions
    ("actions", N_("Actions")),
    # TRANSLATORS: the outline's section of the kinds of guest (personas) and their journeys
    ("personas", N_("Personas")),
)
# The right-click entry adding one member of a section (the window's action does it).
ADD_TEXTS = {
    "zones": N_("Add zone"),
    "touchpoints": N_("Add touchpoint"),
    "positive": N_("Add positive cue"),
    "negative": N_("Add negative cue"),
    "layers": N_("Add sensory layer"),
    "souvenirs": N_("Add souvenir"),
    "actions": N_("Add action"),
    "personas": N_("Add persona"),
}
# What the inspector says about a section with members, and about an empty one.
SELECT_HINTS = {
    "zones": N_("Select a zone in the outline to edit it."),
    "touchpoints": N_("Select a touchpoint in the outline to edit it."),
    "positive": N_("Select a positive cue in the outline to edit it."),
    "negative": N_("Select a negative cue in the outline to edit it."),
    "layers": N_("Select a sensory layer in the outline to edit it."),
    "souvenirs": N_("Select a souvenir in the outline to edit it."),
    "actions": N_("Select an action in the outline to edit it."),
    "personas": N_("Select a persona in the outline to edit it."),
}
EMPTY_HINTS = {
    "zones": N_("No zones yet: add one with Edit ▸ Add."),
    "touchpoints": N_("No touchpoints yet: add one with Edit ▸ Add."),
    "positive": N_("No positive cues yet: add one with Edit ▸ Add."),
    "negative": N_("No negative cues yet: add one with Edit ▸ Add."),
    "layers": N_("No sensory layers yet: add one with Edit ▸ Add."),
    "souvenirs": N_("No souvenirs yet: add one with Edit ▸ Add."),
    "actions": N_(
        "No actions yet: add what staff and systems do for a touchpoint with Edit ▸ Add ▸ "
        "Action (blueprint)."
    ),
    "personas": N_(
        "No personas yet: add the kinds of guest who live the journey differently with "
        "Edit ▸ Add ▸ Persona."
    ),
}
# The key of the window's action adding a member of a section, where it differs.
ADD_KEYS = {"positive": "cues"}


def section_heading(key: str, count: int) -> str:
    """A section's heading with its count: "Zones (7)"."""
    # TRANSLATORS: a section of the outline and how many items it holds, e.g. "Zones (7)"
    return _("{section} ({count})").format(section=_(dict(GROUPS)[key]), count=format_number(count))


def section_tip(key: str, count: int) -> str:
    """How many items a section holds, in words: "7 zones"."""
    n = format_number(count)
    if key == "zones":
        return ngettext("{n} zone", "{n} zones", count).format(n=n)
    if key == "touchpoints":
        return ngettext("{n} touchpoint", "{n} touchpoints", count).format(n=n)
    if key == "positive":
        return ngettext("{n} positive cue", "{n} positive cues", count).format(n=n)
    if key == "negative":
        return ngettext("{n} negative cue", "{n} negative cues", count).format(n=n)
    if key == "layers":
        return ngettext("{n} sensory layer", "{n} sensory layers", count).format(n=n)
    if key == "souvenirs":
        return ngettext("{n} souvenir", "{n} souvenirs", count).format(n=n)
    if key == "actions":
        return ngettext("{n} action", "{n} actions", count).format(n=n)
    return ngettext("{n} persona", "{n} personas", count).format(n=n)


def section_members(design: Design, key: str) -> list[Item]:
    """The items an outline section lists (cues split by polarity)."""
    if key in ("positive", "negative"):
        return [c for c in design.cues if c.is_negative == (key == "negative")]
    members: list[Item] = list(getattr(design, key))
    return members


def item_label(item: Item) -> str:
    """ "id — first line of its name or text", as every list shows an item; an action
    says its lane first ("greet · frontstage — Host greets the party"), and a persona
    their share of guests ("family · 55% — Family with toddlers"), which a long text
    would push out of a narrow outline."""
    text = item.text if isinstance(item, (Cue, Action)) else item.name
    first_line = (text or "").split("\n", 1)[0]
    head = item.id
    if isinstance(item, Action):
        # TRANSLATORS: an action in the outline: its id and its blueprint lane, "greet · frontstage"
        head = _("{id} · {lane}").format(id=item.id, lane=lane_word(item.lane))
    if isinstance(item, Persona) and item.share is not None:
        head = f"{item.id} · {format_percent(item.share / 100)}"
    return f"{head} — {first_line}" if first_line else head


class Outline(QTreeWidget):
    """Selecting an entry selects the item everywhere (document.select)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        # A narrow dock (160–200 px on a 1024×768 projector): a smaller indent leaves room
        # for the sections' names, a third longer in Polish than in English.
        self.setIndentation(14)
        self._syncing = False
        self._built: tuple[tuple[str, bool], ...] = ()
        self._entries: dict[str, QTreeWidgetItem] = {}
        self._marks: dict[str, str] = {}
        self._add_actions: dict[str, QAction] = {}
        self._item_actions: list[QAction] = []
        self.itemSelectionChanged.connect(self._on_selection)
        document.changed.connect(self._on_changed)
        document.checked.connect(self._on_checked)
        document.selection_changed.connect(self._select)
        self.rebuild()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        # A switch of language (Preferences ▸ Language) reaches every widget as this event.
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Redraw the headings in the current language (the items' own texts stay)."""
        self.setAccessibleName(_("outline"))
        design = self.document.design
        for top in self._top_items():
            key = str(top.data(0, ROLE_ID))
            if key == "design":
                top.setText(0, _design_text(design))
            elif key == "theme":
                top.setText(0, _theme_text(design))
            elif key.startswith(SECTION):
                section = key.removeprefix(SECTION)
                top.setText(0, section_heading(section, top.childCount()))
                top.setToolTip(0, section_tip(section, top.childCount()))
        # An action's label says its lane in words; a persona's share is a number of the language.
        self._relabel([*(a.id for a in design.actions), *(p.id for p in design.personas)])

    def rebuild(self) -> None:
        design = self.document.design
        expanded = {top.data(0, ROLE_ID) for top in self._top_items() if top.isExpanded()}
        self._syncing = True
        self.clear()
        top = QTreeWidgetItem([_design_text(design)])
        top.setData(0, ROLE_ID, "design")
        theme = QTreeWidgetItem([_theme_text(design)])
        theme.setData(0, ROLE_ID, "theme")
        self.addTopLevelItems([top, theme])
        for key, _title in GROUPS:
            members = section_members(design, key)
            group = QTreeWidgetItem([section_heading(key, len(members))])
            group.setToolTip(0, section_tip(key, len(members)))
            group.setData(0, ROLE_ID, SECTION + key)
            group.addChildren([self._entry(item) for item in members])
            self.addTopLevelItem(group)
            group.setExpanded(not expanded or SECTION + key in expanded)
        self._syncing = False
        self._built = self._structure()
        self._entries = self.entries()
        self._marks = {}
        self._mark_findings()
        self._select(self.document.selected)

    def _entry(self, item: Item) -> QTreeWidgetItem:
        entry = QTreeWidgetItem([item_label(item)])
        entry.setData(0, ROLE_ID, item.id)
        entry.setToolTip(0, item_label(item))
        return entry

    def entries(self) -> dict[str, QTreeWidgetItem]:
        """Every selectable entry by id (for tests and the findings panel)."""
        out: dict[str, QTreeWidgetItem] = {}
        for top in self._top_items():
            out[top.data(0, ROLE_ID)] = top
            for j in range(top.childCount()):
                child = top.child(j)
                if child is not None:
                    out[child.data(0, ROLE_ID)] = child
        return out

    def _top_items(self) -> list[QTreeWidgetItem]:
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _structure(self) -> tuple[tuple[str, bool], ...]:
        design = self.document.design
        return tuple(
            (item.id, isinstance(item, Cue) and item.is_negative) for item in design.items()
        )

    def _on_changed(self, change: Change) -> None:
        # Typing into a field changes one label; only adding, removing, renaming or
        # moving items (or flipping a cue's polarity) needs the whole tree again. A change
        # of fields other than the polarity cannot move anything: no need to compare the
        # whole design's shape on every keystroke of a large one.
        fields_only = change.fields is not None and "polarity" not in change.fields
        if not fields_only and self._structure() != self._built:
            self.rebuild()
            return
        design = self.document.design
        entries = self._entries
        if "design" in change.sections:
            entries["design"].setText(0, _design_text(design))
        if "theme" in change.sections:
            entries["theme"].setText(0, _theme_text(design))
        self._relabel(change.ids)

    def _relabel(self, ids: Iterable[str]) -> None:
        """Write the labels of these items again."""
        ids = list(ids)
        if not ids:
            return
        design = self.document.design
        if len(ids) == 1:  # a keystroke's item: found without indexing every item
            try:
                index: dict[str, Item] = {ids[0]: find(design, ids[0])}
            except EditError:
                return
        else:
            index = design.index()
        for item_id in ids:
            entry, item = self._entries.get(item_id), index.get(item_id)
            if entry is not None and item is not None:
                entry.setText(0, item_label(item))
                entry.setToolTip(0, item_label(item))

    def _on_checked(self) -> None:
        if self.document.is_big:
            # A moment after the findings, in a slice of its own: at 10,000 cues
            # thousands of entries can change their marks on one keystroke.
            self.document.slices.add(self._mark_findings)
        else:
            self._mark_findings()

    def _mark_findings(self) -> None:
        severity: dict[str, str] = {}
        for finding in self.document.result.findings:
            for item_id in finding.ids[:1]:
                if severity.get(item_id) != "error":
                    severity[item_id] = finding.severity
        style = self.style()
        icons = {
            "error": style.standardIcon(style.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(style.StandardPixmap.SP_MessageBoxWarning),
            "info": style.standardIcon(style.StandardPixmap.SP_MessageBoxInformation),
        }
        from PySide6.QtGui import QIcon

        for item_id in set(self._marks) | set(severity):
            level = severity.get(item_id)
            entry = self._entries.get(item_id)
            if entry is not None and self._marks.get(item_id) != level:
                entry.setIcon(0, icons[level] if level else QIcon())
        self._marks = {k: v for k, v in severity.items() if k in self._entries}

    def _on_selection(self) -> None:
        if self._syncing:
            return
        chosen = self.selectedItems()
        if chosen:
            item_id = chosen[0].data(0, ROLE_ID)
            if item_id:  # an item, "design", "theme" or a section's heading
                self.document.select(item_id)

    def _select(self, item_id: str) -> None:
        entry = self._entries.get(item_id)
        self._syncing = True
        self.clearSelection()
        if entry is not None:
            entry.setSelected(True)
            self.scrollToItem(entry)
        self._syncing = False

    # -- context menu ---------------------------------------------------------------------

    def set_context_actions(
        self, add_actions: dict[str, QAction], duplicate: QAction, delete: QAction
    ) -> None:
        """The window's actions a right-click offers: `add_actions` by the keys of
        MainWindow.add_actions ("zones", "cues", "negative", …); duplicate and delete act
        on the selected item, which the right-click selects first."""
        self._add_actions = dict(add_actions)
        self._item_actions = [duplicate, delete]

    def section_of(self, entry: QTreeWidgetItem) -> str | None:
        """The key of the section an entry (or a section's heading) belongs to."""
        top = entry.parent() or entry
        key = str(top.data(0, ROLE_ID) or "")
        return key.removeprefix(SECTION) if key.startswith(SECTION) else None

    def context_menu_for(self, entry: QTreeWidgetItem | None) -> QMenu | None:
        """The menu a right-click on `entry` opens: Add (of that section's kind), and for
        an item Duplicate and Delete. None where there is nothing to offer."""
        section = self.section_of(entry) if entry is not None else None
        add = self._add_actions.get(ADD_KEYS.get(section or "", section or ""))
        if entry is None or section is None or add is None:
            return None
        menu = QMenu(self)
        twin = menu.addAction(_(ADD_TEXTS[section]))
        keys = add.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:  # shown, not bound: the window's action keeps the key
            twin.setText(f"{twin.text()}\t{keys}")
        twin.setEnabled(add.isEnabled())
        twin.triggered.connect(add.trigger)
        if entry.parent() is not None:
            menu.addSeparator()
            menu.addActions(self._item_actions)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        at = event.globalPos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key, Shift+F10
            entry = self.currentItem()
            if entry is not None:
                at = self.viewport().mapToGlobal(self.visualItemRect(entry).bottomLeft())
        else:
            entry = self.itemAt(event.pos())
        menu = self.context_menu_for(entry)
        if entry is None or menu is None:
            event.ignore()
            return
        item_id = entry.data(0, ROLE_ID)
        if item_id:
            self.document.select(item_id)  # Duplicate and Delete act on the selection
        self.popup(menu, at)
        menu.deleteLater()

    def popup(self, menu: QMenu, at: QPoint) -> None:
        """Show a context menu until it closes (tests replace this)."""
        menu.exec(at)


def _design_text(design: Design) -> str:
    # TRANSLATORS: the outline's first entry; {title} is the design's title as typed
    return _("Design — {title}").format(title=design.title)


def _theme_text(design: Design) -> str:
    # TRANSLATORS: the outline's second entry; {name} is the theme's name as typed
    return _("Theme — {name}").format(name=design.theme.name)
