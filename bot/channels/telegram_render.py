"""Replies as Telegram messages: escaped HTML, inline keyboards, long texts split."""

from __future__ import annotations

import html
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.replies import Reply

MAX_MESSAGE = 4096
SPLIT_AT = 3500  # leaves room for what escaping and links add
_URL = re.compile(r"https?://[^\s<>;]+")


def to_html(text: str) -> str:
    """Plain reply text as Telegram HTML: every character escaped, links clickable."""
    escaped = html.escape(text, quote=False)
    return _URL.sub(lambda m: f'<a href="{html.escape(m.group(0))}">{m.group(0)}</a>', escaped)


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Pieces of at most `limit` characters, cut at paragraph, then line, then word breaks."""
    pieces: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind("\n\n", 0, limit), text.rfind("\n", 0, limit))
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return [piece for piece in pieces if piece]


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons, one to a row for long labels, two to a row for short ones."""
    if not reply.buttons:
        return None
    rows: list[list[InlineKeyboardButton]] = []
    for button in reply.buttons:
        key = InlineKeyboardButton(button.label, callback_data=button.payload)
        short = len(button.label) <= 18
        if short and rows and len(rows[-1]) == 1 and len(rows[-1][0].text) <= 18:
            rows[-1].append(key)
        else:
            rows.append([key])
    return InlineKeyboardMarkup(rows)


def messages(reply: Reply) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """(HTML text, keyboard) for each message a reply needs; the keyboard goes on the last."""
    pieces = split_text(reply.text, SPLIT_AT)
    rendered = [(to_html(piece), None) for piece in pieces]
    if rendered:
        rendered[-1] = (rendered[-1][0], keyboard(reply))
    return rendered
