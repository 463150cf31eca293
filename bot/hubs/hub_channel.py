"""What the relay needs from a channel, and how a channel says a delivery went wrong."""

from __future__ import annotations

from typing import Protocol

from bot.replies import Button


class RetryLater(Exception):
    """The channel asked us to wait (Telegram's flood control)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"retry after {seconds} s")
        self.seconds = seconds


class ChatMoved(Exception):
    """The chat has a new id (a group became a supergroup)."""

    def __init__(self, chat_id: int, old_chat_id: int | None = None) -> None:
        super().__init__("chat moved")
        self.chat_id = chat_id
        self.old_chat_id = old_chat_id


class ChatGone(Exception):
    """The bot cannot post there (removed, blocked, chat not found)."""


class Rejected(Exception):
    """The channel refused the message itself (a bad request): retrying will not help."""


class TimedOut(Exception):
    """No answer in time: the message may or may not have arrived."""


class HubChannel(Protocol):
    """What the relay needs from a channel."""

    async def send(self, chat_id: int, text: str, buttons: tuple[Button, ...] = ()) -> int:
        """Post a message; return its id."""

    async def edit(
        self, chat_id: int, message_id: int, text: str, buttons: tuple[Button, ...] = ()
    ) -> None:
        """Change a message already posted."""

    async def send_to_person(self, channel_user_id: str, text: str) -> None:
        """Message a person privately."""
