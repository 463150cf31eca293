"""Recruiters in a hub's Telegram group: claim, outcomes, commands, reminders, enquiries."""

import asyncio
from datetime import timedelta

from sqlalchemy import update
from telegram import Update

from bot.channels.telegram_relay import TelegramHubChannel
from bot.hubs.relay import Relay
from bot.hubs.reminders import remind_if_due
from storage.models import Lead, ScheduledJob, utcnow
from tests.fakes.bot_api import button_update, message_update

HUB_CHAT = -100200
DESK_CHAT = -100900
ADMINS = -100999
PERSON = 5151
RECRUITERS = (701, 702)


async def deliver(application, update: dict) -> None:
    await application.process_update(Update.de_json(update, application.bot))


def in_group(update_id: int, user_id: int, text: str, reply_to: int | None = None) -> dict:
    update = message_update(update_id, user_id, text, "supergroup", HUB_CHAT)
    if reply_to is not None:
        update["message"]["reply_to_message"] = {
            "message_id": reply_to,
            "date": 0,
            "chat": {"id": HUB_CHAT, "type": "supergroup"},
            "text": "card",
        }
    return update


def tap_in_group(update_id: int, user_id: int, data: str) -> dict:
    update = button_update(update_id, user_id, data)
    update["callback_query"]["message"]["chat"] = {"id": HUB_CHAT, "type": "supergroup"}
    update["callback_query"]["from"]["first_name"] = f"Recruiter{user_id}"
    return update


async def relay_for(application, engine) -> Relay:
    return Relay(
        knowledge=engine.knowledge,
        database=engine.database,
        channel=TelegramHubChannel(application.bot),
        hub_chats={"nottingham-hub": HUB_CHAT, "national-desk": DESK_CHAT},
        admin_chat=ADMINS,
        worker="test",
    )


async def drain(relay) -> None:
    while await relay.run_once():
        pass


async def lead_via_telegram(application, fake_api, first_id: int = 1) -> None:
    texts = ["/interest", "care worker", "Sam Jones", "07911 123456", "NG7 2RD"]
    for number, text in enumerate(texts, start=first_id):
        await deliver(application, message_update(number, PERSON, text))
    for number, data in enumerate(
        ("form:hours:part", "form:drives:no", "form:confirm", "form:consent:yes"),
        start=first_id + 10,
    ):
        await deliver(application, button_update(number, PERSON, data))


async def question_to_hub(application, text: str, first_id: int = 1) -> None:
    """The person asks `text`, chooses to ask a person, and agrees to send it."""
    await deliver(application, message_update(first_id, PERSON, text))
    await deliver(application, button_update(first_id + 1, PERSON, "ask:person"))
    await deliver(application, button_update(first_id + 2, PERSON, "ask:send"))


def card_of(fake_api) -> dict:
    return next(
        p for p in fake_api.sent() if int(p["chat_id"]) == HUB_CHAT and "New lead" in p["text"]
    )


async def test_a_lead_reaches_the_group_is_claimed_once_and_tracked(application, fake_api, engine):
    await lead_via_telegram(application, fake_api)
    relay = await relay_for(application, engine)
    await drain(relay)
    card = card_of(fake_api)
    claim = card["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    lead_id = claim.removeprefix("claim:")
    # two recruiters tap Claim at the same moment
    await asyncio.gather(
        *(
            deliver(application, tap_in_group(100 + n, user, claim))
            for n, user in enumerate(RECRUITERS)
        )
    )
    said = [p["text"] for p in fake_api.sent() if int(p["chat_id"]) == HUB_CHAT][-2:]
    assert sum("is yours" in text for text in said) == 1
    assert sum("already claimed by Recruiter" in text for text in said) == 1
    async with engine.database.transaction() as session:
        lead = await session.get(Lead, lead_id)
    owner_id = int(lead.owner.removeprefix("Recruiter").split()[0])
    other = next(user for user in RECRUITERS if user != owner_id)
    await deliver(application, tap_in_group(110, other, f"status:{lead_id}:contacted"))
    assert "only they can change it" in fake_api.sent()[-1]["text"]
    await deliver(application, tap_in_group(111, owner_id, f"status:{lead_id}:contacted"))
    await drain(relay)
    edits = fake_api.sent("editMessageText")
    assert edits and "Status: Contacted by Recruiter" in edits[-1]["text"]
    told = [p["text"] for p in fake_api.sent() if "News about your request" in p["text"]]
    assert len(told) == 1  # the person hears of the change, and what to do next
    assert "a recruiter has contacted you" in told[0] and "If you missed them" in told[0]
    await deliver(application, message_update(120, PERSON, "/mystatus"))
    assert "a recruiter has contacted you" in fake_api.sent()[-1]["text"]


async def test_recruiter_commands(application, fake_api, engine):
    await lead_via_telegram(application, fake_api)
    await drain(await relay_for(application, engine))
    await deliver(application, in_group(200, 701, "/leads"))
    listing = fake_api.sent()[-1]["text"]
    assert listing.startswith("Open leads, oldest first (1)") and "CP-" in listing
    ref = listing.split("\n")[1].split()[0]
    await deliver(application, in_group(201, 701, f"/lead {ref.lower()}"))
    assert "History:" in fake_api.sent()[-1]["text"]
    await deliver(application, in_group(202, 701, "/stats"))
    assert "New, not yet claimed: 1" in fake_api.sent()[-1]["text"]
    await deliver(application, in_group(203, 701, "/export"))
    [document] = fake_api.sent("sendDocument")
    assert int(document["chat_id"]) == HUB_CHAT


async def test_commands_from_non_members_and_private_chats_are_refused(application, fake_api):
    fake_api.left_members.add(999)
    await deliver(application, in_group(1, 999, "/leads"))
    assert "Only members" in fake_api.sent()[-1]["text"]
    await deliver(application, message_update(2, 999, "/export"))
    assert "works only in a hub's group chat" in fake_api.sent()[-1]["text"]
    assert not fake_api.sent("sendDocument")


async def test_unclaimed_leads_are_reminded_then_escalated(application, fake_api, engine):
    await lead_via_telegram(application, fake_api)
    relay = await relay_for(application, engine)
    await drain(relay)
    database = engine.database

    async def age_by(hours: int) -> None:
        async with database.transaction() as session:
            await session.execute(update(Lead).values(created_at=utcnow() - timedelta(hours=hours)))
            await session.execute(update(ScheduledJob).values(next_run_at=utcnow()))

    await age_by(49)  # the hub promised 48 hours
    assert await remind_if_due(database, engine.knowledge, worker="a") == 1
    assert await remind_if_due(database, engine.knowledge, worker="b") == 0  # claimed once
    await drain(relay)
    assert fake_api.sent()[-1]["text"].startswith("Reminder: still unclaimed")
    await age_by(97)
    assert await remind_if_due(database, engine.knowledge, worker="a") == 1
    await drain(relay)
    chats = [int(p["chat_id"]) for p in fake_api.sent()[-2:]]
    assert sorted(chats) == sorted([ADMINS, DESK_CHAT])
    assert "Escalated" in fake_api.sent()[-1]["text"]


async def test_ask_a_person_and_the_recruiters_reply_comes_back(application, fake_api, engine):
    await lead_via_telegram(application, fake_api, first_id=50)  # their hub gets the question
    await deliver(application, message_update(1, PERSON, "can I bring my dog to work"))
    await deliver(application, button_update(2, PERSON, "ask:person"))
    assert "May I send this question" in fake_api.sent()[-1]["text"]
    await deliver(application, button_update(3, PERSON, "ask:send"))
    assert "A recruiter will reply here" in fake_api.sent()[-1]["text"]
    relay = await relay_for(application, engine)
    await drain(relay)
    [card] = [
        p for p in fake_api.sent() if "can I bring my dog" in p["text"] and int(p["chat_id"]) < 0
    ]
    card_message_id = len(
        [
            c
            for c in fake_api.calls
            if c.method in ("sendMessage", "sendPhoto", "sendDocument", "editMessageText")
        ]
    )
    assert card["text"].startswith("Question Q-")
    await deliver(
        application,
        in_group(10, 701, "Yes, many of our homes welcome pets!", reply_to=card_message_id),
    )
    assert "Sent to the person" in fake_api.sent()[-1]["text"]
    await drain(relay)
    answer = fake_api.sent()[-1]
    assert int(answer["chat_id"]) == PERSON and "welcome pets" in answer["text"]


async def test_a_link_with_ampersands_reaches_the_hub_escaped_once_and_whole(
    application, fake_api, engine
):
    link = "https://jobs.example.org/search?role=carer&town=Nottingham&page=2"
    await lead_via_telegram(application, fake_api, first_id=60)
    await question_to_hub(application, f"is this job real? {link}")
    await drain(await relay_for(application, engine))
    [card] = [
        p for p in fake_api.sent() if "is this job real" in p["text"] and int(p["chat_id"]) < 0
    ]
    escaped = link.replace("&", "&amp;")
    assert f'<a href="{escaped}">{escaped}</a>' in card["text"]
    assert "&amp;amp;" not in card["text"]


async def test_forgetting_asks_the_hub_to_delete_a_question_it_received(
    application, fake_api, engine
):
    await lead_via_telegram(application, fake_api, first_id=50)
    await question_to_hub(application, "can I bring my dog to work")
    relay = await relay_for(application, engine)
    await drain(relay)
    await deliver(application, message_update(4, PERSON, "/forget"))
    await deliver(application, button_update(5, PERSON, "forget:yes"))
    await drain(relay)
    notices = [p["text"] for p in fake_api.sent() if p["text"].startswith("Please delete")]
    assert any(" CP-" in text for text in notices) and any(" Q-" in text for text in notices)
