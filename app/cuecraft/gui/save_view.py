"""View ▸ Save view as image…: the current tab's picture as an SVG or PNG file.

The tab draws its picture (`PictureTab` in gui/picture.py: the same scene code and
the same encoding as `cuecraft render`); this module asks where to save it, asks
before replacing a file, and writes it whole or not at all. The file type follows
the name's suffix (.svg or .png); a name without one takes the chosen filter's.
The questions are module-level functions, as in gui/dialogs.py, so tests replace
them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from cuecraft.core.i18n import _
from cuecraft.gui import dialogs
from cuecraft.gui.picture import FORMATS, Picture, PictureTab, TooLarge, encode, write_whole

if TYPE_CHECKING:
    from cuecraft.gui.main_window import MainWindow


def svg_filter() -> str:
    # TRANSLATORS: a file type in the Save dialog of View ▸ Save view as image…; keep the pattern
    return _("SVG images (*.svg)")


def png_filter() -> str:
    # TRANSLATORS: a file type in the Save dialog of View ▸ Save view as image…; keep the pattern
    return _("PNG images (*.png)")


# -- questions (module-level so tests can replace them) --------------------------------


def ask_image_name(parent: QWidget | None, start: Path) -> tuple[str, str]:
    """The save dialog: (the name typed, the filter chosen); ("", "") when cancelled."""
    chosen = png_filter() if start.suffix == ".png" else svg_filter()
    name, picked = QFileDialog.getSaveFileName(
        parent,
        _("Save view as image"),
        str(start),
        f"{svg_filter()};;{png_filter()}",
        chosen,
        # The name written may differ from the one typed (an added suffix): that one
        # is asked about below.
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return name, picked


def ask_replace_image(parent: QWidget | None, path: Path) -> bool:
    """The picture would replace a file that exists: go on?"""
    answer = QMessageBox.question(
        parent,
        _("Replace the existing file?"),
        _("{name} already exists in {folder}.\n\nReplace it with this picture?").format(
            name=path.name, folder=path.parent
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


# -- the action ------------------------------------------------------------------------


def image_path(name: str, chosen_filter: str) -> Path:
    """The file to write: the name as typed when it ends in .svg or .png, else with the
    chosen filter's suffix added ("Cafe v1.2" is "Cafe v1.2.png", never "Cafe v1.png")."""
    path = Path(name)
    if path.suffix.lower() in FORMATS:
        return path
    suffix = ".png" if chosen_filter == png_filter() else ".svg"
    return path.with_name(path.name + suffix)


def current_tab(window: MainWindow) -> PictureTab | None:
    """The tab shown, when it has a picture to save now."""
    tab = window.tabs.currentWidget()
    if isinstance(tab, PictureTab) and tab.has_picture():
        return tab
    return None


def can_save_view(window: MainWindow) -> bool:
    return current_tab(window) is not None


def save_view_as_image(window: MainWindow) -> Path | None:
    """Ask where, then write the current tab's picture there; the path written, or None
    (cancelled, nothing to draw, or it failed: the reason is shown in a message box)."""
    tab = current_tab(window)
    if tab is None:
        return None
    document = window.document
    document.flush()  # an edit still waiting for its check is in the picture too
    picture = Picture(tab.picture_scene(), tab.picture_view, document.design.title)
    folder = document.path.parent if document.path is not None else Path.cwd()
    stem = document.path.stem if document.path is not None else "design"
    name, chosen = ask_image_name(window, folder / f"{stem}-{picture.view}.svg")
    if not name:
        return None
    path = image_path(name, chosen)
    if path.exists() and not ask_replace_image(window, path):
        return None
    title = _("Cannot save the image")
    try:
        data = encode(picture, path.suffix)
    except TooLarge as error:
        dialogs.show_error(
            window,
            title,
            _("The picture would be {width} × {height} pixels, too large to draw.").format(
                width=error.width, height=error.height
            ),
        )
        return None
    try:
        write_whole(path, data)
    except OSError as error:
        dialogs.show_error(
            window,
            title,
            _("{file} could not be written: {reason}").format(
                file=path, reason=error.strerror or error
            ),
        )
        return None
    window.statusBar().showMessage(_("Saved {file}").format(file=path), 5000)
    return path
