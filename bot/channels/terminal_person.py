"""Who is chatting in the terminal. One data folder may be shared (a family computer, a
careers adviser's laptop), so the person is remembered in the folder and `chat --new` starts
someone new, who sees none of the last person's details."""

from __future__ import annotations

import getpass
import secrets
from pathlib import Path

FILE = "terminal-person"


def terminal_person(data_dir: Path, *, new: bool = False) -> str:
    """The person reference for this terminal: a new one (then remembered) when `new`, else
    the one the folder remembers, else the computer account's."""
    path = data_dir / FILE
    if new:
        ref = f"terminal:{_user_name()}-{secrets.token_hex(4)}"
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(ref + "\n", encoding="utf-8")
        return ref
    try:
        remembered = path.read_text(encoding="utf-8").strip()
    except OSError:
        remembered = ""
    if remembered.startswith("terminal:") and len(remembered) <= 64:
        return remembered
    return f"terminal:{_user_name()}"


def _user_name() -> str:
    try:
        return getpass.getuser()[:40]
    except (KeyError, OSError):
        return "local"
