"""How a planned route reads: each step with how and how long, and the totals."""

from __future__ import annotations

from bot.answers.entries import payload, role_buttons
from bot.answers.training import step_means
from bot.answers.wording import (
    Sources,
    a_role,
    bullets,
    compose,
    describe_years,
    in_sentence,
    months_text,
    short_label,
)
from bot.replies import Button, Reply
from knowledge.base.entries import Knowledge
from knowledge.guidance.paths import Route


def route_text(knowledge: Knowledge, route: Route, sources: Sources) -> str:
    """The steps of one route, each with how and how long."""
    lines = []
    for step in route.steps:
        sources.add(step.source)
        end = knowledge.roles[step.to_role]
        via = step_means(knowledge, step)
        lines.append(f"{end.title}: {via}, typically {months_text(step.months)}")
    earning = ", earning throughout" if route.earning_throughout else ""
    return compose(bullets(lines), f"In all: {describe_years(route.months)}{earning}.")


def route_reply(
    knowledge: Knowledge, start: str, goal: str, routes: list[Route], *, keep_earning: bool = False
) -> Reply:
    """The quickest route between two roles and up to two alternatives; for someone who must
    keep earning, the quickest route that earns throughout comes first."""
    origin, target = knowledge.roles[start], knowledge.roles[goal]
    start_name, goal_name = in_sentence(origin.title), in_sentence(target.title)
    if not routes:
        if goal in origin.leads_to:
            opening = (
                f"Moving on from {start_name} to {goal_name} is a common step, but I don't "
                "have a typical length for it yet."
            )
        else:
            opening = (
                f"I don't have a route from {start_name} to {goal_name} in my career pathways."
            )
        return Reply(
            f"{opening} Here's how people usually become {a_role(target.title)}:\n\n{target.entry}",
            role_buttons(target, "entry"),
        )
    sources = Sources()
    heading = f"From {start_name} to {goal_name}, the quickest route:"
    if keep_earning:
        earning = [route for route in routes if route.earning_throughout]
        routes = [*earning, *(route for route in routes if not route.earning_throughout)]
        heading = (
            f"From {start_name} to {goal_name}, the quickest route that keeps you earning:"
            if earning
            else f"From {start_name} to {goal_name} (none of the routes I know keeps you "
            "earning throughout; the quickest):"
        )
    parts = [heading, route_text(knowledge, routes[0], sources)]
    for number, route in enumerate(routes[1:], start=1):
        parts += [f"Another way ({number}):", route_text(knowledge, route, sources)]
    buttons = (
        Button(short_label(f"About {in_sentence(target.title)}"), payload("roles", goal)),
        Button("I'm interested", f"interest:role:{goal}"),
    )
    return Reply(compose(*parts, sources.footer()), buttons)
