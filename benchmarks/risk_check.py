"""Benchmark: the learned risk check. Training time, load time from the built file, what it adds
to each message (p50, p99), the memory it takes, and a cold `carepath ask` with it.

Run from the project root: python -m benchmarks.risk_check
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.measure import cold_ask_ms, peak_memory_mb, questions_in, summary, timed_ms
from knowledge.base.loader import load
from knowledge.understanding.linear import LinearModel
from knowledge.understanding.risk import CALIBRATION_FOLDS, RiskCheck, risk_model, training_set
from knowledge.understanding.risk_scores import SafetyCase, read_cases, report, score

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = ROOT / "tests" / "knowledge" / "safety_heldout.yaml"
MESSAGES = (
    ROOT.parent / "shared" / "eval" / "questions.yaml",
    ROOT / "tests" / "bot" / "eval_heldout.yaml",
)


def main() -> None:
    """Print the risk check's costs."""
    knowledge = load()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["CAREPATH_CACHE_DIR"] = scratch  # train from nothing, as a fresh clone does
        before = peak_memory_mb()
        started = time.perf_counter()
        model = risk_model(knowledge)
        assert model is not None
        texts, _ = training_set(knowledge)
        print(
            f"train from {len(texts):,} messages, with the {CALIBRATION_FOLDS}-fold calibration: "
            f"{time.perf_counter() - started:.1f} s; {len(model.vocabulary.hashes):,} features"
        )
        [built] = Path(scratch).glob("risk-*.npz")
        loading = timed_ms(lambda: LinearModel.load(built), 20)
        print(f"built file {built.stat().st_size / 1e6:.1f} MB; load it: {summary(loading)}")
        check = RiskCheck(knowledge, LinearModel.load(built))
        messages = questions_in(MESSAGES)
        samples = [
            sample for text in messages * 5 for sample in timed_ms(lambda t=text: check.read(t), 1)
        ]
        print(f"added per message ({len(messages)} questions x 5): {summary(samples)}")
        training = [
            SafetyCase(text, group.concern, group.id)
            for group in knowledge.safety_examples.values()
            for text in group.examples
        ]
        print(
            "\n".join(
                report("training examples (in-sample)", score(check, training)).split("\n")[:3]
            )
        )
        print(
            "\n".join(report("held-out split", score(check, read_cases(HELD_OUT))).split("\n")[:3])
        )
        cold = cold_ask_ms("hello")
    print(
        f'cold start `carepath ask "hello"` with the built model: median '
        f"{statistics.median(cold):.0f} ms, worst {max(cold):.0f} ms"
    )
    print(f"peak memory {peak_memory_mb():.0f} MB (before training: {before:.0f} MB)")


if __name__ == "__main__":
    main()
