"""Findings and scores in the client's words: one source for the brief and the workbench.

A finding as a rule writes it speaks to the design team: ids, and the file keys its
hint is about. The client reads names instead of ids, no rule codes, no file lines
or keys; each score below 100 is explained by what lowers it, and the open negative
cues are always among the things to fix first (they lower "eliminate" without being
findings of their own). The brief's summary and report, and the workbench's findings
tooltips, read them from here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from cuecraft.core.check import CheckResult
from cuecraft.core.findings import (
    GROUPS,
    SEVERITY_RANK,
    Finding,
    quote,
    quote_list,
)
from cuecraft.core.i18n import _, format_number, ngettext
from cuecraft.core.model import Cue, Design
from cuecraft.core.names import Names, short, short_name

# A quoted name or id in any of the three languages' quotes: “x” (en, zh), „x” (pl).
_QUOTED = re.compile(r"([“„「‘])([^“”„」’\n]{1,300}?)([”」’])")
# A path of ids in a sentence: (a → b → … → c).
_PATH = re.compile(r"(?<=[(（])([^()（）]*? → [^()（）]*)(?=[)）])")
_ARROW = " → "
_PATH_AROUND = re.compile(r" ?[(（][^()（）]*? → [^()（）]*[)）]")
PATH_NAME_LIMIT = 28  # characters of a name inside a path of steps
SENTENCE_NAME_LIMIT = 60  # characters of a name inside a sentence

# Rank of what to fix first: errors, then high-severity negative cues, then warnings …
_RANK = {"error": 0, "high": 1, "warning": 2, "medium": 3, "low": 4, "info": 5}
# Findings about a negative cue that its own row in “what to fix” already says.
_SAID_BY_THE_CUE = frozenset(("ELI001",))


def with_names(words: str, named: Mapping[str, str]) -> str:
    """`words` with every quoted id (“t4”, „t4”) and every id in a path of steps
    (a → b → c) replaced by the item's name."""

    def quoted(match: re.Match[str]) -> str:
        inner = match.group(2)
        if inner not in named:
            return match.group(0)
        return match.group(1) + named[inner] + match.group(3)

    def path(match: re.Match[str]) -> str:
        steps = [step.strip() for step in match.group(1).split(_ARROW)]
        return _ARROW.join(short(named[s], PATH_NAME_LIMIT) if s in named else s for s in steps)

    out = _QUOTED.sub(quoted, words)
    return _PATH.sub(path, out) if _ARROW in out else out


def without_path(words: str) -> str:
    """`words` without a path of steps in brackets (“… on the journey (a → b → c)”): where
    a sentence must be short (the summary's reasons, the workshop's verdict)."""
    return _PATH_AROUND.sub("", words)


@dataclass(frozen=True)
class ClientFinding:
    """A finding in the client's words: what is wrong and how to fix it, by name."""

    finding: Finding
    message: str
    hint: str

    @property
    def severity(self) -> str:
        return self.finding.severity


def for_client(finding: Finding, named: Mapping[str, str]) -> ClientFinding:
    """The finding with names for ids and without file keys (its `hint`, not its
    `designer_hint`); `named` is `names(design)`."""
    message = with_names(finding.message, named)
    return ClientFinding(finding, message, with_names(finding.hint, named))


@dataclass(frozen=True)
class ToFix:
    """One thing to fix: a finding, or an open negative cue that no finding names.

    `rank` is the finding's severity (error, warning, info) or the negative cue's
    (high, medium, low); `what` and `how` are sentences in the client's words."""

    rank: str
    what: str
    how: str
    ids: tuple[str, ...]
    code: str | None  # the finding's rule code, for the design team; None for a cue


def negative_cue_words(cue: Cue, named: Mapping[str, str]) -> tuple[str, str]:
    """An active negative cue as a thing to fix: where guests meet it, and its remedy."""
    where = [named[p] for p in cue.at if p in named]
    name = quote(short_name(cue, SENTENCE_NAME_LIMIT))
    if cue.effective_status == "mitigating":
        what = (
            _("the negative cue {cue} is being mitigated at {places}")
            if where
            else _("the negative cue {cue} is being mitigated")
        )
    else:
        what = (
            _("the negative cue {cue} is still open at {places}")
            if where
            else _("the negative cue {cue} is still open")
        )
    what = what.format(cue=name, places=quote_list(where, limit=3))
    remedy = " ".join((cue.remedy or "").split())
    how = (
        _("remedy: {remedy}").format(remedy=remedy)
        if remedy
        else _("no remedy is written down yet: decide how it will be eliminated")
    )
    return what, how


def to_fix(result: CheckResult) -> list[ToFix]:
    """Everything to fix, most pressing first: error and warning findings, and every
    active negative cue (open or being mitigated), which lowers “eliminate” until it is
    eliminated. Ties keep the order of the principles, then of the file."""
    design = result.graph.design
    named = Names(design, SENTENCE_NAME_LIMIT)
    order = {p: i for i, p in enumerate(GROUPS)}
    rows: list[tuple[tuple[int, int, int], ToFix]] = []
    negatives = {c.id: c for c in design.cues if c.is_negative and c.is_active}
    told: set[str] = set()  # negative cues an ELI002 row already puts first
    for f in result.findings:
        if f.severity == "info":
            continue
        if f.code in _SAID_BY_THE_CUE and f.ids and f.ids[0] in negatives:
            continue
        said = for_client(f, named)
        how = said.hint
        if f.code == "ELI002" and f.ids and f.ids[0] in negatives:
            told.add(f.ids[0])
            remedy = negative_cue_words(negatives[f.ids[0]], named)[1]
            how = _("{hint}; {remedy}").format(hint=how, remedy=remedy)
        item = ToFix(f.severity, said.message, how, f.ids, f.code)
        rows.append(((_RANK[f.severity], order.get(f.principle, 99), f.line), item))
    for cue in negatives.values():
        if cue.id in told:
            continue
        what, how = negative_cue_words(cue, named)
        line = cue.where[""].line if "" in cue.where else 0
        rank = cue.effective_severity
        item = ToFix(rank, what, how, (cue.id,), None)
        rows.append(((_RANK[rank], order["eliminate"], line), item))
    rows.sort(key=lambda row: row[0])
    return [item for _key, item in rows]


@dataclass(frozen=True)
class Lowered:
    """Why a principle scores below 100: its score and what lowers it, by name."""

    principle: str
    score: int
    reasons: list[str]


def why_below_100(result: CheckResult) -> list[Lowered]:
    """Each principle below 100 with what lowers it, in the scorecard's order: its
    findings in the client's words (most severe first) and, for “eliminate”, every
    active negative cue with its remedy. A principle that no finding explains names
    the coverage it lacks in the words of the scorecard's formula."""
    design = result.graph.design
    named = Names(design, SENTENCE_NAME_LIMIT)
    out: list[Lowered] = []
    for principle, score in result.scorecard.scores.items():
        if score >= 100:
            continue
        mine = sorted(
            (f for f in result.findings if f.principle == principle),
            key=lambda f: (SEVERITY_RANK[f.severity], f.line, f.column),
        )
        reasons = [without_path(for_client(f, named).message) for f in mine]
        if principle == "eliminate":
            active = [c for c in design.cues if c.is_negative and c.is_active]
            if len(active) == 1:
                what, how = negative_cue_words(active[0], named)
                reasons.append(_("{what}; {how}").format(what=what, how=how))
            elif active:
                cues = quote_list([short_name(c, SENTENCE_NAME_LIMIT) for c in active], limit=3)
                reasons.append(
                    ngettext(
                        "{n} negative cue is still open or being mitigated: {cues}",
                        "{n} negative cues are still open or being mitigated: {cues}",
                        len(active),
                    ).format(n=format_number(len(active)), cues=cues)
                )
        if not reasons:
            reasons.append(_coverage(principle, design))
        out.append(Lowered(principle, score, reasons))
    return out


def _coverage(principle: str, design: Design) -> str:
    """What a score below 100 with no finding behind it lacks (the formula's share)."""
    if principle == "theme":
        return _("some positive cues or layers carry none of the theme’s motifs")
    if principle == "harmonize":
        return _("some touchpoints have no positive cue")
    if principle == "memorabilia":
        return _("some souvenirs carry no motif or evoke no cue")
    if principle == "senses":
        return _("not every sense is engaged, or not at every touchpoint")
    if principle == "journey":
        return _("some phases or touchpoints of the journey are missing or out of reach")
    if principle == "staging":
        return _("some actions lack a recovery, an owner or a standard time")
    return _("see how the scores are computed at the end of the report")
