"""The format `cuecraft: 1`: the located tree turned into the model.

Types come from the format, never from YAML's guessing: a text field takes
the scalar exactly as written (`text: no` is "no"), a number field takes only
digits. Every problem is reported with its location and a path such as
`cues[3].polarity`, and reading goes on so the designer sees all of them.
"""

from __future__ import annotations

from collections.abc import Callable

from cuecraft.core.i18n import _
from cuecraft.core.model import (
    LANES,
    PHASES,
    POLARITIES,
    REALMS,
    SENSES,
    SEVERITIES,
    STATUSES,
    VALUE_STEPS,
    Action,
    Cue,
    Design,
    Layer,
    Location,
    Persona,
    Realms,
    Souvenir,
    Theme,
    Touchpoint,
    Value,
    Zone,
)
from cuecraft.core.schema_reader import Reader, Report, is_null, kind_word
from cuecraft.core.validate import (
    EMOTION_RANGE,
    INTENSITY_RANGE,
    LEVEL_RANGE,
    MINUTES_RANGE,
    REALM_RANGE,
    SHARE_RANGE,
    language_problem,
)
from cuecraft.core.yamltree import Node

# The keys of each mapping, in the order a save writes them.
TOP_KEYS = (
    "cuecraft",
    "title",
    "client",
    "venue",
    "language",
    "theme",
    "value",
    "zones",
    "touchpoints",
    "cues",
    "layers",
    "souvenirs",
    "actions",
    "personas",
)
THEME_KEYS = ("name", "tagline", "storyline", "motifs", "avoid", "realms")
ZONE_KEYS = ("id", "name", "sees")
TOUCHPOINT_KEYS = ("id", "name", "phase", "zone", "next", "emotion", "wait")
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
    "owner",
    "effort",
    "impact",
)
LAYER_KEYS = ("id", "sense", "name", "at", "intensity", "motifs")
SOUVENIR_KEYS = ("id", "name", "motifs", "evokes", "at", "price", "plain_price")
VALUE_KEYS = ("currency", *VALUE_STEPS)
ACTION_KEYS = (
    "id",
    "text",
    "lane",
    "at",
    "zone",
    "owner",
    "minutes",
    "tolerance",
    "fail",
    "recovery",
    "needs",
)

PERSONA_KEYS = ("id", "name", "share", "skips", "emotion")


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
                what=what(), kind=kind_word(node)
            ),
            node.line,
            node.column,
            path,
        )
        return False
    return True


def _items(node: Node | None, path: str, report: Report) -> list[tuple[str, Node]]:
    if node is None or is_null(node):
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
        value=_read_value(root.value.get("value"), report),
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
        actions=[
            _read_action(n, p, report)
            for p, n in _items(root.value.get("actions"), "actions", report)
        ],
        personas=[
            _read_persona(n, p, report)
            for p, n in _items(root.value.get("personas"), "personas", report)
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


def _read_value(node: Node | None, report: Report) -> Value:
    if node is None or is_null(node) or not _mapping(node, "value", report, lambda: _("“value”")):
        return Value()
    r = Reader(node, "value", report, VALUE_KEYS)
    return Value(
        currency=r.text("currency"),
        commodity=r.amount("commodity"),
        goods=r.amount("goods"),
        service=r.amount("service"),
        experience=r.amount("experience"),
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
        wait=r.integer("wait", *MINUTES_RANGE),
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
        owner=r.text("owner"),
        effort=r.integer("effort", *LEVEL_RANGE),
        impact=r.integer("impact", *LEVEL_RANGE),
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
        price=r.amount("price"),
        plain_price=r.amount("plain_price"),
        extra=r.extra,
        where=r.where,
    )


def _read_action(node: Node, path: str, report: Report) -> Action:
    r = Reader(node, path, report, ACTION_KEYS)
    lane = r.choice("lane", LANES, None)
    if lane is None and "lane" not in node.value:
        r.problem(
            node,
            _("an action needs a “lane” (one of {lanes})").format(lanes=", ".join(LANES)),
            "lane",
        )
    return Action(
        id=r.slug(),
        text=r.text("text") or "",
        lane=lane or "frontstage",
        at=r.words("at", refs=True),
        zone=r.text("zone"),
        owner=r.text("owner"),
        minutes=r.integer("minutes", *MINUTES_RANGE),
        tolerance=r.integer("tolerance", *MINUTES_RANGE),
        fail=r.text("fail"),
        recovery=r.text("recovery"),
        needs=r.words("needs", refs=True),
        extra=r.extra,
        where=r.where,
    )


def _read_persona(node: Node, path: str, report: Report) -> Persona:
    r = Reader(node, path, report, PERSONA_KEYS)
    return Persona(
        id=r.slug(),
        name=r.text("name") or "",
        share=r.integer("share", *SHARE_RANGE),
        skips=r.words("skips", refs=True),
        emotion=r.numbers_by_id("emotion", *EMOTION_RANGE),
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
                    "zones, touchpoints, cues, layers, souvenirs, actions and personas"
                ).format(id=item.id, line=first.line),
                loc.line,
                loc.column,
                "",
            )
