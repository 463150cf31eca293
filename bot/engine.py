"""The dialogue engine: one incoming message in, the replies out. Channel-neutral.

Each message is one database transaction: find the person, load their state, let a flow
answer and record what changed, commit. Any worker can take any message."""

from __future__ import annotations

import logging

from bot.answers.entries import KIND_PREFIX
from bot.answers.hubs import hub_reply
from bot.answers.signposts import help_reply
from bot.flows import (
    commands,
    enquiry,
    follow_up,
    interest,
    menu,
    pathway,
    privacy,
    profile,
    recruiter,
)
from bot.flows.answer import Answerer
from bot.flows.answered import Answered
from bot.flows.registry import conversations
from bot.flows.turn import Turn
from bot.incoming import Incoming, deep_link
from bot.process import metrics
from bot.process.logs import without_personal_data
from bot.replies import Reply
from knowledge.base.entries import Knowledge
from knowledge.base.schema_signposts import SafetyConcern
from knowledge.guidance.places import hub_for_location
from knowledge.understanding.risk import NO_RISK, Risk
from storage.database import Database, DatabaseUnavailable
from storage.questions import log_question, mark_last_question
from storage.state import remember
from storage.turns import person_and_state

__all__ = ["Engine", "Incoming"]

log = logging.getLogger(__name__)
_KIND_BY_PREFIX = {prefix: kind for kind, prefix in KIND_PREFIX.items()}
TRY_AGAIN = "Sorry, I can't reach my records just now. Please try again in a minute."
MAX_TEXT_CHARS = 4096  # Telegram's own limit; anything longer is not a message a person typed
TOO_LONG = (
    "That message is too long for me to read. Please ask one thing at a time, in a shorter message."
)
KEPT_FOR_LATER = (
    "What you've told me so far is kept: carry on whenever you're ready, or send /cancel."
)


class Engine:
    """Turns each incoming message into replies, whatever channel it came from."""

    def __init__(
        self,
        knowledge: Knowledge,
        database: Database,
        *,
        answerer: Answerer | None = None,
        retention_days: int = 365,
    ) -> None:
        self.knowledge = knowledge
        self.database = database
        self.answerer = answerer or Answerer(knowledge)
        self.retention_days = retention_days
        self._flows = conversations(self.answerer.graph)

    def answer(self, text: str) -> Answered:
        """Answer free text with no person or state (used by `ask` and `eval`)."""
        return self.answerer.answer(text)

    def opening(self, payload: str = "") -> list[Reply]:
        """What a new visitor sees first (a deep link may open a role or apprenticeship), made
        without touching the database: a visit alone stores nothing."""
        entry_id = deep_link(payload)[1] if payload else None
        kind = self.knowledge.kind_of(entry_id) if entry_id else None
        opened = (
            self.answerer.open(kind, entry_id, None)
            if kind in ("roles", "apprenticeships")
            else None
        )
        return [menu.welcome_reply(), *([opened] if opened else [])]

    async def handle(self, incoming: Incoming, *, raise_unavailable: bool = False) -> list[Reply]:
        """The replies to one message; never raises for anything a person can send. An
        unreachable database is a "try again" reply, or DatabaseUnavailable for a channel that
        answers it itself (`raise_unavailable`: the web's 503)."""
        metrics.UPDATES.labels(_kind(incoming)).inc()
        if len(incoming.text or "") > MAX_TEXT_CHARS:  # before any reading of it
            return [Reply(TOO_LONG)]
        try:
            if incoming.hub_id is not None:
                async with self.database.transaction() as session:
                    return await recruiter.handle(session, self.knowledge, incoming)
            async with self.database.transaction() as session:
                person, state = await person_and_state(
                    session,
                    channel=incoming.channel,
                    channel_user_id=incoming.channel_user_id,
                    source=incoming.campaign,
                )
                turn = Turn(
                    incoming,
                    person,
                    state,
                    session,
                    self.knowledge,
                    self.answerer,
                    self.retention_days,
                )
                return await self._dispatch(turn)
        except DatabaseUnavailable:
            metrics.ERRORS.labels("database-unavailable").inc()
            if raise_unavailable:
                raise
            log.warning("database unavailable; asked the person to try again")
            return [Reply(TRY_AGAIN)]
        except Exception as error:
            metrics.ERRORS.labels(type(error).__name__).inc()
            log.error(
                "could not handle a message; sent an apology\n%s", without_personal_data(error)
            )
            return [
                Reply(
                    "Sorry, something went wrong on my side. Please try again.",
                    menu.main_menu_buttons(),
                )
            ]

    async def _dispatch(self, turn: Turn) -> list[Reply]:
        button = turn.incoming.button
        text = turn.text
        risk = NO_RISK
        if button is None and text and not text.startswith("/"):
            risk = self.answerer.read_risk(text)
            if risk.high and risk.concern is not None:
                return self._help_first(turn, risk.concern, text)
        if turn.incoming.location is not None:
            return await self._location(turn)
        if turn.incoming.shared_phone is not None and not interest.in_form(turn):
            return [
                Reply(
                    "Thanks. I only use a phone number in the interest form: send "
                    "/interest to ask a recruiter to contact you."
                )
            ]
        if button is None and text.startswith("/"):
            return await commands.handle(turn, text, self.opening)
        if button is not None and button.startswith("form:start"):
            chosen = button.removeprefix("form:start").lstrip(":") or None
            return await interest.start(turn, chosen)
        for prefix, flow in self._flows.items():
            if flow.active(turn) and (button is None or button.startswith(f"{prefix}:")):
                replies = await flow.handle(turn)
                if replies:
                    return replies
                break  # the flow let go of a message that was not for it: answer it below
        if button is not None:
            return await self._button(turn, button)
        for flow in self._flows.values():
            if flow.wanted(text) and not risk.first:
                return await flow.start(turn)
        return await self._answer(turn, text, risk)

    def _help_first(self, turn: Turn, concern: SafetyConcern, text: str) -> list[Reply]:
        """Help before anything else. The message is never logged, stored in the question log
        or kept in state; a form under way is kept as it was, and a careers question in the
        same message is still answered after the help."""
        help_first = help_reply(concern)
        metrics.ANSWERS.labels("safety").inc()
        if turn.state.flow:
            return [help_first, Reply(KEPT_FOR_LATER)]
        answered = self.answerer.careers_answer(text, follow_up.subject(turn, text, None))
        return [help_first, *(answered.replies if answered.match is not None else [])]

    async def _location(self, turn: Turn) -> list[Reply]:
        lat, lon = turn.incoming.location or (0.0, 0.0)
        coverage = hub_for_location(self.knowledge, lat, lon)
        hub = coverage.hub if coverage else self.knowledge.national_hub
        if interest.in_form(turn) and turn.state.step == "place" and hub is not None:
            return await interest.take_place(turn, hub.towns[0] if hub.towns else hub.short_name)
        if hub is None:
            return [menu.fallback_reply(self.answerer.unsure_offer)]
        return [hub_reply(hub, place="where you are")]

    async def _answer(self, turn: Turn, text: str, risk: Risk) -> list[Reply]:
        subject = follow_up.subject(turn, text, None)
        answered = self.answerer.answer_with(risk, text, subject)
        metrics.ANSWERS.labels(answered.outcome).inc()
        if answered.private:  # it may show a concern: answered, but never logged or kept
            return answered.replies
        job = follow_up.job_said(self.answerer.index, text)
        if job is not None:
            follow_up.remember_job(turn, job)
        profile.remember_circumstances(turn, text)
        if any(ch.isalnum() for ch in text):
            guess = answered.match or answered.best_guess
            await log_question(
                turn.session,
                person_id=turn.person.id,
                text=text,
                best_kind=getattr(guess, "kind", None),
                best_id=getattr(guess, "id", None) or getattr(guess, "entry_id", None),
                score=getattr(guess, "score", None),
                answered=answered.match is not None,
            )
        if answered.match and answered.match.id == "after-applying":
            return await privacy.my_status(turn)  # 'what happens now': their own requests
        if answered.route_goal is not None:
            start_id, goal = answered.route_goal
            return [pathway.planned(turn, self.answerer.graph, start_id, goal)]
        if start_id := self._from_their_job(turn, answered):  # 'I want to become a nurse'
            return [pathway.planned(turn, self.answerer.graph, start_id, answered.match.id)]
        if answered.unanswered:
            # offered to a person if they choose "Ask a person"
            remember(turn.state, asked=text[:1000])
        if answered.match and answered.match.kind in ("role", "apprenticeship"):
            _remember(
                turn, f"{'role' if answered.match.kind == 'role' else 'app'}:{answered.match.id}"
            )
        return answered.replies

    def _from_their_job(self, turn: Turn, answered: Answered) -> str | None:
        """The job the person said they do, when they ask how to become another job that a
        route leads to from it: the route from where they are answers them better."""
        match, job = answered.match, turn.state.data.get("job")
        if match is None or match.kind != "role" or match.aspect != "entry":
            return None
        if not job or job == match.id or not self.answerer.graph.plan(job, match.id):
            return None
        return job

    async def _button(self, turn: Turn, data: str) -> list[Reply]:
        head, _, rest = data.partition(":")
        if head == "status":
            return await privacy.my_status(turn)
        if head == "menu":
            return [self._menu(rest)]
        if head == "none":  # "None of these": the suggestions were not what they meant
            await mark_last_question(turn.session, person_id=turn.person.id, outcome="not-meant")
            return [menu.fallback_reply(self.answerer.unsure_offer)]
        if head == "ask" and rest == "person":
            return await enquiry.start(turn)
        if head == "interest":
            kind, _, entry_id = rest.partition(":")
            if kind in ("role", "app") and entry_id:
                replies = await interest.light_interest(turn, kind, entry_id)
                if replies:
                    return replies
            if not rest or kind == "hub":
                return await interest.start(turn)  # the last topic is offered, not assumed
        if head in self._flows and rest == "start":
            return await self._flows[head].start(turn)
        if head == "forget" and rest == "ask":
            return privacy.ask_to_forget(turn)
        if head in _KIND_BY_PREFIX:
            entry_id, _, aspect = rest.partition(":")
            reply = self.answerer.open(_KIND_BY_PREFIX[head], entry_id, aspect or None)
            if reply is not None:
                if head in ("role", "app"):
                    _remember(turn, f"{head}:{entry_id}")
                return [reply]
        return [
            Reply(
                "Sorry, that button is out of date. Here's where you can start again:",
                menu.main_menu_buttons(),
            )
        ]

    def _menu(self, which: str) -> Reply:
        name, _, argument = which.partition(":")
        if name == "roles":
            return menu.roles_menu(self.knowledge, argument or None)
        if name == "apps":
            return menu.apprenticeships_menu(self.knowledge)
        if name == "hubs":
            return menu.hubs_menu(self.knowledge)
        return menu.welcome_reply()


def _kind(incoming: Incoming) -> str:
    """What kind of message it is, for metrics (never what it says)."""
    if incoming.hub_id is not None:
        return "recruiter"
    if incoming.button is not None:
        return "button"
    if incoming.shared_phone is not None:
        return "contact"
    if incoming.location is not None:
        return "location"
    return "command" if (incoming.text or "").startswith("/") else "text"


def _remember(turn: Turn, entry: str) -> None:
    """The last role or apprenticeship looked at, to pre-fill the interest form."""
    remember(turn.state, last=entry)
