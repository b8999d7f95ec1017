"""Value words of the format as people read them: senses and journey phases.

The file keeps its codes (`smell`, `after`); messages of the core show the word of
the current language. The same words, with the same contexts, are used by the brief
and the panels, so one English word reads the same everywhere.
"""

from __future__ import annotations

from cuecraft.core.i18n import pgettext


def sense_word(sense: str) -> str:
    """A sense as a word (`smell` → “smell”, „węch”, “嗅觉”); unknown codes as they are."""
    if sense == "sight":
        return pgettext("sense", "sight")
    if sense == "sound":
        return pgettext("sense", "sound")
    if sense == "smell":
        return pgettext("sense", "smell")
    if sense == "touch":
        return pgettext("sense", "touch")
    if sense == "taste":
        return pgettext("sense", "taste")
    return sense


def phase_word(phase: str) -> str:
    """A journey phase as a word (`before` → “before”, „przed wizytą”, “体验前”)."""
    if phase == "before":
        return pgettext("journey phase", "before")
    if phase == "during":
        return pgettext("journey phase", "during")
    if phase == "after":
        return pgettext("journey phase", "after")
    return phase
