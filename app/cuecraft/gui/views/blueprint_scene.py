"""The service blueprint as a drawing: core's grid (`core.blueprint`) laid out in a scene.

Columns are the touchpoints in the one journey order; rows from the top are the
physical evidence (a few positive cues per step, "+N more"), the customer's
actions (the touchpoints, arrows along the journey, so a branch reads as
branches), then the frontstage, backstage and support actions as cards, with the
lines of interaction, visibility and internal interaction drawn and named
between them. An action serving a run of steps spans their columns; one serving
no step stands in a last column. Fail points are marked F, wait points "W 20 min";
an arrow runs from an action to each action that `needs` it.

The scene depends on no widget: the workbench's Blueprint tab shows it and
`cuecraft render --view blueprint` paints it into SVG or PNG.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
)

from cuecraft.core.blueprint import CUSTOMER, EVIDENCE, LINES, ROWS, Blueprint, Card, blueprint
from cuecraft.core.findings import Finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.model import Action
from cuecraft.core.names import full_name, label_lines
from cuecraft.core.words import phase_word

from . import blueprint_words as words
from ._style import count_text, findings_by_id, findings_tooltip, mix, severity_by_id
from .blueprint_arrows import ARC, journey_paths, needs_paths
from .blueprint_cards import (
    COLUMN,
    TEXT_LINES,
    action_tip,
    cue_line,
    cue_tip,
    fitting,
    ghost_lines,
    head_lines,
    more_tip,
    step_lines,
)
from .blueprint_items import (
    NAME_LINES,
    PAD,
    BlueprintStyle,
    CardItem,
    ColumnHead,
    HeadingBand,
    TextItem,
)

GUTTER = 18.0  # between columns
MARGIN = 16.0  # around the drawing and between the headings and the first column
ROW_PAD = 10.0  # above and below the cards of a row
LINE_GAP = 26.0  # between two rows a line runs through
CARD_GAP = 8.0  # between cards stacked in one cell
EVIDENCE_SHOWN = 3  # cues shown per step; the rest are counted
LANE_MIN = 44.0  # an empty lane row still reads as a row
HINT_WIDTH = 3 * COLUMN + 2 * GUTTER
Cells = dict[tuple[str, int], list[Card]]  # the cards that start in each (row, column)


def light_palette() -> QPalette:
    """The palette of a drawing saved to a file: dark ink on white, whatever the desktop."""
    palette = QPalette(QColor("#f3f3f3"))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1f"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1d1d1f"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f7fd0"))
    return palette


class BlueprintScene(QGraphicsScene):
    """The blueprint of one design; `build()` draws it (again) from a checked graph."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reset()

    def _reset(self) -> None:
        self.grid: Blueprint | None = None
        self.band: HeadingBand | None = None
        self._cards: dict[str, CardItem] = {}  # the card of each touchpoint and action
        self._all: list[CardItem] = []  # every card, cue chips and repeated actions included
        self.column_x: list[float] = []
        self.head_width = 0.0
        self.rows: dict[str, tuple[float, float]] = {}
        self.line_y: dict[str, float] = {}
        self.flow_pairs: list[tuple[str, str]] = []
        self.return_pairs: list[tuple[str, str]] = []
        self.needs_pairs: list[tuple[str, str]] = []  # (action, the action it needs)
        self.hint_item: TextItem | None = None
        # Where the cards stand and what follows them, kept to lay the action lanes out
        # again when a card grows or shrinks (`_relayout`): the cards of each lane in the
        # order they were stacked (with their first and last column), the repeated ones
        # after them, and the arrows, row backgrounds and lines drawn from their places.
        self._stacks: dict[str, list[tuple[CardItem, int, int]]] = {}
        self._repeats: dict[str, list[tuple[CardItem, int]]] = {}
        self._needs_items: list[QGraphicsPathItem] = []
        self._row_rects: dict[str, QGraphicsRectItem] = {}
        self._line_items: dict[str, QGraphicsLineItem] = {}
        # What `refresh` needs to say new words in place: the graph and style drawn, every
        # card of each item, the columns' heads, the "+3 more" of each column and the
        # cues they list, each card's tooltip before its findings, the findings drawn.
        self.graph: DesignGraph | None = None
        self._style: BlueprintStyle | None = None
        self._of: dict[str, list[CardItem]] = {}
        self._head_of: dict[str, ColumnHead] = {}
        self._more: list[tuple[TextItem, list[str]]] = []
        self._tips: dict[int, str] = {}  # id(card) -> its own tooltip
        self._found: dict[str, list[Finding]] = {}

    # -- read-only helpers (the view, tests) -------------------------------------------

    def card(self, item_id: str) -> CardItem | None:
        """The card of a touchpoint or action (the first chip of a cue)."""
        found = self._cards.get(item_id)
        if found is None:
            found = next((c for c in self._all if c.item_id == item_id), None)
        return found

    def cards(self) -> list[CardItem]:
        return list(self._all)

    def marks(self) -> list[tuple[str, str, str]]:
        """(kind, item id, text) of every F and W mark."""
        return [(m.kind, c.item_id, m.text) for c in self._all for m in c.marks]

    def select(self, item_id: str) -> CardItem | None:
        """Highlight the cards of one item (nothing for ""); return its main card."""
        for each in self._all:
            each.set_selected(each.item_id == item_id)
        return self.card(item_id) if item_id else None

    def selected_ids(self) -> set[str]:
        return {c.item_id for c in self._all if c.selected}

    # -- words in place ------------------------------------------------------------------

    def refresh(self, graph: DesignGraph, ids: set[str], findings: Iterable[Finding]) -> bool:
        """After edits that move nothing on the grid (the graph drawn is kept, `ids` were
        typed into): their cards and the tooltips that name them say the new words, and
        cards whose findings changed are ringed anew; an action's card that grows or
        shrinks (its words wrap anew, a line of owner and times comes or goes) has the
        action lanes stood again around it; no card is made again (at 10,000 cues the
        whole blueprint takes most of a second to draw). False, and nothing changed,
        where the grid drawn is not this graph's."""
        style = self._style
        if graph is not self.graph or style is None:
            return False
        cards: dict[int, tuple[CardItem, list[str], str]] = {}  # id(card) -> lines, own tip
        tips: dict[int, str] = {}  # tooltips alone, of cards that only name an edited item
        heads: list[tuple[ColumnHead, list[str]]] = []
        mores: list[TextItem] = []
        marks: list[tuple[CardItem, str, str, object]] = []  # card, kind, text, of what
        metrics = QFontMetricsF(style.text)
        for item_id in ids:
            if item_id in graph.cues:
                name = full_name(graph.cues[item_id])
                line = cue_line(name, metrics)
                for card in self._of.get(item_id, []):
                    cards[id(card)] = (card, [line], cue_tip(name))
                mores += [more for more, listed in self._more if item_id in listed]
            elif item_id in graph.touchpoints:
                tp = graph.touchpoints[item_id]
                head = self._head_of.get(item_id)
                if head is not None:
                    heads.append((head, head_lines(tp, style)))
                tip = words.touchpoint_tooltip(tp, full_name(tp))
                for card in self._of.get(item_id, []):
                    cards[id(card)] = (card, step_lines(tp, style), tip)
                    wait = words.wait_mark(tp.wait) if tp.wait else ""
                    marks.append((card, "wait", wait, tp.wait))
                serving = [a.id for a in graph.actions_at.get(item_id, ())]
                tips.update(self._action_tips(graph, serving))
            elif item_id in graph.zones:
                served = [a for a, action in graph.actions.items() if action.zone == item_id]
                tips.update(self._action_tips(graph, served))
            elif item_id in graph.actions:
                action = graph.actions[item_id]
                tip = action_tip(graph, item_id)
                for card in self._of.get(item_id, []):
                    if card.ghost:
                        cards[id(card)] = (card, ghost_lines(action, style), tip)
                        continue
                    width = card.rect.width() - 2 * PAD - 18
                    lines = label_lines(full_name(action), fitting(style.text, width), TEXT_LINES)
                    cards[id(card)] = (card, lines, tip)
                    marks.append((card, "fail", words.fail_mark(), action))
        # A step's name has room for two lines wherever it stands, a cue's chip and a
        # repeated action's card take one; an action's card grows or shrinks with its words.
        resized = False
        for card, lines, tip in cards.values():
            if card.row not in (EVIDENCE, CUSTOMER) and not card.ghost:
                height = card.rect.height()
                card.set_words(lines, words.action_meta(graph.actions[card.item_id]))
                resized |= card.rect.height() != height
            else:
                card.lines = lines
                card.update()
            self._tips[id(card)] = tip
        if resized:
            self._relayout()
        for key, tip in tips.items():
            self._tips[key] = tip
        for head, lines in heads:
            head.lines = lines
            head.update()
        # A wait or fail point's mark says its words, comes when one is typed, goes when it
        # is cleared; the card keeps its size.
        for card, kind, text, of in marks:
            if isinstance(of, Action):
                if of.has_fail_point:
                    card.set_mark(kind, text, words.fail_tooltip(of))
                else:
                    card.drop_mark(kind)
            elif isinstance(of, int) and of:
                card.set_mark(kind, text, words.wait_tooltip(of), bottom=True)
            else:
                card.drop_mark(kind)
        for more in mores:
            more.setToolTip(more_tip(graph, next(c for m, c in self._more if m is more)))
        touched = {card.item_id for card, _lines, _tip_ in cards.values()}
        touched |= {c.item_id for c in self._all if id(c) in tips}
        self._flag(findings_by_id(findings), touched)
        return True

    def _action_tips(self, graph: DesignGraph, actions: Iterable[str]) -> dict[int, str]:
        """The tooltips of these actions' cards (their steps' or zone's names changed)."""
        out: dict[int, str] = {}
        for action_id in dict.fromkeys(actions):
            if action_id in graph.actions:
                tip = action_tip(graph, action_id)
                out.update((id(card), tip) for card in self._of.get(action_id, []))
        return out

    def _flag(self, found: dict[str, list[Finding]], also: Iterable[str] = ()) -> None:
        """Ring the cards the findings name (their worst severity) and add the findings to
        their tooltips, where they changed since last drawn and for the items in `also`."""
        before = self._found
        changed = {i for i in found.keys() | before.keys() if found.get(i) != before.get(i)}
        for item_id in changed | set(also):
            mine = found.get(item_id, [])
            for card in self._of.get(item_id, []):
                tip = self._tips[id(card)]
                if card.ghost:
                    card.setToolTip(tip)
                    continue
                severity = severity_by_id(mine).get(item_id, "")
                if severity != card.severity:
                    card.severity = severity
                    card.update()
                card.setToolTip(f"{tip}<br>{findings_tooltip(mine)}" if mine else tip)
        self._found = found

    # -- building ----------------------------------------------------------------------

    def build(
        self,
        graph: DesignGraph,
        style: BlueprintStyle | None = None,
        findings: Iterable[Finding] = (),
        hint: str = "",
    ) -> None:
        """Draw the blueprint of `graph`; `findings` ring the cards they name; `hint` is
        written in the empty lanes of a design without actions."""
        # Forget the old items before deleting them: clearing moves the scene's rect, and
        # the view then asks for the heading band, which must not be a deleted one.
        self._reset()
        self.clear()
        if style is None:
            style = BlueprintStyle.make(QGuiApplication.palette(), QGuiApplication.font())
        grid = self.grid = blueprint(graph)
        self.graph, self._style = graph, style
        cells: Cells = {}
        for card in grid.cards:
            cells.setdefault((card.row, card.column), []).append(card)
        heading_metrics = QFontMetricsF(style.heading)
        titles = {row: words.row_title(row) for row in ROWS}
        head_w = min(
            200.0, max(120.0, *(heading_metrics.horizontalAdvance(t) + 24 for t in titles.values()))
        )
        self.head_width = head_w
        self.column_x = [head_w + MARGIN + i * (COLUMN + GUTTER) for i in range(grid.width)]
        y = MARGIN + self._heads(graph, grid, style)
        y += 8
        y = self._evidence(graph, grid, cells, style, y)
        y = self._customer(graph, grid, cells, style, y + 6)
        for name, _above, below in LINES:
            line_y = y + LINE_GAP / 2
            self.line_y[name] = line_y
            y = self._lane(graph, grid, cells, style, below, y + LINE_GAP)
        self._arrows(grid, style)
        if hint and not grid.has_actions:
            self._hint(hint, style)
        self._frame(style, y + MARGIN)
        self.setBackgroundBrush(style.base)
        for each in self._all:
            self._of.setdefault(each.item_id, []).append(each)
            self._tips[id(each)] = each.toolTip()
        self._flag(findings_by_id(findings))

    def _heads(self, graph: DesignGraph, grid: Blueprint, style: BlueprintStyle) -> float:
        tallest = 0.0
        for i, tp_id in enumerate(grid.columns):
            tp = graph.touchpoints[tp_id]
            lines = head_lines(tp, style)
            head = ColumnHead(count_text(i + 1), lines, phase_word(tp.phase), COLUMN, style)
            self._head_of[tp_id] = head
            self._place(head, i, MARGIN)
            tallest = max(tallest, head.boundingRect().height())
        if grid.unplaced:
            lines = label_lines(words.no_step_title(), fitting(style.bold, COLUMN), NAME_LINES)
            head = ColumnHead("", lines, "", COLUMN, style)
            self._place(head, len(grid.columns), MARGIN)
            tallest = max(tallest, head.boundingRect().height())
        return tallest

    def _place(self, item: ColumnHead | CardItem | TextItem, column: int, y: float) -> None:
        self.addItem(item)
        item.setPos(self.column_x[column], y)

    def _card(
        self,
        item_id: str,
        row: str,
        width: float,
        lines: list[str],
        meta: str,
        tip: str,
        style: BlueprintStyle,
    ) -> CardItem:
        card = CardItem(item_id, row, width, lines, meta, style)
        card.setToolTip(tip)
        self._all.append(card)
        return card

    def _evidence(
        self, graph: DesignGraph, grid: Blueprint, cells: Cells, style: BlueprintStyle, top: float
    ) -> float:
        metrics = QFontMetricsF(style.text)
        elided: dict[str, str] = {}  # one cue stands in many columns: cut its name once
        bottom = top + LANE_MIN
        for i in range(len(grid.columns)):
            cues = [graph.cues[c.id] for c in cells.get((EVIDENCE, i), [])]
            y = top + ROW_PAD
            for cue in cues[:EVIDENCE_SHOWN]:
                name = full_name(cue)
                line = elided.get(cue.id)
                if line is None:
                    line = elided[cue.id] = cue_line(name, metrics)
                card = self._card(cue.id, EVIDENCE, COLUMN, [line], "", cue_tip(name), style)
                self._place(card, i, y)
                y += card.rect.height() + 4
            if len(cues) > EVIDENCE_SHOWN:
                rest = cues[EVIDENCE_SHOWN:]
                listed = [c.id for c in rest[:12]]
                more = TextItem([words.more_text(len(rest))], style.text, style.muted, "")
                more.setToolTip(more_tip(graph, listed))
                self._more.append((more, listed))
                self._place(more, i, y + 1)
                y += more.boundingRect().height() + 2
            bottom = max(bottom, y + ROW_PAD)
        self.rows[EVIDENCE] = (top, bottom)
        return bottom

    def _customer(
        self, graph: DesignGraph, grid: Blueprint, cells: Cells, style: BlueprintStyle, top: float
    ) -> float:
        made: list[CardItem] = []
        for tp_id in grid.columns:
            tp = graph.touchpoints[tp_id]
            tip = words.touchpoint_tooltip(tp, full_name(tp))
            card = self._card(tp_id, CUSTOMER, COLUMN, step_lines(tp, style), "", tip, style)
            self._cards[tp_id] = card
            made.append(card)
        # Room for two lines of every name (`NAME_LINES`): typing one never moves the rows.
        height = 2 * PAD + NAME_LINES * style.line(style.bold) if made else LANE_MIN - 2 * ROW_PAD
        for i, card in enumerate(made):
            card.set_height(height)
            self._place(card, i, top + ROW_PAD + ARC)
            for each in cells.get((CUSTOMER, i), []):
                if each.id == card.item_id and each.wait:
                    # On the lower edge: the journey's arrows leave and arrive at the top.
                    wait, tip = words.wait_mark(each.wait), words.wait_tooltip(each.wait)
                    card.add_mark("wait", wait, tip, bottom=True)
        bottom = top + 2 * ROW_PAD + ARC + height + ARC
        self.rows[CUSTOMER] = (top, bottom)
        return bottom

    def _lane(
        self,
        graph: DesignGraph,
        grid: Blueprint,
        cells: Cells,
        style: BlueprintStyle,
        row: str,
        top: float,
    ) -> float:
        fits_cache: dict[int, Callable[[str], bool]] = {}
        stack = self._stacks[row] = []
        ghosts: list[tuple[Card, int]] = []
        for column in range(grid.width):
            for cell in cells.get((row, column), []):
                action = graph.actions[cell.id]
                span = cell.last - cell.column + 1
                width = span * COLUMN + (span - 1) * GUTTER
                fits = fits_cache.setdefault(span, fitting(style.text, width - 2 * PAD - 18))
                lines = label_lines(full_name(action), fits, TEXT_LINES)
                card = self._card(
                    action.id,
                    row,
                    width,
                    lines,
                    words.action_meta(action),
                    action_tip(graph, action.id),
                    style,
                )
                if action.has_fail_point:
                    card.add_mark("fail", words.fail_mark(), words.fail_tooltip(action))
                self.addItem(card)
                stack.append((card, cell.column, cell.last))
                self._cards[action.id] = card
                ghosts.extend((cell, other) for other in cell.also)
        repeats = self._repeats[row] = []
        for cell, column in ghosts:
            main = self._cards[cell.id]
            ghost = CardItem(cell.id, row, COLUMN, main.lines[:1], "", style, ghost=True)
            ghost.lines = ghost_lines(graph.actions[cell.id], style)
            ghost.setToolTip(main.toolTip())
            self._all.append(ghost)
            self.addItem(ghost)
            repeats.append((ghost, column))
        return self._stack(row, top)

    def _stack(self, row: str, top: float) -> float:
        """Stand an action lane's cards from `top`: each in its columns under the cards
        placed before it (one spanning columns under the lowest of them), the cards of
        actions repeated in further columns last. Returns the lane's bottom."""
        floor = [top + ROW_PAD] * len(self.column_x)  # where the next card of each column may go
        for card, first, last in self._stacks[row]:
            columns = range(first, last + 1)
            y = max(floor[c] for c in columns)
            self._move(card, first, y)
            for c in columns:
                floor[c] = y + card.rect.height() + CARD_GAP
        for ghost, column in self._repeats[row]:
            self._move(ghost, column, floor[column])
            floor[column] += ghost.rect.height() + CARD_GAP
        bottom = max([top + LANE_MIN, *(f - CARD_GAP + ROW_PAD for f in floor)])
        self.rows[row] = (top, bottom)
        return bottom

    def _move(self, item: CardItem, column: int, y: float) -> None:
        where = QPointF(self.column_x[column], y)
        if item.pos() != where:
            item.setPos(where)

    def _relayout(self) -> None:
        """The action lanes stood again around cards that grew or shrank, and what stands
        under them or is drawn from their places; no card is made again (at 10,000 cues
        the whole blueprint takes most of a second to draw)."""
        style = self._style
        assert style is not None and self.grid is not None  # drawn before
        y = self.rows[CUSTOMER][1]
        for name, _above, below in LINES:
            self.line_y[name] = y + LINE_GAP / 2
            y = self._stack(below, y + LINE_GAP)
        self._needs_arrows(self.grid, style)  # the customer row and its arrows stay
        self._frame(style, y + MARGIN)

    def _frame(self, style: BlueprintStyle, bottom: float) -> None:
        """The rows' backgrounds and the three lines under the cards, the headings band,
        and the scene's size: drawn, or moved where the rows now stand."""
        head_w = self.head_width
        right = (self.column_x[-1] + COLUMN) if self.column_x else head_w + MARGIN + COLUMN
        for i, row in enumerate(ROWS):
            top, end = self.rows[row]
            if i % 2:
                area = QRectF(head_w, top, right + MARGIN - head_w, end - top)
                rect = self._row_rects.get(row)
                if rect is None:
                    fill = mix(style.base, style.ink, 0.025)
                    rect = self._row_rects[row] = self.addRect(area, QPen(Qt.PenStyle.NoPen), fill)
                    rect.setZValue(-2)
                elif rect.rect() != area:
                    rect.setRect(area)
        line_pen = QPen(style.muted, 1.2, Qt.PenStyle.DashLine)
        for name, line_y in self.line_y.items():
            line = self._line_items.get(name)
            if line is None:
                line = self._line_items[name] = self.addLine(
                    head_w, line_y, right + MARGIN, line_y, line_pen
                )
                line.setZValue(-1)
            elif line.line().y1() != line_y:
                line.setLine(head_w, line_y, right + MARGIN, line_y)
        fits = fitting(style.heading, head_w - 18)
        heading_rows = [
            (row, *self.rows[row], label_lines(words.row_title(row), fits, 2)) for row in ROWS
        ]
        lines = [(n, self.line_y[n], words.line_title(n)) for n, _a, _b in LINES]
        if self.band is None:
            self.band = HeadingBand(head_w, bottom, heading_rows, lines, style)
            self.addItem(self.band)
        else:
            self.band.reshape(bottom, heading_rows, lines)
        self.setSceneRect(QRectF(0, 0, right + MARGIN, bottom))

    def _hint(self, hint: str, style: BlueprintStyle) -> None:
        top, bottom = self.rows["frontstage"]
        width = HINT_WIDTH  # wrapped, so it reads in the first screen of a long journey
        lines = label_lines(hint, fitting(style.text, width), 3)
        item = self.hint_item = TextItem(lines, style.text, style.muted)
        self.addItem(item)
        x = self.column_x[0] if self.column_x else self.head_width + MARGIN
        item.setPos(x, (top + bottom) / 2 - item.boundingRect().height() / 2)

    # -- arrows ------------------------------------------------------------------------

    def _arrows(self, grid: Blueprint, style: BlueprintStyle) -> None:
        """The journey's arrows along the customer row and its return visits; then the
        arrows between actions (`_needs_arrows`)."""
        drawn = journey_paths(grid, self._cards)
        self.flow_pairs, self.return_pairs = drawn.flow_pairs, drawn.return_pairs
        hue = style.hue(CUSTOMER)
        pen = QPen(hue, 1.6)
        self.addPath(drawn.flow, pen).setZValue(3)
        self.addPath(drawn.back, QPen(hue, 1.2, Qt.PenStyle.DashLine)).setZValue(3)
        self.addPath(drawn.heads, pen, hue).setZValue(3)
        self._needs_arrows(grid, style)

    def _needs_arrows(self, grid: Blueprint, style: BlueprintStyle) -> None:
        """An arrow from each needed action to the action needing it: drawn, or drawn
        again on the same items where the lanes stood again (`_relayout`)."""
        needs, needs_heads, self.needs_pairs = needs_paths(grid, self._cards)
        if self._needs_items:
            for item, path in zip(self._needs_items, (needs, needs_heads), strict=True):
                item.setPath(path)
            return
        ink = mix(style.ink, style.hue("support"), 0.35)
        # Under the cards: a card's words stay readable where an arrow passes it.
        self._needs_items = [
            self.addPath(needs, QPen(ink, 1.3)),
            self.addPath(needs_heads, QPen(ink, 1.0), ink),
        ]
        for item in self._needs_items:
            item.setZValue(1)
