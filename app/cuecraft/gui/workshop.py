"""Workshop mode (F5): the design on a projector, captured live without a mouse.

Steps: theme → positive cues → negative cues → senses → memorabilia → journey →
scorecard. Page Up/Page Down (a clicker) or the arrow keys (when the capture line
is empty) move between steps; typing goes into the capture line and Enter adds
it to the design as an undoable edit; Esc returns to the workbench.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.capture import PHASE_PREFIXES, SENSE_PREFIXES, capture
from cuecraft.core.edits import AddItem, Edit, SetField, new_id
from cuecraft.core.explain import SENTENCE_NAME_LIMIT, for_client, without_path
from cuecraft.core.findings import Finding
from cuecraft.core.i18n import N_, _, format_number, ngettext, pgettext
from cuecraft.core.model import PHASES, SENSES, Cue, Souvenir, Touchpoint
from cuecraft.core.names import Names
from cuecraft.gui.document import Document
from cuecraft.gui.findings_panel import group_title
from cuecraft.gui.inspector_fields import choice_label, sense_label
from cuecraft.gui.widgets import unbroken, wrapping_policy


@dataclass(frozen=True)
class Step:
    key: str
    title: str  # English, marked with N_: shown as _(title)
    principle: str
    prompt: str  # what typing does here (English, marked); "" when this step takes no input


STEPS = (
    Step("theme", N_("Theme"), "theme", N_("Type a motif of the theme and press Enter")),
    Step(
        "positive",
        N_("Positive cues"),
        "harmonize",
        # TRANSLATORS: the example is typed as is; translate it, keep the # before the motif
        N_("Type a positive cue, motifs as #tags: “thunder rolls #storm”"),
    ),
    Step("negative", N_("Negative cues"), "eliminate", N_("Type a negative cue to eliminate")),
    Step(
        "senses",
        N_("The five senses"),
        "senses",
        # TRANSLATORS: the word before the colon must be one of the sense words the workshop
        # understands (see "sense typed in the workshop")
        N_("Type a sense and a cue: “smell: fresh bread #bakery”"),
    ),
    Step(
        "memorabilia",
        N_("Memorabilia"),
        "memorabilia",
        N_("Type a souvenir, motifs as #tags: “plush frog #wildlife”"),
    ),
    Step(
        "journey",
        N_("Journey"),
        "journey",
        # TRANSLATORS: the word before the colon must be one of the phase words the workshop
        # understands (see "phase typed in the workshop")
        N_("Type a touchpoint (“after: thank-you postcard”) and press Enter"),
    ),
    Step("scorecard", N_("Scorecard"), "", ""),
)


def typed_words() -> dict[str, str]:
    """The words a facilitator may type before a colon, in the current language (and always
    in English), each to the value it stands for: {"węch": "smell", "po": "after", …}."""
    spelled = {
        "sight": pgettext("sense typed in the workshop", "sight"),
        "sound": pgettext("sense typed in the workshop", "sound"),
        "smell": pgettext("sense typed in the workshop", "smell"),
        "touch": pgettext("sense typed in the workshop", "touch"),
        "taste": pgettext("sense typed in the workshop", "taste"),
        "before": pgettext("phase typed in the workshop", "before"),
        "during": pgettext("phase typed in the workshop", "during"),
        "after": pgettext("phase typed in the workshop", "after"),
    }
    words: dict[str, str] = {}
    for value, spellings in spelled.items():
        # A translation may give several spellings, separated by "|": "po|po wizycie".
        for word in [value, *spellings.split("|")]:
            if word.strip():
                words.setdefault(word.strip().casefold(), value)
    return words


def _english_prefix(line: str) -> str:
    """`line` with a sense or phase word typed in the current language before its colon
    (":" or the full-width "："), written as the English value the capture understands."""
    cut = min((i for i in (line.find(":"), line.find("：")) if i >= 0), default=-1)
    if cut < 0:
        return line
    value = typed_words().get(line[:cut].strip().casefold())
    return f"{value}:{line[cut + 1 :]}" if value else line


BACKGROUND, TEXT, ACCENT, ERROR, WARNING = "#000000", "#FFFFFF", "#FFD400", "#FF6B6B", "#FFB000"
CAPTURE_PADDING = 8


class FittedLines(QLabel):
    """A list of rich-text lines showing the newest ones, as many as fit its height (and at
    most `max_lines`), under a note of how many earlier ones are left out: in a workshop
    what the room just added matters most, and nothing is cut in half at the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.max_lines = 9
        self._lines: list[str] = []
        self._empty = ""

    def set_lines(self, lines: list[str], empty: str) -> None:
        self._lines, self._empty = list(lines), empty
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        lines = self._lines
        if not lines:
            self.setText(self._empty)
            return
        room = self.contentsRect()
        # The note of the earlier ones takes the place of one line.
        keep = len(lines) if len(lines) <= self.max_lines else self.max_lines - 1
        while True:
            shown = lines if keep >= len(lines) else [_earlier(len(lines) - keep), *lines[-keep:]]
            html = "<br/>".join(shown)
            if keep <= 1 or not self.isVisible() or self._fits(html, room.width(), room.height()):
                break
            keep -= 1
        self.setText(html)

    def _fits(self, html: str, width: int, height: int) -> bool:
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setDocumentMargin(0)
        document.setTextWidth(width)
        document.setHtml(html)
        return document.size().height() <= height


def _earlier(hidden: int) -> str:
    # TRANSLATORS: over the newest entries of a long list, e.g. "… 12 earlier"
    earlier = ngettext("… {n} earlier", "… {n} earlier", hidden).format(n=format_number(hidden))
    return f"<i>{_escape(earlier)}</i>"


class SessionTimer(QObject):
    """A start/pause/reset stopwatch for the facilitator."""

    ticked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._elapsed = 0.0
        self._started: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(lambda: self.ticked.emit(self.text()))

    @property
    def running(self) -> bool:
        return self._started is not None

    def seconds(self) -> float:
        extra = time.monotonic() - self._started if self._started is not None else 0.0
        return self._elapsed + extra

    def text(self) -> str:
        total = int(self.seconds())
        clock = f"{total // 60:02d}:{total % 60:02d}"
        # TRANSLATORS: the workshop's stopwatch while it is paused, e.g. "12:05  (paused)"
        return clock if self.running else _("{time}  (paused)").format(time=clock)

    def toggle(self) -> None:
        if self._started is None:
            self._started = time.monotonic()
            self._timer.start()
        else:
            self._elapsed = self.seconds()
            self._started = None
            self._timer.stop()
        self.ticked.emit(self.text())

    def reset(self) -> None:
        self._elapsed = 0.0
        if self._started is not None:
            self._started = time.monotonic()
        self.ticked.emit(self.text())


class WorkshopMode(QWidget):
    """Full screen, large type, high contrast; `closed` when the facilitator leaves."""

    closed = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.document = document
        self.step_index = 0
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
        self.body = FittedLines()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.capture = QLineEdit()
        self.capture.returnPressed.connect(self.commit)
        self.capture.installEventFilter(self)
        self.help = QLabel()
        self.help.setWordWrap(True)
        for label in (self.progress, self.heading, self.verdict, self.help):
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
        # TRANSLATORS: the keys of the workshop, in one line under the typing line
        self.help.setText(
            _(
                "PgUp/PgDn or ←/→ steps · Enter adds · #word tags a motif · "
                "F6 timer start/pause · F7 timer reset · Esc back to the workbench"
            )
        )
        self.show_step()

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
            (self.body, 1.0, False, TEXT),
            (self.verdict, 0.9, False, TEXT),
            (self.help, 0.5, False, "#BBBBBB"),
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
        names = [unbroken(_escape(_(s.title))) for s in STEPS]
        strip = " · ".join(
            f"<b><u>{name}</u></b>" if s is step else name
            for s, name in zip(STEPS, names, strict=True)
        )
        self.progress.setText(f"{_escape(design.title)}<br/>{strip}")
        self.heading.setText(_(step.title))
        nothing = _escape(_("Nothing yet — start typing below."))
        self.body.set_lines(self._contents(step), f"<i>{nothing}</i>")
        self.verdict.setText(self._verdict(step))
        self.capture.setEnabled(bool(step.prompt))
        self.capture.setPlaceholderText(
            _(step.prompt) if step.prompt else _("The scorecard updates live.")
        )
        self._fit_capture()

    def _contents(self, step: Step) -> list[str]:
        design = self.document.design
        esc = _escape
        if step.key == "theme":
            theme = design.theme
            lines = [f"<b>{esc(theme.name)}</b>"]
            if theme.tagline:
                lines.append(esc(theme.tagline))
            comma = pgettext("list separator", ", ")
            motifs = comma.join(theme.motifs) or "—"
            lines.append(esc(_("Motifs: {motifs}").format(motifs=motifs)))
            if theme.avoid:
                # TRANSLATORS: the theme's motifs to avoid, listed in the workshop
                avoid = _("Avoid: {motifs}").format(motifs=comma.join(theme.avoid))
                lines.append(esc(avoid))
            return lines
        if step.key == "positive":
            return ["• " + esc(c.text) for c in design.cues if not c.is_negative]
        if step.key == "negative":
            return [
                "• "
                + esc(
                    # TRANSLATORS: a negative cue in the workshop: its text, severity and status
                    _("{cue} — {severity}, {status}").format(
                        cue=c.text,
                        severity=choice_label("severity", c.effective_severity),
                        status=choice_label("status", c.effective_status),
                    )
                )
                for c in design.cues
                if c.is_negative
            ]
        if step.key == "senses":
            from cuecraft.core.rules.senses import engaged_senses

            engaged = engaged_senses(self.document.result.graph)
            return [f"{'✔' if s in engaged else '✘'}  {esc(sense_label(s))}" for s in SENSES]
        if step.key == "memorabilia":
            return ["• " + esc(s.name) for s in design.souvenirs]
        if step.key == "journey":
            return [
                esc(_journey_line(tp))
                for phase in PHASES
                for tp in design.touchpoints
                if tp.phase == phase
            ]
        card = self.document.result.scorecard
        # TRANSLATORS: the workshop's scorecard: the overall score (the bold part) out of 100
        overall = _("Overall {score}").format(score=format_number(card.overall))
        return [f"<b>{esc(overall)}</b> / 100"] + [
            esc(
                # TRANSLATORS: one principle's score on the workshop's scorecard, e.g. "Theme: 80"
                _("{principle}: {score}").format(
                    principle=group_title(name), score=format_number(score)
                )
            )
            for name, score in card.scores.items()
        ]

    def _verdict(self, step: Step) -> str:
        findings: list[Finding] = [
            f
            for f in self.document.result.findings
            if step.principle and f.principle == step.principle
        ]
        if not step.principle:
            return _escape(_("One principle at zero makes the whole experience zero (6 − 1 = 0)."))
        if not findings:
            happy = _escape(_("✔ The checks are happy with this step."))
            return f"<span style='color:{ACCENT}'>{happy}</span>"
        colour = {"error": ERROR, "warning": WARNING, "info": TEXT}
        # The room is the client's: names, not ids (core/explain.py, as the brief says it).
        named = Names(self.document.design, SENTENCE_NAME_LIMIT)
        said = [for_client(f, named) for f in findings[:3]]
        shown = [
            f"<span style='color:{colour[s.severity]}'>● {_escape(without_path(s.message))}</span>"
            for s in said
        ]
        if len(findings) > 3:
            more = len(findings) - 3
            shown.append(
                _escape(
                    ngettext("… and {n} more", "… and {n} more", more).format(n=format_number(more))
                )
            )
        return "<br/>".join(shown)

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
        elif key == Qt.Key.Key_F6:
            self.timer.toggle()
        elif key == Qt.Key.Key_F7:
            self.timer.reset()
        else:
            return False
        return True

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
            self.verdict.setText(f"<span style='color:{ERROR}'>{_escape(error)}</span>")
            return
        self.capture.clear()
        self.document.flush()

    def _edit_for(self, key: str, line: str) -> Edit | str:
        """The edit a typed line makes on this step, or why it makes none."""
        design = self.document.design
        if key == "theme":
            # TRANSLATORS: an undo step, as in "Undo Add motif “rain”"
            described = _("Add motif “{motif}”").format(motif=line)
            return SetField("theme", "motifs", [*design.theme.motifs, line], description=described)
        prefixes = {"senses": SENSE_PREFIXES, "journey": PHASE_PREFIXES}.get(key, ())
        if prefixes:
            line = _english_prefix(line)
        typed = capture(line, design.theme.motifs, prefixes)
        if not typed.text:
            return _("Type the words of the item too, not only its #motifs.")
        motifs = list(typed.motifs)  # only what the room named: the checks say what is missing
        if key == "negative":
            return AddItem(
                "cues",
                Cue(
                    new_id(design, "negative"),
                    typed.text,
                    "negative",
                    severity="medium",
                    status="open",
                    motifs=motifs,
                ),
            )
        if key in ("positive", "senses"):
            senses = [typed.prefix] if typed.prefix else []
            return AddItem(
                "cues", Cue(new_id(design, "cue"), typed.text, senses=senses, motifs=motifs)
            )
        if key == "memorabilia":
            return AddItem(
                "souvenirs", Souvenir(new_id(design, "souvenir"), typed.text, motifs=motifs)
            )
        phase = typed.prefix or "during"
        return AddItem("touchpoints", Touchpoint(new_id(design, "touchpoint"), typed.text, phase))


def _journey_line(tp: Touchpoint) -> str:
    """ "after: thank-you postcard  (feels +2)" in the current language."""
    phase = choice_label("phase", tp.phase)
    name = tp.name or tp.id
    if tp.emotion is None:
        # TRANSLATORS: a touchpoint in the workshop: its phase and name
        return _("{phase}: {touchpoint}").format(phase=phase, touchpoint=name)
    # TRANSLATORS: a touchpoint in the workshop with the feeling it aims at (−3 … +3)
    sign = "+" if tp.emotion > 0 else "−" if tp.emotion < 0 else "±"
    return _("{phase}: {touchpoint}  (feels {emotion})").format(
        phase=phase, touchpoint=name, emotion=f"{sign}{abs(tp.emotion)}"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
