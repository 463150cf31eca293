"""Replies to the kinds of question that are not about one entry: "could I start an
apprenticeship?", "what job would suit me?", "I want to apply"."""

from __future__ import annotations

from bot.replies import Button, Reply
from knowledge.base.entries import Knowledge


def kind_reply(knowledge: Knowledge, kind: str) -> Reply | None:
    """The reply for a kind of question, or None for one with no reply of its own."""
    if kind == "eligibility":
        rules = knowledge.apprenticeship_rules
        opening = f"{rules.summary} " if rules else ""
        return Reply(
            f"{opening}I can check with you in four quick questions whether you could start "
            "one now, and which.",
            (Button("Could I start one?", "eligible:start"),),
        )
    if kind == "explore":
        return Reply(
            "Seven quick questions (what draws you, experience, qualifications, driving, age, "
            "hours and whether you need to earn while you train) and I'll suggest the three jobs "
            "that "
            "fit you best, with why and how to get in.",
            (Button("Which job suits me?", "explore:start"),),
        )
    if kind == "interest":
        return Reply(
            "I can pass your details to the recruitment hub for your area, with your consent, "
            "and they'll contact you about jobs and training. It takes a minute.",
            (Button("Register interest", "interest"),),
        )
    if kind == "after-applying":  # the engine answers a person from their own requests
        return Reply(
            "Once you've sent your details with your consent, a recruiter at your area's "
            "recruitment hub contacts you, by the time we give you as you register. To see where "
            "your request stands at any time, send /mystatus.",
            (Button("Where my request stands", "status"), Button("Register interest", "interest")),
        )
    return None
