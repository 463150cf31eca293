"""`carepath chat`: the terminal chat."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.channels.terminal import chat
from bot.wiring import build_engine
from knowledge.problems import KnowledgeError


def run_chat(knowledge_dir: Path | None) -> int:
    """Open the terminal chat on the knowledge base and the default database."""
    try:
        engine = build_engine(knowledge_dir)
    except KnowledgeError as error:
        print(f"The knowledge base has problems:\n{error}", file=sys.stderr)
        return 1
    try:
        return asyncio.run(chat(engine))
    except KeyboardInterrupt:
        print("\nGoodbye!")
        return 0
