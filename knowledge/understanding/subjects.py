"""Whether a message follows up what was said before, or has a subject of its own that the
last job discussed must not be read into: 'what about pay' after a nurse asks a nurse's pay;
'do apprenticeships pay?' asks about apprentices, not about nurses."""

from __future__ import annotations

import re
from typing import Protocol

from knowledge.understanding.aspects import kind_words
from knowledge.understanding.ranking import topic_words
from knowledge.understanding.search import Understanding
from knowledge.understanding.text import stem

# "is there an apprenticeship" asks whether one exists: that "there" points nowhere
_REFERS_BACK = re.compile(
    r"\b(it|that|this|them|they|for me)\b|(?<!\bis )(?<!\bare )\bthere\b", re.IGNORECASE
)

# Things people ask about in general: apprentices and their training, studying, the groups of
# people care is for, and the checks, funds and bodies every job shares.
_SUBJECT_WORDS = (
    "training trainee course courses degree degrees university uni college student students "
    "people person children child kids adults elderly older dbs levy visa visas sponsorship "
    "nhs council agency bursary loan"
).split()
SUBJECT_STEMS = frozenset(stem(word) for word in _SUBJECT_WORDS)


class Said(Protocol):
    """What a message said, as the index read it."""

    stems: list[str]


def has_own_subject(said: Said) -> bool:
    """True when the message names something it asks about: apprenticeships, apprentices, the
    training, a degree, old people..."""
    return kind_words(said.stems) or any(word in SUBJECT_STEMS for word in said.stems)


def refers_back(text: str) -> bool:
    """True when the message points at something said before ('it', 'them', 'for me')."""
    return bool(_REFERS_BACK.search(text))


def follows_up(understanding: Understanding, named_at: float) -> bool:
    """True when a message asks about something said before: an aspect or 'it', and no topic
    of its own matched at `named_at` or better ('what about pay', 'how long does it take',
    'what's next for me'). 'Where can it lead' names no job called 'lead'."""
    if understanding.route or understanding.postcode:
        return False
    named = [m for m in understanding.matches if m.score >= named_at and topic_words(m)]
    if refers_back(understanding.text):
        return not any(m.complete for m in named)
    return not named and understanding.aspect is not None
