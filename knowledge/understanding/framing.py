"""When a concern happened: told as a history and asked about for a job ("I self-harmed as a
teen, can I still be a nurse?") it gets the careers answer and a gentle line, never the full
crisis reply; said to be happening now ("been cutting again lately"), a curated sign is help
first even inside a careers question."""

from __future__ import annotations

import re

from knowledge.understanding.text import normalise

_HISTORY = re.compile(
    r"\b(used to|years? ago|months ago|when i was (younger|little|small|\d+|a (teen|teenager|kid|"
    r"child|student))|as a (teen|teenager|kid|child|student)|in my (teens|twenties|past)|in the "
    r"past|back (then|when|in)|a long time ago|(a |my )?(past )?history of|i had (a |an )?"
    r"(history|past)|(\d+|a few|many|several) years back|growing up)\b"
)
_NOW = re.compile(
    r"\b(now|again|still|at the moment|currently|right now|these days|today|tonight|lately|"
    r"recently|this (week|morning|evening)|anymore|any more|started|keep|cant stop|can't stop)\b"
)


def told_as_history(text: str) -> bool:
    """True when the message speaks of a concern in the past and says nothing of now."""
    plain = normalise(text)
    return bool(_HISTORY.search(plain)) and not _NOW.search(plain)


def told_as_present(text: str) -> bool:
    """True when the message says something is happening now, or again."""
    return bool(_NOW.search(normalise(text)))
