"""Personas on the journey view (SPEC §2.2): every guest at once, or one persona's journey.

A switch over the view says whose journey is drawn. "All guests" overlays each
persona's emotion curve on the design's own curve, which stays as it is, the
reference; each persona keeps one colour, dash pattern and marker shape (by
its place among the design's personas; the brief keeps one per persona too,
with marks of its own for print) and a legend entry
with its name and share of guests. One persona shows their curve alone over a
faint line of the design's, the touchpoints they skip dimmed on the cards and
crossed on the curve, and the peak and end marks of *their* journey.

Everything comes from `DesignGraph.persona_journeys` (core/personas.py): the
view never works a persona's journey out itself. The choice is the view's, not
the design's: it is no edit and is not saved. A persona whose id is renamed
stays chosen; one deleted leaves "All guests" until an undo brings it back.
Without personas the switch is hidden and the view is as it always was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPalette, QResizeEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import _, format_percent, pgettext
from cuecraft.core.model import Design, Persona
from cuecraft.core.personas import PersonaJourney

from ._style import html_escape, join_names, muted_text
from .journey_chart import CurvePoint
from .journey_items import CardInfo, emotion_text

ALL = ""  # the switch's choice for every guest at once


def all_guests() -> str:
    # TRANSLATORS: the journey view's persona switch: every persona's curve at once
    return pgettext("persona switch", "All guests")


def persona_title(persona: Persona) -> str:
    """Their name and share, as the switch and the legend write it: 'Family · 55%'."""
    name = persona.name or persona.id
    if persona.share is None:
        return name
    return f"{name} · {format_percent(persona.share / 100)}"


@dataclass(frozen=True)
class Guest:
    """One persona as the view draws them."""

    persona: str  # their id
    title: str  # name and share, in the current language
    style: int  # their place among the design's personas: colour, dash pattern, marker
    journey: PersonaJourney
    name: str = ""  # their name alone (their id if unnamed): whose NPS the journey shows


def guests_of(design: Design, graph: DesignGraph) -> list[Guest]:
    """The design's personas in the order written, each with their journey (the core's)."""
    return [
        Guest(p.id, persona_title(p), style, graph.persona_journeys[p.id], p.name or p.id)
        for style, p in enumerate(design.personas)
        if p.id in graph.persona_journeys
    ]


@dataclass(frozen=True)
class PersonaCurve:
    """A persona's curve in the chart: their feeling at the columns they go through."""

    guest: Guest
    points: tuple[CurvePoint, ...]  # marker: their peak and end; unreachable: on no path of theirs
    skipped: tuple[CurvePoint, ...]  # the design's point at each column they skip


def curve_of(
    guest: Guest, xs: dict[str, float], design_emotion: dict[str, int | None]
) -> PersonaCurve:
    """`guest`'s curve on the columns at `xs` (touchpoint id → the column's centre)."""
    journey = guest.journey
    marks = marks_of(journey)
    points = tuple(
        CurvePoint(t, xs[t], journey.emotion.get(t), marks.get(t, ""), t not in journey.reachable)
        for t in journey.order
        if t in xs
    )
    skipped = tuple(
        CurvePoint(t, x, design_emotion.get(t), "") for t, x in xs.items() if t in journey.skipped
    )
    return PersonaCurve(guest, points, skipped)


def marks_of(journey: PersonaJourney) -> dict[str, str]:
    """The peak and end marks of their journey: touchpoint id → "peak", "end", "peak · end"."""
    marks = {end: "end" for end in journey.ends}
    if journey.peak is not None:
        marks[journey.peak] = "peak · end" if journey.peak in marks else "peak"
    return marks


def cards_for(infos: Sequence[CardInfo], guest: Guest) -> list[CardInfo]:
    """The cards as `guest` meets them: their feeling on the chip, the ones they skip dimmed."""
    journey = guest.journey
    out = []
    for info in infos:
        if info.tp_id in journey.skipped:
            # TRANSLATORS: in a journey card's tooltip when one persona is shown
            said = _("{persona} skips this touchpoint").format(persona=guest.title)
            out.append(
                replace(info, emotion=None, skipped=True, tooltip=_with_line(info.tooltip, said))
            )
            continue
        felt = journey.emotion.get(info.tp_id)
        if felt == info.emotion:
            out.append(info)
            continue
        value = emotion_text(felt) if felt is not None else "—"
        # TRANSLATORS: in a journey card's tooltip: one persona's own feeling there, −3 … +3
        said = _("{persona}: emotion {value}").format(persona=guest.title, value=value)
        out.append(replace(info, emotion=felt, tooltip=_with_line(info.tooltip, said)))
    return out


def _with_line(tooltip: str, line: str) -> str:
    return f"{tooltip}<br><i>{html_escape(line)}</i>"


def what_they_skip(guest: Guest, names: dict[str, str]) -> str:
    """What the switch says beside one persona: the touchpoints they skip, in journey order."""
    skipped = [names.get(t, t) for t in names if t in guest.journey.skipped]
    if not skipped:
        return _("goes through every touchpoint")
    return _("skips {touchpoints}").format(touchpoints=join_names(skipped))


class PersonaSwitch(QWidget):
    """The row over the journey: whose journey is drawn ("All guests" or one persona).

    `chosen` is emitted when the designer picks; `set_guests` keeps the pick across
    re-checks and edits (`choice()` is what is in effect)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 8, 4)
        row.setSpacing(8)
        self._label = QLabel(self)
        self._combo = QComboBox(self)
        self._combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._combo.activated.connect(self._picked)
        self._label.setBuddy(self._combo)
        self._note = QLabel(self)
        self._note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._note_text = ""
        row.addWidget(self._label)
        row.addWidget(self._combo)
        row.addWidget(self._note, 1)
        self._guests: list[Guest] = []
        self._wanted = ALL  # the designer's pick, kept while that persona is gone (undo)
        self._choice = ALL
        self.setVisible(False)
        self._restyle()
        self.retranslate()

    def retranslate(self) -> None:
        # TRANSLATORS: before the journey view's persona switch ("Journey of: All guests")
        self._label.setText(_("Journey of:"))
        tip = _(
            "Overlay every persona’s emotion curve on the design’s, or follow one persona: "
            "the touchpoints they skip are dimmed and the peak and end are theirs"
        )
        self._combo.setToolTip(tip)
        # TRANSLATORS: accessible name of the journey view's persona switch
        self._combo.setAccessibleName(_("Whose journey"))
        if self._combo.count():
            self._combo.setItemText(0, all_guests())

    # -- what the view asks --------------------------------------------------------------

    def choice(self) -> str:
        """The persona id shown, or `ALL`."""
        return self._choice

    def choices(self) -> list[tuple[str, str]]:
        """(persona id or `ALL`, text) of each entry, as listed."""
        return [
            (str(self._combo.itemData(i)), self._combo.itemText(i))
            for i in range(self._combo.count())
        ]

    def choose(self, persona: str) -> None:
        """Pick `persona` (or `ALL`) as the designer does."""
        index = self._combo.findData(persona)
        if index >= 0:
            self._combo.setCurrentIndex(index)
            self._picked(index)

    def set_note(self, text: str) -> None:
        """A short remark after the switch (what the persona skips), shortened to fit."""
        self._note_text = text
        self._note.setToolTip(text)
        self._fit_note()

    def set_guests(self, guests: list[Guest]) -> str:
        """List `guests`; return the choice now in effect.

        A chosen persona whose id was renamed (gone from its place, a new id in it)
        stays chosen under the new id; one deleted gives "All guests" while it is gone,
        and is chosen again if it comes back (undo)."""
        before = [g.persona for g in self._guests]
        after = [g.persona for g in guests]
        wanted = self._wanted
        if wanted and wanted not in after and wanted in before and len(before) == len(after):
            place = before.index(wanted)
            if after[place] not in before:
                self._wanted = wanted = after[place]
        self._guests = list(guests)
        self._choice = wanted if wanted in after else ALL
        entries = [(ALL, all_guests())] + [(g.persona, g.title) for g in guests]
        self._combo.blockSignals(True)
        if entries != self.choices():  # an open list is left alone by a mere re-check
            self._combo.clear()
            for persona, text in entries:
                self._combo.addItem(text, persona)
        self._combo.setCurrentIndex(max(0, self._combo.findData(self._choice)))
        self._combo.blockSignals(False)
        self.setVisible(bool(guests))
        return self._choice

    def _picked(self, index: int) -> None:
        persona = str(self._combo.itemData(index) or ALL)
        self._wanted = persona
        if persona != self._choice:
            self._choice = persona
            self.chosen.emit(persona)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and hasattr(
            self, "_note"
        ):
            self._restyle()

    def _restyle(self) -> None:
        """The remark in muted text; a long persona name shortened in the switch."""
        tint = self._note.palette()
        tint.setColor(QPalette.ColorRole.WindowText, muted_text(self.palette()))
        self._note.setPalette(tint)
        self._combo.setMaximumWidth(round(QFontMetricsF(self.font()).averageCharWidth() * 34 + 40))
        self._fit_note()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_note()

    def _fit_note(self) -> None:
        fm = QFontMetricsF(self._note.font())
        width = max(0, self._note.width() - 4)
        self._note.setText(fm.elidedText(self._note_text, Qt.TextElideMode.ElideRight, width))
