"""Workshop mode (F5): the design on a projector, captured live without a mouse.

Steps (workshop_steps.py): theme → positive cues → negative cues → senses → memorabilia →
journey → blueprint → personas → scorecard. Page Up/Page Down (a clicker) or the arrow keys
(when the capture line is empty) move between steps; on the blueprint step ↑/↓ move between
the journey's touchpoints (workshop_blueprint.py); on the personas step a line names a kind
of guest and what they skip (workshop_personas.py). Typing goes into the capture line and Enter
adds it to the design as an undoable edit; with the line empty, Undo and Redo (Ctrl+Z,
Ctrl+Shift+Z) take back or redo the last edit; Esc returns to the workbench.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.edits import Edit
from cuecraft.core.i18n import _
from cuecraft.gui import workshop_personas
from cuecraft.gui.document import Document
from cuecraft.gui.widgets import unbroken, wrapping_policy
from cuecraft.gui.workshop_blueprint import BlueprintStep
from cuecraft.gui.workshop_steps import STEPS, Step, edit_for, step_lines, verdict
from cuecraft.gui.workshop_widgets import (
    ACCENT,
    BACKGROUND,
    ERROR,
    QUIET,
    TEXT,
    FittedLines,
    SessionTimer,
    escape,
)

__all__ = ["STEPS", "Step", "WorkshopMode"]

CAPTURE_PADDING = 8
BLUEPRINT_SMALLEST = 0.75  # of the body's type: the blueprint's lanes shrink no further


class WorkshopMode(QWidget):
    """Full screen, large type, high contrast; `closed` when the facilitator leaves."""

    closed = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.document = document
        self.step_index = 0
        self.blueprint = BlueprintStep(document)
        palette = self.palette()
        for role, colour in (
            (QPalette.ColorRole.Window, BACKGROUND),
            (QPalette.ColorRole.WindowText, TEXT),
            (QPalette.ColorRole.Base, "#111111"),
            (QPalette.ColorRole.Text, TEXT),
        ):
            palette.setColor(role, QColor(colour))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.timer = SessionTimer(self)

        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.progress.setTextFormat(Qt.TextFormat.RichText)
        self.clock = QLabel(self.timer.text())
        self.timer.ticked.connect(self.clock.setText)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        # The blueprint step's touchpoint, under the heading; hidden on the other steps.
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.body = FittedLines()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.capture = QLineEdit()
        self.capture.returnPressed.connect(self.commit)
        self.capture.installEventFilter(self)
        self.help = QLabel()
        self.help.setWordWrap(True)
        for label in (self.progress, self.heading, self.where, self.verdict, self.help):
            # Wrap to the screen, never widen the window past it.
            label.setSizePolicy(wrapping_policy())
        # The list takes the room the others leave, and shows as much of it as fits.
        self.body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.capture)
        layout.addWidget(self.help)
        document.checked.connect(self.show_step)
        self._scale_type(768)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        # A switch of language (Preferences ▸ Language) reaches every widget as this event.
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Redraw every word in the current language."""
        self.setWindowTitle(_("Cuecraft — workshop"))
        self.setAccessibleName(_("workshop mode"))
        self.clock.setAccessibleName(_("session timer"))
        self.clock.setText(self.timer.text())
        # TRANSLATORS: the name a screen reader gives the workshop's typing line
        self.capture.setAccessibleName(_("capture"))
        self.show_step()

    def _help_text(self) -> str:
        if self.step.key == "blueprint":
            # TRANSLATORS: the keys of the workshop's blueprint step, in one line under the
            # typing line
            return _(
                "PgUp/PgDn or ←/→ steps · ↑/↓ touchpoint · Enter adds · @ zone says where · "
                "Ctrl+Z undoes · F6 timer start/pause · F7 timer reset · Esc back to the workbench"
            )
        if self.step.key == "personas":
            # TRANSLATORS: the keys of the workshop's personas step, in one line under the
            # typing line
            return _(
                "PgUp/PgDn or ←/→ steps · Enter adds · 40% gives their share · Ctrl+Z undoes · "
                "F6 timer start/pause · F7 timer reset · Esc back to the workbench"
            )
        # TRANSLATORS: the keys of the workshop, in one line under the typing line
        return _(
            "PgUp/PgDn or ←/→ steps · Enter adds · #word tags a motif · "
            "F6 timer start/pause · F7 timer reset · Esc back to the workbench"
        )

    # -- showing -----------------------------------------------------------------------------

    def enter(self) -> None:
        """Full screen on the projector: a screen other than the workbench's, if any."""
        screens = QGuiApplication.screens()
        parent = self.parentWidget()
        current = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        target = next((s for s in screens if s is not current), current)
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self._scale_type(target.geometry().height())
        self.showFullScreen()
        self.capture.setFocus()

    def _scale_type(self, height: int) -> None:
        # Sizes in pixels of the screen, so the back row reads the same on any projector.
        base = max(18, height // 26)
        self.max_lines = 9 if height < 900 else 12
        for label, factor, bold, colour in (
            (self.progress, 0.7, False, ACCENT),
            (self.clock, 0.9, True, ACCENT),
            (self.heading, 2.0, True, TEXT),
            (self.where, 1.1, True, TEXT),
            (self.body, 1.0, False, TEXT),
            (self.verdict, 0.9, False, TEXT),
            (self.help, 0.5, False, QUIET),
        ):
            font = QFont(label.font())
            font.setPixelSize(int(base * factor))
            font.setBold(bold)
            label.setFont(font)
            label.setStyleSheet(f"color: {colour};")
        self.capture.setStyleSheet(
            f"QLineEdit {{ color: {TEXT}; background: #1A1A1A; border: 3px solid {ACCENT};"
            f" padding: {CAPTURE_PADDING}px; }}"
        )
        self.base_px = base
        self.body.max_lines = self.max_lines
        self.body.base_px = base
        self._fit_capture()

    def _fit_capture(self) -> None:
        """The typing line's type as large as the step's prompt allows: a long prompt (Polish
        runs a third longer than English) is shown whole in a smaller size, never cut."""
        size = int(self.base_px * 1.1)
        smallest = int(self.base_px * 0.7)
        room = self.capture.width() - 2 * (CAPTURE_PADDING + 3) - 16
        font = QFont(self.capture.font())
        prompt = self.capture.placeholderText()
        if self.capture.isVisible() and room > 0:
            while size > smallest:
                font.setPixelSize(size)
                if QFontMetrics(font).horizontalAdvance(prompt) <= room:
                    break
                size -= 1
        font.setPixelSize(size)
        if font != self.capture.font():
            self.capture.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_capture()

    @property
    def step(self) -> Step:
        return STEPS[self.step_index]

    def show_step(self) -> None:
        step = self.step
        design = self.document.design
        # A step's name never breaks across lines: only between the steps.
        names = [unbroken(escape(_(s.title))) for s in STEPS]
        strip = " · ".join(
            f"<b><u>{name}</u></b>" if s is step else name
            for s, name in zip(STEPS, names, strict=True)
        )
        self.progress.setText(f"{escape(design.title)}<br/>{strip}")
        self.heading.setText(_(step.title))
        on_blueprint = step.key == "blueprint"
        self.where.setVisible(on_blueprint)
        nothing = escape(_("Nothing yet — start typing below."))
        if on_blueprint:
            self.where.setText(self.blueprint.where_line())
            # Every lane stays in sight: the type shrinks a little before a line is left out.
            smallest = int(self.base_px * BLUEPRINT_SMALLEST)
            self.body.set_lines(self.blueprint.lines(), f"<i>{nothing}</i>", smallest)
            self.verdict.setText(verdict(step, self.document, self.blueprint.focus_ids()))
        elif step.key == "personas":
            lines = workshop_personas.persona_lines(self.document)
            self.body.set_lines(lines, f"<i>{nothing}</i>", separator="")
            happy = workshop_personas.happy_line(self.document)
            self.verdict.setText(verdict(step, self.document, happy=happy))
        else:
            self.body.set_lines(step_lines(step, self.document), f"<i>{nothing}</i>")
            self.verdict.setText(verdict(step, self.document))
        self.help.setText(self._help_text())
        self.capture.setEnabled(bool(step.prompt))
        self.capture.setPlaceholderText(
            _(step.prompt) if step.prompt else _("The scorecard updates live.")
        )
        self._fit_capture()

    # -- keys ---------------------------------------------------------------------------------

    def go(self, delta: int) -> None:
        self.step_index = max(0, min(len(STEPS) - 1, self.step_index + delta))
        self.show_step()
        self.capture.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.capture and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._navigate(event):
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._navigate(event):
            super().keyPressEvent(event)

    def _navigate(self, event: QKeyEvent) -> bool:
        key = event.key()
        empty = not self.capture.text()
        if key == Qt.Key.Key_Escape:
            self.leave()
        elif key in (Qt.Key.Key_PageDown,) or (key == Qt.Key.Key_Right and empty):
            self.go(+1)
        elif key in (Qt.Key.Key_PageUp,) or (key == Qt.Key.Key_Left and empty):
            self.go(-1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.step.key == "blueprint":
            self.blueprint.move(-1 if key == Qt.Key.Key_Up else +1)
            self.show_step()
        elif key == Qt.Key.Key_F6:
            self.timer.toggle()
        elif key == Qt.Key.Key_F7:
            self.timer.reset()
        elif empty and event.matches(QKeySequence.StandardKey.Undo):
            # With text in the line, Ctrl+Z takes back typing there; empty, the last edit.
            self.undo(redo=False)
        elif empty and event.matches(QKeySequence.StandardKey.Redo):
            self.undo(redo=True)
        else:
            return False
        return True

    def undo(self, redo: bool = False) -> None:
        """Take back (or redo) the last edit of the design, whichever step made it."""
        stack = self.document.undo_stack
        if redo and stack.canRedo():
            stack.redo()
        elif not redo and stack.canUndo():
            stack.undo()
        self.document.flush()

    def leave(self) -> None:
        self.close()
        self.closed.emit()

    # -- capture -----------------------------------------------------------------------------

    def commit(self) -> None:
        text = self.capture.text().strip()
        if not text or not self.step.prompt:
            return
        edit = self._edit_for(self.step.key, text)
        error = edit if isinstance(edit, str) else self.document.push(edit)
        if error:
            self.verdict.setText(f"<span style='color:{ERROR}'>{escape(error)}</span>")
            return
        self.capture.clear()
        self.document.flush()

    def _edit_for(self, key: str, line: str) -> Edit | str:
        """The edit a typed line makes on this step, or why it makes none."""
        if key == "blueprint":
            return self.blueprint.edit_for(line)
        if key == "personas":
            return workshop_personas.edit_for(line, self.document)
        return edit_for(key, line, self.document)
