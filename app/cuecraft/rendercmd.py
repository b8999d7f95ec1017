"""`cuecraft render FILE --view VIEW -o OUT.svg|OUT.png`: one view as a picture (SPEC §4).

The picture is the workbench's own drawing: the same scene code paints into a
`QSvgGenerator` (the words stay SVG text, searchable and selectable) or into a
`QImage` saved as PNG. A view is one entry of `VIEWS`: its name and the function
that builds its scene from a loaded design. Qt runs offscreen when there is no
display, so the command works on a server or in CI.

Exit codes: 0 the picture was written (its path is printed); 2 the design could
not be read (`FILE:LINE:COL: message` on stderr), the view or an option is
unusable, or the picture could not be written (nothing is left half-written).
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

if TYPE_CHECKING:  # Qt is imported only when a picture is drawn
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QGraphicsScene

    from cuecraft.core.model import Design

EXIT_OK, EXIT_UNREADABLE = 0, 2
FORMATS = (".svg", ".png")
SCREEN_DPI = 96  # a scene unit is a pixel at 96 dpi
MAX_SIDE = 32_000  # pixels: larger pictures are refused, not half-drawn out of memory
ALL_VIEWS = ("journey", "senses", "graph", "blueprint", "realms", "value")


class TooLarge(ValueError):
    """The picture asked for is too many pixels to draw."""


def _blueprint_scene(design: Design) -> QGraphicsScene:
    from cuecraft.core.graph import DesignGraph
    from cuecraft.gui.views.blueprint_items import BlueprintStyle
    from cuecraft.gui.views.blueprint_scene import BlueprintScene, light_palette

    scene = BlueprintScene()
    scene.build(DesignGraph(design), BlueprintStyle.make(light_palette(), _font()))
    return scene


def _font() -> QFont:
    """The drawing's face by its own name (the bundled DejaVu Sans when there), so an SVG
    names a font its reader can find instead of the generic "Sans Serif"."""
    from PySide6.QtGui import QFont, QFontDatabase

    font = QFont()
    if "DejaVu Sans" in QFontDatabase.families():
        font.setFamily("DejaVu Sans")
    font.setPointSizeF(10.0)
    return font


# The views this build can render: name -> the function that draws a design's scene.
VIEWS: dict[str, Callable[[Design], QGraphicsScene]] = {"blueprint": _blueprint_scene}


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
        known = ", ".join(VIEWS)
        if args.view in ALL_VIEWS:
            message = _("the view “{view}” cannot be rendered yet; this build renders: {known}")
        else:
            message = _("there is no view “{view}”; this build renders: {known}")
        return _fail(message.format(view=args.view, known=known))
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
    with language(lang) if lang else nullcontext():
        scene = VIEWS[args.view](design)
    try:
        if suffix == ".svg":
            data = _svg(scene, args.width, design.title)
        else:
            data = _png(scene, args.width, args.dpi)
    except TooLarge as error:
        return _fail(str(error))
    try:
        _write(out, data)
    except OSError as error:
        return _fail(f"{args.output}: {error.strerror or error}")
    print(args.output)
    return EXIT_OK


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


def _svg(scene: QGraphicsScene, width: int | None, title: str) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    source = scene.sceneRect()
    scale = (width / source.width()) if width else 1.0
    w, h = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(w, h))
    generator.setViewBox(QRect(0, 0, w, h))
    generator.setTitle(title)
    generator.setDescription(_("A service blueprint drawn by Cuecraft"))
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, w, h), source)
    painter.end()
    buffer.close()
    return bytes(data.data())


def _png(scene: QGraphicsScene, width: int | None, dpi: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    source = scene.sceneRect()
    scale = (width / source.width()) if width else dpi / SCREEN_DPI
    w, h = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
    if w > MAX_SIDE or h > MAX_SIDE:
        raise TooLarge(
            _("the picture would be {width} × {height} pixels; choose a smaller --width").format(
                width=w, height=h
            )
        )
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, w, h), source)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; Qt a str
    buffer.close()
    return bytes(data.data())


def _write(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file beside it, then a rename."""
    target = path.resolve() if path.is_symlink() else path
    temporary = target.with_name(f".{target.name}.cuecraft-tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
