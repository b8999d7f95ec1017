"""The first frame of a start, as the X server got it (driver.py runs this scenario).

`cuecraft DESIGN` must put the design — its title, the outline, the journey — into the
very first frame the window paints (issue 19): no empty shell first. The scenario notes
what the window held when it first painted (its title also as the window manager has
it) and, before anything else runs, grabs the outline and the journey as painted.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTreeWidget, QWidget

from cuecraft.gui import check_worker
from cuecraft.gui.main_window import MainWindow

Report = dict[str, Any]


def first_frame(design: str, wait_until: Any, run: Any) -> Report:
    from cuecraft.gui.app import application, start_window

    app = application()
    seen: Report = {}
    # The first check runs off the window's thread from before the first paint; held
    # until the grab, its findings cannot reach the widgets between the frame and the grab
    # (the frame itself never waits for it).
    grabbed = threading.Event()
    real = check_worker.full_check

    def held(design: Any, feedback: Any) -> Any:
        result = real(design, feedback)
        if threading.current_thread() is not threading.main_thread():
            grabbed.wait(30)
        return result

    check_worker.full_check = held

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow) and not seen:
                seen["painted"] = _state(watched, run)
                # After this paint's frame is flushed, before the timers of the start (the
                # checks) run: they were set after this one.
                QTimer.singleShot(0, lambda: (seen.update(frame=_frame(watched)), grabbed.set()))
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    window = start_window(design)
    window.show()
    wait_until(lambda: "frame" in seen, 60, "the first frame")
    app.removeEventFilter(spy)
    return seen


def _state(window: MainWindow, run: Any) -> Report:
    """What the window held as it painted its first frame."""
    outline = getattr(window, "outline", None)
    rows = []
    if isinstance(outline, QTreeWidget):
        for i in range(outline.topLevelItemCount()):
            item = outline.topLevelItem(i)
            if item is not None:
                rows.append(item.text(0))
    view = window.tabs.currentWidget()
    title = run("xprop", "-id", str(int(window.winId())), "_NET_WM_NAME", "WM_NAME")
    return {
        "title": window.windowTitle(),
        "x_title": title,
        "outline_rows": rows,
        "tab": type(view).__name__ if view is not None else None,
        "journey_order": list(getattr(getattr(view, "_drawing", None), "order", []) or []),
    }


def _frame(window: MainWindow) -> Report:
    """The outline and the journey of the first frame: rendered from the widgets right
    after that frame was painted (`findings_ready` says whether the first check's result
    had come in by then: the grab would then show more than the first frame). A window's
    first frame can reach the backing store before the window manager has made the window
    viewable, so the X server may not hold its pixels yet: what Qt painted is grabbed."""
    out: Report = {}
    outline = getattr(window, "outline", None)
    view = window.tabs.currentWidget()
    canvas = getattr(view, "_canvas", None)
    for name, widget in (("outline", outline), ("journey", canvas)):
        if not isinstance(widget, QWidget) or not widget.isVisible():
            out[name] = None
            continue
        target = widget.viewport() if hasattr(widget, "viewport") else widget
        image = target.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        out[name] = {"size": [image.width(), image.height()], "inked": _share_inked(image)}
    # Nothing the first check brings had reached the widgets yet: what was grabbed is what
    # the first frame held.
    out["findings_ready"] = bool(getattr(window.document, "findings_ready", True))
    return out


def _share_inked(image: QImage) -> float:
    """The share of pixels not of the image's most common colour (its background)."""
    counts: dict[int, int] = {}
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixel(x, y)
            counts[pixel] = counts.get(pixel, 0) + 1
    total = sum(counts.values())
    return 1 - max(counts.values()) / total if total else 0.0
