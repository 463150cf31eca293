"""`carepath eval --safety FILE`: how the risk check does on labelled concern and ordinary
messages: recall and false alarms, printed apart."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from bot.flows.answer import build_answerer
from knowledge.base.problems import KnowledgeError
from knowledge.understanding.risk_scores import read_cases, report, score


def run_safety_eval(path: Path, *, knowledge_dir: Path | None) -> int:
    """Print how many concerns got help and how many ordinary messages got the full reply."""
    try:
        answerer = build_answerer(knowledge_dir)
        cases = read_cases(path)
    except (KnowledgeError, ValueError, KeyError, OSError, yaml.YAMLError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    print(report(path.name, score(answerer.risk, cases)))
    return 0
