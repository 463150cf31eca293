"""Migrations: applied from empty; a database that is behind is refused with a clear message."""

import pytest

from bot.process.config import Settings
from bot.process.wiring import DatabaseBehind, ensure_current, open_database
from storage.database import Database
from storage.migrate import pending, upgrade


async def test_a_new_database_is_behind_until_upgraded(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"
    database = Database(url)
    assert await pending(database) == ["0006", "0005", "0004", "0003", "0002", "0001"]
    await upgrade(url)
    assert await pending(database) == []
    await database.close()


async def test_a_new_sqlite_file_at_a_configured_url_is_created_and_migrated(tmp_path):
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'mine.db'}")
    database = await open_database(settings)
    assert (tmp_path / "mine.db").exists()
    assert await pending(database) == []
    await database.close()


async def test_a_database_behind_its_migrations_is_refused_with_what_to_run(tmp_path):
    """What a PostgreSQL worker gets: workers never migrate PostgreSQL on their own."""
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'behind.db'}")
    with pytest.raises(DatabaseBehind, match="run `carepath db upgrade` first") as refused:
        await ensure_current(database)
    assert "Workers never change a PostgreSQL schema on their own" in str(refused.value)
    await database.close()


async def test_the_builtin_database_is_created_and_migrated_on_first_use(tmp_path):
    database = await open_database(Settings(data_dir=tmp_path / "data", database_url=None))
    assert (tmp_path / "data" / "carepath.db").exists()
    assert await pending(database) == []
    await database.close()


async def test_migrations_run_on_each_database(database):
    assert await pending(database) == []


async def test_update_ids_are_64_bit_on_each_database(database):
    from storage.updates import claim_update

    beyond_32_bits = 2**40 + 7
    async with database.transaction() as session:
        assert await claim_update(session, update_id=beyond_32_bits)
    async with database.transaction() as session:
        assert not await claim_update(session, update_id=beyond_32_bits)
