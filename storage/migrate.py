"""Alembic, run from code: bring a database up to date, or tell whether it is behind."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from storage.database import UNREACHABLE_ERRORS, Database, unavailable

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    """An Alembic configuration for the database at `url`, with no ini file needed."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


async def upgrade(url: str) -> None:
    """Apply every migration the database lacks; DatabaseUnavailable if it cannot be reached."""
    try:
        await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
    except UNREACHABLE_ERRORS as error:
        raise unavailable(error, url) from error


async def pending(database: Database) -> list[str]:
    """Revisions not yet applied to the database (empty when it is up to date)."""
    script = ScriptDirectory.from_config(alembic_config(database.url))

    def current(connection: Connection) -> set[str]:
        return set(MigrationContext.configure(connection).get_current_heads())

    try:
        async with database.engine.connect() as connection:
            applied = await connection.run_sync(current)
    except UNREACHABLE_ERRORS as error:
        raise unavailable(error, database.url) from error
    wanted = set(script.get_heads())
    if wanted <= applied:
        return []
    return [rev.revision for rev in script.iterate_revisions(list(wanted), list(applied) or None)]


async def rebuild(url: str) -> None:
    """Drop every CarePath table and migrate from empty (tests and benchmarks only)."""
    from sqlalchemy import text
    from sqlmodel import SQLModel

    import storage.models  # noqa: F401  (registers the tables)

    database = Database(url)
    async with database.engine.begin() as connection:
        await connection.run_sync(SQLModel.metadata.drop_all)
        await connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    await database.close()
    await upgrade(url)
