"""Migrations: applied from empty; a database that is behind is refused with a clear message."""

import pytest

from bot.process.config import Settings
from bot.process.wiring import DatabaseBehind, open_database
from storage.database import Database
from storage.migrate import pending, upgrade


async def test_a_new_database_is_behind_until_upgraded(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'new.db'}"
    database = Database(url)
    assert await pending(database) == ["0005", "0004", "0003", "0002", "0001"]
    await upgrade(url)
    assert await pending(database) == []
    await database.close()


async def test_a_configured_database_that_is_behind_is_refused(tmp_path):
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'behind.db'}")
    with pytest.raises(DatabaseBehind, match="run `carepath db upgrade` first"):
        await open_database(settings)


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
