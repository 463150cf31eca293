"""The commands a person can send (/start, /cancel, /interest, /mydata ...)."""

from __future__ import annotations

from collections.abc import Callable

from bot.answers.entries import KIND_PREFIX
from bot.flows import eligible, explore, interest, menu, pathway, privacy
from bot.flows.turn import Turn
from bot.incoming import deep_link
from bot.replies import Reply
from storage.state import clear_state, remember

RECRUITER_COMMANDS = ("/leads", "/lead", "/export", "/stats")


async def handle(turn: Turn, text: str, opening: Callable[[str], list[Reply]]) -> list[Reply]:
    """The reply to a command; `opening` is what /start shows for its deep link."""
    knowledge = turn.knowledge
    command, _, argument = text.partition(" ")
    command = command.split("@")[0].casefold()
    argument = argument.strip()
    if command == "/start":
        entry_id = deep_link(argument)[1]
        kind = knowledge.kind_of(entry_id) if entry_id else None
        if kind in ("roles", "apprenticeships"):
            remember(turn.state, last=f"{KIND_PREFIX[kind]}:{entry_id}")
        return opening(argument)
    if command == "/cancel":
        if interest.in_form(turn):
            return interest.cancel(turn)
        if turn.state.flow:
            clear_state(turn.state, keep=turn.kept())
            return [Reply("OK, I've stopped that. Ask me anything!")]
        return [Reply("There's nothing to cancel. Ask me anything!")]
    if command == "/interest":
        return await interest.start(turn)  # the last topic is offered, never assumed
    if command == "/mystatus":
        return await privacy.my_status(turn)
    if command == "/mydata":
        return await privacy.my_data(turn)
    if command == "/forget":
        return privacy.ask_to_forget(turn)
    if command == "/help":
        return [menu.help_reply()]
    if command == "/roles":
        return [menu.roles_menu(knowledge, argument or None)]
    if command == "/apprenticeships":
        return [menu.apprenticeships_menu(knowledge)]
    if command == "/hubs":
        return [menu.hubs_menu(knowledge)]
    if command == "/pathway":
        return pathway.start(turn, turn.answerer.graph)
    if command == "/explore":
        return explore.start(turn)
    if command == "/eligible":
        return eligible.start(turn)
    if command in RECRUITER_COMMANDS:
        return [Reply("That is a recruiters' command: it works only in a hub's group chat.")]
    unknown = f"I don't know the command {command}. {turn.answerer.unsure_offer}".strip()
    return [Reply(unknown), menu.help_reply()]
