"""Builds the parts and connects them: the one place that joins knowledge, storage and flows."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from bot.engine import Engine
from bot.process.config import Settings
from knowledge.base.entries import Knowledge
from knowledge.base.loader import load
from storage.database import Database
from storage.migrate import pending, upgrade


class DatabaseBehind(Exception):
    """The database lacks migrations; `carepath db upgrade` applies them."""


def load_knowledge(settings: Settings | None = None, directory: Path | None = None) -> Knowledge:
    """The knowledge base from `directory`, else the configured or shipped one."""
    return load(directory or (settings.knowledge_dir if settings else None))


async def open_database(settings: Settings) -> Database:
    """The configured database, ready to use. A SQLite file (the built-in one, or any other at
    CAREPATH_DATABASE_URL) is created and brought up to date on first use, as one process owns
    it; PostgreSQL must already be up to date (see ensure_current)."""
    url = settings.resolved_database_url()
    if settings.uses_builtin_database or make_url(url).get_backend_name() == "sqlite":
        await upgrade(url)
    database = Database(url)
    try:
        await ensure_current(database)
    except DatabaseBehind:
        await database.close()
        raise
    return database


async def ensure_current(database: Database) -> None:
    """Raise DatabaseBehind, with what to do, if the database lacks migrations."""
    missing = await pending(database)
    if missing:
        raise DatabaseBehind(
            f"the database is behind by {len(missing)} migration(s); run `carepath db upgrade` "
            "first, with the same CAREPATH_DATABASE_URL. Workers never change a PostgreSQL "
            "schema on their own, so that several of them starting at once cannot race"
        )


def build_engine(knowledge: Knowledge, database: Database, settings: Settings) -> Engine:
    """The dialogue engine over a knowledge base and a database."""
    return Engine(knowledge, database, retention_days=settings.retention_days)
