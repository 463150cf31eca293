"""Settings from CAREPATH_* environment variables and an optional .env file."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """Where the built-in SQLite database lives: $XDG_DATA_HOME/carepath (~/.local/share)."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "carepath"


class Settings(BaseSettings):
    """Everything CarePath is configured by. Secrets are never printed."""

    model_config = SettingsConfigDict(
        env_prefix="CAREPATH_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    knowledge_dir: Path | None = None
    retention_days: int = Field(default=365, ge=1)
    telegram_token: SecretStr | None = None
    telegram_base_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_url: str | None = None
    web_secret: SecretStr | None = None  # signs web visitors' cookies; same on every worker
    web_https_only: bool = False  # served over HTTPS: Secure cookies and HSTS (set behind TLS)
    web_messages_per_minute: int = Field(default=20, ge=1)  # from one person
    web_messages_per_address_per_minute: int = Field(default=120, ge=1)  # an office, a college
    trusted_proxies: str = ""  # "10.0.0.5,10.0.0.6": the only hops whose X-Forwarded-For counts
    metrics_token: SecretStr | None = None  # /metrics on a public port needs this bearer token
    hub_chats: str = ""  # "hub-id=chat-id,hub-id=chat-id"
    hub_chats_file: Path | None = None  # YAML: "hub-id: chat-id" lines
    admin_chat: int | None = None  # where relay alerts and escalations go
    relay_lease_seconds: int = Field(default=60, ge=1)  # a dead worker's claims come back then

    def hub_chat_ids(self) -> dict[str, int]:
        """Hub id to Telegram chat id, from CAREPATH_HUB_CHATS."""
        chats: dict[str, int] = {}
        if self.hub_chats_file:
            import yaml

            loaded = yaml.safe_load(self.hub_chats_file.read_text(encoding="utf-8")) or {}
            if not isinstance(loaded, dict):
                raise ValueError(f"{self.hub_chats_file}: write one 'hub-id: chat-id' a line")
            for hub_id, chat_id in loaded.items():
                try:
                    chats[str(hub_id)] = int(chat_id)
                except (TypeError, ValueError):
                    raise ValueError(
                        f"{self.hub_chats_file}: {hub_id}: {chat_id!r} is not a chat id"
                    ) from None
        for pair in filter(None, (part.strip() for part in self.hub_chats.split(","))):
            hub_id, _, chat_id = pair.partition("=")
            try:
                chats[hub_id.strip()] = int(chat_id)
            except ValueError:
                raise ValueError(
                    f"CAREPATH_HUB_CHATS: {pair!r} should be hub-id=chat-id, e.g. "
                    "nottingham-hub=-1001234567890"
                ) from None
        return chats

    def proxies(self) -> list[str]:
        """The proxies named in CAREPATH_TRUSTED_PROXIES."""
        return [part.strip() for part in self.trusted_proxies.split(",") if part.strip()]

    @property
    def uses_builtin_database(self) -> bool:
        """True when no database URL is configured and the SQLite file in data_dir is used."""
        return not self.database_url

    def resolved_database_url(self) -> str:
        """The database URL: the configured one (DatabaseURLError if it cannot be used), or
        the built-in SQLite file."""
        if self.database_url:
            from storage.database import checked_url

            checked_url(self.database_url)
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite+aiosqlite:///{self.data_dir / 'carepath.db'}"
