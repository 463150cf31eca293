"""Models trained from the knowledge base, built once for each version of what they learn from
and kept on disk, so a worker that starts loads them instead of training again."""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, Protocol, TypeVar

from knowledge.understanding.linear import LinearModel

log = logging.getLogger(__name__)
FORMAT = "5"  # bump when features or training change, so older files are not trusted
KEEP = 4  # built files kept per model: several checkouts or branches may share one folder


def cache_dir() -> Path:
    """Where built models are kept: $CAREPATH_CACHE_DIR, else the user's cache folder."""
    if configured := os.environ.get("CAREPATH_CACHE_DIR"):
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "carepath"


def fingerprint(texts: Sequence[str], labels: Sequence[str], *settings: object) -> str:
    """A short hash of exactly what a model learns from, and how."""
    digest = hashlib.sha256(f"{FORMAT}|{settings!r}".encode())
    for text, label in zip(texts, labels, strict=True):
        digest.update(f"{label}\t{text}\n".encode())
    return digest.hexdigest()[:24]


class Built(Protocol):
    """Anything built from the knowledge base that writes itself as one .npz file."""

    def save(self, file: BinaryIO) -> None:
        """Write it."""


B = TypeVar("B", bound=Built)


def load_or_build(
    name: str,
    key: str,
    build: Callable[[], B],
    directory: Path | None = None,
    load: Callable[[Path], B] = LinearModel.load,  # type: ignore[assignment]
) -> B:
    """What was saved under `name` and `key`, or a newly built one (then saved). A file that
    cannot be read is rebuilt, never trusted."""
    folder = directory or cache_dir()
    path = folder / f"{name}-{key}.npz"
    if path.exists():
        try:
            return load(path)
        except (OSError, ValueError, KeyError, IndexError, EOFError, zipfile.BadZipFile):
            log.warning("the built %s model could not be read; building it again", name)
    model = build()
    _save(model, path)
    return model


def _save(model: Built, path: Path) -> None:
    """Write atomically, so a worker never reads a half-written file; a folder we cannot write
    to only costs the next start a rebuild."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as file:
            model.save(file)
        os.replace(file.name, path)
    except OSError as error:
        log.warning("could not keep the built model (%s); it will be built again", error.strerror)
        return
    name = path.name.rsplit("-", 1)[0]
    built = sorted(path.parent.glob(f"{name}-*.npz"), key=_age)
    for older in built[KEEP:]:  # built from data that has since changed
        older.unlink(missing_ok=True)


def _age(path: Path) -> float:
    try:
        return -path.stat().st_mtime
    except OSError:  # removed by another process meanwhile
        return 0.0
