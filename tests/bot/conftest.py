"""Fixtures for the bot: the shipped knowledge base and an engine over a real database."""

import pytest

from bot.engine import Engine
from bot.flows.answer import Answerer
from knowledge.base.loader import load


@pytest.fixture(scope="session")
def knowledge():
    return load()


@pytest.fixture(scope="session")
def answerer(knowledge) -> Answerer:
    return Answerer(knowledge)


@pytest.fixture
def engine(knowledge, answerer, sqlite_database) -> Engine:
    """An engine on a fresh SQLite database (most conversation tests need no more)."""
    return Engine(knowledge, sqlite_database, answerer=answerer)


@pytest.fixture
def engine_on_each_database(knowledge, answerer, database) -> Engine:
    """An engine on SQLite and, when configured, on PostgreSQL."""
    return Engine(knowledge, database, answerer=answerer)
