"""The sensory map's page: its legend over its table, set up the one way the tab and a
picture both use.

The Sensory map tab (sensory_map.py) is a live page: it scrolls, selects, adds cues.
A picture of it (`sensory_picture`, for `cuecraft render --view senses` and View ▸
Save view as image…) is the same page made again offscreen — the same legend
label, the same table, model and cell delegate — sized to hold every zone, and
painted into the picture by Qt itself (a proxy widget in a scene): the header's
words and the cells' lines stay text in an SVG. Only what invites a click is left
out of a picture: the "+ add" of an empty cell and the legend's "double-click…",
as a blueprint picture leaves out its "add the first action" hint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsScene,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.i18n import pgettext

from ._style import accent, html_escape, mix, muted_text, severity_color
from .sensory_delegate import HEAT_HUE, CellDelegate
from .sensory_model import SensoryModel, build_rows

if TYPE_CHECKING:  # a type only: the checks load after the first frame
    from cuecraft.core.check import CheckResult

PICTURE_WIDTH = 1200  # px: a picture's own width, before `--width` scales it


def legend_words() -> list[str]:
    """The legend's entries in the current language: layer, positive cue, negative cue,
    overload, what the tint means, how to add a cue."""
    return [
        # TRANSLATORS: sensory-map legend entries, each short; they wrap as a whole line
        pgettext("sensory map legend", "layer"),
        pgettext("sensory map legend", "positive cue"),
        pgettext("sensory map legend", "negative cue"),
        pgettext("sensory map legend", "overload (SEN003)"),
        pgettext("sensory map legend", "deeper tint = more going on"),
        pgettext("sensory map legend", "double-click a cell or press Enter to add a cue"),
    ]


def legend_html(pal: QPalette, invite: bool = True) -> str:
    """The legend in the palette's colours (`invite`: with how to add a cue)."""
    muted = muted_text(pal).name()
    text = pal.color(QPalette.ColorRole.Text).name()
    neg = severity_color(pal, "error").name()
    warn = severity_color(pal, "warning").name()
    layer = mix(pal.color(QPalette.ColorRole.Text), accent(pal, HEAT_HUE), 0.55).name()
    words = [html_escape(w) for w in legend_words()]
    how = f" &nbsp;·&nbsp; {words[5]}" if invite else ""
    return (
        f"<span style='color:{muted}'>"
        f"<i style='color:{layer}'>≈&nbsp;{words[0]}</i> &nbsp;&nbsp; "
        f"<span style='color:{text}'>{words[1]}</span> &nbsp;&nbsp; "
        f"<span style='color:{neg}'>−&nbsp;{words[2]}</span> &nbsp;&nbsp; "
        f"<span style='color:{warn}'>▭&nbsp;{words[3]}</span> &nbsp;&nbsp; "
        f"{words[4]}{how}</span>"
    )


def make_legend(parent: QWidget) -> QLabel:
    legend = QLabel(parent)
    legend.setObjectName("sensoryLegend")
    legend.setTextFormat(Qt.TextFormat.RichText)
    legend.setWordWrap(True)
    return legend


def set_up_table(
    table: QTableView, model: SensoryModel, marked: Callable[[], str], invite: bool = True
) -> None:
    """The table as the map shows it: zones in rows, senses in stretched columns, cells
    painted by CellDelegate (`marked`: the id whose cells get a ring)."""
    table.setModel(model)
    table.setItemDelegate(CellDelegate(table, marked, invite))
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setHighlightSections(False)
    # Only spacing: colours come from the palette, so dark and high-contrast themes hold.
    header.setStyleSheet(
        "QHeaderView::section { padding: 5px 12px; border: none;"
        " border-bottom: 1px solid palette(mid); background: palette(window); }"
    )
    header.setMinimumSectionSize(110)
    apply_metrics(table, table.font())


def apply_metrics(table: QTableView, font: QFont) -> None:
    """Row height and the zone column's width for `font`."""
    line = QFontMetrics(font).lineSpacing()
    table.verticalHeader().setDefaultSectionSize(line * 4 + 22)
    table.horizontalHeader().resizeSection(0, max(180, line * 12))


def lay_out_page(page: QWidget, legend: QLabel, table: QTableView) -> None:
    """The legend in a row over the table."""
    top = QHBoxLayout()
    top.setContentsMargins(12, 8, 12, 4)
    top.addWidget(legend)
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addLayout(top)
    column.addWidget(table)


def sensory_picture(result: CheckResult, palette: QPalette, font: QFont) -> QGraphicsScene:
    """A new scene holding the map's page made offscreen at PICTURE_WIDTH, tall enough for
    every zone (no scroll bar), in `palette` and `font`."""
    page = QWidget()
    page.setPalette(palette)
    page.setFont(font)
    page.setAutoFillBackground(True)
    legend = make_legend(page)
    legend.setText(legend_html(palette, invite=False))
    model = SensoryModel(page)
    model.set_rows(build_rows(result))
    table = QTableView(page)
    set_up_table(table, model, lambda: "", invite=False)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for bar in (table.horizontalScrollBar(), table.verticalScrollBar()):
        bar.setEnabled(False)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    lay_out_page(page, legend, table)
    # The page is sized below, to its rows: its layout need not bound a window's size
    # (which, on the offscreen platform, also warns on stderr).
    layout = page.layout()
    assert layout is not None
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    header = table.horizontalHeader()
    rows = table.verticalHeader().defaultSectionSize() * model.rowCount()
    legend_h = legend.heightForWidth(PICTURE_WIDTH - 24) + 12
    frame = table.frameWidth() * 2
    page.resize(PICTURE_WIDTH, legend_h + header.sizeHint().height() + rows + frame)
    scene = QGraphicsScene()
    proxy = scene.addWidget(page)  # the scene owns the page from now on
    scene.setSceneRect(proxy.boundingRect())
    return scene
