"""Webhook workers: secret checked, each update handled once across workers, 503 when down."""

import asyncio
from datetime import timedelta

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update as sa_update

from bot.channels.telegram_webhook import SECRET_HEADER, webhook_app
from bot.engine import Engine
from storage.database import Database
from storage.models import InboundUpdate, utcnow
from storage.updates import claim_update
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


async def test_an_update_held_by_a_worker_that_died_is_handled_on_redelivery(
    fake_api, engine_on_each_database
):
    engine = engine_on_each_database
    async with engine.database.transaction() as session:  # a worker takes it, then is killed
        assert await claim_update(session, update_id=91)
    application = make_application(fake_api, engine)
    async with application:
        app = webhook_app(application, engine.database, SECRET)
        update = message_update(91, 5, "hello")
        assert await post(app, update) == 503  # still held: Telegram must deliver it again
        assert not fake_api.sent()
        async with engine.database.transaction() as session:  # the dead worker's claim runs out
            await session.execute(
                sa_update(InboundUpdate).values(claimed_until=utcnow() - timedelta(seconds=1))
            )
        assert await post(app, update) == 200
        assert await post(app, update) == 200  # done: acknowledged, not handled again
    assert len(fake_api.sent()) == 1


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


async def post_raw(app, content, headers=None) -> int:
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://worker"
    ) as client:
        response = await client.post(
            "/telegram", content=content, headers={SECRET_HEADER: SECRET, **(headers or {})}
        )
        return response.status_code


BAD_UPDATES = [
    b'{"update_id": 99999999999999999999999}',  # beyond 64 bits
    b'{"update_id": -1}',
    b'{"update_id": 1.5}',
    b'{"update_id": Infinity}',
    b'{"update_id": NaN}',
    b'{"update_id": true}',
    b'{"update_id": "12"}',
    b'{"update_id": 12, "message": "not a message"}',
    b'{"update_id": 13, "message": {"message_id": "x", "chat": 5, "date": "today"}}',
    b'{"update_id": 14, "callback_query": [1, 2, 3]}',
    b"[" * 100_000 + b"]" * 100_000,  # nested too deep to parse
    b'{"update_id": 15, "message": ' + b'{"a": ' * 5000 + b"1" + b"}" * 5000 + b"}",
    b"not json at all",
    b"[]",
    b"",
    # wrongly typed fields a handler would read: refused here, never an error inside
    b'{"update_id": 16, "message": {"message_id": 1, "date": 0, '
    b'"chat": {"id": 5, "type": "private"}, "text": 5}}',
    b'{"update_id": 17, "message": {"message_id": 1, "date": 0, "text": "hi"}}',
    b'{"update_id": 18, "callback_query": {"id": "1", "from": {"id": "5"}, "data": "menu"}}',
    b'{"update_id": 19, "message": {"message_id": "1", "date": 0, '
    b'"chat": {"id": 5, "type": "private"}, "text": "hi"}}',
]


async def test_anything_that_is_not_a_telegram_update_is_400_never_500(fake_api, engine):
    application = make_application(fake_api, engine)
    async with application:
        app = webhook_app(application, engine.database, SECRET)
        for body in BAD_UPDATES:
            assert await post_raw(app, body) == 400, body[:60]
        # a large update_id that still fits 64 bits is a real update, handled once
        assert await post(app, message_update(2**40, 5, "hello")) == 200
    assert len(fake_api.sent()) == 1


async def test_a_huge_body_is_413_before_it_is_read_whole(fake_api, engine):
    application = make_application(fake_api, engine)
    pulled = 0

    async def ten_megabytes():
        nonlocal pulled
        for _ in range(160):
            pulled += 1
            yield b"x" * 65536

    async with application:
        app = webhook_app(application, engine.database, SECRET)
        assert await post_raw(app, b"{}", headers={"content-length": str(50 * 2**20)}) == 413
        assert await post_raw(app, ten_megabytes()) == 413
    assert pulled <= 20  # it stopped soon after 1 MB, not at 10 MB


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=30,
)
UPDATE_LIKE = st.fixed_dictionaries(
    {"update_id": st.integers(min_value=-(2**70), max_value=2**70)},
    optional={
        "message": JSON,
        "callback_query": JSON,
        "edited_message": JSON,
        "my_chat_member": JSON,
    },
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.one_of(JSON, UPDATE_LIKE))
async def test_any_json_gets_200_or_400_never_an_error(fake_api, engine, body):
    application = make_application(fake_api, engine)
    async with application:
        status = await post(webhook_app(application, engine.database, SECRET), body)
    assert status in (200, 400)
