"""Benchmark: index build time, per-question latency and a cold-start `carepath ask`.

Run from the project root: python -m benchmarks.answering
"""

from __future__ import annotations

import random
import statistics
import tempfile
from pathlib import Path

from benchmarks.measure import (
    cold_ask_ms,
    peak_memory_mb,
    questions_in,
    summary,
    timed_ms,
    timed_ms_each,
)
from benchmarks.synthetic_kb import role_title, write
from bot.flows.answer import Answerer
from knowledge.base.loader import load
from knowledge.understanding.search import Index

ROOT = Path(__file__).resolve().parents[1]
QUESTION_FILES = (
    ROOT.parent / "shared" / "eval" / "questions.yaml",
    ROOT / "tests" / "bot" / "eval_heldout.yaml",
)


def _synthetic_questions(size: int) -> list[str]:
    rng = random.Random(7)
    roles = [role_title(n).lower() for n in range(size // 2)]
    asks = ("{} pay", "how do i become a {}", "what does a {} do", "{} next steps")
    return [rng.choice(asks).format(rng.choice(roles)) for _ in range(200)]


def main() -> None:
    """Print index build time, answer latency (shipped and 10,000 entries) and cold start."""
    knowledge = load()
    build = timed_ms(lambda: Index(knowledge), 10)
    answerer = Answerer(knowledge)
    questions = questions_in(QUESTION_FILES)
    print(f"shipped index build: {summary(build)}")
    latency = timed_ms_each(answerer.answer, questions * 20)
    print(f"shipped, {len(questions)} questions x 20: {summary(latency)}")

    with tempfile.TemporaryDirectory() as scratch:
        big = load(write(Path(scratch) / "kb", 10_000))
    build = timed_ms(lambda: Index(big), 3)
    big_answerer = Answerer(big)
    synthetic = _synthetic_questions(10_000)
    print(f"10,000-entry index build: {summary(build)}")
    print(
        f"10,000 entries, {len(questions) + len(synthetic)} questions x 3: "
        f"{summary(timed_ms_each(big_answerer.answer, (questions + synthetic) * 3))}"
    )

    cold = cold_ask_ms("hello")
    print(
        f'cold start `carepath ask "hello"`: median {statistics.median(cold):.0f} ms, '
        f"worst {max(cold):.0f} ms"
    )
    print(f"peak memory: {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
