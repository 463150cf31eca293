"""Property tests: any text at all, in every state a conversation can be in, gets sensible
replies and never the 'something went wrong' apology that means an exception was caught."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.engine import Incoming
from bot.replies import MAX_PAYLOAD_BYTES

FORM = ["/interest", "care worker", "Sam Jones", "07911 123456", "NG7 2RD", "part-time", "no"]
STATES = {
    "none": [],
    "form: interests": FORM[:1],
    "form: name": FORM[:2],
    "form: contact": FORM[:3],
    "form: place": FORM[:4],
    "form: hours": FORM[:5],
    "form: drives": FORM[:6],
    "form: summary": FORM[:7],
    "form: consent": [*FORM, "yes"],
    "explore": ["/explore"],
    "eligible: age": ["/eligible"],
    "eligible: country": ["/eligible", "17"],
    "pathway: current": ["/pathway"],
    "pathway: goal": ["/pathway", "care worker"],
    "ask a person": [{"button": "ask:person"}],
    "forget": ["/forget"],
    "after a role": ["nursing associate"],
}
APOLOGY = "something went wrong on my side"
ANY_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(min_size=300, max_size=10_000),
    st.sampled_from(["yes", "no", "back", "cancel", "1", "²", "/start x", "NG7", "🙂"]),
)


async def reach(engine, person: str, steps: list) -> None:
    for step in steps:
        if isinstance(step, dict):
            await engine.handle(Incoming(person, **step))
        else:
            await engine.handle(Incoming(person, text=step))


@pytest.mark.parametrize("state", list(STATES))
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=ANY_TEXT)
async def test_any_text_in_any_state_gets_sensible_replies(engine, state, text):
    person = f"telegram:{uuid.uuid4().int % 10**9}"
    await reach(engine, person, STATES[state])
    replies = await engine.handle(Incoming(person, text=text))
    assert replies
    for reply in replies:
        assert reply.text.strip()
        assert APOLOGY not in reply.text
        for button in reply.buttons:
            assert 0 < len(button.payload.encode()) <= MAX_PAYLOAD_BYTES
