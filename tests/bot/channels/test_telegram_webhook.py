"""Webhook workers: secret checked, each update handled once across workers, 503 when down."""

import asyncio

import httpx

from bot.channels.telegram_webhook import SECRET_HEADER, webhook_app
from bot.engine import Engine
from storage.database import Database
from tests.bot.channels.conftest import make_application
from tests.fakes.bot_api import message_update

SECRET = "s3cret-for-tests"


async def post(app, update, secret=SECRET) -> int:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://worker"
    ) as client:
        response = await client.post("/telegram", json=update, headers={SECRET_HEADER: secret})
        return response.status_code


async def test_a_wrong_secret_is_refused(fake_api, engine):
    application = make_application(fake_api, engine)
    async with application:
        app = webhook_app(application, engine.database, SECRET)
        assert await post(app, message_update(1, 5, "hello"), secret="guess") == 403
        assert await post(app, {"no": "update id"}) == 400
    assert not fake_api.sent()


async def test_the_same_update_twice_gets_one_reply(fake_api, engine_on_each_database):
    engine = engine_on_each_database
    application = make_application(fake_api, engine)
    async with application:
        app = webhook_app(application, engine.database, SECRET)
        update = message_update(77, 5, "hello")
        assert await post(app, update) == 200
        assert await post(app, update) == 200
    assert len(fake_api.sent()) == 1


async def test_two_workers_on_one_database_handle_each_update_once(
    fake_api, knowledge, answerer, database
):
    workers = []
    for _ in range(2):
        engine = Engine(knowledge, database, answerer=answerer)
        application = make_application(fake_api, engine)
        await application.initialize()
        workers.append((application, webhook_app(application, database, SECRET)))
    updates = [message_update(100 + n, 1000 + n, "nursing associate pay") for n in range(10)]
    # Telegram retries: every update reaches both workers, at the same time
    await asyncio.gather(*(post(app, update) for update in updates for _, app in workers))
    for application, _ in workers:
        await application.shutdown()
    replied_to = sorted(int(params["chat_id"]) for params in fake_api.sent())
    assert replied_to == [1000 + n for n in range(10)]


async def test_database_down_answers_503_and_loses_nothing(fake_api, engine, knowledge):
    down = Database("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    application = make_application(fake_api, engine)
    async with application:
        update = message_update(5, 6, "hello")
        assert await post(webhook_app(application, down, SECRET), update) == 503
        assert not fake_api.sent()
        # Telegram delivers it again once the database is back
        assert await post(webhook_app(application, engine.database, SECRET), update) == 200
    assert len(fake_api.sent()) == 1
    await down.close()


async def test_health(engine):
    application = make_application(
        __import__("tests.fakes.bot_api", fromlist=["x"]).FakeBotApi(), engine
    )
    app = webhook_app(application, engine.database, SECRET)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://worker"
    ) as client:
        assert (await client.get("/health")).json() == {"status": "ok"}
    down = Database("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    app = webhook_app(application, down, SECRET)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://worker"
    ) as client:
        assert (await client.get("/health")).status_code == 503
    await down.close()
