"""The executive summary: the scorecard, what lowers each score, and what to fix first."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from cuecraft.brief import blocks, text, words
from cuecraft.brief.charts import ScoreBars
from cuecraft.brief.context import BriefContext
from cuecraft.brief.sections_guests import summary_callout
from cuecraft.brief.styles import SEVERITY_COLOURS, UNIT
from cuecraft.core.explain import ToFix, to_fix, why_below_100
from cuecraft.core.findings import GROUPS, SEVERITY_RANK, Finding
from cuecraft.core.i18n import _, format_number, ngettext, pgettext
from cuecraft.core.rules.senses import engaged_senses

TOP_FINDINGS = 5
REASONS_SHOWN = 3  # per score below 100 in the summary; the rest are counted
SENTENCE_ENDS = ".!?…。！？"


def full_stop(markup: str, last_word: str) -> str:
    """A sentence's markup with the language's full stop, unless `last_word` already ends it."""
    if last_word.rstrip()[-1:] in SENTENCE_ENDS:
        return markup
    # TRANSLATORS: the full stop closing a sentence (“.”, “。”)
    return markup + text.markup(pgettext("end of a sentence", "."))


def ranked(findings: list[Finding]) -> list[Finding]:
    """Findings most severe first, then in principle order, then by line."""
    order = {p: i for i, p in enumerate(GROUPS)}
    return sorted(
        findings,
        key=lambda f: (SEVERITY_RANK[f.severity], order.get(f.principle, 99), f.line, f.column),
    )


def sentence(value: str) -> str:
    """A rule's message as a sentence: capital first letter (ids keep their case)."""
    return value[:1].upper() + value[1:] if value[:1].islower() else value


def findings_table(ctx: BriefContext, findings: list[Finding], with_code: bool = True) -> Table:
    st = ctx.styles
    w = ctx.width
    severity_head = pgettext("table head", "Severity")
    finding_head = pgettext("table head", "Finding and how to fix it")
    where_head = pgettext("table head", "Where")
    if with_code:
        code_head = pgettext("table head", "Code")
        head, shares = [severity_head, code_head, finding_head, where_head], [0.14, 0.1, 0.62]
    else:
        head, shares = [severity_head, finding_head, where_head], [0.14, 0.72]
    shares.append(1 - sum(shares))
    badges = [words.severity(s) for s in SEVERITY_COLOURS]
    badge = max(blocks.Badge.width_of(b) for b in badges)
    widths = blocks.columns(head, [w * x for x in shares], {0: badge}, donor=len(head) - 2)
    rows = []
    for f in findings:
        finding = [text.para(sentence(f.message), st.cell)]
        if f.hint:
            finding.append(text.para(sentence(f.designer_hint), st.cell_small))
        where = _("line {line}").format(line=f.line) if f.line else ""
        severity = blocks.coloured(words.severity(f.severity), SEVERITY_COLOURS[f.severity], st)
        row: list[object] = [severity]
        if with_code:
            row.append(f.code)
        row += [finding, text.cell(where, st.cell, widths[-1]) if where else ""]
        rows.append(row)
    return blocks.data_table(head, rows, widths, st)


def summary(ctx: BriefContext) -> list[Flowable]:
    design, st, card = ctx.design, ctx.styles, ctx.result.scorecard
    out = ctx.opening("summary", new_page=True)
    values = {
        "title": words.bold(design.title),
        "venue": words.plain(design.venue or ""),
        "client": words.plain(design.client or ""),
    }
    if design.venue and design.client:
        intro = _("{title} — {venue}, for {client}")
    elif design.client:
        intro = _("{title}, for {client}")
    elif design.venue:
        intro = _("{title} — {venue}")
    else:
        intro = "{title}"
    last = design.client or design.venue or design.title
    markup = full_stop(words.rich(intro, st.lead.fontName, **values), last)
    out.append(text.fixed(markup, st.lead))
    positives = [c for c in design.cues if not c.is_negative]
    negatives = [c for c in design.cues if c.is_negative and c.is_active]
    errors = sum(1 for f in ctx.result.findings if f.severity == "error")
    touchpoints = len(design.touchpoints)
    out.append(
        blocks.KeyFigures(
            [
                (format_number(card.overall), _("overall score (of 100)")),
                (
                    format_number(touchpoints),
                    ngettext(
                        "touchpoint on the journey", "touchpoints on the journey", touchpoints
                    ),
                ),
                (
                    format_number(len(positives)),
                    ngettext("positive cue", "positive cues", len(positives)),
                ),
                (
                    format_number(len(negatives)),
                    ngettext("negative cue to remove", "negative cues to remove", len(negatives)),
                ),
                (f"{len(engaged_senses(ctx.graph))}/5", _("senses engaged")),
                (format_number(errors), ngettext("error found", "errors found", errors)),
            ],
            st,
        )
    )
    out.append(
        KeepTogether(
            [
                text.para(_("Scorecard"), st.h3),
                ScoreBars(list(card.scores.items()), card.overall, st.palette),
                Spacer(1, 2 * UNIT),
                text.para(
                    _(
                        "Each principle scores 0–100 from its findings and coverage. The overall "
                        "score is their geometric mean, so one principle at zero makes the whole "
                        "experience zero. The formulas close the consistency report."
                    ),
                    st.small,
                ),
            ]
        )
    )
    if any(f.code == "ELI002" for f in ctx.result.findings):
        out.append(Spacer(1, 2 * UNIT))
        said = _(
            "{rule} A high-severity negative cue sits on the guest’s path, so the eliminate "
            "score — and with it the overall score — is zero until it is eliminated. See the "
            "elimination plan."
        )
        # TRANSLATORS: Pine & Gilmore’s rule: one bad touchpoint cancels the whole experience
        rule = words.bold(_("6 − 1 = 0."))
        out.append(blocks.callout(words.rich(said, rule=rule), ctx))
    out += summary_callout(ctx)
    out += _why_below_100(ctx)
    out += _what_to_fix_first(ctx)
    return out


def _why_below_100(ctx: BriefContext) -> list[Flowable]:
    """Each score below 100 explained by what lowers it, by name (core/explain.py)."""
    lowered = why_below_100(ctx.result)
    if not lowered:
        return []
    st = ctx.styles
    out: list[Flowable] = [Spacer(1, 2 * UNIT), text.para(_("What lowers the scores"), st.h3)]
    for item in lowered:
        shown = item.reasons[:REASONS_SHOWN]
        reasons = listing_of(shown)
        more = len(item.reasons) - len(shown)
        if more:
            reasons = ngettext("{reasons}; and {n} more", "{reasons}; and {n} more", more).format(
                reasons=reasons, n=format_number(more)
            )
        # TRANSLATORS: why a principle scores below 100, e.g. "Eliminate 80: the negative cue …"
        said = words.rich(
            _("{principle}: {reasons}"),
            st.body.fontName,
            principle=words.bold(
                _("{principle} {score}").format(
                    principle=words.principle(item.principle), score=format_number(item.score)
                )
            ),
            reasons=words.plain(reasons),
        )
        out.append(text.fixed(full_stop(said, reasons), st.body))
    return out


def listing_of(reasons: list[str]) -> str:
    """Reasons as one sentence: separated by semicolons (“；” in Chinese)."""
    # TRANSLATORS: the separator between reasons in one sentence ("; ", "；")
    return pgettext("between reasons", "; ").join(reasons)


def _what_to_fix_first(ctx: BriefContext) -> list[Flowable]:
    """The most pressing findings and every open negative cue, in the client's words;
    never “nothing to fix” while a negative cue is still open."""
    st = ctx.styles
    items = to_fix(ctx.result)
    fix_first = _("What to fix first")
    if not items:
        return [
            text.para(fix_first, st.h3),
            text.para(
                _("Nothing to fix: no errors, no warnings and no open negative cues."), st.body
            ),
        ]
    top = items[:TOP_FINDINGS]
    left = items[TOP_FINDINGS:]
    if left:
        note = ngettext(
            "The {shown} most pressing of {total} thing to fix; the elimination plan and the "
            "consistency report list every one.",
            "The {shown} most pressing of {total} things to fix; the elimination plan and the "
            "consistency report list every one.",
            len(items),
        ).format(shown=format_number(len(top)), total=format_number(len(items)))
    else:
        note = _("Everything to fix, most pressing first.")
    # The few things a reader must see stay together, on this page or the next.
    return ctx.headed(fix_first, note, fix_table(ctx, top), 0)


RANK_COLOURS = {
    "error": SEVERITY_COLOURS["error"],
    "high": SEVERITY_COLOURS["error"],
    "warning": SEVERITY_COLOURS["warning"],
    "medium": SEVERITY_COLOURS["warning"],
    "low": SEVERITY_COLOURS["info"],
    "info": SEVERITY_COLOURS["info"],
}


def rank_word(rank: str) -> str:
    """A finding's severity (error, warning) or a negative cue's (high, medium, low)."""
    return words.severity(rank) if rank in SEVERITY_COLOURS else words.impact(rank)


def fix_table(ctx: BriefContext, items: list[ToFix]) -> Table:
    """Things to fix for the client: how pressing, what and how; no codes, ids or lines."""
    st = ctx.styles
    head = [pgettext("table head", "Priority"), pgettext("table head", "What to fix and how")]
    badge = max(blocks.Badge.width_of(rank_word(r)) for r in RANK_COLOURS)
    widths = blocks.columns(head, [ctx.width * 0.16, ctx.width * 0.84], {0: badge}, donor=1)
    rows = []
    for item in items:
        cell: list[object] = [text.para(sentence(item.what), st.cell)]
        if item.how:
            cell.append(text.para(sentence(item.how), st.cell_small))
        rows.append([blocks.coloured(rank_word(item.rank), RANK_COLOURS[item.rank], st), cell])
    return blocks.data_table(head, rows, widths, st)
