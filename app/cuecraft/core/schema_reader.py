"""Reading the fields of one mapping of a design file, with types from the format.

`Reader` takes a located YAML mapping and hands out its fields as the format
types them (text exactly as written, whole numbers only from digits, flags
from YAML's true/false words), reporting every problem with its location and
path and remembering where each key was, for findings to point at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from cuecraft.core.i18n import _, pgettext
from cuecraft.core.model import Location, Where
from cuecraft.core.validate import (
    amount_problem,
    choice_problem,
    id_problem,
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
AMOUNT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\Z")  # 24, 9.5, .5 — never 1e3
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
TRUE = frozenset(("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"))
FALSE = frozenset(("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"))


def _loc(node: Node) -> Location:
    return Location(node.line, node.column)


def kind_word(node: Node) -> str:
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
                # Located too, item by item for a list: MRG001 points at its own entry.
                self.where[key] = _loc(value)
                if value.kind == "seq":
                    for i, entry in enumerate(value.value):
                        self.where[f"{key}[{i}]"] = _loc(entry)
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
        if node is None or is_null(node):
            if required:
                self.problem(node or self.node, required_problem(key), key)
            return None
        if node.kind != "scalar":
            self.problem(
                node,
                _("“{field}” must be text, not {kind}").format(field=key, kind=kind_word(node)),
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
        if node is None or is_null(node):
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

    def amount(self, key: str) -> int | float | None:
        """A price: a number from 0 up as written (`24` an int, `9.5` a float)."""
        node = self.fields.get(key)
        if node is None or is_null(node):
            return None
        number: int | float | None = None
        if node.kind == "scalar" and AMOUNT.match(node.value):
            text = node.value.lstrip("+")
            number = float(text) if "." in text else int(text)
            number = number if number else 0  # -0.0 and -0 are a price of 0
        problem = amount_problem(key, number)
        if problem:
            self.problem(node, problem, key)
            return None
        return number

    def boolean(self, key: str) -> bool:
        node = self.fields.get(key)
        if node is None or is_null(node):
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
        if node is None or is_null(node):
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
            if item.kind != "scalar" or is_null(item):
                self.problem(
                    item, _("items of “{field}” must be text").format(field=key), f"{key}[{index}]"
                )
                continue
            out.append(str(item.value))
            if refs:
                self.where[f"{key}[{index}]"] = _loc(item)
        return out

    def numbers_by_id(self, key: str, low: int, high: int) -> dict[str, int]:
        """A mapping of ids to whole numbers (`emotion: {storm: -1}`); the location of each
        id is kept as `key[i]`, in the mapping's order, for REF001 to point at."""
        node = self.fields.get(key)
        if node is None or is_null(node):
            return {}
        if node.kind != "map" or node.key_nodes is None:
            self.problem(
                node,
                _("“{field}” must be a mapping of ids to numbers, for example {example}").format(
                    field=key, example=f"{key}: {{arrive: 2}}"
                ),
                key,
            )
            return {}
        out: dict[str, int] = {}
        for target, value in node.value.items():
            target_node = node.key_nodes[target]
            path = f"{key}.{target}"
            if value.kind != "scalar" or not INTEGER.match(value.value):
                self.problem(value, number_type_problem(path, low, high), path)
                continue
            number = int(value.value)
            problem = range_problem(path, number, low, high)
            if problem:
                self.problem(value, problem, path)
                continue
            self.where[f"{key}[{len(out)}]"] = _loc(target_node)
            out[str(target)] = number
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


def is_null(node: Node) -> bool:
    return node.kind == "scalar" and node.plain and node.value in NULLS
