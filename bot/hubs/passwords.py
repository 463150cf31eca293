"""Hub managers' passwords for the web lead board, kept only as scrypt hashes (Python's own
hashlib: memory-hard, salted, no extra dependency) in CAREPATH_HUB_PASSWORDS."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    """'scrypt$salt$hash' for a password, to put in the settings."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_b64(salt)}${_b64(digest)}"


def password_matches(password: str, stored: str) -> bool:
    """True when `password` is the one `stored` was made from (compared in constant time)."""
    try:
        scheme, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.urlsafe_b64decode(digest + "==")
        given = hashlib.scrypt(
            password.encode(), salt=base64.urlsafe_b64decode(salt + "=="), n=_N, r=_R, p=_P
        )
    except ValueError:
        return False
    return hmac.compare_digest(given, expected)


def parse_passwords(setting: str) -> dict[str, str]:
    """'hub-id=scrypt$...,hub-id=scrypt$...' as {hub id: stored hash}."""
    found = {}
    for item in setting.split(","):
        hub_id, _, stored = item.strip().partition("=")
        if hub_id and stored:
            found[hub_id.strip()] = stored.strip()
    return found


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
