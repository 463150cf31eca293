"""The hubs' lead board: sign in per hub, one hub's leads only, claims shared with Telegram."""

import re

import httpx
import pytest

from bot.channels.web import web_app
from bot.engine import Engine
from bot.hubs.passwords import hash_password, parse_passwords, password_matches
from bot.incoming import Incoming
from storage.database import Database
from storage.models import Lead, OutboxMessage
from tests.bot.channels.test_web import opened, say

PASSWORDS = {
    "nottingham-hub": hash_password("nottingham-secret-1"),
    "north-west-hub": hash_password("north-west-secret-1"),
}


def client_for(engine) -> httpx.AsyncClient:
    app = web_app(engine, secret_key="test", hub_passwords=PASSWORDS)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://web")


async def a_lead(engine, postcode: str = "NG7 2RD") -> Lead:
    async with client_for(engine) as person:
        _, token = await opened(person)
        for typed in ["/interest", "care worker", "Sam Person", "07911 123456", postcode,
                      "Part-time", "no", "yes", "yes"]:  # fmt: skip
            await say(person, token, text=typed)
    async with engine.database.transaction() as session:
        return (await session.execute(Lead.__table__.select())).all()[-1]


async def signed_in(client, hub_id: str, password: str, name: str = "Ann") -> str:
    page = await client.get("/hub")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)[1]
    form = {"csrf": token, "hub": hub_id, "name": name, "password": password}
    board = await client.post("/hub/sign-in", data=form, follow_redirects=True)
    return board.text


def test_passwords_are_kept_as_salted_scrypt_hashes():
    stored = hash_password("correct horse battery")
    assert stored.startswith("scrypt$") and "correct" not in stored
    assert stored != hash_password("correct horse battery")  # salted
    assert password_matches("correct horse battery", stored)
    assert not password_matches("wrong", stored) and not password_matches("x", "bcrypt$1$2")
    assert parse_passwords(f"a={stored}, b=scrypt$x$y") == {"a": stored, "b": "scrypt$x$y"}


async def test_a_recruiter_signs_in_sees_the_lead_and_claims_it(engine):
    lead = await a_lead(engine)
    async with client_for(engine) as client:
        wrong = await signed_in(client, "nottingham-hub", "guess")
        assert "That hub and password do not match." in wrong and lead.ref not in wrong
        board = await signed_in(client, "nottingham-hub", "nottingham-secret-1")
        assert lead.ref in board and "Sam Person" in board
        token = re.search(r'name="csrf" value="([^"]+)"', board)[1]
        claimed = await client.post(
            f"/hub/leads/{lead.id}/claim", data={"csrf": token}, follow_redirects=True
        )
        assert f"{lead.ref} is yours, Ann (web)" in claimed.text
        changed = await client.post(
            f"/hub/leads/{lead.id}/status",
            data={"csrf": token, "status": "contacted"},
            follow_redirects=True,
        )
        assert "Contacted (by Ann (web))" in changed.text
        csv_text = (await client.get("/hub/export.csv")).text
        assert lead.ref in csv_text.splitlines()[1]
        chart = await client.get("/hub/chart.svg")
        assert chart.headers["content-type"].startswith("image/svg+xml")
        assert "Median time to claim" in chart.text
    async with engine.database.transaction() as session:
        kinds = [m.kind for m in (await session.execute(OutboxMessage.__table__.select())).all()]
    assert kinds.count("card_update") == 2  # the Telegram card follows each change


async def test_a_claim_made_on_telegram_shows_on_the_board(engine_on_each_database):
    """The web worker and Telegram workers share one database: SQLite or PostgreSQL."""
    engine = engine_on_each_database
    lead = await a_lead(engine)
    await engine.handle(
        Incoming("hub:x", button=f"claim:{lead.id}", hub_id="nottingham-hub", actor="Bea")
    )
    async with client_for(engine) as client:
        board = await signed_in(client, "nottingham-hub", "nottingham-secret-1")
        assert "by Bea" in board and f"Claim {lead.ref}" not in board


async def test_another_hubs_recruiter_can_neither_see_nor_touch_the_lead(engine):
    lead = await a_lead(engine)
    async with client_for(engine) as client:
        board = await signed_in(client, "north-west-hub", "north-west-secret-1")
        assert lead.ref not in board
        token = re.search(r'name="csrf" value="([^"]+)"', board)[1]
        refused = await client.post(f"/hub/leads/{lead.id}/claim", data={"csrf": token})
        assert refused.status_code == 404
        assert lead.ref not in (await client.get("/hub/export.csv")).text
    async with engine.database.transaction() as session:
        assert (await session.get(Lead, lead.id)).owner is None


@pytest.mark.parametrize("path", ["/hub/export.csv", "/hub/chart.svg"])
async def test_nothing_of_a_hub_without_signing_in(engine, path):
    async with client_for(engine) as client:
        assert (await client.get(path)).status_code == 403


async def test_a_claim_without_the_csrf_token_is_refused(engine):
    lead = await a_lead(engine)
    async with client_for(engine) as client:
        await signed_in(client, "nottingham-hub", "nottingham-secret-1")
        refused = await client.post(f"/hub/leads/{lead.id}/claim", data={"csrf": "forged"})
        assert refused.status_code == 403


async def test_sign_in_slows_down_after_five_wrong_passwords(engine):
    async with client_for(engine) as client:
        for _ in range(5):
            assert "do not match" in await signed_in(client, "nottingham-hub", "guess")
        board = await signed_in(client, "nottingham-hub", "nottingham-secret-1")
        assert "Too many tries" in board and "Sign out" not in board
    async with client_for(engine) as fresh_worker:  # each worker keeps its own count
        assert "Sign out" in await signed_in(fresh_worker, "nottingham-hub", "nottingham-secret-1")


async def test_the_board_says_so_when_the_database_is_down(knowledge, answerer):
    down = Database("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    engine = Engine(knowledge, down, answerer=answerer)
    async with client_for(engine) as client:
        board = await signed_in(client, "nottingham-hub", "nottingham-secret-1")
        assert "can't reach its database" in board
    await down.close()


async def test_a_new_hub_password_ends_every_sign_in_and_board_pages_are_not_cached(engine):
    async with client_for(engine) as client:
        board = await signed_in(client, "nottingham-hub", "nottingham-secret-1")
        assert "Sign out" in board
        page = await client.get("/hub")
        assert page.headers["cache-control"] == "no-store"
        app = web_app(
            engine,
            secret_key="test",
            hub_passwords={**PASSWORDS, "nottingham-hub": hash_password("a-new-password-2")},
        )
        changed = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://web")
        changed.cookies = client.cookies  # the same cookie, after the password changed
        async with changed:
            assert "Sign out" not in (await changed.get("/hub")).text
