"""Signs in a message that someone may be in danger, in crisis, or being abused or neglected.

It errs on the side of showing help: a sign matches with typos ('sucidal', 'kil my self'), with a
word or two between its words ('I really want to die'), and wherever it stands in the message."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from knowledge.base import Knowledge
from knowledge.schema_signposts import SafetyConcern
from knowledge.text import normalise

MAX_GAP = 2  # words a person may put between a sign's words ("want to just die")
_JOINED = {  # how people split or shorten the words signs are written with
    "my self": "myself",
    "him self": "himself",
    "her self": "herself",
    "kms": "kill myself",
    "wanna": "want to",
    "gonna": "going to",
    "cant": "can't",
    "dont": "don't",
    "wont": "won't",
    "im": "i'm",
    "ive": "i've",
}
_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class _Sign:
    concern: SafetyConcern
    words: tuple[str, ...]


class SafetyCheck:
    """Finds the first curated concern whose signs a message shows."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.signs = [
            _Sign(concern, tuple(tokens(sign)))
            for concern in knowledge.safety.values()
            for sign in concern.signs
        ]

    def concern(self, text: str) -> SafetyConcern | None:
        """The concern a message shows, or None; the message itself is never kept or logged."""
        words = tokens(text)
        if not words:
            return None
        return next((sign.concern for sign in self.signs if _shows(words, sign.words)), None)


def tokens(text: str) -> list[str]:
    """Lower-case words, with the splits and short forms people type joined up."""
    plain = " ".join(_WORD.findall(normalise(text).replace("-", " ")))
    for typed, meant in _JOINED.items():
        plain = re.sub(rf"\b{re.escape(typed)}\b", meant, plain)
    return plain.split()


def _shows(words: list[str], sign: tuple[str, ...]) -> bool:
    """True when the sign's words appear in order, each close to what was typed, with at most
    MAX_GAP other words between them."""
    for start, word in enumerate(words):
        if not _alike(word, sign[0]):
            continue
        at = start
        for wanted in sign[1:]:
            found = next(
                (
                    i
                    for i in range(at + 1, min(at + 2 + MAX_GAP, len(words)))
                    if _alike(words[i], wanted)
                ),
                None,
            )
            if found is None:
                break
            at = found
        else:
            return True
    return False


def _alike(typed: str, wanted: str) -> bool:
    """The same word, or a slip of it: one letter in words of four or more, two in eight."""
    if typed == wanted:
        return True
    if len(wanted) < 4 or len(typed) < 4 or typed[0] != wanted[0]:
        return False
    allowed = 2 if len(wanted) >= 8 else 1
    return DamerauLevenshtein.distance(typed, wanted, score_cutoff=allowed) <= allowed
