"""What the engine says: replies with text and buttons that every channel can show."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_PAYLOAD_BYTES = 64


@dataclass(frozen=True)
class Button:
    """A labelled choice; its payload means the same to every worker, after any restart."""

    label: str
    payload: str

    def __post_init__(self) -> None:
        if len(self.payload.encode()) > MAX_PAYLOAD_BYTES:
            raise ValueError(f"button payload over {MAX_PAYLOAD_BYTES} bytes: {self.payload!r}")


@dataclass(frozen=True)
class Reply:
    """One message to the person: plain text, optional buttons, optional picture file."""

    text: str
    buttons: tuple[Button, ...] = field(default=())
    image_path: str | None = None
    ask_contact: bool = False  # channels that can, offer a "share my phone number" button
    document: tuple[str, bytes] | None = None  # (file name, content), e.g. a CSV export
