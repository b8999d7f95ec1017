"""The table behind the sensory map: zones (rows) × the five senses (columns).

Column 0 names the zone; columns 1–5 are sight, sound, smell, touch and taste.
Each sense cell holds what is present in that zone for that sense: the layers,
the positive cues and the (active) negative cues, as a `Cell`. Headers,
tooltips and spoken texts are written in the current language when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from cuecraft.core.i18n import _, ngettext, pgettext
from cuecraft.core.model import SENSES

from ._style import html_escape, join_names

if TYPE_CHECKING:  # a type only: the checks load after the first frame
    from cuecraft.core.check import CheckResult
    from cuecraft.core.graph import DesignGraph

CELL_ROLE = Qt.ItemDataRole.UserRole + 1
ZONE_ROLE = Qt.ItemDataRole.UserRole + 2  # the zone id of the row
SENSE_ROLE = Qt.ItemDataRole.UserRole + 3  # the sense of the column, "" for the zone column


def sense_title(sense: str) -> str:
    """The name of a sense (the file's `sight`, `sound`, …) as a column title."""
    if sense == "sight":
        return pgettext("sense", "Sight")
    if sense == "sound":
        return pgettext("sense", "Sound")
    if sense == "smell":
        return pgettext("sense", "Smell")
    if sense == "touch":
        return pgettext("sense", "Touch")
    if sense == "taste":
        return pgettext("sense", "Taste")
    return sense


def sense_question(sense: str) -> str:
    """What a sense's column answers (its header's tooltip)."""
    if sense == "sight":
        return _("What guests see")
    if sense == "sound":
        return _("What guests hear")
    if sense == "smell":
        return _("What guests smell")
    if sense == "touch":
        return _("What guests feel")
    if sense == "taste":
        return _("What guests taste")
    return sense


def zone_title() -> str:
    # TRANSLATORS: the sensory map's first column: the zones of the venue
    return _("Zone")


def sense_in_zone(sense: str, zone: str) -> str:
    """ "Sound in Lobby": the title of a cell."""
    # TRANSLATORS: a sensory-map cell: {sense} is a sense's name (Sight, Sound, …)
    return _("{sense} in {zone}").format(sense=sense_title(sense), zone=zone)


AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass
class Cell:
    """What is going on for one sense in one zone."""

    layers: list[tuple[str, str, int]] = field(default_factory=list)  # id, name, intensity
    positive: list[tuple[str, str]] = field(default_factory=list)  # id, text
    negative: list[tuple[str, str]] = field(default_factory=list)  # id, text
    overload: str = ""  # the SEN003 message, if any
    intensity: int = 0  # the layers' intensities added up (DesignGraph.intensity_in)

    @property
    def empty(self) -> bool:
        return not (self.layers or self.positive or self.negative)

    @property
    def ids(self) -> set[str]:
        return (
            {i for i, *_rest in self.layers}
            | {i for i, _text in self.positive}
            | {i for i, _text in self.negative}
        )

    @property
    def load(self) -> int:
        """How much is going on: the layers' added-up intensity plus the cues."""
        return self.intensity + len(self.positive) + len(self.negative)

    def lines(self) -> list[tuple[str, str, str]]:
        """(kind, id, text) in display order: negative cues first (they must not hide
        under "+N more"), then layers, then positive cues."""
        out = [("negative", i, text) for i, text in self.negative]
        out += [("layer", i, name) for i, name, _level in self.layers]
        out += [("positive", i, text) for i, text in self.positive]
        return out

    def summary(self) -> str:
        """Plain text of the cell: what a screen reader and the tests read."""
        prefixes = {"negative": "− ", "layer": "≈ ", "positive": ""}
        return "; ".join(prefixes[kind] + text for kind, _id, text in self.lines())

    def tooltip(self, zone: str, sense: str) -> str:
        """Rich text naming everything in the cell, in the current language."""
        head = f"<b>{html_escape(sense_in_zone(sense, zone))}</b>"
        if self.empty:
            nothing = _("Nothing yet — double-click or press Enter to add a cue.")
            return f"{head}<br><i>{html_escape(nothing)}</i>"
        rows = [head]
        if self.overload:
            rows.append(f"<b>SEN003</b> {html_escape(self.overload)}")
        for _id, name, intensity in self.layers:
            # TRANSLATORS: after a layer's name in a sensory-map tooltip
            kind = _("(layer, intensity {intensity})").format(intensity=intensity)
            rows.append(f"≈ {html_escape(name)} <i>{html_escape(kind)}</i>")
        rows += [f"• {html_escape(text)}" for _id, text in self.positive]
        rows += [
            f"<span style='color:#d33a2c'>− {html_escape(text)}</span>"
            for _id, text in self.negative
        ]
        return "<br>".join(rows)


@dataclass
class ZoneRow:
    zone_id: str
    name: str
    cells: list[Cell]


def build_rows(result: CheckResult) -> list[ZoneRow]:
    """Every zone with its five sense cells, from the derived presence of the check."""
    graph, overloads = result.graph, sense_overloads(result)
    return [zone_row(graph, zone_id, overloads) for zone_id in graph.zones]


def sense_overloads(result: CheckResult) -> dict[tuple[str, str], str]:
    """The senses overloaded in each zone (SEN003): (zone, sense) -> the finding's message."""
    overloads: dict[tuple[str, str], str] = {}
    for f in result.findings:
        if f.code == "SEN003" and len(f.ids) >= 2:
            overloads[(f.ids[0], f.ids[1])] = f.message
    return overloads


def zone_row(graph: DesignGraph, zone_id: str, overloads: dict[tuple[str, str], str]) -> ZoneRow:
    """One zone's row: what each sense meets there."""
    zone = graph.zones[zone_id]
    cells = {sense: Cell() for sense in SENSES}
    for layer in graph.layers_at.get(zone_id, ()):
        if layer.sense in cells:
            cells[layer.sense].layers.append((layer.id, layer.name or layer.id, layer.intensity))
    for cue in graph.cues_at.get(zone_id, ()):
        for sense in cue.senses:
            if sense in cells:
                target = cells[sense].negative if cue.is_negative else cells[sense].positive
                target.append((cue.id, cue.text or cue.id))
    for sense, cell in cells.items():
        cell.overload = overloads.get((zone_id, sense), "")
        cell.intensity = graph.intensity_in(zone_id, sense)
    return ZoneRow(zone_id, zone.name or zone_id, [cells[s] for s in SENSES])


def row_places(graph: DesignGraph, rows: list[ZoneRow]) -> dict[str, set[int]]:
    """The rows of each zone and of the zones where each cue and layer is present (a cue
    without a sense yet is present, though no cell lists it)."""
    places: dict[str, set[int]] = {}
    for index, row in enumerate(rows):
        places.setdefault(row.zone_id, set()).add(index)
        for item in (*graph.cues_at.get(row.zone_id, ()), *graph.layers_at.get(row.zone_id, ())):
            places.setdefault(item.id, set()).add(index)
    return places


class SensoryModel(QAbstractTableModel):
    """Zones × senses, refreshed in place while the zones stay the same."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ZoneRow] = []
        self.marked = ""  # the selected item: cells where it is present are marked

    def set_rows(self, rows: list[ZoneRow]) -> None:
        if [r.zone_id for r in rows] == [r.zone_id for r in self.rows]:
            # Same zones: repaint only the rows that changed (typing touches one or two).
            old, self.rows = self.rows, rows
            for i, (before, after) in enumerate(zip(old, rows, strict=True)):
                if before != after:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(SENSES)))
        else:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    def set_marked(self, item_id: str) -> None:
        if item_id != self.marked:
            self.marked = item_id
            if self.rows:
                self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, len(SENSES)))

    def row_of(self, zone_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r.zone_id == zone_id), -1)

    def cell(self, index: AnyIndex) -> Cell | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self.rows[index.row()].cells[index.column() - 1]

    # -- QAbstractTableModel --------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(SENSES) + 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.rows):
                return self.rows[section].name
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return zone_title() if section == 0 else sense_title(SENSES[section - 1])
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return sense_question(SENSES[section - 1])
        return None

    def retranslate(self) -> None:
        """Tell the views that every header and cell reads differently now."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(SENSES))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(SENSES)))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == ZONE_ROLE:
            return row.zone_id
        if role == SENSE_ROLE:
            return "" if col == 0 else SENSES[col - 1]
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"<b>{html_escape(row.name)}</b><br>{html_escape(row.zone_id)}"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                # TRANSLATORS: spoken for a row of the sensory map
                return _("Zone {zone}").format(zone=row.name)
            return None
        cell = row.cells[col - 1]
        sense = SENSES[col - 1]
        if role == CELL_ROLE:
            return cell
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.summary()
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip(row.name, sense)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _spoken(cell, sense, row.name)
        return None


def _spoken(cell: Cell, sense: str, zone: str) -> str:
    """What a screen reader says for a cell, in the current language."""
    where = sense_in_zone(sense, zone)
    if cell.empty:
        # TRANSLATORS: spoken for an empty sensory-map cell ("Sound in Lobby: nothing yet")
        return _("{cell}: nothing yet").format(cell=where)
    counts = []
    if cell.layers:
        n = len(cell.layers)
        counts.append(ngettext("{n} layer", "{n} layers", n).format(n=n))
    if cell.positive:
        n = len(cell.positive)
        counts.append(ngettext("{n} positive cue", "{n} positive cues", n).format(n=n))
    if cell.negative:
        n = len(cell.negative)
        counts.append(ngettext("{n} negative cue", "{n} negative cues", n).format(n=n))
    details = join_names(counts)
    if cell.overload:
        # TRANSLATORS: spoken for a sensory-map cell with too much going on (SEN003)
        details = _("{counts}; overload").format(counts=details)
    # TRANSLATORS: spoken for a sensory-map cell: where, how many of what, then the items
    return _("{cell}: {details}. {items}").format(cell=where, details=details, items=cell.summary())
