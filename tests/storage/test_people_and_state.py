"""People and their conversation state, on SQLite and PostgreSQL."""

import asyncio

from sqlalchemy import func, select

from storage.models import Person
from storage.people import erase_person, find_person, person_for_turn
from storage.state import load_state, set_state


async def test_a_person_is_created_once_and_keeps_their_first_source(database):
    async with database.transaction() as session:
        first = await person_for_turn(
            session, channel="telegram", channel_user_id="42", source="jobfair"
        )
    async with database.transaction() as session:
        again = await person_for_turn(
            session, channel="telegram", channel_user_id="42", source="poster"
        )
        assert again.id == first.id and again.source == "jobfair"
        count = await session.scalar(select(func.count()).select_from(Person))
    assert count == 1


async def test_simultaneous_first_messages_make_one_person(database):
    async def arrive() -> int:
        async with database.transaction() as session:
            person = await person_for_turn(session, channel="telegram", channel_user_id="7")
            return person.id

    ids = await asyncio.gather(*(arrive() for _ in range(5)))
    assert len(set(ids)) == 1


async def test_state_survives_between_transactions(database):
    async with database.transaction() as session:
        person = await person_for_turn(session, channel="terminal", channel_user_id="sam")
        state = await load_state(session, person_id=person.id)
        set_state(state, flow="interest", step="contact", data={"name": "Sam"})
    async with database.transaction() as session:
        state = await load_state(session, person_id=person.id)
        assert (state.flow, state.step, state.data) == ("interest", "contact", {"name": "Sam"})


async def test_erasing_a_person_leaves_nothing(database):
    async with database.transaction() as session:
        person = await person_for_turn(session, channel="terminal", channel_user_id="x")
        await load_state(session, person_id=person.id)
    async with database.transaction() as session:
        await erase_person(session, person_id=person.id)
    async with database.transaction() as session:
        assert await find_person(session, channel="terminal", channel_user_id="x") is None


async def test_a_locked_sqlite_database_is_reported_as_unavailable(tmp_path, sqlite_template):
    import shutil

    import pytest

    from storage.database import Database, DatabaseUnavailable

    path = tmp_path / "locked.db"
    shutil.copyfile(sqlite_template, path)
    holder = Database(f"sqlite+aiosqlite:///{path}")
    waiter = Database(f"sqlite+aiosqlite:///{path}", sqlite_busy_ms=50)
    async with holder.transaction() as session:  # another process holds the write lock
        await person_for_turn(session, channel="terminal", channel_user_id="holder")
        with pytest.raises(DatabaseUnavailable):
            async with waiter.transaction() as other:
                await person_for_turn(other, channel="terminal", channel_user_id="waiter")
    async with waiter.transaction() as other:  # and nothing was half-written
        assert await find_person(other, channel="terminal", channel_user_id="waiter") is None
    await holder.close()
    await waiter.close()
