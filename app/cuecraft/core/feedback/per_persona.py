"""The answers of each persona, as `feedback show` lists them (and the brief may).

One reading of "NPS per persona and per persona × touchpoint" for every
output: the design's personas in file order (with their name and share, and
"no answers" for one nobody answered as), then values of the survey's persona
column that name no persona (as written); per persona, the touchpoints with
answers in the design's journey order, then touchpoints the design does not
have, then the answers about no touchpoint in particular.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cuecraft.core.feedback.model import OVERALL, Feedback, TouchpointFeedback
from cuecraft.core.feedback.nps import Nps
from cuecraft.core.model import Persona

if TYPE_CHECKING:
    from cuecraft.core.graph import DesignGraph


@dataclass(frozen=True)
class PersonaCell:
    """One persona's answers about one touchpoint (`OVERALL`: about none in particular)."""

    touchpoint: str
    in_design: bool  # a touchpoint of the design (False for OVERALL and unknown keys)
    answers: TouchpointFeedback

    @property
    def nps(self) -> Nps:
        return self.answers.nps


@dataclass(frozen=True)
class PersonaAnswers:
    """Everything one persona answered: their NPS and the touchpoints they named."""

    key: str  # the persona's id, or the survey's value as written when it names none
    persona: Persona | None  # None when the design has no such persona
    nps: Nps
    cells: tuple[PersonaCell, ...]  # only touchpoints with answers

    @property
    def in_design(self) -> bool:
        return self.persona is not None


def has_personas(feedback: Feedback) -> bool:
    """Whether the survey said who answered (a persona column, or answers per persona)."""
    return feedback.columns.persona is not None or bool(feedback.personas)


def answers_by_persona(graph: DesignGraph, feedback: Feedback) -> list[PersonaAnswers]:
    """Each persona's answers, in the order of the module's docstring.

    Empty when the survey had no persona column: "no answers" from every
    persona would say they were asked and kept quiet.
    """
    if not has_personas(feedback):
        return []
    personas = {p.id: p for p in graph.design.personas}
    keys = list(personas) + [k for k in feedback.personas if k not in personas]
    return [_answers(graph, feedback, key, personas.get(key)) for key in keys]


def _answers(
    graph: DesignGraph, feedback: Feedback, key: str, persona: Persona | None
) -> PersonaAnswers:
    buckets = feedback.personas.get(key, {})
    order = [t for t in graph.journey_order if t in buckets]
    order += [t for t in buckets if t != OVERALL and t not in graph.touchpoints]
    if OVERALL in buckets:
        order.append(OVERALL)
    cells = tuple(PersonaCell(t, t in graph.touchpoints, buckets[t]) for t in order)
    return PersonaAnswers(key, persona, feedback.persona_nps(key), cells)
