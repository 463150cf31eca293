"""FAQ answers that open with Yes or No: given only to the question they answer, and read
without the Yes or No when the message was not a yes-or-no question ('how old do you...')."""

from __future__ import annotations

import re

from bot.answers.wording import opens_with_yes_or_no
from knowledge.base.entries import Knowledge
from knowledge.understanding.search import Index
from knowledge.understanding.text import STOP_STEMS, stems

_ASKS_YES_OR_NO = re.compile(
    r"\b(can|could|do|does|did|is|are|was|were|will|would|should|must|may|might|am|have|has|"
    r"shall)\s+(i|you|we|they|he|she|it|a|an|the|there|my|your|apprentices?|carers?|nurses?|"
    r"employers?|people|someone|anyone|\d+)\b",
    re.IGNORECASE,
)
_QUESTION_WORD = re.compile(r"\b(what|whats|how|when|where|why|which|who)\b", re.IGNORECASE)
SAME_QUESTION_SHARE = 0.6  # of the weight of one way the FAQ is asked


def is_yes_or_no_question(text: str) -> bool:
    """'can I work in care at 16' is; 'how old do you have to be' is not."""
    asked = _ASKS_YES_OR_NO.search(text)
    return asked is not None and not _QUESTION_WORD.search(text[: asked.start()])


class YesNoGuard:
    """Knows the ways each Yes-or-No FAQ is asked, to tell whether a message asks the same."""

    def __init__(self, knowledge: Knowledge, index: Index) -> None:
        self.index = index
        self.asked: dict[str, list[frozenset[str]]] = {
            faq.id: [frozenset(stems(text)) - STOP_STEMS for text in (faq.question, *faq.phrasings)]
            for faq in knowledge.faqs.values()
            if opens_with_yes_or_no(faq.answer)
        }

    def guards(self, faq_id: str) -> bool:
        """True when the FAQ's answer opens with Yes or No."""
        return faq_id in self.asked

    def asks_the_same(self, faq_id: str, message: set[str]) -> bool:
        """True when the message holds most of one way the FAQ is asked, by weight: its rare
        words ('DBS', 'levy') count for more than common ones ('care', 'work')."""
        weigh = self.index.weigh
        return any(
            weigh(words & message) >= SAME_QUESTION_SHARE * weigh(words)
            for words in self.asked.get(faq_id, [])
            if words
        )
