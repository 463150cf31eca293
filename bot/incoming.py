"""What a channel hands the engine: who wrote, and what they typed, tapped or shared."""

from __future__ import annotations

from dataclasses import dataclass


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
    chat_id: int | None = None  # the hub chat it came from
    reply_to: int | None = None  # the message (an enquiry card) it replies to

    @property
    def channel(self) -> str:
        """The channel part of the person reference."""
        return self.person_ref.partition(":")[0] or self.source

    @property
    def channel_user_id(self) -> str:
        """The person's id on their channel."""
        return self.person_ref.partition(":")[2] or self.person_ref
