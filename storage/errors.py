"""The error every database operation raises when the database cannot do the work: kept apart
from the engine, so a command can name it without loading SQLAlchemy."""

from __future__ import annotations


class DatabaseUnavailable(Exception):
    """The database is down, locked or refused the work; nothing was written."""

    def __init__(self, reason: str, url: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url

    def explained(self) -> str:
        """One line for a person running CarePath: which database, that nothing changed, and
        what to check. Never the driver's message, which may quote SQL parameters."""
        where = f" at {safe_url(self.url)}" if self.url else ""
        hint = _HINTS.get(self.reason, "check that it is running and reachable from here")
        return (
            f"Cannot reach the database{where} ({self.reason}); nothing was changed. "
            f"Check CAREPATH_DATABASE_URL and the server: {hint}."
        )


_HINTS = {
    "ConnectionRefusedError": "nothing is listening at that host and port",
    "gaierror": "the host name is not known",
    "TimeoutError": "it did not answer in time",
    "InvalidCatalogNameError": "that database does not exist (create it first)",
    "InvalidPasswordError": "the user name or password was refused",
    "InvalidAuthorizationSpecificationError": "the user name or password was refused",
    "PermissionError": "this user may not open or create that file",
    "OperationalError": "it refused the connection, or another process holds its lock",
}


class DatabaseURLError(ValueError):
    """The configured database URL cannot be used; the message says what to write instead."""


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    from sqlalchemy.engine import make_url  # SQLAlchemy, only when a URL is shown

    return make_url(url).render_as_string(hide_password=True)
