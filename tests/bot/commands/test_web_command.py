"""`carepath web` as a process: serves the chat and metrics, stops cleanly on SIGTERM."""

import asyncio
import os
import signal
import socket
import subprocess
import sys

import httpx
import pytest

from tests.workers import wait_until_healthy


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize("on", ["sqlite", "postgresql"])
async def test_carepath_web_serves_and_stops_cleanly_on_sigterm(tmp_path, on, request):
    port, metrics_port = free_port(), free_port()
    env = {**os.environ, "CAREPATH_DATA_DIR": str(tmp_path)}
    env.pop("CAREPATH_DATABASE_URL", None)
    if on == "postgresql":
        env["CAREPATH_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    worker = subprocess.Popen(
        [
            *(sys.executable, "-m", "bot.cli", "web"),
            "--port",
            str(port),
            "--metrics-port",
            str(metrics_port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    await wait_until_healthy(worker, f"http://127.0.0.1:{port}")
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        page = await client.get("/")
        assert "CarePath" in page.text and client.cookies.get("carepath")
        token = __import__("re").search(r'name="csrf-token" content="([^"]+)"', page.text)[1]
        sent = await client.post(
            "/send", json={"text": "nurse pay"}, headers={"X-CSRF-Token": token}
        )
        assert sent.status_code == 200
        assert (await client.get("/metrics")).status_code == 404  # not on the public port
        private = (await client.get(f"http://127.0.0.1:{metrics_port}/metrics")).text
        assert "carepath_updates_total" in private
    assert (tmp_path / "web-secret").stat().st_mode & 0o777 == 0o600
    worker.send_signal(signal.SIGTERM)
    code = await asyncio.to_thread(worker.wait, 10)
    logs = worker.stderr.read().decode()
    assert code == 0, logs[-1500:]
    assert "Task was destroyed" not in logs and "Traceback" not in logs, logs[-1500:]
    assert "ERROR" not in logs and "Event loop is closed" not in logs, logs[-1500:]
