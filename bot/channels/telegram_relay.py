"""The relay's way out through Telegram: PTB errors become the relay's own."""

from __future__ import annotations

from datetime import timedelta

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.error import TimedOut as TelegramTimedOut

from bot.channels.telegram_render import keyboard, to_html
from bot.hubs.hub_channel import ChatGone, ChatMoved, Rejected, RetryLater, TimedOut
from bot.replies import Button, Reply


class TelegramHubChannel:
    """Sends and edits cards in hub chats, and messages people, with the bot."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send(self, chat_id: int, text: str, buttons: tuple[Button, ...] = ()) -> int:
        """Post a message; return its id."""
        with _translated(chat_id):
            message = await self.bot.send_message(
                chat_id,
                to_html(text),
                parse_mode=ParseMode.HTML,
                reply_markup=keyboard(Reply(text, buttons)),
                disable_web_page_preview=True,
            )
        return message.message_id

    async def edit(
        self, chat_id: int, message_id: int, text: str, buttons: tuple[Button, ...] = ()
    ) -> None:
        """Change a card already posted (unchanged text is not an error)."""
        try:
            with _translated(chat_id):
                await self.bot.edit_message_text(
                    to_html(text),
                    chat_id=chat_id,
                    message_id=message_id,
                    parse_mode=ParseMode.HTML,
                    reply_markup=keyboard(Reply(text, buttons)),
                )
        except Rejected as error:
            if "not modified" not in str(error):
                raise

    async def send_to_person(self, channel_user_id: str, text: str) -> None:
        """Message a person in their private chat with the bot."""
        await self.send(int(channel_user_id), text)


class _translated:
    """Maps PTB exceptions onto the relay's."""

    def __init__(self, chat_id: int) -> None:
        self.chat_id = chat_id

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> bool:
        if error is None:
            return False
        if isinstance(error, RetryAfter):
            wait = error.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            raise RetryLater(seconds) from error
        if isinstance(error, ChatMigrated):
            raise ChatMoved(error.new_chat_id, self.chat_id) from error
        if isinstance(error, Forbidden):
            raise ChatGone(str(error)) from error
        if isinstance(error, BadRequest):
            if "chat not found" in str(error).casefold():
                raise ChatGone(str(error)) from error
            raise Rejected(str(error)) from error
        if isinstance(error, TelegramTimedOut | NetworkError):
            raise TimedOut(type(error).__name__) from error
        return False
