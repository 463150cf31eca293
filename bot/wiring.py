"""Builds the engine and its parts: the one place that connects knowledge, storage and flows."""

from __future__ import annotations

from pathlib import Path

from bot.engine import Engine
from knowledge.loader import load


def build_engine(knowledge_dir: Path | None = None) -> Engine:
    """An engine over the knowledge base in `knowledge_dir` (the shipped one by default)."""
    return Engine(load(knowledge_dir))
