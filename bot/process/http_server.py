"""uvicorn set up for the open internet: a request's line, headers and body must arrive within a
deadline (a slow-loris connection is dropped), headers are capped, X-Forwarded-For is left to
the app (which believes only the proxies it was told of), and SIGTERM exits 0."""

from __future__ import annotations

import asyncio
import signal
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

REQUEST_WITHIN = 15.0  # seconds for a request's line, headers and body to arrive
MAX_HEADER_BYTES = 16 * 1024
# An idle kept-alive connection is closed after this. Longer than the idle timeout of the
# clients and load balancers in front (60 s is usual), so they always close first: a server
# that closes first races a client sending its next request, which then fails (ReadError).
IDLE_KEEP_ALIVE = 75


class DeadlineProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, with a deadline on each request: from the connection's
    opening, or from the first byte of a later request on it, until it has fully arrived.
    Between requests, only the keep-alive timeout applies."""

    deadline: asyncio.TimerHandle | None = None
    within: float = REQUEST_WITHIN

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the clock for the first request."""
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        """Start the clock when a later request begins."""
        if self.deadline is None and self.conn.their_state is h11.IDLE:
            self._arm()
        super().data_received(data)

    def handle_events(self) -> None:
        """Stop the clock once the whole request is in."""
        super().handle_events()
        if self.conn.their_state is h11.DONE and self.deadline is not None:
            self.deadline.cancel()
            self.deadline = None

    def connection_lost(self, exc: Exception | None) -> None:
        """No clock for a closed connection."""
        if self.deadline is not None:
            self.deadline.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self.deadline is not None:
            self.deadline.cancel()
        self.deadline = self.loop.call_later(self.within, self._too_slow)

    def _too_slow(self) -> None:
        self.deadline = None
        if not self.transport.is_closing():
            self.transport.close()


class HeaderCap:
    """Refuses a request whose headers together pass MAX_HEADER_BYTES (431), however they
    arrived; h11 itself caps headers that arrive in pieces."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Pass the request on, or refuse it."""
        size = sum(len(name) + len(value) for name, value in scope.get("headers", ()))
        if scope["type"] == "http" and size > MAX_HEADER_BYTES:
            await send({"type": "http.response.start", "status": 431, "headers": []})
            await send({"type": "http.response.body", "body": b"Request headers too large"})
            return
        await self.app(scope, receive, send)


class _Server(uvicorn.Server):
    """After a graceful stop on SIGTERM or SIGINT, exit 0 rather than re-raise the signal."""

    def handle_exit(self, sig: int, frame: Any) -> None:
        """Stop gracefully; a second Ctrl-C stops at once."""
        if self.should_exit and sig == signal.SIGINT:
            self.force_exit = True
        self.should_exit = True


def serve(app: Any, host: str, port: int) -> None:
    """Serve `app` until SIGTERM or SIGINT; requests under way finish first."""
    server(app, host, port).run()


def server(app: Any, host: str, port: int) -> uvicorn.Server:
    """The configured server, not yet running."""
    config = uvicorn.Config(
        HeaderCap(app),
        host=host,
        port=port,
        log_level="warning",
        http=DeadlineProtocol,
        proxy_headers=False,
        timeout_keep_alive=IDLE_KEEP_ALIVE,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
    return _Server(config)
