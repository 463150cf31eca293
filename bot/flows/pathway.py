"""The pathway planner: where you are, where you want to be, and the quickest route there."""

from __future__ import annotations

import re

from bot.answers import payload
from bot.flows.turn import Turn
from bot.pictures import draw_route
from bot.replies import Button, Reply
from bot.route_answers import route_reply
from bot.wording import short_label
from knowledge.paths import Graph, Route
from storage.state import clear_state, set_state

FLOW = "pathway"
INTENT = re.compile(
    r"\b(what'?s next for me|what is next for me|plan my (route|career|pathway)|"
    r"how (do|can) i (progress|move up|get promoted))\b",
    re.IGNORECASE,
)


def in_planner(turn: Turn) -> bool:
    """True while the person is choosing where they are or where they want to be."""
    return turn.state.flow == FLOW


def wants_plan(text: str) -> bool:
    """True for 'what's next for me' and the like."""
    return bool(INTENT.search(text))


def start(turn: Turn, graph: Graph) -> list[Reply]:
    """Ask where the person is now."""
    set_state(turn.state, flow=FLOW, step="current", data=turn.kept())
    starts = sorted(graph.edges, key=lambda role_id: turn.knowledge.roles[role_id].title)
    buttons = tuple(
        Button(short_label(turn.knowledge.roles[r].title), f"{FLOW}:from:{r}") for r in starts
    )
    return [
        Reply(
            "Where are you now? Tap your job, or type it. (You can also ask me straight out, for "
            'example "from care worker to nurse".)',
            (*buttons, Button("Cancel", f"{FLOW}:cancel")),
        )
    ]


def handle(turn: Turn, graph: Graph) -> list[Reply]:
    """Take the current role, then the goal, then plan."""
    button, text = turn.incoming.button or "", turn.text
    if button == f"{FLOW}:cancel" or text.casefold() in ("cancel", "stop", "/cancel"):
        clear_state(turn.state, keep=turn.kept())
        return [Reply("OK. Ask me anything else.")]
    if turn.state.step == "current":
        role_id = button.removeprefix(f"{FLOW}:from:") if button else _role_in(turn, text)
        if role_id not in turn.knowledge.roles:
            return [
                Reply(
                    "I didn't recognise that job. Tap one of the buttons, or type a job "
                    "such as 'care worker'."
                )
            ]
        reachable = sorted(
            graph.reachable_from(role_id), key=lambda r: turn.knowledge.roles[r].title
        )
        if not reachable:
            clear_state(turn.state, keep=turn.kept())
            return [
                Reply(
                    f"I don't have routes onward from {turn.knowledge.roles[role_id].title} yet.",
                    (Button("About it", payload("roles", role_id)),),
                )
            ]
        set_state(turn.state, flow=FLOW, step="goal", data={**turn.kept(), "from": role_id})
        buttons = tuple(
            Button(short_label(turn.knowledge.roles[r].title), f"{FLOW}:to:{r}") for r in reachable
        )
        return [
            Reply("Where would you like to be?", (*buttons, Button("Cancel", f"{FLOW}:cancel")))
        ]
    start_id = turn.state.data.get("from", "")
    goal = button.removeprefix(f"{FLOW}:to:") if button else _role_in(turn, text)
    if goal not in turn.knowledge.roles:
        return [Reply("Tap where you would like to be, or type a job.")]
    clear_state(turn.state, keep=turn.kept())
    return [planned(turn, graph, start_id, goal)]


def planned(turn: Turn, graph: Graph, start_id: str, goal: str) -> Reply:
    """The route reply with its picture."""
    routes = graph.plan(start_id, goal)
    reply = route_reply(turn.knowledge, start_id, goal, routes)
    return with_picture(turn, reply, routes)


def with_picture(turn: Turn, reply: Reply, routes: list[Route]) -> Reply:
    """The reply with a drawing of its quickest route attached, if there is one."""
    if not routes:
        return reply
    picture = draw_route(turn.knowledge, routes[0])
    return Reply(reply.text, reply.buttons, image_path=str(picture))


def _role_in(turn: Turn, text: str) -> str | None:
    for match in turn.answerer.index.understand(text).matches:
        if match.kind == "roles" and match.score >= 60:
            return match.entry_id
    return None
