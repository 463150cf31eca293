"""Fixtures shared by every test package: a small knowledge base and real databases.

Storage tests run on SQLite always and on PostgreSQL when CAREPATH_TEST_DATABASE_URL is set
(with CAREPATH_REQUIRE_POSTGRES=1, as in CI, an unreachable PostgreSQL fails instead of
skipping)."""

import asyncio
import atexit
import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import SQLModel

from storage.database import Database
from storage.migrate import rebuild, upgrade
from storage.models import ScheduledJob  # noqa: F401  (all tables registered)

KNOWLEDGE_FIXTURES = Path(__file__).parent / "knowledge" / "fixtures"
POSTGRES_URL = os.environ.get("CAREPATH_TEST_DATABASE_URL")
REQUIRE_POSTGRES = os.environ.get("CAREPATH_REQUIRE_POSTGRES") == "1"
# Every run trains the learned models once, from the data, into a folder of its own: what a
# fresh clone does, and never a model left over from another run.
os.environ["CAREPATH_CACHE_DIR"] = tempfile.mkdtemp(prefix="carepath-test-models-")
atexit.register(shutil.rmtree, os.environ["CAREPATH_CACHE_DIR"], ignore_errors=True)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Build the learned models before any test, so the worker processes that tests start
    find them built."""
    from knowledge.base.loader import load
    from knowledge.understanding.risk import risk_model

    risk_model(load())


def run_in_own_loop(coroutine) -> None:
    """Run a coroutine to the end on a fresh loop in another thread (safe inside a test's loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


@pytest.fixture
def good_kb(tmp_path: Path) -> Path:
    """A copy of the small, valid test knowledge base that a test may change."""
    target = tmp_path / "kb"
    shutil.copytree(KNOWLEDGE_FIXTURES / "good", target)
    return target


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once; each test gets its own copy."""
    path = tmp_path_factory.mktemp("template") / "carepath.db"
    run_in_own_loop(upgrade(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The test PostgreSQL, migrated from empty once per run."""
    if not POSTGRES_URL:
        if REQUIRE_POSTGRES:
            pytest.fail("CAREPATH_REQUIRE_POSTGRES=1 but CAREPATH_TEST_DATABASE_URL is not set")
        pytest.skip("PostgreSQL tests need CAREPATH_TEST_DATABASE_URL")
    try:
        run_in_own_loop(rebuild(POSTGRES_URL))
    except Exception as error:  # an unreachable server, wrong credentials...
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL at CAREPATH_TEST_DATABASE_URL is unusable: {error!r}")
        pytest.skip(f"PostgreSQL at CAREPATH_TEST_DATABASE_URL is unusable: {error!r}")
    return POSTGRES_URL


async def _empty_postgres(database: Database) -> None:
    tables = ", ".join(SQLModel.metadata.tables)
    async with database.engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
async def sqlite_database(tmp_path: Path, sqlite_template: Path):
    """A fresh, migrated SQLite database."""
    path = tmp_path / "carepath.db"
    shutil.copyfile(sqlite_template, path)
    database = Database(f"sqlite+aiosqlite:///{path}")
    yield database
    await database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path):
    """A fresh, migrated database: SQLite, and PostgreSQL when configured."""
    if request.param == "sqlite":
        path = tmp_path / "carepath.db"
        shutil.copyfile(sqlite_template, path)
        database = Database(f"sqlite+aiosqlite:///{path}")
    else:
        database = Database(request.getfixturevalue("postgres_url"))
        await _empty_postgres(database)
    yield database
    await database.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: Playwright's sync API keeps an event loop running in this thread
    until the session ends, which async tests after it could not start under."""
    items.sort(key=lambda item: "page" in getattr(item, "fixturenames", ()))
