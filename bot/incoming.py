"""What a channel hands the engine: who wrote, and what they typed, tapped or shared."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CAMPAIGN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class Incoming:
    """A message from a person: text they typed, a button's payload, or a shared contact."""

    person_ref: str  # "<channel>:<id on that channel>", e.g. "telegram:12345"
    text: str | None = None
    button: str | None = None
    source: str = "terminal"
    shared_phone: str | None = None
    location: tuple[float, float] | None = None  # latitude, longitude
    hub_id: str | None = None  # set when the message comes from a hub's recruiters' chat
    actor: str | None = None  # the recruiter's display name, for claims and history
    actor_id: str | None = None  # who the recruiter is: "telegram:<user id>", "board:<id>"
    chat_id: int | None = None  # the hub chat it came from
    reply_to: int | None = None  # the message (an enquiry card) it replies to
    came_from: str | None = None  # a campaign seen before the first message (a web deep link)

    @property
    def channel(self) -> str:
        """The channel part of the person reference."""
        return self.person_ref.partition(":")[0] or self.source

    @property
    def channel_user_id(self) -> str:
        """The person's id on their channel."""
        return self.person_ref.partition(":")[2] or self.person_ref

    @property
    def campaign(self) -> str | None:
        """Where the person came from ('/start jobfair2026' from a poster's QR code), if said."""
        text = (self.text or "").strip()
        if not text.startswith("/start "):
            return deep_link(self.came_from)[0] if self.came_from else None
        return deep_link(text.removeprefix("/start ").strip())[0]


def deep_link(payload: str) -> tuple[str | None, str | None]:
    """A /start payload (Telegram allows A-Z, a-z, 0-9, _ and -): 'CAMPAIGN', 'ENTRY-ID' or
    'CAMPAIGN__ENTRY-ID'. Returns (campaign, entry id); either may be None."""
    if not _CAMPAIGN.match(payload):
        return None, None
    campaign, _, entry_id = payload.partition("__")
    return campaign, entry_id or campaign
