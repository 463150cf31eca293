"""The Telegram channel: the real PTB Application, over HTTP, against the fake Bot API."""

import asyncio
import logging

import pytest
from telegram import Update

from bot.channels import telegram as telegram_channel
from bot.channels.telegram import TokenError, check_token
from tests.bot.channels.conftest import TOKEN
from tests.fakes.bot_api import button_update, message_update

USER = 4242


async def deliver(application, update: dict) -> None:
    await application.process_update(Update.de_json(update, application.bot))


def keyboard_labels(params: dict) -> list[str]:
    markup = params.get("reply_markup") or {}
    return [key["text"] for row in markup.get("inline_keyboard", []) for key in row]


async def test_start_welcomes_and_sets_no_personal_data_in_calls(application, fake_api):
    await deliver(application, message_update(1, USER, "/start"))
    [welcome] = fake_api.sent()
    assert welcome["chat_id"] in (USER, str(USER))
    assert welcome["parse_mode"] == "HTML"
    assert "Hello! I'm CarePath" in welcome["text"]
    assert "Explore jobs" in keyboard_labels(welcome)
    assert not fake_api.sent("sendChatAction")  # a quick reply needs no "typing..."


async def test_a_slow_reply_shows_typing_meanwhile(application, fake_api, engine, monkeypatch):
    monkeypatch.setattr(telegram_channel, "TYPING_AFTER", 0.01)
    handle = engine.handle

    async def slow_handle(incoming):
        await asyncio.sleep(0.2)
        return await handle(incoming)

    monkeypatch.setattr(engine, "handle", slow_handle)
    await deliver(application, message_update(1, USER, "hello"))
    assert [params["action"] for params in fake_api.sent("sendChatAction")] == ["typing"]
    assert len(fake_api.sent()) == 1


async def test_start_with_a_campaign_payload_records_the_source(application, fake_api, engine):
    await deliver(application, message_update(1, USER, "/start jobfair2026__paramedic"))
    texts = [params["text"] for params in fake_api.sent()]
    assert texts[1].startswith("Paramedic:")
    await deliver(application, message_update(2, USER, "/mydata"))
    assert "from jobfair2026" in fake_api.sent()[-1]["text"]


async def test_a_question_gets_an_escaped_answer_with_buttons(application, fake_api):
    await deliver(application, message_update(1, USER, "nursing associate pay <b>"))
    [answer] = fake_api.sent()
    assert "Band 4" in answer["text"]
    assert '<a href="https://' in answer["text"]
    assert "I'm interested" in keyboard_labels(answer)
    for row in answer["reply_markup"]["inline_keyboard"]:
        for key in row:
            assert len(key["callback_data"].encode()) <= 64


async def test_a_button_tap_is_answered_and_replied_to(application, fake_api):
    await deliver(application, button_update(1, USER, "role:nursing-associate:entry"))
    assert fake_api.sent("answerCallbackQuery")
    assert "How to become a nursing associate" in fake_api.sent()[-1]["text"]


async def test_the_whole_form_with_a_shared_contact(application, fake_api, engine):
    steps = ["/interest", "care worker", "Sam Jones"]
    for number, text in enumerate(steps, start=1):
        await deliver(application, message_update(number, USER, text))
    contact_prompt = fake_api.sent()[-1]
    assert contact_prompt["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    contact = {"phone_number": "+447911123456", "first_name": "Sam", "user_id": USER}
    await deliver(application, message_update(10, USER, None, contact=contact))
    assert "postcode" in fake_api.sent()[-1]["text"]
    await deliver(application, message_update(11, USER, "NG7 2RD"))
    for number, data in enumerate(
        ("form:hours:part", "form:drives:no", "form:confirm", "form:consent:yes"), start=20
    ):
        await deliver(application, button_update(number, USER, data))
    assert "Your reference is CP-" in fake_api.sent()[-1]["text"]


async def test_someone_elses_contact_is_refused(application, fake_api):
    contact = {"phone_number": "+447911123456", "first_name": "Other", "user_id": 1}
    await deliver(application, message_update(1, USER, None, contact=contact))
    assert "your own phone number" in fake_api.sent()[-1]["text"]


async def test_a_shared_location_finds_the_hub(application, fake_api):
    location = {"latitude": 52.95, "longitude": -1.15}
    await deliver(application, message_update(1, USER, None, location=location))
    assert "Greater Nottingham" in fake_api.sent()[-1]["text"]


async def test_non_text_messages_get_a_polite_reply(application, fake_api):
    sticker = {
        "file_id": "x",
        "file_unique_id": "y",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    await deliver(application, message_update(1, USER, None, sticker=sticker))
    assert "I can only read text messages" in fake_api.sent()[-1]["text"]


async def test_a_long_answer_is_split_at_paragraphs(application, fake_api, engine, monkeypatch):
    from bot.replies import Reply

    paragraphs = [f"Paragraph {n}: " + "word " * 150 for n in range(12)]

    async def long_reply(incoming):
        return [Reply("\n\n".join(paragraphs))]

    monkeypatch.setattr(engine, "handle", long_reply)
    await deliver(application, message_update(1, USER, "tell me everything"))
    sent = fake_api.sent()
    assert len(sent) >= 2 and all(len(params["text"]) <= 4096 for params in sent)
    assert all(params["text"].startswith("Paragraph") for params in sent)


async def test_other_groups_are_told_once_and_left(application, fake_api):
    await deliver(application, message_update(1, USER, "hello all", "supergroup", -100999))
    assert "one to one" in fake_api.sent()[-1]["text"]
    assert fake_api.sent("leaveChat")[0]["chat_id"] in (-100999, "-100999")


async def test_a_hub_chat_is_not_left(application, fake_api):
    await deliver(application, message_update(1, USER, "hello", "supergroup", -100200))
    assert not fake_api.sent("leaveChat")


async def test_a_person_who_blocked_the_bot_is_marked_unreachable(application, fake_api, engine):
    from storage.people import find_person

    fake_api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    await deliver(application, message_update(1, USER, "hello"))
    async with engine.database.transaction() as session:
        person = await find_person(session, channel="telegram", channel_user_id=str(USER))
    assert person.reachable is False


async def test_a_failing_command_menu_is_not_fatal(fake_api, engine, caplog):
    from tests.bot.channels.conftest import make_application

    fake_api.fail("setMyCommands", 400, "Bad Request: commands are invalid")
    app = make_application(fake_api, engine)
    async with app:
        await app.post_init(app)
    assert "could not set the command menu" in caplog.text


async def test_errors_are_logged_without_what_people_wrote(
    application, fake_api, engine, monkeypatch, caplog
):
    caplog.set_level(logging.DEBUG)

    async def broken(incoming):
        raise RuntimeError(f"boom with {incoming.text}")

    monkeypatch.setattr(engine, "handle", broken)
    await deliver(application, message_update(1, USER, "my number is 07911 123456"))
    assert "update 1 failed" in caplog.text
    assert "builtins.RuntimeError (message withheld)" in caplog.text and "in broken" in caplog.text
    assert "07911" not in caplog.text


def test_token_is_checked_and_never_echoed():
    assert check_token(f"  {TOKEN} ") == TOKEN
    with pytest.raises(TokenError, match="not set"):
        check_token(None)
    with pytest.raises(TokenError) as raised:
        check_token("12345:short-secret-value")
    assert "short-secret-value" not in str(raised.value)


async def test_long_polling_gets_updates_and_replies(fake_api, engine):
    from tests.bot.channels.conftest import make_application

    app = make_application(fake_api, engine)
    fake_api.updates.append(message_update(7, USER, "hello"))
    async with app:
        await app.start()
        await app.updater.start_polling(poll_interval=0.01)
        for _ in range(200):
            if fake_api.sent():
                break
            await asyncio.sleep(0.02)
        await app.updater.stop()
        await app.stop()
    assert "Hello" in fake_api.sent()[0]["text"]


async def test_a_route_picture_is_sent_as_a_photo(application, fake_api):
    await deliver(application, message_update(1, USER, "from HCA to registered nurse"))
    assert "the quickest route" in fake_api.sent()[-1]["text"]
    [photo] = fake_api.sent("sendPhoto")
    assert int(photo["chat_id"]) == USER and photo["photo"] == "<file>"


async def test_the_quiz_and_the_eligibility_check_in_telegram(application, fake_api):
    await deliver(application, message_update(1, USER, "/explore"))
    for number, data in enumerate(
        (
            "explore:draw:care",
            "explore:experience:0",
            "explore:qualification:0",
            "explore:drives:yes",
            "explore:age:16",
            "explore:hours:part",
            "explore:earn:yes",
        ),
        start=2,
    ):
        await deliver(application, button_update(number, USER, data))
    result = fake_api.sent()[-1]
    assert result["text"].startswith("Three jobs that could suit you")
    assert sum(label.startswith("Register interest") for label in keyboard_labels(result)) == 3
    await deliver(application, message_update(20, USER, "/eligible"))
    await deliver(application, message_update(21, USER, "16"))
    for number, data in enumerate(
        (
            "eligible:country:yes",
            "eligible:education:yes",
            "eligible:english_maths:yes",
            "eligible:qualification:none",
        ),
        start=22,
    ):
        await deliver(application, button_update(number, USER, data))
    assert "First, finish full-time education" in fake_api.sent()[-1]["text"]


async def test_a_person_in_crisis_on_telegram_gets_help_and_nothing_is_logged(
    application, fake_api, caplog
):
    with caplog.at_level(logging.DEBUG):
        await deliver(application, message_update(1, USER, "i feel sucidal tonight"))
    sent = fake_api.sent()[-1]["text"]
    assert sent.startswith("I'm really sorry you're feeling like this")
    assert "116 123" in sent and "85258" in sent and "999" in sent
    assert "sucidal" not in caplog.text


async def test_a_failing_handler_logs_its_traceback_but_no_personal_data(
    application, fake_api, engine, caplog, monkeypatch
):
    def fails(text, subject=None):
        raise ValueError(f"could not read {text!r}")

    monkeypatch.setattr(engine.answerer, "careers_answer", fails)
    typed = "Im Sam Jones, ring me on 07911 123456 about nursing"
    with caplog.at_level(logging.DEBUG):
        await deliver(application, message_update(1, USER, typed))
    assert "Sorry, something went wrong" in fake_api.sent()[-1]["text"]
    assert "Traceback (most recent call last):" in caplog.text
    assert "builtins.ValueError (message withheld)" in caplog.text and "in _answer" in caplog.text
    assert "Sam Jones" not in caplog.text and "07911" not in caplog.text


async def test_a_crisis_inside_a_careers_question_on_telegram_gets_help_then_the_answer(
    application, fake_api, caplog
):
    typed = "i cant go on like this, everyone would be better off without me. do carers get paid"
    with caplog.at_level(logging.DEBUG):
        await deliver(application, message_update(1, USER, typed))
    help_first, answer = fake_api.sent()[-2:]
    assert help_first["text"].startswith("I'm really sorry you're feeling like this")
    assert "116 123" in help_first["text"] and "999 BSL" in help_first["text"]
    assert "care worker" in answer["text"].casefold()
    assert "better off without me" not in caplog.text
