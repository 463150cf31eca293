"""The real PTB Application wired to the fake Bot API over httpx's ASGI transport."""

import pytest

from bot.channels.telegram import build_application
from tests.fakes.bot_api import FakeBotApi, request_to

TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghijklm"


@pytest.fixture
def fake_api() -> FakeBotApi:
    return FakeBotApi()


def make_application(fake_api: FakeBotApi, engine, hub_chats=None):
    return build_application(
        token=TOKEN,
        engine=engine,
        hub_chats=hub_chats,
        base_url="http://fake-telegram",
        request=request_to(fake_api),
        updates_request=request_to(fake_api),
        rate_limit=False,
    )


@pytest.fixture
async def application(fake_api, engine):
    app = make_application(fake_api, engine, hub_chats={"nottingham-hub": -100200})
    async with app:
        yield app
