"""Replies as Telegram messages: escaped HTML, inline keyboards, long texts split."""

from __future__ import annotations

import html
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.replies import Reply

MAX_MESSAGE = 4096
SPLIT_AT = 3500  # leaves room for what escaping and links add
_URL = re.compile(r"https?://[^\s<>\"]+")
_TRAILING = ".,;:!?'"  # punctuation that ends a sentence, not a link


def to_html(text: str) -> str:
    """Plain reply text as Telegram HTML: links found in the plain text first, then every part
    escaped exactly once, so '&' in a link stays one '&amp;' and the link is not cut."""
    parts: list[str] = []
    done = 0
    for found in _URL.finditer(text):
        url = _trimmed(found.group(0))
        parts.append(html.escape(text[done : found.start()], quote=False))
        parts.append(f'<a href="{html.escape(url)}">{html.escape(url, quote=False)}</a>')
        done = found.start() + len(url)
    parts.append(html.escape(text[done:], quote=False))
    return "".join(parts)


def _trimmed(url: str) -> str:
    """The link without a sentence's closing punctuation, or a bracket it did not open."""
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url


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
