"""Ranking matches: the more specific wins, and one question asked one way is one match."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.base.entries import Knowledge
from knowledge.understanding.aspects import ASPECT_STEMS
from knowledge.understanding.text import GENERIC_STEMS

SPECIFIC_GAP = 15  # a more specific match this close beats a general one
TIE_GAP = 8  # matches on the same topic words this close are one question asked one way
KIND_PREFERENCE = ("roles", "apprenticeships", "faqs", "hubs", "pathways")
KIND_PREFERENCE_FOR_APPRENTICESHIPS = ("apprenticeships", "roles", "faqs", "hubs", "pathways")


@dataclass(frozen=True)
class Match:
    """An entry the message may be about, how sure we are (0-100), and which words matched."""

    kind: str
    entry_id: str
    score: float
    matched: frozenset[str]
    name: str
    position: int = 0
    complete: bool = False  # every word of a job's or apprenticeship's name is in the message


def rank(match: Match) -> tuple[float, int, str]:
    """Sorting by this puts the best first: score, then how many words matched, then (so that
    ties always fall the same way, whatever order sets iterate in) the entry's id."""
    return -match.score, -len(match.matched), match.entry_id


def most_specific(matches: list[Match]) -> list[Match]:
    """Drop a match whose topic words are a strict part of another's that is better, or not
    much worse: 'is the care worker visa open' is about the visa, not the job. Between two
    names said in full, the longer wins even on a generic word ('field care supervisor')."""
    return [
        match
        for match in matches
        if not any(
            _narrower(match, other) and other.score >= match.score - SPECIFIC_GAP
            for other in matches
        )
    ]


def _narrower(match: Match, other: Match) -> bool:
    if topic_words(match) < topic_words(other):
        return True
    return match.complete and other.complete and match.matched < other.matched


def topic_words(match: Match) -> frozenset[str]:
    """The matched words that name a topic, not the aspect asked about or a generic word."""
    return match.matched - ASPECT_STEMS - GENERIC_STEMS


def one_per_topic(
    knowledge: Knowledge, matches: list[Match], *, wants_apprenticeship: bool
) -> list[Match]:
    """Matches that are one question asked one way collapse into the best of them: a job
    and its apprenticeship (the message's words choose), or FAQs on the same words."""
    preferred = KIND_PREFERENCE_FOR_APPRENTICESHIPS if wants_apprenticeship else KIND_PREFERENCE
    resolved: list[Match] = []
    for match in matches:
        twin = next(
            (
                m
                for m in resolved
                if m.score - match.score < TIE_GAP and _same_question(knowledge, m, match)
            ),
            None,
        )
        if twin is None:
            resolved.append(match)
        elif preferred.index(match.kind) < preferred.index(twin.kind):
            resolved[resolved.index(twin)] = match
    return sorted(resolved, key=lambda m: (-m.score, m.entry_id))


def _same_question(knowledge: Knowledge, first: Match, second: Match) -> bool:
    if first.kind == second.kind:
        return first.kind == "faqs" and topic_words(first) == topic_words(second)
    if topic_words(first) == topic_words(second):
        return True
    pair = {first.kind: first.entry_id, second.kind: second.entry_id}
    if set(pair) != {"roles", "apprenticeships"}:
        return False
    apprenticeship = knowledge.apprenticeships[pair["apprenticeships"]]
    return pair["roles"] in apprenticeship.roles
