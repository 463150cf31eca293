"""The Telegram channel: a python-telegram-bot Application that only translates.

Messages in private chats go to the engine as Incoming; its replies come back as escaped HTML
with inline keyboards. Groups other than hub chats are told once and left."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Sequence
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    InputFile,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ChatAction, ChatMemberStatus, ChatType, ParseMode
from telegram.error import Forbidden, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.channels.telegram_order import PerPersonOrder
from bot.channels.telegram_render import messages
from bot.engine import Engine
from bot.incoming import Incoming
from bot.process.logs import without_personal_data
from bot.replies import Reply
from storage.hubchats import learnt_hub_chats
from storage.people import mark_unreachable, person_for_turn

log = logging.getLogger(__name__)
TOKEN = re.compile(r"^\d{5,20}:[A-Za-z0-9_-]{30,60}$")
COMMANDS = (
    ("start", "Start again"),
    ("help", "What I can do"),
    ("roles", "Explore jobs"),
    ("explore", "Which job would suit me?"),
    ("apprenticeships", "Apprenticeships"),
    ("eligible", "Could I start an apprenticeship?"),
    ("pathway", "Plan a route to a job"),
    ("interest", "Ask a recruiter to contact you"),
    ("mystatus", "Where my requests stand"),
    ("mydata", "See what we hold about you"),
    ("forget", "Delete what we hold about you"),
    ("cancel", "Stop what we're doing"),
)
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
TYPING_AFTER = 1.0  # seconds without a reply before "typing..." is shown
NOT_TEXT = (
    "Sorry, I can only read text messages. Type your question, or share your location or "
    "phone number with the buttons when I ask."
)
MEMBERS_ONLY = "Only members of this hub's recruiters' group can do that."
ONLY_PRIVATE = (
    "Hello! I talk with people one to one. Message me privately to ask about careers in "
    "health and care. I'll leave this group now."
)


class TokenError(ValueError):
    """The bot token is missing or not shaped like one."""


def check_token(token: str | None) -> str:
    """The token if it looks like a BotFather token; a clear error (never echoing it) if not."""
    if not token:
        raise TokenError("CAREPATH_TELEGRAM_TOKEN is not set: get a token from @BotFather")
    if not TOKEN.match(token.strip()):
        raise TokenError(
            "CAREPATH_TELEGRAM_TOKEN does not look like a bot token (digits, a colon, then "
            "about 35 letters, digits, - or _): copy it again from @BotFather"
        )
    return token.strip()


def build_application(
    *,
    token: str,
    engine: Engine,
    hub_chats: dict[str, int] | None = None,
    base_url: str | None = None,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    rate_limit: bool = True,
) -> Application:
    """The PTB Application with CarePath's handlers; `base_url` points at another Bot API."""
    builder = (
        ApplicationBuilder()
        .token(check_token(token))
        .post_init(_set_commands)
        .concurrent_updates(PerPersonOrder())
    )
    if rate_limit:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    if base_url:
        root = base_url.rstrip("/")
        builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
    if request is not None:
        builder = builder.request(request)
    if updates_request is not None:
        builder = builder.get_updates_request(updates_request)
    application = builder.build()
    application.bot_data["engine"] = engine
    application.bot_data["hub_chats"] = dict(hub_chats or {})
    private = filters.ChatType.PRIVATE
    application.add_handler(CallbackQueryHandler(_on_button))
    application.add_handler(MessageHandler(private & filters.CONTACT, _on_contact))
    application.add_handler(MessageHandler(private & filters.LOCATION, _on_location))
    application.add_handler(MessageHandler(private & filters.TEXT, _on_text))
    application.add_handler(MessageHandler(private, _on_other))
    application.add_handler(MessageHandler(filters.ChatType.GROUPS, _on_group))
    application.add_error_handler(_on_error)
    return application


async def _set_commands(application: Application) -> None:
    try:
        await application.bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
    except TelegramError as error:
        log.warning("could not set the command menu (%s); carrying on", type(error).__name__)


def _engine(context: ContextTypes.DEFAULT_TYPE) -> Engine:
    return context.application.bot_data["engine"]


async def _handle(update: Update, context: ContextTypes.DEFAULT_TYPE, **incoming: Any) -> None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    typing = asyncio.create_task(_typing_if_slow(context.bot, chat.id))
    try:
        replies = await _engine(context).handle(
            Incoming(f"telegram:{user.id}", source="telegram", **incoming)
        )
    finally:
        typing.cancel()
    await send_replies(context, chat.id, user.id, replies)


async def _typing_if_slow(bot: Bot, chat_id: int) -> None:
    """Show "typing..." only when a reply is slow in coming: most take milliseconds, and a
    chat action on every update would double the Bot API calls a worker makes."""
    await asyncio.sleep(TYPING_AFTER)
    with contextlib.suppress(TelegramError):  # only a courtesy
        await bot.send_chat_action(chat_id, ChatAction.TYPING)


async def send_replies(
    context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int, replies: Sequence[Reply]
) -> None:
    """Send the engine's replies; a person who blocked us is marked unreachable."""
    try:
        for reply in replies:
            for text, keyboard in messages(reply):
                markup: Any = keyboard
                if reply.ask_contact:
                    markup = ReplyKeyboardMarkup(
                        [[KeyboardButton("Share my phone number", request_contact=True)]],
                        one_time_keyboard=True,
                        resize_keyboard=True,
                        input_field_placeholder="Phone number or email",
                    )
                await context.bot.send_message(
                    chat_id,
                    text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    disable_web_page_preview=True,
                )
            if reply.image_path:
                with open(reply.image_path, "rb") as picture:
                    await context.bot.send_photo(chat_id, picture)
            if reply.document:
                name, content = reply.document
                await context.bot.send_document(chat_id, InputFile(content, filename=name))
    except Forbidden:
        if chat_id != user_id:
            log.warning("the bot may not post in a group it serves")
            return
        log.info("a person blocked the bot; marked unreachable")
        database = _engine(context).database
        async with database.transaction() as session:
            person = await person_for_turn(
                session, channel="telegram", channel_user_id=str(user_id)
            )
            await mark_unreachable(session, person_id=person.id)


async def _on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await _handle(update, context, text=update.effective_message.text)


async def _on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query.message is None:
        await query.answer()
        return
    chat_id = query.message.chat.id
    if query.message.chat.type != ChatType.PRIVATE:
        hub_id = await _hub_of_chat(context, chat_id)
        if hub_id is None or not await _is_member(context, chat_id, query.from_user.id):
            await query.answer(MEMBERS_ONLY, show_alert=True)  # a forged or stale tap
            return
        await query.answer()
        await _recruiter(update, context, hub_id, button=query.data or "")
        return
    await query.answer()
    await _handle(update, context, button=query.data or "")


async def _on_contact(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    contact = update.effective_message.contact
    if contact.user_id != update.effective_user.id:
        await update.effective_message.reply_text(
            "Please share your own phone number with the button, or type it."
        )
        return
    await _handle(update, context, shared_phone=contact.phone_number)


async def _on_location(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    where = update.effective_message.location
    await _handle(update, context, location=(where.latitude, where.longitude))


async def _on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(NOT_TEXT)


async def _on_group(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat, message = update.effective_chat, update.effective_message
    hub_id = await _hub_of_chat(context, chat.id)
    if hub_id is None:
        await context.bot.send_message(chat.id, ONLY_PRIVATE)
        await context.bot.leave_chat(chat.id)
        return
    text = message.text or ""
    replied = message.reply_to_message
    acts = text.startswith("/") or replied is not None  # a command, or an answer to a card
    if acts and not await _is_member(context, chat.id, update.effective_user.id):
        await message.reply_text(MEMBERS_ONLY)
        return
    await _recruiter(
        update, context, hub_id, text=text, reply_to=replied.message_id if replied else None
    )


async def _recruiter(
    update: Update, context: ContextTypes.DEFAULT_TYPE, hub_id: str, **incoming: Any
) -> None:
    user, chat = update.effective_user, update.effective_chat
    actor = user.full_name + (f" (@{user.username})" if user.username else "")
    replies = await _engine(context).handle(
        Incoming(
            f"telegram:{user.id}",
            source="telegram",
            hub_id=hub_id,
            actor=actor[:100],
            actor_id=f"telegram:{user.id}",
            chat_id=chat.id,
            **incoming,
        )
    )
    await send_replies(context, chat.id, user.id, replies)


async def _hub_of_chat(context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> str | None:
    """The hub whose recruiters use this chat: configured, or learnt when a group moved."""
    hub_chats: dict[str, int] = dict(context.application.bot_data["hub_chats"])
    database = _engine(context).database
    async with database.transaction() as session:
        hub_chats.update(await learnt_hub_chats(session))
    return next((hub for hub, chat in hub_chats.items() if chat == chat_id), None)


async def _is_member(context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> bool:
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except TelegramError:
        return False
    return member.status in (
        ChatMemberStatus.MEMBER,
        ChatMemberStatus.ADMINISTRATOR,
        ChatMemberStatus.OWNER,
    )


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    update_id = getattr(update, "update_id", None)
    # The error's type only: its text or the update could hold what a person wrote.
    log.error("update %s failed\n%s", update_id, without_personal_data(context.error))


def relay_bot(token: str, base_url: str | None = None) -> ExtBot:
    """A bot for a relay-only worker, paced by PTB's rate limiter (20 a minute per group)."""
    root = f"{base_url.rstrip('/')}/bot" if base_url else "https://api.telegram.org/bot"
    return ExtBot(check_token(token), base_url=root, rate_limiter=AIORateLimiter(max_retries=0))


async def register_webhook(token: str, url: str, secret: str, base_url: str | None = None) -> None:
    """Point Telegram at the workers' webhook (once, for all of them)."""
    root = f"{base_url.rstrip('/')}/bot" if base_url else "https://api.telegram.org/bot"
    async with Bot(check_token(token), base_url=root) as bot:
        await bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
