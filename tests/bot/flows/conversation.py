"""A person talking to the engine, for flow tests: send text or tap buttons by label."""

from __future__ import annotations

from bot.engine import Engine
from bot.incoming import Incoming
from bot.replies import Reply


class Person:
    """Sends messages as one person and keeps the last replies to tap their buttons."""

    def __init__(self, engine: Engine, ref: str = "test:1") -> None:
        self.engine = engine
        self.ref = ref
        self.replies: list[Reply] = []

    async def says(self, text: str) -> str:
        self.replies = await self.engine.handle(Incoming(self.ref, text=text))
        return self.text

    async def taps(self, label: str) -> str:
        payload = self.payload(label)
        self.replies = await self.engine.handle(Incoming(self.ref, button=payload))
        return self.text

    async def shares_contact(self, phone: str) -> str:
        self.replies = await self.engine.handle(Incoming(self.ref, shared_phone=phone))
        return self.text

    def payload(self, label: str) -> str:
        for reply in self.replies:
            for button in reply.buttons:
                if button.label == label:
                    return button.payload
        raise AssertionError(f"no button {label!r} in {self.labels}")

    @property
    def labels(self) -> list[str]:
        return [button.label for reply in self.replies for button in reply.buttons]

    @property
    def text(self) -> str:
        return "\n\n".join(reply.text for reply in self.replies)


async def fill_form(person: Person, *, start: str = "/interest") -> str:
    """Go from `start` to the consent screen with valid answers; return the last text."""
    text = await person.says(start)
    if "What are you interested in?" in text:
        await person.says("care worker")
    await person.says("Sam Jones")
    await person.says("07911 123456")
    await person.says("NG7 2RD")
    await person.taps("Part-time")
    await person.taps("Yes")
    await person.taps("Yes, that's right")
    return person.text
