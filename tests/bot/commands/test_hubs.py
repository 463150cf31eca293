"""`carepath hubs route`, `carepath leads pending` and the hub chat configuration."""

import pytest

from bot.cli import main
from bot.process.config import Settings
from tests.bot.flows.conversation import Person, fill_form


@pytest.mark.parametrize(
    ("place", "role", "hub", "why"),
    [
        ("NG7 2RD", None, "nottingham-hub", "postcode area NG"),
        ("RM17", None, "mid-south-essex-hub", "postcode district RM17"),
        ("Bolton", "senior-care-worker", "north-west-hub", "Bolton is covered"),
        ("Bolton", "paramedic", "national-desk", "does not recruit for health"),
        ("B1 1AA", None, "national-desk", "no regional hub covers B1 1AA"),
    ],
)
def test_hubs_route_prints_the_hub_and_why(place, role, hub, why, capsys):
    assert main(["hubs", "route", place, *(["--role", role] if role else [])]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{hub}: ") and why in out


def test_hubs_route_unknown_role(capsys):
    assert main(["hubs", "route", "NG7", "--role", "astronaut"]) == 1


async def test_leads_taken_in_the_terminal_wait_in_the_outbox(engine, monkeypatch, capsys):
    person = Person(engine)
    await fill_form(person)
    await person.taps("Yes, send my details")
    monkeypatch.setenv("CAREPATH_DATABASE_URL", engine.database.url)
    import asyncio

    await asyncio.to_thread(main, ["leads", "pending"])
    out = capsys.readouterr().out
    assert "lead_card\tnottingham-hub\tpending" in out
    assert "1 message(s) waiting; `carepath run` delivers them." in out


def test_hub_chats_from_the_environment_and_a_file(tmp_path):
    assert Settings(hub_chats="a-hub=-100, b-hub = -200").hub_chat_ids() == {
        "a-hub": -100,
        "b-hub": -200,
    }
    chats = tmp_path / "chats.yaml"
    chats.write_text("nottingham-hub: -1001\n")
    assert Settings(hub_chats_file=chats).hub_chat_ids() == {"nottingham-hub": -1001}
    with pytest.raises(ValueError, match="hub-id=chat-id"):
        Settings(hub_chats="nottingham-hub:-1001").hub_chat_ids()
