"""The relay against the fake Bot API with scripted faults: no lead is ever lost."""

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from telegram import Bot

from bot.channels.telegram_relay import TelegramHubChannel
from bot.hubs.relay import Relay
from storage.leads import create_lead
from storage.models import Lead, OutboxMessage, utcnow
from storage.people import person_for_turn
from tests.fakes.bot_api import FakeBotApi, request_to

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklm"
CHATS = {"nottingham-hub": -1001, "national-desk": -1009}
ADMINS = -1099


def bot_for(fake: FakeBotApi) -> Bot:
    return Bot(TOKEN, base_url="http://fake/bot", request=request_to(fake))


@pytest.fixture
def fake_api() -> FakeBotApi:
    return FakeBotApi()


async def make_relay(
    knowledge, database, fake, worker="w1", lease=timedelta(seconds=60), per_chat_minute=None
):
    bot = bot_for(fake)
    await bot.initialize()
    return Relay(
        per_chat_minute=per_chat_minute,
        knowledge=knowledge,
        database=database,
        channel=TelegramHubChannel(bot),
        hub_chats=CHATS,
        admin_chat=ADMINS,
        worker=worker,
        lease=lease,
    )


async def add_leads(database, count: int, hub_id: str = "nottingham-hub") -> list[Lead]:
    leads = []
    async with database.transaction() as session:
        for number in range(count):
            person = await person_for_turn(
                session, channel="terminal", channel_user_id=f"p{number}"
            )
            leads.append(
                await create_lead(
                    session,
                    person_id=person.id,
                    name=f"Person {number}",
                    phone="+447911123456",
                    postcode="NG7 2RD",
                    interests=["role:care-worker"],
                    hub_id=hub_id,
                    hub_reason="test",
                    consent_version="v1",
                    consent_at=utcnow(),
                )
            )
    return leads


async def drain(relay, rounds: int = 50) -> None:
    for _ in range(rounds):
        if not await relay.run_once():
            return


async def statuses(database) -> list[str]:
    async with database.transaction() as session:
        return list(
            (
                await session.execute(select(OutboxMessage.status).order_by(OutboxMessage.id))
            ).scalars()
        )


async def test_a_lead_card_reaches_its_hub_chat_with_claim(knowledge, database, fake_api):
    [lead] = await add_leads(database, 1)
    relay = await make_relay(knowledge, database, fake_api)
    await drain(relay)
    [card] = fake_api.sent()
    assert int(card["chat_id"]) == CHATS["nottingham-hub"]
    assert card["text"].startswith(f"New lead {lead.ref}")
    assert "Person 0" in card["text"] and "Care worker" in card["text"]
    assert card["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == f"claim:{lead.id}"
    assert await statuses(database) == ["sent"]
    async with database.transaction() as session:
        stored = await session.get(Lead, lead.id)
        assert stored.card_chat_id == CHATS["nottingham-hub"] and stored.card_message_id


async def test_a_hub_without_a_chat_goes_to_the_national_desk(knowledge, database, fake_api):
    await add_leads(database, 1, hub_id="tower-hamlets-hub")
    await drain(await make_relay(knowledge, database, fake_api))
    assert int(fake_api.sent()[0]["chat_id"]) == CHATS["national-desk"]


async def test_flood_control_waits_as_told(knowledge, sqlite_database, fake_api):
    database = sqlite_database
    await add_leads(database, 1)
    fake_api.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    relay = await make_relay(knowledge, database, fake_api)
    await relay.run_once()
    assert await statuses(database) == ["pending"] and not fake_api.sent()
    assert await relay.run_once() == []  # not yet
    await asyncio.sleep(1.1)
    await drain(relay)
    assert len(fake_api.sent()) == 1 and await statuses(database) == ["sent"]


async def test_server_errors_and_lost_answers_are_retried(knowledge, sqlite_database, fake_api):
    database = sqlite_database
    [lead] = await add_leads(database, 1)
    fake_api.fail("sendMessage", 500, "Internal Server Error", times=2)
    fake_api.lose_answer("sendMessage")  # went out, but we never heard
    relay = await make_relay(knowledge, database, fake_api)
    for _ in range(6):
        async with database.transaction() as session:  # skip the back-off waits
            await session.execute(update(OutboxMessage).values(available_at=utcnow()))
        await relay.run_once()
    cards = [params["text"] for params in fake_api.sent()]
    assert cards == [cards[0], cards[0]] and lead.ref in cards[0]  # one duplicate, same ref
    assert await statuses(database) == ["sent"]


async def test_a_migrated_group_gets_its_new_id(knowledge, database, fake_api):
    await add_leads(database, 2)
    fake_api.fail(
        "sendMessage",
        400,
        "Bad Request: group chat was upgraded to a supergroup chat",
        migrate_to_chat_id=-100777,
    )
    relay = await make_relay(knowledge, database, fake_api)
    await drain(relay)
    assert [int(params["chat_id"]) for params in fake_api.sent()] == [-100777, -100777]


async def test_forbidden_parks_the_card_and_alerts_the_admins(knowledge, database, fake_api):
    await add_leads(database, 1)
    fake_api.fail("sendMessage", 403, "Forbidden: bot was kicked from the group chat")
    await drain(await make_relay(knowledge, database, fake_api))
    assert await statuses(database) == ["parked"]
    [alert] = [p["text"] for p in fake_api.sent() if int(p["chat_id"]) == ADMINS]
    assert "parked" in alert and "Person" not in alert  # no personal data in alerts


async def test_a_refused_message_goes_to_dead_letters_with_an_alert(knowledge, database, fake_api):
    await add_leads(database, 1)
    fake_api.fail("sendMessage", 400, "Bad Request: can't parse entities")
    await drain(await make_relay(knowledge, database, fake_api))
    assert await statuses(database) == ["dead"]
    [alert] = [p["text"] for p in fake_api.sent() if int(p["chat_id"]) == ADMINS]
    assert "refused" in alert


async def test_two_relays_at_once_deliver_each_card_once(knowledge, database, fake_api):
    await add_leads(database, 30)
    first = await make_relay(knowledge, database, fake_api, worker="a")
    second = await make_relay(knowledge, database, fake_api, worker="b")
    await asyncio.gather(drain(first), drain(second))
    refs = [params["text"].split()[2] for params in fake_api.sent()]
    assert len(refs) == 30 and len(set(refs)) == 30


async def test_a_dead_workers_claim_runs_out_and_is_retried(knowledge, sqlite_database, fake_api):
    database = sqlite_database
    await add_leads(database, 1)
    async with database.transaction() as session:  # a worker claimed it, then died
        await session.execute(
            update(OutboxMessage).values(
                status="claimed", claimed_by="dead", lease_until=utcnow() - timedelta(seconds=1)
            )
        )
    await drain(await make_relay(knowledge, database, fake_api))
    assert len(fake_api.sent()) == 1 and await statuses(database) == ["sent"]


async def test_a_forgotten_lead_is_not_sent(knowledge, database, fake_api):
    await add_leads(database, 1)
    async with database.transaction() as session:
        await session.execute(update(OutboxMessage).values(lead_id="gone"))
    await drain(await make_relay(knowledge, database, fake_api))
    assert not fake_api.sent() and await statuses(database) == ["cancelled"]


async def test_parked_messages_can_be_queued_again_once_the_chat_is_fixed(
    knowledge, database, fake_api
):
    from storage.outbox import requeue

    await add_leads(database, 1)
    fake_api.fail("sendMessage", 403, "Forbidden: bot was kicked from the group chat")
    relay = await make_relay(knowledge, database, fake_api)
    await drain(relay)
    assert await statuses(database) == ["parked"]
    async with database.transaction() as session:
        assert await requeue(session, status="parked") == 1
    await drain(relay)
    assert await statuses(database) == ["sent"]


async def test_each_hub_chat_gets_at_most_20_messages_a_minute_across_relays(
    knowledge, database, fake_api
):
    await add_leads(database, 25)
    await add_leads(database, 2, hub_id="north-west-hub")
    first = await make_relay(knowledge, database, fake_api, worker="a", per_chat_minute=20)
    second = await make_relay(knowledge, database, fake_api, worker="b", per_chat_minute=20)
    await asyncio.gather(drain(first), drain(second))
    chats = [int(params["chat_id"]) for params in fake_api.sent()]
    assert chats.count(CHATS["nottingham-hub"]) == 20  # the other 5 wait for the next minute
    assert chats.count(CHATS["national-desk"]) == 2  # north-west has no chat in this test
    assert (await statuses(database)).count("pending") == 5


async def test_while_the_database_is_down_the_relay_logs_once_and_backs_off(
    knowledge, fake_api, tmp_path, caplog, monkeypatch
):
    from storage.database import Database

    closed = Database(f"sqlite+aiosqlite:///{tmp_path}/missing-dir/none/x.db")
    relay = await make_relay(knowledge, closed, fake_api)
    waits: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) >= 6:
            raise asyncio.CancelledError
        await real_sleep(0)

    monkeypatch.setattr("bot.hubs.relay.asyncio.sleep", sleep)
    with caplog.at_level("WARNING"), pytest.raises(asyncio.CancelledError):
        await relay.run_forever(idle=1.0)
    unavailable = [r for r in caplog.records if "database unavailable" in r.getMessage()]
    assert len(unavailable) == 1
    assert waits == sorted(waits) and waits[-1] > waits[0] * 4  # backing off, not every second
