"""`carepath web` as a process: serves the chat and metrics, stops cleanly on SIGTERM."""

import asyncio
import os
import signal
import socket
import subprocess
import sys

import httpx

from tests.workers import wait_until_healthy


async def test_carepath_web_serves_and_stops_cleanly_on_sigterm(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "CAREPATH_DATA_DIR": str(tmp_path)}
    env.pop("CAREPATH_DATABASE_URL", None)
    worker = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "web", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    await wait_until_healthy(worker, f"http://127.0.0.1:{port}")
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        page = await client.get("/")
        assert "CarePath" in page.text and client.cookies.get("carepath")
        assert "carepath_updates_total" in (await client.get("/metrics")).text
    assert (tmp_path / "web-secret").stat().st_mode & 0o777 == 0o600
    worker.send_signal(signal.SIGTERM)
    code = await asyncio.to_thread(worker.wait, 10)
    logs = worker.stderr.read().decode()
    assert code == 0, logs[-1500:]
    assert "Task was destroyed" not in logs and "Traceback" not in logs, logs[-1500:]
