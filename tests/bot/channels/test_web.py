"""The web chat: the same engine behind a signed cookie; bad input refused or escaped."""

import base64
import json
import re

import httpx
import pytest

from bot.channels.web import COOKIE, MAX_MESSAGE_CHARS, web_app
from storage.models import Lead, QuestionLog

SECRET = "web-secret-for-tests"


def browser(engine, **options) -> httpx.AsyncClient:
    app = web_app(engine, secret_key=SECRET, **options)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://web")


async def opened(client: httpx.AsyncClient, path: str = "/") -> tuple[str, str]:
    page = await client.get(path)
    assert page.status_code == 200
    token = re.search(r'name="csrf-token" content="([^"]+)"', page.text)[1]
    return page.text, token


async def say(client, token, **message) -> httpx.Response:
    return await client.post("/send", json=message, headers={"X-CSRF-Token": token})


async def test_the_page_greets_and_its_cookie_holds_only_a_random_id(engine):
    async with browser(engine) as client:
        page = await client.get("/")
        assert "Hello! I&#39;m CarePath" in page.text or "Hello! I'm CarePath" in page.text
        assert '<label for="message">' in page.text and 'aria-live="polite"' in page.text
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
        cookie = page.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
        payload = client.cookies[COOKIE].split(".")[0]
        data = json.loads(base64.b64decode(payload + "=" * (-len(payload) % 4)))
        assert set(data) == {"id", "csrf"}  # no personal data in the cookie


async def test_two_questions_a_button_and_the_interest_form_make_a_lead(engine_on_each_database):
    engine = engine_on_each_database
    async with browser(engine) as client:
        _, token = await opened(client)
        first = (await say(client, token, text="nursing associate pay")).json()["replies"]
        assert "Band 3" in first[0]["text"]
        second = (await say(client, token, text="what does a porter do")).json()["replies"]
        assert second[0]["text"].startswith("Hospital porter:")
        pay = next(b for b in second[0]["buttons"] if b["label"] == "Pay")
        tapped = (await say(client, token, button=pay["payload"])).json()["replies"]
        assert "Band 2" in tapped[0]["text"]
        for typed in ["/interest", "care worker", "Sam Person", "07911 123456", "NG7 2RD",
                      "Part-time", "no", "yes", "yes"]:  # fmt: skip
            replies = (await say(client, token, text=typed)).json()["replies"]
        assert "reference" in replies[0]["text"].casefold()
    async with engine.database.transaction() as session:
        [lead] = (await session.execute(Lead.__table__.select())).all()
        assert lead.hub_id == "nottingham-hub"


async def test_a_deep_link_starts_as_on_telegram(engine):
    async with browser(engine) as client:
        page, token = await opened(client, "/?start=jobfair2026__paramedic")
        assert "Paramedic:" in page
        mydata = (await say(client, token, text="/mydata")).json()["replies"]
        assert "from jobfair2026" in mydata[0]["text"]


async def test_html_in_a_message_comes_back_as_text_never_markup(engine):
    async with browser(engine) as client:
        page = await client.get("/?start=<script>alert(1)</script>")
        assert "<script>alert(1)</script>" not in page.text
        _, token = await opened(client)
        reply = await say(client, token, text="<img src=x onerror=alert(1)> nurse pay")
        assert reply.status_code == 200 and reply.headers["content-type"] == "application/json"


async def test_no_cookie_a_forged_cookie_or_no_csrf_token_is_refused(engine):
    async with browser(engine) as client:
        _, token = await opened(client)
        assert (await client.post("/send", json={"text": "hi"})).status_code == 403
        wrong = await client.post("/send", json={"text": "hi"}, headers={"X-CSRF-Token": "x"})
        assert wrong.status_code == 403
    async with browser(engine) as stranger:  # no cookie at all
        refused = await stranger.post("/send", json={"text": "hi"}, headers={"X-CSRF-Token": token})
        assert refused.status_code == 403 and "Reload the page" in refused.json()["error"]
        forged = base64.b64encode(json.dumps({"id": "x", "csrf": token}).encode()).decode()
        stranger.cookies.set(COOKIE, f"{forged}.AAAA.BBBB")
        refused = await stranger.post("/send", json={"text": "hi"}, headers={"X-CSRF-Token": token})
        assert refused.status_code == 403


async def test_too_long_a_huge_body_and_not_a_message_get_clear_refusals(engine):
    async with browser(engine) as client:
        _, token = await opened(client)
        long = await say(client, token, text="a" * (MAX_MESSAGE_CHARS + 1))
        assert long.status_code == 400 and "4,096 characters" in long.json()["error"]
        huge = await client.post(
            "/send", content=b"{" + b" " * 200_000, headers={"X-CSRF-Token": token}
        )
        assert huge.status_code == 413
        for body in [b"not json", b"[1, 2]", b'{"text": 5}', b'{"text": "   "}']:
            odd = await client.post("/send", content=body, headers={"X-CSRF-Token": token})
            assert odd.status_code == 400 and "Send a message" in odd.json()["error"]


async def test_a_person_sending_too_fast_is_asked_to_wait_on_every_worker(engine):
    async with browser(engine, per_minute=(3, 100)) as client:
        _, token = await opened(client)
        codes = [(await say(client, token, text="hello")).status_code for _ in range(3)]
        async with browser(engine, per_minute=(3, 100)) as second_worker:
            second_worker.cookies = client.cookies
            codes.append((await say(second_worker, token, text="hello")).status_code)
        assert codes == [200, 200, 200, 429]


async def test_new_cookies_do_not_get_round_the_limit_of_an_address(engine):
    codes = []
    for _ in range(4):
        async with browser(engine, per_minute=(20, 3)) as visitor:
            _, token = await opened(visitor)
            codes.append((await say(visitor, token, text="hello")).status_code)
    assert codes == [200, 200, 200, 429]


async def test_a_visit_is_not_a_person_until_they_send_something(engine):
    from storage.models import Person

    async with browser(engine) as visitor:
        for _ in range(10):
            page = await visitor.get("/?start=jobfair2026__care-worker")
            assert "Care worker" in page.text
        async with engine.database.transaction() as session:
            assert (await session.execute(Person.__table__.select())).all() == []
        _, token = await opened(visitor)
        await say(visitor, token, text="hello")
    async with engine.database.transaction() as session:
        [person] = (await session.execute(Person.__table__.select())).all()
    assert person.source == "jobfair2026"  # the campaign is kept until they write


@pytest.mark.parametrize("name", ["../etc/passwd", "route-zz.png", "x.png"])
async def test_only_route_pictures_are_served(engine, name):
    async with browser(engine) as client:
        assert (await client.get(f"/picture/{name}")).status_code == 404


async def test_health(engine):
    async with browser(engine) as client:
        assert (await client.get("/health")).json() == {"status": "ok"}


async def test_a_planned_route_comes_with_its_picture(engine):
    async with browser(engine) as client:
        _, token = await opened(client)
        [route] = (await say(client, token, text="from care worker to nurse")).json()["replies"]
        assert route["text"].startswith("From care worker to registered nurse")
        picture = await client.get(route["image"])
        assert picture.status_code == 200 and picture.headers["content-type"] == "image/png"
        assert picture.content.startswith(b"\x89PNG")


async def test_a_web_person_sees_and_erases_what_we_hold(engine):
    async with browser(engine) as client:
        _, token = await opened(client)
        await say(client, token, text="nurse pay")
        held = (await say(client, token, text="/mydata")).json()["replies"][0]["text"]
        assert "nurse pay" in held
        [confirm] = (await say(client, token, text="/forget")).json()["replies"]
        delete = next(b for b in confirm["buttons"] if b["label"] == "Yes, delete everything")
        done = (await say(client, token, button=delete["payload"])).json()["replies"]
        assert "has been deleted" in done[0]["text"]
    async with engine.database.transaction() as session:
        assert not (await session.execute(Lead.__table__.select())).all()
        logged = await session.execute(QuestionLog.__table__.select())
        assert not logged.all()


async def test_on_the_web_a_crisis_gets_help_first_and_a_career_subject_a_gentle_line(engine):
    async with browser(engine) as client:
        _, token = await opened(client)
        replies = (
            await say(client, token, text="he hits me and takes my wages. any care jobs in bolton")
        ).json()["replies"]
        assert replies[0]["text"].startswith("Thank you for telling me; that took courage")
        assert "0808 2000 247" in replies[0]["text"]
        gentle = (
            await say(client, token, text="what do domestic abuse support workers do")
        ).json()["replies"]
        text = "\n".join(reply["text"] for reply in gentle)
        assert "Thank you for telling me" not in text and "0808 2000 247" in text
    async with engine.database.transaction() as session:
        logged = (await session.execute(QuestionLog.__table__.select())).all()
    assert all("hits me" not in row.text for row in logged)


async def test_with_the_database_down_the_page_shows_but_sending_is_503_and_kept_nowhere(
    knowledge, answerer
):
    from bot.engine import Engine
    from storage.database import Database

    down = Database("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    async with browser(Engine(knowledge, down, answerer=answerer)) as client:
        _, token = await opened(client)  # the page itself needs no database
        refused = await say(client, token, text="nurse pay")
        assert refused.status_code == 503 and "can't reach its database" in refused.json()["error"]
        assert (await client.get("/health")).status_code == 503
    await down.close()
