"""`carepath ask`: answer one question, or one per line from stdin, as text or JSON."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from bot.flows.answer import build_answerer
from bot.flows.answered import Answered
from knowledge.base.problems import KnowledgeError


def as_record(question: str, answered: Answered) -> dict:
    """The `ask --json` object for one question."""
    return {
        "question": question,
        "text": "\n\n".join(reply.text for reply in answered.replies),
        "buttons": [button.label for reply in answered.replies for button in reply.buttons],
        "match": asdict(answered.match) if answered.match else None,
        "offer": answered.offer,  # the concern whose gentle offer of help came with the answer
    }


def run_ask(question: str | None, *, as_json: bool, knowledge_dir: Path | None) -> int:
    """Print the answer to QUESTION, or to each line of stdin in order."""
    try:
        answerer = build_answerer(knowledge_dir)
    except KnowledgeError as error:
        print(f"The knowledge base has problems:\n{error}", file=sys.stderr)
        return 1
    questions = [question] if question is not None else (line.rstrip("\n") for line in sys.stdin)
    for text in questions:
        record = as_record(text, answerer.answer(text))
        if as_json:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            buttons = "".join(f"\n  [{label}]" for label in record["buttons"])
            print(f"{record['text']}{buttons}\n", flush=True)
    return 0
