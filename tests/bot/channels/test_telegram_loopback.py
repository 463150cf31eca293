"""The same bot over a real loopback socket: PTB's own HTTP client, a fake Bot API on uvicorn."""

import asyncio
import socket

import uvicorn
from telegram import Update

from bot.channels.telegram import build_application
from tests.bot.channels.conftest import TOKEN
from tests.bot.hubs.test_relay_process import exit_code
from tests.fakes.bot_api import message_update
from tests.workers import wait_until_healthy


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def serve(fake_api):
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            fake_api.app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    return server, task, port


async def test_answers_travel_over_a_real_socket(fake_api, engine):
    server, serving, port = await serve(fake_api)
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


def worker_env(data_dir, api_port: int) -> dict[str, str]:
    """The environment of a bot process: its own data folder, the fake Bot API on api_port."""
    import os

    env = {
        **os.environ,
        "CAREPATH_TELEGRAM_TOKEN": TOKEN,
        "CAREPATH_DATA_DIR": str(data_dir),
        "CAREPATH_TELEGRAM_BASE_URL": f"http://127.0.0.1:{api_port}",
        "CAREPATH_WEBHOOK_SECRET": "shared-secret",
    }
    env.pop("CAREPATH_DATABASE_URL", None)
    return env


async def test_carepath_run_is_a_working_bot_and_webhook_set_registers(fake_api, tmp_path):
    import signal
    import subprocess
    import sys

    server, task, port = await serve(fake_api)
    env = worker_env(tmp_path, port)
    try:
        fake_api.updates.append(message_update(1, 77, "/start"))
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(500):
            if fake_api.sent():
                break
            assert bot.poll() is None, bot.stderr.read().decode()[-1500:]
            await asyncio.sleep(0.02)
        bot.send_signal(signal.SIGTERM)
        assert await exit_code(bot) == 0  # stopped cleanly within 10 s
        logs = bot.stderr.read().decode()
        assert "Task was destroyed" not in logs and "Traceback" not in logs, logs[-1500:]
        registered = await asyncio.to_thread(
            subprocess.run,
            [sys.executable, "-m", "bot.cli", "webhook", "set", "--url", "https://bot.example.org"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        server.should_exit = True
        await task
    assert fake_api.sent()[0]["text"].startswith("Hello! I'm CarePath")
    assert fake_api.sent("setMyCommands")
    assert TOKEN not in logs and TOKEN.split(":")[1] not in logs  # never logged
    assert registered.returncode == 0, registered.stderr
    [hook] = fake_api.sent("setWebhook")
    assert hook["url"] == "https://bot.example.org/telegram"
    assert hook["secret_token"] == "shared-secret"


async def test_a_webhook_worker_stops_cleanly_on_sigterm(fake_api, tmp_path):
    import signal
    import socket
    import subprocess
    import sys

    server, task, port = await serve(fake_api)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        worker_port = probe.getsockname()[1]
    env = worker_env(tmp_path, port)
    try:
        worker = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run", "--webhook", "--port", str(worker_port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        await wait_until_healthy(worker, f"http://127.0.0.1:{worker_port}")
        worker.send_signal(signal.SIGTERM)
        assert await exit_code(worker) == 0
        logs = worker.stderr.read().decode()
    finally:
        server.should_exit = True
        await task
    assert "Task was destroyed" not in logs and "Traceback" not in logs, logs[-1500:]
    assert "ERROR" not in logs, logs[-1500:]
