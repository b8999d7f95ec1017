"""The Value tab: the staircase of economic value beside the four realms (SPEC §2.3, §5).

Both pictures are the scenes `cuecraft render --view value|realms` paints
(`value_scene`, `realms_scene`), drawn here in the window's palette and fitted to
the room they have: side by side on a wide window, one over the other on a narrow
one. They are drawn again after each edit, only while the tab is shown. The prices
and the realms are edited in the theme's inspector: the button above the pictures,
or a click on either, selects the theme. `retranslate()` redraws every word; it runs
by itself on LanguageChange.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cuecraft.core.edits import Change
from cuecraft.core.i18n import _
from cuecraft.core.model import VALUE_STEPS
from cuecraft.gui.document import Document

from ._style import count_text, muted_text
from .realms_scene import realms_scene
from .value_scene import premium_sentence, value_scene

WIDE = 1.3  # wider than this many times its height, the pictures stand side by side


class _Picture(QGraphicsView):
    """One picture, always whole: scaled to the room it has, never scrolled."""

    def __init__(self, view: ValueView) -> None:
        super().__init__(view)
        self.view = view
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(160, 120)

    def fit(self) -> None:
        scene = self.scene()
        if scene is not None and not scene.sceneRect().isEmpty():
            self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.view.edit_prices()
            event.accept()
            return
        super().mousePressEvent(event)


class ValueView(QWidget):
    """The progression of economic value and the four realms of the document's design."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._staircase = _Picture(self)
        self._realms = _Picture(self)
        self._scenes: list[QGraphicsScene] = []
        self._dirty = True

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 8, 6)
        self._summary = QLabel(self)
        self._summary.setWordWrap(True)
        bar.addWidget(self._summary, 1)
        self._edit = QPushButton(self)
        self._edit.clicked.connect(self.edit_prices)
        bar.addWidget(self._edit)
        self._pictures = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._pictures.setContentsMargins(0, 0, 0, 0)
        self._pictures.setSpacing(0)
        self._pictures.addWidget(self._staircase, 3)
        self._pictures.addWidget(self._realms, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
        column.addLayout(self._pictures, 1)
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
        return self._pictures.direction() == QBoxLayout.Direction.LeftToRight

    def picture_scene(self) -> QGraphicsScene:
        """The staircase as View ▸ Save view as image… writes it: the very picture
        `cuecraft render --view value` draws (dark ink on white), of the design now."""
        return value_scene(self.document.design)

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        wide = size.width() >= WIDE * size.height()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._pictures.direction() != direction:
            self._pictures.setDirection(direction)

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
            picture.fit()
        for scene in old:
            scene.deleteLater()
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
        self._summary.setStyleSheet(f"color: {muted_text(self.palette()).name()}")
        self._staircase.setAccessibleDescription(described)
