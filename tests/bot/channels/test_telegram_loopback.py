"""The same bot over a real loopback socket: PTB's own HTTP client, a fake Bot API on uvicorn."""

import asyncio
import socket

import uvicorn
from telegram import Update

from bot.channels.telegram import build_application
from tests.bot.channels.conftest import TOKEN
from tests.fakes.bot_api import message_update


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_answers_travel_over_a_real_socket(fake_api, engine):
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            fake_api.app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        application = build_application(
            token=TOKEN, engine=engine, base_url=f"http://127.0.0.1:{port}", rate_limit=True
        )
        async with application:
            update = message_update(1, 31, "what is ST0006")
            await application.process_update(Update.de_json(update, application.bot))
    finally:
        server.should_exit = True
        await serving
    assert "Lead Adult Care Worker" in fake_api.sent()[-1]["text"]
    assert next(call.method for call in fake_api.calls) == "getMe"
