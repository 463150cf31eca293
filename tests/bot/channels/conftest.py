"""The real PTB Application wired to the fake Bot API over httpx's ASGI transport."""

import httpx
import pytest
from telegram.request import HTTPXRequest

from bot.channels.telegram import build_application
from tests.fakes.bot_api import FakeBotApi

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklm"


@pytest.fixture
def fake_api() -> FakeBotApi:
    return FakeBotApi()


def make_application(fake_api: FakeBotApi, engine, hub_chats=None):
    def request() -> HTTPXRequest:
        return HTTPXRequest(httpx_kwargs={"transport": httpx.ASGITransport(app=fake_api.app)})

    return build_application(
        token=TOKEN,
        engine=engine,
        hub_chats=hub_chats,
        base_url="http://fake-telegram",
        request=request(),
        updates_request=request(),
        rate_limit=False,
    )


@pytest.fixture
async def application(fake_api, engine):
    app = make_application(fake_api, engine, hub_chats={"nottingham-hub": -100200})
    async with app:
        yield app
