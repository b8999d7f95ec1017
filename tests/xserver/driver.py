"""The child side of the real-X-server tests: the workbench, started the way `cuecraft FILE`
starts it, on the X display in $DISPLAY, driven by real key events.

    python driver.py SCENARIO REPORT.json DESIGN.yaml

Keys go through xdotool, which types through the XTEST extension: the X server delivers
them to whichever window the window manager gave the focus, exactly as a keyboard would
(never QTest, never a synthetic event sent to a chosen window). The scenario writes what
it saw (geometry, undo stack, dialogs that opened) to REPORT.json; the test in the parent
process judges it. A crash of the workbench is a crash of this process only, which the
parent reports with its stderr.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QPoint, QRect, Qt, QThread, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QWidget,
)
from shiboken6 import Shiboken

from cuecraft.gui.main_window import MainWindow

Report = dict[str, Any]


# -- waiting and typing ------------------------------------------------------------------------


def pump(seconds: float) -> None:
    """Let the workbench run (paint, handle keys, talk to the window manager)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def alive(widget: QObject) -> bool:
    """False once Qt has deleted the widget (a window closed with deleteLater)."""
    return bool(Shiboken.isValid(widget))


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError(f"waited {timeout} s for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)


def settles(condition: Callable[[], object], timeout: float) -> bool:
    try:
        wait_until(condition, timeout, "")
    except TimeoutError:
        return False
    return True


def xdo(*args: str, timeout: float = 10) -> str:
    """Run xdotool while the workbench keeps handling events (it must answer the window
    manager, and a key may open a dialog with its own event loop)."""
    process = subprocess.Popen(
        ["xdotool", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    wait_until(lambda: process.poll() is not None, timeout, f"xdotool {' '.join(args)}")
    out, err = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"xdotool {' '.join(args)} failed: {err.strip()}")
    return out


def press(keys: str) -> None:
    """Real key presses (xdotool key names, e.g. 'ctrl+shift+z'), to the focused window."""
    xdo("key", "--delay", "80", *keys.split())
    pump(0.15)


def activate(widget: QWidget) -> None:
    """Ask the window manager to activate the window, as a click on it would."""
    xdo("windowactivate", "--sync", str(int(widget.winId())))
    wait_until(widget.isActiveWindow, 5, f"{widget.windowTitle()!r} to become active")


def click(widget: QWidget) -> None:
    """A real left click in the middle of a widget."""
    centre = widget.mapToGlobal(widget.rect().center())
    ratio = widget.devicePixelRatioF()
    x, y = round(centre.x() * ratio), round(centre.y() * ratio)
    xdo("mousemove", "--sync", str(x), str(y))
    xdo("click", "1")
    pump(0.1)


def x_frame(widget: QWidget) -> dict[str, Any]:
    """The window's frame as the X server has it (device pixels): client geometry from
    xwininfo, plus the borders openbox announced in _NET_FRAME_EXTENTS."""
    wid = str(int(widget.winId()))
    info = _run("xwininfo", "-id", wid)
    values = {}
    for line in info.splitlines():
        key, _, value = line.strip().partition(":")
        if key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height"):
            values[key] = int(value)
    extents = _run("xprop", "-id", wid, "_NET_FRAME_EXTENTS")
    left = right = top = bottom = 0
    if "=" in extents:
        left, right, top, bottom = (int(v) for v in extents.split("=")[1].split(","))
    return {
        "left": values["Absolute upper-left X"] - left,
        "top": values["Absolute upper-left Y"] - top,
        "width": values["Width"] + left + right,
        "height": values["Height"] + top + bottom,
        "frame_extents": [left, right, top, bottom],
    }


def _run(*args: str) -> str:
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until(lambda: process.poll() is not None, 10, " ".join(args))
    return process.communicate()[0]


# -- what is on screen ------------------------------------------------------------------------


def rect(widget: QWidget) -> dict[str, int]:
    """A widget's rectangle in global (logical) coordinates."""
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return rect_of(QRect(top_left, widget.size()))


def dock(window: MainWindow, name: str) -> QDockWidget:
    found = window.findChild(QDockWidget, name)
    assert isinstance(found, QDockWidget), f"no dock {name!r}"
    return found


def visible_rows(view: QAbstractItemView) -> list[dict[str, Any]]:
    """Rows of a tree view from the top of its viewport down: text, whether it is a
    finding (a child row) or a group heading, whether it is wholly in the viewport and
    wholly on the screen."""
    viewport = view.viewport().rect()
    screen = view.screen().availableGeometry()
    rows = []
    y = 0
    while y < viewport.height():
        index = view.indexAt(QPoint(2, y))
        if not index.isValid():
            break
        shown = view.visualRect(index)
        rows.append(
            {
                "text": str(index.data() or "")[:60],
                "finding": index.parent().isValid(),
                "whole": shown.top() >= 0 and shown.bottom() <= viewport.bottom(),
                "on_screen": screen.contains(
                    QRect(view.viewport().mapToGlobal(shown.topLeft()), shown.size())
                ),
                "height": shown.height(),
            }
        )
        y = max(shown.bottom() + 1, y + 1)
    return rows


def layout_report(window: MainWindow) -> Report:
    screen = window.screen()
    findings = dock(window, "findings-dock")
    views = findings.widget().findChildren(QAbstractItemView)
    tree = views[0]
    rows = visible_rows(tree)
    row_height = max((r["height"] for r in rows), default=tree.fontMetrics().height())
    inspector = dock(window, "inspector-dock")
    central = window.centralWidget()
    return {
        "screen": {
            "logical": rect_of(screen.geometry()),
            "available": rect_of(screen.availableGeometry()),
            "device_pixel_ratio": screen.devicePixelRatio(),
        },
        "window": rect_of(window.geometry()),
        "frame": rect_of(window.frameGeometry()),
        "x_frame": x_frame(window),
        "central_width": central.width() if central is not None else 0,
        "docks": {
            name: {
                "visible": d.isVisible(),
                "floating": d.isFloating(),
                "rect": rect(d),
            }
            for name in ("outline-dock", "inspector-dock", "findings-dock")
            for d in [dock(window, name)]
        },
        "inspector": {
            "width": inspector.widget().width(),
            "minimum_width": inspector.widget().minimumSizeHint().width(),
        },
        "findings": {
            "total": len(window.document.result.findings),
            "viewport_height": tree.viewport().height(),
            "row_height": row_height,
            "rows": rows,
        },
    }


def text_of(widget: object) -> str | None:
    """The text a label (or a message box) shows; None for anything else."""
    text = getattr(widget, "text", None)
    return str(text()) if callable(text) else None


def rect_of(r: Any) -> dict[str, int]:
    return {"left": r.x(), "top": r.y(), "width": r.width(), "height": r.height()}


# -- dialogs ------------------------------------------------------------------------------------


class Watcher(QObject):
    """Notes every window that opens besides the main one (it also runs inside a dialog's
    own event loop, where the code that opened the dialog waits) and hands each to
    `handle`; by default a dialog is closed again (rejected) once noted."""

    def __init__(self, main: QWidget) -> None:
        super().__init__(main)
        self.main = main
        self.seen: list[dict[str, Any]] = []
        self.widgets: list[QWidget] = []
        self.handle: Callable[[QWidget], None] = self.reject_dialogs
        self._known: set[int] = set()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._look)
        self._timer.start(30)

    def _look(self) -> None:
        for widget in QApplication.topLevelWidgets():
            kind = widget.windowType()
            if (
                widget is self.main
                or id(widget) in self._known
                or not widget.isVisible()
                or kind not in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            ):
                continue
            self._known.add(id(widget))
            self.widgets.append(widget)
            self.seen.append(
                {
                    "class": type(widget).__name__,
                    "bases": [c.__name__ for c in type(widget).__mro__[1:4]],
                    "title": widget.windowTitle(),
                    "text": text_of(widget) or "",
                }
            )
            self.handle(widget)

    @staticmethod
    def reject_dialogs(widget: QWidget) -> None:
        if isinstance(widget, QDialog):
            QTimer.singleShot(150, widget.reject)

    def saw(self, test: Callable[[dict[str, Any]], bool]) -> bool:
        return any(test(entry) for entry in self.seen)


# -- scenarios ----------------------------------------------------------------------------------


def start(design: str) -> MainWindow:
    """The workbench as `cuecraft DESIGN` starts it, shown, with the design open and the
    window manager's frame around it."""
    from cuecraft.gui.app import application, start_window

    application()
    window = start_window(design)
    window.show()
    wait_until(
        lambda: getattr(getattr(window, "document", None), "path", None) is not None,
        60,
        "the design to open",
    )
    # Qt learns the frame from the window manager (_NET_FRAME_EXTENTS) after mapping.
    settles(lambda: window.frameGeometry() != window.geometry(), 5)
    pump(0.8)
    return window


def focus_outline(window: MainWindow) -> QWidget:
    """Put the keyboard focus in the outline (no text field), as a click there would."""
    outline = dock(window, "outline-dock").widget()
    views = [outline, *outline.findChildren(QAbstractItemView)]
    target = next(v for v in views if isinstance(v, QAbstractItemView) and v.isVisible())
    target.setFocus(Qt.FocusReason.MouseFocusReason)
    wait_until(lambda: QApplication.focusWidget() is target, 5, "the outline to take the focus")
    return target


def first_start(design: str) -> Report:
    window = start(design)
    return {"layout": layout_report(window)}


def redo_key(design: str) -> Report:
    from cuecraft.core.edits import SetField

    window = start(design)
    activate(window)
    focus_outline(window)
    document = window.document
    stack = document.undo_stack
    zones = len(document.design.zones)
    error = document.push(SetField("design", "title", "Edited under a real X server"))
    assert error is None, error
    report: Report = {"after_edit": stack.index(), "zones_before": zones}
    press("ctrl+z")
    settles(lambda: stack.index() == 0, 5)
    report["after_ctrl_z"] = stack.index()
    report["title_after_ctrl_z"] = document.design.title
    press("ctrl+shift+z")
    settles(lambda: stack.index() == 1, 5)
    pump(0.3)
    report["after_ctrl_shift_z"] = stack.index()
    report["title_after_ctrl_shift_z"] = document.design.title
    report["zones_after"] = len(document.design.zones)
    report["focus"] = type(QApplication.focusWidget()).__name__
    stack.setClean()
    return report


def save_as_key(design: str) -> Report:
    window = start(design)
    watcher = Watcher(window)
    activate(window)
    focus_outline(window)
    souvenirs = len(window.document.design.souvenirs)
    press("ctrl+shift+s")
    settles(lambda: watcher.seen, 5)
    pump(0.3)
    return {
        "dialogs": watcher.seen,
        "souvenirs_before": souvenirs,
        "souvenirs_after": len(window.document.design.souvenirs),
        "undo_steps": window.document.undo_stack.count(),
    }


def export_key_in_field(design: str) -> Report:
    window = start(design)
    watcher = Watcher(window)
    activate(window)
    document = window.document
    document.select(document.design.touchpoints[0].id)
    pump(0.3)
    fields = [
        f
        for f in dock(window, "inspector-dock").widget().findChildren(QLineEdit)
        if f.isVisible() and f.isEnabled() and not f.isReadOnly()
    ]
    assert fields, "the inspector shows no text field for a touchpoint"
    field = fields[0]
    click(field)
    settles(lambda: QApplication.focusWidget() is field, 5)
    report: Report = {
        "focus_before": type(QApplication.focusWidget()).__name__,
        "field_has_focus": QApplication.focusWidget() is field,
        "field": field.accessibleName() or field.objectName(),
    }
    press("ctrl+e")
    settles(lambda: watcher.seen, 5)
    pump(0.3)
    report["dialogs"] = watcher.seen
    document.undo_stack.setClean()
    return report


def workshop_keys(design: str) -> Report:
    window = start(design)
    watcher = Watcher(window)
    activate(window)
    focus_outline(window)
    report: Report = {}
    press("F5")
    entered = settles(lambda: watcher.widgets, 5)
    report["windows"] = watcher.seen
    if not entered:
        return report
    workshop = watcher.widgets[0]
    report["full_screen"] = settles(workshop.isFullScreen, 5)
    report["workshop_rect"] = rect(workshop)
    report["active"] = settles(workshop.isActiveWindow, 5)
    press("Escape")
    report["left"] = settles(lambda: not alive(workshop) or not workshop.isVisible(), 5)
    report["main_active_again"] = settles(window.isActiveWindow, 5)
    return report


def export_escape(design: str) -> Report:
    """Ctrl+E, a real click on Export, then Escape while the brief is being written."""
    window = start(design)
    watcher = Watcher(window)
    report: Report = {"cues": len(window.document.design.cues)}

    def run_and_escape(widget: QWidget) -> None:
        # Runs inside the dialog's own event loop (exec), as a person's clicks would.
        if "dialog" in report or not isinstance(widget, QDialog):
            Watcher.reject_dialogs(widget)  # anything else that opens: noted, then closed
            return
        report["dialog"] = type(widget).__name__
        buttons = [
            b
            for b in widget.findChildren(QAbstractButton)
            if b.text().replace("&", "").strip() == "Export" and b.isVisible()
        ]
        if not buttons:
            report["problem"] = "no Export button in the dialog"
            QTimer.singleShot(0, widget.reject)
            return
        settles(widget.isActiveWindow, 5)
        click(buttons[0])

        def running() -> bool:
            threads = [t for t in widget.findChildren(QThread) if t.isRunning()]
            return bool(threads) or not buttons[0].isEnabled()

        report["export_running"] = settles(running, 5)
        status = getattr(widget, "status", None)
        report["status_when_escaped"] = text_of(status)
        pressed = time.monotonic()
        press("Escape")
        report["status_after_escape"] = text_of(status)
        report["dialog_closed"] = settles(lambda: not widget.isVisible(), 10)
        report["seconds_to_close"] = round(time.monotonic() - pressed, 2)

    watcher.handle = run_and_escape
    activate(window)
    focus_outline(window)
    press("ctrl+e")
    settles(lambda: "dialog_closed" in report or "problem" in report, 20)
    pump(1.0)
    report["window_visible"] = window.isVisible()
    report["other_windows"] = watcher.seen[1:]
    # Still working: an edit and its findings go through.
    from cuecraft.core.edits import SetField

    report["edit_after"] = window.document.push(SetField("design", "title", "Still here"))
    window.document.flush()
    pump(0.5)
    report["title_after"] = window.document.design.title
    target = Path(design).with_name(Path(design).stem + "-brief.pdf")
    pump(2.0)
    report["pdf_written"] = target.exists()
    window.document.undo_stack.setClean()
    return report


def first_frame(design: str) -> Report:
    from frame_scenarios import first_frame as scenario  # beside this script

    return scenario(design, wait_until, _run)


SCENARIOS: dict[str, Callable[[str], Report]] = {
    "first_start": first_start,
    "first_frame": first_frame,
    "redo_key": redo_key,
    "save_as_key": save_as_key,
    "export_key_in_field": export_key_in_field,
    "workshop_keys": workshop_keys,
    "export_escape": export_escape,
}


def main() -> int:
    scenario, out, design = sys.argv[1:4]
    report: Report
    try:
        report = SCENARIOS[scenario](design)
    except Exception:
        report = {"error": traceback.format_exc()}
    report["platform"] = QGuiApplication.platformName()
    Path(out).write_text(json.dumps(report, indent=1), encoding="utf-8")
    # Close the way a person does (unsaved changes were marked clean above): the
    # workbench releases its lock and recovery files; a thread still running now would
    # abort the process here, and the parent sees it.
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow):
            document = getattr(widget, "document", None)
            if document is not None:
                document.undo_stack.setClean()
            widget.close()
    pump(0.3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
