"""Helpers for tests that start CarePath as a real process."""

import asyncio
import subprocess

import httpx


async def wait_until_healthy(worker: subprocess.Popen, base_url: str) -> None:
    """Poll GET /health until it answers 200; fail with the worker's log if it dies first."""
    async with httpx.AsyncClient(base_url=base_url) as client:
        for _ in range(500):
            assert worker.poll() is None, worker.stderr.read().decode()[-1500:]
            try:
                if (await client.get("/health")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.05)
    raise AssertionError(f"{base_url} never became healthy")
