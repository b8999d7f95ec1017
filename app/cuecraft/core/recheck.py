"""The incremental re-check: after a few edits, run again only what they can change.

Typing in the inspector makes one `SetField` per keystroke; a full check of a
10,000-cue design takes longer than a keystroke may wait. `recheck` starts from
the previous result and the edits made since, and gives what `check` would give
(the same findings in the same order, the same scorecard):

- An edit of a field the design's graph reads (`cuecraft.core.reads.GRAPH_READS`:
  references, presence, the journey, emotions, layers' senses and intensities,
  personas' skips and emotions), or any edit that is not a `SetField` (adding,
  removing or renaming an item, resolving a merge conflict, a `Batch` holding one
  of those), is a full check.
- Otherwise the graph is kept and only the rules that read an edited field run
  again (each rule module's `READS`; the feedback rules' only with feedback); the
  others' findings are kept as they were, the very same objects. The scorecard is
  scored again only when a rule's findings changed or the edit was of a field it
  reads (`cuecraft.core.score.READS`).
- When nothing the result shows changed — always for the fields no rule reads
  (`cuecraft.core.reads.UNREAD`: the design's title, client, venue and language;
  the theme's name, tagline and storyline; the realms; every item's name; a cue's
  text, effort and impact; an action's text and tolerance; a touchpoint's name when
  there is no feedback), and also when the rules that ran again found what they
  found before — `previous` itself comes back, so a view can skip refreshing.

What the edits do not say the caller must say with a full `check`: a design
re-read from its file or its lines relocated (`cuecraft.core.locations.relocate`:
the findings' lines), or anything else changed without an edit. A change of
language is noticed (the messages are in the language of the moment) and checked in
full, as is feedback imported again (a new `Feedback` object: its rules run again).
"""

from __future__ import annotations

from collections.abc import Generator, Sequence

from cuecraft.core.check import CheckResult, RuleFindings, assemble, check
from cuecraft.core.edits import OWN_FIELDS, Batch, Edit, SetField
from cuecraft.core.feedback.model import Feedback
from cuecraft.core.findings import Finding
from cuecraft.core.graph import DesignGraph
from cuecraft.core.i18n import current_language
from cuecraft.core.model import SECTIONS, Design
from cuecraft.core.names import full_name
from cuecraft.core.reads import GRAPH_READS, Field, Reads
from cuecraft.core.rules import RULE_READS, run_rule
from cuecraft.core.rules.feedback import READS as FEEDBACK_READS
from cuecraft.core.rules.feedback import check_feedback
from cuecraft.core.score import READS as SCORE_READS
from cuecraft.core.validate import FIELDS

_KIND_OF_SECTION = {
    "zones": "zone",
    "touchpoints": "touchpoint",
    "cues": "cue",
    "layers": "layer",
    "souvenirs": "souvenir",
    "actions": "action",
    "personas": "persona",
}


def recheck(
    previous: CheckResult,
    design: Design,
    edits: Sequence[Edit],
    feedback: Feedback | None = None,
) -> CheckResult:
    """The result of `check(design, feedback=feedback)`, from `previous` (a result of this
    design) and the `edits` applied to or reverted on it since, in any order.

    Codes selected or ignored when `previous` was checked stay selected or ignored."""
    return finished(recheck_in_steps(previous, design, edits, feedback))


def finished(steps: Generator[None, None, CheckResult]) -> CheckResult:
    """The result of a re-check in steps (`recheck_in_steps`), run to its end."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            result: CheckResult = done.value
            return result


def recheck_in_steps(
    previous: CheckResult,
    design: Design,
    edits: Sequence[Edit],
    feedback: Feedback | None = None,
) -> Generator[None, None, CheckResult]:
    """`recheck` a step at a time: it pauses before each rule it runs again and before
    scoring, so that a window can do other work in between (a rule over every cue of a
    10,000-cue design takes a keystroke's share on its own). The design must not change
    until it is done: if it does, start again from `previous` with every edit since."""
    made = previous.rule_findings
    edited = _partly(previous, design, edits)
    if made is None or edited is None:
        return _full(design, made, feedback)
    graph = previous.graph
    if edited:
        # The graph stays, but the network the views draw shows names and motifs.
        _refresh_network(graph, edits, edited)

    by_rule = list(made.by_rule)
    changed = False
    for index, reads in enumerate(RULE_READS):
        if not reads.isdisjoint(edited):
            yield
            changed |= _run_again(by_rule, index, run_rule(index, graph))
    feedback_reads = FEEDBACK_READS if feedback is not None else frozenset()
    if feedback is not made.feedback or not feedback_reads.isdisjoint(edited):
        yield
        changed |= _run_again(by_rule, len(RULE_READS), check_feedback(graph, feedback))

    scored = not SCORE_READS.isdisjoint(edited)
    if not changed and not scored and feedback is made.feedback:
        return previous
    now = RuleFindings(tuple(by_rule), feedback, made.select, made.ignore, made.language)
    yield
    return assemble(graph, now, None if changed or scored else previous.scorecard)


def runs_in_full(previous: CheckResult, design: Design, edits: Sequence[Edit]) -> bool:
    """Whether `recheck` after these edits checks everything (the workbench does that off
    its thread for a large design): anything but edits of fields the graph does not read,
    a result made some other way, or a change of language."""
    return _partly(previous, design, edits) is None


def _partly(previous: CheckResult, design: Design, edits: Sequence[Edit]) -> Reads | None:
    """The fields the edits set when only the rules that read them need to run again;
    None when everything must be checked."""
    made = previous.rule_findings
    if made is None or previous.graph.design is not design or made.language != current_language():
        return None
    edited = edited_fields(edits, previous.graph)
    if edited is None or not edited.isdisjoint(GRAPH_READS):
        return None
    return edited


# The fields that are only the labels of the network's nodes (`core.names.full_name`).
LABELS = frozenset(
    {("cues", "text"), ("actions", "text")}
    | {(section, "name") for section in ("zones", "touchpoints", "layers", "souvenirs")}
)
# What the network holds besides the graph's own references (`core.network`): the labels,
# and the motifs, which are edges of it.
NETWORK_READS = LABELS | {
    (section, "motifs") for section in ("theme", "cues", "layers", "souvenirs")
}


def _refresh_network(graph: DesignGraph, edits: Sequence[Edit], edited: Reads) -> None:
    """The network (built on first use for the graph view and the brief) after edits of
    fields the graph does not read: kept as it is when they are not in it (an owner, a
    remedy: a 10,000-cue network takes a quarter of a second to build), its labels set
    again where labels changed (a name typed), its motif nodes and edges made again where
    motifs changed when it is next read (`DesignGraph.retag_later`), in place either way."""
    network = graph.built_network()
    if network is None or edited.isdisjoint(NETWORK_READS):
        return
    fields = [edit for edit in _unbatched(edits) if type(edit) is SetField]
    if not edited.isdisjoint(NETWORK_READS - LABELS):
        tagged = {edit.owner for edit in fields if edit.name == "motifs"} - {"theme"}
        graph.retag_later(tagged, ("theme", "motifs") in edited)
        if edited.isdisjoint(LABELS):
            return
    owners = {edit.owner for edit in fields}
    tables = (graph.zones, graph.touchpoints, graph.cues, graph.layers, graph.souvenirs)
    for owner in owners:
        item = next((t[owner] for t in (*tables, graph.actions) if owner in t), None)
        if item is not None and owner in network:
            network.nodes[owner]["label"] = full_name(item)


def _unbatched(edits: Sequence[Edit]) -> list[Edit]:
    """The edits with every `Batch` (at any depth) replaced by the edits it holds."""
    out: list[Edit] = []
    waiting = list(edits)
    while waiting:
        edit = waiting.pop()
        if type(edit) is Batch:
            waiting.extend(edit.edits)
        else:
            out.append(edit)
    return out


def edited_fields(edits: Sequence[Edit], graph: DesignGraph) -> Reads | None:
    """The fields the edits set, as (section, name); None when an edit is anything but a
    `SetField` of a field of the format (then everything is checked again). Item owners
    are looked up in the graph: until an edit other than SetField, its ids are the design's."""
    out: set[Field] = set()
    for edit in _unbatched(edits):
        if type(edit) is not SetField:
            return None
        owner = edit.owner
        if owner in OWN_FIELDS:
            places = [(owner, owner)]
        else:
            places = [(s, _KIND_OF_SECTION[s]) for s in SECTIONS if owner in getattr(graph, s)]
        if not places:
            return None
        for section, kind in places:
            if edit.name not in FIELDS[kind] or edit.name == "id":
                return None
            out.add((section, edit.name))
    return frozenset(out)


def _run_again(by_rule: list[tuple[Finding, ...]], index: int, found: list[Finding]) -> bool:
    """Keep a rule's new findings if they differ from its old ones; say whether they did.
    Equal findings stay the old objects, so the views can tell nothing moved."""
    if tuple(found) == by_rule[index]:
        return False
    by_rule[index] = tuple(found)
    return True


def _full(design: Design, made: RuleFindings | None, feedback: Feedback | None) -> CheckResult:
    select = list(made.select) if made is not None and made.select else None
    ignore = list(made.ignore) if made is not None and made.ignore else None
    return check(design, select=select, ignore=ignore, feedback=feedback)
