"""Mutated and generated designs through the brief: a PDF or a clear error, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader
from tests.core.strategies import designs

from cuecraft.brief import export_brief


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(designs())
def test_any_loadable_design_exports_a_readable_pdf(tmp_path, design):
    target = tmp_path / "brief.pdf"
    pages = export_brief(design, target)
    reader = PdfReader(target)
    assert len(reader.pages) == pages >= 1
    text = "".join(page.extract_text() or "" for page in reader.pages[:1])
    assert text.strip()
