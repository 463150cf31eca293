"""Questions people asked, grouped when they ask the same thing in nearly the same words
(typos included), each group with the knowledge-base entries nearest to it: what to add next."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from rapidfuzz import fuzz, process

from knowledge.understanding.search import Index
from knowledge.understanding.text import STOP_STEMS

SAME_QUESTION = 85  # how alike two questions' words must be (0-100) to be one group
NEAREST = 3


@dataclass(frozen=True)
class Asked:
    """One logged question: its words, when, and what became of it."""

    text: str
    at: datetime
    outcome: str


@dataclass
class QuestionGroup:
    """Questions that ask the same thing, most recent wording kept as the example."""

    key: str
    example: str
    first_seen: datetime
    last_seen: datetime
    outcomes: Counter[str] = field(default_factory=Counter)
    nearest: list[tuple[str, str, float]] = field(default_factory=list)  # kind, id, score

    @property
    def count(self) -> int:
        """How many times it was asked."""
        return sum(self.outcomes.values())


def group_questions(index: Index, asked: list[Asked]) -> list[QuestionGroup]:
    """Groups of questions, most asked first, each with its nearest entries by the matcher."""
    groups: list[QuestionGroup] = []
    keys: list[str] = []
    for question in sorted(asked, key=lambda q: q.at):
        key = _key(index, question.text)
        found = (
            process.extractOne(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=SAME_QUESTION)
            if keys
            else None
        )
        if found is None:
            group = QuestionGroup(key, question.text, question.at, question.at)
            groups.append(group)
            keys.append(key)
        else:
            group = groups[found[2]]
            group.example, group.last_seen = question.text, question.at
        group.outcomes[question.outcome] += 1
    for group in groups:
        matches = index.understand(group.example).matches[:NEAREST]
        group.nearest = [(m.kind, m.entry_id, m.score) for m in matches]
    return sorted(groups, key=lambda g: (-g.count, -g.last_seen.timestamp()))


def _key(index: Index, text: str) -> str:
    """The question's content words, spelling corrected, in order: 'midwfe' is 'midwife'."""
    words = [word for word in index.stems_of(text) if word not in STOP_STEMS]
    return " ".join(words) or " ".join(text.casefold().split())
