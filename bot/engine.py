"""The dialogue engine: one incoming message in, the replies out. Channel-neutral."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.answers import KIND_PREFIX
from bot.flows import menu
from bot.flows.answer import Answered, Answerer
from bot.replies import Reply
from knowledge.base import Knowledge

log = logging.getLogger(__name__)
_KIND_BY_PREFIX = {prefix: kind for kind, prefix in KIND_PREFIX.items()}


@dataclass(frozen=True)
class Incoming:
    """A message from a person: text they typed, or the payload of a button they tapped."""

    person_ref: str
    text: str | None = None
    button: str | None = None
    source: str = "terminal"


class Engine:
    """Turns each incoming message into replies, whatever channel it came from."""

    def __init__(self, knowledge: Knowledge, answerer: Answerer | None = None) -> None:
        self.knowledge = knowledge
        self.answerer = answerer or Answerer(knowledge)

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """The replies to one message; never raises for anything a person can send."""
        try:
            if incoming.button is not None:
                return self._button(incoming.button)
            text = (incoming.text or "").strip()
            if text.startswith("/"):
                return self._command(text)
            return self.answer(text).replies
        except Exception:
            log.exception("could not handle a message; sent an apology")
            return [
                Reply(
                    "Sorry, something went wrong on my side. Please try again.",
                    menu.main_menu_buttons(),
                )
            ]

    def answer(self, text: str) -> Answered:
        """Answer free text (also used by `ask` and `eval`)."""
        return self.answerer.answer(text)

    def _command(self, text: str) -> list[Reply]:
        command, _, argument = text.partition(" ")
        command = command.split("@")[0].casefold()
        if command == "/start":
            opened = self._button(argument.strip()) if argument.strip() else []
            return [menu.welcome_reply(), *opened]
        if command == "/help":
            return [menu.help_reply()]
        if command == "/roles":
            return [menu.roles_menu(self.knowledge, argument.strip() or None)]
        if command == "/apprenticeships":
            return [menu.apprenticeships_menu(self.knowledge)]
        if command == "/hubs":
            return [menu.hubs_menu(self.knowledge)]
        return [Reply(f"I don't know the command {command}.", ()), menu.help_reply()]

    def _button(self, data: str) -> list[Reply]:
        head, _, rest = data.partition(":")
        if head == "menu":
            return [self._menu(rest)]
        if head == "none":
            return [menu.fallback_reply()]
        if head == "ask" and rest == "person":
            return [menu.ask_person_reply(self.knowledge)]
        if head in _KIND_BY_PREFIX:
            entry_id, _, aspect = rest.partition(":")
            reply = self.answerer.open(_KIND_BY_PREFIX[head], entry_id, aspect or None)
            if reply is not None:
                return [reply]
        return [
            Reply(
                "Sorry, that button is out of date. Here's where you can start again:",
                menu.main_menu_buttons(),
            )
        ]

    def _menu(self, which: str) -> Reply:
        name, _, argument = which.partition(":")
        if name == "roles":
            return menu.roles_menu(self.knowledge, argument or None)
        if name == "apps":
            return menu.apprenticeships_menu(self.knowledge)
        if name == "hubs":
            return menu.hubs_menu(self.knowledge)
        return menu.welcome_reply()
