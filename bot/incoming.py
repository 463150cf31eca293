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

    @property
    def channel(self) -> str:
        """The channel part of the person reference."""
        return self.person_ref.partition(":")[0] or self.source

    @property
    def channel_user_id(self) -> str:
        """The person's id on their channel."""
        return self.person_ref.partition(":")[2] or self.person_ref
