"""The hubs' lead board: each recruiter signs in as themselves, sees and acts on their hub's
leads only; tries are counted in the database; sign-ins are kept on the server."""

import re

import httpx
import pytest

from bot.channels.web import web_app
from bot.engine import Engine
from bot.hubs.passwords import hash_password, new_password, password_matches
from bot.incoming import Incoming
from storage.database import Database
from storage.models import Lead, OutboxMessage
from storage.recruiters import add_recruiter, find_recruiter, remove_recruiter, set_password
from tests.bot.channels.test_web import opened, say

ANN = ("nottingham-hub", "Ann Smith", "ann-password-1234")
RITA = ("nottingham-hub", "Rita Jones", "rita-password-5678")
NORTH = ("north-west-hub", "Nia Evans", "nia-password-9012")


def client_for(engine, **options) -> httpx.AsyncClient:
    app = web_app(engine, secret_key="test", **options)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://web")


async def recruiters_added(engine, *people) -> None:
    async with engine.database.transaction() as session:
        for hub_id, name, password in people:
            await add_recruiter(
                session, hub_id=hub_id, name=name, password_hash=hash_password(password)
            )


async def a_lead(engine, postcode: str = "NG7 2RD") -> Lead:
    async with client_for(engine) as person:
        _, token = await opened(person)
        for typed in ["/interest", "care worker", "Sam Person", "07911 123456", postcode,
                      "Part-time", "no", "yes", "yes"]:  # fmt: skip
            await say(person, token, text=typed)
    async with engine.database.transaction() as session:
        return (await session.execute(Lead.__table__.select())).all()[-1]


async def signed_in(client, hub_id: str, name: str, password: str, **headers) -> str:
    page = await client.get("/hub")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)[1]
    form = {"csrf": token, "hub": hub_id, "name": name, "password": password}
    board = await client.post("/hub/sign-in", data=form, headers=headers, follow_redirects=True)
    return board.text


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page)[1]


def test_passwords_are_kept_as_salted_scrypt_hashes():
    stored = hash_password("correct horse battery")
    assert stored.startswith("scrypt$") and "correct" not in stored
    assert stored != hash_password("correct horse battery")  # salted
    assert password_matches("correct horse battery", stored)
    assert not password_matches("wrong", stored) and not password_matches("x", "bcrypt$1$2")
    made = new_password()
    assert len(made) == 24 and made != new_password()


async def test_a_recruiter_signs_in_as_themselves_sees_the_lead_and_claims_it(engine):
    await recruiters_added(engine, ANN)
    lead = await a_lead(engine)
    async with client_for(engine) as client:
        wrong = await signed_in(client, *ANN[:2], "guess")
        assert "That name and password do not match" in wrong and lead.ref not in wrong
        assert 'value="Ann Smith"' in wrong  # the name typed is kept, never the password
        board = await signed_in(client, *ANN)
        assert lead.ref in board and "Sam Person" in board and "Signed in as Ann Smith" in board
        token = csrf_of(board)
        claimed = await client.post(
            f"/hub/leads/{lead.id}/claim", data={"csrf": token}, follow_redirects=True
        )
        assert f"{lead.ref} is yours, Ann Smith (board)" in claimed.text
        changed = await client.post(
            f"/hub/leads/{lead.id}/status",
            data={"csrf": token, "status": "contacted"},
            follow_redirects=True,
        )
        assert "Contacted (by Ann Smith (board))" in changed.text
        assert lead.ref in (await client.get("/hub/export.csv")).text.splitlines()[1]
        chart = await client.get("/hub/chart.svg")
        assert chart.headers["content-type"].startswith("image/svg+xml")
    async with engine.database.transaction() as session:
        kinds = [m.kind for m in (await session.execute(OutboxMessage.__table__.select())).all()]
        owner_id = (await session.get(Lead, lead.id)).owner_id
        ann = await find_recruiter(session, hub_id=ANN[0], name=ANN[1])
    assert kinds.count("card_update") == 2  # the Telegram card follows each change
    assert owner_id == f"board:{ann.id}"


async def test_another_recruiter_of_the_same_hub_cannot_change_a_claimed_lead(engine):
    await recruiters_added(engine, ANN, RITA)
    lead = await a_lead(engine)
    async with client_for(engine) as ann, client_for(engine) as rita:
        await ann.post(
            f"/hub/leads/{lead.id}/claim", data={"csrf": csrf_of(await signed_in(ann, *ANN))}
        )
        board = await signed_in(rita, *RITA)
        refused = await rita.post(
            f"/hub/leads/{lead.id}/status",
            data={"csrf": csrf_of(board), "status": "unsuitable"},
            follow_redirects=True,
        )
        assert "belongs to Ann Smith (board); only they can change it" in refused.text
    async with engine.database.transaction() as session:
        assert (await session.get(Lead, lead.id)).status == "claimed"


async def test_a_claim_made_on_telegram_shows_on_the_board(engine_on_each_database):
    """The web worker and Telegram workers share one database: SQLite or PostgreSQL."""
    engine = engine_on_each_database
    await recruiters_added(engine, ANN)
    lead = await a_lead(engine)
    await engine.handle(
        Incoming(
            "hub:x",
            button=f"claim:{lead.id}",
            hub_id="nottingham-hub",
            actor="Bea",
            actor_id="telegram:77",
        )
    )
    async with client_for(engine) as client:
        board = await signed_in(client, *ANN)
        assert "by Bea" in board and f"Claim {lead.ref}" not in board


async def test_another_hubs_recruiter_can_neither_see_nor_touch_the_lead(engine):
    await recruiters_added(engine, NORTH)
    lead = await a_lead(engine)
    async with client_for(engine) as client:
        board = await signed_in(client, *NORTH)
        assert lead.ref not in board
        refused = await client.post(f"/hub/leads/{lead.id}/claim", data={"csrf": csrf_of(board)})
        assert refused.status_code == 404
        assert lead.ref not in (await client.get("/hub/export.csv")).text
    async with engine.database.transaction() as session:
        assert (await session.get(Lead, lead.id)).owner_id is None


@pytest.mark.parametrize("path", ["/hub/export.csv", "/hub/chart.svg"])
async def test_nothing_of_a_hub_without_signing_in(engine, path):
    async with client_for(engine) as client:
        assert (await client.get(path)).status_code == 403


async def test_a_claim_without_the_csrf_token_is_refused(engine):
    await recruiters_added(engine, ANN)
    lead = await a_lead(engine)
    async with client_for(engine) as client:
        await signed_in(client, *ANN)
        refused = await client.post(f"/hub/leads/{lead.id}/claim", data={"csrf": "forged"})
        assert refused.status_code == 403


async def test_the_limit_holds_across_workers_and_restarts_yet_never_locks_the_recruiter_out(
    engine_on_each_database,
):
    engine = engine_on_each_database
    await recruiters_added(engine, ANN)
    async with client_for(engine) as own_browser:
        assert "Signed in as" in await signed_in(own_browser, *ANN)  # a device Ann has used
        await own_browser.post(
            "/hub/sign-out", data={"csrf": csrf_of((await own_browser.get("/hub")).text)}
        )
        for attempt in range(6):  # an attacker, each guess through a new worker
            async with client_for(engine) as worker:
                guessed = await signed_in(worker, *ANN[:2], f"guess-{attempt}")
        assert "Too many tries" in guessed
        async with client_for(engine) as restarted:  # the right password, a new browser
            assert "Too many tries" in await signed_in(restarted, *ANN)
        assert "Signed in as Ann Smith" in await signed_in(own_browser, *ANN)


async def test_a_forwarded_address_is_believed_only_from_a_named_proxy(engine):
    await recruiters_added(engine, ANN)
    async with client_for(engine) as client:
        answers = [
            await signed_in(client, *ANN[:2], f"guess-{n}", **{"X-Forwarded-For": f"10.0.0.{n}"})
            for n in range(12)
        ]
    assert sum("Too many tries" in answer for answer in answers) >= 6
    proxied = web_app(engine, secret_key="test", trusted_proxies=["127.0.0.1"])
    from starlette.requests import Request

    from bot.channels.web_guard import client_address

    scope = {
        "type": "http",
        "client": ("127.0.0.1", 5000),
        "headers": [(b"x-forwarded-for", b"203.0.113.9, 127.0.0.1")],
    }
    assert client_address(Request(scope), frozenset({"127.0.0.1"})) == "203.0.113.9"
    assert client_address(Request(scope), frozenset()) == "127.0.0.1"
    assert proxied is not None


async def test_signing_out_a_new_password_and_removal_each_end_every_copy_of_a_sign_in(engine):
    await recruiters_added(engine, ANN)
    for ending in ("sign out", "new password", "removed"):
        async with client_for(engine) as client:
            board = await signed_in(client, *ANN)
            assert "Sign out" in board
            copied = client_for(engine)
            copied.cookies = client.cookies  # a copy of the cookie, made while signed in
            if ending == "sign out":
                await client.post("/hub/sign-out", data={"csrf": csrf_of(board)})
            else:
                async with engine.database.transaction() as session:
                    ann = await find_recruiter(session, hub_id=ANN[0], name=ANN[1])
                    if ending == "new password":
                        await set_password(
                            session, recruiter=ann, password_hash=hash_password(ANN[2])
                        )
                    else:
                        await remove_recruiter(session, recruiter=ann)
            async with copied:
                assert "Sign out" not in (await copied.get("/hub")).text, ending
                assert (await copied.get("/hub/export.csv")).status_code == 403, ending
    async with client_for(engine) as client:
        assert "do not match" in await signed_in(client, *ANN)  # removed: no way back in


async def test_the_board_says_so_when_the_database_is_down(knowledge, answerer):
    down = Database("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    engine = Engine(knowledge, down, answerer=answerer)
    async with client_for(engine) as client:
        response = await client.post(
            "/hub/sign-in",
            data={"csrf": csrf_of((await client.get("/hub")).text), "hub": ANN[0], "name": "x"},
        )
        assert response.status_code == 503 and "can't reach its database" in response.text
    await down.close()


async def test_board_pages_are_not_cached_and_https_sites_get_secure_cookies_and_hsts(engine):
    async with client_for(engine) as client:
        page = await client.get("/hub")
        assert page.headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in page.headers
    async with client_for(engine, https_only=True) as client:
        page = await client.get("/hub")
        assert "max-age=31536000" in page.headers["strict-transport-security"]
        assert "secure" in page.headers["set-cookie"].lower()
