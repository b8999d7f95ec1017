"""The Qt workbench: a thin layer that shows the core and turns gestures into edits."""

import PySide6.QtCore  # noqa: F401  (PySide6's import hook is in place from here on)

from cuecraft.gui.source_scan import scan_sources_quickly

scan_sources_quickly()
