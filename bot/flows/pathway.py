"""The pathway planner: where you are, where you want to be, and the quickest route there."""

from __future__ import annotations

import re

from bot.answers.entries import payload, role_reply
from bot.answers.pictures import draw_route
from bot.answers.routes import route_reply
from bot.answers.wording import a_role, compose, short_label
from bot.flows.follow_up import job_said, remember_job, subject
from bot.flows.profile import keeps_earning, remember_circumstances
from bot.flows.turn import Turn
from bot.replies import Button, Reply
from knowledge.guidance.paths import Graph, Route
from storage.state import clear_state, set_state

FLOW = "pathway"
_NEXT_FOR_ME = re.compile(r"\bwhat'?s next\b|\bwhat is next\b|\bmove up\b|\bprogress\b", re.I)
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
    """Ask where the person is now, unless they said it: 'what's next for me' after they said
    their job (or read about a role) goes straight to where that job can lead, and /pathway
    after 'I'm a senior carer' starts from that job (with a way to say it has changed)."""
    said = turn.state.data.get("job")
    if _NEXT_FOR_ME.search(turn.text):
        known = _known_role(turn)
        if known is not None and graph.reachable_from(known):
            role = turn.knowledge.roles[known]
            return [_goals(turn, graph, known, intro=role_reply(turn.knowledge, role, "next"))]
    elif said in turn.knowledge.roles and graph.reachable_from(said):
        return [_goals(turn, graph, said)]
    return [_where_now(turn, graph)]


def _where_now(turn: Turn, graph: Graph) -> Reply:
    """Ask which job the person does now."""
    set_state(turn.state, flow=FLOW, step="current", data=turn.kept())
    starts = sorted(graph.starts, key=lambda role_id: turn.knowledge.roles[role_id].title)
    buttons = tuple(
        Button(short_label(turn.knowledge.roles[r].title), f"{FLOW}:from:{r}") for r in starts
    )
    return Reply(
        "Where are you now? Choose your job, or type it. (You can also ask me straight "
        'out, for example "from care worker to nurse".)',
        (*buttons, Button("Cancel", f"{FLOW}:cancel")),
    )


def handle(turn: Turn, graph: Graph) -> list[Reply]:
    """Take the current role, then the goal, then plan. Text that names no job lets go of the
    planner (an empty list), so the engine answers it as a question."""
    button, text = turn.incoming.button or "", turn.text
    if button == f"{FLOW}:cancel" or text.casefold() in ("cancel", "stop", "/cancel"):
        clear_state(turn.state, keep=turn.kept())
        return [Reply("OK. Ask me anything else.")]
    if turn.state.step == "current":
        role_id = button.removeprefix(f"{FLOW}:from:") if button else _role_in(turn, text)
        if role_id not in turn.knowledge.roles:
            return [
                Reply(
                    "I didn't recognise that job. Choose one of the options, or type a job "
                    "such as 'care worker'."
                )
            ]
        remember_job(turn, role_id)  # where they are now is the job they do
        if not graph.reachable_from(role_id):
            clear_state(turn.state, keep=turn.kept())
            return [
                Reply(
                    f"I don't have routes onward from {turn.knowledge.roles[role_id].title} yet.",
                    (Button("About it", payload("roles", role_id)),),
                )
            ]
        return [_goals(turn, graph, role_id)]
    start_id = turn.state.data.get("from", "")
    if button == f"{FLOW}:elsewhere":  # the job they said is not where they are now
        return [_where_now(turn, graph)]
    remember_circumstances(turn, text)
    job = job_said(turn.answerer.index, text) if not button else None
    if job is not None:  # "I'm a senior carer": plan from their own job instead
        remember_job(turn, job)
        if graph.reachable_from(job):
            return [
                _goals(
                    turn,
                    graph,
                    job,
                    intro=role_reply(turn.knowledge, turn.knowledge.roles[job], "next"),
                )
            ]
    goal = button.removeprefix(f"{FLOW}:to:") if button else _role_in(turn, text)
    if goal not in turn.knowledge.roles:
        if button:
            return [Reply("Choose where you would like to be, or type a job.")]
        clear_state(turn.state, keep=turn.kept())
        return []  # not a job: leave the planner and let the engine answer the question
    clear_state(turn.state, keep=turn.kept())
    return [planned(turn, graph, start_id, goal)]


def _goals(turn: Turn, graph: Graph, role_id: str, intro: Reply | None = None) -> Reply:
    """Every role reachable from `role_id`, to choose where the person would like to be."""
    reachable = sorted(graph.reachable_from(role_id), key=lambda r: turn.knowledge.roles[r].title)
    set_state(turn.state, flow=FLOW, step="goal", data={**turn.kept(), "from": role_id})
    buttons = tuple(
        Button(short_label(turn.knowledge.roles[r].title), f"{FLOW}:to:{r}") for r in reachable
    )
    question = "Where would you like to be? Choose one to see the route."
    if intro is None and turn.state.data.get("job") == role_id:
        title = turn.knowledge.roles[role_id].title
        question = f"You said you work as {a_role(title)}. {question}"
        buttons = (*buttons, Button("I do another job now", f"{FLOW}:elsewhere"))
    text = compose(intro.text, question) if intro else question
    return Reply(text, (*buttons, Button("Cancel", f"{FLOW}:cancel")))


def _known_role(turn: Turn) -> str | None:
    """The role 'me' is in: the job they said, or the role (or apprenticeship) last read."""
    kind, _, entry_id = (subject(turn, turn.text, "next") or "").partition(":")
    if kind == "app" and entry_id in turn.knowledge.apprenticeships:
        return turn.knowledge.apprenticeships[entry_id].roles[0]
    return entry_id if kind == "role" and entry_id in turn.knowledge.roles else None


def planned(turn: Turn, graph: Graph, start_id: str, goal: str) -> Reply:
    """The route reply with its picture."""
    routes = graph.plan(start_id, goal)
    reply = route_reply(turn.knowledge, start_id, goal, routes, keep_earning=keeps_earning(turn))
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
