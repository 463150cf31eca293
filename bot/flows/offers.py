"""The gentle offer of help beside an answer: first, when a message may well be a sign of a
concern; after the answer, when the sign is faint or it asks about an alarming subject as a
career."""

from __future__ import annotations

from dataclasses import replace

from bot.answers.signposts import offer_line
from bot.flows.answered import Answered, MatchInfo
from bot.flows.menu import gentle_reply
from bot.replies import Reply
from knowledge.base.entries import Knowledge
from knowledge.understanding.risk import Risk

PLAINLY_CAREERS = 80  # a careers reading this sure (of 100) is answered before the gentle line


def with_offer(
    knowledge: Knowledge, answered: Answered, risk: Risk, unsure_offer: str = ""
) -> Answered:
    """The answer with the offer of help the risk calls for (unchanged when it calls for none).
    A message that may well be a sign is never logged or kept (`private`), and its line comes
    first, unless the message is plainly a careers question: then the answer comes first."""
    concern = risk.concern
    if risk.level != "possible" or concern is None:
        return answered
    line = offer_line(knowledge, concern)
    plainly_careers = answered.match is not None and answered.match.score >= PLAINLY_CAREERS
    if not risk.first or plainly_careers:
        *first, last = answered.replies
        if unsure_offer and unsure_offer in last.text:  # a fallback: its offer, made to fit
            ended = replace(last, text=last.text.replace(unsure_offer, line))
        else:
            ended = replace(last, text=f"{last.text}\n\n{line}")
        return replace(answered, replies=[*first, ended], offer=concern.id, private=risk.first)
    if answered.match is None and not answered.suggested:
        score = round(100 * risk.probability, 1)
        match = MatchInfo("safety-offer", concern.id, None, score)
        return Answered([gentle_reply(line)], match, offer=concern.id, private=True)
    replies = [Reply(line), *answered.replies]
    return replace(answered, replies=replies, offer=concern.id, private=True)
