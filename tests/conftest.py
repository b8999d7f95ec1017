"""Test set-up shared by every folder: Qt offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import settings

# In CI the same examples every run (a red CI must be reproducible); on a developer's
# machine Hypothesis keeps exploring new ones.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Tests read English unless they choose a language: the machine's locale must not leak in
# (the CLI and the workbench default to the system language).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A test that switches the process language (the CLI, Preferences) leaves English."""
    yield
    from cuecraft.core.i18n import current_language, set_language

    if current_language() != "en":
        set_language("en")
