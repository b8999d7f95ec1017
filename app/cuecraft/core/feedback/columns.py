"""Which CSV column is which: guessed from the header (English, Polish, Chinese) or set.

Survey tools name their columns freely ("How likely are you to recommend us to
a friend?", "Prawdopodobieństwo polecenia", "推荐意愿"), so each role has
exact names (the whole header, punctuation and case aside) and keywords (a
word or phrase in the header; `*` ends a word prefix, so `polec*` matches
"polecenia" and "poleciłbyś"). Chinese keywords match anywhere in the header.
An exact name beats a keyword; among equals the column that does not also look
like a comment wins, then the leftmost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cuecraft.core.feedback.model import ROLES, Columns
from cuecraft.core.findings import quote_list
from cuecraft.core.i18n import _

# Names separated by "|"; the whole header must be one of them (punctuation and case aside).
EXACT: dict[str, tuple[str, ...]] = {
    role: tuple(names.split("|"))
    for role, names in {
        "score": "score|nps|nps score|rating|ltr|likelihood to recommend|recommend"
        "|ocena|wynik|ocena nps|prawdopodobieństwo polecenia"
        "|评分|分数|得分|打分|推荐|推荐意愿|推荐度|推荐分|推荐可能性",
        "touchpoint": "touchpoint|touch point|touchpoint id|stage|step|journey stage|moment"
        "|etap|punkt styku|punkt kontaktu|moment kontaktu"
        "|触点|接触点|环节|阶段|服务环节",
        "persona": "persona|segment|customer segment|guest segment|guest type|customer type"
        "|visitor type|type of guest|type of customer|party type|guest profile"
        "|typ gościa|rodzaj gościa|typ klienta|rodzaj klienta|segment klienta|grupa klientów"
        "|客群|顾客类型|客户类型|宾客类型|人群|细分|客户细分|客群类型|用户画像|人物角色",
        "date": "date|day|timestamp|submitted|submitted at|submission date|created|created at"
        "|response date|time|datum"
        "|data|dzień|czas|sygnatura czasowa|znacznik czasu|data odpowiedzi"
        "|日期|时间|时间戳|时间戳记|提交时间|提交日期|填写时间",
        "comment": "comment|comments|feedback|remark|remarks|notes|verbatim|why|reason"
        "|open answer|komentarz|komentarze|uwagi|opinia|opinie|uzasadnienie|dlaczego"
        "|评论|意见|建议|留言|原因|备注|评价",
    }.items()
}

# Keywords separated by "|": a word or phrase anywhere in the header.
KEYWORDS: dict[str, tuple[str, ...]] = {
    role: tuple(words.split("|"))
    for role, words in {
        "score": "recommend*|likel*|nps|score|rating|polec*|ocen*|prawdopodob*|推荐|评分|打分|分数",
        "touchpoint": "touchpoint*|touch point*|stage|journey step|etap*|punkt styku"
        "|punkt kontaktu|触点|接触点|环节|阶段",
        "persona": "persona*|segment*|guest type|customer type|visitor type|type of guest"
        "|type of customer|party type|typ gości*|rodzaj gości*|typ klient*|rodzaj klient*"
        "|客群|顾客类型|客户类型|宾客类型|人群|细分|画像|人物角色",
        "date": "date|timestamp|datum|data|sygnatura czasowa|znacznik czasu|日期|时间",
        "comment": "comment*|why|reason*|feedback|remark*|tell us|komentarz*|uwag*|dlaczego"
        "|uzasadn*|opini*|评论|意见|建议|留言|原因|为什么|备注",
    }.items()
}

_PUNCTUATION = re.compile(r"[\s\"'’‘“”?!.,:;()\[\]{}/\\|*_\-–—？！。，：；（）【】「」]+")


def normalize(header: str) -> str:
    """A header as matched: lower case, punctuation and runs of spaces as one space."""
    return _PUNCTUATION.sub(" ", header.replace("\ufeff", "").casefold()).strip()


def _is_cjk(text: str) -> bool:
    return any(ord(ch) >= 0x2E80 for ch in text)


def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    if _is_cjk(keyword):
        return re.compile(re.escape(keyword))
    prefix = keyword.endswith("*")
    body = re.escape(keyword.rstrip("*"))
    return re.compile(r"(?<!\w)" + body + ("" if prefix else r"(?!\w)"))


_EXACT = {role: frozenset(normalize(name) for name in names) for role, names in EXACT.items()}
_KEYWORDS = {
    role: tuple(_keyword_pattern(normalize(k) + ("*" if k.endswith("*") else "")) for k in kws)
    for role, kws in KEYWORDS.items()
}


def match_level(role: str, header: str) -> int:
    """2 when the header is an exact name for the role, 1 when it holds a keyword, else 0."""
    name = normalize(header)
    if not name:
        return 0
    if name in _EXACT[role]:
        return 2
    return 1 if any(p.search(name) for p in _KEYWORDS[role]) else 0


class MappingError(ValueError):
    """An explicit mapping that names no column, or no score column at all."""


@dataclass(frozen=True)
class ColumnPlan:
    """The column index of each role (None when the CSV has no such column)."""

    headers: tuple[str, ...]
    score: int
    touchpoint: int | None
    date: int | None
    comment: int | None
    persona: int | None = None

    def columns(self) -> Columns:
        """The mapping as kept in the side file: header texts, not positions."""

        def name(index: int | None) -> str | None:
            return None if index is None else self.headers[index].replace("\ufeff", "").strip()

        score = name(self.score)
        assert score is not None
        return Columns(
            score, name(self.touchpoint), name(self.date), name(self.comment), name(self.persona)
        )


def parse_map(texts: list[str]) -> dict[str, str]:
    """`--map score=Q1,touchpoint=Stage` (repeatable) as {role: column}.

    A comma splits only before another `role=`, so a column named "Likely, 0-10"
    can be given as `score=Likely, 0-10`. An empty column (`touchpoint=`) means
    the CSV has no such column: do not guess one.
    """
    roles = "|".join(ROLES)
    out: dict[str, str] = {}
    for text in texts:
        for part in re.split(rf",(?=\s*(?:{roles})\s*=)", text):
            if not part.strip():
                continue
            role, sep, column = part.partition("=")
            role = role.strip().lower()
            if not sep or role not in ROLES:
                raise MappingError(
                    _(
                        "cannot read the mapping “{mapping}”: write ROLE=COLUMN, with ROLE one "
                        "of {roles}"
                    ).format(mapping=part.strip(), roles=", ".join(ROLES))
                )
            if role in out:
                raise MappingError(_("the mapping sets “{role}” twice").format(role=role))
            out[role] = column.strip()
    return out


def plan_columns(headers: list[str], explicit: dict[str, str] | None = None) -> ColumnPlan:
    """Decide which column plays each role: the explicit ones first, then guessed.

    Raise MappingError when an explicit column does not exist or no score column
    can be found.
    """
    explicit = explicit or {}
    chosen: dict[str, int | None] = {}
    for role, column in explicit.items():
        if column == "":
            if role == "score":
                raise MappingError(_("the score column cannot be empty"))
            chosen[role] = None
        else:
            index = _find_column(headers, column)
            twice = [r for r, i in chosen.items() if i == index]
            if twice:
                raise MappingError(
                    _("the column “{column}” is mapped to both “{first}” and “{second}”").format(
                        column=column, first=twice[0], second=role
                    )
                )
            chosen[role] = index
    taken = {index for index in chosen.values() if index is not None}
    levels = {role: [match_level(role, h) for h in headers] for role in ROLES}
    candidates = []
    for order, role in enumerate(ROLES):
        if role in chosen:
            continue
        for index, level in enumerate(levels[role]):
            if level:
                # A column that fits another role as well is a weaker candidate.
                clash = any(levels[r][index] >= level for r in ROLES if r != role)
                candidates.append((-level, clash, order, index, role))
    for *_rest, index, role in sorted(candidates):
        if role not in chosen and index not in taken:
            chosen[role] = index
            taken.add(index)
    score = chosen.get("score")
    if score is None:
        raise MappingError(
            _("no score column found among {columns}; name it with --map score=COLUMN").format(
                columns=_shown(headers)
            )
        )
    return ColumnPlan(
        tuple(headers),
        score,
        chosen.get("touchpoint"),
        chosen.get("date"),
        chosen.get("comment"),
        chosen.get("persona"),
    )


def _find_column(headers: list[str], column: str) -> int:
    wanted = column.strip()
    for index, header in enumerate(headers):
        if header.replace("\ufeff", "").strip() == wanted:
            return index
    key = normalize(wanted)
    for index, header in enumerate(headers):
        if key and normalize(header) == key:
            return index
    if wanted.isdigit() and 1 <= int(wanted) <= len(headers):
        return int(wanted) - 1
    raise MappingError(
        _("the CSV has no column “{column}”; its columns are {columns}").format(
            column=wanted, columns=_shown(headers)
        )
    )


def _shown(headers: list[str]) -> str:
    """The first twelve headers, quoted, as a message lists them."""
    return quote_list([h.strip() for h in headers[:12]], limit=12)
