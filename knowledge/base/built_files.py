"""The folder where things built from the knowledge base are kept, and writing into it safely,
so a worker that starts loads them instead of building them again."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)
KEEP = 4  # built files kept per name: several checkouts or branches may share one folder


def cache_dir() -> Path:
    """Where built files are kept: $CAREPATH_CACHE_DIR, else the user's cache folder."""
    if configured := os.environ.get("CAREPATH_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "carepath"


def keep(path: Path, write: Callable[[BinaryIO], None], *, what: str) -> None:
    """Write a built file atomically (a reader never sees half of it), then remove the oldest
    of its name beyond KEEP (built from data that has since changed). A folder we cannot
    write to only costs the next start a rebuild. The file is the user's own (mode 0600)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as file:
            write(file)
        os.replace(file.name, path)
    except OSError as error:
        log.warning("could not keep the built %s (%s); it is built again", what, error.strerror)
        return
    name = path.name.rsplit("-", 1)[0]
    built = sorted(path.parent.glob(f"{name}-*{path.suffix}"), key=_age)
    for older in built[KEEP:]:
        older.unlink(missing_ok=True)


def _age(path: Path) -> float:
    try:
        return -path.stat().st_mtime
    except OSError:  # removed by another process meanwhile
        return 0.0
