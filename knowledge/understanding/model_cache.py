"""Models trained from the knowledge base, built once for each version of what they learn from
and kept on disk, so a worker that starts loads them instead of training again."""

from __future__ import annotations

import hashlib
import logging
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO, Protocol, TypeVar

from knowledge.base.built_files import cache_dir, keep
from knowledge.understanding.linear import LinearModel

log = logging.getLogger(__name__)
FORMAT = "5"  # bump when features or training change, so older files are not trusted


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
    keep(path, model.save, what=f"{name} model")
    return model
