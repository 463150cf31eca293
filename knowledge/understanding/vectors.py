"""Messages as weighted vectors over the n-grams the training examples used (tf-idf)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.understanding.features import features

Sparse = tuple[np.ndarray, np.ndarray]  # (columns, values) of one message
Features = tuple[Counter[int], Counter[int]]  # a message's word and character n-gram counts


@dataclass(frozen=True)
class Vocabulary:
    """The hashed n-grams seen in training, sorted, with how much each says (idf)."""

    hashes: np.ndarray  # uint32, sorted
    idf: np.ndarray  # float32, one per hash

    @classmethod
    def of(cls, texts: Sequence[str]) -> Vocabulary:
        """The vocabulary of the training texts, with smoothed inverse document frequencies."""
        return cls.of_features([features(text) for text in texts])

    @classmethod
    def of_features(cls, counted: Sequence[Features]) -> Vocabulary:
        """As `of`, from the texts' features already counted."""
        frequency: Counter[int] = Counter()
        for word_counts, char_counts in counted:
            frequency.update(set(word_counts) | set(char_counts))
        hashes = np.array(sorted(frequency), dtype=np.uint32)
        documents = np.array([frequency[int(h)] for h in hashes], dtype=np.float64)
        idf = np.log((1 + len(counted)) / (1 + documents)) + 1
        return cls(hashes, idf.astype(np.float32))

    def vector(self, text: str) -> Sparse:
        """The message's known n-grams as (columns, tf-idf values); words and characters are
        each scaled to length one, so both count equally."""
        return self.vector_of(features(text))

    def vector_of(self, counted: Features) -> Sparse:
        """As `vector`, from the message's features already counted."""
        parts = [self._family(counts) for counts in counted]
        columns = np.concatenate([p[0] for p in parts])
        values = np.concatenate([p[1] for p in parts])
        return columns, values

    def _family(self, counts: Counter[int]) -> Sparse:
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        hashes = np.fromiter(counts.keys(), dtype=np.uint32, count=len(counts))
        times = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        at = np.searchsorted(self.hashes, hashes)
        at[at >= len(self.hashes)] = 0
        known = self.hashes[at] == hashes
        columns = at[known]
        values = (1 + np.log(times[known])) * self.idf[columns]
        norm = float(np.sqrt(values @ values))
        return columns, (values / norm if norm else values)
