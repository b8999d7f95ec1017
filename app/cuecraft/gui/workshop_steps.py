"""The workshop's steps: what each shows, what a line typed there adds, what the checks say.

Steps: theme → positive cues → negative cues → senses → memorabilia → journey → blueprint
→ personas → scorecard. The blueprint step, which also walks the journey's touchpoints,
lives in `workshop_blueprint.py`, the personas step in `workshop_personas.py`; the window
that shows the steps in `workshop.py`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from cuecraft.core.capture import PHASE_PREFIXES, SENSE_PREFIXES, capture
from cuecraft.core.edits import AddItem, Edit, SetField, new_id
from cuecraft.core.explain import SENTENCE_NAME_LIMIT, for_client, without_path
from cuecraft.core.findings import Finding
from cuecraft.core.i18n import N_, _, format_number, ngettext, pgettext
from cuecraft.core.model import PHASES, SENSES, Cue, Design, Souvenir, Touchpoint
from cuecraft.core.names import Names, short
from cuecraft.core.plan import has_owner, open_plan
from cuecraft.gui.document import Document
from cuecraft.gui.findings_panel import group_title
from cuecraft.gui.inspector_fields import choice_label, sense_label
from cuecraft.gui.widgets import unbroken
from cuecraft.gui.workshop_widgets import ACCENT, ERROR, TEXT, WARNING, escape

PLAN_NAME_LIMIT = 36
"""Latin characters of a negative cue's text in the workshop (a Chinese one counts two): a
numbered line with its severity and owner stays one line on a 1024-pixel projector."""
PLAN_OWNER_LIMIT = 24  # the same for who answers for it: a role, not a sentence
PLAN_HEAD = 6
"""Negative cues listed by name: with the line of the rest and the eliminated ones' line,
eight lines, which a 1024×768 projector shows whole even when some wrap."""


@dataclass(frozen=True)
class Step:
    key: str
    title: str  # English, marked with N_: shown as _(title)
    principle: str
    prompt: str  # what typing does here (English, marked); "" when this step takes no input
    codes: tuple[str, ...] = ()  # when given, only the principle's findings of these rules


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
    Step(
        "blueprint",
        # TRANSLATORS: the workshop step of the service blueprint (glossary: service blueprint)
        N_("Blueprint"),
        "staging",
        # TRANSLATORS: the words before the colons must be lane words the workshop understands
        # (see "lane typed in the workshop"); keep the @ before the zone
        N_("Type an action: “back: restock napkins @ kitchen” (front:, back:, support:)"),
    ),
    Step(
        "personas",
        # TRANSLATORS: the workshop step of the kinds of guests (glossary: persona)
        N_("Personas"),
        "journey",
        # TRANSLATORS: the word before what they skip must be one the workshop understands:
        # skips or skip, pomija or pomijają, 跳过; keep the % after the share
        N_("Type a persona and what they skip: “Family 40% skips bar, shop”"),
        codes=("PER",),  # of the journey's findings, only those about the personas
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
    return spellings(spelled)


def spellings(spelled: dict[str, str]) -> dict[str, str]:
    """Each typed word (casefolded) to its value, from {value: its translation}; the value
    itself always counts, and a translation may give several spellings separated by "|"
    ("po|po wizycie")."""
    words: dict[str, str] = {}
    for value, spelling in spelled.items():
        for word in [value, *spelling.split("|")]:
            if word.strip():
                words.setdefault(" ".join(word.split()).casefold(), value)
    return words


def english_prefix(line: str) -> str:
    """`line` with a sense or phase word typed in the current language before its colon
    (":" or the full-width "："), written as the English value the capture understands."""
    cut = min((i for i in (line.find(":"), line.find("：")) if i >= 0), default=-1)
    if cut < 0:
        return line
    value = typed_words().get(" ".join(line[:cut].split()).casefold())
    return f"{value}:{line[cut + 1 :]}" if value else line


def step_lines(step: Step, document: Document) -> list[str]:
    """The rich-text lines a step shows of the design (the blueprint and personas steps
    excepted)."""
    design = document.design
    esc = escape
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
        return plan_lines(design)
    if step.key == "senses":
        from cuecraft.core.rules.senses import engaged_senses

        engaged = engaged_senses(document.result.graph)
        return [f"{'✔' if s in engaged else '✘'}  {esc(sense_label(s))}" for s in SENSES]
    if step.key == "memorabilia":
        return ["• " + esc(s.name) for s in design.souvenirs]
    if step.key == "journey":
        return [
            esc(journey_line(tp))
            for phase in PHASES
            for tp in design.touchpoints
            if tp.phase == phase
        ]
    card = document.result.scorecard
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


def plan_lines(design: Design) -> list[str]:
    """The negative cues still to eliminate, in the elimination plan's order (core/plan.py),
    numbered, each on one line at the workshop's size: a short name, its severity and
    status, and who answers for it. Only the plan's head is listed, the rest counted, and
    the ones already eliminated close the list as one line: the workshop's list keeps its
    newest lines when too many are given, and here the first ones matter most."""
    lines: list[str] = []
    plan = open_plan(design)
    for rank, cue in enumerate(plan[:PLAN_HEAD], start=1):
        name = f"{format_number(rank)}. {short(cue.text or cue.id, PLAN_NAME_LIMIT)}"
        # TRANSLATORS: a negative cue in the workshop: its text, severity and status
        said = _("{cue} — {severity}, {status}").format(
            cue=name,
            severity=choice_label("severity", cue.effective_severity),
            status=choice_label("status", cue.effective_status),
        )
        if cue.owner and has_owner(cue):
            said += "\u00a0·\u00a0" + unbroken(short(cue.owner, PLAN_OWNER_LIMIT))
        lines.append(escape(said))
    if len(plan) > PLAN_HEAD:
        more = len(plan) - PLAN_HEAD
        lines.append(
            escape(ngettext("… and {n} more", "… and {n} more", more).format(n=format_number(more)))
        )
    done = sum(1 for cue in design.cues if cue.is_negative and not cue.is_active)
    if done:
        # TRANSLATORS: the workshop's last line on the negative cues step
        eliminated = ngettext(
            "✔ {n} negative cue eliminated", "✔ {n} negative cues eliminated", done
        ).format(n=format_number(done))
        lines.append(f"<span style='color:{ACCENT}'>{escape(eliminated)}</span>")
    return lines


def verdict(step: Step, document: Document, first: Collection[str] = (), happy: str = "") -> str:
    """What the checks say of the step's principle, in the client's words; findings about
    the items `first` (those the room is looking at) come before the others. `happy` says
    what all is well means on the step, when nothing is found."""
    if not step.principle:
        return escape(_("One principle at zero makes the whole experience zero (6 − 1 = 0)."))
    findings: list[Finding] = [
        f
        for f in document.result.findings
        if f.principle == step.principle and (not step.codes or f.code.startswith(step.codes))
    ]
    if not findings:
        happy = escape(happy or _("✔ The checks are happy with this step."))
        return f"<span style='color:{ACCENT}'>{happy}</span>"
    if first:
        findings.sort(key=lambda f: not set(f.ids) & set(first))  # stable: the rest keep order
    colour = {"error": ERROR, "warning": WARNING, "info": TEXT}
    # The room is the client's: names, not ids (core/explain.py, as the brief says it).
    named = Names(document.design, SENTENCE_NAME_LIMIT)
    said = [for_client(f, named) for f in findings[:3]]
    shown = [
        f"<span style='color:{colour[s.severity]}'>● {escape(without_path(s.message))}</span>"
        for s in said
    ]
    if len(findings) > 3:
        more = len(findings) - 3
        shown.append(
            escape(ngettext("… and {n} more", "… and {n} more", more).format(n=format_number(more)))
        )
    return "<br/>".join(shown)


def edit_for(key: str, line: str, document: Document) -> Edit | str:
    """The edit a typed line makes on a step (the blueprint and personas steps excepted),
    or why it makes none."""
    design = document.design
    if key == "theme":
        # TRANSLATORS: an undo step, as in "Undo Add motif “rain”"
        described = _("Add motif “{motif}”").format(motif=line)
        return SetField("theme", "motifs", [*design.theme.motifs, line], description=described)
    prefixes = {"senses": SENSE_PREFIXES, "journey": PHASE_PREFIXES}.get(key, ())
    if prefixes:
        line = english_prefix(line)
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
        return AddItem("cues", Cue(new_id(design, "cue"), typed.text, senses=senses, motifs=motifs))
    if key == "memorabilia":
        return AddItem("souvenirs", Souvenir(new_id(design, "souvenir"), typed.text, motifs=motifs))
    phase = typed.prefix or "during"
    return AddItem("touchpoints", Touchpoint(new_id(design, "touchpoint"), typed.text, phase))


def some_ids(ids: list[str], limit: int = 8) -> str:
    """The first `limit` ids, each kept whole on a line, for a refusal that says which ones
    the design has ("podium, dining-hall, …"); "—" when there are none."""
    comma = pgettext("list separator", ", ")
    named = comma.join(unbroken(i) for i in ids[:limit])
    if len(ids) > limit:
        named += comma + "…"
    return named or "—"


def journey_line(tp: Touchpoint) -> str:
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
