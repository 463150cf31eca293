"""The main menu, browsing lists, and the honest fallback when we do not know."""

from __future__ import annotations

from bot.answers.entries import payload
from bot.answers.training import apprenticeship_name
from bot.answers.wording import short_label
from bot.replies import Button, Reply
from knowledge.base.entries import Knowledge

WHAT_I_DO = (
    "I can tell you about jobs in health and adult social care (what the work is, pay, how to "
    "get in), apprenticeships, how to move up from the job you have, and which recruitment hub "
    "covers where you live."
)
SECTORS = {"social-care": "Adult social care jobs", "health": "NHS and health jobs"}


def main_menu_buttons() -> tuple[Button, ...]:
    """The starting points offered with a welcome, a fallback or small talk."""
    return (
        Button("Explore jobs", "menu:roles"),
        Button("Which job suits me?", "explore:start"),
        Button("Plan my route", "pathway:start"),
        Button("Apprenticeships", "menu:apps"),
        Button("Find my local hub", "menu:hubs"),
        Button("Register interest", "interest"),
    )


def welcome_reply() -> Reply:
    """The first message a person sees."""
    return Reply(
        "Hello! I'm CarePath, a careers assistant for health and adult social care in England. "
        f'{WHAT_I_DO}\n\nAsk me anything, for example "what does a care worker do" or '
        '"nursing associate pay", or pick an option below.',
        main_menu_buttons(),
    )


def help_reply() -> Reply:
    """What the assistant can do and how to ask."""
    return Reply(
        f'{WHAT_I_DO}\n\nAsk in your own words, typos are fine. Try: "how do I become a nurse", '
        '"how long is the adult care worker apprenticeship", "jobs in Bolton" or "NG7".\n\n'
        "Commands: /roles, /explore, /pathway, /apprenticeships, /eligible, /interest, "
        "/mystatus, /mydata, /forget, /cancel.",
        main_menu_buttons(),
    )


def fallback_reply(offer: str = "") -> Reply:
    """An honest 'I don't know' that says what we can do, offers a person, and ends with a
    gentle offer of help for anyone who wrote about something else."""
    return Reply(
        "Sorry, I don't know the answer to that one, and I'd rather not guess. "
        f"{WHAT_I_DO}\n\nYou could rephrase your question, pick an option below, or ask a "
        "person at a recruitment hub." + (f"\n\n{offer}" if offer else ""),
        (*main_menu_buttons()[:3], Button("Ask a person", "ask:person")),
    )


def gentle_reply(offer: str) -> Reply:
    """For a message that may be a sign of something hard, with no careers question in it: the
    offer of help, and what CarePath is here for, with no 'I don't know'."""
    return Reply(
        f"{offer}\n\nI'm also here whenever you want to talk about work. {WHAT_I_DO}",
        main_menu_buttons(),
    )


def ask_person_reply(knowledge: Knowledge) -> Reply:
    """How to reach a person: the national desk's contact details from the knowledge base."""
    desk = knowledge.national_hub
    if desk is None:
        return fallback_reply()
    contact = desk.contact
    ways = [
        f"email {contact.email}" if contact.email else "",
        f"phone {contact.phone}" if contact.phone else "",
        f"visit {contact.website}" if contact.website else "",
    ]
    how = ", ".join(way for way in ways if way)
    return Reply(
        f"The {desk.name} answers questions from anywhere in England: {how}. They reply "
        f"{desk.response_promise}. If you tell me your postcode or town, I can find the hub "
        "nearest you instead.",
        (Button("Find my local hub", "menu:hubs"),),
    )


def roles_menu(knowledge: Knowledge, sector: str | None) -> Reply:
    """Browse jobs: first pick a sector, then a job."""
    if sector not in SECTORS:
        buttons = tuple(Button(label, f"menu:roles:{key}") for key, label in SECTORS.items())
        return Reply("Which jobs would you like to look at?", buttons)
    roles = [r for r in knowledge.roles.values() if r.sector in (sector, "both")]
    buttons = tuple(Button(role.title, payload("roles", role.id)) for role in roles)
    return Reply(f"{SECTORS[sector]}: pick one to read about it.", buttons)


def apprenticeships_menu(knowledge: Knowledge) -> Reply:
    """Browse apprenticeships, lowest level first."""
    items = sorted(knowledge.apprenticeships.values(), key=lambda a: (a.level, a.title))
    buttons = tuple(
        Button(short_label(apprenticeship_name(item)), payload("apprenticeships", item.id))
        for item in items
    )
    return Reply(
        "Apprenticeships let you earn while you learn, from Level 2 up to degrees. Pick one, or "
        "check which you could start now:",
        (Button("Can I start one? Check", "eligible:start"), *buttons),
    )


def hubs_menu(knowledge: Knowledge) -> Reply:
    """Ask where the person is, and list the hubs."""
    buttons = tuple(
        Button(hub.short_name, payload("hubs", hub.id)) for hub in knowledge.hubs.values()
    )
    return Reply(
        "Tell me your postcode (like NG7 2RD) or your town and I'll find your recruitment hub, "
        "or pick one:",
        buttons,
    )
