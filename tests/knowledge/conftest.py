"""Fixtures: a small valid knowledge base, and a way to add one bad file to a copy of it."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def good_dir(good_kb: Path) -> Path:
    return good_kb


@pytest.fixture
def with_bad(good_dir: Path) -> Callable[[str], Path]:
    """Copy the named bad fixture beside the good files; return the copied file's path."""

    def add(name: str) -> Path:
        source = FIXTURES / "bad" / name if (FIXTURES / "bad" / name).exists() else FIXTURES / name
        target = good_dir / name
        shutil.copyfile(source, target)
        return target

    return add


@pytest.fixture(scope="session")
def knowledge():
    """The shipped knowledge base."""
    from knowledge.base.loader import load

    return load()
