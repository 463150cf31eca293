"""A fake Telegram Bot API: a Starlette app that PTB talks to over HTTP.

It decodes PTB's form fields (nested JSON arrives as strings), records every call, answers
like Telegram, serves queued updates to getUpdates, and can script faults."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import random
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from telegram.request import HTTPXRequest

BOT = {"id": 999, "is_bot": True, "first_name": "CarePath", "username": "carepath_test_bot"}


@dataclass
class Call:
    """One request PTB made."""

    method: str
    params: dict[str, Any]
    result: Any = None


@dataclass
class FakeBotApi:
    """The fake server's state: calls made, updates waiting, faults to inject."""

    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    faults: dict[str, list[tuple[int, dict[str, Any]]]] = field(default_factory=dict)
    lost_answers: dict[str, int] = field(default_factory=dict)
    delay: float = 0.0
    left_members: set[int] = field(default_factory=set)
    answers_lost: int = 0
    chaos: float = 0.0  # share of sends that fail in a random, transient way
    chaos_seed: int = 7
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def app(self) -> Starlette:
        return Starlette(
            routes=[Route("/bot{token}/{method}", self._endpoint, methods=["GET", "POST"])]
        )

    def fail(
        self, method: str, status: int, description: str, times: int = 1, **parameters: Any
    ) -> None:
        """Make the next `times` calls of `method` fail like Telegram would."""
        body = {"ok": False, "error_code": status, "description": description}
        if parameters:
            body["parameters"] = parameters
        self.faults.setdefault(method, []).extend([(status, body)] * times)

    @property
    def _random(self) -> random.Random:
        if not hasattr(self, "_rng"):
            self._rng = random.Random(self.chaos_seed)
        return self._rng

    def _inject_transient_fault(self, method: str) -> None:
        kind = self._random.choice(("flood", "server", "gateway", "lost"))
        if kind == "flood":
            self.fail(method, 429, "Too Many Requests: retry after 1", retry_after=1)
        elif kind == "server":
            self.fail(method, 500, "Internal Server Error")
        elif kind == "gateway":
            self.fail(method, 502, "Bad Gateway")
        else:
            self.lose_answer(method)

    def lose_answer(self, method: str, times: int = 1) -> None:
        """The next `times` calls of `method` take effect but their answer never arrives
        (the connection drops): the caller cannot know the message went out."""
        self.lost_answers[method] = self.lost_answers.get(method, 0) + times

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """The parameters of every call of `method`, in order."""
        return [call.params for call in self.calls if call.method == method]

    async def _endpoint(self, request: Request) -> JSONResponse:
        method = request.path_params["method"]
        params = await _params(request)
        if self.delay and method != "getUpdates":
            await asyncio.sleep(self.delay)
        if self.chaos and method == "sendMessage" and self._random.random() < self.chaos:
            self._inject_transient_fault(method)
        if self.faults.get(method):
            self.calls.append(Call(f"{method}!failed", params))
            status, body = self.faults[method].pop(0)
            return JSONResponse(body, status_code=status)
        result = await self._result(method, params)
        self.calls.append(Call(method, params, result))
        if self.lost_answers.get(method):
            self.lost_answers[method] -= 1
            self.answers_lost += 1
            raise ConnectionResetError("the answer was lost on the way back")
        return JSONResponse({"ok": True, "result": result})

    async def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT
        if method == "getUpdates":
            if not self.updates:
                await asyncio.sleep(0.05)
            taken, self.updates = self.updates, []
            return taken
        if method in ("sendMessage", "sendPhoto", "sendDocument", "editMessageText"):
            chat_id = int(params.get("chat_id", 0))
            return {
                "message_id": next(self._ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
                "text": params.get("text", ""),
            }
        if method == "getChatMember":
            user_id = int(params.get("user_id", 0))
            status = "left" if user_id in self.left_members else "member"
            return {
                "status": status,
                "user": {"id": user_id, "is_bot": False, "first_name": "Someone"},
            }
        return True


async def _params(request: Request) -> dict[str, Any]:
    if request.headers.get("content-type", "").startswith("application/json"):
        return await request.json()
    form = await request.form()
    decoded: dict[str, Any] = {}
    for key, value in form.multi_items():
        if isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        decoded[key] = value if isinstance(value, str | dict | list) else "<file>"
    return decoded


def message_update(
    update_id: int,
    user_id: int,
    text: str,
    chat_type: str = "private",
    chat_id: int | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A Telegram update carrying a message from a person."""
    chat = chat_id if chat_id is not None else user_id
    message = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": {"id": chat, "type": chat_type},
        "from": {"id": user_id, "is_bot": False, "first_name": "Test"},
        **({"text": text} if text is not None else {}),
        **extra,
    }
    if text and text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


def button_update(update_id: int, user_id: int, data: str) -> dict[str, Any]:
    """A Telegram update carrying a tap on an inline button."""
    return {
        "update_id": update_id,
        "callback_query": {
            "id": str(update_id),
            "from": {"id": user_id, "is_bot": False, "first_name": "Test"},
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "chat": {"id": user_id, "type": "private"},
                "text": "earlier",
            },
        },
    }


def request_to(fake: FakeBotApi) -> HTTPXRequest:
    """PTB's own HTTP client, wired to the fake through httpx's ASGI transport."""
    return HTTPXRequest(
        httpx_kwargs={"transport": httpx.ASGITransport(app=fake.app)}, connection_pool_size=64
    )
