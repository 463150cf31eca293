"""The relay: claims outbox messages and delivers them to hub chats through a channel.

No lead is ever lost: a message is settled only after the channel answered; a worker that
dies leaves its claim to run out and another worker retries. A send that timed out may have
arrived, so it is retried too: a duplicate card is possible then, and carries the lead's
reference so recruiters can tell."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.hubs.cards import enquiry_card, erased_card, forget_notice, lead_buttons, lead_card
from bot.hubs.hub_channel import (
    ChatGone,
    ChatMoved,
    HubChannel,
    Rejected,
    RetryLater,
    TimedOut,
)
from bot.process import metrics
from bot.process.logs import without_personal_data
from knowledge.base.entries import Knowledge
from storage.database import Database, DatabaseUnavailable
from storage.hubchats import learnt_hub_chats, remember_hub_chat
from storage.leads import find_lead
from storage.models import Enquiry, OutboxMessage, Person
from storage.outbox import claim_batch, enqueue, release, settle

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=60)
MAX_BACKOFF = timedelta(minutes=10)
NO_CHAT_WAIT = timedelta(minutes=5)
MAX_OUTAGE_WAIT = 30.0  # seconds between tries while the database stays down
# Telegram lets a bot post about 20 messages a minute in one group; every relay counts them
# together through the outbox, so several workers stay under it between them.
GROUP_MESSAGES_PER_MINUTE = 20


@dataclass(frozen=True)
class Outcome:
    """How one delivery went, for figures and tests."""

    message_id: int
    kind: str
    status: str


async def _pause(seconds: float, stop: asyncio.Event | None) -> None:
    """Wait, but no longer than until `stop` is set."""
    if stop is None:
        await asyncio.sleep(seconds)
        return
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


class Relay:
    """Delivers the outbox. Any number of relays may run on one database."""

    def __init__(
        self,
        *,
        knowledge: Knowledge,
        database: Database,
        channel: HubChannel,
        hub_chats: dict[str, int],
        admin_chat: int | None,
        worker: str,
        lease: timedelta = LEASE,
        per_chat_minute: int | None = GROUP_MESSAGES_PER_MINUTE,
    ) -> None:
        self.knowledge = knowledge
        self.database = database
        self.channel = channel
        self.configured_chats = dict(hub_chats)
        self.admin_chat = admin_chat
        self.worker = worker
        self.lease = lease
        self.per_chat_minute = per_chat_minute

    def missing_chats(self) -> list[str]:
        """Hubs with no chat configured (their leads go to the national desk's chat)."""
        return [hub for hub in self.knowledge.hubs if hub not in self.configured_chats]

    async def run_forever(self, idle: float = 1.0, stop: asyncio.Event | None = None) -> None:
        """Deliver until cancelled, or until `stop` is set: then the message being sent is
        finished and recorded, the rest of the batch is released for another relay, and it
        returns. Errors are logged and the loop carries on."""
        outage = 0  # how many tries in a row found the database unavailable
        while stop is None or not stop.is_set():
            try:
                done = await self.run_once(stop=stop)
            except DatabaseUnavailable as error:
                if outage == 0:
                    log.warning("relay: database unavailable (%s); backing off", error.reason)
                outage += 1
                await _pause(min(idle * 2**outage, MAX_OUTAGE_WAIT), stop)
                continue
            except Exception as error:
                log.error(
                    "relay: unexpected failure; carrying on\n%s", without_personal_data(error)
                )
                done = []
            if outage:
                log.warning("relay: database reachable again after %d tries", outage)
                outage = 0
            if not done:
                await _pause(idle, stop)

    async def run_once(self, limit: int = 20, stop: asyncio.Event | None = None) -> list[Outcome]:
        """Claim a batch of due messages and deliver each; return what happened. Once `stop`
        is set, the messages not yet sent go back to the outbox at once, not at lease end."""
        async with self.database.transaction() as session:
            batch = await claim_batch(
                session,
                worker=self.worker,
                lease=self.lease,
                limit=limit,
                per_chat_minute=self.per_chat_minute,
            )
            chats = {**self.configured_chats, **await learnt_hub_chats(session)}
        outcomes = []
        for number, message in enumerate(batch):
            if stop is not None and stop.is_set():
                await self._release(batch[number:])
                break
            outcomes.append(await self._deliver(message, chats))
        return outcomes

    async def _release(self, messages: list[OutboxMessage]) -> None:
        async with self.database.transaction() as session:
            await release(session, worker=self.worker, message_ids=[m.id for m in messages])
        log.info("relay: released %d message(s) on stopping", len(messages))

    async def _deliver(self, message: OutboxMessage, chats: dict[str, int]) -> Outcome:
        try:
            status = await self._attempt(message, chats)
            return await self._settle(message, status)
        except RetryLater as wait:
            return await self._settle(
                message, "pending", str(wait), timedelta(seconds=wait.seconds)
            )
        except ChatMoved as moved:
            async with self.database.transaction() as session:
                if message.hub_id:
                    await remember_hub_chat(session, hub_id=message.hub_id, chat_id=moved.chat_id)
            for hub_id, chat in list(chats.items()):  # the rest of this batch goes there too
                if chat == moved.old_chat_id:
                    chats[hub_id] = moved.chat_id
            return await self._settle(message, "pending", "chat moved", timedelta(0))
        except ChatGone as gone:
            await self._alert(
                f"Cannot post to the chat of hub {message.hub_id}: {gone}. "
                f"Message {message.id} ({message.kind}) is parked."
            )
            return await self._settle(message, "parked", str(gone)[:300])
        except Rejected as rejected:
            await self._alert(f"Message {message.id} ({message.kind}) was refused: {rejected}.")
            return await self._settle(message, "dead", str(rejected)[:300])
        except (TimedOut, OSError) as error:
            return await self._settle(
                message, "pending", type(error).__name__, _backoff(message.attempts)
            )

    async def _settle(
        self,
        message: OutboxMessage,
        status: str,
        error: str | None = None,
        retry_in: timedelta | None = None,
    ) -> Outcome:
        metrics.DELIVERIES.labels(message.kind, status).inc()
        async with self.database.transaction() as session:
            await settle(
                session,
                message_id=message.id,
                worker=self.worker,
                status=status,
                error=error,
                retry_in=retry_in,
            )
        return Outcome(message.id, message.kind, status)

    def _chat(self, hub_id: str | None, chats: dict[str, int]) -> int | None:
        if hub_id and hub_id in chats:
            return chats[hub_id]
        desk = self.knowledge.national_hub
        return chats.get(desk.id) if desk else None

    async def _attempt(self, message: OutboxMessage, chats: dict[str, int]) -> str:
        """Deliver one message; return the status to settle it with."""
        kind = message.kind
        if kind == "alert":
            await self._alert(message.payload.get("text", ""))
            return "sent"
        if kind in ("enquiry_answer", "status_notice"):
            return await self._to_person(message)
        chat = self._chat(message.hub_id, chats)
        if chat is None:
            raise RetryLater(NO_CHAT_WAIT.total_seconds())
        if kind == "forget_notice":
            ref = message.payload.get("ref", "?")
            card = message.payload.get("card")
            if card and card[0] and card[1]:  # the bot's own card loses the details first
                with contextlib.suppress(ChatGone, Rejected):
                    await self.channel.edit(int(card[0]), int(card[1]), erased_card(ref))
            await self.channel.send(chat, forget_notice(ref))
            return "sent"
        if kind == "enquiry":
            return await self._enquiry(message, chat)
        async with self.database.transaction() as session:
            lead = await find_lead(session, lead_id=message.lead_id)
        if lead is None:
            return "cancelled"  # the person asked us to forget them before it went out
        if kind == "card_update":
            if lead.card_chat_id and lead.card_message_id:
                await self.channel.edit(
                    lead.card_chat_id,
                    lead.card_message_id,
                    lead_card(self.knowledge, lead),
                    lead_buttons(lead),
                )
            return "sent"
        if kind in ("reminder", "escalation") and lead.owner_id is not None:
            return "cancelled"  # claimed in the meantime
        if kind == "escalation":
            desk = self.knowledge.national_hub
            chat = chats.get(desk.id, chat) if desk else chat
            header = f"Escalated: nobody at {message.payload.get('hub_name', 'the hub')} claimed"
            if self.admin_chat is not None:
                await self.channel.send(self.admin_chat, lead_card(self.knowledge, lead, header))
        else:
            header = "Reminder: still unclaimed," if kind == "reminder" else "New lead"
        card_id = await self.channel.send(
            chat, lead_card(self.knowledge, lead, header), lead_buttons(lead)
        )
        async with self.database.transaction() as session:
            stored = await find_lead(session, lead_id=lead.id)
            if stored is not None:
                stored.card_chat_id, stored.card_message_id = chat, card_id
        return "sent"

    async def _enquiry(self, message: OutboxMessage, chat: int) -> str:
        async with self.database.transaction() as session:
            enquiry = await session.get(Enquiry, message.payload.get("enquiry_id"))
        if enquiry is None:
            return "cancelled"
        card_id = await self.channel.send(chat, enquiry_card(enquiry))
        async with self.database.transaction() as session:
            stored = await session.get(Enquiry, enquiry.id)
            if stored is not None:
                stored.card_chat_id, stored.card_message_id = chat, card_id
        return "sent"

    async def _to_person(self, message: OutboxMessage) -> str:
        async with self.database.transaction() as session:
            person = await session.get(Person, message.payload.get("person_id"))
        if person is None or not person.reachable or person.channel != "telegram":
            return "cancelled"
        try:
            await self.channel.send_to_person(person.channel_user_id, message.payload["text"])
        except ChatGone:
            return "cancelled"  # they blocked the bot: nothing more to do
        return "sent"

    async def _alert(self, text: str) -> None:
        if self.admin_chat is None:
            log.warning("relay alert (no admin chat configured): %s", text)
            return
        try:
            await self.channel.send(self.admin_chat, f"CarePath alert: {text}")
        except (RetryLater, ChatMoved, ChatGone, Rejected, TimedOut, OSError):
            log.warning("relay alert could not reach the admins: %s", text)


def _backoff(attempts: int) -> timedelta:
    seconds = min(2 ** max(attempts - 1, 0), MAX_BACKOFF.total_seconds())
    return timedelta(seconds=seconds)


async def queue_alert(database: Database, text: str) -> None:
    """Queue an alert for the admins (delivered by any relay)."""
    async with database.transaction() as session:
        await enqueue(session, kind="alert", hub_id=None, payload={"text": text})
