"""The HTTP server faces the open internet: a request that arrives too slowly is dropped, its
headers are capped, and an idle kept-alive connection is left to the client to close."""

import socket
import threading
import time

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from bot.process import http_server


async def hello(request):
    return PlainTextResponse("hello")


@pytest.fixture
def running(monkeypatch):
    monkeypatch.setattr(http_server.DeadlineProtocol, "within", 0.5)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = http_server.server(Starlette(routes=[Route("/", hello)]), "127.0.0.1", port)
    server.install_signal_handlers = lambda: None
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield port
    server.should_exit = True
    thread.join(timeout=5)


def answer(sock: socket.socket) -> bytes:
    sock.settimeout(3)
    got = b""
    while not got.endswith(b"hello"):
        chunk = sock.recv(1024)
        if not chunk:
            break
        got += chunk
    return got


def closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False


def test_a_request_sent_slowly_is_dropped(running):
    with socket.create_connection(("127.0.0.1", running)) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the rest
        assert closed_within(slow, 3)
    with socket.create_connection(("127.0.0.1", running)) as silent:
        assert closed_within(silent, 3)  # connected, then nothing at all


def test_huge_headers_are_refused(running):
    with socket.create_connection(("127.0.0.1", running)) as big:
        big.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40_000 + b"\r\n\r\n")
        big.settimeout(3)
        got = big.recv(1024)
    assert got == b"" or got.startswith((b"HTTP/1.1 431", b"HTTP/1.1 400")), got[:80]


def test_an_idle_kept_alive_connection_outlives_the_request_deadline(running):
    with socket.create_connection(("127.0.0.1", running)) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert answer(client).endswith(b"hello")
        time.sleep(1.2)  # idle for over twice the request deadline
        client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert answer(client).endswith(b"hello")
