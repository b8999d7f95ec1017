"""Guards against Qt binding bugs that only bite on large designs."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath


def test_painter_path_calls_do_not_drop_references_to_none(qapp):
    # PySide6 6.12.0 decrements None's refcount on every void QPainterPath call; on
    # Python 3.11 (None is not immortal) drawing a 10,000-cue design then aborts with
    # "deallocating None". pyproject.toml excludes that release; this keeps it out.
    path = QPainterPath()
    before = sys.getrefcount(None)
    for _ in range(2000):
        path.moveTo(1.0, 2.0)
        path.lineTo(QPointF(3.0, 4.0))
        path.quadTo(QPointF(1.0, 2.0), QPointF(3.0, 4.0))
        path.cubicTo(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
    assert abs(sys.getrefcount(None) - before) < 100
