"""The template catalogue: what a picker shows comes from each template's own file."""

from __future__ import annotations

from cuecraft.core import templates
from cuecraft.resources import resource_dir


def test_every_template_says_what_it_is_from_its_own_file():
    infos = templates.catalogue()
    assert [i.name for i in infos] == [name for name, _ in templates.available()]
    assert infos[0].name == "blank"
    for info in infos:
        text = (resource_dir("templates") / f"{info.name}.yaml").read_text(encoding="utf-8")
        assert info.description and f"# template: {info.description}" in text
        assert info.title and f"title: {info.title}" in text
        assert info.theme and info.theme in text
        assert not info.tagline or info.tagline in text
    cafe = next(i for i in infos if i.name == "cafe")
    assert cafe.tagline == "Your usual, before you ask"
