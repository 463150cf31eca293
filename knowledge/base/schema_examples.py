"""Schema of the example messages the learned layer is trained on."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, HttpUrl, field_validator

from knowledge.base.schema import EntryId, Strict

NO_CONCERN = "none"  # the label of ordinary messages that must never get the crisis reply


def check_messages(texts: list[str], *, longest: int) -> None:
    """Raise ValueError unless every example reads as a message and none is listed twice."""
    seen: set[str] = set()
    for text in texts:
        if not 2 <= len(text.strip()) <= longest:
            raise ValueError(f"{text!r:.60} should be a message of 2 to {longest} characters")
        key = " ".join(text.casefold().split())
        if key in seen:
            raise ValueError(f"{text!r:.60} is listed twice; keep one")
        seen.add(key)


class SafetyExamples(Strict):
    """Messages as people write them, labelled with the safety concern they show, or 'none'
    for ordinary messages (careers questions with alarming words) that must not be mistaken
    for one; with the published guidance they were written from."""

    id: EntryId
    concern: EntryId  # a safety concern's id, or 'none'
    written_from: str = Field(min_length=3, max_length=300)
    sources: list[HttpUrl] = Field(min_length=1)
    examples: list[str] = Field(min_length=5)

    @field_validator("examples")
    @classmethod
    def _examples_are_messages(cls, values: list[str]) -> list[str]:
        check_messages(values, longest=500)
        return values


# What a message can be about besides an entry: kinds of question the learned layer tells apart.
QUESTION_KINDS = (
    "route",
    "hub-search",
    "eligibility",
    "explore",
    "interest",
    "after-applying",  # 'what happens now', once details were sent
    "out-of-scope",
)
# The side of an entry a message asks about.
Aspect = Literal[
    "about", "suits", "entry", "pay", "length", "next", "reg", "apps", "funding", "earning"
]
MIN_PHRASINGS = 12  # how many ways of asking each entry and kind should have, at least


class Phrasings(Strict):
    """How people ask about one entry (or one kind of question), written as they type it and
    grouped by the aspect asked about: the examples the understanding layer learns from."""

    id: EntryId
    about: EntryId  # an entry's id, or one of QUESTION_KINDS
    examples: dict[Aspect, list[str]] = Field(min_length=1)

    @field_validator("examples")
    @classmethod
    def _examples_are_messages(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        check_messages([text for texts in value.values() for text in texts], longest=300)
        return value

    @property
    def count(self) -> int:
        """How many example messages the entry has."""
        return sum(len(texts) for texts in self.examples.values())
