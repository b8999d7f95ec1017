"""The Value tab: the staircase of economic value beside the four realms (SPEC §2.3, §5).

Both pictures are the scenes `cuecraft render --view value|realms` paints
(`value_scene`, `realms_scene`), drawn here in the window's palette, both at one
scale so their words are one size: side by side or one over the other, whichever
shows them larger. Where even that would make the words too small to read (a
1024×768 projector with the docks open), they keep a readable size, one over the
other, and the tab scrolls. They are drawn again after each edit, only while the
tab is shown. The prices
and the realms are edited in the theme's inspector: the button above the pictures,
or a click on either, selects the theme.

View ▸ Save view as image… saves one of the two, as `render --view value` or
`--view realms` would: the one last clicked or given the keyboard focus, else the
staircase; a picture that shows only its hint (no price, no realm set) is not
saved, so then the other one is. `retranslate()` redraws every word; it runs
by itself on LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QMouseEvent, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.edits import Change
from cuecraft.core.i18n import _
from cuecraft.core.model import VALUE_STEPS, Design
from cuecraft.gui.document import Document

from ._style import count_text, mute
from .realms_scene import realms_scene
from .value_scene import premium_sentence, value_scene

READABLE = 0.75  # the pictures are never drawn smaller than this (their words stay legible)
LARGEST = 2.5  # nor larger than this (a 4K screen with the docks closed)
GAP = 12  # between the two pictures


class _Picture(QGraphicsView):
    """One picture, always whole at the scale it is given (`show_at`), never scrolled."""

    def __init__(self, view: ValueView, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.view = view
        self.name = name  # its `cuecraft render --view` name: "value" or "realms"
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def rect_of_scene(self) -> QRectF:
        scene = self.scene()
        return scene.sceneRect() if scene is not None else QRectF()

    def show_at(self, scale: float, x: float, y: float) -> None:
        """The whole picture at `scale`, its top-left corner at (x, y) in the page."""
        rect = self.rect_of_scene()
        self.setGeometry(
            round(x), round(y), round(rect.width() * scale), round(rect.height() * scale)
        )
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.view.choose_picture(self.name)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.view.choose_picture(self.name)
            self.view.edit_prices()
            event.accept()
            return
        super().mousePressEvent(event)


class ValueView(QWidget):
    """The progression of economic value and the four realms of the document's design."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._scroll = QScrollArea(self)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setWidgetResizable(False)
        self._page = QWidget()
        self._scroll.setWidget(self._page)
        self._scroll.viewport().installEventFilter(self)  # arranged again on each resize
        # The page is the pictures' own paper: the gaps round them are not the window's grey.
        self._page.setBackgroundRole(QPalette.ColorRole.Base)
        self._page.setAutoFillBackground(True)
        self._staircase = _Picture(self, self._page, "value")
        self._realms = _Picture(self, self._page, "realms")
        self._chosen = "value"  # the picture Save view as image… saves (when it can)
        self._scenes: list[QGraphicsScene] = []
        self._dirty = True
        self._side_by_side = True
        self._scale = 1.0

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 8, 6)
        self._summary = QLabel(self)
        self._summary.setWordWrap(True)
        bar.addWidget(self._summary, 1)
        self._edit = QPushButton(self)
        self._edit.clicked.connect(self.edit_prices)
        bar.addWidget(self._edit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addWidget(self._scroll, 1)
        self._name_widgets()
        document.changed.connect(self._on_changed)

    def retranslate(self) -> None:
        """Redraw every word in the current language (also run on LanguageChange)."""
        self._name_widgets()
        self._on_changed(None)

    def _name_widgets(self) -> None:
        self.setAccessibleName(_("Value view"))
        self._staircase.setAccessibleName(_("The progression of economic value"))
        self._realms.setAccessibleName(_("The four realms of the experience"))
        tip = _("Click to edit the prices and the realms in the inspector")
        for picture in (self._staircase, self._realms):
            picture.setToolTip(tip)
        self._edit.setText(_("Edit prices and realms"))
        self._edit.setToolTip(_("Show the theme in the inspector, where both are edited"))

    # -- read-only helpers (tests, other panels) -----------------------------------------

    def staircase(self) -> QGraphicsView:
        self._ensure_fresh()
        return self._staircase

    def realms(self) -> QGraphicsView:
        self._ensure_fresh()
        return self._realms

    def summary(self) -> str:
        self._ensure_fresh()
        return self._summary.text()

    def side_by_side(self) -> bool:
        return self._side_by_side

    def picture_scale(self) -> float:
        """The scale both pictures are drawn at (1.0: the drawing's own size)."""
        return self._scale

    # -- View ▸ Save view as image… (cuecraft.gui.picture.PictureTab) --------------------

    @property
    def picture_view(self) -> str:
        """ "value" (the staircase) or "realms": the picture last clicked or focused when
        it has something to show, else the one that has."""
        design = self.document.design
        if self._chosen == "realms" and _staged(design):
            return "realms"
        return "value" if design.value or not _staged(design) else "realms"

    def has_picture(self) -> bool:
        """Whether there is a picture to save: the design says what guests pay, or how
        strongly it stages a realm."""
        design = self.document.design
        return bool(design.value) or _staged(design)

    def picture_scene(self) -> QGraphicsScene:
        """The picture (`picture_view`) as View ▸ Save view as image… writes it: the very
        one `cuecraft render --view value|realms` draws (dark ink on white), of the design
        now."""
        from cuecraft.gui.picture import light_palette, picture_font

        draw = realms_scene if self.picture_view == "realms" else value_scene
        return draw(self.document.design, light_palette(), picture_font())

    def choose_picture(self, name: str) -> None:
        """Save view as image… saves this picture ("value" or "realms") from now on."""
        self._chosen = name

    # -- gestures ------------------------------------------------------------------------

    def edit_prices(self) -> None:
        """The prices and the realms are the theme's fields: show them in the inspector."""
        self.document.select("theme")

    # -- refresh -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        themed = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_summary"):
            self.retranslate()
        elif event.type() in themed and hasattr(self, "_summary"):
            self._on_changed(None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_fresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._arrange()
        return super().eventFilter(watched, event)

    def _arrange(self) -> None:
        """Side by side or one over the other, whichever draws them larger; never below
        READABLE: then one over the other, the staircase as large as the room shows it
        whole (at most its own size), and scrolled."""
        one, two = self._staircase.rect_of_scene(), self._realms.rect_of_scene()
        if one.isEmpty() or two.isEmpty():
            return
        room = self._scroll.viewport().size()
        width, height = float(room.width()), float(room.height())
        beside = min(
            (width - GAP) / (one.width() + two.width()), height / max(one.height(), two.height())
        )
        over = min(
            width / max(one.width(), two.width()), (height - GAP) / (one.height() + two.height())
        )
        self._side_by_side = beside >= over
        scale = max(beside, over)
        if scale < READABLE:
            self._side_by_side = False
            # The staircase whole in the first screen when it can be; the realms under it.
            fits = min(1.0, width / max(one.width(), two.width()), height / one.height())
            scale = max(READABLE, fits)
        scale = self._scale = min(scale, LARGEST)
        if self._side_by_side:
            page_w = (one.width() + two.width()) * scale + GAP
            page_h = max(one.height(), two.height()) * scale
            left, top = max(0.0, (width - page_w) / 2), max(0.0, (height - page_h) / 2)
            self._staircase.show_at(scale, left, top)
            self._realms.show_at(scale, left + one.width() * scale + GAP, top)
        else:
            page_w = max(one.width(), two.width()) * scale
            page_h = (one.height() + two.height()) * scale + GAP
            top = max(0.0, (height - page_h) / 2)
            self._staircase.show_at(scale, max(0.0, (width - one.width() * scale) / 2), top)
            self._realms.show_at(
                scale, max(0.0, (width - two.width() * scale) / 2), top + one.height() * scale + GAP
            )
        self._page.resize(max(round(page_w), room.width()), max(round(page_h), room.height()))

    def _on_changed(self, _change: Change | None) -> None:
        self._dirty = True
        if self.isVisible():
            self._ensure_fresh()

    def _ensure_fresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        design, palette, font = self.document.design, self.palette(), self.font()
        old = self._scenes
        self._scenes = [value_scene(design, palette, font), realms_scene(design, palette, font)]
        for picture, scene in zip((self._staircase, self._realms), self._scenes, strict=True):
            scene.setParent(self)
            picture.setScene(scene)
            picture.setBackgroundBrush(palette.base())
        for scene in old:
            scene.deleteLater()
        self._arrange()
        self._update_summary()

    def _update_summary(self) -> None:
        """ "Priced steps: 3 of 4" over the pictures; the premium's sentence too for a
        screen reader (the picture shows it to the eye)."""
        value = self.document.design.value
        if not value:
            text = described = _("No value set")
        else:
            priced, steps = len(value.prices()), len(VALUE_STEPS)
            # TRANSLATORS: the Value view's summary: how many of the four steps have a price
            text = _("Priced steps: {n} of {total}").format(
                n=count_text(priced), total=count_text(steps)
            )
            described = f"{text} · {premium_sentence(value)}"
        self._summary.setText(text)
        mute(self._summary, self.palette())
        self._staircase.setAccessibleDescription(described)


def _staged(design: Design) -> bool:
    """Whether the design says how strongly it stages any of the four realms."""
    return any(design.theme.realms.as_dict().values())
