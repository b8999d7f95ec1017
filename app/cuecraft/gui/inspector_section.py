"""The inspector's page for a section chosen in the outline: what is in it, how to edit it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cuecraft.core.i18n import _
from cuecraft.core.model import Design
from cuecraft.gui.inspector_fields import more_label
from cuecraft.gui.widgets import wrapping_policy

SUMMARY_ROWS = 30


def heading_label(text: str) -> QLabel:
    """A form's heading: the kind of item and its id, or the section."""
    heading = QLabel(text)
    heading.setStyleSheet("font-size: 15px; font-weight: 600;")
    heading.setWordWrap(True)
    heading.setSizePolicy(wrapping_policy())
    return heading


def subheading() -> QLabel:
    """The heading of a part of a form (the theme's prices under its realms)."""
    label = QLabel()
    label.setStyleSheet("font-weight: 600;")
    label.setContentsMargins(0, 10, 0, 0)  # apart from the fields above it
    label.setWordWrap(True)
    label.setSizePolicy(wrapping_policy())
    return label


def is_section(key: str) -> bool:
    """Whether `key` names a section of the outline ("zones", "actions", …)."""
    from cuecraft.gui.outline import GROUPS

    return key in dict(GROUPS)


def section_page(design: Design, key: str) -> tuple[QWidget, QLabel]:
    """A page summing up one section of the outline, and the label at its foot for
    messages. `key` must be a section (`is_section`)."""
    from cuecraft.gui.outline import (
        EMPTY_HINTS,
        SELECT_HINTS,
        item_label,
        section_heading,
        section_members,
    )

    members = section_members(design, key)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(heading_label(section_heading(key, len(members))))
    hint = _(SELECT_HINTS[key] if members else EMPTY_HINTS[key])
    for text in (hint, "\n".join(item_label(m) for m in members[:SUMMARY_ROWS])):
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(wrapping_policy())
        layout.addWidget(label)
    if len(members) > SUMMARY_ROWS:
        layout.addWidget(QLabel(more_label(len(members) - SUMMARY_ROWS)))
    message = QLabel()
    layout.addWidget(message)
    layout.addStretch(1)
    return page, message
