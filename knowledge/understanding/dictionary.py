"""Everyday English words, from the wordfreq lists, so spelling correction never respells a real
word into a knowledge-base word ('agency' is not a slip for 'agenda')."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import BinaryIO

import numpy as np

from knowledge.understanding.model_cache import load_or_build

# wordfreq's "small" English list holds every word used at least once in a million words
# (Zipf 3 and up): 'agency' and 'lvl' are in it, slips such as 'recieve' and 'midwief' are not.
WORDLIST = "small"
_PLAIN_WORD = re.compile(r"[a-z]+")


class WordList:
    """A set of words that saves itself in the model cache."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def save(self, file: BinaryIO) -> None:
        """Write the words, sorted, as one array."""
        np.savez_compressed(file, words=np.array(sorted(self.words)))

    @classmethod
    def load(cls, path: Path) -> WordList:
        """Read words written by `save`."""
        with np.load(path, allow_pickle=False) as saved:
            return cls(frozenset(str(word) for word in saved["words"]))


def _build() -> WordList:
    from wordfreq import get_frequency_list  # ~130 ms to import: only when building

    buckets = get_frequency_list("en", wordlist=WORDLIST)
    return WordList(
        frozenset(word for bucket in buckets for word in bucket if _PLAIN_WORD.fullmatch(word))
    )


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every plain English word in wordfreq's list, built once per wordfreq version."""
    try:
        key = f"{version('wordfreq')}-{WORDLIST}"
    except PackageNotFoundError:  # a broken install: correcting as before beats failing
        return frozenset()
    return load_or_build("english-words", key, _build, load=WordList.load).words
