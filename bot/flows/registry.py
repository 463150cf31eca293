"""Every conversation that spans several messages, in one registry the engine dispatches on."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.flows import eligible, enquiry, explore, interest, pathway, privacy
from bot.flows.turn import Turn
from bot.replies import Reply
from knowledge.guidance.paths import Graph


@dataclass(frozen=True)
class Flow:
    """A conversation over several messages: when it is under way, what starts it, its steps.
    A step may return no replies to let go of a message that is not for it."""

    active: Callable[[Turn], bool]
    wanted: Callable[[str], bool]
    start: Callable[[Turn], Awaitable[list[Reply]]]
    handle: Callable[[Turn], Awaitable[list[Reply]]]


def conversations(graph: Graph) -> dict[str, Flow]:
    """Each flow by the prefix of its buttons, in the order their intents are tried."""
    return {
        "form": Flow(
            interest.in_form,
            interest.wants_to_apply,
            interest.start,  # the last topic is offered, never assumed
            interest.handle,
        ),
        explore.FLOW: Flow(
            explore.in_explorer,
            explore.wants_to_explore,
            _sync(explore.start),
            _sync(explore.handle),
        ),
        eligible.FLOW: Flow(
            eligible.in_check,
            eligible.wants_check,
            _sync(eligible.start),
            _sync(eligible.handle),
        ),
        pathway.FLOW: Flow(
            pathway.in_planner,
            pathway.wants_plan,
            _sync(lambda turn: pathway.start(turn, graph)),
            _sync(lambda turn: pathway.handle(turn, graph)),
        ),
        "ask": Flow(enquiry.in_enquiry, _never, enquiry.start, enquiry.handle),
        "forget": Flow(
            lambda turn: turn.state.flow == privacy.FLOW,
            _never,
            _sync(privacy.ask_to_forget),
            privacy.handle,
        ),
    }


def _never(text: str) -> bool:
    return False


def _sync(step: Callable[[Turn], list[Reply]]) -> Callable[[Turn], Awaitable[list[Reply]]]:
    async def run(turn: Turn) -> list[Reply]:
        return step(turn)

    return run
