"""Whether a matched FAQ fits the question asked: a Yes-or-No FAQ only for its own question,
and an FAQ about one job never for a question that names another."""

from __future__ import annotations

from bot.flows.yes_no import YesNoGuard
from knowledge.base.entries import Knowledge
from knowledge.understanding.ranking import Match
from knowledge.understanding.search import Index, Understanding


class FaqFit:
    """Knows the jobs each FAQ asks about, and which FAQs open with Yes or No."""

    def __init__(self, knowledge: Knowledge, index: Index) -> None:
        self.index = index
        self.yes_no = YesNoGuard(knowledge, index)
        # The jobs each FAQ asks about ("...become a nurse..."); not those its answer names
        # only as examples.
        self.jobs = {
            faq.id: set().union(*map(index.roles.all_named, (faq.question, *faq.phrasings)))
            for faq in knowledge.faqs.values()
        }

    def fitting(self, understanding: Understanding) -> list[Match]:
        """The message's matches without the FAQs that answer another question."""
        said = set(understanding.stems)
        asked_job = self.index.roles.named(understanding.text)
        return [
            match
            for match in understanding.matches
            if match.kind != "faqs"
            or not (
                (
                    self.yes_no.guards(match.entry_id)
                    and not self.yes_no.asks_the_same(match.entry_id, said)
                )
                or self._about_another_job(match.entry_id, asked_job)
            )
        ]

    def names_a_job(self, faq_id: str) -> bool:
        """True when the FAQ asks about particular jobs."""
        return bool(self.jobs.get(faq_id))

    def _about_another_job(self, faq_id: str, asked_job: str | None) -> bool:
        """'Can I become a doctor through an apprenticeship?' is not answered by the FAQ
        that asks it of nurses: the message names one job and the FAQ only others."""
        named = self.jobs.get(faq_id)
        return asked_job is not None and bool(named) and asked_job not in named
