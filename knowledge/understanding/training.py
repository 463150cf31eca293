"""Training a linear classifier from labelled example messages (scikit-learn, imported only
here, so answering never pays for loading it)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from knowledge.understanding.linear import LinearModel
from knowledge.understanding.vectors import Vocabulary

STRENGTH = 10.0  # inverse regularisation (scikit-learn's C), chosen by cross-validation
FOLDS = 5


def fit(texts: Sequence[str], labels: Sequence[str], *, strength: float = STRENGTH) -> LinearModel:
    """A multinomial logistic regression over word and character n-grams; the same examples
    always give the same model."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    vocabulary = Vocabulary.of(texts)
    vectors = [vocabulary.vector(text) for text in texts]
    indptr = np.cumsum([0, *(len(columns) for columns, _ in vectors)])
    matrix = csr_matrix(
        (
            np.concatenate([values for _, values in vectors]),
            np.concatenate([columns for columns, _ in vectors]),
            indptr,
        ),
        shape=(len(texts), len(vocabulary.hashes)),
    )
    classes = sorted(set(labels))
    target = np.array([classes.index(label) for label in labels])
    regression = LogisticRegression(C=strength, max_iter=3000, class_weight="balanced")
    regression.fit(matrix, target)
    weights = regression.coef_.T.astype(np.float32)
    bias = regression.intercept_.astype(np.float32)
    if len(classes) == 2:  # scikit-learn keeps one score for two classes: as two, for softmax
        weights = np.hstack([np.zeros_like(weights), weights])
        bias = np.array([0.0, bias[0]], dtype=np.float32)
    return LinearModel(tuple(classes), vocabulary, weights, bias)


def out_of_fold(
    texts: Sequence[str], labels: Sequence[str], *, strength: float = STRENGTH
) -> list[dict[str, float]]:
    """Each example's class probabilities from a model that never saw it (k-fold, with a
    fixed shuffle): how the model will do on messages it was not trained on."""
    order = list(range(len(texts)))
    random.Random(0).shuffle(order)
    found: list[dict[str, float]] = [{} for _ in texts]
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        kept = [i for i in order if i not in held]
        model = fit([texts[i] for i in kept], [labels[i] for i in kept], strength=strength)
        for i in held:
            found[i] = model.probabilities(texts[i])
    return found


def with_settings(model: LinearModel, **settings: float) -> LinearModel:
    """The model with settings (such as calibrated thresholds) kept beside its weights."""
    return replace(model, settings={**model.settings, **settings})
