"""Fixtures for the bot: one engine over the shipped knowledge base, shared by a module."""

import pytest

from bot.engine import Engine
from knowledge.loader import load


@pytest.fixture(scope="session")
def knowledge():
    return load()


@pytest.fixture(scope="session")
def engine(knowledge) -> Engine:
    return Engine(knowledge)
