"""A message as the learned layer sees it: word and character n-grams, hashed to numbers.

The same features serve every model trained from the knowledge base (the risk check and what a
message is about), so one reading of a message feeds them all. Character n-grams carry typos
and text-speak ('sucidal', 'kil myslf', 'od'); word pairs carry what the words say together
('want to', 'to die')."""

from __future__ import annotations

import re
import zlib
from collections import Counter
from functools import lru_cache

from knowledge.understanding.text import normalise

CHAR_SIZES = (2, 3, 4, 5)
_TOKEN = re.compile(r"[a-z0-9]+")
WORD, CHAR = 0, 1  # the two families, weighted apart so neither drowns the other


def tokens(text: str) -> list[str]:
    """Lower-case words with apostrophes dropped ("can't" -> "cant"), as people also type them."""
    return _TOKEN.findall(normalise(text).replace("'", ""))


def features(text: str) -> tuple[Counter[int], Counter[int]]:
    """Counts of the message's hashed word n-grams and character n-grams."""
    words = tokens(text)
    word_counts: Counter[int] = Counter()
    char_counts: Counter[int] = Counter()
    previous = "<s>"
    for word in words:
        word_counts[_hash("w " + word)] += 1
        word_counts[_hash(f"b {previous} {word}")] += 1
        previous = word
        char_counts.update(_char_grams(word))
    if words:
        word_counts[_hash(f"b {previous} </s>")] += 1
    return word_counts, char_counts


@lru_cache(maxsize=65536)
def _char_grams(word: str) -> tuple[int, ...]:
    """The hashed character n-grams of one word (words repeat, so each is worked out once)."""
    padded = f" {word} "
    return tuple(
        _hash("c" + padded[start : start + size])
        for size in CHAR_SIZES
        for start in range(len(padded) - size + 1)
    )


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode())
