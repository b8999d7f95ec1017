"""The brief is drawn with reportlab's C accelerator (rl_accel, from reportlab[accel]).

reportlab falls back to pure Python without a word when it is missing: the brief would
still be right, only slower (bench/brief.py), so this says so instead."""

from __future__ import annotations

import _rl_accel  # type: ignore[import-not-found]
from reportlab.lib import rl_accel


def test_reportlab_formats_the_pdf_numbers_with_its_c_accelerator() -> None:
    assert rl_accel.fp_str is _rl_accel.fp_str
    assert rl_accel.instanceStringWidthTTF is _rl_accel.instanceStringWidthTTF
