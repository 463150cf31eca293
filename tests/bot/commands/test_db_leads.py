"""`carepath db upgrade`, `db purge` and `leads export` on a configured database."""

import csv
import io
import json
import subprocess
import sys

from tests.bot.flows.conversation import Person, fill_form


def carepath(*args, database_url):
    import os

    env = {**os.environ, "CAREPATH_DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


async def test_upgrade_export_and_purge(engine, tmp_path):
    url = engine.database.url
    assert carepath("db", "upgrade", database_url=url).stdout.strip() == "database is up to date"
    person = Person(engine)
    await fill_form(person)
    await person.taps("Yes, send my details")

    exported = carepath("leads", "export", "--format", "json", database_url=url)
    [lead] = json.loads(exported.stdout)
    assert (lead["name"], lead["hub_id"], lead["interests"]) == (
        "Sam Jones",
        "nottingham-hub",
        "role:care-worker",
    )
    rows = list(csv.DictReader(io.StringIO(carepath("leads", "export", database_url=url).stdout)))
    assert rows[0]["ref"].startswith("CP-") and rows[0]["phone"] == "+447911123456"
    assert (
        carepath("leads", "export", "--hub", "north-west-hub", database_url=url).stdout.count("\n")
        == 1
    )  # the header only
    assert (
        "[]"
        in carepath(
            "leads", "export", "--format", "json", "--since", "2999-01-01", database_url=url
        ).stdout
    )

    kept = carepath("db", "purge", "--older-than", "30", database_url=url)
    assert "deleted: 0 lead(s), 0 question(s) for a person" in kept.stdout
    assert "0 person(s) with nothing left to keep" in kept.stdout


def test_a_fresh_database_is_upgraded_from_empty(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'prod.db'}"
    result = carepath("db", "upgrade", database_url=url)
    assert result.returncode == 0 and "up to date" in result.stdout
