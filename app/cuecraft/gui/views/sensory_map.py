"""The sensory map: which senses each zone engages, and where a cue is missing.

A table of zones × the five senses. Each cell lists the layers (≈), positive
cues and negative cues (− in red) present there, tinted by how much is going
on; an overloaded cell (SEN003) is outlined in amber; an empty cell invites
"+ add". Double-click or Enter on a cell adds a positive cue of that sense in
that zone (one undoable edit) and selects it.

Every word is written in the current language when shown; `retranslate()` (also
run on Qt's LanguageChange) redraws headers, cells, legend and names in the
language now set.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import (
    QContextMenuEvent,
    QFontMetrics,
    QKeyEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QGraphicsScene,
    QMenu,
    QStackedLayout,
    QTableView,
    QWidget,
)

from cuecraft.core.edits import AddItem, Change, new_id
from cuecraft.core.i18n import _
from cuecraft.core.model import SENSES, Cue
from cuecraft.gui.document import Document
from cuecraft.gui.picture import light_palette, picture_font

from ._style import empty_html, empty_state, retranslate_empty_state
from .sensory_model import (
    ZONE_ROLE,
    Cell,
    SensoryModel,
    build_rows,
    row_places,
    sense_overloads,
    zone_row,
)

if TYPE_CHECKING:
    from cuecraft.core.check import CheckResult

from .sensory_table import (
    apply_metrics,
    lay_out_page,
    legend_html,
    make_legend,
    sensory_picture,
    set_up_table,
)

AnyIndex = QModelIndex | QPersistentModelIndex


def empty_text() -> str:
    """What the map says with no zones, in the current language."""
    return empty_html(
        _("No zones yet"),
        _(
            "Add the places of the venue as zones to map what guests see, hear, "
            "smell, touch and taste in each of them."
        ),
    )


def add_cue_action(sense: str) -> str:
    """The context menu's entry that adds a cue of `sense` in the cell's zone."""
    if sense == "sight":
        return _("Add a sight cue here")
    if sense == "sound":
        return _("Add a sound cue here")
    if sense == "smell":
        return _("Add a smell cue here")
    if sense == "touch":
        return _("Add a touch cue here")
    return _("Add a taste cue here")


def new_cue_text(sense: str) -> str:
    """The text a cue added from the map starts with (the designer writes over it)."""
    if sense == "sight":
        return _("New sight cue")
    if sense == "sound":
        return _("New sound cue")
    if sense == "smell":
        return _("New smell cue")
    if sense == "touch":
        return _("New touch cue")
    return _("New taste cue")


class _Table(QTableView):
    def __init__(self, view: SensoryMapView) -> None:
        super().__init__(view)
        self.view = view

    def model_(self) -> SensoryModel:
        return self.view.model

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.view._activate(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        cell = self.model_().cell(index)
        if cell is None:
            return
        zone_id = str(index.data(ZONE_ROLE))
        sense = SENSES[index.column() - 1]
        menu = QMenu(self)
        menu.addAction(add_cue_action(sense), lambda: self.view.add_cue(zone_id, sense))
        if not cell.empty:
            menu.addSeparator()
            for _kind, item_id, label in cell.lines()[:20]:
                short = QFontMetrics(menu.font()).elidedText(
                    label, Qt.TextElideMode.ElideRight, 320
                )
                # TRANSLATORS: a context-menu entry selecting a cue or layer of the cell
                select = _("Select “{name}”").format(name=short)
                menu.addAction(select, partial(self.view.document.select, item_id))
        menu.exec(event.globalPos())


class SensoryMapView(QWidget):
    """Zones × the five senses, with cues and layers in each cell.

    `retranslate()` redraws every text in the language now set (headers, cells and
    their tooltips, the legend, names); it runs by itself on Qt's LanguageChange.
    """

    picture_view = "senses"  # View ▸ Save view as image… (gui/picture.py)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = SensoryModel(self)
        self._table = _Table(self)
        set_up_table(self._table, self.model, lambda: self.model.marked)
        self._apply_metrics()
        self._table.doubleClicked.connect(self._activate)
        self._table.clicked.connect(self._clicked)

        legend = self._legend = make_legend(self)
        legend.setText(self._legend_html())
        page = QWidget(self)
        lay_out_page(page, legend, self._table)
        self._page = page
        self._empty = empty_state(empty_text(), self)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(page)
        self._stack.addWidget(self._empty)
        self._dirty = True
        # What the rows were made from, where each item stands, and the items edited since
        # (None: anything): typing in a cue or a zone makes its rows again, not all.
        self._drawn: CheckResult | None = None
        self._places: dict[str, set[int]] = {}
        self._edited: set[str] | None = None
        document.changed.connect(self._note_change)
        document.checked.connect(self._on_checked)
        document.selection_changed.connect(self._on_selection)
        self._name_widgets()
        self._ensure_fresh()

    def retranslate(self) -> None:
        """Redraw every text in the current language (also run on LanguageChange)."""
        self._name_widgets()
        self._legend.setText(self._legend_html())
        retranslate_empty_state(self._empty, empty_text())
        self.model.retranslate()
        self._table.setToolTip("")
        self._table.viewport().update()

    def _name_widgets(self) -> None:
        self.setAccessibleName(_("Sensory map view"))
        self._table.setAccessibleName(_("Sensory map"))
        self._table.setAccessibleDescription(
            _("Zones in rows, the five senses in columns. Press Enter on a cell to add a cue.")
        )
        self._legend.setAccessibleName(_("Sensory map legend"))

    def legend_text(self) -> str:
        """The legend above the table as plain text."""
        return _strip_tags(self._legend.text())

    # -- read-only helpers (tests, other panels) ---------------------------------

    def table(self) -> QTableView:
        return self._table

    def zone_ids(self) -> list[str]:
        self._ensure_fresh()
        return [r.zone_id for r in self.model.rows]

    def index_of(self, zone_id: str, sense: str) -> QModelIndex:
        self._ensure_fresh()
        return self.model.index(self.model.row_of(zone_id), SENSES.index(sense) + 1)

    def cell(self, zone_id: str, sense: str) -> Cell:
        """What the map shows for one sense in one zone."""
        found = self.model.cell(self.index_of(zone_id, sense))
        if found is None:
            raise KeyError(f"no zone '{zone_id}' in the sensory map")
        return found

    def cell_text(self, zone_id: str, sense: str) -> str:
        return str(self.index_of(zone_id, sense).data(Qt.ItemDataRole.DisplayRole) or "")

    def marked_cells(self) -> list[tuple[str, str]]:
        """(zone, sense) of the cells where the selected item is present."""
        self._ensure_fresh()
        marked = self.model.marked
        return [
            (row.zone_id, sense)
            for row in self.model.rows
            for sense, cell in zip(SENSES, row.cells, strict=True)
            if marked and marked in cell.ids
        ]

    def cell_center(self, zone_id: str, sense: str) -> QPoint:
        """A cell's centre in the table's viewport (scrolled into view first)."""
        index = self.index_of(zone_id, sense)
        self._table.scrollTo(index)
        return self._table.visualRect(index).center()

    # -- actions --------------------------------------------------------------------

    def add_cue(self, zone_id: str, sense: str) -> str | None:
        """Add a positive cue of `sense` in the zone as one edit; select it and return its id."""
        cue_id = new_id(self.document.design, "cue")
        cue = Cue(cue_id, text=new_cue_text(sense), senses=[sense], at=[zone_id])
        error = self.document.push(AddItem("cues", cue))
        if error is not None:
            self._table.setToolTip(error)
            return None
        self.document.select(cue_id)
        return cue_id

    def _activate(self, index: AnyIndex) -> None:
        zone_id = str(index.data(ZONE_ROLE) or "")
        if not zone_id:
            return
        if index.column() == 0:
            self.document.select(zone_id)
        else:
            self.add_cue(zone_id, SENSES[index.column() - 1])

    def _clicked(self, index: AnyIndex) -> None:
        if index.column() == 0:
            self.document.select(str(index.data(ZONE_ROLE)))

    # -- refresh ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_fresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        themed = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_empty"):
            self.retranslate()
        elif event.type() in themed and hasattr(self, "_legend"):
            self._apply_metrics()
            self._legend.setText(self._legend_html())

    def _apply_metrics(self) -> None:
        apply_metrics(self._table, self.font())

    def _on_checked(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._ensure_fresh()

    def _note_change(self, change: Change) -> None:
        if self._edited is not None:
            self._edited = None if change.fields is None else self._edited | change.ids

    def _ensure_fresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        current = self._table.currentIndex()
        zone = str(current.data(ZONE_ROLE) or "") if current.isValid() else ""
        column = current.column()
        result, drawn = self.document.result, self._drawn
        edited, self._edited = self._edited, set()
        self._drawn = result
        if edited is not None and drawn is not None and result.graph is drawn.graph:
            overloads = sense_overloads(result)
            if result is drawn or overloads == sense_overloads(drawn):
                # The same presence: only the rows of the items edited may read anew.
                rows = list(self.model.rows)
                for index in {i for item in edited for i in self._places.get(item, ())}:
                    rows[index] = zone_row(result.graph, rows[index].zone_id, overloads)
                self.model.set_rows(rows)  # where each item is present is as it was
                return
        self.model.set_rows(build_rows(result))
        self._places = row_places(result.graph, self.model.rows)
        self.model.set_marked(self.document.selected)
        self._stack.setCurrentWidget(self._page if self.model.rows else self._empty)
        if zone and not self._table.currentIndex().isValid():
            row = self.model.row_of(zone)
            if row >= 0:
                self._table.setCurrentIndex(self.model.index(row, column))

    def _on_selection(self, item_id: str) -> None:
        """Mark the cells where the selected item is present; bring a zone's row, or the
        first cell of a cue or layer, into view unless the current cell already shows it."""
        self.model.set_marked(item_id)
        current = self._table.currentIndex()
        row = self.model.row_of(item_id)
        if row >= 0:
            if current.row() != row:
                self._table.setCurrentIndex(self.model.index(row, 0))
            self._table.scrollTo(self.model.index(row, 0))
            return
        here = self.model.cell(current)
        if not item_id or (here is not None and item_id in here.ids):
            return
        for r, each in enumerate(self.model.rows):
            for c, cell in enumerate(each.cells):
                if item_id in cell.ids:
                    self._table.scrollTo(self.model.index(r, c + 1))
                    return

    def _legend_html(self) -> str:
        return legend_html(self.palette())

    # -- pictures (View ▸ Save view as image…) -------------------------------------

    def has_picture(self) -> bool:
        """Whether there is a zone to map (the tab shows its empty state otherwise)."""
        return bool(self.document.design.zones)

    def picture_scene(self) -> QGraphicsScene:
        """Every zone's row, as `cuecraft render --view senses` draws it."""
        return sensory_picture(self.document.result, light_palette(), picture_font())


def _strip_tags(html: str) -> str:
    text = re.sub(r"<[^>]+>", "", html).replace("&nbsp;", " ")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
