"""The Qt workbench: a thin layer that shows the core and turns gestures into edits."""
