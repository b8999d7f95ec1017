"""The child side of tests/xserver/test_languages.py: `cuecraft DESIGN` under a system
locale (LANG), on a real X display; reports the language it chose and whether the
window's words fit.

    python language_driver.py REPORT.json DESIGN.yaml
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.xserver.driver import pump, settles, start

Report = dict[str, Any]


def menu_report(menu: QMenu) -> Report:
    """A menu's title and its actions' texts."""
    return {"title": menu.title(), "actions": [a.text() for a in menu.actions() if a.text()]}


def language_start(design: str) -> Report:
    from cuecraft.core.i18n import current_language

    window = start(design)
    toolbar = window._toolbar
    buttons = []
    for action in toolbar.actions():
        if action.isSeparator():
            continue
        widget = toolbar.widgetForAction(action)
        buttons.append(
            {
                "text": action.iconText(),
                "shown": widget is not None
                and widget.isVisible()
                and toolbar.rect().contains(widget.geometry()),
            }
        )
    menus = [menu_report(a.menu()) for a in window.menuBar().actions() if a.menu()]
    bar = window.menuBar()
    titles_fit = all(
        bar.actionGeometry(a).right() <= bar.width() for a in bar.actions() if a.menu()
    )
    box = QMessageBox()
    cancel = box.addButton(QMessageBox.StandardButton.Cancel).text()
    box.deleteLater()
    settles(lambda: window.isVisible(), 1)
    pump(0.2)
    return {
        "language": current_language(),
        "menus": menus,
        "menu_titles_fit": titles_fit,
        "toolbar": buttons,
        "docks": [
            d.windowTitle()
            for d in (window.outline_dock, window.inspector_dock, window.findings_dock)
        ],
        "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
        "cancel_button": cancel,
    }


def main() -> int:
    out, design = sys.argv[1:3]
    warnings: list[str] = []

    def note(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            warnings.append(message)

    qInstallMessageHandler(note)
    report: Report
    try:
        report = language_start(design)
    except Exception:
        report = {"error": traceback.format_exc()}
    report["platform"] = QGuiApplication.platformName()
    report["qt_warnings"] = warnings
    Path(out).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    for widget in QApplication.topLevelWidgets():
        document = getattr(widget, "document", None)
        if document is not None:
            document.undo_stack.setClean()
            widget.close()
    pump(0.3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
