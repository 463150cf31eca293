"""With the database unreachable at start, every command says so in one clear line."""

import os
import subprocess
import sys

import pytest

UNREACHABLE = "postgresql+asyncpg://postgres@127.0.0.1:9/carepath"  # nothing listens on port 9
TOKEN = "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ1234567890"


def carepath(command: list[str], **settings: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **settings},
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    "command",
    [
        ["run"],
        ["run", "--webhook", "--port", "0"],
        ["relay"],
        ["db", "upgrade"],
        ["db", "purge"],
        ["leads", "pending"],
        ["leads", "export"],
    ],
)
def test_an_unreachable_database_is_one_clear_line_and_exit_1(command):
    result = carepath(
        command,
        CAREPATH_DATABASE_URL=UNREACHABLE,
        CAREPATH_TELEGRAM_TOKEN=TOKEN,
        CAREPATH_WEBHOOK_SECRET="a-long-random-secret-for-tests",
        CAREPATH_TELEGRAM_BASE_URL="http://127.0.0.1:9/bot",
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Cannot reach the database at postgresql+asyncpg://postgres@127.0.0.1:9" in lines[0]
    assert "nothing was changed" in lines[0] and "CAREPATH_DATABASE_URL" in lines[0]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql://postgres@127.0.0.1/test", "should start postgresql+asyncpg://"),
        ("sqlite:///carepath.db", "should start sqlite+aiosqlite://"),
        ("mysql://root@127.0.0.1/test", "CarePath works with PostgreSQL"),
        ("not a url", "is not a database URL"),
    ],
)
@pytest.mark.parametrize("command", [["db", "upgrade"], ["leads", "pending"], ["web"]])
def test_a_database_url_that_cannot_work_is_one_line_saying_what_to_write(url, said, command):
    result = carepath(command, CAREPATH_DATABASE_URL=url)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0], result.stderr[-800:]
