"""Only a hub's own recruiters act on its leads, in its own chat: every tap and every reply
to a card comes from a current member, and a lead's owner is a person, not a name."""

from sqlalchemy import select

from storage.models import Enquiry, Lead, LeadEvent
from tests.bot.channels.conftest import make_application
from tests.bot.channels.test_telegram_hubs import (
    HUB_CHAT,
    PERSON,
    card_of,
    deliver,
    drain,
    in_group,
    lead_via_telegram,
    question_to_hub,
    relay_for,
    tap_in_group,
)
from tests.fakes.bot_api import button_update, message_update

OTHER_HUB_CHAT = -100300


async def _lead_id(application, fake_api, engine) -> str:
    await lead_via_telegram(application, fake_api)
    await drain(await relay_for(application, engine))
    claim = card_of(fake_api)["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    return claim.removeprefix("claim:")


async def _lead(engine, lead_id) -> Lead:
    async with engine.database.transaction() as session:
        return await session.get(Lead, lead_id)


async def test_someone_who_left_the_group_cannot_claim_with_a_forged_tap(
    application, fake_api, engine
):
    lead_id = await _lead_id(application, fake_api, engine)
    fake_api.left_members.add(888)
    await deliver(application, tap_in_group(300, 888, f"claim:{lead_id}"))
    [answer] = fake_api.sent("answerCallbackQuery")[-1:]
    assert "Only members" in answer["text"] and answer["show_alert"] in (True, "true")
    lead = await _lead(engine, lead_id)
    assert lead.owner_id is None and lead.status == "new"


async def test_someone_who_left_cannot_answer_a_question_card(application, fake_api, engine):
    await lead_via_telegram(application, fake_api, first_id=50)
    await question_to_hub(application, "can I wear trainers on shift")
    relay = await relay_for(application, engine)
    await drain(relay)
    async with engine.database.transaction() as session:
        [enquiry] = (await session.execute(select(Enquiry))).scalars().all()
    fake_api.left_members.add(888)
    sent_before = len(fake_api.sent())
    await deliver(
        application, in_group(10, 888, "sure, wear what you like", reply_to=enquiry.card_message_id)
    )
    assert "Only members" in fake_api.sent()[-1]["text"]
    await drain(relay)
    to_person = [p for p in fake_api.sent()[sent_before:] if int(p["chat_id"]) == PERSON]
    assert to_person == []


async def test_the_same_first_name_in_another_hubs_chat_cannot_change_a_lead(fake_api, engine):
    application = make_application(
        fake_api,
        engine,
        hub_chats={"nottingham-hub": HUB_CHAT, "north-west-hub": OTHER_HUB_CHAT},
    )
    async with application:
        lead_id = await _lead_id(application, fake_api, engine)
        await deliver(application, tap_in_group(300, 701, f"claim:{lead_id}"))
        assert "is yours" in fake_api.sent()[-1]["text"]
        namesake = tap_in_group(301, 702, f"status:{lead_id}:unsuitable")
        namesake["callback_query"]["from"]["first_name"] = "Recruiter701"  # same name as owner
        namesake["callback_query"]["message"]["chat"]["id"] = OTHER_HUB_CHAT
        await deliver(application, namesake)
        assert "out of date" in fake_api.sent()[-1]["text"]
        same_chat = tap_in_group(302, 702, f"status:{lead_id}:unsuitable")
        same_chat["callback_query"]["from"]["first_name"] = "Recruiter701"
        await deliver(application, same_chat)
        assert "only they can change it" in fake_api.sent()[-1]["text"]
    lead = await _lead(engine, lead_id)
    assert lead.status == "claimed" and lead.owner_id == "telegram:701"


async def test_a_telegram_name_like_a_board_recruiters_is_not_them(application, fake_api, engine):
    lead_id = await _lead_id(application, fake_api, engine)
    async with engine.database.transaction() as session:
        lead = await session.get(Lead, lead_id)
        lead.owner, lead.owner_id, lead.status = "Rita (web)", "board:some-recruiter", "claimed"
    impostor = tap_in_group(310, 703, f"status:{lead_id}:unsuitable")
    impostor["callback_query"]["from"]["first_name"] = "Rita (web)"
    await deliver(application, impostor)
    assert "belongs to Rita (web); only they can change it" in fake_api.sent()[-1]["text"]
    async with engine.database.transaction() as session:
        events = (await session.execute(select(LeadEvent.status))).scalars().all()
    assert "unsuitable" not in events


async def test_forget_removes_the_details_from_the_hubs_own_cards_before_the_notice(
    application, fake_api, engine
):
    await lead_via_telegram(application, fake_api)
    await question_to_hub(application, "can I wear trainers on shift", first_id=30)
    relay = await relay_for(application, engine)
    await drain(relay)
    async with engine.database.transaction() as session:
        [lead] = (await session.execute(select(Lead))).scalars().all()
        [enquiry] = (await session.execute(select(Enquiry))).scalars().all()
    cards = {lead.card_message_id, enquiry.card_message_id}
    await deliver(application, message_update(33, PERSON, "/forget"))
    await deliver(application, button_update(34, PERSON, "forget:yes"))
    await drain(relay)
    edits = [e for e in fake_api.sent("editMessageText") if int(e["message_id"]) in cards]
    assert len(edits) == 2
    for edit in edits:
        assert "removed at the person's request" in edit["text"]
        assert "Sam Jones" not in edit["text"] and "07911" not in edit["text"]
        assert "trainers" not in edit["text"]
    notices = [p for p in fake_api.sent() if p["text"].startswith("Please delete")]
    assert len(notices) == 2
    calls = [c.method for c in fake_api.calls]
    assert calls.index("editMessageText") < max(
        i for i, c in enumerate(fake_api.calls) if c.method == "sendMessage"
    )
