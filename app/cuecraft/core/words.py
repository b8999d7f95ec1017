"""Value words of the format as people read them: senses, journey phases, a negative
cue's severity and status, cue polarity, the four realms, the steps of economic value,
an impact or effort level.

The file keeps its codes (`smell`, `after`, `high`, `open`); every view, the brief and
the core's messages show the word of the current language through these functions, so
one value reads the same everywhere. Each word is spelled out for extraction; the
context tells a translator which sense of an English word is meant.
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


def severity_word(severity: str) -> str:
    """The severity of a negative cue: low, medium, high."""
    if severity == "low":
        return pgettext("severity", "low")
    if severity == "medium":
        return pgettext("severity", "medium")
    if severity == "high":
        return pgettext("severity", "high")
    return severity


def status_word(status: str) -> str:
    """The status of a negative cue: open, mitigating, eliminated."""
    if status == "open":
        return pgettext("negative cue status", "open")
    if status == "mitigating":
        return pgettext("negative cue status", "mitigating")
    if status == "eliminated":
        return pgettext("negative cue status", "eliminated")
    return status


def polarity_word(polarity: str) -> str:
    """A cue's polarity: positive, negative."""
    if polarity == "positive":
        return pgettext("cue polarity", "positive")
    if polarity == "negative":
        return pgettext("cue polarity", "negative")
    return polarity


def realm_word(realm: str) -> str:
    """One of Pine & Gilmore's four realms, in lower case as a word in a sentence."""
    if realm == "entertainment":
        return pgettext("realm", "entertainment")
    if realm == "educational":
        return pgettext("realm", "educational")
    if realm == "esthetic":
        return pgettext("realm", "esthetic")
    if realm == "escapist":
        return pgettext("realm", "escapist")
    return realm


def lane_word(lane: str) -> str:
    """A lane of the service blueprint: frontstage, backstage, support."""
    if lane == "frontstage":
        return pgettext("blueprint lane", "frontstage")
    if lane == "backstage":
        return pgettext("blueprint lane", "backstage")
    if lane == "support":
        return pgettext("blueprint lane", "support")
    return lane


def kind_word(kind: str) -> str:
    """A kind of item in lower case, as a word in a sentence or before an id: zone, cue, …"""
    if kind == "zone":
        return pgettext("item kind", "zone")
    if kind == "touchpoint":
        return pgettext("item kind", "touchpoint")
    if kind == "cue":
        return pgettext("item kind", "cue")
    if kind == "layer":
        return pgettext("item kind", "layer")
    if kind == "souvenir":
        return pgettext("item kind", "souvenir")
    if kind == "action":
        return pgettext("item kind", "action")
    if kind == "persona":
        return pgettext("item kind", "persona")
    return kind


def value_step_word(step: str) -> str:
    """A step of the progression of economic value, as a name: Commodity, Goods, …"""
    if step == "commodity":
        return pgettext("economic value", "Commodity")
    if step == "goods":
        return pgettext("economic value", "Goods")
    if step == "service":
        return pgettext("economic value", "Service")
    if step == "experience":
        return pgettext("economic value", "Experience")
    return step


def level_word(level: int) -> str:
    """A negative cue's impact or effort, 1..3, in lower case: low, medium, high."""
    if level == 1:
        return pgettext("impact or effort", "low")
    if level == 2:
        return pgettext("impact or effort", "medium")
    if level == 3:
        return pgettext("impact or effort", "high")
    return str(level)
