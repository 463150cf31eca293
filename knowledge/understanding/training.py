"""Training a linear classifier from labelled example messages (scikit-learn, imported only
here, so answering never pays for loading it)."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from multiprocessing import get_context

import numpy as np

from knowledge.understanding.features import features
from knowledge.understanding.linear import LinearModel
from knowledge.understanding.vectors import Vocabulary

STRENGTH = 10.0  # inverse regularisation (scikit-learn's C), chosen by cross-validation
FOLDS = 5
TOLERANCE = 1e-4  # the solver stops when the fit improves less than this


_shared: list[Executor] = []  # the worker processes every fit goes to, while `shared_workers`


@contextmanager
def shared_workers(count: int | None = None) -> Iterator[None]:
    """Within this block, every fit (whole models and folds alike, from any thread) runs in
    one set of worker processes, one a core: several models can then be trained side by side
    without more processes than cores, each paying for its own imports."""
    with _pool(count or os.cpu_count() or 1) as pool:
        _shared.append(pool)
        try:
            yield
        finally:
            _shared.remove(pool)


def fit(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    strength: float = STRENGTH,
    tolerance: float = TOLERANCE,
) -> LinearModel:
    """A multinomial logistic regression over word and character n-grams; the same examples
    always give the same model (fitted in the shared workers, if there are any)."""
    if _shared:
        return _shared[0].submit(_fit, list(texts), list(labels), strength, tolerance).result()
    return _fit(texts, labels, strength, tolerance)


def _fit(
    texts: Sequence[str], labels: Sequence[str], strength: float, tolerance: float
) -> LinearModel:
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
    with one_thread():
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
    fitted side by side, in the shared workers or one process a core."""
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
    with _workers(folds) as pool:
        for part, scores in zip(parts, pool.map(_fold, jobs), strict=True):
            for i, score in zip(part, scores, strict=True):
                found[i] = score
    return found


@contextmanager
def _workers(jobs: int) -> Iterator[Executor]:
    if _shared:
        yield _shared[0]
        return
    with _pool(min(jobs, os.cpu_count() or 1)) as pool:
        yield pool


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))


def one_thread() -> AbstractContextManager[object]:
    """Within this block, numerical libraries use one thread. Training is parallel by process
    already (threads on top only fight over the cores: a third slower on two), and sums done
    in a fixed order give the same model on any machine."""
    import scipy.sparse  # noqa: F401  (only libraries already loaded can be limited)
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)


def _fold(job: tuple[list[str], list[str], list[str], float, float]) -> list[dict[str, float]]:
    kept_texts, kept_labels, held_texts, strength, tolerance = job
    model = _fit(kept_texts, kept_labels, strength, tolerance)
    return [model.probabilities(text) for text in held_texts]


def with_settings(model: LinearModel, **settings: float) -> LinearModel:
    """The model with settings (such as calibrated thresholds) kept beside its weights."""
    return replace(model, settings={**model.settings, **settings})
