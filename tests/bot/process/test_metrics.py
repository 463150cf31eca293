"""GET /metrics on a worker: what was handled, how it was answered, leads and each hub's outbox,
in the Prometheus format, with no personal data in any label or value."""

import httpx
import pytest

from bot.channels.telegram_webhook import SECRET_HEADER, webhook_app
from bot.process.metrics import metrics_route
from tests.bot.channels.conftest import make_application
from tests.bot.flows.conversation import Person as Talker
from tests.bot.flows.conversation import fill_form
from tests.fakes.bot_api import FakeBotApi, message_update

SECRET = "s3cret-for-tests"


@pytest.fixture
def fake_api() -> FakeBotApi:
    return FakeBotApi()


async def test_metrics_show_traffic_answers_leads_and_the_outbox(fake_api, engine, knowledge):
    person = Talker(engine, ref="telegram:900")
    await fill_form(person)
    await person.taps("Yes, send my details")
    application = make_application(fake_api, engine)
    async with application:
        app = webhook_app(
            application,
            engine.database,
            SECRET,
            extra_routes=[metrics_route(knowledge, engine.database, "scrape-token")],
        )
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://worker"
        ) as client:
            for number, text in enumerate(("nurse pay", "qwzx blorp", "mental health")):
                update = message_update(number + 1, 5, text)
                await client.post("/telegram", json=update, headers={SECRET_HEADER: SECRET})
            assert (await client.get("/metrics")).status_code == 404  # not for everyone
            wrong = {"Authorization": "Bearer nope"}
            assert (await client.get("/metrics", headers=wrong)).status_code == 404
            token = {"Authorization": "Bearer scrape-token"}
            scraped = (await client.get("/metrics", headers=token)).text
    for line in (
        'carepath_updates_total{kind="text"}',
        'carepath_answers_total{outcome="answered"}',
        'carepath_answers_total{outcome="fallback"}',
        'carepath_answers_total{outcome="did-you-mean"}',
        'carepath_leads_created_total{hub="nottingham-hub"}',
        'carepath_outbox_waiting{hub="nottingham-hub"} 1.0',
        'carepath_outbox_oldest_waiting_seconds{hub="nottingham-hub"}',
        'carepath_leads_unclaimed_past_promise{hub="nottingham-hub"} 0.0',
    ):
        assert line in scraped, line
    for personal in ("Sam Jones", "07911", "+44", "NG7", "qwzx", "nurse pay"):
        assert personal not in scraped
