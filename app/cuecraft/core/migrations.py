"""Format versions: refuse newer ones, bring older ones up to date on load.

Each migration rewrites the located tree from version N to N+1, before the
schema reads it, so problems in an old file still point at its own lines.
Version 0 is the pre-release draft format: `theme` was just the theme's name
and cues said `kind: good | bad` instead of `polarity`.
"""

from __future__ import annotations

from collections.abc import Callable

from cuecraft.core.i18n import _
from cuecraft.core.model import FORMAT_VERSION
from cuecraft.core.yamltree import Node

Report = Callable[[str, int, int, str], None]
Migration = Callable[[Node], None]


def _scalar(value: str, like: Node) -> Node:
    node = Node("scalar", value, like.line, like.column)
    node.plain = True
    return node


def _from_0(root: Node) -> None:
    theme = root.value.get("theme")
    if theme is not None and theme.kind == "scalar":
        mapping = Node("map", {"name": theme}, theme.line, theme.column)
        mapping.key_nodes = {"name": _scalar("name", theme)}
        root.value["theme"] = mapping
    cues = root.value.get("cues")
    if cues is not None and cues.kind == "seq":
        for cue in cues.value:
            if cue.kind != "map" or "kind" not in cue.value:
                continue
            assert cue.key_nodes is not None
            kind = cue.value.pop("kind")
            key = cue.key_nodes.pop("kind")
            polarity = {"good": "positive", "bad": "negative"}.get(kind.value, kind.value)
            cue.value["polarity"] = _scalar(polarity, kind)
            cue.key_nodes["polarity"] = _scalar("polarity", key)


MIGRATIONS: dict[int, Migration] = {0: _from_0}


def bring_up_to_date(root: Node, report: Report) -> Node:
    """Check `cuecraft:` and migrate an older tree in place; report what is wrong."""
    if root.kind != "map" or "cuecraft" not in root.value:
        report(
            _("not a Cuecraft design: the file must start with the line “cuecraft: 1”"),
            root.line,
            root.column,
            "cuecraft",
        )
        return root
    node = root.value["cuecraft"]
    text = node.value if node.kind == "scalar" else ""
    if not (node.kind == "scalar" and text.isdigit()):
        report(
            _("“cuecraft” must be the format version, a whole number such as {version}").format(
                version=FORMAT_VERSION
            ),
            node.line,
            node.column,
            "cuecraft",
        )
        return root
    version = int(text)
    if version > FORMAT_VERSION:
        report(
            _(
                "this design uses format version {version}, made by a newer Cuecraft; this "
                "Cuecraft reads versions up to {supported} — please update Cuecraft"
            ).format(version=version, supported=FORMAT_VERSION),
            node.line,
            node.column,
            "cuecraft",
        )
        return root
    while version < FORMAT_VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            report(
                _("format version {version} is not known and cannot be read").format(
                    version=version
                ),
                node.line,
                node.column,
                "cuecraft",
            )
            return root
        migrate(root)
        version += 1
    root.value["cuecraft"] = _scalar(str(FORMAT_VERSION), node)
    return root
