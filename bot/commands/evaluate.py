"""`carepath eval FILE`: score the answers against questions and what a right answer contains."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.flows.answer import Answerer, build_answerer
from knowledge.base.problems import KnowledgeError

_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Case:
    """One question and what its answer must (or must not) contain."""

    question: str
    expect: tuple[str, ...] = ()
    fallback: bool = False


@dataclass(frozen=True)
class Outcome:
    """How the bot did on one case."""

    case: Case
    passed: bool
    reply: str
    why: str = ""


def read_cases(path: Path) -> list[Case]:
    """The cases in an evaluation file (see shared/eval/README.md for the format)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if not isinstance(raw, list):
        raise ValueError(f"{path}: expected a list of cases, each with q and expect or fallback")
    cases = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("q"), str):
            raise ValueError(f"{path}: case {number} needs a 'q' with the question text")
        expect = item.get("expect") or []
        cases.append(Case(item["q"], tuple(str(e) for e in expect), bool(item.get("fallback"))))
    return cases


def plain(text: str) -> str:
    """Reply text with markup removed, whitespace folded and case ignored."""
    return " ".join(_TAG.sub(" ", text).split()).casefold()


def score(answerer: Answerer, case: Case) -> Outcome:
    """Ask the question and judge the answer."""
    answered = answerer.answer(case.question)
    reply = "\n\n".join(r.text for r in answered.replies)
    text = plain(reply)
    confident = answered.match is not None and answered.match.kind != "safety-offer"
    if case.fallback and confident:
        return Outcome(case, False, reply, f"answered confidently ({answered.match.id})")
    missing = [
        phrase
        for phrase in case.expect
        if not any(plain(option) in text for option in phrase.split("|"))
    ]
    if missing:
        return Outcome(case, False, reply, "missing " + ", ".join(repr(m) for m in missing))
    return Outcome(case, True, reply)


def run_eval(path: Path, *, minimum: float | None, knowledge_dir: Path | None) -> int:
    """Score every case, print the failures and `accuracy: N/M (P%)`."""
    try:
        answerer = build_answerer(knowledge_dir)
        cases = read_cases(path)
    except (KnowledgeError, ValueError, OSError, yaml.YAMLError) as error:
        print(error, file=sys.stderr)
        return 1
    outcomes = [score(answerer, case) for case in cases]
    for outcome in outcomes:
        if not outcome.passed:
            print(f"FAIL {outcome.case.question!r}: {outcome.why}")
            print("     " + outcome.reply.replace("\n", "\n     "))
    passed = sum(outcome.passed for outcome in outcomes)
    percent = 100 * passed / len(outcomes) if outcomes else 0.0
    print(f"accuracy: {passed}/{len(outcomes)} ({percent:.1f}%)")
    return 1 if minimum is not None and percent < minimum else 0
