"""`carepath questions report` groups what people asked that went unanswered, was not what
they meant, or went to a person; most asked first, with the nearest entries. On SQLite and
PostgreSQL."""

import asyncio
import csv
import io
from datetime import UTC, datetime, timedelta

from bot.commands.questions import run_report
from bot.incoming import Incoming
from tests.bot.flows.conversation import Person


async def seed(engine) -> None:
    for number, typed in enumerate(
        [
            "how do i become a hospital chaplain",
            "how do I become a hospital chaplin?",
            "How do i become a hospital chaplain",
        ]
    ):
        await Person(engine, ref=f"terminal:m{number}").says(typed)
    unsure = Person(engine, ref="terminal:u")
    await unsure.says("mental health")
    await unsure.taps("None of these")
    asker = Person(engine, ref="telegram:77")
    await asker.says("can i bring my dog to work")
    await engine.handle(Incoming("telegram:77", button="ask:person"))
    await engine.handle(Incoming("telegram:77", button="ask:send"))
    await Person(engine, ref="terminal:ok").says("nursing associate pay")  # answered: left out


async def report(engine, monkeypatch, capsys, *args) -> str:
    monkeypatch.setenv("CAREPATH_DATABASE_URL", engine.database.url)
    capsys.readouterr()
    assert await asyncio.to_thread(run_report, *args) == 0
    return capsys.readouterr().out


async def test_report_groups_most_asked_first_with_outcomes_and_nearest(
    engine_on_each_database, monkeypatch, capsys
):
    engine = engine_on_each_database
    await seed(engine)
    out = await report(engine, monkeypatch, capsys, None, "text", 50)
    assert out.startswith("5 question(s) to curate, in 3 group(s), most asked first")
    first = out.split("\n\n")[1]
    assert "x3" in first and "chaplain" in first.casefold() and "unanswered 3" in first
    assert "not-meant 1" in out and "asked-person 1" in out
    assert "nearest:" in first
    assert "nursing associate pay" not in out


async def test_report_as_csv_for_a_spreadsheet(engine_on_each_database, monkeypatch, capsys):
    engine = engine_on_each_database
    await seed(engine)
    rows = list(
        csv.DictReader(io.StringIO(await report(engine, monkeypatch, capsys, None, "csv", 2)))
    )
    assert len(rows) == 2
    assert rows[0]["count"] == "3" and rows[0]["unanswered"] == "3"
    assert set(rows[0]) >= {"example", "first_seen", "last_seen", "not-meant", "nearest"}


async def test_report_since_a_date_leaves_out_what_was_asked_before(
    engine_on_each_database, monkeypatch, capsys
):
    engine = engine_on_each_database
    await seed(engine)
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    out = await report(engine, monkeypatch, capsys, tomorrow, "text", 50)
    assert out.startswith(f"0 question(s) to curate since {tomorrow:%Y-%m-%d}")
    yesterday = datetime.now(UTC) - timedelta(days=1)
    out = await report(engine, monkeypatch, capsys, yesterday, "text", 50)
    assert out.startswith("5 question(s) to curate since")


async def test_the_csv_report_never_writes_a_formula_or_an_escape(
    engine_on_each_database, monkeypatch, capsys
):
    engine = engine_on_each_database
    for number, typed in enumerate(['=HYPERLINK("http://evil","x") nurse', "@SUM(A1) \x1b[2J"]):
        await Person(engine, ref=f"terminal:f{number}").says(typed)
    out = await report(engine, monkeypatch, capsys, None, "csv", 50)
    examples = [row["example"] for row in csv.DictReader(io.StringIO(out))]
    assert all(not example.startswith(("=", "@", "+", "-")) for example in examples), examples
    assert "\x1b" not in out
