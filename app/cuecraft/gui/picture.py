"""Pictures of the workbench's views for files: `cuecraft render` and View ▸ Save view as image….

One path from a view to a file, shared by the command and the workbench. A view's
picture is a `QGraphicsScene` made by that view's own drawing code (the code its
tab shows, never a second copy), in `light_palette()` and `picture_font()`;
`encode()` paints the scene into SVG (`QSvgGenerator`: the words stay `<text>`,
searchable and selectable) or PNG (a `QImage` at a dpi), at a width; `write_whole()`
writes the file whole or not at all.

The tab protocol
----------------
A workbench tab that View ▸ Save view as image… can save implements `PictureTab`
(no base class: the action checks `isinstance(tab, PictureTab)`, and a tab that
does not implement it leaves the menu entry disabled):

    picture_view: str
        The view's name in `cuecraft render --view` words: "journey", "blueprint",
        "senses", "graph", "realms", "value", or "priorities" (a class attribute is
        enough; the Value tab's is a property, as it saves one of its two pictures).
        It names the suggested file ("cafe-journey.svg") and picks the SVG's <desc>
        (`description()`).

    def has_picture(self) -> bool
        Whether the tab has anything to draw now (False while it shows its empty
        state). Cheap: asked every time the View menu opens, to enable the entry.

    def picture_scene(self) -> QGraphicsScene
        A new scene of what the tab shows now (the persona it follows, the design it
        compares with, …; never the selection, the zoom or the scroll position), made
        by the very function `cuecraft render` calls for that view, in
        `light_palette()` and `picture_font()` and the current language; the caller
        owns it. Its `sceneRect()` is the picture's extent, and what it shows behind
        the drawing is its background brush (a PNG is white where nothing is drawn).

The SVG's <title> is the design's title.

Failures are raised, never written: `TooLarge` when the picture would be more pixels
than `MAX_SIDE` a side or, for a PNG, `MAX_PIXELS` in all, and also when the image
could not be drawn or encoded at its size (Qt then gives a null image or a failed
save, not an exception: out of memory, a 0-byte file would follow).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsScene

from cuecraft.core.i18n import _

# The formats and limits `cuecraft render` states in its options (that module imports no Qt).
from cuecraft.picture_sizes import FORMATS, MAX_PIXELS, MAX_SIDE, SCREEN_DPI

if TYPE_CHECKING:
    from cuecraft.core.check import CheckResult
    from cuecraft.core.feedback.model import Feedback
    from cuecraft.core.model import Design

__all__ = [
    "FORMATS",
    "MAX_PIXELS",
    "MAX_SIDE",
    "SCREEN_DPI",
    "Picture",
    "PictureTab",
    "Source",
    "TooLarge",
    "description",
    "encode",
    "light_palette",
    "picture_font",
    "write_whole",
]


class TooLarge(ValueError):
    """The picture asked for is too many pixels to draw (`width` × `height`): more than
    the limits allow, or more than this machine could draw."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__(f"{width} × {height} pixels")
        self.width, self.height = width, height


@dataclass(frozen=True)
class Source:
    """What a view's picture is drawn from: the design, its checks (the findings the
    views mark) and its guests' feedback (the journey's NPS), as the workbench has them."""

    design: Design
    result: CheckResult
    feedback: Feedback | None = None


@dataclass(frozen=True)
class Picture:
    """A view's drawing ready to be written: its scene, the view's name (`VIEWS`' words:
    it picks the SVG's <desc>) and the design's title (the SVG's <title>)."""

    scene: QGraphicsScene
    view: str
    title: str


@runtime_checkable
class PictureTab(Protocol):
    """A tab View ▸ Save view as image… can save (the module's docstring says how)."""

    @property
    def picture_view(self) -> str: ...

    def has_picture(self) -> bool: ...

    def picture_scene(self) -> QGraphicsScene: ...


def light_palette() -> QPalette:
    """Dark ink on white, whatever the desktop: every picture's palette (the blueprint's)."""
    # Imported here: the views import this module, and views/__init__ imports them all.
    from cuecraft.gui.views.blueprint_scene import light_palette as blueprint_light

    return blueprint_light()


def picture_font() -> QFont:
    """The drawing's face by its own name (the bundled DejaVu Sans when there), so an SVG
    names a font its reader can find instead of the generic "Sans Serif"; one size for
    every picture, whatever the desktop's font, so a tab's picture is `render`'s."""
    font = QFont()
    if "DejaVu Sans" in QFontDatabase.families():
        font.setFamily("DejaVu Sans")
    font.setPointSizeF(10.0)
    return font


def description(view: str) -> str:
    """What an SVG of `view` says it is (its <desc>), in the current language."""
    if view == "journey":
        return _("A customer journey drawn by Cuecraft")
    if view == "blueprint":
        return _("A service blueprint drawn by Cuecraft")
    if view == "senses":
        return _("A sensory map drawn by Cuecraft")
    if view == "graph":
        return _("A consistency graph drawn by Cuecraft")
    if view == "realms":
        return _("The four realms of experience drawn by Cuecraft")
    if view == "value":
        return _("The progression of economic value drawn by Cuecraft")
    if view == "priorities":
        return _("An impact × effort matrix drawn by Cuecraft")
    return _("A view of a design drawn by Cuecraft")


def encode(picture: Picture, suffix: str, width: int | None = None, dpi: int = SCREEN_DPI) -> bytes:
    """The picture as the bytes of an SVG (`suffix` ".svg") or PNG (".png") file, `width`
    pixels wide (default: the drawing's own size, at `dpi` for a PNG). Raises TooLarge."""
    if suffix.lower() == ".svg":
        return svg_bytes(picture.scene, width, picture.title, description(picture.view))
    return png_bytes(picture.scene, width, dpi)


def _size(source: QRectF, scale: float, pixels: bool = False) -> tuple[int, int]:
    """The picture's size at `scale`; TooLarge beyond MAX_SIDE a side or, when its
    `pixels` are to be held in memory (a PNG), beyond MAX_PIXELS in all."""
    w, h = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
    if w > MAX_SIDE or h > MAX_SIDE or (pixels and w * h > MAX_PIXELS):
        raise TooLarge(w, h)
    return w, h


# Characters XML 1.0 forbids anywhere, even as &#…; references: the C0 controls but
# tab, line feed and carriage return. A design may hold them (YAML's "\u0007", "\x1b"
# load) and QSvgGenerator writes its texts raw, so they are taken out of the file: in
# UTF-8 these bytes never occur inside another character's encoding.
_NOT_XML = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
_NOT_XML_CHARACTERS = ("\ufffe".encode(), "\uffff".encode())


def xml_safe(data: bytes) -> bytes:
    """UTF-8 XML `data` without the characters XML 1.0 forbids (the rest unchanged)."""
    data = data.translate(None, _NOT_XML)
    for character in _NOT_XML_CHARACTERS:
        data = data.replace(character, b"")
    return data


def _drawing_dpi() -> int:
    """The dpi the scenes' fonts were measured at (a fresh image's: the screen's)."""
    return QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied).logicalDpiY()


def svg_bytes(scene: QGraphicsScene, width: int | None, title: str, about: str) -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    source = scene.sceneRect()
    w, h = _size(source, (width / source.width()) if width else 1.0)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    # At the dpi the fonts were measured at: a 10 pt word is then as many units wide in
    # the SVG as in the scene (at the generator's default 72 dpi it is a quarter smaller
    # than the box laid out for it), and the file's size in mm is its size on screen.
    generator.setResolution(_drawing_dpi())
    # The drawing at its own size in the viewBox, shown `width` wide: a reader scales it,
    # and every word the scene draws at its own size stays (the graph hides the labels
    # that would overlap when zoomed out: an SVG can always be zoomed in).
    drawing = QRectF(0, 0, source.width(), source.height())
    generator.setSize(QSize(w, h))
    generator.setViewBox(drawing)
    generator.setTitle(title)
    generator.setDescription(about)
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, drawing, source)
    painter.end()
    buffer.close()
    return xml_safe(bytes(data.data()))


def render_image(scene: QGraphicsScene, width: int | None, dpi: int = SCREEN_DPI) -> QImage:
    """The scene painted on white, `width` pixels wide (default: its own size at `dpi`).
    Raises TooLarge, also when there is not the memory to hold it."""
    source = scene.sceneRect()
    w, h = _size(source, (width / source.width()) if width else dpi / SCREEN_DPI, pixels=True)
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():  # not allocated: painting it would leave it empty
        raise TooLarge(w, h)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    if not painter.isActive():
        raise TooLarge(w, h)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, w, h), source)
    painter.end()
    return image


def png_bytes(scene: QGraphicsScene, width: int | None, dpi: int = SCREEN_DPI) -> bytes:
    image = render_image(scene, width, dpi)
    # The dpi is recorded after painting: painted at 192 dpi, a 10 pt word would be
    # drawn twice as large as the box the scene laid out for it.
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes
    buffer.close()
    if not saved or data.isEmpty():  # the encoder ran out of memory: no file, not an empty one
        raise TooLarge(image.width(), image.height())
    return bytes(data.data())


def write_whole(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a temporary file beside it, then a rename."""
    target = path.resolve() if path.is_symlink() else path
    temporary = target.with_name(f".{target.name}.cuecraft-tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
