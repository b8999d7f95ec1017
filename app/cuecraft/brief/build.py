"""Design in, PDF out: the story of the brief, laid out once, written atomically."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreakIfNotEmpty,
    Spacer,
)

from cuecraft.brief import (
    sections_cues,
    sections_elimination,
    sections_graph,
    sections_guests,
    sections_overview,
    sections_report,
    sections_summary,
    text,
)
from cuecraft.brief.context import BriefContext
from cuecraft.brief.cover import Cover, logo_reader
from cuecraft.brief.document import (
    BriefDocument,
    Cancel,
    ContentsPlaceholder,
    DeferredCanvas,
    Furniture,
    Landmark,
    Progress,
    SectionTitle,
)
from cuecraft.brief.options import (
    SECTION_TITLES,
    BriefCancelled,
    BriefError,
    BriefOptionError,
    BriefOptions,
    CheckedOptions,
    brief_language,
    checked,
    staged,
)
from cuecraft.brief.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_SIZES, UNIT, make_styles
from cuecraft.core.check import CheckResult, check
from cuecraft.core.feedback import Feedback
from cuecraft.core.i18n import _, format_date, language
from cuecraft.core.model import Design

if TYPE_CHECKING:
    from cuecraft.core.diff import DesignDiff

# The language the PDF declares (its catalog's /Lang), for screen readers and hyphenation.
PDF_LANGUAGES = {"en": "en", "pl": "pl", "zh": "zh-Hans"}

Builder = Callable[[BriefContext], list[Flowable]]


def _blueprint(ctx: BriefContext) -> list[Flowable]:
    """The service blueprint; its modules load only for a design that has one."""
    from cuecraft.brief.sections_blueprint import blueprint_section

    return blueprint_section(ctx)


def _changes(ctx: BriefContext) -> list[Flowable]:
    """What changes from the baseline; its modules load only for a brief given one."""
    from cuecraft.brief.sections_changes import changes_section

    return changes_section(ctx)


BUILDERS: dict[str, Builder] = {
    "summary": sections_summary.summary,
    "changes": _changes,
    "theme": sections_overview.theme,
    "journey": sections_overview.journey,
    "guests": sections_guests.guests,
    "blueprint": _blueprint,
    "cues": sections_cues.cues,
    "elimination": sections_elimination.elimination,
    "senses": sections_cues.senses,
    "memorabilia": sections_cues.memorabilia,
    "report": sections_report.report,
    "graph": sections_graph.graph,
}


def export_brief(
    design: Design,
    out_path: str | os.PathLike[str],
    options: BriefOptions | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    feedback: Feedback | None = None,
    baseline: Design | None = None,
) -> int:
    """Write the PDF design brief of `design` to `out_path`; return its number of pages.

    `progress(done, total)` is called as the layout advances; `cancel()` is polled
    and, when it returns True, the export stops with `BriefCancelled`. The file
    appears only when complete: a failed or cancelled export leaves whatever was
    at `out_path` before untouched. With `feedback` (the guest feedback imported
    for the design) the journey shows guests' NPS beside the designed feeling,
    "What guests say" is printed and the report includes the FBK findings;
    without it that section is left out even when chosen. With `baseline` (an
    earlier design: the as-is) the brief says what changes from it ("What changes",
    after the summary); without one, that section is left out. Raises
    `BriefOptionError` for a bad logo, accent, paper or section name (or when
    nothing is left to print) and `BriefError` when the file cannot be written.
    """
    opts = checked(options or BriefOptions())
    target = Path(out_path)
    _check_writable(target)
    if cancel is not None and cancel():
        raise BriefCancelled(_("the export was cancelled"))
    data, pages = render(design, opts, progress, cancel, feedback, baseline)
    if cancel is not None and cancel():
        raise BriefCancelled(_("the export was cancelled"))
    _write_atomically(target, data)
    return pages


def render(
    design: Design,
    opts: CheckedOptions,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    feedback: Feedback | None = None,
    baseline: Design | None = None,
) -> tuple[bytes, int]:
    """The brief as PDF bytes and its page count, in the brief's language (`brief_language`):
    every word of its own, the findings and the scorecard, dates and numbers."""
    has_blueprint = staged(design)
    body = [
        s
        for s in opts.sections
        if s in BUILDERS
        and (s != "guests" or feedback is not None)
        and (s != "blueprint" or has_blueprint)
        and (s != "changes" or baseline is not None)
    ]
    if not body and "cover" not in opts.sections:
        if "guests" in opts.sections and feedback is None:
            raise BriefOptionError(
                _(
                    "nothing to print: the section “guests” needs guest feedback imported for "
                    "the design (cuecraft feedback import DESIGN CSV)"
                )
            )
        if "changes" in opts.sections and baseline is None:
            raise BriefOptionError(
                _(
                    "nothing to print: the section “changes” needs an earlier design to "
                    "compare with (cuecraft export DESIGN -o OUT.pdf --baseline OLD.yaml)"
                )
            )
        raise BriefOptionError(
            _(
                "nothing to print: the section “blueprint” needs actions or wait points in the "
                "design (a service blueprint)"
            )
        )
    lang = brief_language(opts, design.language)
    with language(lang):
        return _render(design, opts, lang, body, progress, cancel, feedback, baseline)


def _render(
    design: Design,
    opts: CheckedOptions,
    lang: str,
    body: list[str],
    progress: Progress | None,
    cancel: Cancel | None,
    feedback: Feedback | None,
    baseline: Design | None = None,
) -> tuple[bytes, int]:
    styles = make_styles(opts.accent)
    pagesize = PAGE_SIZES[opts.paper]
    date_text = format_date(opts.date)
    furniture = Furniture(
        header_left=design.title,
        header_right=design.client or "",
        footer_left=_("Experience design brief · {date}").format(date=date_text),
        palette=styles.palette,
        has_cover="cover" in opts.sections,
        logo=logo_reader(opts.logo),
    )
    result = check(design, feedback=feedback)
    ctx = BriefContext(
        design=design,
        result=result,
        styles=styles,
        options=opts,
        furniture=furniture,
        width=pagesize[0] - 2 * MARGIN_X,
        height=pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM,
        feedback=feedback,
        changes=_changes_from(baseline, design, result, feedback) if "changes" in body else None,
    )
    story: list[Flowable] = []
    if furniture.has_cover:
        furniture.landmarks.append(
            Landmark("cover", _(SECTION_TITLES["cover"]), "", page=1, y=pagesize[1], listed=False)
        )
        story += [
            Cover(design, date_text, furniture.logo, styles.palette),
            NextPageTemplate("body"),
        ]
    if len(body) > 1:
        story += _contents(ctx, len(body))
    for section in body:
        if cancel is not None and cancel():
            raise BriefCancelled(_("the export was cancelled"))
        story += BUILDERS[section](ctx)
    buffer = io.BytesIO()
    doc = BriefDocument(
        buffer,
        pagesize,
        furniture,
        progress,
        cancel,
        title=design.title,
        author=design.client or "Cuecraft",
        subject=design.theme.name,
        keywords=", ".join(design.theme.motifs),
        lang=PDF_LANGUAGES[lang],
    )
    doc.build(story, canvasmaker=partial(DeferredCanvas, furniture=furniture))
    return buffer.getvalue(), furniture.pages


def _changes_from(
    baseline: Design | None, design: Design, result: CheckResult, feedback: Feedback | None
) -> DesignDiff | None:
    """What changes from `baseline` (as is) to `design` (to be), checked in the brief's
    language. The design is compared as a design: guests' answers are no change of it, so
    with feedback imported it is checked again without (its scores are the same)."""
    if baseline is None:
        return None
    from cuecraft.core.diff import diff_designs

    own = result if feedback is None else check(design)
    return diff_designs(baseline, design, new_result=own)


def _contents(ctx: BriefContext, rows: int) -> list[Flowable]:
    st = ctx.styles
    mark = Landmark("contents", _("Contents"), "", listed=False)
    return [
        PageBreakIfNotEmpty(),
        SectionTitle(mark, st.palette),
        Spacer(1, 2 * UNIT),
        ContentsPlaceholder(ctx.furniture, rows),
        Spacer(1, 8 * UNIT),
        text.para(_("About this brief").upper(), st.label),
        text.para(
            _(
                "This brief sets out a staged experience in the terms of Pine and Gilmore’s "
                "experience economy: a theme, positive cues that harmonize with it, negative "
                "cues to eliminate, memorabilia to take home, and all five senses engaged along "
                "the guest’s journey. The scores and findings come from Cuecraft’s consistency "
                "checks of the design file this brief was made from."
            ),
            st.small,
        ),
    ]


def _check_writable(target: Path) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise BriefError(_("cannot write {file}: it is a folder").format(file=target))
    if not folder.is_dir():
        raise BriefError(
            _("cannot write {file}: the folder {folder} does not exist").format(
                file=target, folder=folder
            )
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BriefError(_("cannot write {file}: permission denied").format(file=target))


def _write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it over the target."""
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o644
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise BriefError(
            _("cannot write {file}: {reason}").format(file=target, reason=error.strerror)
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise BriefError(
            _("cannot write {file}: {reason}").format(file=target, reason=error.strerror or error)
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
