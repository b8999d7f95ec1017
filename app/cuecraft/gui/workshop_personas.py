"""The workshop's Personas step: the kinds of guests, and what each of them skips (SPEC §2.2).

The room names a persona and what they skip in one typed line, in English, Polish or
Chinese: `Family with toddlers 40% skips bar-wait, shop`, `Rodzina z dziećmi pomija bar`,
`带孩子的家庭 跳过 酒吧、商店` (core/capture.py reads it). A skipped word is a touchpoint's id
or name; a word that names no touchpoint is refused, naming it, and nothing is added, so
no persona ever skips a touchpoint the design does not have. Each persona is shown with
their share of guests and what they skip, by name; the verdict says what PER001–PER003
find, in the client's words.
"""

from __future__ import annotations

from cuecraft.core.capture import capture_persona, items_called, latin_slug
from cuecraft.core.edits import AddItem, Edit, new_id
from cuecraft.core.findings import quote, quote_list
from cuecraft.core.i18n import _, format_percent, ngettext, pgettext
from cuecraft.core.model import Persona
from cuecraft.core.names import full_name, short
from cuecraft.gui.document import Document
from cuecraft.gui.widgets import unbroken
from cuecraft.gui.workshop_steps import some_ids
from cuecraft.gui.workshop_widgets import ACCENT, escape

# Latin characters of a persona's name, and of each skipped touchpoint's, on the projector.
PERSONA_LIMIT = 48
TOUCHPOINT_LIMIT = 40
# One persona: a paragraph whose lines after the first (the name) are indented, so what
# they skip reads as theirs however many lines it wraps to.
PARAGRAPH = "<p style='margin:0; margin-left:{indent}px; text-indent:-{indent}px'>{text}</p>"
INDENT_PX = 40


def persona_lines(document: Document) -> list[str]:
    """Rich-text paragraphs, one per persona in the design's order: the name and the share
    of guests, and under them what the persona skips, by the touchpoints' names (shown
    one after another, without line breaks between them: `separator=""`)."""
    design = document.design
    touchpoints = {tp.id: tp for tp in design.touchpoints}
    comma = pgettext("list separator", ", ")
    lines = []
    for persona in design.personas:
        line = f"<b>{escape(short(persona.name or persona.id, PERSONA_LIMIT))}</b>"
        if persona.share is not None:
            # TRANSLATORS: a persona's share of all guests in the workshop, e.g. "40% of guests"
            share = _("{share} of guests").format(share=format_percent(persona.share / 100))
            line += f"&nbsp;&nbsp;<span style='color:{ACCENT}'>{escape(unbroken(share))}</span>"
        skipped = [
            short(full_name(touchpoints[t]) if t in touchpoints else t, TOUCHPOINT_LIMIT)
            for t in persona.skips
        ]
        if skipped:
            # TRANSLATORS: under a persona in the workshop: the touchpoints they skip, by name
            said = _("skips {touchpoints}").format(touchpoints=comma.join(skipped))
        else:
            # TRANSLATORS: under a persona in the workshop who skips no touchpoint
            said = _("goes through every touchpoint")
        lines.append(PARAGRAPH.format(indent=INDENT_PX, text=f"{line}<br/>{escape(said)}"))
    return lines


def happy_line(document: Document) -> str:
    """What all is well means on this step: said once there are personas to speak of."""
    if not document.design.personas:
        return ""
    # TRANSLATORS: the workshop's Personas step when the checks find nothing (PER001–PER003)
    return _("✔ Every persona gets through the experience and ends it well.")


def edit_for(line: str, document: Document) -> Edit | str:
    """The persona a typed line adds, or why it adds none."""
    design = document.design
    typed = capture_persona(line)
    if not typed.name:
        return _("Type the persona's name too, not only their share or what they skip.")
    if items_called(design.personas, typed.name):
        # TRANSLATORS: a persona typed in the workshop has the name or id of one already there
        return _("There is already a persona {persona}.").format(persona=quote(typed.name))
    skips: list[str] = []
    unknown: list[str] = []
    for word in typed.skips:
        found = items_called(design.touchpoints, word)
        if len(found) > 1:
            # TRANSLATORS: several touchpoints have the name typed after "skips"; {ids} are
            # their ids
            return _("Several touchpoints are called {touchpoint}: type one's id ({ids}).").format(
                touchpoint=quote(word),
                ids=pgettext("list separator", ", ").join(unbroken(t) for t in found),
            )
        if not found:
            unknown.append(word)
        elif found[0] not in skips:
            skips.append(found[0])
    if unknown:
        # TRANSLATORS: words typed after "skips" in the workshop name no touchpoint of the
        # design; {typed} lists them quoted, {ids} the ids of the touchpoints it has
        return ngettext(
            "There is no touchpoint {typed}. Touchpoints: {ids}",
            "There are no touchpoints {typed}. Touchpoints: {ids}",
            len(unknown),
        ).format(typed=quote_list(unknown), ids=some_ids([t.id for t in design.touchpoints]))
    # An id the design team can read from a Latin name; "persona-1" for a name in Chinese.
    slug = latin_slug(typed.name)
    pid = slug if slug and slug not in design.index() else new_id(design, slug or "persona")
    return AddItem("personas", Persona(pid, typed.name, typed.share, skips))
