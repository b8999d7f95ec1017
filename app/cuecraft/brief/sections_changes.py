"""What changes: the design (to be) compared with an earlier one (as is), SPEC §6.

Printed only for a brief given a baseline (`cuecraft export --baseline
OLD.yaml`), after the summary. Everything in it is read from the core's diff
(`cuecraft.core.diff.diff_designs`): the scores before and after, how the guest's
feeling moves along the journey (both curves on one chart), the findings resolved
and new in the client's words (`cuecraft.core.explain.for_client`, as the summary
words them), and every item added, removed, renamed or changed, by name, its
changed fields in plain words (changes_words.py). Long lists split across pages as
the brief's other tables do.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from cuecraft.brief import blocks, fitting, fonts, text, words
from cuecraft.brief.changes_journey import both_journeys
from cuecraft.brief.changes_words import change_lines, field_word
from cuecraft.brief.context import BriefContext
from cuecraft.brief.curve_changes import ChangesCurve
from cuecraft.brief.curve_layout import minus
from cuecraft.brief.sections_summary import ranked, sentence
from cuecraft.brief.styles import ERROR, GOOD, MUTED, SEVERITY_COLOURS, UNIT
from cuecraft.core.diff import DesignDiff, FieldChange
from cuecraft.core.explain import SENTENCE_NAME_LIMIT, for_client
from cuecraft.core.findings import Finding, quote
from cuecraft.core.i18n import _, format_number, ngettext, pgettext
from cuecraft.core.model import Item, kind_of
from cuecraft.core.names import Names, short_name
from cuecraft.core.words import kind_word

CHART_HEIGHT = 62 * UNIT  # as the guest journey's chart
ITEM_NAME_LIMIT = 80  # characters of an item's name in the table of items


def changes_section(ctx: BriefContext) -> list[Flowable]:
    """The section "What changes"; `ctx.changes` holds the diff (the section is only
    chosen with a baseline)."""
    diff = ctx.changes
    assert diff is not None, "What changes is printed only with a baseline"
    baseline = diff.old_result.graph.design
    named = quote(baseline.title)
    if diff.same:
        lead = _(
            "This design is the same as the as-is design {baseline}: no item, score or "
            "finding changes."
        ).format(baseline=named)
        return ctx.opening("changes", lead)
    lead = _(
        "This design, to be, compared with the as-is design {baseline}: how the scores move, "
        "how the guest’s feeling changes along the journey, which findings are resolved and "
        "which are new, and every item added, removed or changed."
    ).format(baseline=named)
    out = ctx.opening("changes", lead)
    out.append(_key_figures(ctx, diff))
    out += _scores(ctx, diff)
    out += _feeling(ctx, diff)
    out += _findings(ctx, diff)
    out += _items(ctx, diff)
    return out


def _key_figures(ctx: BriefContext, diff: DesignDiff) -> Flowable:
    before, after = diff.before.overall, diff.after.overall
    resolved, new = len(diff.resolved_findings), len(diff.new_findings)
    items = len(diff.added) + len(diff.removed) + len(diff.renamed) + len(diff.changed)
    items += sum(1 for changes in _design_parts(diff) if changes)  # its rows in the table
    return blocks.KeyFigures(
        [
            (
                _change(after - before),
                # TRANSLATORS: under the change of the overall score, e.g. “+25”
                _("overall score, from {before} to {after}").format(
                    before=format_number(before), after=format_number(after)
                ),
            ),
            (format_number(resolved), ngettext("finding resolved", "findings resolved", resolved)),
            (format_number(new), ngettext("new finding", "new findings", new)),
            (
                format_number(items),
                ngettext(
                    "item added, removed or changed", "items added, removed or changed", items
                ),
            ),
        ],
        ctx.styles,
    )


def _change(delta: int) -> str:
    """A change of score: “+15”, “−20”, “0”."""
    return minus(f"{delta:+d}") if delta else "0"


def _scores(ctx: BriefContext, diff: DesignDiff) -> list[Flowable]:
    """Each principle's score as is and to be, and the overall score, with the change."""
    st = ctx.styles
    head = [
        pgettext("table head", "Score"),
        pgettext("table head", "As is"),
        pgettext("table head", "To be"),
        pgettext("table head", "Change"),
    ]
    widths = blocks.columns(head, [ctx.width * x for x in (0.46, 0.18, 0.18, 0.18)], donor=0)
    before, after = diff.before, diff.after
    rows: list[list[object]] = []
    extra: list[tuple[object, ...]] = []
    principles = list(dict.fromkeys([*before.principles, *after.principles]))
    lines = [(p, before.scores.get(p), after.scores.get(p)) for p in principles]
    lines.append(("overall", before.overall, after.overall))
    for r, (principle, old, new) in enumerate(lines, start=1):
        name = words.principle(principle)
        shown = words.bold(name) if principle == "overall" else words.plain(name)
        delta = None if old is None or new is None else new - old
        rows.append(
            [
                text.fixed(shown, st.cell),
                "—" if old is None else format_number(old),
                "—" if new is None else format_number(new),
                "—" if delta is None else _change(delta),
            ]
        )
        colour = MUTED if not delta else GOOD if delta > 0 else ERROR
        extra.append(("TEXTCOLOR", (3, r), (3, r), colour))
    extra.append(("FONT", (1, len(rows)), (-1, len(rows)), fonts.BOLD, 8.5))
    table = blocks.data_table(head, rows, widths, st, extra=extra)
    sub = _("Of 100, as is and to be; the overall score last.")
    # A few rows read side by side with the scorecard: kept whole, on this page or the next.
    return [Spacer(1, 2 * UNIT), KeepTogether(ctx.headed(_("How the scores move"), sub, table))]


def _feeling(ctx: BriefContext, diff: DesignDiff) -> list[Flowable]:
    """Both emotion curves on the steps of both journeys: the as-is dashed, the to-be solid."""
    st = ctx.styles
    heading = text.para(_("The guest’s feeling, as is and to be"), st.h3)
    heading.keepWithNext = 1
    both = both_journeys(ctx, diff)
    if not both.points:
        none = _("No touchpoints yet: the journey is still to be drawn.")
        return [heading, text.para(none, st.body)]
    legend = (
        # TRANSLATORS: the legend of the dashed curve: the earlier design compared with
        pgettext("changes chart", "As is (the baseline)"),
        # TRANSLATORS: the legend of the solid curve: the design the brief is about
        pgettext("changes chart", "To be (this design)"),
    )
    chart = ChangesCurve(
        both.points, both.as_is, both.as_is_links, legend, st.palette, CHART_HEIGHT
    )
    caption = _(
        "The designed feeling at each step, from −3 to +3: dashed as is, solid to be. Where "
        "the two agree, the solid line covers the dashed one. The rings mark this design’s "
        "peak and ends."
    )
    if both.only_before:
        caption = words.sentences(
            caption,
            _(
                "Steps are numbered as in the guest journey; a step marked − is in the as-is "
                "design only, where it stood in its journey."
            ),
        )
    if chart.branches:
        caption = words.sentences(
            caption,
            _(
                "Where the journey branches, its alternatives stand side by side at one "
                "step, and the line forks to each of them."
            ),
        )
    drawn = fitting.Shrinkable(chart)
    drawn.keepWithNext = 1  # its caption never starts the next page
    return [Spacer(1, 3 * UNIT), heading, drawn, text.para(caption, st.caption)]


def _findings(ctx: BriefContext, diff: DesignDiff) -> list[Flowable]:
    """The findings the design resolves and those it brings, in the client's words."""
    st = ctx.styles
    heading = _("Findings resolved and new")
    resolved, new = ranked(list(diff.resolved_findings)), ranked(list(diff.new_findings))
    if not resolved and not new:
        return [
            Spacer(1, 3 * UNIT),
            text.para(heading, st.h3),
            text.para(_("No finding is resolved and none is new."), st.body),
        ]
    old_names = Names(diff.old_result.graph.design, SENTENCE_NAME_LIMIT)
    new_names = Names(ctx.design, SENTENCE_NAME_LIMIT)
    head = [pgettext("table head", "Severity"), pgettext("table head", "Finding")]
    badge = max(blocks.Badge.width_of(words.severity(s)) for s in SEVERITY_COLOURS)
    widths = blocks.columns(head, [ctx.width * 0.16, ctx.width * 0.84], {0: badge}, donor=1)
    rows: list[list[object]] = []
    bands: list[int] = []
    if resolved:
        bands.append(len(rows))
        n = len(resolved)
        label = ngettext("{n} finding resolved", "{n} findings resolved", n)
        rows.append([band_label(ctx, label.format(n=format_number(n)))])
        rows += [_finding_row(ctx, f, old_names, with_hint=False) for f in resolved]
    if new:
        bands.append(len(rows))
        n = len(new)
        label = ngettext("{n} new finding", "{n} new findings", n)
        rows.append([band_label(ctx, label.format(n=format_number(n)))])
        rows += [_finding_row(ctx, f, new_names, with_hint=True) for f in new]
    for row in rows:
        row += [""] * (len(head) - len(row))
    sub = _(
        "Resolved: found in the as-is design, no longer in this one. New: found in this "
        "design only, with how to fix it."
    )
    table = blocks.data_table(head, rows, widths, st, band_rows=bands)
    return [Spacer(1, 3 * UNIT), *ctx.headed(heading, sub, table)]


def _finding_row(
    ctx: BriefContext, finding: Finding, named: Names, with_hint: bool
) -> list[object]:
    st = ctx.styles
    said = for_client(finding, named)
    cell: list[object] = [text.para(sentence(said.message), st.cell)]
    if with_hint and said.hint:
        cell.append(text.para(sentence(said.hint), st.cell_small))
    severity = finding.severity
    return [blocks.coloured(words.severity(severity), SEVERITY_COLOURS[severity], st), cell]


def _items(ctx: BriefContext, diff: DesignDiff) -> list[Flowable]:
    """Every item added, removed, renamed or changed, by name, each change in plain words."""
    st = ctx.styles
    baseline = diff.old_result.graph.design
    old_names, new_names = Names(baseline), Names(ctx.design)
    head = [
        pgettext("table head", "Kind"),
        pgettext("table head", "Item"),
        pgettext("table head", "What changed"),
    ]
    kinds = [kind_word(k) for k in ("zone", "touchpoint", "cue", "layer", "souvenir")]
    kinds += [kind_word(k) for k in ("action", "persona")] + [_theme_word(), _design_word()]
    widths = blocks.columns(
        head,
        [ctx.width * x for x in (0.15, 0.37, 0.48)],
        {0: blocks.longest_word([words.capital(k) for k in kinds], 8.5)},
        donor=2,
    )
    rows: list[list[object]] = []
    bands: list[int] = []

    def band(label: str) -> None:
        bands.append(len(rows))
        rows.append([band_label(ctx, label), "", ""])

    def row(kind: str, name: str, what: list[str]) -> None:
        lines: list[object] = [text.para(line, st.cell) for line in what]
        rows.append(
            [
                text.cell(words.capital(kind), st.cell, widths[0]),
                text.para(name, st.cell),
                lines or "",
            ]
        )

    design_rows = _design_rows(ctx, diff, old_names, new_names)
    changed = len(diff.changed) + len(design_rows)
    groups = (
        (diff.added, ngettext("{n} item added", "{n} items added", len(diff.added))),
        (diff.removed, ngettext("{n} item removed", "{n} items removed", len(diff.removed))),
    )
    for items, label in groups:
        if items:
            band(label.format(n=format_number(len(items))))
            for item in items:
                row(kind_word(kind_of(item)), _name(item), [])
    if diff.renamed:
        n = len(diff.renamed)
        band(ngettext("{n} item renamed", "{n} items renamed", n).format(n=format_number(n)))
        for rename in diff.renamed:
            # TRANSLATORS: an item kept everything but its id, the file's handle for it
            said = pgettext("a changed item", "its id in the design file: {old} → {new}")
            ids = said.format(old=rename.old_id, new=rename.new_id)
            row(kind_word(rename.kind), _name(rename.item), [ids])
    if changed:
        label = ngettext("{n} item changed", "{n} items changed", changed)
        band(label.format(n=format_number(changed)))
        for kind, name, what in design_rows:
            row(kind, name, what)
        for change in diff.changed:
            what = [line for f in change.fields for line in change_lines(f, old_names, new_names)]
            row(kind_word(change.kind), _name(change.item), what)
    sub = _("Items by name, each change to them in plain words: before → after.")
    table = blocks.data_table(head, rows, widths, st, band_rows=bands)
    return [Spacer(1, 3 * UNIT), *ctx.headed(_("What is added, removed and changed"), sub, table)]


def band_label(ctx: BriefContext, label: str) -> Flowable:
    """A sub-heading row's words as a paragraph, never a plain string: repeated “(cont.)”
    overleaf, a paragraph's words are drawn in faces that have them (Chinese too)."""
    return text.para(label, ctx.styles.cell_bold)


def _name(item: Item) -> str:
    return short_name(item, ITEM_NAME_LIMIT)


def _theme_word() -> str:
    # TRANSLATORS: the kind of a row of “What changes” about the design's theme
    return pgettext("item kind", "theme")


def _design_word() -> str:
    # TRANSLATORS: the kind of a row of “What changes” about the design's title, client…
    return pgettext("item kind", "design")


def _design_parts(diff: DesignDiff) -> tuple[list[FieldChange], list[FieldChange]]:
    """The design's own changed fields: its title, client, … and `x-` keys; its theme's."""
    theme = [c for c in diff.design if c.field.startswith("theme.")]
    return [c for c in diff.design if not c.field.startswith("theme.")], theme


def _design_rows(
    ctx: BriefContext, diff: DesignDiff, old_names: Names, new_names: Names
) -> list[tuple[str, str, list[str]]]:
    """The design's own fields that changed: a row for the design (title, client, venue,
    language, the team's `x-` keys) and one for its theme."""
    design, theme = _design_parts(diff)
    out = []
    for kind, name, changes in (
        (_design_word(), ctx.design.title, design),
        (_theme_word(), ctx.design.theme.name, theme),
    ):
        if changes:
            lines = [line for c in changes for line in change_lines(c, old_names, new_names)]
            out.append((kind, name or field_word(changes[0].field), lines))
    return out
