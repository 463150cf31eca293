"""How CarePath points elsewhere: help in a crisis, another nation's careers routes, English."""

from __future__ import annotations

from bot.answers.wording import bullets, compose
from bot.replies import Button, Reply
from knowledge.base.entries import Knowledge
from knowledge.base.schema_signposts import Helpline, Nation, OtherLanguages, SafetyConcern

BACK_TO_CAREERS = Button("Back to careers questions", "menu")


def help_reply(concern: SafetyConcern) -> Reply:
    """The short, kind reply to a message that suggests danger, crisis, abuse or neglect."""
    return Reply(compose(concern.reply, _helplines(concern.helplines)), (BACK_TO_CAREERS,))


def offer_line(knowledge: Knowledge, concern: SafetyConcern | None = None) -> str:
    """One short, kind line offering help: the concern's own, or the one for whenever CarePath
    is unsure."""
    offer = knowledge.help_offers.get(concern.offer) if concern else knowledge.unsure_offer
    return offer.text if offer else ""


def nation_reply(nation: Nation, place: str | None = None) -> Reply:
    """CarePath covers England: the nation's own official careers routes instead."""
    opening = (
        "CarePath only covers health and social care jobs in England, so I can't pass your "
        f"details to a recruitment hub in {nation.name}."
    )
    if place:
        opening = f"{place} is in {nation.name}. {opening}"
    links = bullets(f"{link.title}: {link.url}" for link in nation.careers)
    return Reply(
        compose(
            opening,
            f"For careers in {nation.name}, these official sites will help:\n{links}",
            "If you're looking for work in England, tell me the town or postcode.",
        ),
        (BACK_TO_CAREERS,),
    )


def english_only_reply(notice: OtherLanguages) -> Reply:
    """Said simply, in English: CarePath only understands English for now."""
    return Reply(compose(notice.reply, _helplines(notice.helplines)), (BACK_TO_CAREERS,))


def _helplines(helplines: list[Helpline]) -> str:
    return bullets(
        f"{line.name}: {line.how}" + (f" ({line.when})" if line.when else "") for line in helplines
    )
