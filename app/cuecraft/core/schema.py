"""The format `cuecraft: 1`: the located tree turned into the model.

Types come from the format, never from YAML's guessing: a text field takes
the scalar exactly as written (`text: no` is "no"), a number field takes only
digits. Every problem is reported with its location and a path such as
`cues[3].polarity`, and reading goes on so the designer sees all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cuecraft.core.i18n import _, pgettext
from cuecraft.core.model import (
    PHASES,
    POLARITIES,
    REALMS,
    SENSES,
    SEVERITIES,
    STATUSES,
    Cue,
    Design,
    Layer,
    Location,
    Realms,
    Souvenir,
    Theme,
    Touchpoint,
    Where,
    Zone,
)
from cuecraft.core.validate import (
    EMOTION_RANGE,
    INTENSITY_RANGE,
    REALM_RANGE,
    choice_problem,
    id_problem,
    language_problem,
    must_be_flag,
    near_miss,
    number_type_problem,
    range_problem,
    required_problem,
    sense_problem,
)
from cuecraft.core.yamltree import Node, to_python

Report = Callable[[str, int, int, str], None]

INTEGER = re.compile(r"[-+]?[0-9]+\Z")
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
TRUE = frozenset(("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"))
FALSE = frozenset(("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"))

# The keys of each mapping, in the order a save writes them.
TOP_KEYS = (
    "cuecraft",
    "title",
    "client",
    "venue",
    "language",
    "theme",
    "zones",
    "touchpoints",
    "cues",
    "layers",
    "souvenirs",
)
THEME_KEYS = ("name", "tagline", "storyline", "motifs", "avoid", "realms")
ZONE_KEYS = ("id", "name", "sees")
TOUCHPOINT_KEYS = ("id", "name", "phase", "zone", "next", "emotion")
CUE_KEYS = (
    "id",
    "text",
    "polarity",
    "senses",
    "motifs",
    "at",
    "unique",
    "conflicts",
    "severity",
    "status",
    "remedy",
)
LAYER_KEYS = ("id", "sense", "name", "at", "intensity", "motifs")
SOUVENIR_KEYS = ("id", "name", "motifs", "evokes", "at")


def _loc(node: Node) -> Location:
    return Location(node.line, node.column)


def _kind_word(node: Node) -> str:
    """What a node is, as in “… must be text, not a list”."""
    # TRANSLATORS: what a YAML value is, in “X must be text, not {kind}”
    if node.kind == "seq":
        return pgettext("must be …, not", "a list")
    if node.kind == "map":
        return pgettext("must be …, not", "a mapping")
    return pgettext("must be …, not", "a single value")


class Reader:
    """Reads fields of one mapping, reporting problems and remembering locations."""

    def __init__(self, node: Node, path: str, report: Report, keys: tuple[str, ...]) -> None:
        self.node = node
        self.path = path
        self.report = report
        self.where: Where = {"": _loc(node)}
        self.extra: dict[str, Any] = {}
        self.fields: dict[str, Node] = node.value
        assert node.key_nodes is not None
        for key, value in node.value.items():
            if key in keys:
                self.where[key] = _loc(value)
            elif key.startswith("x-"):
                self.extra[key] = to_python(value)
            else:
                key_node = node.key_nodes[key]
                close = near_miss(key, keys)
                if close:
                    message = _(
                        "unknown key “{key}”; did you mean “{close}”? (keys of your own must "
                        "start with “x-”)"
                    ).format(key=key, close=close)
                else:
                    message = _(
                        "unknown key “{key}” (keys of your own must start with “x-”)"
                    ).format(key=key)
                self.problem(key_node, message, key)

    def sub(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def problem(self, node: Node, message: str, key: str = "") -> None:
        self.report(message, node.line, node.column, self.sub(key) if key else self.path)

    def text(self, key: str, required: bool = False) -> str | None:
        node = self.fields.get(key)
        if node is None or _is_null(node):
            if required:
                self.problem(node or self.node, required_problem(key), key)
            return None
        if node.kind != "scalar":
            self.problem(
                node,
                _("“{field}” must be text, not {kind}").format(field=key, kind=_kind_word(node)),
                key,
            )
            return None
        return str(node.value)

    def slug(self, key: str = "id") -> str:
        node = self.fields.get(key)
        value = self.text(key, required=True)
        if value is None or node is None:
            return ""
        problem = id_problem(value)
        if problem:
            self.problem(node, problem, key)
        return value

    def choice(self, key: str, choices: tuple[str, ...], default: str | None) -> str | None:
        node = self.fields.get(key)
        value = self.text(key)
        if value is None or node is None:
            return default
        problem = choice_problem(value, choices)
        if problem:
            self.problem(node, problem, key)
            return default
        return value

    def integer(self, key: str, low: int, high: int) -> int | None:
        node = self.fields.get(key)
        if node is None or _is_null(node):
            return None
        if node.kind != "scalar" or not INTEGER.match(node.value):
            self.problem(node, number_type_problem(key, low, high), key)
            return None
        number = int(node.value)
        problem = range_problem(key, number, low, high)
        if problem:
            self.problem(node, problem, key)
            return None
        return number

    def boolean(self, key: str) -> bool:
        node = self.fields.get(key)
        if node is None or _is_null(node):
            return False
        if node.kind == "scalar" and node.value in TRUE:
            return True
        if node.kind == "scalar" and node.value in FALSE:
            return False
        self.problem(node, must_be_flag(key), key)
        return False

    def words(self, key: str, refs: bool = False) -> list[str]:
        """A list of texts; for references, each item's location is kept."""
        node = self.fields.get(key)
        if node is None or _is_null(node):
            return []
        if node.kind != "seq":
            example = f"[{node.value}]" if node.kind == "scalar" else "[a, b]"
            self.problem(
                node,
                _("“{field}” must be a list, for example {example}").format(
                    field=key, example=f"{key}: {example}"
                ),
                key,
            )
            return []
        out: list[str] = []
        for index, item in enumerate(node.value):
            if item.kind != "scalar" or _is_null(item):
                self.problem(
                    item, _("items of “{field}” must be text").format(field=key), f"{key}[{index}]"
                )
                continue
            out.append(str(item.value))
            if refs:
                self.where[f"{key}[{index}]"] = _loc(item)
        return out

    def senses(self, key: str) -> list[str]:
        node = self.fields.get(key)
        out: list[str] = []
        for index, sense in enumerate(self.words(key)):
            problem = sense_problem(sense)
            if problem:
                assert node is not None
                self.problem(node.value[index], problem, f"{key}[{index}]")
            elif sense not in out:
                out.append(sense)
        return out


def _is_null(node: Node) -> bool:
    return node.kind == "scalar" and node.plain and node.value in NULLS


def _mapping(node: Node | None, path: str, report: Report, what: Callable[[], str]) -> bool:
    """Whether `node` is a mapping; else report it. `what()`: the node as a sentence's
    subject ("a design", "“theme”", "each item of “zones”"), in the current language,
    asked only when there is a problem to report."""
    if node is None:
        return False
    if node.kind != "map":
        report(
            # TRANSLATORS: {what} is “a design”, “each item of “zones”” or a quoted key, as
            # translated here; {kind} is “a list” or “a single value” (context “must be …, not”)
            _("{what} must be a mapping of keys, not {kind}").format(
                what=what(), kind=_kind_word(node)
            ),
            node.line,
            node.column,
            path,
        )
        return False
    return True


def _items(node: Node | None, path: str, report: Report) -> list[tuple[str, Node]]:
    if node is None or _is_null(node):
        return []
    if node.kind != "seq":
        report(
            _("“{field}” must be a list of items (each starting with “- id: ...”)").format(
                field=path
            ),
            node.line,
            node.column,
            path,
        )
        return []
    out = []
    for index, item in enumerate(node.value):
        item_path = f"{path}[{index}]"
        if _mapping(
            item, item_path, report, lambda: _("each item of “{field}”").format(field=path)
        ):
            out.append((item_path, item))
    return out


def read_design(root: Node, report: Report) -> Design | None:
    """The located tree as a Design, or None when the top level is unusable."""
    if not _mapping(root, "", report, lambda: _("a design")):
        return None
    top = Reader(root, "", report, TOP_KEYS)
    title = top.text("title", required=True) or ""
    theme = _read_theme(root.value.get("theme"), root, report)
    language = top.text("language")
    language_wrong = language_problem(language) if language is not None else None
    if language_wrong:
        top.problem(root.value["language"], language_wrong, "language")
    design = Design(
        title=title,
        theme=theme,
        client=top.text("client"),
        venue=top.text("venue"),
        language=language,
        zones=[
            _read_zone(n, p, report) for p, n in _items(root.value.get("zones"), "zones", report)
        ],
        touchpoints=[
            _read_touchpoint(n, p, report)
            for p, n in _items(root.value.get("touchpoints"), "touchpoints", report)
        ],
        cues=[_read_cue(n, p, report) for p, n in _items(root.value.get("cues"), "cues", report)],
        layers=[
            _read_layer(n, p, report) for p, n in _items(root.value.get("layers"), "layers", report)
        ],
        souvenirs=[
            _read_souvenir(n, p, report)
            for p, n in _items(root.value.get("souvenirs"), "souvenirs", report)
        ],
        extra=top.extra,
        where=top.where,
    )
    _check_unique_ids(design, report)
    return design


def _read_theme(node: Node | None, root: Node, report: Report) -> Theme:
    if node is None:
        report(_("“theme” is required, with at least a name"), root.line, root.column, "theme")
        return Theme(name="")
    if not _mapping(node, "theme", report, lambda: _("“theme”")):
        return Theme(name="")
    r = Reader(node, "theme", report, THEME_KEYS)
    realms = Realms()
    realms_node = node.value.get("realms")
    if realms_node is not None and _mapping(
        realms_node, "theme.realms", report, lambda: _("“realms”")
    ):
        rr = Reader(realms_node, "theme.realms", report, REALMS)
        for realm in REALMS:
            value = rr.integer(realm, *REALM_RANGE)
            if value is not None:
                setattr(realms, realm, value)
    return Theme(
        name=r.text("name", required=True) or "",
        tagline=r.text("tagline"),
        storyline=r.text("storyline"),
        motifs=r.words("motifs"),
        avoid=r.words("avoid"),
        realms=realms,
        extra=r.extra,
        where=r.where,
    )


def _read_zone(node: Node, path: str, report: Report) -> Zone:
    r = Reader(node, path, report, ZONE_KEYS)
    return Zone(
        id=r.slug(),
        name=r.text("name") or "",
        sees=r.words("sees", refs=True),
        extra=r.extra,
        where=r.where,
    )


def _read_touchpoint(node: Node, path: str, report: Report) -> Touchpoint:
    r = Reader(node, path, report, TOUCHPOINT_KEYS)
    zone = r.text("zone")
    return Touchpoint(
        id=r.slug(),
        name=r.text("name") or "",
        phase=r.choice("phase", PHASES, "during") or "during",
        zone=zone,
        next=r.words("next", refs=True),
        emotion=r.integer("emotion", *EMOTION_RANGE),
        extra=r.extra,
        where=r.where,
    )


def _read_cue(node: Node, path: str, report: Report) -> Cue:
    r = Reader(node, path, report, CUE_KEYS)
    return Cue(
        id=r.slug(),
        text=r.text("text") or "",
        polarity=r.choice("polarity", POLARITIES, "positive") or "positive",
        senses=r.senses("senses"),
        motifs=r.words("motifs"),
        at=r.words("at", refs=True),
        unique=r.boolean("unique"),
        conflicts=r.words("conflicts", refs=True),
        severity=r.choice("severity", SEVERITIES, None),
        status=r.choice("status", STATUSES, None),
        remedy=r.text("remedy"),
        extra=r.extra,
        where=r.where,
    )


def _read_layer(node: Node, path: str, report: Report) -> Layer:
    r = Reader(node, path, report, LAYER_KEYS)
    sense = r.choice("sense", SENSES, None)
    if sense is None and "sense" not in node.value:
        r.problem(
            node,
            _("a layer needs a “sense” (one of {senses})").format(senses=", ".join(SENSES)),
            "sense",
        )
    intensity = r.integer("intensity", *INTENSITY_RANGE)
    return Layer(
        id=r.slug(),
        sense=sense or "sight",
        name=r.text("name") or "",
        at=r.words("at", refs=True),
        intensity=1 if intensity is None else intensity,
        motifs=r.words("motifs"),
        extra=r.extra,
        where=r.where,
    )


def _read_souvenir(node: Node, path: str, report: Report) -> Souvenir:
    r = Reader(node, path, report, SOUVENIR_KEYS)
    return Souvenir(
        id=r.slug(),
        name=r.text("name") or "",
        motifs=r.words("motifs"),
        evokes=r.words("evokes", refs=True),
        at=r.words("at", refs=True),
        extra=r.extra,
        where=r.where,
    )


def _check_unique_ids(design: Design, report: Report) -> None:
    seen: dict[str, Location] = {}
    for item in design.items():
        if not item.id:
            continue
        loc = item.where.get("id", item.where[""])
        first = seen.get(item.id)
        if first is None:
            seen[item.id] = loc
        else:
            report(
                _(
                    "duplicate id “{id}” (first used at line {line}); ids must be unique across "
                    "zones, touchpoints, cues, layers and souvenirs"
                ).format(id=item.id, line=first.line),
                loc.line,
                loc.column,
                "",
            )
