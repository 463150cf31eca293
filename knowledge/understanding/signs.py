"""Curated phrases found in a message as people type them: with typos ('sucidal', 'kil my
self'), with a word or two between their words ('I really want to die'), anywhere in it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rapidfuzz.distance import DamerauLevenshtein

from knowledge.understanding.text import normalise

MAX_GAP = 2  # words a person may put between a phrase's words ("want to just die")
_JOINED = {  # how people split or shorten the words phrases are written with
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
Label = TypeVar("Label")


@dataclass(frozen=True)
class _Phrase(Generic[Label]):
    label: Label
    words: tuple[str, ...]


class PhraseFinder(Generic[Label]):
    """Finds which curated phrase a message shows, and returns its label."""

    def __init__(self, phrases: Iterable[tuple[Label, str]]) -> None:
        self.phrases = [_Phrase(label, tuple(tokens(phrase))) for label, phrase in phrases]

    def find(self, text: str) -> Label | None:
        """The label of the first phrase the message shows, or None."""
        words = tokens(text)
        if not words:
            return None
        return next((p.label for p in self.phrases if p.words and _shows(words, p.words)), None)


def tokens(text: str) -> list[str]:
    """Lower-case words, with the splits and short forms people type joined up."""
    plain = " ".join(_WORD.findall(normalise(text).replace("-", " ")))
    for typed, meant in _JOINED.items():
        plain = re.sub(rf"\b{re.escape(typed)}\b", meant, plain)
    return plain.split()


def _shows(words: list[str], phrase: tuple[str, ...]) -> bool:
    """True when the phrase's words appear in order, each close to what was typed, with at most
    MAX_GAP other words between them."""
    for start, word in enumerate(words):
        if not _alike(word, phrase[0]):
            continue
        at = start
        for wanted in phrase[1:]:
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
    """The same word, or a slip of it: one letter in words of four or more, two in eight.
    Shorter words must match exactly: 'die' is one letter from 'did' and 'due'."""
    if typed == wanted:
        return True
    if len(wanted) < 4 or len(typed) < 4 or typed[0] != wanted[0]:
        return False
    allowed = 2 if len(wanted) >= 8 else 1
    return DamerauLevenshtein.distance(typed, wanted, score_cutoff=allowed) <= allowed
