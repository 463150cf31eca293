"""Training a linear classifier from labelled example messages (scikit-learn, imported only
here, so answering never pays for loading it)."""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from multiprocessing import get_context

import numpy as np

from knowledge.understanding.features import features
from knowledge.understanding.linear import LinearModel
from knowledge.understanding.vectors import Vocabulary

STRENGTH = 10.0  # inverse regularisation (scikit-learn's C), chosen by cross-validation
FOLDS = 5
TOLERANCE = 1e-4  # the solver stops when the fit improves less than this


def fit(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    strength: float = STRENGTH,
    tolerance: float = TOLERANCE,
) -> LinearModel:
    """A multinomial logistic regression over word and character n-grams; the same examples
    always give the same model."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counted = [features(text) for text in texts]
    vocabulary = Vocabulary.of_features(counted)
    vectors = [vocabulary.vector_of(one) for one in counted]
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
    regression = LogisticRegression(
        C=strength, tol=tolerance, max_iter=3000, class_weight="balanced"
    ).fit(matrix, target)
    weights = regression.coef_.T.astype(np.float32)
    bias = regression.intercept_.astype(np.float32)
    if len(classes) == 2:  # scikit-learn keeps one score for two classes: as two, for softmax
        weights = np.hstack([np.zeros_like(weights), weights])
        bias = np.array([0.0, bias[0]], dtype=np.float32)
    return LinearModel(tuple(classes), vocabulary, weights, bias)


def out_of_fold(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    strength: float = STRENGTH,
    tolerance: float = TOLERANCE,
    folds: int = FOLDS,
) -> list[dict[str, float]]:
    """Each example's class probabilities from a model that never saw it (k-fold, with a
    fixed shuffle): how the model will do on messages it was not trained on. The folds are
    fitted side by side, one process a core."""
    order = list(range(len(texts)))
    random.Random(0).shuffle(order)
    parts = [order[fold::folds] for fold in range(folds)]
    jobs = []
    for part in parts:
        held = set(part)
        kept = [i for i in order if i not in held]
        held_texts = [texts[i] for i in part]
        jobs.append(
            ([texts[i] for i in kept], [labels[i] for i in kept], held_texts, strength, tolerance)
        )
    found: list[dict[str, float]] = [{} for _ in texts]
    with ProcessPoolExecutor(
        max_workers=min(folds, os.cpu_count() or 1), mp_context=get_context("spawn")
    ) as pool:
        for part, scores in zip(parts, pool.map(_fold, jobs), strict=True):
            for i, score in zip(part, scores, strict=True):
                found[i] = score
    return found


def _fold(job: tuple[list[str], list[str], list[str], float, float]) -> list[dict[str, float]]:
    kept_texts, kept_labels, held_texts, strength, tolerance = job
    model = fit(kept_texts, kept_labels, strength=strength, tolerance=tolerance)
    return [model.probabilities(text) for text in held_texts]


def with_settings(model: LinearModel, **settings: float) -> LinearModel:
    """The model with settings (such as calibrated thresholds) kept beside its weights."""
    return replace(model, settings={**model.settings, **settings})
