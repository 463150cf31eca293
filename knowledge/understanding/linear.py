"""A trained linear classifier over message vectors: fast to apply, with numpy alone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np

from knowledge.understanding.vectors import Vocabulary


@dataclass(frozen=True)
class LinearModel:
    """Scores each class for a message; the probabilities sum to one."""

    classes: tuple[str, ...]
    vocabulary: Vocabulary
    weights: np.ndarray  # float32, one row per vocabulary column, one column per class
    bias: np.ndarray  # float32, one per class
    settings: Mapping[str, float] = field(default_factory=dict)  # e.g. calibrated thresholds

    def probabilities(self, text: str) -> dict[str, float]:
        """Each class's probability for the message."""
        columns, values = self.vocabulary.vector(text)
        scores = values @ self.weights[columns] + self.bias
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return dict(zip(self.classes, scores.tolist(), strict=True))

    def save(self, file: BinaryIO) -> None:
        """Write the model as one .npz file."""
        np.savez(
            file,
            classes=np.array(self.classes),
            hashes=self.vocabulary.hashes,
            idf=self.vocabulary.idf,
            weights=self.weights,
            bias=self.bias,
            setting_names=np.array(sorted(self.settings), dtype=str),
            setting_values=np.array([self.settings[k] for k in sorted(self.settings)]),
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        """Read a model written by `save`; raises ValueError or OSError if it is not one."""
        with np.load(path, allow_pickle=False) as saved:
            model = cls(
                tuple(str(name) for name in saved["classes"]),
                Vocabulary(saved["hashes"], saved["idf"]),
                saved["weights"],
                saved["bias"],
                dict(
                    zip(
                        (str(name) for name in saved["setting_names"]),
                        saved["setting_values"].tolist(),
                        strict=True,
                    )
                ),
            )
        if model.weights.shape != (len(model.vocabulary.hashes), len(model.classes)):
            raise ValueError("the model's weights do not fit its vocabulary and classes")
        return model
