"""The web channel in a real browser (Debian's Chromium, driven by Playwright): a person asks,
taps and registers interest; a recruiter signs in, claims the lead; another hub cannot see it.
Each page is photographed at phone and desktop width into the test's output folder."""

import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Page, expect

from bot.channels.web import web_app
from bot.engine import Engine
from bot.hubs.passwords import hash_password
from storage.database import Database
from storage.recruiters import add_recruiter
from tests.conftest import run_in_own_loop

CHROMIUM = Path("/usr/bin/chromium")
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
RECRUITERS = (
    ("nottingham-hub", "Ann", "nottingham-secret-1"),
    ("north-west-hub", "Dee", "north-west-secret-1"),
)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():  # fail, never skip: CI must not pass without its browser tests
        pytest.fail(
            "Debian's Chromium is missing: run `make setup` (it installs the chromium package) "
            "or `apt-get install chromium`"
        )
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM)}


@pytest.fixture(scope="module")
def site(tmp_path_factory, sqlite_template, knowledge, answerer):
    """The web worker on a free port, over a fresh SQLite database, in its own thread."""
    path = tmp_path_factory.mktemp("web") / "carepath.db"
    shutil.copyfile(sqlite_template, path)
    engine = Engine(knowledge, Database(f"sqlite+aiosqlite:///{path}"), answerer=answerer)
    run_in_own_loop(_add_recruiters(f"sqlite+aiosqlite:///{path}"))
    app = web_app(engine, secret_key="browser-tests")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


async def _add_recruiters(url: str) -> None:
    database = Database(url)
    async with database.transaction() as session:
        for hub_id, name, password in RECRUITERS:
            await add_recruiter(
                session, hub_id=hub_id, name=name, password_hash=hash_password(password)
            )
    await database.close()


def photograph(page: Page, folder: str, name: str) -> None:
    """The page as it is now, at phone and at desktop width."""
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        page.screenshot(path=str(Path(folder) / f"{name}-{label}.png"), full_page=True)


def answered(page: Page, action) -> None:
    """Do `action` and wait for the replies to it."""
    replies = page.locator("#conversation li.bot")
    before = replies.count()
    action()
    expect(replies.nth(before)).to_be_attached()


def ask(page: Page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    answered(page, page.get_by_role("button", name="Send", exact=True).click)


def tap(page: Page, label: str) -> None:
    last = page.locator("#conversation li.bot").last
    answered(page, last.get_by_role("button", name=label, exact=True).click)


def test_a_person_asks_taps_and_registers_interest(page: Page, site: str, output_path: str):
    page.goto(site)
    expect(page.locator("#conversation")).to_contain_text("Hello! I'm CarePath")
    ask(page, "how much do nursing associates earn")
    expect(page.locator("#conversation li.bot").last).to_contain_text("Band 3")
    ask(page, "<b>what does a porter do</b>")  # HTML is shown as typed, never rendered
    said = page.locator("#conversation li.you").last
    expect(said.locator("p")).to_have_text("<b>what does a porter do</b>")
    expect(said.locator(".visually-hidden")).to_have_text("You said:")  # read out, not shown
    expect(page.locator("#conversation li.bot .visually-hidden").last).to_have_text(
        "CarePath said:"
    )
    expect(page.locator("#conversation li.bot").last).to_contain_text("Hospital porter:")
    tap(page, "Pay")
    expect(page.locator("#conversation li.bot").last).to_contain_text("Band 2")
    source = page.locator("#conversation li.bot").last.locator("a").first
    expect(source).to_have_attribute("href", re.compile(r"^https://www\.healthcareers\.nhs\.uk/"))
    photograph(page, output_path, "chat")
    ask(page, "/interest")  # the job just read, the porter, is offered, not assumed
    expect(page.locator("#conversation li.bot").last).to_contain_text("Is it Hospital porter?")
    tap(page, "Hospital porter")
    expect(page.locator("#conversation li.bot").last).to_contain_text("What's your name?")
    for typed in ["Sam Person", "07911 123456", "NG7 2RD"]:
        ask(page, typed)
    for label in ["Part-time", "No", "Yes, that's right", "Yes, send my details"]:
        tap(page, label)
    expect(page.locator("#conversation li.bot").last).to_contain_text("reference")
    photograph(page, output_path, "interest-confirmed")


def test_a_recruiter_claims_the_lead_and_another_hub_cannot_see_it(
    page: Page, site: str, output_path: str, browser
):
    page.goto(f"{site}/hub")
    photograph(page, output_path, "hub-sign-in")
    page.get_by_label("Hub", exact=True).select_option("nottingham-hub")
    page.get_by_label("Your name").fill("Ann")
    page.get_by_label("Your password").fill("nottingham-secret-1")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Nottingham and Nottinghamshire hub leads"
    )
    expect(page.locator("table")).to_contain_text("Sam Person")
    expect(page.locator("table")).to_contain_text("Hospital porter")
    reference = page.locator("tbody tr td").first.inner_text()
    photograph(page, output_path, "hub-board")
    page.get_by_role("button", name=f"Claim {reference}").click()
    expect(page.get_by_role("status")).to_contain_text(f"{reference} is yours, Ann (board)")
    expect(page.locator("table")).to_contain_text("by Ann (board)")
    other = browser.new_page()
    other.goto(f"{site}/hub")
    other.get_by_label("Hub", exact=True).select_option("north-west-hub")
    other.get_by_label("Your name").fill("Dee")
    other.get_by_label("Your password").fill("north-west-secret-1")
    other.get_by_role("button", name="Sign in").click()
    expect(other.locator("main")).to_contain_text("No leads yet.")
    expect(other.locator("main")).not_to_contain_text(reference)
    other.close()
