"""The Priorities tab: the open negative cues on an impact × effort matrix (SPEC §2.3).

Rows are the impact on guests (high at the top), columns the effort to remove
the cue (low at the left); the cell of high impact and low effort, the quick
wins, is named and tinted. Each cue still to eliminate is a chip in its cell
with its place in the elimination plan (`core.plan.open_plan`), its words and
its owner; cues without an impact or an effort wait in a tray. Dragging a chip
to a cell (or the arrow keys, see priority_canvas.py) sets both as one undo
step; the tray clears them. Clicking a chip selects the cue for the inspector,
and a selection made elsewhere highlights its chip. The drawing is made again
when the checks are fresh, only while the tab is shown; `retranslate()` redraws
every word and runs by itself on LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.edits import Batch, Change, SetField
from cuecraft.core.i18n import _
from cuecraft.core.model import Cue
from cuecraft.core.plan import LEVELS, elimination_plan, open_plan
from cuecraft.gui.document import Document
from cuecraft.gui.picture import light_palette, picture_font

from ._style import empty_state, html_escape, mute, retranslate_empty_state
from .priority_canvas import MatrixCanvas
from .priority_items import MatrixStyle
from .priority_scene import MIN_WIDTH, TRAY, PriorityScene, Spot, priority_scene, spot_of
from .priority_words import (
    MatrixWords,
    chip_words,
    empty_text,
    hint_text,
    keys_text,
    matrix_cards,
    owner_warnings,
    summary_parts,
)

# The fields that make a cue one the matrix shows (a negative cue not eliminated), and
# those that place a cue it shows (its cell, its place in the plan). Any other field of
# a shown cue changes the words of its chip at most.
JOINS = frozenset({"polarity", "status"})
PLACES = JOINS | {"severity", "impact", "effort"}

MIN_SCALE = 0.85  # a narrower view scrolls sideways rather than shrink the words further
MIDDLE = LEVELS[len(LEVELS) // 2]  # where the arrow keys first put a cue from the tray


class PriorityMatrixView(QWidget):
    """The open negative cues of the document's design by impact and effort."""

    picture_view = "priorities"  # gui/picture.PictureTab: names the file Save view as image… offers

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._scene = PriorityScene(self)
        self._canvas = MatrixCanvas(self)
        self._canvas.setScene(self._scene)
        self._dirty = True
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.timeout.connect(self.redraw)

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 12, 6)
        bar.setSpacing(12)
        self._summary = QLabel(self)
        self._summary_plain = ""
        self._summary.setTextFormat(Qt.TextFormat.RichText)
        self._summary.linkActivated.connect(self._follow_link)
        self._hint = QLabel(self)
        # The hint never widens the tab: it shows only where it fits (resizeEvent).
        self._hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self._summary, 1)
        bar.addWidget(self._hint)
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self._canvas, 1)
        self._page = page
        self._empty = empty_state(empty_text(False), self)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(page)
        self._stack.addWidget(self._empty)
        self._name_widgets()
        # What the matrix shows was drawn from (the chips' cues, the owner findings) and
        # the edits since (None: anything may have changed): typing where it shows
        # nothing (a positive cue, a touchpoint) draws nothing again.
        self._shown: set[str] | None = None
        self._plan: list[Cue] = []  # the open plan drawn, in order
        self._warned: dict[str, str] = {}
        self._edited: list[Change] | None = []
        document.changed.connect(self._note_change)
        document.checked.connect(self._on_checked)
        document.selection_changed.connect(self._on_selection)

    def retranslate(self) -> None:
        """Redraw every word in the current language (also run on LanguageChange)."""
        self._name_widgets()
        self.redraw()

    def _name_widgets(self) -> None:
        self.setAccessibleName(_("Priorities view"))
        self._canvas.setAccessibleName(_("Priority matrix"))
        hint = hint_text()
        self._hint.setText(hint)
        self._place_hint()
        self._canvas.setToolTip("")
        keys = keys_text()
        self._canvas.setAccessibleDescription(f"{hint} {keys}")
        self._hint.setToolTip(keys)

    # -- read-only helpers (tests, other panels) ---------------------------------------

    def scene(self) -> PriorityScene:
        self._ensure_fresh()
        return self._scene

    def has_picture(self) -> bool:
        """Whether there is a matrix to save (not while the tab says there is nothing)."""
        return bool(open_plan(self.document.design))

    def picture_scene(self) -> QGraphicsScene:
        """The matrix as View ▸ Save view as image… writes it: this tab's drawing of the
        design now, dark ink on white, without the selection or the tray's hint."""
        document = self.document
        return priority_scene(
            document.design, document.result.findings, light_palette(), picture_font()
        )

    def canvas(self) -> QGraphicsView:
        return self._canvas

    def summary(self) -> str:
        return self._summary_plain

    def is_empty(self) -> bool:
        self._ensure_fresh()
        return self._stack.currentWidget() is self._empty

    def empty_message(self) -> str:
        return self._empty.text()

    def chip_point(self, cue_id: str) -> QPoint:
        """Where a cue's chip is in the canvas viewport (scrolled into view first)."""
        chip = self.scene().chip(cue_id)
        assert chip is not None, cue_id
        self._canvas.ensureVisible(chip, 8, 8)
        return self._canvas.mapFromScene(chip.sceneBoundingRect().center())

    def spot_point(self, spot: Spot) -> QPoint:
        """The middle of a cell (or the tray) in the canvas viewport, scrolled into view."""
        rect = self.scene().spot_rect(spot)
        self._canvas.ensureVisible(rect, 8, 8)
        return self._canvas.mapFromScene(rect.center())

    # -- editing -------------------------------------------------------------------------

    def drop(self, cue_id: str, spot: Spot | None) -> bool:
        """A chip let go over `spot` (a cell, the tray, or None: nowhere): set the cue's
        impact and effort to the cell's, as one undo step. Whether anything changed.

        A chip let go where it already sits changes nothing: a half-rated cue (an impact,
        no effort) dropped back on the tray keeps its impact; only a rated one moved to
        the tray has both cleared."""
        changed = False
        cue = next((c for c in self.document.design.cues if c.id == cue_id), None)
        if spot is not None and cue is not None and spot != spot_of(cue):
            changed = self.set_rating(cue_id, *spot)
        if not changed:
            self.redraw()  # the chip goes back where it was
        return changed

    def set_rating(self, cue_id: str, impact: int | None, effort: int | None) -> bool:
        """Give a cue this impact and effort (None, None: not rated) as one undo step."""
        cue = next((c for c in self.document.design.cues if c.id == cue_id), None)
        if cue is None or (cue.impact, cue.effort) == (impact, effort):
            return False

        def describe() -> str:
            if impact is None and effort is None:
                # TRANSLATORS: an undo step, as in "Undo Clear impact and effort of “muzak”"
                return _("Clear impact and effort of “{item}”").format(item=cue_id)
            # TRANSLATORS: an undo step, as in "Undo Set impact and effort of “muzak”"
            return _("Set impact and effort of “{item}”").format(item=cue_id)

        edit = Batch(
            [SetField(cue_id, "impact", impact), SetField(cue_id, "effort", effort)],
            description=describe(),
        )
        problem = self.document.push(edit, describe=describe)
        if problem:
            self._summary.setText(html_escape(problem))
            return False
        self.redraw()  # at once: the chip lands before the checks have run
        chip = self._scene.chip(cue_id)
        if chip is not None:
            self._canvas.ensureVisible(chip, 24, 24)
        return True

    def nudge(self, d_impact: int, d_effort: int) -> None:
        """Move the selected chip one cell (a chip in the tray goes to the middle cell; one
        moved off the grid toward the tray goes into it)."""
        plan = open_plan(self.document.design)
        cue = next((c for c in plan if c.id == self.document.selected), None)
        if cue is None:
            if plan:
                self.document.select(plan[0].id)
            return
        if cue.impact is None or cue.effort is None:  # in the tray
            impact = cue.impact if cue.impact is not None else MIDDLE
            effort = cue.effort if cue.effort is not None else MIDDLE
            self.set_rating(cue.id, impact, effort)
            return
        impact, effort = cue.impact + d_impact, cue.effort + d_effort
        if impact in LEVELS and effort in LEVELS:
            self.set_rating(cue.id, impact, effort)
        elif (self._scene.beside and effort > max(LEVELS)) or (
            not self._scene.beside and impact < min(LEVELS)
        ):
            self.set_rating(cue.id, None, None)

    def step_selection(self, step: int) -> None:
        """Select the cue `step` places on in the elimination plan (from the first)."""
        ids = [c.id for c in open_plan(self.document.design)]
        if not ids:
            return
        if self.document.selected in ids:
            index = max(0, min(len(ids) - 1, ids.index(self.document.selected) + step))
        else:
            index = 0
        self.document.select(ids[index])

    # -- refresh ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        themed = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_empty"):
            self.retranslate()
        elif event.type() in themed and hasattr(self, "_scene"):
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_fresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_hint()

    def _place_hint(self) -> None:
        room = self.width() - 36 - self._summary.sizeHint().width()
        self._hint.setVisible(room >= self._hint.sizeHint().width())

    def relayout_soon(self) -> None:
        """The view changed size: lay the matrix out again once the resizing settles."""
        self._dirty = True
        if self.isVisible():
            self._relayout.start(0)

    def redraw(self) -> None:
        self._dirty = True
        if self.isVisible():
            self._ensure_fresh()

    def _note_change(self, change: Change) -> None:
        if self._edited is not None:
            if change.fields is None:
                self._edited = None
            else:
                self._edited.append(change)

    def _on_checked(self) -> None:
        edited, self._edited = self._edited, []
        if edited is None or self._shown is None or self._dirty or not self._reword(edited):
            self.redraw()

    def _reword(self, edited: list[Change]) -> bool:
        """After edits that move no chip (a cue's words, its owner, a finding that wants
        one, its motifs; anything of items the matrix does not show): the chips anew,
        in place (at 10,000 cues the whole matrix takes 70 ms to draw). False when the
        order or the cells may have changed: the matrix is drawn again."""
        shown = self._shown
        assert shown is not None
        ids: set[str] = set()
        for change in edited:
            fields = change.fields
            assert fields is not None  # `_note_change` keeps only edits of fields
            if fields.isdisjoint(JOINS) and change.ids.isdisjoint(shown):
                continue  # nothing the matrix shows
            if not fields.isdisjoint(PLACES):
                return False
            ids |= change.ids & shown
        result = self.document.result
        warned = owner_warnings(result.findings)
        before = self._warned
        ids |= {i for i in warned.keys() | before.keys() if warned.get(i) != before.get(i)} & shown
        cues = result.graph.cues
        for cue_id in ids:
            chip = self._scene.chip(cue_id)
            if chip is None or cue_id not in cues:
                return False
            words = chip_words(cues[cue_id], int(chip.number), warned.get(cue_id, ""))
            chip.reword(words.cue.text or cue_id, words.meta, words.owned, words.warned)
            chip.setToolTip(words.tooltip)
        self._warned = warned
        if ids:
            self._update_summary()
        return True

    def _layout(self) -> tuple[float, float]:
        """The width to lay the matrix out for, and the scale to show it at."""
        room = self._canvas.maximumViewportSize().width()
        room -= self._canvas.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = max(1, room)
        if room >= MIN_WIDTH:
            return float(room), 1.0
        scale = max(MIN_SCALE, room / MIN_WIDTH)
        return max(MIN_WIDTH, room / scale), scale

    def _ensure_fresh(self) -> None:
        if not self._dirty or self._canvas.dragging:
            return  # a lifted chip keeps its drawing until it lands
        self._dirty = False
        design = self.document.design
        plan = open_plan(design)
        self._shown = {cue.id for cue in plan}
        self._plan = plan
        self._warned = owner_warnings(self.document.result.findings)
        if not plan:
            any_negative = bool(elimination_plan(design))
            retranslate_empty_state(self._empty, empty_text(any_negative))
            self._stack.setCurrentWidget(self._empty)
            self._scene.clear()
            self._scene.tiles, self._scene.chips = {}, {}
            return
        self._stack.setCurrentWidget(self._page)
        cards = matrix_cards(design, self.document.result.findings)
        width, scale = self._layout()
        scrolled = self._canvas.verticalScrollBar().value()
        style = MatrixStyle.make(self.palette(), self.font())
        self._scene.build(cards, MatrixWords.now(), width, style)
        self._canvas.setBackgroundBrush(self.palette().base())
        self._canvas.resetTransform()
        self._canvas.scale(scale, scale)
        self._canvas.verticalScrollBar().setValue(scrolled)
        self._scene.select(self.document.selected)
        self._update_summary()

    def _update_summary(self) -> None:
        """The counts over the matrix; "2 not rated yet" is a link to the tray, which may
        be out of sight under the grid."""
        # The plan drawn: typing in place changes no cue's place in it (`PLACES`), and its
        # cues are the design's own, so their owners are as typed (at 10,000 cues making
        # the plan again took 5 ms a key).
        parts = summary_parts(self._plan)
        self._summary_plain = " · ".join(text for _kind, text in parts)
        self._summary.setText(
            " · ".join(
                f"<a href='#tray'>{html_escape(text)}</a>"
                if kind == "waiting"
                else html_escape(text)
                for kind, text in parts
            )
        )
        self._summary.setAccessibleName(self._summary_plain)
        self._place_hint()
        mute(self._summary, self.palette())
        mute(self._hint, self.palette())

    def _follow_link(self, _link: str) -> None:
        self.show_tray()

    def show_tray(self) -> None:
        """Scroll the tray of cues not rated yet into sight."""
        rect = self.scene().spot_rect(TRAY)
        if not rect.isEmpty():
            self._canvas.ensureVisible(rect, 8, 8)

    # -- selection -------------------------------------------------------------------------

    def _on_selection(self, item_id: str) -> None:
        if self._dirty:
            return  # the next drawing selects it
        chip = self._scene.select(item_id)
        if chip is not None:
            self._canvas.ensureVisible(chip, 24, 24)
