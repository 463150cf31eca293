"""The loaded knowledge base, kept once it has been checked: a start reads one file instead of
parsing, validating and cross-checking every YAML file again.

It is keyed by the data files' bytes, the code that reads them and the day (the freshness
checks depend on it), so an edit to either is loaded and checked afresh."""

from __future__ import annotations

import hashlib
import logging
import pickle
from collections.abc import Callable
from datetime import date
from pathlib import Path

from knowledge.base.built_files import cache_dir, keep
from knowledge.base.entries import Knowledge

log = logging.getLogger(__name__)
FORMAT = "1"  # bump when what is kept changes shape
_CODE = Path(__file__).parent  # the package that reads and checks the files


def data_files(root: Path) -> list[Path]:
    """The knowledge base's YAML files, in the order they are read."""
    return sorted([*root.glob("*.yaml"), *root.glob("*.yml")])


def key_of(root: Path, today: date) -> str | None:
    """A short hash of what the loaded knowledge depends on; None when a file cannot be read."""
    digest = hashlib.sha256(f"{FORMAT}|{today.isoformat()}".encode())
    try:
        for path in [*sorted(_CODE.glob("*.py")), *data_files(root)]:
            digest.update(f"\0{path.name}\0".encode())
            digest.update(path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()[:24]


def loaded_once(root: Path, today: date, load: Callable[[], Knowledge]) -> Knowledge:
    """The knowledge kept for these files and this day, else `load()` (then kept). Only a
    knowledge base that loaded without errors is kept; a kept file that cannot be read is
    loaded afresh, never trusted. The folder is the user's own, like the built models."""
    key = key_of(root, today) if root.is_dir() else None
    if key is None:
        return load()
    path = cache_dir() / f"knowledge-{key}.pickle"
    try:
        with path.open("rb") as file:
            kept = pickle.load(file)
        if isinstance(kept, Knowledge):
            return kept
    except FileNotFoundError:
        pass
    except Exception:  # any damage to a kept file means: load afresh
        log.warning("the kept knowledge base could not be read; loading it again")
    knowledge = load()
    keep(
        path,
        lambda file: pickle.dump(knowledge, file, protocol=pickle.HIGHEST_PROTOCOL),
        what="knowledge base",
    )
    return knowledge
