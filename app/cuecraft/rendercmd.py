"""`cuecraft render FILE --view VIEW -o OUT.svg|OUT.png`: one view as a picture (SPEC §4).

The picture is the workbench's own drawing: each view's own scene code (the one its
tab shows; gui/picture.py says how a view makes its picture) paints into a
`QSvgGenerator` (the words stay SVG text, searchable and selectable) or into a
`QImage` saved as PNG — the very path View ▸ Save view as image… takes. A view is one
entry of `VIEWS`: its name and the function that builds its scene from the design,
its checks (the findings the views mark) and the guest feedback beside it. Qt runs
offscreen when there is no display, so the command works on a server or in CI.

Exit codes: 0 the picture was written (its path is printed); 2 the design could
not be read (`FILE:LINE:COL: message` on stderr), the view or an option is
unusable, or the picture could not be drawn or written (nothing is left half-written;
no empty file).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cuecraft.core.i18n import LANGUAGES, _, language
from cuecraft.picture_sizes import FORMATS, MAX_SIDE, SCREEN_DPI

if TYPE_CHECKING:  # Qt is imported only when a picture is drawn
    from PySide6.QtWidgets import QGraphicsScene

    from cuecraft.gui.picture import Source

EXIT_OK, EXIT_UNREADABLE = 0, 2


def _journey(source: Source) -> QGraphicsScene:
    from cuecraft.gui.picture import light_palette, picture_font
    from cuecraft.gui.views.journey_scene import journey_picture

    design, result, feedback = source.design, source.result, source.feedback
    return journey_picture(design, result, feedback, light_palette(), picture_font())


def _senses(source: Source) -> QGraphicsScene:
    from cuecraft.gui.picture import light_palette, picture_font
    from cuecraft.gui.views.sensory_table import sensory_picture

    return sensory_picture(source.result, light_palette(), picture_font())


def _graph(source: Source) -> QGraphicsScene:
    from cuecraft.gui.picture import light_palette, picture_font
    from cuecraft.gui.views.graph_scene import graph_picture

    return graph_picture(source.result, light_palette(), picture_font())


def _blueprint(source: Source) -> QGraphicsScene:
    from cuecraft.gui.picture import light_palette, picture_font
    from cuecraft.gui.views.blueprint_view import blueprint_picture

    return blueprint_picture(source.result, light_palette(), picture_font())


def _realms(source: Source) -> QGraphicsScene:
    from cuecraft.gui.picture import light_palette, picture_font
    from cuecraft.gui.views.realms_scene import realms_scene

    return realms_scene(source.design, light_palette(), picture_font())


def _value(source: Source) -> QGraphicsScene:
    from cuecraft.gui.picture import light_palette, picture_font
    from cuecraft.gui.views.value_scene import value_scene

    return value_scene(source.design, light_palette(), picture_font())


def _priorities(source: Source) -> QGraphicsScene:
    from cuecraft.gui.picture import light_palette, picture_font
    from cuecraft.gui.views.priority_scene import priority_scene

    # The findings mark the cues ELI004 asks an owner for, as on the Priorities tab.
    findings = source.result.findings
    return priority_scene(source.design, findings, light_palette(), picture_font())


# The views this build can render: name -> the function that draws its scene.
VIEWS: dict[str, Callable[[Source], QGraphicsScene]] = {
    "journey": _journey,
    "senses": _senses,
    "graph": _graph,
    "blueprint": _blueprint,
    "realms": _realms,
    "value": _value,
    "priorities": _priorities,
}


def add_parser(
    subparsers: Any, parents: Sequence[argparse.ArgumentParser] = ()
) -> argparse.ArgumentParser:
    """Register `render` on a subparsers object (`parents`: options every command takes)."""
    render = subparsers.add_parser(
        "render",
        help=_("draw one view of a design as SVG or PNG"),
        description=_(
            "Draw one view of a design, as the workbench shows it, into an SVG or PNG file."
        ),
        epilog=_(
            "The picture’s words are in the design’s language (its “language:”) unless "
            "--lang says otherwise; a design without one is drawn in the system’s language."
        ),
        parents=list(parents),
    )
    render.add_argument("file", metavar="FILE")
    render.add_argument(
        "--view",
        required=True,
        metavar="VIEW",
        help=_("the view to draw: {views}").format(views=", ".join(VIEWS)),
    )
    render.add_argument("-o", "--output", required=True, metavar="OUT.svg|OUT.png")
    render.add_argument(
        "--width",
        type=int,
        metavar="PX",
        help=_("the picture's width in pixels (default: the drawing's own size at --dpi)"),
    )
    render.add_argument(
        "--dpi",
        type=int,
        default=SCREEN_DPI,
        metavar="N",
        help=_("dots per inch of a PNG (default: 96, the drawing's own size)"),
    )
    return render  # type: ignore[no-any-return]


def _fail(message: str) -> int:
    print(_("cuecraft render: {error}").format(error=message), file=sys.stderr)
    return EXIT_UNREADABLE


def run(args: argparse.Namespace) -> int:
    """Run `cuecraft render` with parsed arguments; return the exit code."""
    if args.view not in VIEWS:
        message = _("there is no view “{view}”; this build renders: {known}")
        return _fail(message.format(view=args.view, known=", ".join(VIEWS)))
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        return _fail(
            _("{file}: write .svg or .png (the picture's format follows the name)").format(
                file=args.output
            )
        )
    if args.width is not None and not 0 < args.width <= MAX_SIDE:
        return _fail(_("--width must be between 1 and {most}").format(most=MAX_SIDE))
    if not 0 < args.dpi <= 2400:
        return _fail(_("--dpi must be between 1 and 2400"))
    from cuecraft.core.fileformat import DesignLoadError, load_design

    try:
        design = load_design(args.file)
    except DesignLoadError as error:
        for problem in error.problems:
            print(problem.format(args.file), file=sys.stderr)
        return EXIT_UNREADABLE
    # The drawing's words: --lang, else the design's own language when we speak it.
    lang = getattr(args, "lang", None) or _spoken(design.language)
    _qt_application()
    from cuecraft.gui.picture import Picture, TooLarge, encode, write_whole

    # Words are written when the scene is made and when it is painted: both in `lang`.
    with language(lang) if lang else nullcontext():
        scene = VIEWS[args.view](_source(design, args.file))
        picture = Picture(scene, args.view, design.title)
        try:
            data = encode(picture, suffix, args.width, args.dpi)
        except TooLarge as error:
            if args.width is None and suffix == ".png" and args.dpi > SCREEN_DPI:  # --dpi did
                message = _(
                    "the picture would be {width} × {height} pixels; choose a smaller --dpi"
                )
            else:
                message = _(
                    "the picture would be {width} × {height} pixels; choose a smaller --width"
                )
            return _fail(message.format(width=error.width, height=error.height))
    try:
        write_whole(out, data)
    except OSError as error:
        return _fail(f"{args.output}: {error.strerror or error}")
    print(args.output)
    return EXIT_OK


def _source(design: Any, path: str) -> Source:
    """The design with its checks and the guest feedback beside it, as the workbench has
    them; feedback that cannot be read is left out with a warning, as the workbench
    shows the design without it."""
    from cuecraft.core.check import check
    from cuecraft.core.feedback import FeedbackLoadError, feedback_for_design
    from cuecraft.gui.picture import Source

    try:
        feedback = feedback_for_design(path)
    except FeedbackLoadError as error:
        print(_("cuecraft render: {error}").format(error=error.format()), file=sys.stderr)
        feedback = None
    return Source(design, check(design, feedback=feedback), feedback)


def _spoken(tag: str | None) -> str | None:
    if not tag:
        return None
    base = tag.replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else None


def _qt_application() -> None:
    """A QApplication to draw with, always offscreen: the picture is painted into a file,
    never shown, so a missing or unreachable display (a stale `ssh -X`) cannot abort it.
    QT_QPA_PLATFORM, when set, still wins."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QApplication(["cuecraft"])
    from cuecraft.gui.fonts import register_bundled_fonts

    register_bundled_fonts()
