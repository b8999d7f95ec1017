"""The table behind the sensory map: zones (rows) × the five senses (columns).

Column 0 names the zone; columns 1–5 are sight, sound, smell, touch and taste.
Each sense cell holds what is present in that zone for that sense: the layers,
the positive cues and the (active) negative cues, as a `Cell`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from cuecraft.core.check import CheckResult
from cuecraft.core.model import SENSES

from ._style import html_escape

CELL_ROLE = Qt.ItemDataRole.UserRole + 1
ZONE_ROLE = Qt.ItemDataRole.UserRole + 2  # the zone id of the row
SENSE_ROLE = Qt.ItemDataRole.UserRole + 3  # the sense of the column, "" for the zone column

SENSE_QUESTIONS = {
    "sight": "What guests see",
    "sound": "What guests hear",
    "smell": "What guests smell",
    "touch": "What guests feel",
    "taste": "What guests taste",
}

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
            {i for i, *_ in self.layers}
            | {i for i, _ in self.positive}
            | {i for i, _ in self.negative}
        )

    @property
    def load(self) -> int:
        """How much is going on: the layers' added-up intensity plus the cues."""
        return self.intensity + len(self.positive) + len(self.negative)

    def lines(self) -> list[tuple[str, str, str]]:
        """(kind, id, text) in display order: negative cues first (they must not hide
        under "+N more"), then layers, then positive cues."""
        out = [("negative", i, text) for i, text in self.negative]
        out += [("layer", i, name) for i, name, _ in self.layers]
        out += [("positive", i, text) for i, text in self.positive]
        return out

    def summary(self) -> str:
        """Plain text of the cell: what a screen reader and the tests read."""
        prefixes = {"negative": "− ", "layer": "≈ ", "positive": ""}
        return "; ".join(prefixes[kind] + text for kind, _, text in self.lines())

    def tooltip(self, zone: str, sense: str) -> str:
        head = f"<b>{html_escape(sense.capitalize())} in {html_escape(zone)}</b>"
        if self.empty:
            return head + "<br><i>Nothing yet — double-click or press Enter to add a cue.</i>"
        rows = [head]
        if self.overload:
            rows.append(f"<b>SEN003</b> {html_escape(self.overload)}")
        for _, name, intensity in self.layers:
            rows.append(f"≈ {html_escape(name)} <i>(layer, intensity {intensity})</i>")
        rows += [f"• {html_escape(text)}" for _, text in self.positive]
        rows += [
            f"<span style='color:#d33a2c'>− {html_escape(text)}</span>" for _, text in self.negative
        ]
        return "<br>".join(rows)


@dataclass
class ZoneRow:
    zone_id: str
    name: str
    cells: list[Cell]


def build_rows(result: CheckResult) -> list[ZoneRow]:
    """Every zone with its five sense cells, from the derived presence of the check."""
    graph = result.graph
    overloads: dict[tuple[str, str], str] = {}
    for f in result.findings:
        if f.code == "SEN003" and len(f.ids) >= 2:
            overloads[(f.ids[0], f.ids[1])] = f.message
    rows = []
    for zone_id, zone in graph.zones.items():
        cells = {sense: Cell() for sense in SENSES}
        for layer in graph.layers_at.get(zone_id, ()):
            if layer.sense in cells:
                cells[layer.sense].layers.append(
                    (layer.id, layer.name or layer.id, layer.intensity)
                )
        for cue in graph.cues_at.get(zone_id, ()):
            for sense in cue.senses:
                if sense in cells:
                    target = cells[sense].negative if cue.is_negative else cells[sense].positive
                    target.append((cue.id, cue.text or cue.id))
        for sense, cell in cells.items():
            cell.overload = overloads.get((zone_id, sense), "")
            cell.intensity = graph.intensity_in(zone_id, sense)
        rows.append(ZoneRow(zone_id, zone.name or zone_id, [cells[s] for s in SENSES]))
    return rows


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
            return "Zone" if section == 0 else SENSES[section - 1].capitalize()
        if role == Qt.ItemDataRole.ToolTipRole and section > 0:
            return SENSE_QUESTIONS[SENSES[section - 1]]
        return None

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
                return f"Zone {row.name}"
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
    if cell.empty:
        return f"{sense.capitalize()} in {zone}: nothing yet"
    counts = []
    for n, word in (
        (len(cell.layers), "layer"),
        (len(cell.positive), "positive cue"),
        (len(cell.negative), "negative cue"),
    ):
        if n:
            counts.append(f"{n} {word}{'s' if n != 1 else ''}")
    overload = "; overload" if cell.overload else ""
    return f"{sense.capitalize()} in {zone}: {', '.join(counts)}{overload}. {cell.summary()}"
