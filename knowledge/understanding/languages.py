"""Whether a message is written in another language than English (CarePath's only one, for now).

A message mostly in a non-Latin script is; so is one with letters English never uses, or with
more common words of another language than English words."""

from __future__ import annotations

import re
import unicodedata

from knowledge.base.entries import Knowledge
from knowledge.understanding.text import normalise

_WORD = re.compile(r"[^\W\d_]+")
MIN_FOREIGN_WORDS = 2


class LanguageCheck:
    """Tells English from other languages, by the curated scripts, letters and words."""

    def __init__(self, knowledge: Knowledge, english: frozenset[str]) -> None:
        notice = knowledge.english_only
        languages = notice.languages if notice else []
        self.scripts = frozenset(notice.scripts if notice else ())
        self.letters = frozenset("".join(language.letters for language in languages))
        listed = {word.casefold() for language in languages for word in language.words}
        self.words = frozenset(listed | {normalise(word) for word in listed}) - english
        self.english = english

    def foreign(self, text: str) -> bool:
        """True when the message is not written in English."""
        letters = [ch for ch in text if ch.isalpha()]
        if not letters:
            return False
        in_other_scripts = sum(_script(ch) in self.scripts for ch in letters)
        if in_other_scripts * 2 >= len(letters):
            return True
        words = _WORD.findall(text.casefold())
        english = sum(word in self.english or normalise(word) in self.english for word in words)
        foreign = sum(word in self.words for word in words)
        own_letters = any(ch in self.letters for ch in text.casefold())
        if own_letters and foreign >= 1 and foreign >= english:
            return True
        return foreign >= MIN_FOREIGN_WORDS and foreign > english


def _script(ch: str) -> str:
    return unicodedata.name(ch, "").split(" ", 1)[0]
